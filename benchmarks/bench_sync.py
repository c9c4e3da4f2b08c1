"""Sync on loopback: push of 10,000 findings, a sync with nothing to do, evidence once.

Targets (DESIGN.md): push >= 2,000 findings/s; a no-op sync < 100 ms; an evidence file
crosses the wire once however many replies are lost. The hub runs as its own process
(`ctpat-hub serve`, SQLite), as it does in a field office.
"""

import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ctpat_desktop.app import AppContext  # noqa: E402
from ctpat_desktop.services.validations import ValidationSession, plan_validation  # noqa: E402
from ctpat_desktop.settings import Settings  # noqa: E402
from ctpat_desktop.store.repository import replace_with  # noqa: E402
from ctpat_desktop.sync.client import HubClient, HubError, run_sync  # noqa: E402
from ctpat_desktop.worksheet import Finding, FindingStatus  # noqa: E402
from tests.hubkit import free_port, serve_hub  # noqa: E402
from tests.sync.flaky import FlakyProxy  # noqa: E402

VALIDATIONS = 108  # x 93 importer criteria = 10,044 findings
PUSH_TARGET = 2000.0
NOOP_TARGET_MS = 100.0
EVIDENCE_BYTES = 2 * 1024 * 1024
HUB = "from ctpat_desktop.hub.cli import main; raise SystemExit(main())"


def _hub(folder: Path, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", HUB, "--data-dir", str(folder), *args],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def _serve(folder: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-c", HUB, "--data-dir", str(folder), "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            if httpx.get(f"{url}/v1/health").status_code == 200:
                return process, url
        except httpx.TransportError:
            time.sleep(0.05)
    process.kill()
    raise RuntimeError("the hub did not start")


def _fill(ctx: AppContext, note: str) -> int:
    total = 0
    for summary in ctx.store.list_validations():
        session = ValidationSession(ctx, summary.validation.id)
        changes = [
            (c.id, replace_with(Finding(c.id, FindingStatus.MET, note=note)))
            for c in session.catalog.criteria
        ]
        total += len(ctx.store.change_findings(session.id, changes, "bench"))
    return total


def _sync(ctx: AppContext, url: str, token: str) -> tuple[float, int]:
    start = time.perf_counter()
    with HubClient(url, token) as client:
        report = run_sync(ctx.store, client, "bench")
    return time.perf_counter() - start, report.pushed


def main() -> None:
    """Measure and print one line per target."""
    with tempfile.TemporaryDirectory(dir=Path.cwd()) as tmp:
        folder = Path(tmp)
        token = _hub(folder / "hub", "user", "add", "bench", "--role", "scss", "--office", "HQ")
        process, url = _serve(folder / "hub")
        ctx = AppContext(folder / "laptop", Settings(user="bench", office="HQ"))
        try:
            for number in range(VALIDATIONS):
                plan_validation(
                    ctx,
                    member=f"Member {number}",
                    account=f"US-{number:05d}",
                    entity="importer",
                    on=date(2026, 1, 5),
                )
            findings = _fill(ctx, "first")
            first, pushed = _sync(ctx, url, token)
            print(
                f"sync push of {findings} new findings (+{pushed - findings} other records): "
                f"{first:.2f} s, {findings / first:,.0f} findings/s"
            )
            _fill(ctx, "changed")
            second, pushed = _sync(ctx, url, token)
            rate = pushed / second
            verdict = "PASS" if rate >= PUSH_TARGET else "FAIL"
            print(
                f"sync push of {pushed} changed findings: {second:.2f} s, {rate:,.0f} findings/s "
                f"(target >= {PUSH_TARGET:,.0f}) {verdict}"
            )
            noop = statistics.median(_sync(ctx, url, token)[0] for _ in range(7)) * 1e3
            verdict = "PASS" if noop < NOOP_TARGET_MS else "FAIL"
            print(f"no-op sync ({findings} findings held): {noop:.1f} ms (target < 100) {verdict}")
            _evidence_once(folder)
        finally:
            ctx.close()
            process.terminate()
            process.wait(timeout=10)


def _evidence_once(folder: Path) -> None:
    # A hub in this process (to read how many evidence bytes it received) and a laptop
    # that reaches it only through a link losing most of the hub's replies.
    with serve_hub(f"sqlite:///{folder / 'hub-2' / 'hub.db'}", folder / "hub-2") as served:
        token = served.add_user("bench", "scss", "HQ")
        ctx = AppContext(folder / "laptop-2", Settings(user="bench", office="HQ"))
        validation = plan_validation(
            ctx, member="Evidence Co", account="US-99999", entity="importer", on=date(2026, 1, 5)
        )
        content = bytes(range(256)) * (EVIDENCE_BYTES // 256)
        ValidationSession(ctx, validation.id).attach_evidence_bytes(content, "gate.png", "1.1")
        proxy = FlakyProxy(int(served.url.rsplit(":", 1)[1]), seed=7, cut_probability=0.7)
        proxy.directions = ("down",)  # replies lost after the hub got the whole request
        proxy.max_bytes = 400
        failures = 0
        try:
            while True:
                try:
                    with HubClient(proxy.url, token, timeout=10) as client:
                        run_sync(ctx.store, client, "bench")
                    break
                except HubError:
                    failures += 1
        finally:
            proxy.close()
            ctx.close()
        ratio = served.hub.blob_bytes_received / EVIDENCE_BYTES
    verdict = "PASS" if ratio == 1.0 else "FAIL"
    print(
        f"evidence 2 MiB through {proxy.cuts} lost replies ({failures} failed syncs): the hub "
        f"received {ratio:.2f}x the file (target: once) {verdict}"
    )


if __name__ == "__main__":
    main()
