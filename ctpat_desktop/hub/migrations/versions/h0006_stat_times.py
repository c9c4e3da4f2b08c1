"""The dashboard's session times, signed reports and follow-up records (hub/stats.py), for
the virtual-validation metrics; filled from the records the hub already holds.

Revision ID: h0006_stat_times
Revises: h0005_stats
"""

import sqlalchemy as sa
from alembic import op

revision = "h0006_stat_times"
down_revision = "h0005_stats"
branch_labels = None
depends_on = None

_ID = sa.String(64)
_STAMP = sa.String(32)


def upgrade() -> None:
    """Create the three tables and fill them from hub_records."""
    from ctpat_desktop.hub.stats import rebuild_times

    op.create_table(
        "hub_stat_periods",
        sa.Column("id", _ID, nullable=False),
        sa.Column("validation_id", _ID, nullable=False),
        sa.Column("category", sa.Integer, nullable=True),
        sa.Column("started_at", _STAMP, nullable=False),
        sa.Column("ended_at", _STAMP, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_hub_stat_periods"),
    )
    op.create_table(
        "hub_stat_reports",
        sa.Column("id", _ID, nullable=False),
        sa.Column("validation_id", _ID, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("signed_at", _STAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_hub_stat_reports"),
    )
    op.create_table(
        "hub_stat_followups",
        sa.Column("id", _ID, nullable=False),
        sa.Column("validation_id", _ID, nullable=False),
        sa.Column("criterion", sa.String(8), nullable=False),
        sa.Column("event", sa.String(16), nullable=False),
        sa.Column("report_version", sa.Integer, nullable=False),
        sa.Column("days", sa.Integer, nullable=True),
        sa.Column("recorded_at", _STAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_hub_stat_followups"),
    )
    for table in ("hub_stat_periods", "hub_stat_reports", "hub_stat_followups"):
        op.create_index(f"ix_{table}_validation_id", table, ["validation_id"])
    rebuild_times(op.get_bind())


def downgrade() -> None:
    """Drop the three tables."""
    for table in ("hub_stat_followups", "hub_stat_reports", "hub_stat_periods"):
        op.drop_table(table)
