"""The dashboard's outcomes proposed and decisions on them (hub/stats.py), for stats'
outcomes; filled from the records the hub already holds.

Revision ID: h0007_stat_outcomes
Revises: h0006_stat_times
"""

import sqlalchemy as sa
from alembic import op

revision = "h0007_stat_outcomes"
down_revision = "h0006_stat_times"
branch_labels = None
depends_on = None

_ID = sa.String(64)


def upgrade() -> None:
    """Create the two tables and fill them from hub_records."""
    from ctpat_desktop.hub.stats import rebuild_outcomes

    op.create_table(
        "hub_stat_outcomes",
        sa.Column("id", _ID, nullable=False),
        sa.Column("validation_id", _ID, nullable=False),
        sa.Column("result", sa.String(32), nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_hub_stat_outcomes"),
    )
    op.create_table(
        "hub_stat_decisions",
        sa.Column("id", _ID, nullable=False),
        sa.Column("validation_id", _ID, nullable=False),
        sa.Column("decision", sa.String(16), nullable=False),
        sa.Column("result", sa.String(32), nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_hub_stat_decisions"),
    )
    for table in ("hub_stat_outcomes", "hub_stat_decisions"):
        op.create_index(f"ix_{table}_validation_id", table, ["validation_id"])
    rebuild_outcomes(op.get_bind())


def downgrade() -> None:
    """Drop the two tables."""
    for table in ("hub_stat_decisions", "hub_stat_outcomes"):
        op.drop_table(table)
