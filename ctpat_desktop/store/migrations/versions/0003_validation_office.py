"""Validations record the field office that conducted them.

Revision ID: 0003_validation_office
Revises: 0002_member_answers
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_validation_office"
down_revision = "0002_member_answers"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the office column (empty for validations made before it existed)."""
    with op.batch_alter_table("validations") as batch:
        batch.add_column(sa.Column("office", sa.String(80), nullable=False, server_default=""))


def downgrade() -> None:
    """Drop the office column."""
    with op.batch_alter_table("validations") as batch:
        batch.drop_column("office")
