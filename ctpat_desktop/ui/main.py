"""Start the GUI."""

import re
import sys
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, QLockFile, Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox, QWidget

from ctpat_desktop.app import AppContext
from ctpat_desktop.errors import CtpatError
from ctpat_desktop.scratch import sweep_left_over
from ctpat_desktop.store.keys import RECOVERY_FILE, KeyNotHere
from ctpat_desktop.store.recovery import acknowledge, unshown_code
from ctpat_desktop.ui.i18n import error_text, install_translations, translate, ui_language
from ctpat_desktop.ui.icons import app_icon
from ctpat_desktop.ui.main_window import MainWindow
from ctpat_desktop.ui.recovery_dialog import RecoverDialog, RecoveryCodeDialog
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
    lock = instance_lock(ctx.data_dir)  # held (by this frame) while the app runs
    if lock is None:
        QMessageBox.warning(
            None,
            translate("Main", "Already open"),
            translate(
                "Main",
                "ctpat-desktop is already open on this data folder ({folder}); use that "
                "window. Two windows on one folder would overwrite each other's work.",
            ).format(folder=ctx.data_dir),
        )
        return 1
    sweep_left_over()  # plain copies (opened evidence, drafts) a crashed session left
    try:
        unlock_or_recover(ctx)
    except CtpatError as exc:
        QMessageBox.critical(None, translate("Main", "Cannot open your data"), error_text(exc))
        return 1
    window = MainWindow(ctx)
    window.show()
    offer_recovery_code(ctx, window)
    if quit_after is not None:
        QTimer.singleShot(int(quit_after * 1000), QApplication.closeAllWindows)
    return app.exec()


def unlock_or_recover(ctx: AppContext) -> None:
    """Get the data folder's key; when this computer's keyring lacks it, offer to open the
    folder with its recovery code (asked again after a wrong one, until given up)."""
    try:
        ctx.unlock(ask_passphrase)
    except KeyNotHere as locked:
        if not (ctx.data_dir / RECOVERY_FILE).exists():
            raise
        error = ""
        while True:
            code = RecoverDialog.ask(error_text(locked), error)
            if code is None:
                raise locked from None
            try:
                ctx.recover(code, ask_passphrase)
            except CtpatError as exc:
                error = error_text(exc)
            else:
                break
        ctx.unlock(ask_passphrase)


def offer_recovery_code(ctx: AppContext, parent: QWidget) -> RecoveryCodeDialog | None:
    """Show the folder's recovery code until the person says it is kept elsewhere (a new
    folder's, or one an older folder was just given); None when none waits."""
    code = ctx.new_recovery_code or unshown_code(ctx.data_dir)
    if code is None:
        return None
    dialog = RecoveryCodeDialog(code, ctx.data_dir, parent)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.accepted.connect(lambda: acknowledge(ctx.data_dir))
    dialog.open()
    return dialog


def instance_lock(data_dir: Path) -> QLockFile | None:
    """The data folder's GUI lock, held while the app runs; None if another app holds it.

    A lock left by a process that died is taken over (QLockFile checks its process).
    """
    data_dir.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(data_dir / GUI_LOCK))
    lock.setStaleLockTime(0)
    return lock if lock.tryLock(100) else None


GUI_LOCK = "gui.lock"


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
