"""The worksheet in Spanish: sheets, headers and choices in Spanish, and back in again."""

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from ctpat_desktop.app import AppContext
from ctpat_desktop.errors import CtpatError
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.services.worksheet_io import (
    export_worksheet,
    import_worksheet,
    plan_worksheet_import,
)
from ctpat_desktop.worksheet import FindingStatus, Verification


@pytest.fixture
def session(ctx: AppContext) -> ValidationSession:
    validation = plan_validation(
        ctx,
        member="Logística Peña del Bajío",
        account="MX-51902",
        entity="importer",
        on=date(2026, 5, 18),
        scss="Laura Méndez",
    )
    session = ValidationSession(ctx, validation.id)
    session.record_finding("1.1", status="met", verified="document-verified", note="Firmada 2025")
    session.record_finding(
        "4.8", status="not-met", reasons=["training-gap", "no-evidence"], action="Exigir MFA"
    )
    session.record_finding("12.1", status="exceeds", note="Simulacros, ñandú")
    return session


@pytest.fixture
def workbook_path(ctx: AppContext, session: ValidationSession, tmp_path: Path) -> Path:
    path = tmp_path / "hoja.xlsx"
    export_worksheet(ctx, session.id, path, "es")
    return path


def _column(sheet, header: str) -> int:  # type: ignore[no-untyped-def]
    return next(c.column for c in sheet[1] if c.value == header)


def _row(sheet, criterion: str) -> int:  # type: ignore[no-untyped-def]
    return next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 2).value == criterion)


def test_spanish_workbook_layout(workbook_path: Path) -> None:
    book = load_workbook(workbook_path)
    assert book.sheetnames == [
        "Hoja de trabajo",
        "Listas",
        "Resumen",
        "Validación",
        "Para imprimir",
    ]
    sheet = book["Hoja de trabajo"]
    headers = [c.value for c in sheet[1]]
    assert headers[:7] == [
        "Categoría",
        "ID",
        "Debe/Debería",
        "Criterio",
        "Guía de implementación",
        "Respuesta del perfil de seguridad del socio",
        "Hallazgo",
    ]
    assert "Razón 1" in headers and "Socio: ¿implementado?" in headers
    row = _row(sheet, "4.8")
    assert sheet.cell(row, 1).value == "4. Ciberseguridad"
    assert sheet.cell(row, 3).value == "Debe"
    assert sheet.cell(row, _column(sheet, "Hallazgo")).value == "No cumple"
    assert sheet.cell(row, _column(sheet, "Razón 1")).value == "Falta de capacitación"
    assert sheet.cell(row, _column(sheet, "Razón 2")).value == "Sin evidencia de implementación"
    assert (
        sheet.cell(row, _column(sheet, "Fecha límite de respuesta")).number_format == "dd/mm/yyyy"
    )
    one = _row(sheet, "1.1")
    assert sheet.cell(one, _column(sheet, "Cómo se verificó")).value == "Documento verificado"
    lists = book["Listas"]
    assert [lists.cell(r, 1).value for r in range(1, 6)] == [
        "No revisado",
        "Cumple",
        "No cumple",
        "Excede",
        "No aplica",
    ]
    assert [lists.cell(r, 4).value for r in (1, 2)] == ["Sí", "No"]
    ranges = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation}
    assert "=Listas!$A$1:$A$5" in ranges.values()
    summary = book["Resumen"]
    assert [c.value for c in summary[1]][:4] == ["Categoría", "Criterios", "No revisado", "Cumple"]
    assert str(summary["B2"].value).startswith("=COUNTIF('Hoja de trabajo'!$A$2:$A$")
    assert str(summary.cell(5, 8).value).endswith(
        "'Hoja de trabajo'!$I$2:$I$94,\"Acción requerida\")"
    )
    facts = {r[0].value: r[1].value for r in book["Validación"].iter_rows()}
    assert facts["Idioma"] == "es" and facts["Modalidad"] == "virtual"
    assert facts["Fecha de la validación"] == datetime(2026, 5, 18)


def test_export_then_import_changes_nothing(
    ctx: AppContext, session: ValidationSession, workbook_path: Path
) -> None:
    plan = plan_worksheet_import(ctx, session.id, workbook_path)
    assert plan.problems == [] and plan.updates == []


def test_spanish_choices_update_the_findings(
    ctx: AppContext, session: ValidationSession, workbook_path: Path
) -> None:
    book = load_workbook(workbook_path)
    sheet = book["Hoja de trabajo"]
    row = _row(sheet, "3.1")
    sheet.cell(row, _column(sheet, "Hallazgo")).value = "No cumple"
    sheet.cell(row, _column(sheet, "Razón 1")).value = "Socio comercial no evaluado"
    sheet.cell(row, _column(sheet, "Cómo se verificó")).value = "Proceso observado"
    sheet.cell(row, _column(sheet, "Acción requerida / recomendación")).value = "Evaluar socios"
    sheet.cell(row, _column(sheet, "Fecha límite de respuesta")).value = "30/09/2026"
    sheet.cell(row, _column(sheet, "Socio: ¿implementado?")).value = "sí"
    one = _row(sheet, "1.1")
    sheet.cell(one, _column(sheet, "Hallazgo")).value = "No aplica"
    book.save(workbook_path)

    plan = import_worksheet(ctx, session.id, workbook_path)
    assert plan.problems == [] and plan.applied
    findings = {cid: r.finding for cid, r in ValidationSession(ctx, session.id).findings().items()}
    partner = findings["3.1"]
    assert partner.status is FindingStatus.NOT_MET
    assert partner.reasons == ("partner-not-screened",)
    assert partner.verified is Verification.PROCESS_OBSERVED
    assert partner.due == date(2026, 9, 30)
    assert partner.response_implemented is True
    assert findings["1.1"].status is FindingStatus.NOT_APPLICABLE


def test_problems_name_the_spanish_sheet_and_a_wrong_marker(
    ctx: AppContext, session: ValidationSession, workbook_path: Path
) -> None:
    book = load_workbook(workbook_path)
    sheet = book["Hoja de trabajo"]
    sheet.cell(_row(sheet, "1.2"), _column(sheet, "Hallazgo")).value = "Passed"
    facts = book["Validación"]
    language_row = next(
        r for r in range(1, facts.max_row + 1) if facts.cell(r, 1).value == "Idioma"
    )
    facts.cell(language_row, 2).value = "en"
    book.save(workbook_path)
    messages = [str(p) for p in plan_worksheet_import(ctx, session.id, workbook_path).problems]
    assert any(
        m.startswith("Hoja de trabajo!G") and "'Passed' is not a valid finding" in m
        for m in messages
    )
    assert any(
        m.startswith("Validación: the worksheet says its language is 'en'") for m in messages
    )


def test_english_export_is_marked_and_unknown_languages_refused(
    ctx: AppContext, session: ValidationSession, tmp_path: Path
) -> None:
    path = tmp_path / "en.xlsx"
    export_worksheet(ctx, session.id, path)
    facts = {r[0].value: r[1].value for r in load_workbook(path)["Validation"].iter_rows()}
    assert facts["Language"] == "en"
    with pytest.raises(CtpatError, match="no worksheet texts in language 'xx'; use one of: en, es"):
        export_worksheet(ctx, session.id, tmp_path / "xx.xlsx", "xx")
    assert not (tmp_path / "xx.xlsx").exists()


def test_cli_exports_in_spanish(cli, session: ValidationSession, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "cli.xlsx"
    assert cli("worksheet", "export", session.id, str(out), "--lang", "es").code == 0
    assert load_workbook(out).sheetnames[0] == "Hoja de trabajo"
    assert cli("worksheet", "import", session.id, str(out), "--dry-run").code == 0
