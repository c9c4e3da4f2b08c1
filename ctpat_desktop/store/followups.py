"""Follow-up records as stored: appended after the signed report, each with its audit event.

The rules (what a record means, what may follow what) live in sync/followup_rules.py; the
service checks a record against them inside the same transaction that appends it.
"""

from datetime import date

from ctpat_desktop.errors import NotFoundError
from ctpat_desktop.store import audit
from ctpat_desktop.store.driver import sqlite
from ctpat_desktop.sync.followup_rules import Event, FollowUpRecord

_INSERT = (
    "INSERT INTO followups (id, validation_id, criterion, number, event, report_version, note, "
    "implemented, accepted, days, recorded_at, recorded_by) VALUES (:id, :validation_id, "
    ":criterion, :number, :event, :report_version, :note, :implemented, :accepted, :days, "
    ":recorded_at, :recorded_by)"
)


def _flag(value: object) -> bool | None:
    return None if value is None else bool(value)


def _record(row: sqlite.Row) -> FollowUpRecord:
    return FollowUpRecord(
        id=row["id"],
        validation_id=row["validation_id"],
        criterion=row["criterion"],
        number=row["number"],
        event=Event(row["event"]),
        report_version=row["report_version"],
        note=row["note"],
        implemented=_flag(row["implemented"]),
        accepted=_flag(row["accepted"]),
        days=row["days"],
        recorded_at=row["recorded_at"],
        recorded_by=row["recorded_by"],
    )


def followups(conn: sqlite.Connection, validation_id: str) -> list[FollowUpRecord]:
    """A validation's follow-up records by criterion, in their order."""
    rows = conn.execute(
        "SELECT * FROM followups WHERE validation_id = ? ORDER BY criterion, number, "
        "recorded_at, id",
        (validation_id,),
    ).fetchall()
    return [_record(row) for row in rows]


def signed_state(conn: sqlite.Connection, validation_id: str) -> tuple[str, int]:
    """(lifecycle status, last signed report version or 0) of a validation."""
    row = conn.execute(
        "SELECT status, (SELECT COALESCE(MAX(version), 0) FROM reports "
        "WHERE validation_id = :id) AS last FROM validations WHERE id = :id AND deleted = 0",
        {"id": validation_id},
    ).fetchone()
    if row is None:
        raise NotFoundError(f"no validation with ID '{validation_id}'")
    return str(row["status"]), int(row["last"])


def issued_on(conn: sqlite.Connection, validation_id: str) -> date | None:
    """The day (UTC) the report in force was signed, or None: the due dates it printed
    count from it."""
    row = conn.execute(
        "SELECT signed_at FROM reports WHERE validation_id = ? ORDER BY version DESC LIMIT 1",
        (validation_id,),
    ).fetchone()
    return None if row is None else date.fromisoformat(str(row["signed_at"])[:10])


def append(conn: sqlite.Connection, record: FollowUpRecord, actor: str, now: str) -> None:
    """Store one record (already checked) and its audit event, in the caller's transaction."""
    fields = record.fields()
    conn.execute(_INSERT, fields | {"id": record.id})
    said = ("criterion", "number", "report_version", "note", "implemented", "accepted", "days")
    audit.append_event(
        conn,
        at=now,
        actor=actor,
        action=record.event.value,
        kind="followup",
        record_id=record.id,
        validation_id=record.validation_id,
        changes={name: fields[name] for name in said if fields[name] is not None},
    )
