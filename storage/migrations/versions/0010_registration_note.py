"""registration note: what a participant tells the organiser with a registration

Food, allergies, access: ``/konferanse meld på 2 merknad "vegetar"``. Nullable, so every
registration made before has none.

Revision ID: 0010_registration_note
Revises: 0009_organiser_partnership
"""
from alembic import op
import sqlalchemy as sa


revision = '0010_registration_note'
down_revision = '0009_organiser_partnership'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('registrations') as batch:
        batch.add_column(sa.Column('note', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('registrations') as batch:
        batch.drop_column('note')
