"""The main window's sync: a status in the status bar, Sync now with progress, login."""

from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QProgressBar

from ctpat_desktop.errors import CtpatError
from ctpat_desktop.services import sync_io
from ctpat_desktop.sync.client import AuthError, SyncReport, describe
from ctpat_desktop.ui.runner import Runner
from ctpat_desktop.ui.sync.conflict_dialog import ConflictDialog
from ctpat_desktop.ui.sync.login_dialog import LoginDialog

_NEEDS_LOGIN = "needs login"


def status_text(state: dict[str, Any]) -> str:
    """The status bar's words: what waits, when it last synced, what needs a decision."""
    if not state["server"]:
        return "Sync: no hub set (Sync → Log in to hub…)"
    parts = [f"{state['pending']} change(s) waiting"]
    parts.append(f"last synced {_when(state['last_synced'])}")
    if state["conflicts"]:
        parts.append(f"{state['conflicts']} conflict(s) to resolve")
    if state["last_error"]:
        parts.append("last sync failed")
    return "Sync: " + " · ".join(parts)


def _when(stamp: str) -> str:
    if not stamp:
        return "never"
    return stamp[:16].replace("T", " ") + " UTC"


class SyncController(QObject):
    """Owns the sync actions of a main window and runs syncs on its background runner."""

    progress = Signal(str, int, int)
    synced = Signal(object)  # the SyncReport of a finished sync

    def __init__(self, ctx: Any, runner: Runner, window: QMainWindow) -> None:
        super().__init__(window)
        self._ctx = ctx
        self._runner = runner
        self._window = window
        self._state: dict[str, Any] = {"server": "", "pending": 0, "conflicts": 0}
        self.running = False
        self._stopped = False
        self.login_dialog: LoginDialog | None = None
        self.conflict_dialog: ConflictDialog | None = None
        self.error_box: QMessageBox | None = None
        self.sync_now = QAction("&Sync now", window)
        self.sync_now.setShortcut(QKeySequence("Ctrl+Shift+Y"))
        self.sync_now.setStatusTip("Send this laptop's changes to the hub and get the office's")
        self.log_in = QAction("&Log in to hub…", window)
        self.log_in.setStatusTip("The hub's address and your token")
        self.conflicts = QAction("Resolve &conflicts…", window)
        self.conflicts.setStatusTip("Fields changed here and on the hub: keep one value")
        self.sync_now.triggered.connect(self.start_sync)
        self.log_in.triggered.connect(lambda: self.ask_login(""))
        self.conflicts.triggered.connect(self.show_conflicts)
        self.label = QLabel("Sync: …")
        self.label.setAccessibleName("Sync status")
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.bar = QProgressBar()
        self.bar.setAccessibleName("Sync progress")
        self.bar.setMaximumWidth(180)
        self.bar.hide()
        window.statusBar().addPermanentWidget(self.bar)
        window.statusBar().addPermanentWidget(self.label)
        self.progress.connect(self._on_progress)

    def actions(self) -> list[QAction]:
        """The Sync menu's actions."""
        return [self.sync_now, self.log_in, self.conflicts]

    def stop(self) -> None:
        """The window is closing: queue no more reads (the store closes after it)."""
        self._stopped = True

    def refresh_status(self) -> None:
        """Read pending changes, last sync and conflicts (in the background)."""
        if self._stopped:
            return
        self._runner.run(lambda: sync_io.status(self._ctx), self._show_status, lambda _e: None)

    def _show_status(self, state: dict[str, Any]) -> None:
        self._state = state
        self.label.setText(status_text(state))
        tip = state["last_error"] or f"Hub: {state['server'] or 'none'}"
        self.label.setToolTip(tip)
        self.conflicts.setEnabled(bool(state["conflicts"]))

    def start_sync(self) -> None:
        """Sync now: log in first if there is no token for the hub."""
        if self.running:
            return
        self._run_sync(self._state.get("server") or self._ctx.settings.hub_url or None)

    def _run_sync(self, url: str | None) -> None:
        def work() -> SyncReport | str:
            try:  # no hub or no token yet: the login dialog asks for them
                hub = url or sync_io.hub_url(self._ctx)
                token, _asked = sync_io.hub_token(hub, None)
            except CtpatError:
                return _NEEDS_LOGIN
            return sync_io.sync_now(self._ctx, hub, token, self.progress.emit)

        self.running = True
        self.sync_now.setEnabled(False)
        self.bar.setRange(0, 0)
        self.bar.show()
        self.label.setText("Sync: connecting…")
        self._runner.run(work, self._on_synced, self._on_failed)

    def _finish(self) -> None:
        self.running = False
        self.sync_now.setEnabled(True)
        self.bar.hide()

    def _on_progress(self, stage: str, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.label.setText(f"Sync: {stage} {done}/{total}")

    def _on_synced(self, result: SyncReport | str) -> None:
        self._finish()
        if isinstance(result, str):
            self.ask_login("")
            return
        self._window.statusBar().showMessage(describe(result).splitlines()[0], 10000)
        self.synced.emit(result)
        self.refresh_status()
        if result.new_conflicts:
            self.show_conflicts()

    def _on_failed(self, exc: Exception) -> None:
        self._finish()
        self.refresh_status()
        if isinstance(exc, AuthError):
            self.ask_login(str(exc))
            return
        self._window.statusBar().showMessage(f"Sync failed: {exc}", 15000)
        self.error_box = QMessageBox(
            QMessageBox.Icon.Warning, "Sync failed", str(exc), parent=self._window
        )
        self.error_box.open()

    def ask_login(self, message: str) -> None:
        """Show the login dialog; on success, sync."""
        url = self._state.get("server") or self._ctx.settings.hub_url or ""
        dialog = LoginDialog(url, message, self._window)
        dialog.accepted.connect(lambda: self._on_login_accepted(dialog))
        self.login_dialog = dialog
        dialog.open()

    def _on_login_accepted(self, dialog: LoginDialog) -> None:
        url, token = dialog.values()

        def logged_in(who: dict[str, Any]) -> None:
            where = "the keyring" if who["in_keyring"] else "memory until the app closes"
            self._window.statusBar().showMessage(
                f"Logged in to {url} as {who['user']} ({who['role']}); token kept in {where}",
                10000,
            )
            self._state["server"] = url
            self._run_sync(url)

        self._runner.run(
            lambda: sync_io.log_in(self._ctx, url, token),
            logged_in,
            lambda exc: self.ask_login(f"Not logged in: {exc}"),
        )

    def show_conflicts(self) -> None:
        """Open the conflict dialog."""
        self.conflict_dialog = ConflictDialog(self._ctx, self._runner, self._window)
        self.conflict_dialog.resolved.connect(self.refresh_status)
        self.conflict_dialog.finished.connect(lambda _code: self.refresh_status())
        self.conflict_dialog.open()
