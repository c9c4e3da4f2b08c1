"""Shared fixtures: offscreen Qt, an in-memory keyring, a fresh data folder per test."""

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import keyring
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Window state (QSettings) goes to a throwaway folder, never the developer's own config.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="ctpat-test-config-")
# A data folder made where no keyring works uses a passphrase, as a script's would.
os.environ["CTPAT_DB_PASSPHRASE"] = "ctpat test passphrase"

from ctpat_desktop.app import AppContext
from ctpat_desktop.cli import main
from ctpat_desktop.settings import Settings
from tests.keyring_backend import FileKeyring

MemoryKeyring = FileKeyring  # the name tests use for the keyring stand-in


@pytest.fixture(autouse=True)
def memory_keyring(tmp_path_factory: pytest.TempPathFactory) -> FileKeyring:
    """A fresh keyring per test, shared with the subprocesses the test starts."""
    path = tmp_path_factory.mktemp("keyring") / "keyring.json"
    os.environ["CTPAT_TEST_KEYRING"] = str(path)
    os.environ["PYTHON_KEYRING_BACKEND"] = "tests.keyring_backend.FileKeyring"
    backend = FileKeyring()
    keyring.set_keyring(backend)
    return backend


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def ctx(data_dir: Path):  # type: ignore[no-untyped-def]
    context = AppContext(data_dir, Settings(user="tester"))
    yield context
    context.close()


class CliResult:
    """What one CLI run printed and returned."""

    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture
def cli(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Callable[..., CliResult]:
    """Run ctpat-desktop in-process against the test's data folder."""

    def run(*args: str) -> CliResult:
        code = main([*args, "--data-dir", str(data_dir)])
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


def raw_connection(data_dir: Path) -> Any:
    """A driver connection to a data folder's encrypted database, bypassing the store
    (for tests that tamper with it or read it as an outsider would)."""
    from ctpat_desktop.store.database import DB_FILE
    from ctpat_desktop.store.driver import connect
    from ctpat_desktop.store.keys import load_key

    return connect(data_dir / DB_FILE, load_key(data_dir, None))


def dump_database(data_dir: Path) -> str:
    """Every row of every table of a data folder's database, as text (for comparing)."""
    conn = raw_connection(data_dir)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        lines = []
        for table in tables:
            for row in conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid'):
                lines.append(f"{table}: {row!r}")
        return "\n".join(lines)
    finally:
        conn.close()


def approve(data: "AppContext | Path", validation_id: str) -> None:
    """A supervisor's approval as it reaches a laptop from the hub (the store's status move;
    the role check of `validation approve` is tested on its own)."""
    from ctpat_desktop.worksheet import Lifecycle

    ctx = data if isinstance(data, AppContext) else AppContext(data, Settings(user="tester"))
    ctx.store.set_status(validation_id, Lifecycle.APPROVED, "Sam Supervisor")
    if ctx is not data:
        ctx.close()
