"""Run every benchmark script in this folder and print its ratio lines."""

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    """Run bench_*.py one after another; non-zero if any fails to run."""
    # Where no keyring works (a headless machine), data folders take a passphrase, as a
    # script's do; its key derivation is part of what the CLI start-up figure measures.
    passphrase = os.environ.get("CTPAT_DB_PASSPHRASE", "bench lantern dock seven")
    env = os.environ | {"CTPAT_DB_PASSPHRASE": passphrase}
    failed = 0
    for script in sorted(HERE.glob("bench_*.py")):
        print(f"== {script.stem}", flush=True)
        failed += (
            subprocess.run([sys.executable, str(script)], check=False, env=env).returncode != 0
        )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
