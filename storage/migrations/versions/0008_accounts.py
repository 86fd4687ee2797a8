"""accounts: a member is a person with one account per platform; one-time link codes

Every member keeps its id (so every vote, answer, registration and network membership
stays theirs) and gets one account from its (platform, external_id), which the members
table then drops. Downgrading copies each person's first account back, and is refused
while someone has more than one (it would lose who they are on the others).

Revision ID: 0008_accounts
Revises: 0007_web
"""
from alembic import op
import sqlalchemy as sa
import storage.models


revision = '0008_accounts'
down_revision = '0007_web'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('accounts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('platform', sa.String(length=20), nullable=False),
    sa.Column('external_id', sa.String(length=100), nullable=False),
    sa.Column('created_at', storage.models.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_accounts_member_id_members'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_accounts')),
    sa.UniqueConstraint('platform', 'external_id', name=op.f('uq_accounts_platform'))
    )
    op.create_index(op.f('ix_accounts_member_id'), 'accounts', ['member_id'], unique=False)
    op.create_table('account_link_codes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('code_hash', sa.String(length=64), nullable=False),
    sa.Column('platform', sa.String(length=20), nullable=False),
    sa.Column('expires_at', storage.models.UTCDateTime(), nullable=False),
    sa.Column('used_at', storage.models.UTCDateTime(), nullable=True),
    sa.Column('created_at', storage.models.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_account_link_codes_member_id_members'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_account_link_codes'))
    )
    op.create_index(op.f('ix_account_link_codes_code_hash'), 'account_link_codes', ['code_hash'], unique=False)
    op.create_index(op.f('ix_account_link_codes_member_id'), 'account_link_codes', ['member_id'], unique=False)
    # One account per member, in member order: the member's first account.
    op.execute(
        "INSERT INTO accounts (member_id, platform, external_id, created_at) "
        "SELECT id, platform, external_id, created_at FROM members ORDER BY id"
    )
    with op.batch_alter_table('members', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_members_platform'), type_='unique')
        batch_op.drop_column('external_id')
        batch_op.drop_column('platform')


def downgrade() -> None:
    bind = op.get_bind()
    linked = bind.execute(sa.text(
        "SELECT m.name, COUNT(*) FROM accounts a JOIN members m ON m.id = a.member_id "
        "GROUP BY m.id, m.name HAVING COUNT(*) > 1 ORDER BY m.name"
    )).fetchall()
    if linked:
        names = ", ".join(f"{name} ({count})" for name, count in linked[:10])
        raise RuntimeError(
            "cannot downgrade below 0008_accounts: these people have more than one account "
            f"and the old schema keeps one per member: {names}. Unlink the extra accounts "
            "first (/partnerbot medlem koble fra ...)."
        )
    with op.batch_alter_table('members', schema=None) as batch_op:
        batch_op.add_column(sa.Column('platform', sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column('external_id', sa.String(length=100), nullable=True))
    op.execute(
        "UPDATE members SET "
        "platform = (SELECT a.platform FROM accounts a WHERE a.member_id = members.id), "
        "external_id = (SELECT a.external_id FROM accounts a WHERE a.member_id = members.id)"
    )
    # A member without an account (none is made so, but a hand-edited database may hold
    # one) keeps a placeholder that can never match a real account id.
    op.execute(
        "UPDATE members SET platform = 'none', external_id = 'member-' || id "
        "WHERE platform IS NULL"
    )
    with op.batch_alter_table('members', schema=None) as batch_op:
        batch_op.alter_column('platform', existing_type=sa.String(length=20), nullable=False)
        batch_op.alter_column('external_id', existing_type=sa.String(length=100), nullable=False)
        batch_op.create_unique_constraint(batch_op.f('uq_members_platform'), ['platform', 'external_id'])
    op.drop_index(op.f('ix_account_link_codes_member_id'), table_name='account_link_codes')
    op.drop_index(op.f('ix_account_link_codes_code_hash'), table_name='account_link_codes')
    op.drop_table('account_link_codes')
    op.drop_index(op.f('ix_accounts_member_id'), table_name='accounts')
    op.drop_table('accounts')
