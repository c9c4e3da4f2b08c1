"""Smoke test of the frozen app (offscreen): version, demo, report, signing, GUI start.

Usage: python installer/smoke_test.py dist/ctpat-desktop
Prints the folder size and the start time of the frozen app against the source run.
"""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SIZE_BUDGET_MB = 300


def _run(*command: str, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise SystemExit(f"FAILED: {' '.join(command)}\n{done.stdout}\n{done.stderr}")
    return done.stdout


def _median_seconds(*command: str, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        _run(*command)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    """Run the frozen app through the user's main paths; exit non-zero on any failure."""
    folder = Path(sys.argv[1]).resolve()
    app = str(folder / "ctpat-desktop")
    source = [sys.executable, "-m", "ctpat_desktop"]
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    # No keyring works here: the data folder's key comes from a passphrase, as a script's.
    os.environ.setdefault("CTPAT_DB_PASSPHRASE", "frozen smoke test")
    with tempfile.TemporaryDirectory() as tmp:
        data = str(Path(tmp) / "data")
        version = _run(app, "--version").strip()
        assert version.startswith("ctpat-desktop "), version
        _run(app, "demo", "--data-dir", data)
        listed = _run(app, "validation", "list", "--json", "--data-dir", data)
        # A validation a supervisor approved (the demo has some): only those are signed.
        validation = next(
            v["id"] for v in json.loads(listed)["validations"] if v["status"] == "approved"
        )
        _run(app, "report", validation, f"{tmp}/draft.pdf", "--data-dir", data)
        _run(app, "test-certificate", f"{tmp}/id", "--passphrase", "frozen", "--data-dir", data)
        # The passphrase comes from the environment: no keyring backend works here, and the
        # frozen app must carry on without one.
        env = os.environ | {"CTPAT_KEY_PASSPHRASE": "frozen"}
        _run(
            app,
            "report",
            validation,
            f"{tmp}/signed.pdf",
            "--sign",
            "--p12",
            f"{tmp}/id/signer.p12",
            "--data-dir",
            data,
            env=env,
        )
        _run(app, "verify", f"{tmp}/signed.pdf", "--trust", f"{tmp}/id/ca.pem")
        _run(app, "worksheet", "export", validation, f"{tmp}/w.xlsx", "--data-dir", data)
        _run(app, "stats", "--json", "--data-dir", data)
        _run(app, "--quit-after", "0.5", "--data-dir", data)
        frozen_cli = _median_seconds(app, "validation", "list", "--data-dir", data)
        source_cli = _median_seconds(*source, "validation", "list", "--data-dir", data)
        frozen_gui = _median_seconds(app, "--quit-after", "0", "--data-dir", data, runs=3)
        source_gui = _median_seconds(*source, "--quit-after", "0", "--data-dir", data, runs=3)
    size = sum(p.lstat().st_size for p in folder.rglob("*") if not p.is_dir()) / 1e6
    print(f"frozen app: {version}; all smoke steps passed")
    print(f"folder size {size:.0f} MB (budget {SIZE_BUDGET_MB} MB)")
    print(f"validation list: frozen {frozen_cli * 1e3:.0f} ms, source {source_cli * 1e3:.0f} ms")
    print(f"GUI start and quit: frozen {frozen_gui * 1e3:.0f} ms, source {source_gui * 1e3:.0f} ms")
    if size > SIZE_BUDGET_MB:
        raise SystemExit(f"FAILED: the folder is {size:.0f} MB, over {SIZE_BUDGET_MB} MB")


if __name__ == "__main__":
    main()
