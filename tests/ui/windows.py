"""Every window and dialog of the app, built as the app builds them, on the demo data.

Shared by the checks that walk them all (accessible names, translations).
"""

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from ctpat_desktop.app import AppContext
from ctpat_desktop.services.demo import create_demo
from ctpat_desktop.services.worksheet_io import ImportPlan
from ctpat_desktop.store.keys import KeyNotHere
from ctpat_desktop.ui.audit_window import AuditWindow
from ctpat_desktop.ui.backlog_window import BacklogWindow
from ctpat_desktop.ui.dashboard_window import DashboardWindow
from ctpat_desktop.ui.feedback_dialog import FeedbackDialog
from ctpat_desktop.ui.i18n import error_text
from ctpat_desktop.ui.import_preview import ImportPreviewDialog
from ctpat_desktop.ui.main_window import MainWindow, _AllActions
from ctpat_desktop.ui.panels.followup_panel import ExtendDueDialog
from ctpat_desktop.ui.recovery_dialog import RecoverDialog, RecoveryCodeDialog
from ctpat_desktop.ui.report_window import ReportWindow
from ctpat_desktop.ui.runner import ImmediateRunner
from ctpat_desktop.ui.sign_dialog import SignDialog
from ctpat_desktop.ui.sync.conflict_dialog import ConflictDialog
from ctpat_desktop.ui.sync.login_dialog import LoginDialog
from ctpat_desktop.ui.validation_dialog import ValidationDialog
from ctpat_desktop.ui.verify_dialog import VerifyDialog
from ctpat_desktop.ui.workspace.workspace_window import ShortcutsDialog, WorkspaceWindow
from ctpat_desktop.ui.workspace_open import open_workspace
from ctpat_desktop.worksheet.followup import FollowUpItem
from ctpat_desktop.worksheet.rules import Outcome

# The classes every_window builds; a new QDialog or QMainWindow must join them.
WINDOW_CLASSES = {
    "MainWindow",
    "WorkspaceWindow",
    "ValidationDialog",
    "ImportPreviewDialog",
    "SignDialog",
    "VerifyDialog",
    "ShortcutsDialog",
    "LoginDialog",
    "ConflictDialog",
    "AuditWindow",
    "ExtendDueDialog",
    "FeedbackDialog",
    "BacklogWindow",
    "RecoveryCodeDialog",
    "RecoverDialog",
}


def shown(window: QWidget, qtbot: QtBot) -> QWidget:
    """The window on (the offscreen) screen, closed when the test ends."""
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def demo_main(ctx: AppContext, qtbot: QtBot, *, demo: bool = True) -> MainWindow:
    """The main window over the demo validations, the first one selected."""
    if demo:
        create_demo(ctx)
    window = MainWindow(ctx, ImmediateRunner())
    shown(window, qtbot)
    window.table.selectRow(0)
    return window


def demo_workspace(ctx: AppContext, main: MainWindow, qtbot: QtBot) -> WorkspaceWindow:
    """The workspace of the main window's selected validation, its side panels built."""
    validation_id = main.selected_id()
    assert validation_id is not None
    window = open_workspace(ctx, ImmediateRunner(), validation_id)
    # Wide enough that no table of its side panels scrolls sideways in either language
    # (a scroll bar shown in one language only would change the widgets walked).
    window.resize(1600, 900)
    shown(window, qtbot)
    qtbot.waitUntil(lambda: window.session is not None and window.side_tabs.count() >= 3)
    return window


def every_window(ctx: AppContext, main: MainWindow, workspace: WorkspaceWindow) -> list[QWidget]:
    """Every window and dialog of the app (19), built as the app builds them."""
    item = FollowUpItem(
        "1.3", "Program", Outcome.REQUIRED_ACTION, "Do it", date(2026, 8, 16), None, None, "", None
    )
    summary = main.model.summary_of(main.selected_id() or "")
    assert summary is not None
    runner = ImmediateRunner()
    return [
        main,
        workspace,
        ValidationDialog(ctx.catalogs.names()),
        ValidationDialog(ctx.catalogs.names(), summary.validation),
        ImportPreviewDialog(ImportPlan(summary.validation.id, Path("worksheet.xlsx"))),
        DashboardWindow(ctx, runner),
        ReportWindow(),
        SignDialog(),
        VerifyDialog(runner),
        ShortcutsDialog(_AllActions(main)),
        ShortcutsDialog(workspace.menu_actions),
        LoginDialog("https://hub.example:8765", "The hub refused the token"),
        ConflictDialog(ctx, runner),
        AuditWindow(ctx, runner),
        ExtendDueDialog(item, 60, "Waiting for parts"),
        FeedbackDialog("Acme Imports"),
        BacklogWindow(ctx, runner),
        RecoveryCodeDialog(RECOVERY_CODE, ctx.data_dir),
        RecoverDialog(error_text(KeyNotHere(_NOT_HERE.format(folder=ctx.data_dir)))),
    ]


# A recovery code as the dialog shows it, and the pattern its field shows: neither is a
# word of any language.
RECOVERY_CODE = "K7QM-2XWD-9PLA-H4TC-8RNE-3VBF-6YJU-5GSZ"
CODE_PATTERN = "XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX"
# What the app says when a data folder's key is missing from this computer's keyring
# (store/keys.py), to build the recovery dialog as the app does.
_NOT_HERE = (
    "{folder}: its key is not in this computer's keyring (another computer or user, or the "
    "keyring was reset); its recovery code opens it: run `ctpat-desktop recover`"
)
