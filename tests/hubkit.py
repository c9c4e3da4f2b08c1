"""Reusable helpers for tests that need a hub: a PostgreSQL cluster, a served hub, fixtures.

Import the fixtures into a conftest (``from tests.hubkit import hub_server as hub_server``);
``pg_cluster`` starts at most one cluster per pytest run however many conftests import it.
"""

import contextlib
import hashlib
import itertools
import json
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn

from ctpat_desktop.hub.app import create_app
from ctpat_desktop.hub.service import Hub
from ctpat_desktop.sync.protocol import MAX_PAGE, PREFIX, PROTOCOL, Mutation

MakeDatabase = Callable[[], str]
BACKENDS = ("sqlite", "postgresql")


def pg_bindir() -> Path | None:
    """The folder holding initdb and pg_ctl (PATH first, then Debian's), or None."""
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), reverse=True)
    return candidates[0].parent if candidates else None


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _run(command: list[str], cwd: Path) -> None:
    done = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, stdin=subprocess.DEVNULL, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"{command[0]} failed ({done.returncode}): {done.stderr or done.stdout}")


@contextlib.contextmanager
def postgres_cluster() -> Iterator[MakeDatabase]:
    """A throwaway PostgreSQL cluster; yields a function making a fresh empty database URL.

    As root the server runs as ``nobody`` (PostgreSQL refuses root) in a mkdtemp folder
    chowned to it; its socket goes to that folder too (-k), fsync is off (-F).
    """
    bindir = pg_bindir()
    if bindir is None:
        raise RuntimeError("PostgreSQL server binaries (initdb, pg_ctl) not found")
    base = Path(tempfile.mkdtemp(prefix="ctpat-pg-"))
    as_user: list[str] = []
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        shutil.chown(base, "nobody")
        as_user = ["runuser", "-u", "nobody", "--"]
    data = base / "data"
    initdb, pg_ctl = [*as_user, str(bindir / "initdb")], [*as_user, str(bindir / "pg_ctl")]
    try:
        _run(
            [*initdb, "-D", str(data), "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8"],
            base,
        )
        for attempt in range(3):  # the free port may be taken before the server binds it
            port = free_port()
            options = f"-h 127.0.0.1 -p {port} -k {base} -F"
            try:
                log = str(base / "log")
                _run([*pg_ctl, "-D", str(data), "-l", log, "-w", "-o", options, "start"], base)
                break
            except RuntimeError:
                if attempt == 2:
                    raise
        try:
            yield _database_maker(port)
        finally:
            _run([*pg_ctl, "-D", str(data), "-m", "immediate", "stop"], base)
    finally:
        shutil.rmtree(base, ignore_errors=True)


def _database_maker(port: int) -> MakeDatabase:
    import psycopg

    numbers = itertools.count(1)

    def make_database() -> str:
        name = f"hub_{next(numbers)}_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(
            host="127.0.0.1", port=port, user="postgres", dbname="postgres", autocommit=True
        ) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql+psycopg://postgres@127.0.0.1:{port}/{name}"

    return make_database


class _Server(uvicorn.Server):
    """A uvicorn server that says when it is listening."""

    def __init__(self, config: uvicorn.Config) -> None:
        super().__init__(config)
        self.ready = threading.Event()

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        self.ready.set()


@dataclass
class ServedHub:
    """A hub served over HTTP on 127.0.0.1 for one test."""

    url: str
    hub: Hub

    def add_user(self, name: str, role: str, office: str | None) -> str:
        """Create a hub user; their token."""
        return self.hub.add_user(name, role, office)

    def client(self, token: str | None = None) -> httpx.Client:
        """An httpx client on the hub's URL, sending the token if given (close it after)."""
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.Client(base_url=self.url, headers=headers, timeout=30)


@contextlib.contextmanager
def serve_hub(
    db_url: str, data_dir: Path, tls: tuple[Path, Path] | None = None
) -> Iterator[ServedHub]:
    """Open a Hub on db_url and serve it with uvicorn on a free port, in a thread; over
    HTTPS with tls (certificate file, key file)."""
    hub = Hub.open(db_url, data_dir)
    certificate, key = (str(tls[0]), str(tls[1])) if tls else (None, None)
    config = uvicorn.Config(
        create_app(hub),
        host="127.0.0.1",
        port=0,
        lifespan="off",
        log_level="warning",
        ssl_certfile=certificate,
        ssl_keyfile=key,
    )
    server = _Server(config)

    def run() -> None:
        try:
            server.run()
        finally:
            server.ready.set()  # a server that failed to start must not leave us waiting

    thread = threading.Thread(target=run, name="hub-server", daemon=True)
    thread.start()
    try:
        if not server.ready.wait(timeout=30) or not server.started:
            raise RuntimeError("the hub server did not start")
        port = server.servers[0].sockets[0].getsockname()[1]
        yield ServedHub(f"{'https' if tls else 'http'}://127.0.0.1:{port}", hub)
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        hub.close()


_CLUSTER = pytest.StashKey[MakeDatabase]()


@pytest.fixture(scope="session")
def pg_cluster(request: pytest.FixtureRequest) -> MakeDatabase:
    """One PostgreSQL cluster per test run, started on first use; makes empty databases."""
    config = request.config
    make_database = config.stash.get(_CLUSTER, None)
    if make_database is None:
        if pg_bindir() is None:
            pytest.fail("PostgreSQL server binaries (initdb) are missing; make test installs them")
        stack = contextlib.ExitStack()
        make_database = stack.enter_context(postgres_cluster())
        config.add_cleanup(stack.close)
        config.stash[_CLUSTER] = make_database
    return make_database


@pytest.fixture(params=BACKENDS)
def hub_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh hub database URL: an SQLite file, then an empty PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'hub-data' / 'hub.db'}"
    make_database: MakeDatabase = request.getfixturevalue("pg_cluster")
    return make_database()


@pytest.fixture
def hub_server(hub_db_url: str, tmp_path: Path) -> Iterator[ServedHub]:
    """A hub served on 127.0.0.1, on each backend in turn."""
    with serve_hub(hub_db_url, tmp_path / "hub-data") as served:
        yield served


# Records and requests --------------------------------------------------------------------


def _shipped_catalog(entity: str, version: str) -> dict[str, Any]:
    """A catalog record as a laptop pushes it: the shipped document, pinned."""
    from ctpat_desktop.catalog import CatalogLibrary
    from ctpat_desktop.paths import resources_dir

    catalog = CatalogLibrary(resources_dir()).catalog(entity, version)
    document = json.dumps(catalog.raw, sort_keys=True, ensure_ascii=False)
    return {
        "entity": entity,
        "version": version,
        "sha256": hashlib.sha256(document.encode()).hexdigest(),
        "name": catalog.name,
        "criteria": len(catalog.criteria),
        "document": document,
    }


_SAMPLE_FIELDS: dict[str, dict[str, Any]] = {
    "catalog": _shipped_catalog("importer", "2023.2"),
    "member": {"account": "IM-1", "name": "Acme Imports"},
    "validation": {
        "member_id": "m-1",
        "entity": "importer",
        "catalog_version": "2024.1",
        "mode": "virtual",
        "date": "2024-05-01",
        "scss": "ana",
        "office": "Miami",
        "webex_url": "",
        "participants": "[]",
        "planned_minutes": 240,
        "archived": False,
        "status": "in-progress",
        "created_at": "2024-04-01T10:00:00Z",
    },
    "evidence": {
        "validation_id": "v-1",
        "criterion": "1.1",
        "sha256": "0" * 64,
        "filename": "gate.jpg",
        "media_type": "image/jpeg",
        "captured_at": "2024-05-01T10:00:00Z",
        "captured_by": "ana",
    },
    "finding": {
        "validation_id": "v-1",
        "criterion": "1.1",
        "status": "met",
        "reasons": "[]",
        "verified": None,
        "note": "",
        "report_text": "",
        "action": "",
        "due": None,
        "profile_answer": "",
        "response_implemented": None,
        "response_note": "",
        "extension_days": None,
        "extension_reason": "",
        "response_accepted": None,
    },
    "report": {
        "validation_id": "v-1",
        "version": 1,
        "sha256": "0" * 64,
        "signer": "ana",
        "signed_at": "2024-05-02T10:00:00Z",
        "file_name": "report.pdf",
        "language": "en",
    },
}


def sample_fields(kind: str, **overrides: Any) -> dict[str, Any]:
    """Every field of a plausible record of this kind, with overrides applied."""
    return {**_SAMPLE_FIELDS[kind], **overrides}


def mutation(
    kind: str,
    record_id: str,
    fields: dict[str, Any] | None = None,
    *,
    base_rev: int = 0,
    deleted: bool = False,
    key: str | None = None,
) -> Mutation:
    """A mutation with a fresh key; a new record (base_rev 0) gets sample fields by default."""
    if fields is None:
        fields = sample_fields(kind) if base_rev == 0 else {}
    return Mutation(key or uuid.uuid4().hex, kind, record_id, base_rev, fields, deleted)


def push(client: httpx.Client, mutations: list[Mutation]) -> list[dict[str, Any]]:
    """POST the mutations; the results (the request must succeed)."""
    body = {"protocol": PROTOCOL, "mutations": [m.to_json() for m in mutations]}
    response = client.post(f"{PREFIX}/push", json=body)
    assert response.status_code == 200, response.text
    results: list[dict[str, Any]] = response.json()["results"]
    return results


def pull(client: httpx.Client, since: int = 0, limit: int = MAX_PAGE) -> list[dict[str, Any]]:
    """Every change after since, following the pages to the end."""
    changes: list[dict[str, Any]] = []
    while True:
        response = client.get(f"{PREFIX}/changes", params={"since": since, "limit": limit})
        assert response.status_code == 200, response.text
        page = response.json()
        changes.extend(page["changes"])
        since = page["next"]
        if not page["more"]:
            return changes
