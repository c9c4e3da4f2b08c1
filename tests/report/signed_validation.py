"""A validation signed from the command line, for the tests of what follows a signed report
(renditions, follow-up letters): a required action (4.8) and a recommendation (4.4)."""

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from ctpat_desktop.report.certificates import SigningIdentity
from tests.conftest import CliResult, approve
from tests.report.conftest import PASSPHRASE

Cli = Callable[..., CliResult]
ON = "2026-02-03"


def sign_validation(
    cli: Cli,
    data_dir: Path,
    pdf: Path,
    identity: SigningIdentity,
    monkeypatch: pytest.MonkeyPatch,
    language: str = "en",
) -> str:
    """Create, fill, approve and sign a validation's report (version 1) into pdf; its ID."""
    created = cli(
        "validation",
        "new",
        "--member",
        "Transportes del Bajío S.A. de C.V.",
        "--account",
        "MX-51902",
        "--entity",
        "importer",
        "--date",
        ON,
        "--scss",
        "Laura Méndez",
        "--json",
    ).json()
    vid = str(created["id"])
    for criterion, reason, action in (
        ("4.8", "training-gap", "Enforce multi-factor authentication"),
        ("4.4", "technology-gap", "Consider a password manager"),
    ):
        done = cli(
            "finding",
            "set",
            vid,
            criterion,
            "--status",
            "not-met",
            "--reason",
            reason,
            "--action",
            action,
        )
        assert done.code == 0, done.err
    approve(data_dir, vid)
    monkeypatch.setenv("CTPAT_KEY_PASSPHRASE", PASSPHRASE)
    issued = cli(
        "report", vid, str(pdf), "--lang", language, "--sign", "--p12", str(identity.pkcs12)
    )
    assert issued.code == 0, issued.err
    return vid


def pdf_text(pdf: Path, *pages: int) -> str:
    """The text of a PDF (or of some of its pages, 1-based), as pdftotext reads it."""
    first = ["-f", str(pages[0]), "-l", str(pages[-1])] if pages else []
    done = subprocess.run(
        ["pdftotext", "-layout", *first, str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return done.stdout
