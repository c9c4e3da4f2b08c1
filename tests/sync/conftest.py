"""Fixtures for sync tests: the real hub on 127.0.0.1 (SQLite and PostgreSQL), laptops."""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from ctpat_desktop.app import AppContext
from ctpat_desktop.settings import Settings
from ctpat_desktop.sync.client import HubClient, SyncReport, run_sync
from tests.hubkit import ServedHub, hub_db_url, hub_server, pg_cluster

__all__ = ["Laptop", "hub_db_url", "hub_server", "laptop", "miami", "pg_cluster", "sync"]

Laptop = Callable[..., AppContext]


@pytest.fixture
def laptop(tmp_path: Path) -> Iterator[Laptop]:
    """Make a laptop: its own data folder, user and office."""
    made: list[AppContext] = []

    def make(name: str, office: str = "Miami") -> AppContext:
        ctx = AppContext(tmp_path / f"laptop-{name}", Settings(user=name, office=office))
        made.append(ctx)
        return ctx

    yield make
    for ctx in made:
        ctx.close()


def sync(ctx: AppContext, url: str, token: str) -> SyncReport:
    """One sync of a laptop with the hub, as the CLI does it."""
    with HubClient(url, token) as client:
        return run_sync(ctx.store, client, ctx.actor)


@pytest.fixture
def miami(request: pytest.FixtureRequest) -> dict[str, str]:
    """Tokens of two SCSSs of the Miami office (on the test's hub_server)."""
    served: ServedHub = request.getfixturevalue("hub_server")
    return {
        "ana": served.add_user("ana", "scss", "Miami"),
        "ben": served.add_user("ben", "scss", "Miami"),
    }
