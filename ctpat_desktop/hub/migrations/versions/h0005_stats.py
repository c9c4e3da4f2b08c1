"""The dashboard's tables (hub/stats.py): validations with their finding totals, members,
findings and the deficiencies, in the laptop's column names; filled from the records.

Revision ID: h0005_stats
Revises: h0004_identity
"""

import sqlalchemy as sa
from alembic import op

revision = "h0005_stats"
down_revision = "h0004_identity"
branch_labels = None
depends_on = None

_ID = sa.String(64)


def upgrade() -> None:
    """Create the four tables and fill them from hub_records."""
    from ctpat_desktop.hub.stats import rebuild

    op.create_table(
        "hub_stat_members",
        sa.Column("id", _ID, nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_hub_stat_members"),
    )
    op.create_table(
        "hub_stat_validations",
        sa.Column("id", _ID, nullable=False),
        sa.Column("member_id", _ID, nullable=False),
        sa.Column("entity", sa.String(40), nullable=False),
        sa.Column("catalog_version", sa.String(20), nullable=False),
        sa.Column("mode", sa.String(16), nullable=False),
        sa.Column("date", sa.String(10), nullable=False),
        sa.Column("scss", sa.String(120), nullable=False),
        sa.Column("office", sa.String(100), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.Column("reviewed", sa.Integer, nullable=False),
        sa.Column("deficient", sa.Integer, nullable=False),
        sa.Column("reviewed_categories", sa.Integer, nullable=False),
        sa.Column("reviewed_criteria", sa.Text, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_hub_stat_validations"),
    )
    op.create_table(
        "hub_stat_findings",
        sa.Column("id", _ID, nullable=False),
        sa.Column("validation_id", _ID, nullable=False),
        sa.Column("criterion", sa.String(8), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("reasons", sa.Text, nullable=False),
        sa.Column("unmet_parts", sa.Text, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_hub_stat_findings"),
    )
    op.create_index("ix_hub_stat_findings_validation_id", "hub_stat_findings", ["validation_id"])
    op.create_table(
        "hub_stat_deficiencies",
        sa.Column("id", _ID, nullable=False),
        sa.Column("validation_id", _ID, nullable=False),
        sa.Column("criterion", sa.String(8), nullable=False),
        sa.Column("unmet_parts", sa.Text, nullable=False),
        sa.Column("reasons", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_hub_stat_deficiencies"),
    )
    op.create_index(
        "ix_hub_stat_deficiencies_validation_id", "hub_stat_deficiencies", ["validation_id"]
    )
    rebuild(op.get_bind())


def downgrade() -> None:
    """Drop the dashboard's tables."""
    for table in (
        "hub_stat_deficiencies",
        "hub_stat_findings",
        "hub_stat_validations",
        "hub_stat_members",
    ):
        op.drop_table(table)
