"""The hub's identity and epoch, the epoch each record was last written in, and the member
each validation names (members are seen only where a validation of theirs is).

hub_id names this hub for good (a laptop refuses another hub at its address); the epoch
changes when the hub finds its database restored from an older copy, so laptops know to
re-send what it lost and to look again at what it holds. Records written before epochs
existed have none (they count as the first epoch's).

Revision ID: h0004_identity
Revises: h0003_trust
"""

import json
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
        batch.add_column(sa.Column("member_id", sa.String(64), nullable=True))
        batch.create_index("ix_hub_records_member_id", ["member_id"])
    records = sa.table(
        "hub_records",
        sa.column("kind", sa.String),
        sa.column("id", sa.String),
        sa.column("fields", sa.Text),
        sa.column("member_id", sa.String),
    )
    conn = op.get_bind()
    rows = conn.execute(
        sa.select(records.c.id, records.c.fields).where(records.c.kind == "validation")
    ).all()
    for row in rows:
        member = json.loads(row.fields).get("member_id")
        if isinstance(member, str):
            conn.execute(
                sa.update(records)
                .where(records.c.kind == "validation", records.c.id == row.id)
                .values(member_id=member)
            )


def downgrade() -> None:
    """Drop hub_records.epoch and member_id, and hub_meta."""
    with op.batch_alter_table("hub_records") as batch:
        batch.drop_index("ix_hub_records_member_id")
        batch.drop_column("member_id")
        batch.drop_column("epoch")
    op.drop_table("hub_meta")
