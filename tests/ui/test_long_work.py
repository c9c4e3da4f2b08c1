"""Long work from the main window shows progress and can be cancelled: a cancelled export
writes no file, a cancelled import changes nothing, a cancelled preview shows nothing."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from ctpat_desktop.app import AppContext
from ctpat_desktop.services import worksheet_io
from ctpat_desktop.services.demo import create_demo
from ctpat_desktop.ui.import_preview import ImportPreviewDialog
from ctpat_desktop.ui.main_window import MainWindow
from ctpat_desktop.ui.runner import ImmediateRunner
from tests.conftest import dump_database


class HeldRunner(ImmediateRunner):
    """A runner whose work waits until the test lets it run, as if the worker were busy:
    the user can press Cancel meanwhile."""

    def __init__(self) -> None:
        self.held: list[tuple[Callable[[], Any], Any, Any]] = []

    def run(self, work, on_done, on_error) -> None:  # type: ignore[no-untyped-def]
        self.held.append((work, on_done, on_error))

    def release(self) -> None:
        """Run what waits, in order (and what that queues)."""
        while self.held:
            super().run(*self.held.pop(0))


def press_cancel(dialog: QProgressDialog) -> None:
    """Click the progress dialog's Cancel button."""
    (button,) = dialog.findChildren(QPushButton)
    assert button.text() == "Cancel"
    button.click()


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture
def runner() -> HeldRunner:
    return HeldRunner()


@pytest.fixture
def window(ctx: AppContext, qtbot: QtBot, runner: HeldRunner) -> MainWindow:
    create_demo(ctx)
    shown = MainWindow(ctx, runner)
    qtbot.addWidget(shown)
    shown.show()
    runner.release()
    shown.search.setText("Great Lakes")
    shown.table.selectRow(0)
    return shown


def test_a_cancelled_export_writes_no_file(
    window: MainWindow,
    runner: HeldRunner,
    out: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
) -> None:
    target = out / "great-lakes.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.menu_actions.export_worksheet.trigger()
    task = window.transfer.task
    assert task is not None
    assert task.dialog.labelText() == "Exporting the worksheet…"
    assert task.dialog.minimum() == task.dialog.maximum() == 0  # a busy indicator
    qtbot.waitUntil(task.dialog.isVisible)  # shown while the work takes its time
    window.grab().save("/tmp/main-window-export-progress.png")
    task.dialog.grab().save("/tmp/export-progress.png")
    press_cancel(task.dialog)
    runner.release()  # the work finishes after the cancel
    assert list(out.iterdir()) == []
    assert window.statusBar().currentMessage() == "Export cancelled; no file was written"


def test_a_cancelled_export_keeps_the_file_it_would_replace(
    window: MainWindow, runner: HeldRunner, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = out / "great-lakes.xlsx"
    target.write_bytes(b"last week's workbook")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.menu_actions.export_worksheet.trigger()
    assert window.transfer.task is not None
    press_cancel(window.transfer.task.dialog)
    runner.release()
    assert target.read_bytes() == b"last week's workbook"
    assert [p.name for p in out.iterdir()] == ["great-lakes.xlsx"]


def test_an_export_not_cancelled_is_written(
    window: MainWindow, runner: HeldRunner, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = out / "great-lakes.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.menu_actions.export_worksheet.trigger()
    runner.release()
    assert [p.name for p in out.iterdir()] == ["great-lakes.xlsx"]
    assert target.read_bytes()[:2] == b"PK"  # an xlsx is a zip


def test_a_cancelled_import_changes_nothing(
    window: MainWindow,
    runner: HeldRunner,
    ctx: AppContext,
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from openpyxl import load_workbook

    validation_id = window.selected_id()
    assert validation_id is not None
    source = tmp_path / "filled.xlsx"
    worksheet_io.export_worksheet(ctx, validation_id, source)
    book = load_workbook(source)
    sheet = book["Worksheet"]
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 2).value == "1.3")
    sheet.cell(row, 7).value = "Not applicable"
    book.save(source)
    before = dump_database(data_dir)
    previews: list[ImportPreviewDialog] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    monkeypatch.setattr(ImportPreviewDialog, "exec", lambda d: previews.append(d) or 1)
    window.menu_actions.import_worksheet.trigger()
    assert window.transfer.task is not None
    assert window.transfer.task.dialog.labelText() == "Reading the worksheet…"
    press_cancel(window.transfer.task.dialog)
    runner.release()
    assert previews == []  # the plan read after Cancel is never offered
    assert dump_database(data_dir) == before
    assert window.statusBar().currentMessage() == "Import cancelled; nothing was changed"


def test_a_cancelled_preview_opens_no_window(window: MainWindow, runner: HeldRunner) -> None:
    window.menu_actions.preview_report.trigger()
    assert window.report.task is not None
    press_cancel(window.report.task.dialog)
    runner.release()
    assert window.report_window is None
    assert window.statusBar().currentMessage() == "Report preview cancelled"
