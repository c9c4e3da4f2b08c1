"""The hub's identity and epoch, and the epoch each record was last written in.

hub_id names this hub for good (a laptop refuses another hub at its address); the epoch
changes when the hub finds its database restored from an older copy, so laptops know to
re-send what it lost and to look again at what it holds. Records written before epochs
existed have none (they count as the first epoch's).

Revision ID: h0004_identity
Revises: h0003_trust
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "h0004_identity"
down_revision = "h0003_trust"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create hub_meta with a new hub_id and epoch; add hub_records.epoch."""
    meta = op.create_table(
        "hub_meta",
        sa.Column("key", sa.String(40), nullable=False),
        sa.Column("value", sa.String(100), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_hub_meta"),
    )
    op.bulk_insert(
        meta,
        [
            {"key": "hub_id", "value": str(uuid.uuid4())},
            {"key": "epoch", "value": str(uuid.uuid4())},
        ],
    )
    with op.batch_alter_table("hub_records") as batch:
        batch.add_column(sa.Column("epoch", sa.String(36), nullable=True))


def downgrade() -> None:
    """Drop hub_records.epoch and hub_meta."""
    with op.batch_alter_table("hub_records") as batch:
        batch.drop_column("epoch")
    op.drop_table("hub_meta")
