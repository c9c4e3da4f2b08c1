"""Trust no laptop: who uploaded each evidence file, what each idempotency key carried,
room for sealed bundle keys.

- hub_blob_offices: the offices whose users uploaded (so proved they hold) each evidence
  file; an evidence record may only name content its office uploaded. Filled from the
  evidence records already stored.
- hub_applied.digest: the SHA-256 of the change a key was first used with, so a replay
  with other content is refused (older rows have none and are checked by user only).
- hub_users.bundle_key: wide enough for a key sealed with the hub's own key file.

Revision ID: h0003_trust
Revises: h0002_anchors
"""

import sqlalchemy as sa
from alembic import op

revision = "h0003_trust"
down_revision = "h0002_anchors"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create hub_blob_offices (backfilled), add hub_applied.digest, widen bundle_key."""
    op.create_table(
        "hub_blob_offices",
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("office", sa.String(100), nullable=False),
        sa.PrimaryKeyConstraint("sha256", "office", name="pk_hub_blob_offices"),
    )
    op.execute(
        "INSERT INTO hub_blob_offices (sha256, office) SELECT DISTINCT sha256, office "
        "FROM hub_records WHERE kind = 'evidence' AND sha256 IS NOT NULL AND office IS NOT NULL"
    )
    with op.batch_alter_table("hub_applied") as batch:
        batch.add_column(sa.Column("digest", sa.String(64), nullable=True))
    with op.batch_alter_table("hub_users") as batch:
        batch.alter_column(
            "bundle_key", existing_type=sa.String(64), type_=sa.String(200), nullable=False
        )


def downgrade() -> None:
    """Undo the three changes."""
    with op.batch_alter_table("hub_users") as batch:
        batch.alter_column(
            "bundle_key", existing_type=sa.String(200), type_=sa.String(64), nullable=False
        )
    with op.batch_alter_table("hub_applied") as batch:
        batch.drop_column("digest")
    op.drop_table("hub_blob_offices")
