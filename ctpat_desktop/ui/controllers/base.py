"""What every controller of the main window shares: the context, the runner, the window."""

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QMessageBox

from ctpat_desktop.app import AppContext
from ctpat_desktop.ui.controllers import error_sentence
from ctpat_desktop.ui.runner import Runner

if TYPE_CHECKING:
    from ctpat_desktop.ui.main_window import MainWindow


class WindowController(QObject):
    """One subject of the main window's work, run on its background runner.

    Its texts keep the main window's translation context ("MainWindow"): they were the
    window's own before it was split, and their translations stay with them.
    """

    def __init__(self, ctx: AppContext, runner: Runner, window: "MainWindow") -> None:
        super().__init__(window)
        self._ctx = ctx
        self._runner = runner
        self._window = window

    def on_error(self, title: str) -> Callable[[Exception], None]:
        """A failure handler: the window idle again and one message saying why."""

        def show(exc: Exception) -> None:
            self._window.idle()
            QMessageBox.critical(self._window, title, error_sentence(exc))

        return show

    def ask_then_run(
        self,
        question: tuple[str, str],
        work: Callable[[AppContext, str, str], object],
        done: str,
        failed: str,
    ) -> None:
        """Ask one line of text about the selected validation, then run work with it."""
        validation_id = self._window.selected_id()
        if validation_id is None:
            return
        text, ok = QInputDialog.getText(self._window, *question)
        if not ok:
            return
        self._runner.run(
            lambda: work(self._ctx, validation_id, text),
            lambda _none: self.changed(done),
            self.on_error(failed),
        )

    def changed(self, message: str) -> None:
        """The store changed: the list reads again and the status bar says what happened."""
        self._window.refresh()
        self._window.statusBar().showMessage(message, 8000)
