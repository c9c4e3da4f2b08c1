"""A signed rendition of an issued report in the other language: same version, findings and
dates, a cover that says which version it renders, a stamp in its language; no reopen, no
new version, the validation stays signed, and both files verify."""

import hashlib
import json
import re
from datetime import date
from pathlib import Path

import pikepdf
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
    """A validation whose English report version 1 is signed: (ID, the signed PDF)."""
    pdf = tmp_path / "v1-en.pdf"
    return sign_validation(cli, data_dir, pdf, identity, monkeypatch), pdf


def _rendition(
    cli: Cli, vid: str, out: Path, identity: SigningIdentity, *extra: str
) -> tuple[int, str, str]:
    done = cli("report", vid, str(out), "--sign", "--p12", str(identity.pkcs12), *extra, "--json")
    return done.code, done.out, done.err


def test_a_spanish_rendition_of_version_1_without_reopening(
    cli: Cli, issued: tuple[str, Path], tmp_path: Path, identity: SigningIdentity
) -> None:
    vid, english = issued
    english_sha = hashlib.sha256(english.read_bytes()).hexdigest()
    before = cli("validation", "show", vid, "--json").json()
    assert before["renditions"] == [] and before["letters"] == []

    spanish = tmp_path / "v1-es.pdf"
    code, out, err = _rendition(cli, vid, spanish, identity, "--lang", "es", "--rendition-of", "1")
    assert code == 0, err
    said = json.loads(out)
    assert (said["version"], said["rendition_of"], said["language"]) == (1, 1, "es")
    assert said["original_sha256"] == english_sha
    assert said["sha256"] == hashlib.sha256(spanish.read_bytes()).hexdigest()

    # Both files verify; the original is untouched.
    assert hashlib.sha256(english.read_bytes()).hexdigest() == english_sha
    for pdf in (english, spanish):
        verified = cli("verify", str(pdf), "--trust", str(identity.ca_certificate), "--json")
        assert verified.code == 0 and verified.json()["ok"] is True, verified.out

    # The same version, findings and dates; the cover says what it renders, in Spanish.
    cover = pdf_text(spanish, 1)
    assert "Traducción al español de la versión 1 del informe" in cover
    assert f"(original: inglés, SHA-256 {english_sha})" in cover
    text, original = pdf_text(spanish), pdf_text(english)
    assert "Versión 1" in text and "Versión 2" not in text
    assert "Acción requerida" in text or "Acciones requeridas" in text
    assert "Enforce multi-factor authentication" in text
    # The due date the original gave (counted from its issue), in each language's words.
    due = date.fromisoformat(
        next(f for f in before["findings"] if f["criterion"] == "4.8")["due_in_report"]
    )
    assert format_day(due, "en") in original and format_day(due, "es") in text
    issued_en = re.search(r"Generated\s+(.+ UTC)", original)
    issued_es = re.search(r"Generado\s+(.+ UTC)", text)
    assert issued_en and issued_es
    assert issued_en.group(1).split(", ")[-1] == issued_es.group(1).split(", ")[-1]
    with pikepdf.open(spanish) as opened:
        assert "traducción al español de la versión 1" in str(opened.docinfo["/Title"])
        assert str(opened.Root.get("/Lang")) == "es"

    # The stamp, reason and location are Spanish.
    with pikepdf.open(spanish) as opened:
        field = next(f for f in opened.Root.AcroForm.Fields if str(f.get("/FT")) == "/Sig")
        assert "Informe de validación CTPAT, versión 1" in str(field.V.Reason)
        assert str(field.V.Location) == "Aduanas y Protección Fronteriza de los EE. UU."
    assert "Firmado digitalmente por" in pdf_text(spanish)

    after = cli("validation", "show", vid, "--json").json()
    assert after["validation"]["status"] == "signed"
    assert [r["version"] for r in after["reports"]] == [1]
    assert after["findings"] == before["findings"]
    [rendition] = after["renditions"]
    assert rendition["report_version"] == 1 and rendition["language"] == "es"
    assert rendition["original_sha256"] == english_sha
    assert rendition["sha256"] == said["sha256"] and rendition["file_name"] == "v1-es.pdf"
    assert cli("audit", "verify").code == 0


def test_refusals_are_one_line_and_record_nothing(
    cli: Cli, issued: tuple[str, Path], tmp_path: Path, identity: SigningIdentity
) -> None:
    vid, _english = issued
    out = tmp_path / "nope.pdf"
    cases = [
        (("--lang", "en", "--rendition-of", "1"), "is in en already"),
        (("--lang", "es", "--rendition-of", "2"), "has no signed report version 2"),
        (("--lang", "fr", "--rendition-of", "1"), "no rendition in 'fr'"),
    ]
    for extra, message in cases:
        code, _out, err = _rendition(cli, vid, out, identity, *extra)
        assert code == 1, extra
        assert message in err and err.count("\n") == 1, err
        assert not out.exists()
    unsigned = cli("report", vid, str(out), "--lang", "es", "--rendition-of", "1")
    assert unsigned.code == 1 and "a rendition is signed" in unsigned.err
    assert cli("validation", "show", vid, "--json").json()["renditions"] == []

    # One rendition per version and language.
    first = tmp_path / "es.pdf"
    assert _rendition(cli, vid, first, identity, "--lang", "es", "--rendition-of", "1")[0] == 0
    code, _out, err = _rendition(cli, vid, out, identity, "--lang", "es", "--rendition-of", "1")
    assert code == 1 and "already has a rendition in es" in err
    assert not out.exists()


def test_no_rendition_once_reopened_or_superseded(
    cli: Cli,
    issued: tuple[str, Path],
    tmp_path: Path,
    identity: SigningIdentity,
    data_dir: Path,
) -> None:
    from tests.conftest import approve

    vid, _english = issued
    out = tmp_path / "es.pdf"
    assert cli("validation", "reopen", vid, "--reason", "Fix 4.8").code == 0
    code, _out, err = _rendition(cli, vid, out, identity, "--lang", "es", "--rendition-of", "1")
    assert code == 1 and "reopened after version 1 was signed" in err, err
    assert not out.exists()

    approve(data_dir, vid)
    v2 = tmp_path / "v2.pdf"
    assert cli("report", vid, str(v2), "--sign", "--p12", str(identity.pkcs12)).code == 0
    code, _out, err = _rendition(cli, vid, out, identity, "--lang", "es", "--rendition-of", "1")
    assert code == 1 and "superseded by version 2" in err, err
    code, _out, err = _rendition(cli, vid, out, identity, "--lang", "es", "--rendition-of", "2")
    assert code == 0, err
    shown = cli("validation", "show", vid, "--json").json()
    assert [(r["report_version"], r["language"]) for r in shown["renditions"]] == [(2, "es")]


def test_an_unsigned_validation_has_no_rendition(
    cli: Cli, tmp_path: Path, identity: SigningIdentity
) -> None:
    vid = cli(
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
    out = tmp_path / "es.pdf"
    code, _out, err = _rendition(cli, vid, out, identity, "--lang", "es", "--rendition-of", "1")
    assert code == 1 and "has no signed report version 1" in err, err
    assert not out.exists()


def test_the_cover_notice_is_tagged_and_its_fonts_embedded(
    cli: Cli, issued: tuple[str, Path], tmp_path: Path, identity: SigningIdentity
) -> None:
    import subprocess

    from tests.pdf.pdfcheck import structure

    vid, english = issued
    spanish = tmp_path / "es.pdf"
    code, _out, err = _rendition(cli, vid, spanish, identity, "--lang", "es", "--rendition-of", "1")
    assert code == 0, err
    fonts = subprocess.run(
        ["pdffonts", str(spanish)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts  # emb
    tags = [e.tag for e in structure(spanish)]
    if structure(english):  # a tagged report: the notice is a paragraph of its structure
        assert len(tags) == len(structure(english)) + 1 and "P" in tags[:2]
