"""Shared fixtures: offscreen Qt, an in-memory keyring, a fresh data folder per test."""

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backend import KeyringBackend

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Window state (QSettings) goes to a throwaway folder, never the developer's own config.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="ctpat-test-config-")

from ctpat_desktop.app import AppContext
from ctpat_desktop.cli import main
from ctpat_desktop.settings import Settings


class MemoryKeyring(KeyringBackend):
    """A keyring that lives in memory for one test."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


@pytest.fixture(autouse=True)
def memory_keyring() -> MemoryKeyring:
    backend = MemoryKeyring()
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
