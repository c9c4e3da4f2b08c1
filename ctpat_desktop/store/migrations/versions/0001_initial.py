"""Initial schema: members, catalog snapshots, validations, findings, evidence, audit trail.

Revision ID: 0001_initial
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def _sync() -> list[sa.Column[object]]:
    return [
        sa.Column("rev", sa.Integer, nullable=False, server_default="1"),
        sa.Column("server_seq", sa.Integer, nullable=True),
        sa.Column("deleted", sa.Boolean, nullable=False, server_default=sa.false()),
    ]


def upgrade() -> None:
    """Create every table of the first schema."""
    op.create_table(
        "members",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("account", sa.String(32), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        *_sync(),
        sa.UniqueConstraint("account", name="uq_members_account"),
    )
    op.create_table(
        "catalog_snapshots",
        sa.Column("entity", sa.String(40), primary_key=True),
        sa.Column("version", sa.String(20), primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("criteria", sa.Integer, nullable=False),
        sa.Column("document", sa.Text, nullable=False),
    )
    op.create_table(
        "validations",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column(
            "member_id",
            sa.String(36),
            sa.ForeignKey("members.id", name="fk_validations_member_id_members"),
            nullable=False,
        ),
        sa.Column("entity", sa.String(40), nullable=False),
        sa.Column("catalog_version", sa.String(20), nullable=False),
        sa.Column("mode", sa.String(16), nullable=False),
        sa.Column("date", sa.String(10), nullable=False),
        sa.Column("scss", sa.String(120), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        *_sync(),
        sa.ForeignKeyConstraint(
            ["entity", "catalog_version"],
            ["catalog_snapshots.entity", "catalog_snapshots.version"],
            name="fk_validations_entity_catalog_snapshots",
        ),
    )
    op.create_index("ix_validations_member_id", "validations", ["member_id"])
    op.create_table(
        "findings",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column(
            "validation_id",
            sa.String(36),
            sa.ForeignKey("validations.id", name="fk_findings_validation_id_validations"),
            nullable=False,
        ),
        sa.Column("criterion", sa.String(8), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("reasons", sa.Text, nullable=False, server_default="[]"),
        sa.Column("verified", sa.String(24), nullable=True),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
        sa.Column("report_text", sa.Text, nullable=False, server_default=""),
        sa.Column("action", sa.Text, nullable=False, server_default=""),
        sa.Column("due", sa.String(10), nullable=True),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.Column("updated_by", sa.String(120), nullable=False),
        *_sync(),
        sa.UniqueConstraint("validation_id", "criterion", name="uq_findings_validation_id"),
    )
    op.create_table(
        "blobs",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("stored_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "evidence",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column(
            "validation_id",
            sa.String(36),
            sa.ForeignKey("validations.id", name="fk_evidence_validation_id_validations"),
            nullable=False,
        ),
        sa.Column("criterion", sa.String(8), nullable=True),
        sa.Column(
            "sha256",
            sa.String(64),
            sa.ForeignKey("blobs.sha256", name="fk_evidence_sha256_blobs"),
            nullable=False,
        ),
        sa.Column("filename", sa.String(255), nullable=False),
        sa.Column("media_type", sa.String(100), nullable=False),
        sa.Column("captured_at", sa.String(32), nullable=False),
        sa.Column("captured_by", sa.String(120), nullable=False),
        *_sync(),
    )
    op.create_index("ix_evidence_validation_id", "evidence", ["validation_id"])
    op.create_table(
        "audit_events",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("actor", sa.String(120), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("record_id", sa.String(64), nullable=False),
        sa.Column("validation_id", sa.String(36), nullable=True),
        sa.Column("changes", sa.Text, nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.create_index("ix_audit_events_validation_id", "audit_events", ["validation_id"])


def downgrade() -> None:
    """Drop every table of the first schema."""
    for table in ("audit_events", "evidence", "blobs", "findings", "validations"):
        op.drop_table(table)
    op.drop_table("catalog_snapshots")
    op.drop_table("members")
