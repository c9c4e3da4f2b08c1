"""Feedback after a validation: the SCSS's answers to the short form (technology quality,
what could not be verified remotely, time lost, free text) and the member's, each a record
written once (sync/feedback_rules.py).

A new table: existing data folders start with no feedback.

Revision ID: 0014_feedback
Revises: 0013_visit_records
"""

import sqlalchemy as sa
from alembic import op

revision = "0014_feedback"
down_revision = "0013_visit_records"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create feedback."""
    op.create_table(
        "feedback",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column(
            "validation_id",
            sa.String(36),
            sa.ForeignKey("validations.id", name="fk_feedback_validation_id_validations"),
            nullable=False,
        ),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("technology_quality", sa.Integer, nullable=True),
        sa.Column("not_verifiable", sa.Text, nullable=False, server_default="[]"),
        sa.Column("not_verifiable_note", sa.Text, nullable=False, server_default=""),
        sa.Column("minutes_lost", sa.Integer, nullable=True),
        sa.Column("comments", sa.Text, nullable=False, server_default=""),
        sa.Column("recorded_at", sa.String(32), nullable=False),
        sa.Column("recorded_by", sa.String(120), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_feedback"),
    )
    op.create_index("ix_feedback_validation_id", "feedback", ["validation_id"])


def downgrade() -> None:
    """Drop feedback."""
    op.drop_index("ix_feedback_validation_id", "feedback")
    op.drop_table("feedback")
