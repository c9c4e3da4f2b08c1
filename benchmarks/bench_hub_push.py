"""Measure hub push throughput over loopback HTTP: 10,000 findings in pushes of 500.

Run by `make bench` (SQLite and, when initdb is found, PostgreSQL with fsync off).
Prints findings/s against the 2,000/s target; also a no-op pull's time and blob bytes.
"""

import contextlib
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ctpat_desktop.sync.protocol import PREFIX, Mutation
from tests.hubkit import mutation, pg_bindir, postgres_cluster, pull, push, sample_fields, serve_hub

FINDINGS, BATCH, TARGET = 10_000, 500, 2_000
# A change the hub accepts: a not-met finding carries a reason (the laptop's own rule).
_NOT_MET = {"status": "not-met", "reasons": '["other"]', "note": "gap"}


def _timed_pushes(client: httpx.Client, batches: list[list[Mutation]]) -> float:
    began = time.perf_counter()
    for batch in batches:
        results = push(client, batch)
        assert all(r["outcome"] == "applied" for r in results)
    return FINDINGS / (time.perf_counter() - began)


def measure(db_url: str, data_dir: Path) -> tuple[float, float, float]:
    """(new findings/s, changed findings/s, seconds of an empty pull) on one hub."""
    with (
        serve_hub(db_url, data_dir) as served,
        served.client(served.add_user("ana", "scss", "Miami")) as client,
    ):
        push(client, [mutation("validation", "v-1")])
        batches = [
            [
                mutation("finding", f"f-{n}", sample_fields("finding"))
                for n in range(start, start + BATCH)
            ]
            for start in range(0, FINDINGS, BATCH)
        ]
        created = _timed_pushes(client, batches)
        edits = [[mutation("finding", m.id, _NOT_MET, base_rev=1) for m in b] for b in batches]
        changed = _timed_pushes(client, edits)
        last = pull(client)[-1]["seq"]
        began = time.perf_counter()
        assert client.get(f"{PREFIX}/changes", params={"since": last}).json()["changes"] == []
        return created, changed, time.perf_counter() - began


def main() -> int:
    """Measure each backend; non-zero if one misses the target."""
    missed = 0
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        runs = [("sqlite", f"sqlite:///{base / 'sqlite' / 'hub.db'}")]
        cluster = postgres_cluster() if pg_bindir() else contextlib.nullcontext(None)
        with cluster as make_database:
            if make_database is not None:
                runs.append(("postgresql", make_database()))
            for name, url in runs:
                created, changed, noop = measure(url, base / name)
                missed += min(created, changed) < TARGET
                print(
                    f"hub push {name}: {created:,.0f} new / {changed:,.0f} changed findings/s "
                    f"(target >= {TARGET:,}; ratio {min(created, changed) / TARGET:.2f}); "
                    f"empty pull {noop * 1000:.1f} ms"
                )
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
