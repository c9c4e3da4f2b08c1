"""A bundle that inflates past the cap, or a file larger than a bundle: refused, memory bounded.

Both are refused with one line by ``ctpat-hub bundle import`` and ``ctpat-desktop bundle
import``, nothing applied, and the importing process's memory peaks far below what
the payload would inflate to (measured in a subprocess).
"""

import base64
import hashlib
import json
import os
import struct
import subprocess
import sys
import tracemalloc
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from ctpat_desktop.app import AppContext
from ctpat_desktop.hub.service import Hub
from ctpat_desktop.services.sync_io import TOKEN_ENV
from ctpat_desktop.settings import Settings
from ctpat_desktop.sync import bundle as bundle_module
from ctpat_desktop.sync.bundle import (
    MAGIC,
    MAX_BUNDLE_BYTES,
    MAX_PAYLOAD_BYTES,
    BundleError,
    bundle_key,
    read_bundle,
    write_bundle,
)
from ctpat_desktop.sync.protocol import PROTOCOL, Change
from tests.fuzz.support import files_under, folder_state, sqlite_dump
from tests.hubkit import mutation, sample_fields

REPO = Path(__file__).resolve().parents[2]
MiB = 1024 * 1024
BOMB_INFLATES_TO = 600 * MiB
# How much higher memory may peak than for a file plainly not a bundle: the bomb may fill
# the payload cap (~101 MiB) but no more; a file too large is refused before it is read.
BOUND = {"bomb": 150 * 1000 * 1000, "oversize": 16 * MiB}


def _header(user: str) -> bytes:
    return json.dumps(
        {
            "format": 1,
            "user": user,
            "created": "2026-05-01T10:00:00Z",
            "nonce": base64.b64encode(os.urandom(12)).decode(),
            "mutations": 0,
            "changes": 0,
            "blobs": 0,
        },
        sort_keys=True,
    ).encode()


def seal_padded(path: Path, key: bytes, payload: dict[str, Any], padding: int) -> None:
    """A bundle sealed as write_bundle seals it, its payload JSON led by padding spaces.

    Whitespace is valid JSON, so the payload parses (and applies) if it is ever inflated
    whole; it is compressed a MiB at a time, so the test never holds it either.
    """
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    deflater = zlib.compressobj(1)
    spaces = b" " * MiB
    compressed = [deflater.compress(spaces) for _ in range(padding // MiB)]
    compressed += [deflater.compress(json.dumps(payload).encode()), deflater.flush()]
    header_bytes = _header("ana")
    nonce = base64.b64decode(json.loads(header_bytes)["nonce"])
    sealed = AESGCM(key).encrypt(nonce, b"".join(compressed), MAGIC + header_bytes)
    path.write_bytes(MAGIC + struct.pack(">I", len(header_bytes)) + header_bytes + sealed)


def oversize(path: Path) -> None:
    """A file one byte larger than a bundle can be: a bundle's start, then a hole."""
    with path.open("wb") as handle:
        handle.write(MAGIC + struct.pack(">I", 2) + b"{}")
        handle.truncate(MAX_BUNDLE_BYTES + 1)  # sparse: costs no disk and no memory


def laptop_payload() -> dict[str, Any]:
    """What a laptop sends the hub: one new validation."""
    return {
        "protocol": PROTOCOL,
        "mutations": [mutation("validation", "v-1").to_json()],
        "changes": [],
        "since": 0,
        "next": 0,
        "blobs": {},
    }


def hub_payload() -> dict[str, Any]:
    """What the hub sends a laptop: one validation of its office."""
    change = Change(
        "validation",
        "v-9",
        1,
        1,
        False,
        sample_fields("validation", office="Miami"),
        "2026-05-01T10:00:00Z",
        "ana",
    )
    return {
        "protocol": PROTOCOL,
        "mutations": [],
        "changes": [change.to_json()],
        "since": 0,
        "next": 1,
        "blobs": {},
    }


@dataclass
class Sides:
    """A hub with user ana, a laptop's data folder, and ana's token."""

    hub_dir: Path
    hub_db: str
    laptop_dir: Path
    token: str

    def hub_state(self) -> tuple[str, dict[str, str]]:
        return sqlite_dump(self.hub_dir / "hub.db"), files_under(self.hub_dir / "evidence")

    def laptop_state(self) -> tuple[str, dict[str, str]]:
        ctx = AppContext(self.laptop_dir, Settings(user="ana", office="Miami"))
        try:
            return folder_state(ctx)
        finally:
            ctx.close()


@pytest.fixture
def sides(tmp_path: Path) -> Sides:
    hub_dir = tmp_path / "hub"
    hub_db = f"sqlite:///{hub_dir / 'hub.db'}"
    hub = Hub.open(hub_db, hub_dir)
    try:
        token = hub.add_user("ana", "scss", "Miami")
    finally:
        hub.close()
    made = Sides(hub_dir, hub_db, tmp_path / "laptop", token)
    made.laptop_state()  # creates the laptop's folder
    return made


def _measured(module: str, args: list[str], env: dict[str, str]) -> tuple[int, str, int]:
    """Run a CLI's main in a fresh Python: exit code, stderr, and the peak of the memory
    Python allocated while it ran (tracemalloc: every bytes object a bundle becomes)."""
    script = (
        "import sys, tracemalloc\n"
        f"from {module} import main\n"
        "tracemalloc.start()\n"
        "code = main(sys.argv[1:])\n"
        "print('peak', tracemalloc.get_traced_memory()[1])\n"
        "sys.exit(code)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        cwd=REPO,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=300,
        check=False,
    )
    return done.returncode, done.stderr, int(done.stdout.splitlines()[-1].split()[-1])


def _growth(module: str, args: list[str], path: Path, env: dict[str, str]) -> tuple[int, str, int]:
    """Exit code and stderr importing path, and how much higher memory peaked than for a
    file that is plainly not a bundle (the same command: the same lazy imports)."""
    plain = path.with_name("plain.ctpatbundle")
    plain.write_bytes(b"not a bundle")
    code, err, baseline = _measured(module, [*args, str(plain)], env)
    assert code == 1 and "not a ctpat-desktop bundle file" in err, err
    code, err, peak = _measured(module, [*args, str(path)], env)
    return code, err, peak - baseline


@pytest.mark.parametrize("case", ["bomb", "oversize"])
def test_hub_bundle_import_refuses_within_bounded_memory(
    sides: Sides, tmp_path: Path, case: str
) -> None:
    path = tmp_path / f"{case}.ctpatbundle"
    if case == "bomb":
        seal_padded(path, bundle_key(sides.token), laptop_payload(), BOMB_INFLATES_TO)
    else:
        oversize(path)
    before = sides.hub_state()
    args = ["--db", sides.hub_db, "--data-dir", str(sides.hub_dir), "bundle", "import"]
    code, err, growth = _growth("ctpat_desktop.hub.cli", args, path, {})
    assert code == 1 and err.count("\n") == 1, err
    assert err.startswith(f"ctpat-hub: error: {path}: "), err
    limit = MAX_PAYLOAD_BYTES if case == "bomb" else MAX_BUNDLE_BYTES
    assert f"({limit} bytes)" in err or f"beyond {limit} bytes" in err, err
    assert "nothing was applied" in err
    print("GROWTH", case, growth // MiB)
    assert growth < BOUND[case], f"memory peaked {growth // MiB} MiB higher"
    assert sides.hub_state() == before


@pytest.mark.parametrize("case", ["bomb", "oversize"])
def test_desktop_bundle_import_refuses_within_bounded_memory(
    sides: Sides, tmp_path: Path, case: str
) -> None:
    path = tmp_path / f"{case}.ctpatbundle"
    if case == "bomb":
        seal_padded(path, bundle_key(sides.token), hub_payload(), BOMB_INFLATES_TO)
    else:
        oversize(path)
    before = sides.laptop_state()
    args = ["--data-dir", str(sides.laptop_dir), "bundle", "import"]
    code, err, growth = _growth("ctpat_desktop.cli", args, path, {TOKEN_ENV: sides.token})
    assert code == 1 and err.count("\n") == 1, err
    assert err.startswith(f"ctpat-desktop: error: {path}: "), err
    assert "nothing was applied" in err
    print("GROWTH", case, growth // MiB)
    assert growth < BOUND[case], f"memory peaked {growth // MiB} MiB higher"
    assert sides.laptop_state() == before


@pytest.mark.parametrize("payload", [laptop_payload(), hub_payload()])
def test_the_padded_bundle_is_a_valid_bundle_when_small(
    tmp_path: Path, payload: dict[str, Any]
) -> None:
    """The bombs above are sealed right: with little padding the same bundle opens."""
    path = tmp_path / "padded.ctpatbundle"
    key = bundle_key("token")
    seal_padded(path, key, payload, 2 * MiB)
    opened = read_bundle(path, lambda _user: key)
    assert (opened.user, len(opened.mutations) + len(opened.changes)) == ("ana", 1)


def test_a_file_too_large_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.ctpatbundle"
    oversize(path)
    tracemalloc.start()
    try:
        with pytest.raises(BundleError) as refused:
            read_bundle(path, lambda _user: bundle_key("token"))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert str(refused.value) == (
        f"{path}: larger than a bundle can be ({MAX_BUNDLE_BYTES} bytes); nothing was applied"
    )
    assert peak < MiB


def test_a_bundle_too_large_to_read_is_not_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The laptop learns at export, not at the hub, that its changes do not fit."""
    monkeypatch.setattr(bundle_module, "MAX_PAYLOAD_BYTES", 10_000)
    path = tmp_path / "big.ctpatbundle"
    photo = os.urandom(20_000)
    with pytest.raises(BundleError, match="more than a bundle carries \\(10000\\)"):
        write_bundle(
            path,
            user="ana",
            key=bundle_key("token"),
            blobs={hashlib.sha256(photo).hexdigest(): photo},
        )
    assert not path.exists()
