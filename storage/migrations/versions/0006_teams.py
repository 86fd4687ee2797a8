"""teams_conversations, teams_people: where the Teams adapter may post on its own;
shared_files: files offered as expiring links

Revision ID: 0006_teams
Revises: 0005_security
"""
from alembic import op
import sqlalchemy as sa
import storage.models


revision = '0006_teams'
down_revision = '0005_security'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('teams_conversations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('conversation_id', sa.String(length=300), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('service_url', sa.String(length=500), nullable=False),
    sa.Column('tenant_id', sa.String(length=100), nullable=True),
    sa.Column('bot_id', sa.String(length=200), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=True),
    sa.Column('updated_at', storage.models.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_teams_conversations')),
    sa.UniqueConstraint('conversation_id', name=op.f('uq_teams_conversations_conversation_id'))
    )
    op.create_table('teams_people',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('aad_object_id', sa.String(length=100), nullable=False),
    sa.Column('user_id', sa.String(length=200), nullable=False),
    sa.Column('service_url', sa.String(length=500), nullable=False),
    sa.Column('tenant_id', sa.String(length=100), nullable=True),
    sa.Column('bot_id', sa.String(length=200), nullable=False),
    sa.Column('personal_conversation_id', sa.String(length=300), nullable=True),
    sa.Column('updated_at', storage.models.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_teams_people')),
    sa.UniqueConstraint('aad_object_id', name=op.f('uq_teams_people_aad_object_id'))
    )

    op.create_table('shared_files',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('token', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('mime', sa.String(length=100), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.Column('expires_at', storage.models.UTCDateTime(), nullable=False),
    sa.Column('created_at', storage.models.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_shared_files')),
    sa.UniqueConstraint('token', name=op.f('uq_shared_files_token'))
    )
    op.create_index('ix_shared_files_expires_at', 'shared_files', ['expires_at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_shared_files_expires_at', table_name='shared_files')
    op.drop_table('shared_files')
    op.drop_table('teams_people')
    op.drop_table('teams_conversations')
