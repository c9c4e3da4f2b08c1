"""Issuing reports from the command line: drafts, signing, locking, reopening, versions, verify."""

import hashlib
import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from ctpat_desktop.app import AppContext
from ctpat_desktop.report.certificates import SigningIdentity
from tests.conftest import CliResult, approve
from tests.report.conftest import PASSPHRASE, PIN, Token

Cli = Callable[..., CliResult]


@pytest.fixture
def validation(cli: Cli, tmp_path: Path, data_dir: Path) -> str:
    created = cli(
        "validation",
        "new",
        "--member",
        "Transportes del Bajío S.A. de C.V.",
        "--account",
        "MX-51902",
        "--entity",
        "highway-carrier",
        "--mode",
        "hybrid",
        "--date",
        "2026-02-03",
        "--scss",
        "Laura Méndez",
        "--office",
        "Laredo",
        "--json",
    ).json()
    vid = str(created["id"])
    cli(
        "finding",
        "set",
        vid,
        "4.8",
        "--status",
        "not-met",
        "--reason",
        "training-gap",
        "--action",
        "Enforce multi-factor authentication",
        "--report-text",
        "No MFA on VPN",
    )
    cli("finding", "set", vid, "1.1", "--status", "met")
    shot = tmp_path / "gate.png"
    shot.write_bytes(_png())
    cli("evidence", "add", vid, "9.1", str(shot))
    approve(data_dir, vid)
    return vid


def _png() -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + bytes([200, 30, 30]) * 16 for _ in range(16))
    header = struct.pack(">IIBBBBB", 16, 16, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def _text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_draft_is_not_issued(cli: Cli, validation: str, tmp_path: Path) -> None:
    out = tmp_path / "draft.pdf"
    result = cli("report", validation, str(out), "--json").json()
    assert (result["signed"], result["version"]) == (False, 1)
    text = _text(out)
    assert "Transportes del Bajío" in text
    # Before, a draft read like the signed report ("Digitally signed; verify with…").
    pages = text.split("\f")[:-1]
    assert pages and all("DRAFT — not signed, not issued: for review only" in p for p in pages)
    assert "Digitally signed" not in text and "I conducted" not in text
    assert "This is a draft. It is not signed and not issued" in " ".join(text.split())
    shown = cli("validation", "show", validation, "--json").json()
    assert (
        shown["reports"] == [] and shown["validation"]["status"] == "approved"
    )  # a draft changes nothing


def test_sign_lock_reopen_and_version_two(
    cli: Cli,
    validation: str,
    tmp_path: Path,
    data_dir: Path,
    identity: SigningIdentity,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CTPAT_KEY_PASSPHRASE", PASSPHRASE)
    first = tmp_path / "v1.pdf"
    issued = cli(
        "report", validation, str(first), "--sign", "--p12", str(identity.pkcs12), "--json"
    )
    assert issued.code == 0, issued.err
    assert issued.json()["signed"] and issued.json()["signer"] == "Laura Méndez"
    assert issued.json()["sha256"] == hashlib.sha256(first.read_bytes()).hexdigest()

    signed_text = _text(first)
    assert "DRAFT" not in signed_text and "Digitally signed" in signed_text
    verified = cli("verify", str(first), "--trust", str(identity.ca_certificate), "--json")
    assert verified.code == 0 and verified.json()["ok"] is True
    assert verified.json()["signatures"][0]["coverage"] == "ENTIRE_FILE"

    locked = cli("finding", "set", validation, "1.1", "--status", "not-applicable")
    assert locked.code == 1 and "signed and locked" in locked.err
    again = cli(
        "report", validation, str(tmp_path / "again.pdf"), "--sign", "--p12", str(identity.pkcs12)
    )
    assert again.code == 1 and "reopen it" in again.err and not (tmp_path / "again.pdf").exists()

    assert cli("validation", "reopen", validation, "--reason", "Member sent new evidence").code == 0
    assert cli("finding", "set", validation, "1.1", "--status", "not-applicable").code == 0
    second = tmp_path / "v2.pdf"
    unapproved = cli("report", validation, str(second), "--sign", "--p12", str(identity.pkcs12))
    assert unapproved.code == 1 and "a supervisor must approve" in unapproved.err
    assert not second.exists()
    approve(data_dir, validation)
    assert cli("report", validation, str(second), "--sign", "--p12", str(identity.pkcs12)).code == 0
    shown = cli("validation", "show", validation, "--json").json()
    assert [r["version"] for r in shown["reports"]] == [1, 2]
    assert shown["validation"]["status"] == "signed"
    assert "Version 2" in _text(second)


def test_verify_exit_codes(
    cli: Cli,
    validation: str,
    tmp_path: Path,
    identity: SigningIdentity,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CTPAT_KEY_PASSPHRASE", PASSPHRASE)
    signed = tmp_path / "signed.pdf"
    cli("report", validation, str(signed), "--sign", "--p12", str(identity.pkcs12))
    untrusted = cli("verify", str(signed))
    assert (
        untrusted.code == 1 and "NOT VERIFIED" in untrusted.out and "not trusted" in untrusted.out
    )
    with signed.open("ab") as handle:
        handle.write(b"\n% appended after signing\n")
    appended = cli("verify", str(signed), "--trust", str(identity.ca_certificate), "--json")
    assert appended.code == 1 and appended.json()["ok"] is False
    not_pdf = tmp_path / "x.pdf"
    not_pdf.write_text("plain")
    result = cli("verify", str(not_pdf))
    assert (
        result.code == 1
        and result.err.strip() == f"ctpat-desktop: error: {not_pdf}: not a PDF file"
    )


def test_failed_signing_issues_nothing(
    cli: Cli,
    validation: str,
    tmp_path: Path,
    identity: SigningIdentity,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CTPAT_KEY_PASSPHRASE", "wrong")
    out = tmp_path / "nope.pdf"
    result = cli("report", validation, str(out), "--sign", "--p12", str(identity.pkcs12))
    assert result.code == 1 and "wrong passphrase" in result.err
    assert not out.exists() and not list(tmp_path.glob("nope.pdf*"))
    shown = cli("validation", "show", validation, "--json").json()
    assert shown["reports"] == [] and shown["validation"]["status"] != "signed"
    missing = cli("report", validation, str(out), "--sign")
    assert missing.code == 1 and "--sign needs a key" in missing.err


def test_sign_with_a_token(
    cli: Cli,
    validation: str,
    tmp_path: Path,
    data_dir: Path,
    token: Token,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CTPAT_TOKEN_PIN", PIN)
    out = tmp_path / "token.pdf"
    args = (
        "report",
        validation,
        str(out),
        "--sign",
        "--pkcs11-lib",
        token.key.library,
        "--token-label",
        "ctpat-test",
        "--key-label",
        "scss",
        "--signing-cert",
        str(token.identity.certificate),
    )
    # The token's certificate names "Token SCSS", as a PIV card names its holder its own way.
    refused = cli(*args)
    assert refused.code == 1 and "'Token SCSS', not to the validation's SCSS" in refused.err
    assert not out.exists()
    (data_dir / "settings.json").write_text(
        json.dumps({"signers": {"laura mendez": "Token SCSS"}}), encoding="utf-8"
    )
    issued = cli(*args, "--json")
    assert issued.code == 0, issued.err
    assert issued.json()["signer"] == "Token SCSS"
    flat = " ".join(_text(out).split())
    assert "Laura Méndez" in flat and "Signed with the certificate of Token SCSS." in flat
    assert cli("verify", str(out), "--trust", str(token.identity.ca_certificate)).code == 0


def test_test_certificate_command(cli: Cli, tmp_path: Path) -> None:
    made = cli("test-certificate", str(tmp_path / "id"), "--name", "Ana Ruiz", "--json").json()
    from cryptography import x509

    cert = x509.load_pem_x509_certificate(Path(made["certificate"]).read_bytes())
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.content_commitment
    assert Path(made["pkcs12"]).exists()


def test_the_session_time_recorded_reaches_the_report(
    cli: Cli, validation: str, tmp_path: Path, ctx: AppContext
) -> None:
    from datetime import UTC, datetime, timedelta

    from ctpat_desktop.services.validations import ValidationSession

    session = ValidationSession(ctx, validation)
    start = datetime(2026, 5, 18, 14, 0, tzinfo=UTC)
    stretch = session.start_period(1, now=start)
    session.extend_period(stretch.id, now=start + timedelta(minutes=95))
    out = tmp_path / "draft.pdf"
    assert cli("report", validation, str(out)).code == 0
    flat = " ".join(_text(out).split())
    assert "The session time recorded was 1 h 35 min, on May 18, 2026." in flat


def test_validation_show_gives_the_due_dates_the_signed_report_printed(
    cli: Cli,
    validation: str,
    tmp_path: Path,
    identity: SigningIdentity,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The worksheet counts due dates from the visit (Feb 3, 2026); the signed report from
    its issue: `validation show` says both, and its text the date the member was given."""
    from datetime import date, timedelta

    draft = cli("validation", "show", validation, "--json").json()
    (before,) = [f for f in draft["findings"] if f["criterion"] == "4.8"]
    assert (before["due"], before["due_in_report"]) == ("2026-05-04", None)
    monkeypatch.setenv("CTPAT_KEY_PASSPHRASE", PASSPHRASE)
    out = tmp_path / "signed.pdf"
    assert cli("report", validation, str(out), "--sign", "--p12", str(identity.pkcs12)).code == 0
    shown = cli("validation", "show", validation, "--json").json()
    issued = date.fromisoformat(shown["reports"][0]["signed_at"][:10])
    (after,) = [f for f in shown["findings"] if f["criterion"] == "4.8"]
    expected = issued + timedelta(days=90)
    assert (after["due"], after["due_in_report"]) == ("2026-05-04", expected.isoformat())
    assert expected.strftime("%B ") + f"{expected.day}, {expected.year}" in _text(out)
    assert f"due {expected.isoformat()}]" in cli("validation", "show", validation).out
