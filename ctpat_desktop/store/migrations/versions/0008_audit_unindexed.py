"""The audit trail loses its index on validation_id.

Every saved finding appends an audit event; with SQLCipher each page a commit touches is
encrypted and authenticated, and the index cost a third page per save (~37 µs of ~280).
Per-validation audit reads (a few per session) scan the table instead, a few ms.

Revision ID: 0008_audit_unindexed
Revises: 0007_local_keys
"""

from alembic import op

revision = "0008_audit_unindexed"
down_revision = "0007_local_keys"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Drop the validation_id index of audit_events."""
    op.drop_index("ix_audit_events_validation_id", table_name="audit_events")


def downgrade() -> None:
    """Create the index again."""
    op.create_index("ix_audit_events_validation_id", "audit_events", ["validation_id"])
