"""Start the GUI."""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ctpat_desktop.app import AppContext
from ctpat_desktop.ui.icons import app_icon
from ctpat_desktop.ui.main_window import MainWindow


def run_gui(ctx: AppContext, quit_after: float | None = None) -> int:
    """Show the main window and run the event loop; quit_after closes it by itself."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("ctpat-desktop")
    app.setOrganizationName("ctpat-desktop")
    QApplication.setWindowIcon(app_icon())
    window = MainWindow(ctx)
    window.show()
    if quit_after is not None:
        QTimer.singleShot(int(quit_after * 1000), window.close)
    return app.exec()
