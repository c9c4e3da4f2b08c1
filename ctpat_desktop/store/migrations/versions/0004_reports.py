"""Every issued (signed) report is recorded: version, SHA-256, signer, time.

Revision ID: 0004_reports
Revises: 0003_validation_office
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_reports"
down_revision = "0003_validation_office"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the reports table."""
    op.create_table(
        "reports",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column(
            "validation_id",
            sa.String(36),
            sa.ForeignKey("validations.id", name="fk_reports_validation_id_validations"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("signer", sa.String(200), nullable=False),
        sa.Column("signed_at", sa.String(32), nullable=False),
        sa.Column("file_name", sa.String(255), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.UniqueConstraint("validation_id", "version", name="uq_reports_validation_id"),
    )


def downgrade() -> None:
    """Drop the reports table."""
    op.drop_table("reports")
