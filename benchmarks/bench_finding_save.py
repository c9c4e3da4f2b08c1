"""Durable save of one finding (service call) against a raw INSERT+COMMIT on the driver.

The service's save is the whole of it: the rules, the finding, its audit event chained by
hash and its sync state (the record's new revision, which the outbox is read from), in one
transaction. The raw one is one INSERT and COMMIT on a connection like the store's: the
same driver and SQLCipher key (the data folder's own), the same pragmas (database.PRAGMAS:
WAL, synchronous=FULL, foreign keys, busy timeout), a file in the same folder. So the ratio
is the app's overhead. Target (issue 18): ratio ≤ 1.2.
"""

import statistics
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from ctpat_desktop.app import AppContext
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.settings import Settings
from ctpat_desktop.store.database import PRAGMAS
from ctpat_desktop.store.driver import connect

SAVES = 100
ROUNDS = 21  # short rounds of each in turn: a busy moment of the machine hits both alike
TARGET = 1.2


def _raw_connection(path: Path, key: bytes) -> Any:
    conn = connect(path, key)
    for pragma in PRAGMAS:
        conn.execute(f"PRAGMA {pragma}")
    conn.execute(
        "CREATE TABLE findings (id INTEGER PRIMARY KEY, validation_id TEXT, criterion TEXT, "
        "status TEXT, reasons TEXT, note TEXT, updated_at TEXT, updated_by TEXT)"
    )
    return conn


def _raw_round(conn: Any) -> float:
    start = time.perf_counter()
    for i in range(SAVES):
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "INSERT INTO findings (validation_id, criterion, status, reasons, note, updated_at, "
            "updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
            ("v", f"{i % 12 + 1}.1", "met", "[]", "", "2026-01-01T00:00:00Z", "bench"),
        )
        conn.execute("COMMIT")
    return (time.perf_counter() - start) / SAVES


def _floor_connection(path: Path, key: bytes) -> Any:
    """Two tables like the store's: a finding row changed in place and an append-only trail."""
    conn = _raw_connection(path, key)
    conn.execute(
        "CREATE TABLE events (seq INTEGER PRIMARY KEY, at TEXT, actor TEXT, kind TEXT, "
        "record_id TEXT, changes TEXT, prev_hash TEXT, hash TEXT)"
    )
    conn.execute("INSERT INTO findings (id, status) VALUES (1, 'met')")
    return conn


def _floor_round(conn: Any) -> float:
    """The least a save with its audit event can write: the row's UPDATE and the event's
    INSERT in one commit, no reads, no Python around them (two pages where the raw INSERT
    writes one)."""
    start = time.perf_counter()
    for i in range(SAVES):
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("UPDATE findings SET status = ?, updated_at = ? WHERE id = 1", (str(i), "t"))
        conn.execute(
            "INSERT INTO events (at, actor, kind, record_id, changes, prev_hash, hash) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                "2026-01-01T00:00:00Z",
                "bench",
                "finding",
                "f",
                '{"status":[1,2]}',
                "0" * 64,
                "1" * 64,
            ),
        )
        conn.execute("COMMIT")
    return (time.perf_counter() - start) / SAVES


def _service_round(session: ValidationSession, criteria: list[str], flip: int) -> float:
    statuses = ("met", "not-applicable")
    start = time.perf_counter()
    for i in range(SAVES):
        status = statuses[(i // len(criteria) + flip) % 2]
        session.record_finding(criteria[i % len(criteria)], status=status)
    return (time.perf_counter() - start) / SAVES


def main() -> None:
    """Interleave rounds of both; the median of the rounds' ratios."""
    with tempfile.TemporaryDirectory(dir=Path.cwd()) as tmp:
        folder = Path(tmp)
        ctx = AppContext(folder / "data", Settings(user="bench"))
        validation = plan_validation(
            ctx, member="Bench Co", account="US-0001", entity="importer", on=date(2026, 1, 5)
        )
        session = ValidationSession(ctx, validation.id)
        criteria = [c.id for c in session.catalog.criteria]
        raw = _raw_connection(folder / "data" / "raw.db", ctx.store.key)
        floor = _floor_connection(folder / "data" / "floor.db", ctx.store.key)
        _service_round(session, criteria, 1)
        _raw_round(raw)
        _floor_round(floor)
        service_times, raw_times, floor_times = [], [], []
        for r in range(ROUNDS):
            service_times.append(_service_round(session, criteria, r))
            raw_times.append(_raw_round(raw))
            floor_times.append(_floor_round(floor))
        raw.close()
        floor.close()
        ctx.close()
    service = statistics.median(service_times)
    baseline = statistics.median(raw_times)
    ratio = statistics.median(s / r for s, r in zip(service_times, raw_times, strict=True))
    least = statistics.median(f / r for f, r in zip(floor_times, raw_times, strict=True))
    verdict = "PASS" if ratio <= TARGET else "FAIL"
    print(f"finding save: service {service * 1e3:.3f} ms, raw driver {baseline * 1e3:.3f} ms")
    print(f"finding save ratio {ratio:.2f} (target <= {TARGET}) {verdict}")
    print(f"finding save floor: a raw UPDATE + audit INSERT in one commit is {least:.2f} x raw")


if __name__ == "__main__":
    main()
