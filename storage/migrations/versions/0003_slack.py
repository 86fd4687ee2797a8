"""handled_requests: idempotency keys of chat platform requests (Slack retries)

Revision ID: 0002_slack
Revises: 0002_polls
"""
from alembic import op
import sqlalchemy as sa
import storage.models


revision = '0002_slack'
down_revision = '0002_polls'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('handled_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('created_at', storage.models.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_handled_requests')),
    sa.UniqueConstraint('key', name=op.f('uq_handled_requests_key'))
    )


def downgrade() -> None:
    op.drop_table('handled_requests')
