"""Evidence has a caption: a short text saying what it shows ("Seal log, dock 3").

Existing evidence gets an empty caption. No unique index on (validation, criterion,
SHA-256): a detached item stays as a tombstone and sync may bring a colleague's copy of
the same file; the service attaches the same content to a criterion only once instead.

Revision ID: 0010_evidence_caption
Revises: 0009_finding_parts
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_evidence_caption"
down_revision = "0009_finding_parts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add evidence.caption (empty for evidence attached before)."""
    with op.batch_alter_table("evidence") as batch:
        batch.add_column(sa.Column("caption", sa.Text, nullable=False, server_default=""))


def downgrade() -> None:
    """Drop evidence.caption."""
    with op.batch_alter_table("evidence") as batch:
        batch.drop_column("caption")
