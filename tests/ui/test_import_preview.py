"""The import preview says what a workbook changes in the window's words, not in codes."""

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QLocale
from pytestqt.qtbot import QtBot

from ctpat_desktop.app import AppContext
from ctpat_desktop.services import worksheet_io
from ctpat_desktop.services.validations import plan_validation
from ctpat_desktop.ui.import_preview import ImportPreviewDialog
from ctpat_desktop.worksheet import Finding, FindingStatus
from ctpat_desktop.worksheet.xlsx_import import Problem
from tests.ui.windows import shown


def _plan(ctx: AppContext) -> worksheet_io.ImportPlan:
    validation = plan_validation(
        ctx, member="Acme", account="US-1001", entity="importer", on=date(2026, 3, 10)
    )
    old = Finding("4.8")
    new = Finding(
        "4.8",
        status=FindingStatus.NOT_MET,
        reasons=("training-gap", "no-evidence"),
        action="Enforce MFA",
        due=date(2026, 8, 16),
    )
    plan = worksheet_io.ImportPlan(validation.id, Path("acme.xlsx"))
    plan.updates.append(worksheet_io.FindingUpdate(7, old, new))
    return plan


def test_changes_show_labels_and_the_user_s_dates(ctx: AppContext, qtbot: QtBot) -> None:
    dialog = ImportPreviewDialog(_plan(ctx), None, ctx.catalogs.reasons)
    shown(dialog, qtbot)
    table = dialog.changes
    rows = {table.item(r, 1).text(): table.item(r, 3).text() for r in range(table.rowCount())}
    labels = {r.code: r.label for r in ctx.catalogs.reasons}
    assert rows["Status"] == "Not met"
    assert rows["Deficiency reasons"] == f"{labels['training-gap']}; {labels['no-evidence']}"
    assert rows["Due date"] == QLocale().toString(
        QDate(2026, 8, 16), QLocale.FormatType.ShortFormat
    )
    assert rows["Required action"] == "Enforce MFA"
    assert dialog.summary.text() == "1 finding will change. Apply the changes?"
    dialog.grab().save("/tmp/import-preview.png")


def test_problems_name_no_command_line_option(ctx: AppContext, qtbot: QtBot) -> None:
    plan = _plan(ctx)
    plan.updates.clear()
    message = "criterion 4.8: a not-met finding needs at least one reason (--reason)"
    plan.problems.append(Problem("Worksheet", 7, "G", message))
    dialog = ImportPreviewDialog(plan)
    shown(dialog, qtbot)
    text = dialog.problems.item(0).text()
    assert "--" not in text and text.endswith("needs at least one reason (in a Reason column)")
    assert dialog.summary.text().startswith("1 problem in acme.xlsx.")
