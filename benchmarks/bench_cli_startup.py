"""A CLI command that needs no GUI (`validation list`) against `python -c pass`.

Target (DESIGN.md): ≤ 2 × `python -c pass` + 150 ms, and Qt never imported.
"""

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ctpat_desktop.app import AppContext
from ctpat_desktop.services.demo import create_demo
from ctpat_desktop.settings import Settings

RUNS = 15
ALLOWANCE = 0.150


def _median_seconds(command: list[str]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    """Time both on a data folder holding the demo validations."""
    script = Path(sys.executable).with_name("ctpat-desktop")
    with tempfile.TemporaryDirectory(dir=Path.cwd()) as tmp:
        data = Path(tmp) / "data"
        ctx = AppContext(data, Settings(user="bench"))
        create_demo(ctx)
        ctx.close()
        python = _median_seconds([sys.executable, "-c", "pass"])
        results = {
            name: _median_seconds([str(script), *args, "--data-dir", str(data)])
            for name, args in (
                ("validation list", ["validation", "list", "--json"]),
                ("catalog list", ["catalog", "list"]),
            )
        }
    budget = 2 * python + ALLOWANCE
    print(f"python -c pass {python * 1e3:.0f} ms; budget 2x + 150 ms = {budget * 1e3:.0f} ms")
    for name, seconds in results.items():
        ratio = seconds / budget
        verdict = "PASS" if ratio <= 1 else "FAIL"
        print(f"cli {name}: {seconds * 1e3:.0f} ms, ratio to budget {ratio:.2f} {verdict}")


if __name__ == "__main__":
    main()
