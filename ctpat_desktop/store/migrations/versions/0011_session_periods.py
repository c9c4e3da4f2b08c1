"""Session times are records: the stretches of time spent on each category.

Before, the session timer lived in the window and was lost on close. A new table, so
existing data folders simply start with no recorded time.

Revision ID: 0011_session_periods
Revises: 0010_evidence_caption
"""

import sqlalchemy as sa
from alembic import op

revision = "0011_session_periods"
down_revision = "0010_evidence_caption"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create session_periods."""
    op.create_table(
        "session_periods",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column(
            "validation_id",
            sa.String(36),
            sa.ForeignKey("validations.id", name="fk_session_periods_validation_id_validations"),
            nullable=False,
        ),
        sa.Column("category", sa.Integer, nullable=True),
        sa.Column("started_at", sa.String(32), nullable=False),
        sa.Column("ended_at", sa.String(32), nullable=False),
        sa.Column("recorded_by", sa.String(120), nullable=False),
        sa.Column("rev", sa.Integer, nullable=False, server_default="1"),
        sa.Column("server_seq", sa.Integer, nullable=True),
        sa.Column("deleted", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.PrimaryKeyConstraint("id", name="pk_session_periods"),
    )
    op.create_index("ix_session_periods_validation_id", "session_periods", ["validation_id"])


def downgrade() -> None:
    """Drop session_periods."""
    op.drop_index("ix_session_periods_validation_id", "session_periods")
    op.drop_table("session_periods")
