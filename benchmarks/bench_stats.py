"""Dashboard statistics over 1,000,000 findings against the raw SQL GROUP BYs they rest on.

Target (DESIGN.md): compute_stats ≤ 1.5 × the same GROUP BY queries (every statement it
sends, analytics/figures.py compiled once, recorded as it runs) run straight on the sqlite3
driver, on the same file. The data: Importer
validations with every criterion reviewed, 8 % not met, with their audit events, written
straight into a database the app created.
"""

import json
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from ctpat_desktop.analytics import StatsFilter, compute_stats, queries
from ctpat_desktop.analytics.anomalies import PACE_MIN_EDITS
from ctpat_desktop.analytics.stats import compute_figures, laptop_source, sqlite_text, store_rows
from ctpat_desktop.app import AppContext
from ctpat_desktop.services.validations import plan_validation
from ctpat_desktop.settings import Settings
from ctpat_desktop.store.driver import connect
from ctpat_desktop.store.keys import load_key

FINDINGS = 1_000_000
TARGET = 1.5
MODES = ("virtual", "in-person", "hybrid")


def _fill(path: Path, key: bytes, criteria: list[str], codes: list[str]) -> None:
    rng = random.Random(7)
    conn = connect(path, key)
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("BEGIN")
    member = conn.execute("SELECT id FROM members").fetchone()[0]
    stamp = "2026-01-01T00:00:00.000000Z"
    for v in range(-(-FINDINGS // len(criteria))):
        vid = f"00000000-0000-4000-8000-{v:012d}"
        day = f"202{4 + v % 3}-{v % 12 + 1:02d}-{v % 28 + 1:02d}"
        conn.execute(
            "INSERT INTO validations (id, member_id, entity, catalog_version, mode, date, scss, "
            "status, created_at, updated_at) VALUES (?, ?, 'importer', '2023.2', ?, ?, 'bench', "
            "'approved', ?, ?)",
            (vid, member, MODES[v % 3], day, stamp, stamp),
        )
        rows, events = [], []
        for i, cid in enumerate(criteria):
            deficient = rng.random() < 0.08
            reasons = json.dumps(rng.sample(codes, rng.choice((1, 2)))) if deficient else "[]"
            fid = f"{v:08d}-{i:04d}"
            rows.append((fid, vid, cid, "not-met" if deficient else "met", reasons, stamp, "b"))
            events.append((stamp, "b", "import", "finding", fid, vid, "{}", "0" * 64, "0" * 64))
        conn.executemany(
            "INSERT INTO findings (id, validation_id, criterion, status, reasons, updated_at, "
            "updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        conn.executemany(
            "INSERT INTO audit_events (at, actor, action, kind, record_id, validation_id, "
            "changes, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            events,
        )
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()


def _statements(ctx: AppContext) -> list[tuple[str, dict[str, Any]]]:
    """Every statement compute_stats sends, as the driver takes it: the pace check's, then
    the figures' (recorded while they run once)."""
    filters = StatsFilter()
    where, params = filters.where()
    sent = [(queries.pace_sql(where), params | {"pace_min": PACE_MIN_EDITS})]
    run = store_rows(ctx.store)

    def recorded(statement: Any) -> Any:
        sent.append(sqlite_text(statement))
        return run(statement)

    compute_figures(
        recorded,
        laptop_source(),
        ctx.store.pinned_documents(),
        ctx.catalogs.categories,
        ctx.catalogs.reasons,
        filters,
    )
    return sent


def _raw_seconds(path: Path, key: bytes, statements: list[tuple[str, dict[str, Any]]]) -> float:
    conn = connect(path, key)  # the same driver and key as the store: encrypted alike
    start = time.perf_counter()
    for sql, values in statements:
        conn.execute(sql, values).fetchall()
    seconds = time.perf_counter() - start
    conn.close()
    return seconds


def main() -> None:
    """Build the file once, then time both ways (best of three each)."""
    with tempfile.TemporaryDirectory(dir=Path.cwd()) as tmp:
        data = Path(tmp) / "data"
        ctx = AppContext(data, Settings(user="bench"))
        plan_validation(ctx, member="Bench", account="US-0001", entity="importer")
        criteria = [c.id for c in ctx.catalogs.catalog("importer").criteria]
        codes = sorted(ctx.catalogs.reason_codes())
        ctx.close()
        key = load_key(data, None)
        assert key is not None
        start = time.perf_counter()
        _fill(data / "ctpat.db", key, criteria, codes)
        built = time.perf_counter() - start
        ctx = AppContext(data, Settings(user="bench"))
        categories, reasons = ctx.catalogs.categories, ctx.catalogs.reasons
        app, raw = [], []
        statements = _statements(ctx)
        for _ in range(3):
            raw.append(_raw_seconds(data / "ctpat.db", key, statements))
            start = time.perf_counter()
            result = compute_stats(ctx.store, categories, reasons)
            app.append(time.perf_counter() - start)
        ctx.close()
    findings = result["findings_reviewed"]
    ratio = min(app) / min(raw)
    verdict = "PASS" if ratio <= TARGET else "FAIL"
    count = result["validations"]
    print(f"stats: {findings} findings in {count} validations (built in {built:.0f} s)")
    print(f"stats: compute_stats {min(app):.2f} s, raw SQL GROUP BYs {min(raw):.2f} s")
    print(f"stats ratio {ratio:.2f} (target <= {TARGET}) {verdict}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
