"""The GUI app, started the way ``ctpat-desktop`` starts it, driven to hold member data in
its hands, then left running until killed.

Run as ``python -m tests.crash.gui_session DATA_DIR VALIDATION_ID CRITERION EVIDENCE_ID
NOTE``. Once the event loop runs it previews the validation's report (kept in memory),
opens its workspace, types NOTE into the criterion's internal note and waits until it is
saved, and opens the evidence ("Open evidence": a decrypted copy for the system's viewer,
whose address is caught instead of starting a viewer). Then it prints one JSON line
(``{"ready": true, "copy": PATH}``) and keeps running.
"""

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ctpat_desktop.app import AppContext
from ctpat_desktop.ui.main import run_gui
from ctpat_desktop.ui.main_window import MainWindow
from ctpat_desktop.ui.panels.evidence_panel import EvidencePanel

WAIT_SECONDS = 60.0


class _Viewer(QObject):
    """Stands in for the system's viewer: keeps the addresses it was asked to open."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url)


def _wait(what: str, done: Callable[[], object]) -> None:
    """Run the event loop until done() is true (as qtbot.waitUntil does)."""
    deadline = time.monotonic() + WAIT_SECONDS
    while not done():
        if time.monotonic() > deadline:
            raise SystemExit(f"gave up waiting: {what}")
        QApplication.processEvents()
        QTest.qWait(10)


def _drive(ctx: AppContext, args: list[str], viewer: _Viewer) -> None:
    validation_id, criterion, evidence_id, note = args
    main = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
    _wait("the validation list", lambda: main.model.summary_of(validation_id) is not None)
    main.select_id(validation_id)
    main.menu_actions.preview_report.trigger()
    _wait("the report preview", lambda: main.report_window is not None)
    assert main.report_window is not None
    _wait("the report preview", lambda: main.report_window.content.startswith(b"%PDF"))

    main.open_selected()
    workspace = main.workspaces[validation_id]
    _wait("the workspace", lambda: workspace.session is not None and workspace.side_tabs.count())
    workspace.go_to(criterion)
    workspace.editor.note.setFocus()
    QTest.keyClicks(workspace.editor.note, note)
    workspace.editor.flush()
    _wait("the note saved", lambda: ctx.store.findings(validation_id)[criterion].finding.note)

    tabs = workspace.side_tabs
    panel = next(
        p for p in (tabs.widget(i) for i in range(tabs.count())) if isinstance(p, EvidencePanel)
    )
    _wait("the evidence list", lambda: panel.model.row_of(evidence_id) is not None)
    panel.select_id(evidence_id)
    panel.open_action.trigger()
    _wait("the evidence opened", lambda: viewer.opened)
    print(json.dumps({"ready": True, "copy": viewer.opened[0].toLocalFile()}), flush=True)


def main(argv: list[str]) -> int:
    """Start the app as the command line does, drive it once the event loop runs."""
    data_dir, *rest = argv
    app = QApplication(sys.argv[:1])
    viewer = _Viewer()
    QDesktopServices.setUrlHandler("file", viewer, "open")
    ctx = AppContext(Path(data_dir))
    QTimer.singleShot(0, lambda: _drive(ctx, rest, viewer))
    code = run_gui(ctx)
    del app
    return code


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
