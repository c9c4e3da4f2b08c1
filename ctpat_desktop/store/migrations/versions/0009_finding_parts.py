"""Findings name the parts of a criterion that are not met.

Some MSC criteria mix Must and Should parts (3.1: partner screening Must, money-laundering
checks Should); a not-met on only Should parts is a recommendation, not a required action.

Revision ID: 0009_finding_parts
Revises: 0008_audit_unindexed
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_finding_parts"
down_revision = "0008_audit_unindexed"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add findings.unmet_parts (a JSON list of part keys, empty for the whole criterion)."""
    with op.batch_alter_table("findings") as batch:
        batch.add_column(sa.Column("unmet_parts", sa.Text, nullable=False, server_default="[]"))


def downgrade() -> None:
    """Drop findings.unmet_parts."""
    with op.batch_alter_table("findings") as batch:
        batch.drop_column("unmet_parts")
