"""Local sync state: what the hub last confirmed, open conflicts, changes waiting for a parent.

Revision ID: 0006_sync
Revises: 0005_workspace
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_sync"
down_revision = "0005_workspace"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the sync_* tables."""
    op.create_table(
        "sync_base",
        sa.Column("kind", sa.String(20), primary_key=True),
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("local_rev", sa.Integer, nullable=False),
        sa.Column("server_rev", sa.Integer, nullable=False),
        sa.Column("server_seq", sa.Integer, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.Column("fields", sa.Text, nullable=False),
    )
    op.create_table(
        "sync_sent",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("key", sa.String(100), nullable=False),
        sa.UniqueConstraint("key", name="uq_sync_sent_key"),
        sa.Column("local_rev", sa.Integer, nullable=False),
        sa.Column("mutation", sa.Text, nullable=False),
        sa.Index("ix_sync_sent_kind", "kind", "id"),
    )
    op.create_table(
        "sync_conflicts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("record_id", sa.String(64), nullable=False),
        sa.Column("field", sa.String(40), nullable=False),
        sa.Column("local_value", sa.Text, nullable=False),
        sa.Column("server_value", sa.Text, nullable=False),
        sa.Column("server_rev", sa.Integer, nullable=False),
        sa.Column("server_by", sa.String(120), nullable=False),
        sa.Column("detected_at", sa.String(32), nullable=False),
        sa.UniqueConstraint("kind", "record_id", "field", name="uq_sync_conflicts_kind"),
    )
    op.create_table(
        "sync_parked",
        sa.Column("kind", sa.String(20), primary_key=True),
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("change", sa.Text, nullable=False),
        sa.Column("problem", sa.Text, nullable=False),
    )
    op.create_table(
        "sync_state",
        sa.Column("key", sa.String(40), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )


def downgrade() -> None:
    """Drop the sync_* tables."""
    for table in ("sync_state", "sync_parked", "sync_conflicts", "sync_sent", "sync_base"):
        op.drop_table(table)
