"""Worksheet transfer from the main window: export a validation's workbook, import one back."""

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from ctpat_desktop.ui.controllers import counted
from ctpat_desktop.ui.controllers.base import WindowController
from ctpat_desktop.ui.controllers.progress import LongTask
from ctpat_desktop.ui.i18n import translate

if TYPE_CHECKING:
    from ctpat_desktop.services.worksheet_io import ImportPlan


def _partial(target: Path) -> Path:
    """Where an export is written before it takes the chosen name (same folder: a rename)."""
    return target.with_name(f".{target.name}.partial")


class TransferController(WindowController):
    """Export and Import worksheet: file choice, progress with Cancel, preview, apply."""

    task: LongTask | None = None

    def _xlsx_filter(self) -> str:
        return translate("MainWindow", "Excel workbook (*.xlsx)")

    def export_worksheet(self) -> None:
        """Ask where, then write the selected validation's workbook (cancellable)."""
        from ctpat_desktop.services import worksheet_io

        validation_id = self._window.selected_id()
        if validation_id is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self._window,
            translate("MainWindow", "Export worksheet"),
            str(Path.home() / "worksheet.xlsx"),
            self._xlsx_filter(),
        )
        if not name:
            return
        target = Path(name)
        partial = _partial(target)
        language = self._window.output_language.current()

        def write() -> Path:
            worksheet_io.export_worksheet(self._ctx, validation_id, partial, language)
            return partial

        def written(_path: Path) -> None:
            os.replace(partial, target)  # only now does the chosen file change
            self._window.idle(
                translate("MainWindow", "Worksheet written to {path}").format(path=target)
            )

        self._window.busy(translate("MainWindow", "Writing {file}…").format(file=target.name))
        self.task = LongTask(
            self._window, self._runner, translate("MainWindow", "Exporting the worksheet…")
        )
        self.task.run(
            write,
            written,
            self._failed_export(partial),
            on_cancelled=lambda: self._window.idle(
                translate("MainWindow", "Export cancelled; no file was written")
            ),
            discard=lambda _path: partial.unlink(missing_ok=True),
        )

    def _failed_export(self, partial: Path) -> Callable[[Exception], None]:
        show = self.on_error(translate("MainWindow", "Cannot export the worksheet"))

        def failed(exc: Exception) -> None:
            partial.unlink(missing_ok=True)
            show(exc)

        return failed

    def import_worksheet(self) -> None:
        """Ask which workbook, read it (cancellable), preview what it changes, apply."""
        from ctpat_desktop.services import worksheet_io

        validation_id = self._window.selected_id()
        if validation_id is None:
            return
        name, _ = QFileDialog.getOpenFileName(
            self._window,
            translate("MainWindow", "Import worksheet"),
            str(Path.home()),
            self._xlsx_filter(),
        )
        if not name:
            return
        source = Path(name)
        self._window.busy(translate("MainWindow", "Reading {file}…").format(file=source.name))
        self.task = LongTask(
            self._window, self._runner, translate("MainWindow", "Reading the worksheet…")
        )
        self.task.run(
            lambda: worksheet_io.plan_worksheet_import(self._ctx, validation_id, source),
            self._on_import_planned,
            self.on_error(translate("MainWindow", "Cannot import the worksheet")),
            on_cancelled=self._on_import_cancelled,
        )

    def _on_import_cancelled(self) -> None:
        self._window.idle(translate("MainWindow", "Import cancelled; nothing was changed"))

    def _on_import_planned(self, plan: "ImportPlan") -> None:
        from ctpat_desktop.services import worksheet_io
        from ctpat_desktop.ui.import_preview import ImportPreviewDialog

        self._window.idle()
        if not ImportPreviewDialog.confirm(plan, self._window, self._ctx.catalogs.reasons):
            self._on_import_cancelled()
            return
        self._window.busy(translate("MainWindow", "Applying the worksheet…"))
        # One short transaction: all of it or none, so there is nothing to cancel halfway.
        self.task = LongTask(
            self._window,
            self._runner,
            translate("MainWindow", "Applying the worksheet…"),
            cancellable=False,
        )
        self.task.run(
            lambda: worksheet_io.apply_import_plan(self._ctx, plan),
            lambda _none: self._on_import_applied(plan),
            self.on_error(translate("MainWindow", "Cannot apply the worksheet")),
        )

    def _on_import_applied(self, plan: "ImportPlan") -> None:
        count = len(plan.updates)
        text = translate("MainWindow", "%n finding(s) changed from {file}", "", count)
        if plan.followups:
            count = len(plan.followups)
            text = translate("MainWindow", "%n follow-up record(s) appended from {file}", "", count)
        self._window.idle(counted(text, count).format(file=plan.source.name))
        self._window.after_outside_change()
