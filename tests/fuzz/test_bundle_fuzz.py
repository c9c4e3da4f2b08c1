"""Fuzz offline bundles: read_bundle, `ctpat-hub bundle import`, `ctpat-desktop bundle import`.

Bundles are sealed with the user's key, so besides damaged files the fuzzer seals hostile
headers and payloads itself: a holder of the token can write anything into a bundle.
"""

import base64
import contextlib
import hashlib
import json
import os
import struct
import tempfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from ctpat_desktop.cli import main as desktop_main
from ctpat_desktop.hub.bundles import import_bundle
from ctpat_desktop.hub.cli import main as hub_main
from ctpat_desktop.hub.service import Hub
from ctpat_desktop.services import sync_io
from ctpat_desktop.services.validations import ValidationSession
from ctpat_desktop.sync.bundle import MAGIC, BundleError, bundle_key, read_bundle, write_bundle
from ctpat_desktop.sync.protocol import PROTOCOL, Change
from tests.fuzz.conftest import Template
from tests.fuzz.support import (
    JSON,
    assert_cli_refused,
    counted,
    files_under,
    folder_state,
    fuzz,
    mutated,
    mutated_bytes,
    refused,
    run_cli,
    sqlite_dump,
)
from tests.hubkit import mutation, sample_fields

PHOTO = b"dock door photo" * 50
PHOTO_SHA = hashlib.sha256(PHOTO).hexdigest()


def seal(header: Any, payload: bytes, key: bytes, *, compress: bool = True) -> bytes:
    """A bundle file's bytes: any header (JSON-encoded unless bytes), any payload, sealed."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    header_bytes = header if isinstance(header, bytes) else json.dumps(header).encode()
    nonce = os.urandom(12)
    if isinstance(header, dict) and isinstance(header.get("nonce"), str):
        with contextlib.suppress(ValueError):
            nonce = base64.b64decode(header["nonce"], validate=True) or nonce
    body = zlib.compress(payload) if compress else payload
    sealed = AESGCM(key).encrypt(
        nonce if 8 <= len(nonce) <= 128 else os.urandom(12), body, MAGIC + header_bytes
    )
    return MAGIC + struct.pack(">I", len(header_bytes)) + header_bytes + sealed


def header_for(user: str) -> dict[str, Any]:
    nonce = base64.b64encode(os.urandom(12)).decode()
    return {
        "format": 1,
        "user": user,
        "created": "2026-05-01T10:00:00Z",
        "nonce": nonce,
        "mutations": 0,
        "changes": 0,
        "blobs": 0,
    }


def laptop_payload() -> dict[str, Any]:
    """What a laptop's bundle carries: a validation, evidence with its content, a finding."""
    return {
        "protocol": PROTOCOL,
        "mutations": [
            m.to_json()
            for m in (
                mutation("validation", "v-1"),
                mutation("evidence", "e-1", sample_fields("evidence", sha256=PHOTO_SHA)),
                mutation("finding", "f-1"),
            )
        ],
        "changes": [],
        "since": 0,
        "next": 0,
        "blobs": {PHOTO_SHA: base64.b64encode(PHOTO).decode()},
    }


def _encoded(document: Any) -> bytes:
    return json.dumps(document, ensure_ascii=False).encode("utf-8", "surrogatepass")


TOKEN = "fuzz-token"
KEY = bundle_key(TOKEN)


@st.composite
def hostile_bundles(draw: st.DrawFn, payload: dict[str, Any], user: str) -> bytes:
    """A bundle file: random, damaged, or sealed with a hostile header or payload."""
    how = draw(st.sampled_from(["random", "damaged", "header", "payload", "payload", "bytes"]))
    if how == "random":
        return draw(st.one_of(st.binary(max_size=100), st.binary(max_size=30).map(MAGIC.__add__)))
    if how == "damaged":
        return draw(mutated_bytes(seal(header_for(user), _encoded(payload), KEY)))
    if how == "header":
        header = draw(st.one_of(mutated(header_for(user)), JSON))
        return seal(header, _encoded(payload), KEY)
    if how == "bytes":
        content = draw(st.binary(max_size=200))
        return seal(header_for(user), content, KEY, compress=draw(st.booleans()))
    document = draw(st.one_of(mutated(payload, max_changes=4), JSON))
    return seal(header_for(user), _encoded(document), KEY)


@fuzz(80)
@given(content=hostile_bundles(laptop_payload(), "ana"))
@example(content=seal(header_for("ana"), b"[" * 100_000, KEY))
@example(content=seal({**header_for("ana"), "nonce": "AAAA"}, b"{}", KEY))
@example(content=MAGIC + b"\xff\xff\xff\xff")
def test_read_bundle(content: bytes) -> None:
    counted("read_bundle (sync/bundle.py)")
    with tempfile.TemporaryDirectory(prefix="ctpat-fuzz-") as tmp:
        path = Path(tmp) / "b.ctpatbundle"
        path.write_bytes(content)
        error = refused(lambda: read_bundle(path, lambda user: KEY if user == "ana" else None))
        assert error is None or isinstance(error, BundleError), repr(error)


# The hub side --------------------------------------------------------------------------


class HubFolder:
    """A hub on SQLite with user ana (whose token is TOKEN's key) and some records."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.db_url = f"sqlite:///{folder / 'hub.db'}"
        self.hub = Hub.open(self.db_url, folder)
        self.hub.add_user("ana", "scss", "Miami")
        # add_user makes its own token; give ana the key of TOKEN so the fuzzer can seal.
        import sqlalchemy as sa

        from ctpat_desktop.hub.tables import hub_users

        with self.hub.engine.begin() as conn:
            conn.execute(
                sa.update(hub_users).where(hub_users.c.name == "ana").values(bundle_key=KEY.hex())
            )
        self.hub.add_user("bo", "scss", "Laredo")
        ana = self.hub.user("ana")
        assert ana is not None
        self.hub.put_blob(PHOTO_SHA, PHOTO)
        self.hub.push(
            ana,
            [
                mutation("validation", "v-0"),
                mutation("finding", "f-0", sample_fields("finding", validation_id="v-0")),
            ],
        )

    def state(self) -> tuple[str, dict[str, str]]:
        return sqlite_dump(self.folder / "hub.db"), files_under(self.folder / "evidence")


@pytest.fixture(scope="module")
def hub_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HubFolder]:
    made = HubFolder(tmp_path_factory.mktemp("bundle-hub"))
    yield made
    made.hub.close()


@fuzz(80)
@given(content=hostile_bundles(laptop_payload(), "ana"))
@example(content=seal(header_for("bo"), _encoded(laptop_payload()), KEY))
@example(content=seal(header_for("nobody"), _encoded(laptop_payload()), KEY))
def test_hub_bundle_import(hub_folder: HubFolder, content: bytes) -> None:
    counted("ctpat-hub bundle import (hub/bundles.py)")
    path = hub_folder.folder / "in.ctpatbundle"
    path.write_bytes(content)
    before = hub_folder.state()
    error = refused(lambda: import_bundle(hub_folder.hub, path))
    if error is not None:
        assert hub_folder.state() == before, str(error)


@fuzz(10)
@given(content=hostile_bundles(laptop_payload(), "ana"))
def test_hub_cli_bundle_import(
    hub_folder: HubFolder, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    counted("ctpat-hub bundle import (CLI)")
    path = hub_folder.folder / "cli.ctpatbundle"
    path.write_bytes(content)
    before = hub_folder.state()
    args = ["--db", hub_folder.db_url, "--data-dir", str(hub_folder.folder)]
    code, _out, err = run_cli(hub_main, capsys, [*args, "bundle", "import", str(path)])
    if code == 0:
        return
    if "ctpat-hub: error: " in err:
        assert_cli_refused(code, err, "ctpat-hub")
        assert hub_folder.state() == before
    else:  # applied in part: one line per rejected change
        assert code == 1, err
        assert all(line.startswith("ctpat-hub: rejected ") for line in err.splitlines()), err


# The laptop side ------------------------------------------------------------------------


def hub_payload() -> dict[str, Any]:
    """What a hub's bundle carries: changes of a validation, a finding and evidence."""
    changes = [
        Change(
            "validation",
            "v-9",
            1,
            1,
            False,
            sample_fields("validation", office="Miami"),
            "2026-05-01T10:00:00Z",
            "ana",
        ),
        Change(
            "finding",
            "f-9",
            1,
            2,
            False,
            sample_fields("finding", validation_id="v-9"),
            "2026-05-01T10:00:00Z",
            "ana",
        ),
        Change(
            "evidence",
            "e-9",
            1,
            3,
            False,
            sample_fields("evidence", validation_id="v-9", sha256=PHOTO_SHA),
            "2026-05-01T10:00:00Z",
            "ana",
        ),
    ]
    return {
        "protocol": PROTOCOL,
        "mutations": [],
        "changes": [c.to_json() for c in changes],
        "since": 0,
        "next": 3,
        "blobs": {PHOTO_SHA: base64.b64encode(PHOTO).decode()},
    }


def _readable(ctx: Any) -> None:
    """Every validation the folder holds opens, with its findings and evidence."""
    for row in ctx.store.read("SELECT id FROM validations"):
        session = ValidationSession(ctx, row[0])
        session.findings()
        session.evidence()


@fuzz(80)
@given(content=hostile_bundles(hub_payload(), "ana"))
def test_desktop_bundle_import(template: Template, content: bytes) -> None:
    counted("ctpat-desktop bundle import (sync_io)")
    with template.copy() as (ctx, folder):
        path = folder / "in.ctpatbundle"
        path.write_bytes(content)
        before = folder_state(ctx)
        error = refused(lambda: sync_io.import_bundle(ctx, path, TOKEN))
        if error is None:
            _readable(ctx)
        else:
            assert folder_state(ctx) == before, str(error)


@fuzz(8)
@given(content=hostile_bundles(hub_payload(), "ana"))
def test_desktop_cli_bundle_import(
    template: Template,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    content: bytes,
) -> None:
    counted("ctpat-desktop bundle import (CLI)")
    monkeypatch.setenv(sync_io.TOKEN_ENV, TOKEN)
    with template.copy() as (ctx, folder):
        path = folder / "in.ctpatbundle"
        path.write_bytes(content)
        before = folder_state(ctx)
        args = ["bundle", "import", str(path), "--data-dir", str(ctx.data_dir)]
        code, _out, err = run_cli(desktop_main, capsys, args)
        if code != 0:
            assert_cli_refused(code, err, "ctpat-desktop")
            assert folder_state(ctx) == before


def test_a_valid_bundle_still_imports(tmp_path: Path) -> None:
    """The fuzzer's sealing matches write_bundle: its valid bundle applies."""
    path = tmp_path / "ok.ctpatbundle"
    path.write_bytes(seal(header_for("ana"), _encoded(laptop_payload()), KEY))
    hub_folder = HubFolder(tmp_path / "hub")
    try:
        summary = import_bundle(hub_folder.hub, path)
    finally:
        hub_folder.hub.close()
    assert (summary.applied, summary.rejected) == (3, [])
    written = tmp_path / "written.ctpatbundle"
    write_bundle(written, user="ana", key=KEY, blobs={})
    assert read_bundle(written, lambda _user: KEY).user == "ana"
