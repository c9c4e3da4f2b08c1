"""The hub's key file and private folder: bundle keys sealed, useless from a database copy."""

import os
import stat
import sys
from pathlib import Path

import pytest

from ctpat_desktop.hub.cli import main
from ctpat_desktop.hub.hub_key import (
    HubKeyError,
    load_or_create_hub_key,
    open_bundle_key,
    seal_bundle_key,
    secure_file,
    secure_folder,
)
from ctpat_desktop.sync.bundle import bundle_key

posix_modes = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
BUNDLE_KEY = bundle_key("ana's token")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_sealed_bundle_key_opens_for_its_user_only(tmp_path: Path) -> None:
    hub_key = load_or_create_hub_key(tmp_path)
    sealed = seal_bundle_key(hub_key, "ana", BUNDLE_KEY)
    assert sealed.startswith("v1:") and BUNDLE_KEY.hex() not in sealed
    assert sealed != seal_bundle_key(hub_key, "ana", BUNDLE_KEY)  # a fresh nonce each time
    assert open_bundle_key(hub_key, "ana", sealed) == BUNDLE_KEY
    with pytest.raises(HubKeyError, match="bundle key of 'bo' does not open"):
        open_bundle_key(hub_key, "bo", sealed)  # ana's sealed key moved to bo's row


def test_a_copy_of_the_sealed_key_is_useless_without_hub_key(tmp_path: Path) -> None:
    sealed = seal_bundle_key(load_or_create_hub_key(tmp_path / "hub"), "ana", BUNDLE_KEY)
    other_hub = load_or_create_hub_key(tmp_path / "elsewhere")
    with pytest.raises(HubKeyError) as refused:
        open_bundle_key(other_hub, "ana", sealed)
    assert str(refused.value) == (
        "the bundle key of 'ana' does not open with this hub's key (hub.key): the database "
        "was copied without its key file, or the key file was replaced"
    )


def test_a_legacy_hex_key_still_opens_and_damage_is_refused(tmp_path: Path) -> None:
    hub_key = load_or_create_hub_key(tmp_path)
    assert open_bundle_key(hub_key, "ana", BUNDLE_KEY.hex()) == BUNDLE_KEY
    for damaged in ("", "z" * 64, BUNDLE_KEY.hex()[:-2], "v1:", "v1:not base64!", "v1:AAAA"):
        with pytest.raises(HubKeyError, match="'ana'"):
            open_bundle_key(hub_key, "ana", damaged)


@posix_modes
def test_the_key_file_is_private_and_kept(tmp_path: Path) -> None:
    old = os.umask(0)  # even with nothing masked, the key is its owner's only
    try:
        key = load_or_create_hub_key(tmp_path)
    finally:
        os.umask(old)
    assert len(key) == 32 and (tmp_path / "hub.key").read_bytes() == key
    assert _mode(tmp_path / "hub.key") == 0o600 and _mode(tmp_path) == 0o700
    assert load_or_create_hub_key(tmp_path) == key
    assert [p.name for p in tmp_path.iterdir()] == ["hub.key"]  # no temporary file left


@pytest.mark.parametrize("content", [b"", b"short", os.urandom(33)])
def test_a_damaged_key_file_is_one_clear_error(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "hub.key").write_bytes(content)
    with pytest.raises(HubKeyError) as refused:
        load_or_create_hub_key(tmp_path)
    assert str(refused.value).startswith(f"{tmp_path / 'hub.key'}: the hub's key is damaged (")
    assert (tmp_path / "hub.key").read_bytes() == content  # never replaced by a new key


@posix_modes
def test_an_unreadable_key_file_is_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / "hub.key").mkdir()  # unreadable as a file, even as root
    with pytest.raises(HubKeyError, match=r"hub\.key: cannot read the hub's key"):
        load_or_create_hub_key(tmp_path)


@posix_modes
def test_secure_folder_and_file(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "hub"
    secure_folder(folder)
    assert _mode(folder) == 0o700
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    secure_folder(shared)
    assert _mode(shared) == 0o700
    database = shared / "hub.db"
    database.write_bytes(b"")
    database.chmod(0o644)
    secure_file(database)
    assert _mode(database) == 0o600


@posix_modes
def test_the_hub_cli_makes_its_data_folder_private(tmp_path: Path) -> None:
    data_dir = tmp_path / "hub-data"
    data_dir.mkdir(mode=0o755)
    db = f"sqlite:///{data_dir / 'hub.db'}"
    assert main(["--db", db, "--data-dir", str(data_dir), "user", "list"]) == 0
    assert _mode(data_dir) == 0o700
