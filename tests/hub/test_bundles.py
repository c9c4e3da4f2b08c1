"""ctpat-hub bundle import: applied exactly like a push, idempotent, refused if tampered."""

import hashlib
from pathlib import Path

from ctpat_desktop.sync.bundle import bundle_key, write_bundle
from ctpat_desktop.sync.protocol import Mutation
from tests.hub.conftest import HubCli
from tests.hubkit import mutation, sample_fields

PHOTO = b"dock door photo" * 500
PHOTO_SHA = hashlib.sha256(PHOTO).hexdigest()


def _laptop_changes() -> list[Mutation]:
    return [
        mutation("validation", "v-1"),
        mutation("evidence", "e-1", sample_fields("evidence", sha256=PHOTO_SHA)),
        mutation("finding", "f-1"),
    ]


def _bundle(tmp_path: Path, user: str, token: str, changes: list[Mutation]) -> Path:
    path = tmp_path / "laptop.ctpatbundle"
    write_bundle(
        path, user=user, key=bundle_key(token), mutations=changes, blobs={PHOTO_SHA: PHOTO}
    )
    return path


def _token(hub_cli: HubCli, name: str = "ana") -> str:
    code, out, _ = hub_cli("user", "add", name, "--role", "scss", "--office", "Miami")
    assert code == 0
    return out.strip()


def test_import_applies_and_importing_twice_changes_nothing(
    hub_cli: HubCli, tmp_path: Path
) -> None:
    path = _bundle(tmp_path, "ana", _token(hub_cli), _laptop_changes())
    code, out, err = hub_cli("bundle", "import", str(path))
    assert (code, err) == (0, "")
    assert "3 applied, 0 already applied, 0 stale" in out and "1 evidence files stored" in out
    hub = hub_cli.hub()
    try:
        ana = hub.user("ana")
        assert ana is not None
        before = hub.changes(ana, 0, 100)
        assert hub.blobs.read_bytes(PHOTO_SHA) == PHOTO
        code, out, err = hub_cli("bundle", "import", str(path))
        assert (code, err) == (0, "")
        assert "0 applied, 3 already applied, 0 stale" in out and "0 evidence files" in out
        assert hub.changes(ana, 0, 100) == before
        assert [c.updated_by for c in before[0]] == ["ana"] * 3
    finally:
        hub.close()


def test_stale_and_rejected_changes_are_reported(hub_cli: HubCli, tmp_path: Path) -> None:
    token = _token(hub_cli)
    hub = hub_cli.hub()
    try:
        ana = hub.user("ana")
        assert ana is not None
        hub.push(ana, [mutation("validation", "v-1"), mutation("finding", "f-1")])
        hub.push(ana, [mutation("finding", "f-1", {"note": "from the hub"}, base_rev=1)])
    finally:
        hub.close()
    changes = [
        mutation("finding", "f-1", {"note": "from the laptop"}, base_rev=1),
        mutation("finding", "f-2", sample_fields("finding", validation_id="v-404")),
        mutation("finding", "f-3", sample_fields("finding", criterion="2.1")),
    ]
    code, out, err = hub_cli("bundle", "import", str(_bundle(tmp_path, "ana", token, changes)))
    assert code == 1
    assert "1 applied, 0 already applied, 1 stale (left for the laptop's next sync)" in out
    assert "1 rejected" in out
    assert err == (
        "ctpat-hub: rejected finding f-2: unknown validation v-404 for finding f-2: "
        "push the validation first\n"
    )


def test_tampered_bundle_is_refused_and_nothing_applied(hub_cli: HubCli, tmp_path: Path) -> None:
    path = _bundle(tmp_path, "ana", _token(hub_cli), _laptop_changes())
    raw = bytearray(path.read_bytes())
    raw[-40] ^= 0x01
    path.write_bytes(bytes(raw))
    code, out, err = hub_cli("bundle", "import", str(path))
    assert (code, out) == (1, "")
    assert "failed its integrity check" in err and err.count("\n") == 1
    hub = hub_cli.hub()
    try:
        ana = hub.user("ana")
        assert ana is not None
        assert hub.changes(ana, 0, 100)[0] == []
        assert not hub.has_blob(PHOTO_SHA)
    finally:
        hub.close()


def test_bundle_by_an_unknown_or_disabled_user_is_refused(hub_cli: HubCli, tmp_path: Path) -> None:
    token = _token(hub_cli)
    ghost = _bundle(tmp_path, "ghost", token, _laptop_changes())
    code, _, err = hub_cli("bundle", "import", str(ghost))
    assert code == 1 and "'ghost', who is not a user of this hub" in err
    assert hub_cli("user", "disable", "ana")[0] == 0
    code, _, err = hub_cli("bundle", "import", str(_bundle(tmp_path, "ana", token, [])))
    assert code == 1 and "not a user of this hub" in err
