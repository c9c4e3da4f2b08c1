"""The report in Spanish: every text translated, dates and numbers as Spanish writes them."""

import re
import subprocess
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

from ctpat_desktop.app import AppContext
from ctpat_desktop.report.certificates import SigningIdentity
from ctpat_desktop.report.labels import (
    EN,
    ES,
    format_date,
    format_moment,
    format_number,
    format_percent,
)
from ctpat_desktop.services.validations import plan_validation
from tests.conftest import CliResult, approve
from tests.report.conftest import PASSPHRASE

Cli = Callable[..., CliResult]
MEMBER = "Logística Peña del Bajío S.A. de C.V."
# Texts that are the same word in both languages, or names.
SAME = {"criterion_id", "general", "mode_virtual", "total", "moment", "duration"}


@pytest.fixture
def validation(cli: Cli, data_dir: Path) -> str:
    created = cli(
        "validation",
        "new",
        "--member",
        MEMBER,
        "--account",
        "MX-51902",
        "--entity",
        "importer",
        "--mode",
        "virtual",
        "--date",
        "2026-05-18",
        "--scss",
        "Laura Méndez",
        "--json",
    ).json()
    vid = str(created["id"])
    for args in (
        ("4.8", "--status", "not-met", "--reason", "training-gap", "--reason", "no-evidence"),
        ("3.1", "--status", "not-met", "--reason", "partner-not-screened"),
        ("5.5", "--status", "not-met", "--reason", "technology-gap"),
        ("12.1", "--status", "exceeds", "--note", "Simulacros trimestrales sin aviso."),
        ("1.1", "--status", "met"),
        ("8.1", "--status", "not-applicable"),
    ):
        assert cli("finding", "set", vid, *args).code == 0
    assert (
        cli("finding", "set", vid, "4.8", "--action", "Exigir autenticación multifactor.").code == 0
    )
    approve(data_dir, vid)
    return vid


def _text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_every_english_text_has_a_spanish_one() -> None:
    assert ES.keys() == EN.keys()
    untranslated = [k for k in EN if k not in SAME and ES[k] == EN[k]]  # type: ignore[literal-required]
    assert untranslated == []
    assert len(ES["months"]) == 12


def test_dates_and_numbers_read_as_spanish() -> None:
    assert format_date(date(2026, 5, 18), ES) == "18 de mayo de 2026"
    assert format_date(date(2026, 5, 18), EN) == "May 18, 2026"
    assert format_moment("2026-05-20T10:04:05-05:00", ES) == "20 de mayo de 2026, 15:04 UTC"
    assert format_percent(12.5, ES) == "12,5\u00a0%"
    assert format_percent(12.5, EN) == "12.5%"
    assert format_percent(13.48, ES, 2) == "13,48\u00a0%"
    assert format_number(1250, ES) == "1250"
    assert format_number(12500.5, ES, 1) == "12\u00a0500,5"
    assert format_number(1250, EN) == "1,250"
    assert format_number(-1234567, EN) == "-1,234,567"
    assert format_number(-0.01, EN, 1) == "0.0"


def test_spanish_draft_report(cli: Cli, validation: str, tmp_path: Path) -> None:
    out = tmp_path / "informe.pdf"
    result = cli("report", validation, str(out), "--lang", "es", "--json")
    assert result.code == 0, result.err
    text = _text(out)
    flat = _flat(text)
    cover = _flat(text.split("\f")[0])
    assert "Informe de Validación CTPAT" in cover
    assert MEMBER in cover
    assert "Fecha de la validación 18 de mayo de 2026" in cover
    assert "Especialista en Seguridad de la Laura Méndez Cadena de Suministro (SCSS)" in cover
    assert "Criterios de seguridad mínimos" in cover  # CBP's own Spanish title
    assert "La validación encontró 2 acciones requeridas y 1 recomendación." in flat
    # A draft has no issue date yet: it counts the days.
    assert (
        "El socio debe responder por escrito dentro de los 90 días siguientes a la emisión "
        "del informe" in flat
    )
    assert "Fecha límite 90 días desde la emisión" in flat
    assert "Cómo responder Responda a través del Portal CTPAT dentro de los 90 días" in flat
    assert "La validación también reconoció 1 mejor práctica." in flat
    for words in (
        "Acción requerida",
        "Fecha límite",
        "Deficiencias por categoría",
        "Categoría de criterios",
        "Metodología",
        "Excede (mejor práctica)",
        "No aplica",
        "Página 2 de",
        "Versión 1",
    ):
        assert words in flat, words
    assert re.search(r"Cumple\s+1\n", text)
    assert re.search(r"No cumple\s+3\n", text)
    # The project's own translations of reasons and categories.
    assert "Falta de capacitación; Sin evidencia de implementación" in flat
    assert "Socio comercial no evaluado" in flat
    assert re.search(r"4\. Ciberseguridad\s+1\s+0\s+1\n", text)
    assert "12. Educación, Capacitación y Concientización" in flat
    # Criteria texts stay English for now; category names and reasons do not.
    assert "Training gap" not in flat and "4. Cybersecurity" not in flat


def test_signed_spanish_report(
    cli: Cli,
    validation: str,
    tmp_path: Path,
    identity: SigningIdentity,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CTPAT_KEY_PASSPHRASE", PASSPHRASE)
    out = tmp_path / "firmado.pdf"
    signed = cli(
        "report", validation, str(out), "--lang", "es", "--sign", "--p12", str(identity.pkcs12)
    )
    assert signed.code == 0, signed.err
    flat = _flat(_text(out))
    # Before, it told the member to run "ctpat-desktop verify", a tool members do not have.
    assert "abra este archivo en Adobe Acrobat Reader y pulse Panel de firma" in flat
    assert "verifíquelo" not in flat
    assert "Firmado con el certificado de Laura Méndez." in flat
    assert "Aprobado por Sam Supervisor, supervisor, el" in flat
    verified = cli("verify", str(out), "--trust", str(identity.ca_certificate), "--json")
    assert verified.json()["ok"] is True
    shown = cli("validation", "show", validation, "--json").json()
    assert shown["reports"][0]["language"] == "es"
    issued = date.fromisoformat(shown["reports"][0]["signed_at"][:10])
    due = format_date(issued + timedelta(days=90), ES)
    assert f"El socio debe responder por escrito a más tardar el {due}" in flat


def test_an_unknown_language_is_refused(cli: Cli, validation: str, tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    result = cli("report", validation, str(out), "--lang", "xx")
    assert result.code == 1 and "no report texts in language 'xx'; use one of: en, es" in result.err
    assert not out.exists()


def test_a_spanish_report_is_stamped_in_spanish(
    ctx: AppContext, identity: SigningIdentity, tmp_path: Path
) -> None:
    """Before, the stamp, its reason and its place were English in a Spanish report."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    from ctpat_desktop.report.signing import Pkcs12Key
    from ctpat_desktop.services.report_io import issue_report

    validation = plan_validation(
        ctx, member="Acme", account="US-1000", entity="importer", scss="Laura Méndez"
    )
    approve(ctx, validation.id)
    built = issue_report(
        ctx,
        validation.id,
        tmp_path / "es.pdf",
        Pkcs12Key(identity.pkcs12),
        lambda: PASSPHRASE,
        language="es",
    )
    text = subprocess.run(
        ["pdftotext", "-layout", str(built.path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Firmado digitalmente por" in text and "Digitally signed by" not in text
    with built.path.open("rb") as handle:
        (signature,) = PdfFileReader(handle).embedded_signatures
        assert str(signature.sig_object["/Reason"]).startswith("Informe de validación CTPAT")
