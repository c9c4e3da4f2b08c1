"""Initial hub schema: records, users, applied keys, the change counter, blobs.

Revision ID: h0001_initial
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "h0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create every table of the first hub schema and the counter's single row."""
    op.create_table(
        "hub_records",
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("office", sa.String(100), nullable=True),
        sa.Column("validation_id", sa.String(64), nullable=True),
        sa.Column("sha256", sa.String(64), nullable=True),
        sa.Column("rev", sa.Integer, nullable=False),
        sa.Column("seq", sa.BigInteger, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.Column("fields", sa.Text, nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.Column("updated_by", sa.String(100), nullable=False),
        sa.PrimaryKeyConstraint("kind", "id", name="pk_hub_records"),
    )
    op.create_index("ix_hub_records_seq", "hub_records", ["seq"], unique=True)
    op.create_index("ix_hub_records_validation_id", "hub_records", ["validation_id"])
    op.create_index("ix_hub_records_sha256", "hub_records", ["sha256"])
    op.create_table(
        "hub_users",
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("office", sa.String(100), nullable=True),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("bundle_key", sa.String(64), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("disabled", sa.Boolean, nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_hub_users"),
        sa.UniqueConstraint("token_hash", name="uq_hub_users_token_hash"),
    )
    op.create_table(
        "hub_applied",
        sa.Column("key", sa.String(100), nullable=False),
        sa.Column("user_name", sa.String(100), nullable=False),
        sa.Column("result", sa.Text, nullable=False),
        sa.Column("applied_at", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_hub_applied"),
    )
    counter = op.create_table(
        "hub_counter",
        sa.Column("id", sa.Integer, nullable=False, autoincrement=False),
        sa.Column("seq", sa.BigInteger, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_hub_counter"),
    )
    op.bulk_insert(counter, [{"id": 1, "seq": 0}])
    op.create_table(
        "hub_blobs",
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("stored_at", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name="pk_hub_blobs"),
    )
