"""The store: every read and write of validations, findings, evidence and the audit trail.

SQL goes straight to the sqlite3 driver (see database.py for why); each write is one
BEGIN IMMEDIATE … COMMIT transaction that includes its audit event.
"""

import hashlib
import json
import mimetypes
import os
import threading
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from ctpat_desktop.catalog import Catalog, catalog_from_dict
from ctpat_desktop.errors import NotFoundError, RuleError, StaleEdit, StoreError
from ctpat_desktop.records import sql as record_sql
from ctpat_desktop.records.finding import FINDING
from ctpat_desktop.records.validation import DECLARED as VALIDATION_KIND
from ctpat_desktop.records.validation_map import validation_map
from ctpat_desktop.store import audit, periods
from ctpat_desktop.store.database import LOCKED_MESSAGE, open_database
from ctpat_desktop.store.driver import sqlite
from ctpat_desktop.store.evidence import BlobStore
from ctpat_desktop.store.records import (
    EvidenceRecord,
    FindingRecord,
    ReportRecord,
    ValidationSummary,
)
from ctpat_desktop.worksheet import (
    Finding,
    FindingStatus,
    Lifecycle,
    Member,
    Validation,
    lifecycle,
)
from ctpat_desktop.worksheet.agenda import Period
from ctpat_desktop.worksheet.model import FINDING_MAP
from ctpat_desktop.worksheet.rules import check_entity_change

FindingChange = Callable[[Finding], Finding]
# Audit action of findings written in bulk (a file import, sample data), as opposed to the
# "create"/"update" of one edit at a time: the dashboard's pace check looks only at those.
BULK_ACTION = "import"
_SELECT_FINDING = "SELECT * FROM findings WHERE validation_id = ? AND criterion = ?"
# One finding (columns all NULL when it has none yet), its validation's status and the
# audit trail's last hash, in one statement: a save checks whether it must withdraw an
# approval, and chains its audit event, without another query.
_SELECT_FINDING_AND_STATUS = (
    f"SELECT f.*, v.status AS validation_status, ({audit.LAST_HASH}) AS last_hash "
    "FROM validations v LEFT JOIN findings f "
    "ON f.validation_id = v.id AND f.criterion = ? WHERE v.id = ?"
)
# The finding's columns as declared (records/finding.py); its criterion never changes.
_INSERT_FINDING = record_sql.insert_sql(FINDING)
# The validation's columns as declared (records/validation.py), its member's joined.
_SELECT_VALIDATION = (
    f"SELECT v.*, {VALIDATION_KIND.member_select()} FROM validations v "
    "JOIN members m ON m.id = v.member_id WHERE v.deleted = 0"
)
_INSERT_VALIDATION = VALIDATION_KIND.insert_sql()
_LIST_VALIDATIONS = f"""
    SELECT v.*, {VALIDATION_KIND.member_select()}, c.criteria, c.name AS entity_name,
           COALESCE(f.reviewed, 0) AS reviewed, COALESCE(f.deficient, 0) AS deficient,
           MAX(v.updated_at, COALESCE(f.last_change, '')) AS last_change
    FROM validations v
    JOIN members m ON m.id = v.member_id
    JOIN catalog_snapshots c ON c.entity = v.entity AND c.version = v.catalog_version
    LEFT JOIN (
        SELECT validation_id,
               SUM(status != '{FindingStatus.NOT_REVIEWED}') AS reviewed,
               SUM(status = '{FindingStatus.NOT_MET}') AS deficient,
               MAX(updated_at) AS last_change
        FROM findings WHERE deleted = 0 GROUP BY validation_id
    ) f ON f.validation_id = v.id
    WHERE v.deleted = 0
    ORDER BY v.date DESC, v.created_at DESC
"""


# Records two laptops may create independently get IDs derived from what makes them
# unique, so the hub sees one record (and merges), not two that clash.
_ID_NAMESPACE = uuid.UUID("5d3c2a7e-2f0b-4c55-9a59-0c7a3f8e1b21")


def finding_id(validation_id: str, criterion: str) -> str:
    """The ID every laptop gives the finding of one criterion in one validation."""
    return str(uuid.uuid5(_ID_NAMESPACE, f"finding:{validation_id}:{criterion}"))


def member_id(account: str) -> str:
    """The ID every laptop gives the member with this CTPAT account number."""
    return str(uuid.uuid5(_ID_NAMESPACE, f"member:{account}"))


def report_id(validation_id: str, version: int) -> str:
    """The ID of a validation's signed report of one version (one per version anywhere)."""
    return str(uuid.uuid5(_ID_NAMESPACE, f"report:{validation_id}:{version}"))


def utc_now() -> str:
    """The current time in UTC as ISO 8601 with microseconds."""
    # isoformat is several times quicker than strftime; the text is the same ("+00:00"
    # cut off for the "Z", which is quicker than a naive copy without the time zone).
    return datetime.now(UTC).isoformat(timespec="microseconds")[:-6] + "Z"


@cache
def _update_finding_sql(names: tuple[str, ...]) -> str:
    """UPDATE of the fields a save changed: fewer values to bind and compare (one text per
    set of fields, so the driver's statement cache keeps each prepared)."""
    return record_sql.update_sql(FINDING, names)


def _finding_columns(finding: Finding) -> dict[str, Any]:
    """A finding's columns as the table stores them, its criterion (the key) aside: from
    the declaration (records/finding.py)."""
    columns = FINDING_MAP.row(finding)
    del columns["criterion"]
    return columns


def _finding_from_row(row: sqlite.Row) -> Finding:
    return FINDING_MAP.from_row(row)


def _validation_from_row(row: sqlite.Row) -> Validation:
    return validation_map().from_row(row)


def _evidence_from_row(row: sqlite.Row) -> EvidenceRecord:
    return EvidenceRecord(
        id=row["id"],
        criterion=row["criterion"],
        sha256=row["sha256"],
        filename=row["filename"],
        media_type=row["media_type"],
        size=row["size"],
        captured_at=row["captured_at"],
        captured_by=row["captured_by"],
        caption=row["caption"],
    )


def _live_evidence(conn: sqlite.Connection, validation_id: str, evidence_id: str) -> sqlite.Row:
    """An evidence row of this validation not detached (with its content's size)."""
    row: sqlite.Row | None = conn.execute(
        "SELECT e.*, b.size FROM evidence e JOIN blobs b ON b.sha256 = e.sha256 "
        "WHERE e.id = ? AND e.validation_id = ? AND e.deleted = 0",
        (evidence_id, validation_id),
    ).fetchone()
    if row is None:
        raise NotFoundError(f"no evidence {evidence_id} on this validation")
    return row


def _status_of(conn: sqlite.Connection, validation_id: str) -> Lifecycle:
    """A validation's lifecycle status, read in the caller's transaction."""
    row = conn.execute("SELECT status FROM validations WHERE id = ?", (validation_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"no validation with ID '{validation_id}'")
    return Lifecycle(row["status"])


def _make_move(
    conn: sqlite.Connection,
    validation_id: str,
    move: lifecycle.Move,
    actor: str,
    now: str,
    why: str = "",
) -> None:
    """A move the store makes on its own (a validation started, an approval withdrawn),
    audited; a validation in a state the move does not start from stays as it is."""
    row = conn.execute("SELECT status FROM validations WHERE id = ?", (validation_id,)).fetchone()
    if row is not None and Lifecycle(row["status"]) in move.sources:
        _set_validation_column(
            conn,
            validation_id,
            "status",
            (row["status"], move.target.value),
            actor=actor,
            now=now,
            action=move.name,
            details={"why": why} if why else None,
        )


# The lifecycle's states a save looks at (worksheet/lifecycle.py), as the database holds
# them: a change withdraws an approval; the first finding starts a planned validation;
# signed is locked.
_WITHDRAWN_FROM = frozenset(s.value for s in lifecycle.MOVE_BY_NAME["approval withdrawn"].sources)
_STARTED_FROM = frozenset(s.value for s in lifecycle.MOVE_BY_NAME["status"].sources)
_LOCKED = next(s.value for s in Lifecycle if lifecycle.is_locked(s))


class Store:
    """One data folder's database and evidence files."""

    def __init__(self, data_dir: Path, schema_dir: Path, key: bytes) -> None:
        self.data_dir = data_dir
        self._schema_dir = self.schema_dir = schema_dir
        self.key = key
        # Held by every use of the connection and by close(): a window's background task
        # still reading when the app shuts the store gets an error, never a closed handle.
        self._lock = threading.RLock()
        self._closed = False
        self._conn = open_database(data_dir, key)
        self.blobs = BlobStore(data_dir / "evidence", self._evidence_key())

    def _evidence_key(self) -> bytes:
        """The evidence files' AES-GCM key, made once and kept in the encrypted database.

        Files written before evidence was sealed are sealed once, after the key is safely
        stored (a crash half-way leaves files sealed with that same key, finished next time).
        """
        rows = dict(self.read("SELECT name, value FROM local_keys"))
        key = rows.get("evidence")
        if key is None:
            key = os.urandom(32)
            with self.transaction() as conn:
                conn.execute("INSERT INTO local_keys (name, value) VALUES ('evidence', ?)", (key,))
        if "evidence_sealed" not in rows:
            BlobStore(self.data_dir / "evidence", bytes(key)).seal_unsealed()
            with self.transaction() as conn:
                conn.execute(
                    "INSERT INTO local_keys (name, value) VALUES ('evidence_sealed', x'01')"
                )
        return bytes(key)

    def rekey(self, new_key: bytes) -> None:
        """Re-encrypt the database with a new key (the evidence key inside it stays)."""
        from ctpat_desktop.store.driver import key_pragma

        try:
            with self._lock:
                self._live().execute(key_pragma(new_key, "rekey"))
        except sqlite.DatabaseError as exc:
            raise StoreError(f"the database could not be re-encrypted ({exc})") from exc
        self.key = new_key

    def close(self) -> None:
        """Close the connection, after any read or write under way on another thread."""
        self._closed = True  # first, so that a busy thread stops taking the lock
        with self._lock:
            self._conn.close()

    def _live(self) -> sqlite.Connection:
        if self._closed:
            raise StoreError("the data folder has been closed")
        return self._conn

    @contextmanager
    def transaction(self) -> Iterator[sqlite.Connection]:
        """One short write transaction: BEGIN IMMEDIATE … COMMIT, or ROLLBACK on error."""
        with self._lock:
            conn = self._live()
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite.OperationalError as exc:
                raise StoreError(f"the database is busy or cannot be written ({exc})") from exc
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException as exc:
                conn.execute("ROLLBACK")
                if isinstance(exc, sqlite.IntegrityError) and LOCKED_MESSAGE in str(exc):
                    raise RuleError(
                        "the validation is signed and locked; reopen it before changing it"
                    ) from exc
                if isinstance(exc, sqlite.OperationalError):
                    raise StoreError(f"the database could not be written ({exc})") from exc
                if isinstance(exc, sqlite.IntegrityError):
                    raise StoreError(
                        f"the change conflicts with what is stored ({exc}); nothing was saved"
                    ) from exc
                raise

    def _query(self, sql: str, *params: Any) -> list[sqlite.Row]:
        return self.read(sql, params)

    def data_version(self) -> int:
        """SQLite's data version of this connection: it moves when another connection (a
        CLI command, another process) commits, never for this store's own writes."""
        return int(self._query("PRAGMA data_version")[0][0])

    def read(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> list[sqlite.Row]:
        """Rows of one read-only query (for reports and statistics that aggregate in SQL)."""
        try:
            with self._lock:
                rows: list[sqlite.Row] = self._live().execute(sql, params).fetchall()
            return rows
        except sqlite.OperationalError as exc:
            raise StoreError(f"the database could not be read ({exc})") from exc

    # Catalog snapshots ---------------------------------------------------------------

    def _pin_catalog(self, conn: sqlite.Connection, catalog: Catalog) -> None:
        document = json.dumps(catalog.raw, sort_keys=True, ensure_ascii=False)
        sha = hashlib.sha256(document.encode()).hexdigest()
        stored = conn.execute(
            "SELECT sha256 FROM catalog_snapshots WHERE entity = ? AND version = ?",
            (catalog.entity, catalog.version),
        ).fetchone()
        if stored is None:
            conn.execute(
                "INSERT INTO catalog_snapshots (entity, version, sha256, name, criteria, document) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (
                    catalog.entity,
                    catalog.version,
                    sha,
                    catalog.name,
                    len(catalog.criteria),
                    document,
                ),
            )
        elif stored["sha256"] != sha:
            raise StoreError(
                f"catalog {catalog.entity} {catalog.version} differs from the copy already "
                "pinned in this database; a changed catalog needs a new version"
            )

    def pinned_documents(self) -> dict[tuple[str, str], dict[str, Any]]:
        """Every pinned catalog document by (entity, version), as stored (already checked)."""
        rows = self._query("SELECT entity, version, document FROM catalog_snapshots")
        return {(r["entity"], r["version"]): json.loads(r["document"]) for r in rows}

    def pinned_catalog(self, entity: str, version: str) -> Catalog:
        """The exact catalog version a validation was created with."""
        rows = self._query(
            "SELECT document, sha256 FROM catalog_snapshots WHERE entity = ? AND version = ?",
            entity,
            version,
        )
        if not rows:
            raise StoreError(f"catalog {entity} {version} is missing from the database")
        document = rows[0]["document"]
        source = f"catalog {entity} {version}"
        # Checked against the schema when it was pinned; now its hash says it is unchanged.
        if hashlib.sha256(document.encode()).hexdigest() != rows[0]["sha256"]:
            raise StoreError(f"{source} in the database was altered (its SHA-256 differs)")
        return catalog_from_dict(json.loads(document), source, self._schema_dir, checked=True)

    # Validations ---------------------------------------------------------------------

    def create_validation(self, validation: Validation, catalog: Catalog, actor: str) -> None:
        """Store a new validation, its member and its pinned catalog."""
        with self.transaction() as conn:
            self._insert_validation(conn, validation, catalog, actor, utc_now())

    def import_validation(
        self,
        validation: Validation,
        catalog: Catalog,
        recorded: Sequence[FindingRecord],
        attached: Sequence[EvidenceRecord],
        actor: str,
        stretches: Sequence[Period] = (),
        then: Callable[[sqlite.Connection], None] | None = None,
    ) -> None:
        """Store a whole validation read from an exchange file, in one transaction (then:
        writes the file's other records in it, services/visit.py)."""
        now = utc_now()
        locked = lifecycle.is_locked(validation.status)
        with self.transaction() as conn:
            # A signed validation is locked; it is filled first and locked at the end.
            ceiling = lifecycle.IMPORT_CEILING
            unlocked = replace(validation, status=ceiling) if locked else validation
            self._insert_validation(conn, unlocked, catalog, actor, now)
            for record in recorded:
                self._write_finding(
                    conn,
                    validation.id,
                    record.finding.criterion,
                    replace_with(record.finding),
                    actor,
                    now,
                    stamp=(record.updated_at, record.updated_by),
                    action=BULK_ACTION,
                )
            for item in attached:
                self._insert_evidence(conn, validation.id, item, actor, now)
            for period in stretches:
                periods.insert_period(conn, validation.id, period)
            if then is not None:
                then(conn)
            if locked:
                conn.execute(
                    "UPDATE validations SET status = ? WHERE id = ?",
                    (validation.status.value, validation.id),
                )

    def _insert_validation(
        self,
        conn: sqlite.Connection,
        validation: Validation,
        catalog: Catalog,
        actor: str,
        now: str,
    ) -> None:
        self._pin_catalog(conn, catalog)
        member_id = self._upsert_member(conn, validation.member, actor, now)
        if conn.execute("SELECT 1 FROM validations WHERE id = ?", (validation.id,)).fetchone():
            raise RuleError(f"validation {validation.id} already exists in this data folder")
        mapped = validation_map()
        mapped.check(validation)
        columns = mapped.row(validation, member_id=member_id, created_at=now)
        row = {"id": validation.id, **columns, "updated_at": now}
        conn.execute(_INSERT_VALIDATION, row)
        audit.append_event(
            conn,
            at=now,
            actor=actor,
            action="create",
            kind="validation",
            record_id=validation.id,
            validation_id=validation.id,
            changes={k: [None, v] for k, v in row.items() if k not in ("id", "created_at")},
        )

    def update_validation(
        self, changed: Validation, actor: str, catalog: Catalog | None = None
    ) -> None:
        """Store edited details of a validation (not its status); its entity type and
        catalog only with the catalog to pin, while no finding is recorded."""
        now = utc_now()
        with self.transaction() as conn:
            row = conn.execute(f"{_SELECT_VALIDATION} AND v.id = ?", (changed.id,)).fetchone()
            if row is None:
                raise NotFoundError(f"no validation with ID '{changed.id}'")
            old = _validation_from_row(row)
            if lifecycle.is_locked(old.status):
                raise RuleError("the validation is signed and locked; reopen it before editing")
            pinned: dict[str, Any] = {}
            if catalog is not None and (catalog.entity, catalog.version) != (
                old.entity,
                old.catalog_version,
            ):
                if catalog.entity != old.entity:  # checked again here: a finding may have come
                    statuses = conn.execute(
                        "SELECT status FROM findings WHERE validation_id = ? AND deleted = 0",
                        (changed.id,),
                    ).fetchall()
                    check_entity_change(old.status.value, (r["status"] for r in statuses))
                self._pin_catalog(conn, catalog)
                pinned = {"entity": catalog.entity, "catalog_version": catalog.version}
            mapped = validation_map()
            mapped.check(changed)
            member_id = self._upsert_member(conn, changed.member, actor, now)
            # The details an edit writes, as declared (records/validation.py).
            columns = mapped.row(changed, member_id=member_id)
            values = pinned | {name: columns[name] for name in VALIDATION_KIND.edited}
            before = mapped.stored(row, (*VALIDATION_KIND.pinned, *VALIDATION_KIND.edited))
            diff = {k: [before[k], v] for k, v in values.items() if before[k] != v}
            if not diff:
                return
            update = VALIDATION_KIND.update_sql(tuple(values))
            conn.execute(update, values | {"now": now, "id": changed.id})
            audit.append_event(
                conn,
                at=now,
                actor=actor,
                action="update",
                kind="validation",
                record_id=changed.id,
                validation_id=changed.id,
                changes=diff,
            )

    def adopt_office(self, office: str, actor: str) -> list[str]:
        """Give validations planned without an office this one (the hub user's), audited;
        the IDs changed. Signed ones keep theirs: their report is final."""
        now = utc_now()
        homeless = "SELECT id FROM validations WHERE office = '' AND deleted = 0 AND status != ?"
        if not self._query(homeless, _LOCKED):
            return []  # the usual case: no write transaction (a sync with nothing to do)
        with self.transaction() as conn:
            rows = conn.execute(homeless, (_LOCKED,)).fetchall()
            for row in rows:
                _set_validation_column(
                    conn,
                    row["id"],
                    "office",
                    ("", office),
                    actor=actor,
                    now=now,
                    action="update",
                    details={"why": "the hub user's office, on sync"},
                )
        return [row["id"] for row in rows]

    def change_catalog(
        self,
        validation_id: str,
        catalog: Catalog,
        from_version: str,
        changes: Sequence[tuple[str, FindingChange]],
        actor: str,
    ) -> None:
        """Move an unsigned validation to another version of its catalog (pinned here) with
        the finding changes that needs, all in one transaction, audited."""
        now = utc_now()
        with self.transaction() as conn:
            row = conn.execute(f"{_SELECT_VALIDATION} AND v.id = ?", (validation_id,)).fetchone()
            if row is None:
                raise NotFoundError(f"no validation with ID '{validation_id}'")
            old = _validation_from_row(row)
            if lifecycle.is_locked(old.status):
                raise RuleError("the validation is signed and locked; its catalog stays pinned")
            if old.catalog_version != from_version or old.entity != catalog.entity:
                raise RuleError("the validation changed meanwhile; look at it again")
            self._pin_catalog(conn, catalog)
            _set_validation_column(
                conn,
                validation_id,
                "catalog_version",
                (from_version, catalog.version),
                actor=actor,
                now=now,
                action="catalog upgraded",
            )
            for criterion, change in changes:
                self._write_finding(
                    conn, validation_id, criterion, change, actor, now, action="catalog upgraded"
                )
            self._withdraw_approval(conn, validation_id, actor, now)

    def _move_status(
        self,
        conn: sqlite.Connection,
        validation_id: str,
        old: str,
        new: Lifecycle,
        *,
        actor: str,
        now: str,
        action: str,
        details: dict[str, Any] | None = None,
    ) -> None:
        """Change a validation's lifecycle status inside a transaction, with its audit event."""
        _set_validation_column(
            conn,
            validation_id,
            "status",
            (old, new.value),
            actor=actor,
            now=now,
            action=action,
            details=details,
        )

    def set_status(self, validation_id: str, status: Lifecycle, actor: str) -> None:
        """Put a validation in a status as it is, audited: the demo's and tests' way to
        seed one. The app's moves go through move(), which checks them."""
        now = utc_now()
        with self.transaction() as conn:
            current = _status_of(conn, validation_id)
            if current is not status:
                self._move_status(
                    conn,
                    validation_id,
                    current.value,
                    status,
                    actor=actor,
                    now=now,
                    action="status",
                )

    def move(
        self,
        validation_id: str,
        name: str,
        actor: str,
        details: dict[str, Any] | None = None,
    ) -> Lifecycle:
        """Make one of the lifecycle's moves (worksheet/lifecycle.py), checked against the
        validation's status inside the transaction that makes it, audited under the move's
        name; the status it moved to."""
        now = utc_now()
        with self.transaction() as conn:
            current = _status_of(conn, validation_id)
            if current is lifecycle.MOVE_BY_NAME[name].target:
                return current  # made already (a second submit, say): nothing to do
            move = lifecycle.check_move(name, current)
            self._move_status(
                conn,
                validation_id,
                current.value,
                move.target,
                actor=actor,
                now=now,
                action=move.name,
                details=details,
            )
            return move.target

    def _upsert_member(self, conn: sqlite.Connection, member: Member, actor: str, now: str) -> str:
        row = conn.execute(
            "SELECT id, name FROM members WHERE account = ?", (member.account,)
        ).fetchone()
        if row is not None and row["name"] == member.name:
            return str(row["id"])
        if row is None:
            record_id = member_id(member.account)
            conn.execute(
                "INSERT INTO members (id, account, name, updated_at) VALUES (?, ?, ?, ?)",
                (record_id, member.account, member.name, now),
            )
            action, changes = (
                "create",
                {"account": [None, member.account], "name": [None, member.name]},
            )
        else:
            record_id = row["id"]
            conn.execute(
                "UPDATE members SET name = ?, updated_at = ?, rev = rev + 1 WHERE id = ?",
                (member.name, now, record_id),
            )
            action, changes = "update", {"name": [row["name"], member.name]}
        audit.append_event(
            conn,
            at=now,
            actor=actor,
            action=action,
            kind="member",
            record_id=record_id,
            validation_id=None,
            changes=changes,
        )
        return str(record_id)

    def resolve_id(self, prefix: str) -> str:
        """The full ID of the one validation whose ID starts with prefix."""
        cleaned = prefix.strip().lower()
        if len(cleaned) < 4 or not all(ch in "0123456789abcdef-" for ch in cleaned):
            raise NotFoundError(
                f"'{prefix}' is not a validation ID; give at least its first 4 characters"
            )
        rows = self._query(
            "SELECT id FROM validations WHERE deleted = 0 AND substr(id, 1, ?) = ? LIMIT 2",
            len(cleaned),
            cleaned,
        )
        if not rows:
            raise NotFoundError(f"no validation with ID '{prefix}'")
        if len(rows) > 1:
            raise NotFoundError(f"validation ID '{prefix}' is ambiguous; give more characters")
        return str(rows[0]["id"])

    def exists(self, validation_id: str) -> bool:
        """Whether a validation with exactly this ID is stored."""
        return bool(self._query("SELECT 1 FROM validations WHERE id = ?", validation_id))

    def validation(self, validation_id: str) -> Validation:
        """One validation by its full ID."""
        rows = self._query(f"{_SELECT_VALIDATION} AND v.id = ?", validation_id)
        if not rows:
            raise NotFoundError(f"no validation with ID '{validation_id}'")
        return _validation_from_row(rows[0])

    def list_validations(self, include_archived: bool = True) -> list[ValidationSummary]:
        """Every validation (archived ones too, unless asked not to), newest first."""
        return [
            ValidationSummary(
                _validation_from_row(r),
                r["entity_name"],
                r["criteria"],
                r["reviewed"],
                r["deficient"],
                r["last_change"],
            )
            for r in self._query(_LIST_VALIDATIONS)
            if include_archived or not r["archived"]
        ]

    # Findings ------------------------------------------------------------------------

    def findings(self, validation_id: str) -> dict[str, FindingRecord]:
        """The recorded findings of a validation by criterion ID."""
        rows = self._query(
            "SELECT * FROM findings WHERE validation_id = ? AND deleted = 0", validation_id
        )
        return {
            r["criterion"]: FindingRecord(
                _finding_from_row(r), r["updated_at"], r["updated_by"], r["rev"]
            )
            for r in rows
        }

    def change_finding(
        self,
        validation_id: str,
        criterion: str,
        change: FindingChange,
        actor: str,
        based_on: int | None = None,
    ) -> FindingRecord:
        """Read, change and write one finding in one transaction, with its audit event.

        based_on is the revision the edit was made on (0: none stored yet): if the finding
        has changed since (another window, an import, a sync), StaleEdit, nothing written.
        """
        now = utc_now()
        with self.transaction() as conn:
            both = conn.execute(_SELECT_FINDING_AND_STATUS, (criterion, validation_id)).fetchone()
            row = both if both is not None and both["id"] is not None else None
            current = row["rev"] if row is not None else 0
            if based_on is not None and current != based_on:
                who = row["updated_by"] if row is not None else "?"
                raise StaleEdit(
                    f"criterion {criterion} was changed elsewhere (by {who}) since it was "
                    "shown; nothing was saved: look at it again",
                    code="stale",
                    values={"criterion": criterion, "who": who},
                )
            record = self._write_finding(
                conn,
                validation_id,
                criterion,
                change,
                actor,
                now,
                read=(row,),
                prev_hash=(both["last_hash"] or audit.GENESIS) if both is not None else None,
            )
            status = both["validation_status"] if both is not None else None
            if status in _WITHDRAWN_FROM:
                self._withdraw_approval(conn, validation_id, actor, now)
            elif status in _STARTED_FROM and record.finding.status is not (
                FindingStatus.NOT_REVIEWED
            ):
                self._mark_started(conn, validation_id, actor, now)
            return record

    def change_findings(
        self,
        validation_id: str,
        changes: Sequence[tuple[str, FindingChange]],
        actor: str,
        action: str = BULK_ACTION,
    ) -> list[FindingRecord]:
        """Several finding changes applied together (all or none), audited as one action."""
        now = utc_now()
        with self.transaction() as conn:
            records = [
                self._write_finding(
                    conn, validation_id, criterion, change, actor, now, action=action
                )
                for criterion, change in changes
            ]
            self._withdraw_approval(conn, validation_id, actor, now)
            if any(r.finding.status is not FindingStatus.NOT_REVIEWED for r in records):
                self._mark_started(conn, validation_id, actor, now)
            return records

    def _mark_started(
        self, conn: sqlite.Connection, validation_id: str, actor: str, now: str
    ) -> None:
        """The first finding recorded: a planned validation is now in progress (before,
        it stayed planned until submitted, and the dashboard left it out)."""
        _make_move(conn, validation_id, lifecycle.MOVE_BY_NAME["status"], actor, now)

    def _withdraw_approval(
        self, conn: sqlite.Connection, validation_id: str, actor: str, now: str
    ) -> None:
        """A change after a supervisor's approval sends the validation back to review."""
        _make_move(
            conn,
            validation_id,
            lifecycle.MOVE_BY_NAME["approval withdrawn"],
            actor,
            now,
            why="changed after approval; a supervisor must approve it again",
        )

    def _write_finding(
        self,
        conn: sqlite.Connection,
        validation_id: str,
        criterion: str,
        change: FindingChange,
        actor: str,
        now: str,
        stamp: tuple[str, str] | None = None,
        action: str | None = None,
        read: tuple[sqlite.Row | None] | None = None,
        prev_hash: str | None = None,
    ) -> FindingRecord:
        """Write one finding and its audit event; read holds its row if already read, and
        prev_hash the audit trail's last hash if read in this transaction."""
        row = (
            read[0]
            if read is not None
            else conn.execute(_SELECT_FINDING, (validation_id, criterion)).fetchone()
        )
        old = _finding_from_row(row) if row else Finding(criterion)
        new = change(old)
        diff = FINDING_MAP.row_changes(old, new)  # the criterion, its key, never changes
        if row is not None and not diff:
            return FindingRecord(old, row["updated_at"], row["updated_by"], row["rev"])
        updated_at, updated_by = stamp or (now, actor)
        stamps = {"updated_at": updated_at, "updated_by": updated_by}
        if row is None:
            record_id, rev = finding_id(validation_id, criterion), 1
            conn.execute(
                _INSERT_FINDING,
                _finding_columns(new)
                | stamps
                | {"id": record_id, "validation_id": validation_id, "criterion": criterion},
            )
        else:
            record_id, rev = row["id"], row["rev"] + 1
            changed = {k: values[1] for k, values in diff.items()}
            conn.execute(_update_finding_sql(tuple(diff)), changed | stamps | {"id": record_id})
        audit.append_event(
            conn,
            at=now,
            actor=actor,
            action=action or ("create" if row is None else "update"),
            kind="finding",
            record_id=record_id,
            validation_id=validation_id,
            changes={"criterion": criterion} | diff,
            prev_hash=prev_hash,
        )
        return FindingRecord(new, updated_at, updated_by, rev)

    # Evidence ------------------------------------------------------------------------

    def add_evidence(
        self,
        validation_id: str,
        criterion: str | None,
        filename: str,
        sha256: str,
        size: int,
        actor: str,
        caption: str = "",
    ) -> tuple[EvidenceRecord, bool]:
        """Record evidence whose content is already in the blob store; (record, already).

        The same content is attached to a criterion (or to the whole validation) once: when
        it is there already, that record comes back with True and nothing is written.
        """
        now = utc_now()
        record = EvidenceRecord(
            id=str(uuid.uuid4()),
            criterion=criterion,
            sha256=sha256,
            filename=filename,
            media_type=mimetypes.guess_type(filename)[0] or "application/octet-stream",
            size=size,
            captured_at=now,
            captured_by=actor,
            caption=caption,
        )
        with self.transaction() as conn:
            # In the same transaction as the insert: two windows pasting at once add one.
            existing = conn.execute(
                "SELECT e.*, b.size FROM evidence e JOIN blobs b ON b.sha256 = e.sha256 "
                "WHERE e.validation_id = ? AND e.sha256 = ? AND e.criterion IS ? "
                "AND e.deleted = 0 ORDER BY e.captured_at, e.id LIMIT 1",
                (validation_id, sha256, criterion),
            ).fetchone()
            if existing is not None:
                return _evidence_from_row(existing), True
            self._insert_evidence(conn, validation_id, record, actor, now)
            self._withdraw_approval(conn, validation_id, actor, now)
        return record, False

    def set_evidence_caption(
        self,
        validation_id: str,
        evidence_id: str,
        caption: str,
        actor: str,
        based_on: str | None = None,
    ) -> EvidenceRecord:
        """Change the caption of a piece of evidence, with its audit event.

        based_on is the caption the edit started from: if it has changed since (another
        window, a sync), StaleEdit and nothing is written.
        """
        now = utc_now()
        with self.transaction() as conn:
            old = _evidence_from_row(_live_evidence(conn, validation_id, evidence_id))
            if based_on is not None and old.caption != based_on:
                raise StaleEdit(
                    f"the caption of {old.filename} was changed elsewhere since it was shown; "
                    "nothing was saved: look at it again",
                    code="stale-caption",
                    values={"file": old.filename},
                )
            if old.caption == caption:
                return old
            conn.execute(
                "UPDATE evidence SET caption = ?, rev = rev + 1 WHERE id = ?",
                (caption, evidence_id),
            )
            self._withdraw_approval(conn, validation_id, actor, now)
            audit.append_event(
                conn,
                at=now,
                actor=actor,
                action="update",
                kind="evidence",
                record_id=evidence_id,
                validation_id=validation_id,
                changes={
                    "criterion": old.criterion,
                    "filename": old.filename,
                    "caption": [old.caption, caption],
                },
            )
        return replace(old, caption=caption)

    def evidence_owner(self, evidence_id: str) -> tuple[str, str]:
        """(evidence ID, validation ID) of the live evidence whose ID starts with a prefix."""
        prefix = evidence_id.strip().lower()
        if len(prefix) < 4 or not all(ch in "0123456789abcdef-" for ch in prefix):
            raise NotFoundError(
                f"'{evidence_id}' is not an evidence ID; give at least its first 4 characters"
            )
        rows = self._query(
            "SELECT id, validation_id FROM evidence WHERE deleted = 0 AND substr(id, 1, ?) = ? "
            "LIMIT 2",
            len(prefix),
            prefix,
        )
        if not rows:
            raise NotFoundError(f"no evidence with ID '{evidence_id}'")
        if len(rows) > 1:
            raise NotFoundError(f"evidence ID '{evidence_id}' is ambiguous; give more characters")
        return rows[0]["id"], rows[0]["validation_id"]

    def _insert_evidence(
        self,
        conn: sqlite.Connection,
        validation_id: str,
        record: EvidenceRecord,
        actor: str,
        now: str,
    ) -> None:
        if not self.blobs.has(record.sha256):
            raise StoreError(f"evidence content {record.sha256} is not in the blob store")
        conn.execute(
            "INSERT OR IGNORE INTO blobs (sha256, size, stored_at) VALUES (?, ?, ?)",
            (record.sha256, record.size, now),
        )
        conn.execute(
            "INSERT INTO evidence (id, validation_id, criterion, sha256, filename, media_type, "
            "captured_at, captured_by, caption) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                record.id,
                validation_id,
                record.criterion,
                record.sha256,
                record.filename,
                record.media_type,
                record.captured_at,
                record.captured_by,
                record.caption,
            ),
        )
        audit.append_event(
            conn,
            at=now,
            actor=actor,
            action="attach",
            kind="evidence",
            record_id=record.id,
            validation_id=validation_id,
            changes={
                "criterion": record.criterion,
                "filename": record.filename,
                "sha256": record.sha256,
            }
            | ({"caption": record.caption} if record.caption else {}),
        )

    def remove_evidence(self, validation_id: str, evidence_id: str, actor: str) -> None:
        """Detach evidence (a tombstone: the content stays, the audit trail says who and when)."""
        now = utc_now()
        with self.transaction() as conn:
            row = _live_evidence(conn, validation_id, evidence_id)
            conn.execute(
                "UPDATE evidence SET deleted = 1, rev = rev + 1 WHERE id = ?", (evidence_id,)
            )
            self._evidence_moved(conn, "remove", row, actor, now)

    def _evidence_moved(
        self, conn: sqlite.Connection, action: str, row: sqlite.Row, actor: str, now: str
    ) -> None:
        """Evidence detached or attached again: the approval goes, the trail says what."""
        self._withdraw_approval(conn, row["validation_id"], actor, now)
        audit.append_event(
            conn,
            at=now,
            actor=actor,
            action=action,
            kind="evidence",
            record_id=row["id"],
            validation_id=row["validation_id"],
            changes={
                "criterion": row["criterion"],
                "filename": row["filename"],
                "sha256": row["sha256"],
            },
        )

    def restore_evidence(self, validation_id: str, evidence_id: str, actor: str) -> EvidenceRecord:
        """Attach again evidence that was detached (an undo), unless the same content is
        attached to its criterion again meanwhile."""
        now = utc_now()
        with self.transaction() as conn:
            row = conn.execute(
                "SELECT e.*, b.size FROM evidence e JOIN blobs b ON b.sha256 = e.sha256 "
                "WHERE e.id = ? AND e.validation_id = ? AND e.deleted = 1",
                (evidence_id, validation_id),
            ).fetchone()
            if row is None:
                raise NotFoundError(f"no detached evidence {evidence_id} on this validation")
            again = conn.execute(
                "SELECT filename FROM evidence WHERE validation_id = ? AND sha256 = ? "
                "AND criterion IS ? AND deleted = 0 LIMIT 1",
                (validation_id, row["sha256"], row["criterion"]),
            ).fetchone()
            if again is not None:
                raise RuleError(
                    f"{row['filename']} is attached again as {again['filename']}; "
                    "nothing was restored"
                )
            conn.execute(
                "UPDATE evidence SET deleted = 0, rev = rev + 1 WHERE id = ?", (evidence_id,)
            )
            self._evidence_moved(conn, "restore", row, actor, now)
        return _evidence_from_row(row)

    def evidence(self, validation_id: str) -> list[EvidenceRecord]:
        """The evidence attached to a validation, oldest first."""
        rows = self._query(
            "SELECT e.*, b.size FROM evidence e JOIN blobs b ON b.sha256 = e.sha256 "
            "WHERE e.validation_id = ? AND e.deleted = 0 ORDER BY e.captured_at, e.id",
            validation_id,
        )
        return [_evidence_from_row(r) for r in rows]

    # Reports -------------------------------------------------------------------------

    def reports(self, validation_id: str) -> list[ReportRecord]:
        """The issued reports of a validation, oldest first."""
        rows = self._query(
            "SELECT * FROM reports WHERE validation_id = ? ORDER BY version", validation_id
        )
        return [
            ReportRecord(
                r["version"],
                r["sha256"],
                r["signer"],
                r["signed_at"],
                r["file_name"],
                r["language"],
            )
            for r in rows
        ]

    def issue_report(self, validation_id: str, report: ReportRecord, actor: str) -> None:
        """Record a signed report and lock the validation, in one transaction."""
        now = utc_now()
        with self.transaction() as conn:
            row = conn.execute(
                "SELECT status, (SELECT COALESCE(MAX(version), 0) FROM reports "
                "WHERE validation_id = :id) AS last FROM validations WHERE id = :id",
                {"id": validation_id},
            ).fetchone()
            if row is None:
                raise NotFoundError(f"no validation with ID '{validation_id}'")
            status = Lifecycle(row["status"])
            if lifecycle.is_locked(status):
                raise RuleError(
                    "the validation is already signed; reopen it to issue a new version"
                )
            if status not in lifecycle.MOVE_BY_NAME["sign"].sources:
                raise RuleError(
                    f"the validation is {row['status']}: a supervisor must approve it before "
                    "its report is signed"
                )
            if report.version != row["last"] + 1:
                raise RuleError(
                    f"report version {report.version} is out of turn; the next is {row['last'] + 1}"
                )
            conn.execute(
                "INSERT INTO reports (id, validation_id, version, sha256, signer, signed_at, "
                "file_name, language) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    report_id(validation_id, report.version),
                    validation_id,
                    report.version,
                    report.sha256,
                    report.signer,
                    report.signed_at,
                    report.file_name,
                    report.language,
                ),
            )
            self._move_status(
                conn,
                validation_id,
                row["status"],
                lifecycle.MOVE_BY_NAME["sign"].target,
                actor=actor,
                now=now,
                action="sign",
                details={
                    "report_version": report.version,
                    "sha256": report.sha256,
                    "signer": report.signer,
                },
            )

    def reopen(self, validation_id: str, reason: str, actor: str) -> None:
        """Unlock a signed validation for changes; the reason goes into the audit trail."""
        now = utc_now()
        with self.transaction() as conn:
            current = _status_of(conn, validation_id)
            if current not in lifecycle.MOVE_BY_NAME["reopen"].sources:
                raise RuleError(f"the validation is {current.value}, not signed: nothing to reopen")
            self._move_status(
                conn,
                validation_id,
                current.value,
                lifecycle.MOVE_BY_NAME["reopen"].target,
                actor=actor,
                now=now,
                action="reopen",
                details={"reason": reason},
            )

    # Audit trail ---------------------------------------------------------------------

    def audit_events(self, validation_id: str | None = None) -> list[dict[str, Any]]:
        """Audit events in order, for one validation or all."""
        if validation_id is None:
            rows = self._query("SELECT * FROM audit_events ORDER BY seq")
        else:
            rows = self._query(
                "SELECT * FROM audit_events WHERE validation_id = ? ORDER BY seq", validation_id
            )
        return [dict(r) for r in rows]

    def verify_audit(self) -> audit.ChainBreak | None:
        """The first broken link of the whole audit chain, or None when intact."""
        return audit.verify_chain(self.audit_events())

    def audit_head(self) -> tuple[int, str]:
        """(number of events, hash of the last): what an anchor outside the laptop keeps."""
        (row,) = self.read(
            "SELECT COUNT(*), (SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1) "
            "FROM audit_events"
        )
        return int(row[0]), str(row[1] or audit.GENESIS)

    def audit_hash_at(self, count: int) -> str | None:
        """The hash of the count-th event (1-based), or None when there are fewer."""
        rows = self.read(
            "SELECT hash FROM audit_events ORDER BY seq LIMIT 1 OFFSET ?", (count - 1,)
        )
        return str(rows[0][0]) if rows else None


def replace_with(new: Finding) -> FindingChange:
    """A change that puts this finding in place of whatever was there."""
    return lambda _old: new


def _set_validation_column(
    conn: sqlite.Connection,
    validation_id: str,
    column: str,
    change: tuple[str, str],
    *,
    actor: str,
    now: str,
    action: str,
    details: dict[str, Any] | None = None,
) -> None:
    """Set one column of a validation (a new revision) with its audit event: old → new."""
    conn.execute(
        f"UPDATE validations SET {column} = ?, updated_at = ?, rev = rev + 1 WHERE id = ?",
        (change[1], now, validation_id),
    )
    audit.append_event(
        conn,
        at=now,
        actor=actor,
        action=action,
        kind="validation",
        record_id=validation_id,
        validation_id=validation_id,
        changes={column: list(change)} | (details or {}),
    )
