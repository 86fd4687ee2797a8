"""polls: place and agenda of the meeting a poll is for

Revision ID: 0002_polls
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa


revision = '0002_polls'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('polls', sa.Column('place', sa.Text(), nullable=True))
    op.add_column('polls', sa.Column('agenda', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('polls') as batch:
        batch.drop_column('agenda')
        batch.drop_column('place')
