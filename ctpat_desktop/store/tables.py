"""The database schema as SQLAlchemy Core tables; migrations must produce exactly this."""

import sqlalchemy as sa

from ctpat_desktop.records.columns import field_column, field_columns, table_columns
from ctpat_desktop.records.finding import FINDING
from ctpat_desktop.records.kinds import VISIT_KINDS
from ctpat_desktop.records.validation import DECLARED

# Constraint names, shared with the hub's schema (hub/tables.py).
NAMING_CONVENTION = {
    "pk": "pk_%(table_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
}
metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)

_UUID = sa.String(36)
_STAMP = sa.String(32)


def _sync_columns() -> list[sa.Column[object]]:
    """Columns every synced record carries: (uuid, rev, server_seq, deleted)."""
    return [
        sa.Column("rev", sa.Integer, nullable=False, server_default="1"),
        sa.Column("server_seq", sa.Integer, nullable=True),
        sa.Column("deleted", sa.Boolean, nullable=False, server_default=sa.false()),
    ]


members = sa.Table(
    "members",
    metadata,
    sa.Column("id", _UUID, primary_key=True),
    sa.Column("account", sa.String(32), nullable=False, unique=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("updated_at", _STAMP, nullable=False),
    *_sync_columns(),
)

catalog_snapshots = sa.Table(
    "catalog_snapshots",
    metadata,
    sa.Column("entity", sa.String(40), primary_key=True),
    sa.Column("version", sa.String(20), primary_key=True),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("name", sa.String(120), nullable=False),
    sa.Column("criteria", sa.Integer, nullable=False),
    sa.Column("document", sa.Text, nullable=False),
)


def _validation_columns() -> list[sa.Column[object]]:
    """The validation's fields stored in its table, as declared (records/validation.py):
    a field added there is its column here, then a migration."""
    made: list[sa.Column[object]] = []
    for detail in DECLARED.columns:
        f = detail.field
        if f.name == "member_id":  # names the member's record
            made.append(
                sa.Column(
                    "member_id", _UUID, sa.ForeignKey("members.id"), nullable=False, index=True
                )
            )
        elif f.name == "created_at":
            made.append(sa.Column("created_at", _STAMP, nullable=False))
        else:
            column = field_column(f)
            if f.required:  # always given: the table has no default for it
                column.server_default = None
            made.append(column)
    return made


validations = sa.Table(
    "validations",
    metadata,
    sa.Column("id", _UUID, primary_key=True),
    *_validation_columns(),
    sa.Column("updated_at", _STAMP, nullable=False),
    *_sync_columns(),
    sa.ForeignKeyConstraint(
        ["entity", "catalog_version"], ["catalog_snapshots.entity", "catalog_snapshots.version"]
    ),
)

findings = sa.Table(
    "findings",
    metadata,
    sa.Column("id", _UUID, primary_key=True),
    sa.Column("validation_id", _UUID, sa.ForeignKey("validations.id"), nullable=False),
    # Its fields as declared (records/finding.py); a migration adds a field's column.
    *field_columns(FINDING),
    sa.Column("updated_at", _STAMP, nullable=False),
    sa.Column("updated_by", sa.String(120), nullable=False),
    *_sync_columns(),
    sa.UniqueConstraint("validation_id", "criterion"),
)

blobs = sa.Table(
    "blobs",
    metadata,
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("size", sa.Integer, nullable=False),
    sa.Column("stored_at", _STAMP, nullable=False),
)

evidence = sa.Table(
    "evidence",
    metadata,
    sa.Column("id", _UUID, primary_key=True),
    sa.Column("validation_id", _UUID, sa.ForeignKey("validations.id"), nullable=False, index=True),
    sa.Column("criterion", sa.String(8), nullable=True),
    sa.Column("sha256", sa.String(64), sa.ForeignKey("blobs.sha256"), nullable=False),
    sa.Column("filename", sa.String(255), nullable=False),
    sa.Column("media_type", sa.String(100), nullable=False),
    sa.Column("captured_at", _STAMP, nullable=False),
    sa.Column("captured_by", sa.String(120), nullable=False),
    sa.Column("caption", sa.Text, nullable=False, server_default=""),
    *_sync_columns(),
)

# The session timer's running time, kept as records: one row per stretch of time the SCSS
# spent on one category (category NULL: before a criterion was chosen). Start, pause and
# resume open and close stretches; a running stretch's end moves forward every minute, so
# a laptop that dies loses at most a minute. Synced (kind "period").
session_periods = sa.Table(
    "session_periods",
    metadata,
    sa.Column("id", _UUID, primary_key=True),
    sa.Column("validation_id", _UUID, sa.ForeignKey("validations.id"), nullable=False, index=True),
    sa.Column("category", sa.Integer, nullable=True),
    sa.Column("started_at", _STAMP, nullable=False),
    sa.Column("ended_at", _STAMP, nullable=False),
    sa.Column("recorded_by", sa.String(120), nullable=False),
    *_sync_columns(),
)

# Follow-up after signing, appended and never changed (sync/followup_rules.py): the member's
# responses, the SCSS's decisions, due-date extensions and the closure of a required action,
# numbered per criterion. The signed findings stay as signed. Synced (kind "followup").
followups = sa.Table(
    "followups",
    metadata,
    sa.Column("id", _UUID, primary_key=True),
    sa.Column("validation_id", _UUID, sa.ForeignKey("validations.id"), nullable=False, index=True),
    sa.Column("criterion", sa.String(8), nullable=False),
    sa.Column("number", sa.Integer, nullable=False),
    sa.Column("event", sa.String(16), nullable=False),
    sa.Column("report_version", sa.Integer, nullable=False),
    sa.Column("note", sa.Text, nullable=False, server_default=""),
    sa.Column("implemented", sa.Boolean, nullable=True),
    sa.Column("accepted", sa.Boolean, nullable=True),
    sa.Column("days", sa.Integer, nullable=True),
    sa.Column("recorded_at", _STAMP, nullable=False),
    sa.Column("recorded_by", sa.String(120), nullable=False),
)

# The records around the checklist (sites, participants, the tour log, the outcome …): one
# table per kind, its columns derived from the kind's declaration (records/kinds.py).
visit_tables = {
    kind.name: sa.Table(kind.table, metadata, *table_columns(kind)) for kind in VISIT_KINDS
}

# Feedback after a validation, each answer written once (sync/feedback_rules.py): the
# SCSS's (technology quality 1-5, criteria not verifiable remotely as a JSON list, what
# else could not be verified, minutes lost) or the member's. Synced (kind "feedback").
feedback = sa.Table(
    "feedback",
    metadata,
    sa.Column("id", _UUID, primary_key=True),
    sa.Column("validation_id", _UUID, sa.ForeignKey("validations.id"), nullable=False, index=True),
    sa.Column("source", sa.String(16), nullable=False),
    sa.Column("technology_quality", sa.Integer, nullable=True),
    sa.Column("not_verifiable", sa.Text, nullable=False, server_default="[]"),
    sa.Column("not_verifiable_note", sa.Text, nullable=False, server_default=""),
    sa.Column("minutes_lost", sa.Integer, nullable=True),
    sa.Column("comments", sa.Text, nullable=False, server_default=""),
    sa.Column("recorded_at", _STAMP, nullable=False),
    sa.Column("recorded_by", sa.String(120), nullable=False),
)

reports = sa.Table(
    "reports",
    metadata,
    sa.Column("id", _UUID, primary_key=True),
    sa.Column("validation_id", _UUID, sa.ForeignKey("validations.id"), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("signer", sa.String(200), nullable=False),
    sa.Column("signed_at", _STAMP, nullable=False),
    sa.Column("file_name", sa.String(255), nullable=False),
    sa.Column("language", sa.String(8), nullable=False),
    sa.UniqueConstraint("validation_id", "version"),
)


def _signed_columns() -> list[sa.Column[object]]:
    """Columns of a document signed after a report: the validation, the version it
    follows, the signed file (its language, SHA-256, signer and time, file name)."""
    return [
        sa.Column("id", _UUID, primary_key=True),
        sa.Column(
            "validation_id", _UUID, sa.ForeignKey("validations.id"), nullable=False, index=True
        ),
        sa.Column("report_version", sa.Integer, nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("signer", sa.String(200), nullable=False),
        sa.Column("signed_at", _STAMP, nullable=False),
        sa.Column("file_name", sa.String(255), nullable=False),
    ]


# Documents signed after an issued report, each written once (sync/letter_rules.py): a
# rendition of a version in the other language (one per version and language) and a
# follow-up letter to the member. Neither changes the report nor unlocks the validation.
# Synced (kinds "rendition" and "letter").
renditions = sa.Table(
    "renditions",
    metadata,
    *_signed_columns(),
    sa.Column("original_language", sa.String(8), nullable=False),
    sa.Column("original_sha256", sa.String(64), nullable=False),
    sa.UniqueConstraint("validation_id", "report_version", "language"),
)

letters = sa.Table(
    "letters",
    metadata,
    *_signed_columns(),
    sa.Column("report_sha256", sa.String(64), nullable=False),
    sa.Column("letter_type", sa.String(16), nullable=False),
    sa.Column("open_actions", sa.Integer, nullable=False),
)

audit_events = sa.Table(
    "audit_events",
    metadata,
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", _STAMP, nullable=False),
    sa.Column("actor", sa.String(120), nullable=False),
    sa.Column("action", sa.String(40), nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("record_id", sa.String(64), nullable=False),
    # Not indexed: see migration 0008 (a page less to encrypt on every saved finding).
    sa.Column("validation_id", _UUID, nullable=True),
    sa.Column("changes", sa.Text, nullable=False),
    sa.Column("prev_hash", sa.String(64), nullable=False),
    sa.Column("hash", sa.String(64), nullable=False),
)

# Sync state (ctpat_desktop.sync.local): per record, the hub's last confirmed version.
sync_base = sa.Table(
    "sync_base",
    metadata,
    sa.Column("kind", sa.String(20), primary_key=True),
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("local_rev", sa.Integer, nullable=False),
    sa.Column("server_rev", sa.Integer, nullable=False),
    sa.Column("server_seq", sa.Integer, nullable=False),
    sa.Column("deleted", sa.Boolean, nullable=False),
    sa.Column("fields", sa.Text, nullable=False),
)

# Mutations written to the hub or a bundle and not yet confirmed; resent with their keys.
sync_sent = sa.Table(
    "sync_sent",
    metadata,
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("id", sa.String(64), nullable=False),
    sa.Column("key", sa.String(100), nullable=False, unique=True),
    sa.Column("local_rev", sa.Integer, nullable=False),
    sa.Column("mutation", sa.Text, nullable=False),
    sa.Index("ix_sync_sent_kind", "kind", "id"),
)

sync_conflicts = sa.Table(
    "sync_conflicts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("record_id", sa.String(64), nullable=False),
    sa.Column("field", sa.String(40), nullable=False),
    sa.Column("local_value", sa.Text, nullable=False),
    sa.Column("server_value", sa.Text, nullable=False),
    sa.Column("server_rev", sa.Integer, nullable=False),
    sa.Column("server_by", sa.String(120), nullable=False),
    sa.Column("detected_at", _STAMP, nullable=False),
    sa.UniqueConstraint("kind", "record_id", "field"),
)

sync_parked = sa.Table(
    "sync_parked",
    metadata,
    sa.Column("kind", sa.String(20), primary_key=True),
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("seq", sa.Integer, nullable=False),
    sa.Column("change", sa.Text, nullable=False),
    sa.Column("problem", sa.Text, nullable=False),
)

sync_state = sa.Table(
    "sync_state",
    metadata,
    sa.Column("key", sa.String(40), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

# Keys that live inside the encrypted database (the evidence files' AES-GCM key).
local_keys = sa.Table(
    "local_keys",
    metadata,
    sa.Column("name", sa.String(40), primary_key=True),
    sa.Column("value", sa.LargeBinary, nullable=False),
)
