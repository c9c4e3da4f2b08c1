"""Follow-up after signing is appended: responses, decisions, extensions and closures as
records of their own, so a signed validation is followed up without a reopen.

A new table: existing data folders start with no follow-up records, and what their findings
were signed with (a response, an extension recorded before signing) stays the start.

Revision ID: 0012_followups
Revises: 0011_session_periods
"""

import sqlalchemy as sa
from alembic import op

revision = "0012_followups"
down_revision = "0011_session_periods"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create followups."""
    op.create_table(
        "followups",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column(
            "validation_id",
            sa.String(36),
            sa.ForeignKey("validations.id", name="fk_followups_validation_id_validations"),
            nullable=False,
        ),
        sa.Column("criterion", sa.String(8), nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("event", sa.String(16), nullable=False),
        sa.Column("report_version", sa.Integer, nullable=False),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
        sa.Column("implemented", sa.Boolean, nullable=True),
        sa.Column("accepted", sa.Boolean, nullable=True),
        sa.Column("days", sa.Integer, nullable=True),
        sa.Column("recorded_at", sa.String(32), nullable=False),
        sa.Column("recorded_by", sa.String(120), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_followups"),
    )
    op.create_index("ix_followups_validation_id", "followups", ["validation_id"])


def downgrade() -> None:
    """Drop followups."""
    op.drop_index("ix_followups_validation_id", "followups")
    op.drop_table("followups")
