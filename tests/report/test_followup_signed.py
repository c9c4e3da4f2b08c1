"""Follow-up of a signed validation from the command line: a response, extensions, a
decision and the closure are appended without a reopen or a new report version, and the
signed report still verifies."""

import hashlib
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

from ctpat_desktop.report.certificates import SigningIdentity
from tests.conftest import CliResult
from tests.report.signed_validation import sign_validation

Cli = Callable[..., CliResult]
ON = date(2026, 2, 3)


@pytest.fixture
def signed(
    cli: Cli,
    data_dir: Path,
    tmp_path: Path,
    identity: SigningIdentity,
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[str, Path]:
    """A validation with a required action (4.8) and a recommendation (4.4), its report
    signed (version 1): (ID, the signed PDF)."""
    pdf = tmp_path / "v1.pdf"
    vid = sign_validation(cli, data_dir, pdf, identity, monkeypatch)
    return vid, pdf


def test_response_extension_and_closure_without_a_new_version(
    cli: Cli, signed: tuple[str, Path], identity: SigningIdentity
) -> None:
    vid, pdf = signed
    sha = hashlib.sha256(pdf.read_bytes()).hexdigest()
    before = cli("validation", "show", vid, "--json").json()
    assert before["followups"] == []
    # The due date the signed report printed (counted from its issue), not the worksheet's.
    finding = next(f for f in before["findings"] if f["criterion"] == "4.8")
    due = date.fromisoformat(finding["due_in_report"])

    steps = [
        ("respond", "4.8", "--implemented", "yes", "--note", "MFA on the VPN since June"),
        ("extend", "4.8", "--days", "60", "--reason", "New VPN appliance on order"),
        ("extend", "4.8", "--days", "30", "--reason", "Appliance delivered late"),
        ("decide", "4.8", "--accept", "--note", "Logs checked"),
        ("close", "4.8", "--note", "Verified on a call"),
    ]
    for action, criterion, *options in steps:
        done = cli("followup", action, vid, criterion, *options, "--json")
        assert done.code == 0, done.err
    item = done.json()["item"]
    assert (item["state"], item["closed"]) == ("closed", True)
    assert item["signed_due"] == due.isoformat()
    assert item["due"] == (due + timedelta(days=90)).isoformat()
    assert [(e["days"], e["reason"]) for e in item["extensions"]] == [
        (60, "New VPN appliance on order"),
        (30, "Appliance delivered late"),
    ]

    shown = cli("validation", "show", vid, "--json").json()
    assert shown["validation"]["status"] == "signed"
    assert [r["version"] for r in shown["reports"]] == [1]
    assert [(r["number"], r["event"]) for r in shown["followups"]] == [
        (1, "response"),
        (2, "extension"),
        (3, "extension"),
        (4, "decision"),
        (5, "closure"),
    ]
    assert {r["report_version"] for r in shown["followups"]} == {1}
    assert shown["findings"] == before["findings"]  # the signed findings are untouched

    assert hashlib.sha256(pdf.read_bytes()).hexdigest() == sha
    verified = cli("verify", str(pdf), "--trust", str(identity.ca_certificate), "--json")
    assert verified.code == 0 and verified.json()["ok"] is True

    audit = cli("audit", "verify")
    assert audit.code == 0, audit.err
    listed = cli("followup", "list", vid)
    assert listed.code == 0 and "4.8" in listed.out and "closed" in listed.out
    assert "4.4" in listed.out and "awaiting the member's response" in listed.out


def test_refusals_are_one_line_and_change_nothing(cli: Cli, signed: tuple[str, Path]) -> None:
    vid, _pdf = signed
    refusals = {
        ("extend", "4.8", "--days", "45", "--reason", "x"): "30, 60, 90 or 120 days",
        ("extend", "4.8", "--days", "30", "--reason", " "): "needs a reason",
        ("extend", "4.4", "--days", "30", "--reason", "x"): "only a required action",
        ("decide", "4.8", "--accept"): "no member's response to accept or reject",
        ("close", "4.8"): "once the member's response is accepted",
        ("close", "4.4"): "only a required action is closed",
        ("respond", "1.1", "--note", "x"): "only for a not-met finding",
        ("respond", "4.8"): "says whether it is implemented or what it says",
        ("respond", "99.1", "--note", "x"): "not in the",
        ("respond", "4.8", "--note", "a\x00b"): "control characters",
    }
    for args, message in refusals.items():
        done = cli("followup", args[0], vid, *args[1:])
        assert done.code == 1, args
        assert message in done.err and done.err.count("\n") == 1, done.err
    usage = [
        ("extend", vid, "4.8", "--days", "lots", "--reason", "x"),
        ("decide", vid, "4.8"),
        ("decide", vid, "4.8", "--accept", "--reject"),
        ("respond", vid, "4.8", "--implemented", "maybe"),
    ]
    for args in usage:
        with pytest.raises(SystemExit) as stopped:
            cli("followup", *args)
        assert stopped.value.code == 2, args
    shown = cli("validation", "show", vid, "--json").json()
    assert shown["followups"] == []


def test_follow_up_waits_for_the_signature(cli: Cli, data_dir: Path) -> None:
    vid = cli(
        "validation",
        "new",
        "--member",
        "Acme",
        "--account",
        "IM-1001",
        "--entity",
        "importer",
        "--json",
    ).json()["id"]
    cli("finding", "set", vid, "4.8", "--status", "not-met", "--reason", "training-gap")
    done = cli("followup", "respond", vid, "4.8", "--note", "Done")
    assert done.code == 1
    assert "follow-up is appended after its report is signed" in done.err
    listed = cli("followup", "list", vid, "--json").json()
    assert listed["open"] is False and [i["criterion"] for i in listed["items"]] == ["4.8"]
