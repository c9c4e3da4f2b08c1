"""Hub fixtures: every hub test runs on SQLite and on PostgreSQL."""

from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from ctpat_desktop.hub.cli import main
from ctpat_desktop.hub.service import Hub
from tests.hubkit import ServedHub, hub_db_url, hub_server, pg_cluster

__all__ = ["connect", "hub_cli", "hub_db_url", "hub_server", "pg_cluster"]

Connect = Callable[..., httpx.Client]


@pytest.fixture
def connect(hub_server: ServedHub) -> Iterator[Connect]:
    """connect(name, role="scss", office="Miami"): a client holding a new user's token."""
    clients: list[httpx.Client] = []

    def make(name: str, role: str = "scss", office: str | None = "Miami") -> httpx.Client:
        client = hub_server.client(hub_server.add_user(name, role, office))
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


class HubCli:
    """The hub's CLI run in-process on one database and data folder."""

    def __init__(self, db_url: str, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.db_url, self.data_dir, self.capsys = db_url, data_dir, capsys

    def __call__(self, *args: str) -> tuple[int, str, str]:
        code = main(["--db", self.db_url, "--data-dir", str(self.data_dir), *args])
        out, err = self.capsys.readouterr()
        return code, out, err

    def hub(self) -> Hub:
        """The hub the commands act on (close it after)."""
        return Hub.open(self.db_url, self.data_dir)


@pytest.fixture
def hub_cli(hub_db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> HubCli:
    """The hub CLI on a fresh database of each backend."""
    return HubCli(hub_db_url, tmp_path / "hub-data", capsys)
