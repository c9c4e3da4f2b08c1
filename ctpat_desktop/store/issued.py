"""Documents signed after an issued report, as stored: renditions and follow-up letters,
each written once with its audit event, read back per validation.

The rules (what a record says, which report it may follow) live in sync/letter_rules.py;
the service checks a record against them before it is appended here.
"""

from typing import Any

from ctpat_desktop.errors import NotFoundError, RuleError
from ctpat_desktop.store import audit
from ctpat_desktop.store.driver import sqlite
from ctpat_desktop.store.records import ReportRecord
from ctpat_desktop.sync.letter_rules import (
    Letter,
    Rendition,
    letter_from_fields,
    rendition_from_fields,
)


def _insert(table: str, record_id: str, fields: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    names = ["id", *fields]
    sql = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join(':' + n for n in names)})"
    return sql, fields | {"id": record_id}


def _fields(row: sqlite.Row) -> dict[str, Any]:
    return {name: row[name] for name in row.keys()}  # noqa: SIM118 (a Row is no mapping)


def renditions(conn: sqlite.Connection, validation_id: str) -> list[Rendition]:
    """A validation's renditions, by version and language."""
    rows = conn.execute(
        "SELECT * FROM renditions WHERE validation_id = ? ORDER BY report_version, language",
        (validation_id,),
    ).fetchall()
    return [rendition_from_fields(row["id"], _fields(row)) for row in rows]


def letters(conn: sqlite.Connection, validation_id: str) -> list[Letter]:
    """A validation's follow-up letters, oldest first (two signed in the same second: in the
    order they were stored, which for synced ones is the hub's order of arrival)."""
    rows = conn.execute(
        "SELECT * FROM letters WHERE validation_id = ? ORDER BY signed_at, rowid",
        (validation_id,),
    ).fetchall()
    return [letter_from_fields(row["id"], _fields(row)) for row in rows]


def issued_state(conn: sqlite.Connection, validation_id: str) -> tuple[str, list[ReportRecord]]:
    """(lifecycle status, the signed reports oldest first) of a validation."""
    row = conn.execute(
        "SELECT status FROM validations WHERE id = ? AND deleted = 0", (validation_id,)
    ).fetchone()
    if row is None:
        raise NotFoundError(f"no validation with ID '{validation_id}'")
    reports = conn.execute(
        "SELECT version, sha256, signer, signed_at, file_name, language FROM reports "
        "WHERE validation_id = ? ORDER BY version",
        (validation_id,),
    ).fetchall()
    return str(row["status"]), [ReportRecord(*r) for r in reports]


def append_rendition(conn: sqlite.Connection, rendition: Rendition, actor: str, now: str) -> None:
    """Store one rendition (already checked) and its audit event, in the caller's
    transaction; RuleError when that version already has one in that language."""
    known = conn.execute("SELECT sha256 FROM renditions WHERE id = ?", (rendition.id,)).fetchone()
    if known is not None:
        raise RuleError(
            f"report version {rendition.report_version} already has a rendition in "
            f"{rendition.language} (SHA-256 {known['sha256']})"
        )
    conn.execute(*_insert("renditions", rendition.id, rendition.fields()))
    _audit(conn, "rendition", rendition.id, rendition.validation_id, rendition.fields(), actor, now)


def append_letter(conn: sqlite.Connection, letter: Letter, actor: str, now: str) -> None:
    """Store one letter (already checked) and its audit event, in the caller's transaction."""
    conn.execute(*_insert("letters", letter.id, letter.fields()))
    _audit(conn, "letter", letter.id, letter.validation_id, letter.fields(), actor, now)


def _audit(
    conn: sqlite.Connection,
    kind: str,
    record_id: str,
    validation_id: str,
    fields: dict[str, Any],
    actor: str,
    now: str,
) -> None:
    audit.append_event(
        conn,
        at=now,
        actor=actor,
        action=kind,
        kind=kind,
        record_id=record_id,
        validation_id=validation_id,
        changes={name: value for name, value in fields.items() if name != "validation_id"},
    )
