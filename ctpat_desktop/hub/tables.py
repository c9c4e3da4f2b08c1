"""The hub's schema as SQLAlchemy Core tables; its migrations must produce exactly this.

A document store that runs on SQLite and PostgreSQL alike: every synced record is one row
of ``hub_records`` with its fields as JSON, plus the columns the hub filters on.
"""

import sqlalchemy as sa

from ctpat_desktop.store.tables import NAMING_CONVENTION

metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)

_NAME = sa.String(100)
_ID = sa.String(64)
_STAMP = sa.String(32)
_SHA = sa.String(64)

hub_records = sa.Table(
    "hub_records",
    metadata,
    sa.Column("kind", sa.String(20), primary_key=True),
    sa.Column("id", _ID, primary_key=True),
    # NULL for records everyone sees (members, catalogs); else the validation's office.
    sa.Column("office", _NAME, nullable=True),
    # The record's validation (its own id for a validation); NULL for members, catalogs.
    sa.Column("validation_id", _ID, nullable=True, index=True),
    # An evidence record's content hash: who may download a blob is decided by it.
    sa.Column("sha256", _SHA, nullable=True, index=True),
    sa.Column("rev", sa.Integer, nullable=False),
    sa.Column("seq", sa.BigInteger, nullable=False, index=True, unique=True),
    sa.Column("deleted", sa.Boolean, nullable=False),
    sa.Column("fields", sa.Text, nullable=False),
    sa.Column("updated_at", _STAMP, nullable=False),
    sa.Column("updated_by", _NAME, nullable=False),
    # The hub's epoch when the record was last written (NULL: before epochs existed).
    sa.Column("epoch", sa.String(36), nullable=True),
    # A validation's member: a member is seen only by offices with a validation of theirs.
    sa.Column("member_id", _ID, nullable=True, index=True),
)

# The hub's identity ("hub_id", for good) and "epoch" (new when its database is found
# restored from an older copy).
hub_meta = sa.Table(
    "hub_meta",
    metadata,
    sa.Column("key", sa.String(40), primary_key=True),
    sa.Column("value", sa.String(100), nullable=False),
)

hub_users = sa.Table(
    "hub_users",
    metadata,
    sa.Column("name", _NAME, primary_key=True),
    sa.Column("role", sa.String(20), nullable=False),
    sa.Column("office", _NAME, nullable=True),
    sa.Column("token_hash", _SHA, nullable=False, unique=True),
    # Sealed with the hub's key file (hub/hub_key.py): useless from a copy of the database.
    sa.Column("bundle_key", sa.String(200), nullable=False),
    sa.Column("created_at", _STAMP, nullable=False),
    sa.Column("disabled", sa.Boolean, nullable=False),
)

hub_applied = sa.Table(
    "hub_applied",
    metadata,
    sa.Column("key", sa.String(100), primary_key=True),
    sa.Column("user_name", _NAME, nullable=False),
    sa.Column("result", sa.Text, nullable=False),
    sa.Column("applied_at", _STAMP, nullable=False),
    # SHA-256 of the change first applied under the key: the same key with other content
    # is refused (NULL for keys stored before the hub kept it).
    sa.Column("digest", _SHA, nullable=True),
)

hub_counter = sa.Table(
    "hub_counter",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("seq", sa.BigInteger, nullable=False),
)

hub_blobs = sa.Table(
    "hub_blobs",
    metadata,
    sa.Column("sha256", _SHA, primary_key=True),
    sa.Column("size", sa.BigInteger, nullable=False),
    sa.Column("stored_at", _STAMP, nullable=False),
)

# The offices whose users uploaded each evidence file, and so hold it: an evidence record
# may only name content its own office uploaded (naming a hash grants nothing).
hub_blob_offices = sa.Table(
    "hub_blob_offices",
    metadata,
    sa.Column("sha256", _SHA, primary_key=True),
    sa.Column("office", _NAME, primary_key=True),
)

# The last audit anchor each laptop (installation) left: its event count and last hash.
hub_anchors = sa.Table(
    "hub_anchors",
    metadata,
    sa.Column("install", sa.String(64), primary_key=True),
    sa.Column("user_name", _NAME, nullable=False),
    sa.Column("events", sa.BigInteger, nullable=False),
    sa.Column("hash", _SHA, nullable=False),
    sa.Column("at", _STAMP, nullable=False),
)

# The dashboard's view of the records (hub/stats.py keeps it in step with every push): the
# laptop's column names, so the figures run the same SQL here as there (analytics/figures).
hub_stat_members = sa.Table(
    "hub_stat_members",
    metadata,
    sa.Column("id", _ID, primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
)

hub_stat_validations = sa.Table(
    "hub_stat_validations",
    metadata,
    sa.Column("id", _ID, primary_key=True),
    sa.Column("member_id", _ID, nullable=False),
    sa.Column("entity", sa.String(40), nullable=False),
    sa.Column("catalog_version", sa.String(20), nullable=False),
    sa.Column("mode", sa.String(16), nullable=False),
    sa.Column("date", sa.String(10), nullable=False),
    sa.Column("scss", sa.String(120), nullable=False),
    sa.Column("office", _NAME, nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("deleted", sa.Boolean, nullable=False),
    # analytics.figures.finding_totals of the validation's findings, kept by every push.
    sa.Column("reviewed", sa.Integer, nullable=False),
    sa.Column("deficient", sa.Integer, nullable=False),
    sa.Column("reviewed_categories", sa.Integer, nullable=False),
    sa.Column("reviewed_criteria", sa.Text, nullable=True),
)

hub_stat_findings = sa.Table(
    "hub_stat_findings",
    metadata,
    sa.Column("id", _ID, primary_key=True),
    sa.Column("validation_id", _ID, nullable=False, index=True),
    sa.Column("criterion", sa.String(8), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("reasons", sa.Text, nullable=False),
    sa.Column("unmet_parts", sa.Text, nullable=False),
    sa.Column("deleted", sa.Boolean, nullable=False),
)

# analytics.figures.deficiency_rows of hub_stat_findings: the few findings not met.
hub_stat_deficiencies = sa.Table(
    "hub_stat_deficiencies",
    metadata,
    sa.Column("id", _ID, primary_key=True),
    sa.Column("validation_id", _ID, nullable=False, index=True),
    sa.Column("criterion", sa.String(8), nullable=False),
    sa.Column("unmet_parts", sa.Text, nullable=False),
    sa.Column("reasons", sa.Text, nullable=False),
)

# The session time, signed reports and follow-up records as the dashboard reads them
# (virtual-validation metrics, analytics/modes.py): the laptop's column names again.
hub_stat_periods = sa.Table(
    "hub_stat_periods",
    metadata,
    sa.Column("id", _ID, primary_key=True),
    sa.Column("validation_id", _ID, nullable=False, index=True),
    sa.Column("category", sa.Integer, nullable=True),
    sa.Column("started_at", _STAMP, nullable=False),
    sa.Column("ended_at", _STAMP, nullable=False),
    sa.Column("deleted", sa.Boolean, nullable=False),
)

hub_stat_reports = sa.Table(
    "hub_stat_reports",
    metadata,
    sa.Column("id", _ID, primary_key=True),
    sa.Column("validation_id", _ID, nullable=False, index=True),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("signed_at", _STAMP, nullable=False),
)

hub_stat_followups = sa.Table(
    "hub_stat_followups",
    metadata,
    sa.Column("id", _ID, primary_key=True),
    sa.Column("validation_id", _ID, nullable=False, index=True),
    sa.Column("criterion", sa.String(8), nullable=False),
    sa.Column("event", sa.String(16), nullable=False),
    sa.Column("report_version", sa.Integer, nullable=False),
    sa.Column("days", sa.Integer, nullable=True),
    sa.Column("recorded_at", _STAMP, nullable=False),
)

# The outcomes proposed and the supervisors' decisions on them (stats' outcomes), with the
# laptop's column names (records/kinds.py: OUTCOME, DECISION).
hub_stat_outcomes = sa.Table(
    "hub_stat_outcomes",
    metadata,
    sa.Column("id", _ID, primary_key=True),
    sa.Column("validation_id", _ID, nullable=False, index=True),
    sa.Column("result", sa.String(32), nullable=False),
    sa.Column("deleted", sa.Boolean, nullable=False),
)

hub_stat_decisions = sa.Table(
    "hub_stat_decisions",
    metadata,
    sa.Column("id", _ID, primary_key=True),
    sa.Column("validation_id", _ID, nullable=False, index=True),
    sa.Column("decision", sa.String(16), nullable=False),
    sa.Column("result", sa.String(32), nullable=False),
    sa.Column("deleted", sa.Boolean, nullable=False),
)
