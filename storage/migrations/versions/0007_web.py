"""web: private links (guest pages, calendar feeds, dashboards) and guests' e-mail

Revision ID: 0007_web
Revises: 0006_teams
"""
from alembic import op
import sqlalchemy as sa
import storage.models


revision = '0007_web'
down_revision = '0006_teams'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('web_links',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('token', sa.String(length=64), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('object_id', sa.Integer(), nullable=True),
    sa.Column('member_id', sa.Integer(), nullable=True),
    sa.Column('language', sa.String(length=2), nullable=True),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('created_at', storage.models.UTCDateTime(), nullable=False),
    sa.Column('revoked_at', storage.models.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_web_links_member_id_members'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['created_by'], ['members.id'], name=op.f('fk_web_links_created_by_members'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_web_links')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_web_links_token_hash'))
    )
    op.create_index('ix_web_links_kind_object', 'web_links', ['kind', 'object_id'], unique=False)
    op.create_table('guest_contacts',
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_guest_contacts_member_id_members'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('member_id', name=op.f('pk_guest_contacts'))
    )


def downgrade() -> None:
    op.drop_table('guest_contacts')
    op.drop_index('ix_web_links_kind_object', table_name='web_links')
    op.drop_table('web_links')
