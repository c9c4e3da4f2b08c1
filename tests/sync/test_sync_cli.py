"""The sync commands: sync, conflict, bundle export, and ctpat-hub bundle import."""

import json
from pathlib import Path

import pytest

from ctpat_desktop.cli import main
from ctpat_desktop.hub.cli import main as hub_main
from tests.hubkit import ServedHub
from tests.sync.conftest import Laptop, sync
from tests.sync.helpers import findings_of, planned, session


def _hub_args(hub_server: ServedHub) -> list[str]:
    """ctpat-hub's options for the database and folder of the hub the test serves."""
    url = hub_server.hub.engine.url.render_as_string(hide_password=False)
    return ["--db", url, "--data-dir", str(hub_server.hub.blobs.root.parent)]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_sync_json_reports_pushed_pulled_and_conflicts(
    hub_server: ServedHub,
    miami: dict[str, str],
    laptop: Laptop,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    ana = laptop("ana")
    session(ana, planned(ana)).record_finding("1.1", status="met")
    folder = str(ana.data_dir)
    ana.close()
    monkeypatch.setenv("CTPAT_HUB_TOKEN", miami["ana"])
    code, out, err = run(capsys, "sync", "--server", hub_server.url, "--json", "--data-dir", folder)
    assert code == 0, err
    report = json.loads(out)
    assert (report["pushed"], report["pulled"], report["conflicts"]) == (4, 0, 0)
    # The hub is remembered: the next sync needs no --server.
    code, out, _ = run(capsys, "sync", "--json", "--data-dir", folder)
    assert code == 0 and json.loads(out)["pushed"] == 0
    code, out, _ = run(capsys, "sync", "--status", "--json", "--data-dir", folder)
    status = json.loads(out)
    assert status["pending"] == 0 and status["last_synced"] and status["user"] == "ana"
    # A wrong token: one line on stderr, exit 1, the data as it was.
    monkeypatch.setenv("CTPAT_HUB_TOKEN", "wrong")
    session(ana, ana.store.list_validations()[0].validation.id).record_finding("1.2", status="met")
    ana.close()
    code, out, err = run(capsys, "sync", "--data-dir", folder)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "refused the token" in err
    code, out, _ = run(capsys, "sync", "--status", "--json", "--data-dir", folder)
    assert json.loads(out)["pending"] == 1
    assert "refused the token" in json.loads(out)["last_error"]


def test_conflicts_listed_and_resolved_from_the_command_line(
    hub_server: ServedHub,
    miami: dict[str, str],
    laptop: Laptop,
    capsys: pytest.CaptureFixture[str],
) -> None:
    ana, ben = laptop("ana"), laptop("ben")
    validation_id = planned(ana)
    sync(ana, hub_server.url, miami["ana"])
    sync(ben, hub_server.url, miami["ben"])
    session(ana, validation_id).record_finding("3.1", status="met", note="ana")
    session(ben, validation_id).record_finding("3.1", status="met", note="ben")
    sync(ana, hub_server.url, miami["ana"])
    sync(ben, hub_server.url, miami["ben"])
    folder = str(ben.data_dir)
    ben.close()
    code, out, _ = run(capsys, "conflict", "list", "--json", "--data-dir", folder)
    (conflict,) = json.loads(out)
    assert (conflict["local_value"], conflict["server_value"]) == ("ben", "ana")
    code, out, _ = run(capsys, "conflict", "list", "--data-dir", folder)
    assert "3.1" in out and "ben" in out and "ana" in out
    code, _, _ = run(
        capsys, "conflict", "resolve", str(conflict["id"]), "--keep", "theirs", "--data-dir", folder
    )
    assert code == 0
    code, _, err = run(
        capsys, "conflict", "resolve", str(conflict["id"]), "--keep", "theirs", "--data-dir", folder
    )
    assert code == 1 and "no open conflict" in err
    assert findings_of(ben, validation_id)["3.1"].note == "ana"


def test_an_offline_bundle_applies_once_and_the_laptop_then_agrees(
    hub_server: ServedHub,
    miami: dict[str, str],
    laptop: Laptop,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    ana, ben = laptop("ana"), laptop("ben")
    validation_id = planned(ana)
    work = session(ana, validation_id)
    work.record_finding("1.1", status="met", note="offline for days")
    work.attach_evidence_bytes(b"evidence bytes" * 100, "seal.jpg", "1.1")
    folder = str(ana.data_dir)
    ana.close()
    monkeypatch.setenv("CTPAT_HUB_TOKEN", miami["ana"])
    bundle = tmp_path / "ana.ctpatbundle"
    code, out, err = run(
        capsys, "bundle", "export", str(bundle), "--user", "ana", "--json", "--data-dir", folder
    )
    assert code == 0, err
    assert json.loads(out)["changes"] == 5 and json.loads(out)["evidence"] == 1

    hub_args = _hub_args(hub_server)
    assert hub_main([*hub_args, "bundle", "import", str(bundle)]) == 0
    first = capsys.readouterr().out
    assert hub_main([*hub_args, "bundle", "import", str(bundle)]) == 0
    second = capsys.readouterr().out
    assert first != second  # the second time everything was already applied
    sync(ben, hub_server.url, miami["ben"])
    assert findings_of(ben, validation_id)["1.1"].note == "offline for days"
    assert len(session(ben, validation_id).evidence()) == 1

    # Back online, Ana's laptop learns the bundle was applied: no conflict, nothing pending.
    session(ana, validation_id).record_finding("1.1", note="back online")
    report = sync(ana, hub_server.url, miami["ana"])
    assert report.conflicts == 0 and report.rejected == [] and report.pending == 0
    sync(ben, hub_server.url, miami["ben"])
    assert findings_of(ben, validation_id)["1.1"].note == "back online"


def test_a_tampered_bundle_is_refused_and_nothing_applied(
    hub_server: ServedHub,
    miami: dict[str, str],
    laptop: Laptop,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    ana = laptop("ana")
    planned(ana)
    folder = str(ana.data_dir)
    ana.close()
    monkeypatch.setenv("CTPAT_HUB_TOKEN", miami["ana"])
    bundle = tmp_path / "ana.ctpatbundle"
    assert (
        run(capsys, "bundle", "export", str(bundle), "--user", "ana", "--data-dir", folder)[0] == 0
    )
    data = bytearray(bundle.read_bytes())
    data[-20] ^= 0x01
    bundle.write_bytes(bytes(data))
    hub_args = _hub_args(hub_server)
    assert hub_main([*hub_args, "bundle", "import", str(bundle)]) == 1
    err = capsys.readouterr().err
    assert "integrity check" in err and err.count("\n") == 1
    admin = hub_server.add_user("root", "admin", None)
    with hub_server.client(admin) as client:
        assert client.get("/v1/changes", params={"since": 0}).json()["changes"] == []


def test_a_laptop_that_never_reaches_the_hub_syncs_by_files_alone(
    hub_server: ServedHub,
    miami: dict[str, str],
    laptop: Laptop,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    ana, ben = laptop("ana"), laptop("ben")
    # Ben works online on a validation of the office; Ana only ever carries files.
    shared = planned(ben, account="IM-3003")
    session(ben, shared).record_finding("2.1", status="met", note="Ben, online")
    sync(ben, hub_server.url, miami["ben"])
    own = planned(ana)
    session(ana, own).record_finding("1.1", status="met", note="Ana, offline")
    folder = str(ana.data_dir)
    ana.close()
    monkeypatch.setenv("CTPAT_HUB_TOKEN", miami["ana"])
    outgoing, incoming = tmp_path / "to-hub.bundle", tmp_path / "from-hub.bundle"
    assert (
        run(capsys, "bundle", "export", str(outgoing), "--user", "ana", "--data-dir", folder)[0]
        == 0
    )
    hub_args = _hub_args(hub_server)
    assert hub_main([*hub_args, "bundle", "import", str(outgoing)]) == 0
    capsys.readouterr()
    code, out, _ = run(capsys, "sync", "--status", "--json", "--data-dir", folder)
    since = json.loads(out)["checkpoint"]
    assert since == 0
    assert (
        hub_main(
            [*hub_args, "bundle", "export", str(incoming), "--user", "ana", "--since", str(since)]
        )
        == 0
    )
    capsys.readouterr()
    # A laptop's bundle is not for a laptop, and a hub's bundle is not for the hub.
    assert run(capsys, "bundle", "import", str(outgoing), "--data-dir", folder)[0] == 1
    assert hub_main([*hub_args, "bundle", "import", str(incoming)]) == 1
    capsys.readouterr()

    code, out, err = run(capsys, "bundle", "import", str(incoming), "--json", "--data-dir", folder)
    assert code == 0, err
    first = json.loads(out)
    assert first["conflicts"] == 0 and first["waiting"] == 0
    assert findings_of(ana, shared)["2.1"].note == "Ben, online"
    code, out, _ = run(capsys, "sync", "--status", "--json", "--data-dir", folder)
    status = json.loads(out)
    assert status["pending"] == 0  # Ana's own changes came back confirmed
    assert status["checkpoint"] == first["checkpoint"] > 0
    code, out, _ = run(capsys, "bundle", "import", str(incoming), "--json", "--data-dir", folder)
    assert json.loads(out)["applied"] == 0  # twice changes nothing
    ana.close()
    sync(ben, hub_server.url, miami["ben"])
    assert findings_of(ben, own)["1.1"].note == "Ana, offline"


def test_sync_exits_non_zero_naming_each_refused_change_and_edit_fixes_it(
    hub_server: ServedHub,
    miami: dict[str, str],
    laptop: Laptop,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    ana = laptop("ana")
    validation_id = planned(ana, office="Laredo")  # not the office of ana's hub user
    session(ana, validation_id).record_finding("1.1", status="met")
    folder = str(ana.data_dir)
    ana.close()
    monkeypatch.setenv("CTPAT_HUB_TOKEN", miami["ana"])
    code, out, err = run(capsys, "sync", "--server", hub_server.url, "--json", "--data-dir", folder)
    assert code == 1
    report = json.loads(out)
    assert report["rejected"] and report["pending"] > 0
    assert err.count("\n") == 1 and "the hub refused" in err and validation_id in err
    assert "Laredo" in err and "Miami" in err

    code, out, err = run(
        capsys, "validation", "edit", validation_id, "--office", "Miami", "--data-dir", folder
    )
    assert code == 0, err
    code, out, err = run(capsys, "sync", "--server", hub_server.url, "--json", "--data-dir", folder)
    assert code == 0, err
    assert json.loads(out)["rejected"] == [] and json.loads(out)["pending"] == 0
