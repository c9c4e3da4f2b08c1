"""The main window's sync: a status in the status bar, Sync now with progress, login."""

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QProgressBar

from ctpat_desktop.errors import CtpatError
from ctpat_desktop.services import sync_io
from ctpat_desktop.ui.controllers import counted, error_sentence
from ctpat_desktop.ui.i18n import error_text, local_moment, translate
from ctpat_desktop.ui.runner import Runner

if TYPE_CHECKING:  # the sync client and dialogs are imported when first used: the list
    # shows sooner
    from ctpat_desktop.sync.client import SyncReport
    from ctpat_desktop.ui.sync.conflict_dialog import ConflictDialog
    from ctpat_desktop.ui.sync.login_dialog import LoginDialog

_NEEDS_LOGIN = "needs login"


class SyncStopped(CtpatError):
    """The person stopped the sync between two of its steps."""


# The stages a sync reports its progress in (sync.client).
_STAGES = {
    "push": QT_TRANSLATE_NOOP("SyncController", "push"),
    "upload evidence": QT_TRANSLATE_NOOP("SyncController", "upload evidence"),
    "pull": QT_TRANSLATE_NOOP("SyncController", "pull"),
    "upload signed documents": QT_TRANSLATE_NOOP("SyncController", "upload signed documents"),
    "download signed documents": QT_TRANSLATE_NOOP("SyncController", "download signed documents"),
}


def _when(stamp: str) -> str:
    """A stored UTC time as the user's clock and locale say it."""
    if not stamp:
        return translate("SyncController", "never")
    return local_moment(stamp)


class SyncController(QObject):
    """Owns the sync actions of a main window and runs syncs on its background runner."""

    progress = Signal(str, int, int)
    synced = Signal(object)  # the SyncReport of a finished sync
    changed = Signal()  # records changed here without a sync (a conflict resolved)

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
        self.sync_now = QAction(self.tr("&Sync now"), window)
        self.sync_now.setShortcut(QKeySequence("Ctrl+Shift+Y"))
        self.sync_now.setStatusTip(
            self.tr("Send this laptop's changes to the hub and get the office's")
        )
        self.log_in = QAction(self.tr("&Log in to hub…"), window)
        self.log_in.setStatusTip(self.tr("The hub's address and your token"))
        self.stop_sync = QAction(self.tr("S&top the sync"), window)
        self.stop_sync.setStatusTip(
            self.tr("Stop after the step under way; what was sent is kept, Sync now goes on")
        )
        self.stop_sync.setEnabled(False)
        self.stop_sync.triggered.connect(self.stop_running_sync)
        self._cancel = False
        self.conflicts = QAction(self.tr("Resolve &conflicts…"), window)
        self.conflicts.setStatusTip(self.tr("Fields changed here and on the hub: keep one value"))
        self.sync_now.triggered.connect(self.start_sync)
        self.log_in.triggered.connect(lambda: self.ask_login(""))
        self.conflicts.triggered.connect(self.show_conflicts)
        self.label = QLabel(self.tr("Sync: …"))
        self.label.setAccessibleName(self.tr("Sync status"))
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.bar = QProgressBar()
        self.bar.setAccessibleName(self.tr("Sync progress"))
        self.bar.setMaximumWidth(180)
        self.bar.hide()
        window.statusBar().addPermanentWidget(self.bar)
        window.statusBar().addPermanentWidget(self.label)
        self.progress.connect(self._on_progress)

    def actions(self) -> list[QAction]:
        """The Sync menu's actions."""
        return [self.sync_now, self.stop_sync, self.log_in, self.conflicts]

    def stop_running_sync(self) -> None:
        """Stop the sync under way between two of its steps (a batch pushed, a page
        pulled): what is done stays done and consistent, the next sync goes on from it."""
        if self.running:
            self._cancel = True
            self.label.setText(self.tr("Sync: stopping…"))

    def stop(self) -> None:
        """The window is closing: queue no more reads (the store closes after it)."""
        self._stopped = True

    def refresh_status(self) -> None:
        """Read pending changes, last sync and conflicts (in the background)."""
        if self._stopped:
            return
        self._runner.run(lambda: sync_io.status(self._ctx), self._show_status, lambda _e: None)

    def status_text(self, state: dict[str, Any]) -> str:
        """The status bar's words: what waits, when it last synced, what needs a decision."""
        if not state["server"]:
            return self.tr("Sync: no hub set (Sync → Log in to hub…)")
        pending, conflicts = int(state["pending"]), int(state["conflicts"])
        parts = [counted(self.tr("%n change(s) waiting", "", pending), pending)]
        parts.append(self.tr("last synced {when}").format(when=_when(state["last_synced"])))
        if conflicts:
            parts.append(counted(self.tr("%n conflict(s) to resolve", "", conflicts), conflicts))
        if state["last_error"]:
            parts.append(self.tr("last sync failed"))
        return self.tr("Sync: {parts}").format(parts=" · ".join(parts))

    def _show_status(self, state: dict[str, Any]) -> None:
        self._state = state
        self.label.setText(self.status_text(state))
        server = state["server"] or self.tr("none")
        tip = state["last_error"] or self.tr("Hub: {server}").format(server=server)
        self.label.setToolTip(tip)
        self.conflicts.setEnabled(bool(state["conflicts"]))

    def start_sync(self) -> None:
        """Sync now: log in first if there is no token for the hub."""
        if self.running:
            return
        self._run_sync(self._state.get("server") or self._ctx.settings.hub_url or None)

    def _run_sync(self, url: str | None) -> None:
        def work() -> "SyncReport | str":
            try:  # no hub or no token yet: the login dialog asks for them
                hub = url or sync_io.hub_url(self._ctx)
                token, _asked = sync_io.hub_token(hub, None)
            except CtpatError:
                return _NEEDS_LOGIN
            return sync_io.sync_now(self._ctx, hub, token, told)

        def told(stage: str, done: int, total: int) -> None:
            if self._cancel:  # between two steps: nothing half done
                raise SyncStopped("stopped")
            self.progress.emit(stage, done, total)

        self.running = True
        self._cancel = False
        self.stop_sync.setEnabled(True)
        self.sync_now.setEnabled(False)
        self.bar.setRange(0, 0)
        self.bar.show()
        self.label.setText(self.tr("Sync: connecting…"))
        self._runner.run(work, self._on_synced, self._on_failed)

    def _finish(self) -> None:
        self.running = False
        self._cancel = False
        self.stop_sync.setEnabled(False)
        self.sync_now.setEnabled(True)
        self.bar.hide()

    def _on_progress(self, stage: str, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        words = translate("SyncController", str(_STAGES[stage])) if stage in _STAGES else stage
        self.label.setText(
            self.tr("Sync: {stage} {done}/{total}").format(stage=words, done=done, total=total)
        )

    def _on_synced(self, result: "SyncReport | str") -> None:
        from ctpat_desktop.sync.client import describe

        self._finish()
        if isinstance(result, str):
            self.ask_login("")
            return
        self._window.statusBar().showMessage(describe(result).splitlines()[0], 10000)
        self.synced.emit(result)
        self.refresh_status()
        if result.rejected:
            self.show_refused(result)
        elif result.new_conflicts:
            self.show_conflicts()

    def show_refused(self, report: "SyncReport") -> None:
        """Say which changes the hub refused, why, and what to do (the rest is synced)."""
        lines = [
            self.tr("{kind} {id}: {error}").format(kind=r["kind"], id=r["id"][:8], error=r["error"])
            for r in report.rejected[:20]
        ]
        self.error_box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Changes refused by the hub"),
            counted(
                self.tr(
                    "The hub refused %n change(s); everything else was synced. They stay on "
                    "this laptop: correct what the hub names (for another office, set the "
                    "validation's office in Edit validation; for a value, change it in the "
                    "workspace) and sync again.",
                    "",
                    len(report.rejected),
                ),
                len(report.rejected),
            ),
            parent=self._window,
        )
        self.error_box.setDetailedText("\n".join(lines))
        self.error_box.open()

    def _on_failed(self, exc: Exception) -> None:
        from ctpat_desktop.sync.client import AuthError

        self._finish()
        self.refresh_status()
        if isinstance(exc, SyncStopped):
            self._window.statusBar().showMessage(
                self.tr("Sync stopped: what was sent is kept; Sync now goes on from there"),
                15000,
            )
            return
        if isinstance(exc, AuthError):
            self.ask_login(error_text(exc))
            return
        self._window.statusBar().showMessage(
            self.tr("Sync failed: {error}").format(error=error_text(exc)), 15000
        )
        self.error_box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Sync failed"),
            error_sentence(exc),
            parent=self._window,
        )
        self.error_box.open()

    def ask_login(self, message: str) -> None:
        """Show the login dialog; on success, sync."""
        url = self._state.get("server") or self._ctx.settings.hub_url or ""
        from ctpat_desktop.ui.sync.login_dialog import LoginDialog

        dialog = LoginDialog(url, message, self._window)
        dialog.accepted.connect(lambda: self._on_login_accepted(dialog))
        self.login_dialog = dialog
        dialog.open()

    def _on_login_accepted(self, dialog: "LoginDialog") -> None:
        url, token = dialog.values()

        def logged_in(who: dict[str, Any]) -> None:
            text = (
                self.tr("Logged in to {hub} as {user} ({role}); token kept in the keyring")
                if who["in_keyring"]
                else self.tr(
                    "Logged in to {hub} as {user} ({role}); "
                    "token kept in memory until the app closes"
                )
            )
            self._window.statusBar().showMessage(
                text.format(hub=url, user=who["user"], role=who["role"]), 10000
            )
            self._state["server"] = url
            self._run_sync(url)

        self._runner.run(
            lambda: sync_io.log_in(self._ctx, url, token),
            logged_in,
            lambda exc: self.ask_login(
                self.tr("Not logged in: {error}").format(error=error_text(exc))
            ),
        )

    def show_conflicts(self) -> None:
        """Open the conflict dialog."""
        from ctpat_desktop.ui.sync.conflict_dialog import ConflictDialog

        self.conflict_dialog = ConflictDialog(self._ctx, self._runner, self._window)
        self.conflict_dialog.resolved.connect(self.refresh_status)
        self.conflict_dialog.resolved.connect(self.changed)
        self.conflict_dialog.finished.connect(lambda _code: self.refresh_status())
        self.conflict_dialog.open()
