"""Feedback answers as stored: each written once with its audit event, read back per
validation or for the dashboard's summary.

The rules (what an answer may say, which one counts) live in sync/feedback_rules.py; the
service checks an answer against them before it is appended here.
"""

import json
from collections.abc import Sequence
from typing import Any

from ctpat_desktop.store import audit
from ctpat_desktop.store.driver import sqlite
from ctpat_desktop.sync.feedback_rules import Feedback, Source

COLUMNS = (
    "validation_id",
    "source",
    "technology_quality",
    "not_verifiable",
    "not_verifiable_note",
    "minutes_lost",
    "comments",
    "recorded_at",
    "recorded_by",
)
_INSERT = (
    f"INSERT INTO feedback (id, {', '.join(COLUMNS)}) "
    f"VALUES (:id, {', '.join(':' + c for c in COLUMNS)})"
)


def from_row(row: Any) -> Feedback:
    """An answer from a row with the table's columns (by name)."""
    return Feedback(
        id=row["id"],
        validation_id=row["validation_id"],
        source=Source(row["source"]),
        technology_quality=row["technology_quality"],
        not_verifiable=tuple(json.loads(row["not_verifiable"])),
        not_verifiable_note=row["not_verifiable_note"],
        minutes_lost=row["minutes_lost"],
        comments=row["comments"],
        recorded_at=row["recorded_at"],
        recorded_by=row["recorded_by"],
    )


def answers(conn: sqlite.Connection, validation_id: str) -> list[Feedback]:
    """A validation's answers, oldest first."""
    rows = conn.execute(
        "SELECT * FROM feedback WHERE validation_id = ? ORDER BY recorded_at, id",
        (validation_id,),
    ).fetchall()
    return [from_row(row) for row in rows]


def append(conn: sqlite.Connection, answer: Feedback, actor: str) -> None:
    """Store one answer (already checked) and its audit event, in the caller's transaction."""
    fields = answer.fields()
    conn.execute(_INSERT, fields | {"id": answer.id})
    shown = fields | {"not_verifiable": list(answer.not_verifiable)}
    said: Sequence[str] = (
        "source",
        "technology_quality",
        "not_verifiable",
        "not_verifiable_note",
        "minutes_lost",
        "comments",
    )
    audit.append_event(
        conn,
        at=answer.recorded_at,
        actor=actor,
        action="feedback",
        kind="feedback",
        record_id=answer.id,
        validation_id=answer.validation_id,
        changes={name: shown[name] for name in said if shown[name] not in (None, "", [])},
    )
