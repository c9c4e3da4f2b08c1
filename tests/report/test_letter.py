"""The signed follow-up letter: it names the signed report version and its SHA-256, lists
each required action with its follow-up and effective due date, says whether all are
closed or what remains open, in English or Spanish; recorded and shown, the validation
stays signed with the same version, and the letter and the report both verify."""

import hashlib
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from ctpat_desktop.report.certificates import SigningIdentity
from ctpat_desktop.report.letter import format_day
from tests.report.signed_validation import Cli, pdf_text, sign_validation


@pytest.fixture
def issued(
    cli: Cli,
    data_dir: Path,
    tmp_path: Path,
    identity: SigningIdentity,
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[str, Path]:
    pdf = tmp_path / "v1.pdf"
    return sign_validation(cli, data_dir, pdf, identity, monkeypatch), pdf


def _letter(cli: Cli, vid: str, out: Path, identity: SigningIdentity, *extra: str) -> Any:
    done = cli(
        "followup",
        "letter",
        vid,
        str(out),
        "--sign",
        "--p12",
        str(identity.pkcs12),
        *extra,
        "--json",
    )
    assert done.code == 0, done.err
    return done.json()


def _verified(cli: Cli, pdf: Path, identity: SigningIdentity) -> bool:
    done = cli("verify", str(pdf), "--trust", str(identity.ca_certificate), "--json")
    return done.code == 0 and done.json()["ok"] is True


def test_a_status_letter_then_a_closure_letter(
    cli: Cli, issued: tuple[str, Path], tmp_path: Path, identity: SigningIdentity
) -> None:
    vid, report = issued
    report_sha = hashlib.sha256(report.read_bytes()).hexdigest()
    shown = cli("validation", "show", vid, "--json").json()
    due = date.fromisoformat(
        next(f for f in shown["findings"] if f["criterion"] == "4.8")["due_in_report"]
    )
    for action, *options in (
        ("respond", "--implemented", "no", "--note", "MFA rollout planned for the VPN"),
        ("extend", "--days", "60", "--reason", "New VPN appliance on order"),
    ):
        assert cli("followup", action, vid, "4.8", *options).code == 0

    status = tmp_path / "status.pdf"
    said = _letter(cli, vid, status, identity)
    assert said["letter_type"] == "status" and said["open_actions"] == 1
    assert said["report_version"] == 1 and said["report_sha256"] == report_sha
    assert said["sha256"] == hashlib.sha256(status.read_bytes()).hexdigest()
    text = pdf_text(status)
    assert "Status letter" in text and "version 1" in text and report_sha in text
    assert "1 of 1 required actions remain open" in text
    assert "all required actions are closed" not in text.lower()
    assert "Enforce multi-factor authentication" in text
    assert "Extension of 60 days" in text and "New VPN appliance on order" in text
    assert "MFA rollout planned for the VPN" in text and "not implemented" in text
    assert format_day(due + timedelta(days=60), "en") in text  # the effective due date
    assert "4.4" not in text.split("Required actions and their follow-up")[1]  # a recommendation
    assert "Digitally signed by" in text

    for action, *options in (
        ("respond", "--implemented", "yes", "--note", "MFA on since June"),
        ("decide", "--accept"),
        ("close", "--note", "Checked on a call"),
    ):
        assert cli("followup", action, vid, "4.8", *options).code == 0
    closure = tmp_path / "cierre.pdf"
    said = _letter(cli, vid, closure, identity, "--lang", "es")
    assert said["letter_type"] == "closure" and said["open_actions"] == 0
    text = pdf_text(closure)
    assert "Carta de cierre" in text and "Todas las acciones requeridas están cerradas." in text
    assert "Prórroga de 60 días" in text and "Cierre" in text and "Checked on a call" in text
    assert "Firmado digitalmente por" in text and report_sha in text

    for pdf in (report, status, closure):
        assert _verified(cli, pdf, identity), pdf
    assert hashlib.sha256(report.read_bytes()).hexdigest() == report_sha
    after = cli("validation", "show", vid, "--json").json()
    assert after["validation"]["status"] == "signed"
    assert [r["version"] for r in after["reports"]] == [1]
    assert [(r["letter_type"], r["language"], r["open_actions"]) for r in after["letters"]] == [
        ("status", "en", 1),
        ("closure", "es", 0),
    ]
    assert {r["report_sha256"] for r in after["letters"]} == {report_sha}
    assert cli("audit", "verify").code == 0


def test_a_draft_letter_is_marked_and_not_recorded(
    cli: Cli, issued: tuple[str, Path], tmp_path: Path
) -> None:
    vid, _report = issued
    draft = tmp_path / "draft.pdf"
    done = cli("followup", "letter", vid, str(draft), "--lang", "es", "--json")
    assert done.code == 0, done.err
    assert done.json()["signed"] is False
    for page in range(1, int(_pages(draft)) + 1):
        assert "BORRADOR" in pdf_text(draft, page)
    assert cli("validation", "show", vid, "--json").json()["letters"] == []


def _pages(pdf: Path) -> int:
    import pikepdf

    with pikepdf.open(pdf) as opened:
        return len(opened.pages)


def test_no_letter_before_signing_or_after_a_reopen(
    cli: Cli, issued: tuple[str, Path], tmp_path: Path, identity: SigningIdentity
) -> None:
    vid, _report = issued
    out = tmp_path / "letter.pdf"
    fresh = cli(
        "validation",
        "new",
        "--member",
        "Acme",
        "--account",
        "IM-1",
        "--entity",
        "importer",
        "--json",
    ).json()["id"]
    assert cli("validation", "reopen", vid, "--reason", "Fix 4.8").code == 0
    for target, message in ((fresh, "no report of it has been signed yet"), (vid, "reopened")):
        done = cli("followup", "letter", target, str(out), "--sign", "--p12", str(identity.pkcs12))
        assert done.code == 1 and message in done.err and done.err.count("\n") == 1, done.err
        assert not out.exists()
    wrong = cli("followup", "letter", vid, str(out), "--lang", "fr")
    assert wrong.code == 1 and "no letter in 'fr'" in wrong.err
    keyed = cli("followup", "letter", vid, str(out), "--p12", str(identity.pkcs12))
    assert keyed.code == 1 and "without --sign" in keyed.err
