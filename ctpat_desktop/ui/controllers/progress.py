"""Long work with a progress dialog and Cancel: a cancelled task's result is discarded."""

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from ctpat_desktop.ui.runner import Runner

# Below this, work is over before a dialog would be worth showing (Qt's minimumDuration).
SHOW_AFTER_MS = 400


class LongTask(QObject):
    """Runs one piece of work on the runner behind a busy progress dialog.

    Cancel stops waiting at once: the work cannot be interrupted mid-write, so its result is
    discarded when it arrives (`discard` tidies what it left, such as a temporary file) and
    nothing it was for happens. Work that has not started yet sees `cancelled` and can skip.
    """

    def __init__(self, parent: QWidget, runner: Runner, label: str, *, cancellable: bool = True):
        super().__init__(parent)
        self._runner = runner
        self.cancelled = threading.Event()
        self.dialog = QProgressDialog(label, "", 0, 0, parent)  # 0..0: a busy indicator
        self.dialog.setWindowTitle(label)
        self.dialog.setAccessibleName(label)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(SHOW_AFTER_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        if cancellable:
            self.dialog.setCancelButtonText(self.tr("Cancel"))
        else:
            self.dialog.setCancelButton(None)
        self.dialog.canceled.connect(self.cancel)

    def cancel(self) -> None:
        """Stop waiting for the work; its result will be discarded."""
        self.cancelled.set()
        self.dialog.hide()

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None],
        *,
        on_cancelled: Callable[[], None] = lambda: None,
        discard: Callable[[Any], None] = lambda _result: None,
    ) -> None:
        """Run work; on_done or on_error unless cancelled, else discard(result) and
        on_cancelled()."""

        def done(result: Any) -> None:
            self._finish()
            if self.cancelled.is_set():
                discard(result)
                on_cancelled()
            else:
                on_done(result)

        def failed(exc: Exception) -> None:
            self._finish()
            if self.cancelled.is_set():
                on_cancelled()
            else:
                on_error(exc)

        self.dialog.setValue(0)
        self._runner.run(work, done, failed)

    def _finish(self) -> None:
        self.dialog.reset()
        self.dialog.hide()
        self.dialog.deleteLater()
        self.deleteLater()
