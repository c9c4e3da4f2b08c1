"""Session times as records: stretches of time spent on one category of a validation.

The session timer (ui/panels/session_panel.py) opens a stretch when it starts or resumes
and when the SCSS moves to another category, moves the open stretch's end forward while
it runs, and closes it on pause. Totals, per-category minutes and the days of the
session are sums over the stretches, so they survive closing the window, and sync
carries them to the hub (kind "period") for the report and the programme's metrics.
"""

import uuid
from datetime import datetime

from ctpat_desktop.errors import NotFoundError
from ctpat_desktop.store.driver import sqlite
from ctpat_desktop.worksheet.agenda import (
    Period,
    SessionTimes,
    check_stretch,
    parse_stamp,
    stamp,
)


def _row(row: sqlite.Row) -> Period:
    return Period(
        row["id"], row["category"], row["started_at"], row["ended_at"], row["recorded_by"]
    )


def open_period(
    conn: sqlite.Connection,
    validation_id: str,
    category: int | None,
    actor: str,
    now: datetime,
    period_id: str | None = None,
) -> Period:
    """Start a stretch now."""
    at = stamp(now)
    period = Period(period_id or str(uuid.uuid4()), category, at, at, actor)
    conn.execute(
        "INSERT INTO session_periods (id, validation_id, category, started_at, ended_at, "
        "recorded_by) VALUES (?, ?, ?, ?, ?, ?)",
        (period.id, validation_id, category, at, at, actor),
    )
    return period


def insert_period(conn: sqlite.Connection, validation_id: str, period: Period) -> None:
    """Store a stretch recorded elsewhere (an exchange file's), as it was recorded."""
    conn.execute(
        "INSERT INTO session_periods (id, validation_id, category, started_at, ended_at, "
        "recorded_by) VALUES (?, ?, ?, ?, ?, ?)",
        (
            period.id,
            validation_id,
            period.category,
            period.started_at,
            period.ended_at,
            period.recorded_by,
        ),
    )


def extend_period(conn: sqlite.Connection, period_id: str, now: datetime) -> Period:
    """Move a stretch's end to now (while it runs, and when it is closed)."""
    row = conn.execute(
        "SELECT * FROM session_periods WHERE id = ? AND deleted = 0", (period_id,)
    ).fetchone()
    if row is None:
        raise NotFoundError(f"no session time {period_id}")
    ended = stamp(max(now, parse_stamp(row["started_at"])))
    check_stretch(row["started_at"], ended)
    if ended != row["ended_at"]:
        conn.execute(
            "UPDATE session_periods SET ended_at = ?, rev = rev + 1 WHERE id = ?",
            (ended, period_id),
        )
    return Period(row["id"], row["category"], row["started_at"], ended, row["recorded_by"])


def session_times(conn: sqlite.Connection, validation_id: str) -> SessionTimes:
    """Every stretch recorded for a validation, in time order."""
    rows = conn.execute(
        "SELECT * FROM session_periods WHERE validation_id = ? AND deleted = 0 "
        "ORDER BY started_at, id",
        (validation_id,),
    ).fetchall()
    return SessionTimes(tuple(_row(row) for row in rows))
