"""security: hearing answer history; numbers never reused on SQLite (AUTOINCREMENT)

Revision ID: 0005_security
Revises: 0004_inbox
"""
from alembic import op
import sqlalchemy as sa
import storage.models


revision = '0005_security'
down_revision = '0004_inbox'
branch_labels = None
depends_on = None

# Tables whose ids members see as numbers (#7), and their type in the audit log.
NUMBERED = {'actions': 'action', 'hearings': 'hearing', 'polls': 'poll', 'conferences': 'conference'}


def upgrade() -> None:
    op.create_table('hearing_answers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('addressee_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=True),
    sa.Column('at', storage.models.UTCDateTime(), nullable=False),
    sa.Column('link', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['addressee_id'], ['hearing_addressees.id'], name=op.f('fk_hearing_answers_addressee_id_hearing_addressees'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_hearing_answers_member_id_members'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_hearing_answers'))
    )
    op.create_index(op.f('ix_hearing_answers_addressee_id'), 'hearing_answers', ['addressee_id'], unique=False)
    if op.get_bind().dialect.name != 'sqlite':
        return  # PostgreSQL sequences never hand out a number twice
    # Without AUTOINCREMENT SQLite reuses the highest id after it is deleted. The tables
    # are rebuilt with it (env.py turns foreign keys off meanwhile, so no cascade runs);
    # the counter starts past every number ever given, deleted ones in the audit log too.
    for table, kind in NUMBERED.items():
        with op.batch_alter_table(table, recreate='always', table_kwargs={'sqlite_autoincrement': True}):
            pass
        op.execute(
            sa.text(
                f"INSERT INTO sqlite_sequence (name, seq) SELECT :table, max(n) FROM ("
                f"SELECT coalesce(max(id), 0) AS n FROM {table} UNION ALL "
                "SELECT coalesce(max(object_id), 0) FROM audit_log WHERE object_type = :kind)"
            ).bindparams(table=table, kind=kind)
        )
        op.execute(
            sa.text(
                "DELETE FROM sqlite_sequence WHERE name = :table AND rowid NOT IN "
                "(SELECT max(rowid) FROM sqlite_sequence WHERE name = :table)"
            ).bindparams(table=table)
        )


def downgrade() -> None:
    op.drop_index(op.f('ix_hearing_answers_addressee_id'), table_name='hearing_answers')
    op.drop_table('hearing_answers')
