"""Start the GUI."""

import re
import sys

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, QTimer
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


# The store's questions (ctpat_desktop/store/keys.py), in the windows' language.
_PROMPTS = (
    (
        re.compile(r"Passphrase of the data folder (?P<folder>.+)", re.DOTALL),
        QT_TRANSLATE_NOOP("Main", "Passphrase of the data folder {folder}"),
    ),
    (
        re.compile(r"No keyring works here\. Choose a passphrase for your data"),
        QT_TRANSLATE_NOOP("Main", "No keyring works here. Choose a passphrase for your data"),
    ),
    (
        re.compile(r"Type the passphrase again"),
        QT_TRANSLATE_NOOP("Main", "Type the passphrase again"),
    ),
)


def shown_prompt(prompt: str) -> str:
    """A question of the store in the windows' language (an unknown one as it is)."""
    for pattern, text in _PROMPTS:
        found = pattern.fullmatch(prompt)
        if found:
            return translate("Main", str(text)).format(**found.groupdict())
    return prompt


def ask_passphrase(prompt: str) -> str | None:
    """Ask for the data folder's passphrase (hidden as it is typed); None if cancelled."""
    text, ok = QInputDialog.getText(
        None, "ctpat-desktop", f"{shown_prompt(prompt)}:", QLineEdit.EchoMode.Password
    )
    return text if ok and text else None
