"""The live session's details on validations; due-date extensions and the SCSS's decision on
the member's response on findings.

Revision ID: 0005_workspace
Revises: 0004_reports
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_workspace"
down_revision = "0004_reports"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add WebEx link, participants, planned time, archive flag; extensions and acceptance."""
    with op.batch_alter_table("validations") as batch:
        batch.add_column(sa.Column("webex_url", sa.Text, nullable=False, server_default=""))
        batch.add_column(sa.Column("participants", sa.Text, nullable=False, server_default="[]"))
        batch.add_column(
            sa.Column("planned_minutes", sa.Integer, nullable=False, server_default="240")
        )
        batch.add_column(
            sa.Column("archived", sa.Boolean, nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table("findings") as batch:
        batch.add_column(sa.Column("extension_days", sa.Integer, nullable=True))
        batch.add_column(sa.Column("extension_reason", sa.Text, nullable=False, server_default=""))
        batch.add_column(sa.Column("response_accepted", sa.Boolean, nullable=True))


def downgrade() -> None:
    """Drop the columns again."""
    with op.batch_alter_table("findings") as batch:
        for column in ("response_accepted", "extension_reason", "extension_days"):
            batch.drop_column(column)
    with op.batch_alter_table("validations") as batch:
        for column in ("archived", "planned_minutes", "participants", "webex_url"):
            batch.drop_column(column)
