"""Findings carry the member's profile answer and its response to the finding.

Revision ID: 0002_member_answers
Revises: 0001_initial
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_member_answers"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the profile answer and the member's response to findings."""
    with op.batch_alter_table("findings") as batch:
        batch.add_column(sa.Column("profile_answer", sa.Text, nullable=False, server_default=""))
        batch.add_column(sa.Column("response_implemented", sa.Boolean, nullable=True))
        batch.add_column(sa.Column("response_note", sa.Text, nullable=False, server_default=""))


def downgrade() -> None:
    """Drop the member's answers from findings."""
    with op.batch_alter_table("findings") as batch:
        batch.drop_column("response_note")
        batch.drop_column("response_implemented")
        batch.drop_column("profile_answer")
