"""Every menu and toolbar action of the main window, with its shortcut, in one place."""

from dataclasses import dataclass, fields

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from ctpat_desktop.ui.i18n import translate


@dataclass(frozen=True)
class MainActions:
    """The main window's actions; the window connects them to its slots."""

    new_validation: QAction
    open_validation: QAction
    edit_validation: QAction
    archive: QAction
    show_archived: QAction
    refresh: QAction
    find: QAction
    export_worksheet: QAction
    import_worksheet: QAction
    dashboard: QAction
    backlog: QAction
    audit_trail: QAction
    high_contrast: QAction
    larger_text: QAction
    smaller_text: QAction
    preview_report: QAction
    submit_review: QAction
    approve: QAction
    return_review: QAction
    sign_report: QAction
    reopen: QAction
    verify_report: QAction
    feedback: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    shortcuts: QAction
    about: QAction

    def all(self) -> list[QAction]:
        """Every action, in menu order, for the keyboard shortcuts list."""
        return [getattr(self, item.name) for item in fields(self)]


def _action(
    parent: QWidget, text: str, shortcut: QKeySequence | None = None, tip: str = ""
) -> QAction:
    action = QAction(text, parent)
    if shortcut is not None:
        action.setShortcut(shortcut)
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    return action


def _checkable(parent: QWidget, text: str, shortcut: QKeySequence | None = None) -> QAction:
    action = QAction(text, parent)
    action.setCheckable(True)
    if shortcut is not None:
        action.setShortcut(shortcut)
    return action


def main_actions(parent: QWidget) -> MainActions:
    """Create the main window's actions."""
    standard = QKeySequence.StandardKey
    return MainActions(
        new_validation=_action(
            parent,
            translate("MainActions", "&New validation…"),
            QKeySequence(standard.New),
            translate("MainActions", "Plan a new validation"),
        ),
        open_validation=_action(
            parent,
            translate("MainActions", "&Open"),
            QKeySequence(standard.Open),
            translate("MainActions", "Open the selected validation"),
        ),
        edit_validation=_action(
            parent,
            translate("MainActions", "Edit &details…"),
            QKeySequence("Ctrl+Shift+D"),
            translate("MainActions", "Member, dates, WebEx, participants"),
        ),
        archive=_action(
            parent, translate("MainActions", "&Archive / unarchive"), QKeySequence("Ctrl+Shift+A")
        ),
        show_archived=_checkable(parent, translate("MainActions", "Show arc&hived validations")),
        refresh=_action(
            parent, translate("MainActions", "&Refresh"), QKeySequence(standard.Refresh)
        ),
        find=_action(parent, translate("MainActions", "&Find"), QKeySequence(standard.Find)),
        export_worksheet=_action(
            parent,
            translate("MainActions", "&Export worksheet…"),
            QKeySequence("Ctrl+E"),
            translate(
                "MainActions", "Write the selected validation's worksheet as an Excel workbook"
            ),
        ),
        import_worksheet=_action(
            parent,
            translate("MainActions", "&Import worksheet…"),
            QKeySequence("Ctrl+I"),
            translate("MainActions", "Read a filled worksheet back into the selected validation"),
        ),
        dashboard=_action(
            parent,
            translate("MainActions", "&Dashboard"),
            QKeySequence("Ctrl+D"),
            translate(
                "MainActions",
                "Deficiencies by category, criterion, reason and mode across validations",
            ),
        ),
        backlog=_action(
            parent,
            translate("MainActions", "&Backlog"),
            QKeySequence("Ctrl+Shift+B"),
            translate(
                "MainActions",
                "Members due for validation, by risk, and who may be validated virtually (hub)",
            ),
        ),
        audit_trail=_action(
            parent,
            translate("MainActions", "A&udit trail"),
            QKeySequence("Ctrl+Shift+T"),
            translate(
                "MainActions",
                "Who changed what, when: every change, old → new, and whether the trail is intact",
            ),
        ),
        high_contrast=_checkable(
            parent, translate("MainActions", "&High contrast"), QKeySequence("Ctrl+Shift+H")
        ),
        larger_text=_action(
            parent,
            translate("MainActions", "Lar&ger text"),
            QKeySequence(standard.ZoomIn),
            translate("MainActions", "Make all text larger"),
        ),
        smaller_text=_action(
            parent,
            translate("MainActions", "S&maller text"),
            QKeySequence(standard.ZoomOut),
            translate("MainActions", "Make all text smaller"),
        ),
        preview_report=_action(
            parent,
            translate("MainActions", "&Preview report"),
            QKeySequence("Ctrl+R"),
            translate("MainActions", "Build a draft of the next report"),
        ),
        submit_review=_action(
            parent,
            translate("MainActions", "Submit for &review"),
            QKeySequence("Ctrl+Shift+R"),
            translate("MainActions", "Hand the finished validation to the supervisor"),
        ),
        approve=_action(
            parent,
            translate("MainActions", "&Approve…"),
            None,
            translate(
                "MainActions", "Supervisor: approve the validation so its report can be signed"
            ),
        ),
        return_review=_action(
            parent,
            translate("MainActions", "Re&turn for changes…"),
            None,
            translate(
                "MainActions",
                "Supervisor: send the validation back to the SCSS, saying what must change",
            ),
        ),
        sign_report=_action(
            parent,
            translate("MainActions", "&Sign and issue report…"),
            QKeySequence("Ctrl+Shift+S"),
            translate("MainActions", "Sign the next report version; this locks the validation"),
        ),
        reopen=_action(
            parent,
            translate("MainActions", "Re&open validation…"),
            None,
            translate("MainActions", "Unlock a signed validation, saying why"),
        ),
        verify_report=_action(
            parent,
            translate("MainActions", "&Verify a report…"),
            None,
            translate("MainActions", "Check a signed report's signature"),
        ),
        feedback=_action(
            parent,
            translate("MainActions", "&Feedback…"),
            None,
            translate(
                "MainActions",
                "After the validation: technology quality, what could not be verified remotely",
            ),
        ),
        quit=_action(parent, translate("MainActions", "&Quit"), QKeySequence(standard.Quit)),
        undo=_action(
            parent,
            translate("MainActions", "&Undo"),
            QKeySequence(standard.Undo),
            translate("MainActions", "Take back the last change of details or archiving"),
        ),
        redo=_action(parent, translate("MainActions", "&Redo"), QKeySequence(standard.Redo)),
        shortcuts=_action(
            parent,
            translate("MainActions", "&Keyboard shortcuts"),
            QKeySequence(standard.HelpContents),
        ),
        about=_action(parent, translate("MainActions", "&About")),
    )
