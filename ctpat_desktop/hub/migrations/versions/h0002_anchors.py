"""Audit anchors: how many audit events each laptop had, and the last one's hash.

Revision ID: h0002_anchors
Revises: h0001_initial
"""

import sqlalchemy as sa
from alembic import op

revision = "h0002_anchors"
down_revision = "h0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create hub_anchors."""
    op.create_table(
        "hub_anchors",
        sa.Column("install", sa.String(64), nullable=False),
        sa.Column("user_name", sa.String(100), nullable=False),
        sa.Column("events", sa.BigInteger, nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("install", name="pk_hub_anchors"),
    )


def downgrade() -> None:
    """Drop hub_anchors."""
    op.drop_table("hub_anchors")
