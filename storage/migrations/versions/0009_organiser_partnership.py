"""organisers placed: an organiser in no partnership gets the partnership of their first network

Since an organiser's role counts only in their own partnership (members.partnership_id),
an organiser left in none in a database that has partnerships would lose every right on
upgrade. Each such organiser is placed in the partnership of their first network (the
lowest network id that lies in a partnership); one with no such network stays in none
(`partnerbot doctor` names them, with the command that places them). A database without
partnerships is left as it is. Data only: downgrading changes nothing back (the schema is
the same, and an organiser's partnership was theirs to have all along).

Revision ID: 0009_organiser_partnership
Revises: 0008_accounts
"""
from alembic import op
import sqlalchemy as sa


revision = '0009_organiser_partnership'
down_revision = '0008_accounts'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.get_bind().execute(sa.text(
        "UPDATE members SET partnership_id = ("
        " SELECT n.partnership_id FROM network_members nm"
        " JOIN networks n ON n.id = nm.network_id"
        " WHERE nm.member_id = members.id AND n.partnership_id IS NOT NULL"
        " ORDER BY n.id LIMIT 1)"
        " WHERE role = 'organiser' AND partnership_id IS NULL"
    ))


def downgrade() -> None:
    pass
