"""The hub's backlog over a decade of the program in PostgreSQL, against its raw SQL.

Targets: the national backlog (an admin's) under 3 s and at most 1.5 × the raw SQL it
needs; one office's (a supervisor's) under 1 s. The raw SQL is every statement the backlog
sends, recorded as it sends them and replayed straight on the driver in one transaction.
The data: bench_hub_stats's decade (about 100,000 validations, 36,000 members, 20 offices,
10,000,000 findings; benchmarks/hub_data.py) plus what the backlog reads beyond the dashboard
tables: every record as synced, a signed report per signed validation and the follow-up of
its required actions (6 % of signed validations still have open ones), about 6,000 members
that lapsed or are only planned, and about 1 % of signed validations that the anomaly
checks flag. As of 2026-01-01, with the default rules. The peak RSS of the process is
printed: the backlog must not hold every finding in Python.

CTPAT_BENCH_HUB_FINDINGS sets the size (default 10,000,000).
"""

import os
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.hub_data import fill_dashboard, fill_records, replayed, statements_sent
from ctpat_desktop.catalog import CatalogLibrary
from ctpat_desktop.hub.backlog import hub_backlog
from ctpat_desktop.hub.push import User
from ctpat_desktop.hub.service import Hub
from ctpat_desktop.paths import resources_dir
from tests.hubkit import pg_bindir, postgres_cluster

FINDINGS = int(os.environ.get("CTPAT_BENCH_HUB_FINDINGS", "10000000"))
NATIONAL_SECONDS, OFFICE_SECONDS, TARGET = 3.0, 1.0, 1.5
RUNS = 5
TODAY = date(2026, 1, 1)
SUPERVISOR = User("sup", "supervisor", "Office 3")

Backlog = Callable[[], dict[str, Any]]


def _timed(backlog: Backlog) -> float:
    start = time.perf_counter()
    backlog()
    return time.perf_counter() - start


def _measure(hub: Hub, backlog: Backlog) -> tuple[float, float, int]:
    """Median seconds of the backlog and of its raw SQL, taken in turn; statements sent."""
    statements = statements_sent(hub.engine, backlog)
    runs = [(_timed(backlog), replayed(hub.engine, statements)) for _ in range(RUNS)]
    app = statistics.median(a for a, _ in runs)
    raw = statistics.median(r for _, r in runs)
    return app, raw, len(statements)


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _summary(backlog: dict[str, Any]) -> str:
    rows = backlog["members"]
    counts = backlog["counts"]
    open_actions = sum(bool(r["open_required_actions"]) for r in rows)
    flagged = sum(bool(r["anomalies"]) for r in rows)
    return (
        f"{counts['members']:,} members ({counts['overdue']:,} overdue, "
        f"{counts['never_validated']:,} never validated, {open_actions:,} with open required "
        f"actions, {flagged:,} flagged, {counts['virtual_eligible']:,} virtual)"
    )


def _real_work(backlog: dict[str, Any]) -> bool:
    """Every kind of fact the backlog weighs is there to weigh (nationally; an office of a
    small run may lack some)."""
    rows = backlog["members"]
    counts = backlog["counts"]
    return (
        all(counts[k] > 0 for k in ("members", "overdue", "never_validated", "virtual_eligible"))
        and any(r["open_required_actions"] for r in rows)
        and any(r["anomalies"] for r in rows)
    )


def main() -> int:
    """Build once, time the national and one office's backlog against their raw SQL."""
    if pg_bindir() is None:
        print("hub backlog: PostgreSQL server binaries (initdb) not found; skipped")
        return 1
    library = CatalogLibrary(resources_dir())
    catalog = library.catalog("importer", "2023.2")
    criteria = [c.id for c in catalog.criteria]
    codes = sorted(library.reason_codes())
    with tempfile.TemporaryDirectory() as folder, postgres_cluster() as make_database:
        hub = Hub.open(make_database(), Path(folder))
        try:
            started = time.perf_counter()
            count = fill_dashboard(hub.engine, criteria, codes, FINDINGS)
            fill_records(hub.engine, catalog, count)
            built = time.perf_counter() - started

            def national() -> dict[str, Any]:
                return hub_backlog(hub, None, today=TODAY)

            def office() -> dict[str, Any]:
                return hub_backlog(hub, SUPERVISOR, today=TODAY)

            before = _peak_mib()
            whole, one = national(), office()  # warm the caches as a serving hub's are
            peak = _peak_mib()
            app, raw, sent = _measure(hub, national)
            office_app, office_raw, office_sent = _measure(hub, office)
        finally:
            hub.close()
    real = _real_work(whole) and one["counts"]["members"] > 0
    ratio = app / raw
    verdict = (
        "PASS"
        if app < NATIONAL_SECONDS and ratio <= TARGET and office_app < OFFICE_SECONDS and real
        else "FAIL"
    )
    print(f"hub backlog: {count:,} validations, {FINDINGS:,} findings (built in {built:.0f} s)")
    print(f"hub backlog: national {_summary(whole)}")
    print(f"hub backlog: {SUPERVISOR.office} {_summary(one)}")
    print(
        f"hub backlog: national {app:.2f} s (target < {NATIONAL_SECONDS:.0f} s), raw SQL of its "
        f"{sent} statements {raw:.2f} s; one office {office_app:.2f} s (target < "
        f"{OFFICE_SECONDS:.0f} s), raw SQL of its {office_sent} statements {office_raw:.2f} s"
    )
    print(f"hub backlog: peak RSS {peak:.0f} MiB ({before:.0f} MiB before the first backlog)")
    if not real:
        print("hub backlog: the data lacks a kind of fact the backlog weighs")
    print(f"hub backlog ratio {ratio:.2f} (target <= {TARGET}) {verdict}")
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
