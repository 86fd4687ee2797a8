"""inbox: requests acknowledged to a chat platform, stored before the ack and run by
workers (replaces handled_requests: the inbox key is the retry-stable id); outbox.sent_to,
the destinations that already got a message

Revision ID: 0004_inbox
Revises: 0002_slack
"""
from alembic import op
import sqlalchemy as sa
import storage.models


revision = '0004_inbox'
down_revision = '0002_slack'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('inbox',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('platform', sa.String(length=20), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('member', sa.String(length=200), nullable=False),
    sa.Column('body', sa.JSON(), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('received_at', storage.models.UTCDateTime(), nullable=False),
    sa.Column('claim_token', sa.String(length=64), nullable=True),
    sa.Column('lease_until', storage.models.UTCDateTime(), nullable=True),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('answer', sa.JSON(), nullable=True),
    sa.Column('done_at', storage.models.UTCDateTime(), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inbox')),
    sa.UniqueConstraint('key', name=op.f('uq_inbox_key'))
    )
    op.create_index('ix_inbox_state_member_id', 'inbox', ['state', 'member', 'id'], unique=False)
    op.create_index('ix_inbox_member_id', 'inbox', ['member', 'id'], unique=False)
    op.drop_table('handled_requests')
    op.add_column('outbox', sa.Column('sent_to', sa.JSON(), nullable=True))


def downgrade() -> None:
    op.drop_column('outbox', 'sent_to')
    op.create_table('handled_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('created_at', storage.models.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_handled_requests')),
    sa.UniqueConstraint('key', name=op.f('uq_handled_requests_key'))
    )
    op.drop_index('ix_inbox_member_id', table_name='inbox')
    op.drop_index('ix_inbox_state_member_id', table_name='inbox')
    op.drop_table('inbox')
