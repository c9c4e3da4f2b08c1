"""Start the GUI."""

import sys

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox

from ctpat_desktop.app import AppContext
from ctpat_desktop.errors import CtpatError
from ctpat_desktop.ui.i18n import install_translations, translate, ui_language
from ctpat_desktop.ui.icons import app_icon
from ctpat_desktop.ui.main_window import MainWindow
from ctpat_desktop.ui.theme import apply_theme


def run_gui(ctx: AppContext, quit_after: float | None = None) -> int:
    """Show the main window and run the event loop; quit_after closes it by itself."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("ctpat-desktop")
    app.setOrganizationName("ctpat-desktop")
    QApplication.setWindowIcon(app_icon())
    if isinstance(app, QApplication):
        apply_theme(app, ctx.settings.high_contrast, ctx.settings.font_scale)
    language = install_translations(app, ctx.resources, ui_language(ctx.settings.language))
    QLocale.setDefault(QLocale(language))  # month names and numbers in date pickers
    # The data folder's key, before any window needs the store: where no keyring works the
    # passphrase is asked for here, on the GUI thread, and kept in memory only.
    try:
        ctx.unlock(ask_passphrase)
    except CtpatError as exc:
        QMessageBox.critical(None, translate("Main", "Cannot open your data"), str(exc))
        return 1
    window = MainWindow(ctx)
    window.show()
    if quit_after is not None:
        QTimer.singleShot(int(quit_after * 1000), window.close)
    return app.exec()


def ask_passphrase(prompt: str) -> str | None:
    """Ask for the data folder's passphrase (hidden as it is typed); None if cancelled."""
    text, ok = QInputDialog.getText(
        None, "ctpat-desktop", f"{prompt}:", QLineEdit.EchoMode.Password
    )
    return text if ok and text else None
