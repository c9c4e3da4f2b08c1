"""The import preview of a signed validation's worksheet lists the follow-up records it
appends after the signed report, and Apply appends them."""

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog
from pytestqt.qtbot import QtBot

from ctpat_desktop.app import AppContext
from ctpat_desktop.services import followup, worksheet_io
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.services.worksheet_io import ImportPlan
from ctpat_desktop.store import ReportRecord
from ctpat_desktop.ui.import_preview import ImportPreviewDialog
from ctpat_desktop.ui.main_window import MainWindow
from ctpat_desktop.ui.runner import ImmediateRunner
from ctpat_desktop.worksheet import Lifecycle
from ctpat_desktop.worksheet.xlsx_import import Problem
from tests.ui.windows import shown


def _filled(ctx: AppContext, tmp_path: Path) -> tuple[str, Path]:
    """A signed validation and its worksheet with 4.8's new follow-up filled in."""
    from openpyxl import load_workbook

    validation = plan_validation(
        ctx, member="Acme", account="US-1001", entity="importer", on=date(2026, 3, 10)
    )
    work = ValidationSession(ctx, validation.id)
    work.record_finding("4.8", status="not-met", reasons=["training-gap"], action="Enforce MFA")
    ctx.store.set_status(validation.id, Lifecycle.APPROVED, "Sam Supervisor")
    report = ReportRecord(1, "ab" * 32, "T", "2026-06-01T10:00:00Z", "r.pdf", "en")
    ctx.store.issue_report(validation.id, report, "tester")
    path = tmp_path / "acme.xlsx"
    worksheet_io.export_worksheet(ctx, validation.id, path)
    book = load_workbook(path)
    sheet = book.worksheets[0]
    columns = {c.value: c.column for c in sheet[1]}
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 2).value == "4.8")
    for header, value in (
        ("New response: implemented?", "Yes"),
        ("New response: what the member wrote", "MFA on since June"),
        ("Extension (days)", 60),
        ("Extension reason", "New VPN appliance"),
    ):
        sheet.cell(row, columns[header]).value = value
    book.save(path)
    return validation.id, path


def test_the_records_to_append_are_listed_and_applied(
    ctx: AppContext, qtbot: QtBot, tmp_path: Path
) -> None:
    validation_id, path = _filled(ctx, tmp_path)
    plan = worksheet_io.plan_worksheet_import(ctx, validation_id, path)
    dialog = ImportPreviewDialog(plan, None, ctx.catalogs.reasons)
    shown(dialog, qtbot)
    table = dialog.followups
    assert table is not None
    rows = [[table.item(r, c).text() for c in range(3)] for r in range(table.rowCount())]
    assert rows == [
        ["4.8", "1. Response", "Implemented: Yes · MFA on since June"],
        ["4.8", "2. Extension", "60 more days · New VPN appliance"],
    ]
    assert table.isVisible() and not dialog.changes.isVisible()
    assert dialog.summary.text() == (
        "2 follow-up records will be appended after the signed report. Apply them?"
    )
    apply = dialog.buttons.button(QDialogButtonBox.StandardButton.Apply)
    assert apply.isEnabled()
    with qtbot.waitSignal(dialog.accepted):
        apply.click()
    worksheet_io.apply_import_plan(ctx, plan)
    records = followup.follow_up_log(ctx, validation_id).records
    assert [(r.number, r.event.value, r.days) for r in records] == [
        (1, "response", None),
        (2, "extension", 60),
    ]


def test_a_problem_keeps_the_records_from_being_applied(
    ctx: AppContext, qtbot: QtBot, tmp_path: Path
) -> None:
    validation_id, path = _filled(ctx, tmp_path)
    plan = worksheet_io.plan_worksheet_import(ctx, validation_id, path)
    plan.problems.append(Problem("Worksheet", 7, "P", worksheet_io.LOCKED))
    dialog = ImportPreviewDialog(plan)
    shown(dialog, qtbot)
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Apply).isEnabled()
    assert dialog.summary.text().startswith("1 problem in acme.xlsx.")


def test_the_main_window_appends_them_and_says_so(
    ctx: AppContext, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    validation_id, path = _filled(ctx, tmp_path)
    window = MainWindow(ctx, ImmediateRunner())
    shown(window, qtbot)
    window.table.selectRow(0)
    assert window.selected_id() == validation_id
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    previewed: list[ImportPlan] = []

    def confirm(plan: ImportPlan, *_args: object) -> bool:
        previewed.append(plan)
        return True

    monkeypatch.setattr(ImportPreviewDialog, "confirm", confirm)
    said: list[str] = []
    window.statusBar().messageChanged.connect(said.append)
    window.menu_actions.import_worksheet.trigger()
    qtbot.waitUntil(lambda: bool(previewed) and previewed[0].applied)
    assert "2 follow-up records appended from acme.xlsx" in said
    assert len(followup.follow_up_log(ctx, validation_id).records) == 2
