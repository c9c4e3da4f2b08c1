"""Report → Submit for review, Approve…, Return for changes… in the main window."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from ctpat_desktop.app import AppContext
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.sync.local import LocalSync
from ctpat_desktop.ui.main_window import MainWindow
from ctpat_desktop.ui.runner import ImmediateRunner
from ctpat_desktop.worksheet import Finding, FindingStatus, Lifecycle


def test_submit_approve_and_return_from_the_menu(
    ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    validation = plan_validation(ctx, member="Acme", account="US-1001", entity="importer")
    session = ValidationSession(ctx, validation.id)
    session.replace_findings([Finding(c.id, FindingStatus.MET) for c in session.catalog.criteria])
    window = MainWindow(ctx, ImmediateRunner())
    qtbot.addWidget(window)
    window.select_id(validation.id)
    errors: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: errors.append(text))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Looks complete", True))

    window.menu_actions.submit_review.trigger()
    assert ctx.store.validation(validation.id).status is Lifecycle.IN_REVIEW
    window.menu_actions.approve.trigger()  # an SCSS laptop: refused, with the reason
    assert errors and errors[0].startswith("Only a supervisor approves")
    assert ctx.store.validation(validation.id).status is Lifecycle.IN_REVIEW

    LocalSync(ctx.store).set_state({"hub_role": "supervisor"})
    window.menu_actions.approve.trigger()
    assert ctx.store.validation(validation.id).status is Lifecycle.APPROVED
    assert "can now be signed" in window.statusBar().currentMessage()
    window.menu_actions.return_review.trigger()
    assert ctx.store.validation(validation.id).status is Lifecycle.IN_PROGRESS


def test_view_audit_trail_opens_on_the_selected_validation(ctx: AppContext, qtbot: QtBot) -> None:
    validation = plan_validation(ctx, member="Acme", account="US-1001", entity="importer")
    ValidationSession(ctx, validation.id).record_finding("1.1", status="met")
    window = MainWindow(ctx, ImmediateRunner())
    qtbot.addWidget(window)
    window.select_id(validation.id)
    window.menu_actions.audit_trail.trigger()
    audit = window.audit_window
    assert audit is not None and audit.isVisible()
    qtbot.addWidget(audit)
    assert "intact" in audit.chain_status.text()  # type: ignore[attr-defined]


def test_a_window_left_open_makes_the_days_backup(
    ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import UTC, datetime, timedelta

    from ctpat_desktop.store import backups

    plan_validation(ctx, member="Acme", account="US-1001", entity="importer")
    window = MainWindow(ctx, ImmediateRunner())
    qtbot.addWidget(window)
    assert window._backup_timer.isActive() and window._backup_timer.interval() == 3_600_000
    window.back_up_if_due()
    first = backups.list_backups(ctx.data_dir)
    assert len(first) == 1 and "Backup made" in window.statusBar().currentMessage()
    window.back_up_if_due()  # not due again the same day
    assert backups.list_backups(ctx.data_dir) == first
    tomorrow = datetime.now(UTC) + timedelta(days=1, minutes=1)
    real_is_due = backups.is_due
    monkeypatch.setattr(backups, "is_due", lambda folder, now=None: real_is_due(folder, tomorrow))
    window.back_up_if_due()
    assert len(backups.list_backups(ctx.data_dir)) == 2


def test_reports_and_worksheets_in_the_chosen_language(
    ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import subprocess

    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog

    validation = plan_validation(
        ctx, member="Aceros del Norte", account="MX-1001", entity="importer"
    )
    window = MainWindow(ctx, ImmediateRunner())
    qtbot.addWidget(window)
    window.select_id(validation.id)
    window.output_language.actions["es"].trigger()
    assert window.output_language.current() == "es"
    target = tmp_path / "hoja.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.menu_actions.export_worksheet.trigger()
    assert "Hoja de trabajo" in load_workbook(target).sheetnames
    window.menu_actions.preview_report.trigger()
    assert window.report_window is not None
    draft = tmp_path / "preview.pdf"
    draft.write_bytes(window.report_window.content)
    done = subprocess.run(
        ["pdftotext", str(draft), "-"], capture_output=True, text=True, check=True
    )
    text = done.stdout
    assert "Validación" in text
    # Remembered for the next window.
    later = MainWindow(ctx, ImmediateRunner())
    qtbot.addWidget(later)
    assert later.output_language.current() == "es"
    later.output_language.choose("en")
