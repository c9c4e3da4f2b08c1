"""Durable save of one finding (service call) against a raw INSERT+COMMIT on the driver.

Target (DESIGN.md): ratio ≤ 1.5 with the same pragmas (WAL, synchronous=FULL, foreign keys)
and the same encryption (SQLCipher with a raw key), so the ratio is the app's overhead.
"""

import os
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from ctpat_desktop.app import AppContext
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.settings import Settings
from ctpat_desktop.store.driver import connect

SAVES = 300
ROUNDS = 5
TARGET = 1.5


def _raw_connection(path: Path, key: bytes) -> Any:
    conn = connect(path, key)
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON", "busy_timeout=5000"):
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


def _service_round(session: ValidationSession, criteria: list[str], flip: int) -> float:
    statuses = ("met", "not-applicable")
    start = time.perf_counter()
    for i in range(SAVES):
        status = statuses[(i // len(criteria) + flip) % 2]
        session.record_finding(criteria[i % len(criteria)], status=status)
    return (time.perf_counter() - start) / SAVES


def main() -> None:
    """Interleave rounds of both and compare the medians."""
    with tempfile.TemporaryDirectory(dir=Path.cwd()) as tmp:
        folder = Path(tmp)
        ctx = AppContext(folder / "data", Settings(user="bench"))
        validation = plan_validation(
            ctx, member="Bench Co", account="US-0001", entity="importer", on=date(2026, 1, 5)
        )
        session = ValidationSession(ctx, validation.id)
        criteria = [c.id for c in session.catalog.criteria]
        raw = _raw_connection(folder / "raw.db", os.urandom(32))
        _service_round(session, criteria, 1)
        _raw_round(raw)
        service_times, raw_times = [], []
        for r in range(ROUNDS):
            service_times.append(_service_round(session, criteria, r))
            raw_times.append(_raw_round(raw))
        raw.close()
        ctx.close()
    service = statistics.median(service_times)
    baseline = statistics.median(raw_times)
    ratio = service / baseline
    verdict = "PASS" if ratio <= TARGET else "FAIL"
    print(f"finding save: service {service * 1e3:.3f} ms, raw driver {baseline * 1e3:.3f} ms")
    print(f"finding save ratio {ratio:.2f} (target <= {TARGET}) {verdict}")


if __name__ == "__main__":
    main()
