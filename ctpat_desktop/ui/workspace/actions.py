"""Every action of the workspace window, with its shortcuts, in one place."""

import re
from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QWidget

from ctpat_desktop.ui.i18n import translate
from ctpat_desktop.worksheet import FindingStatus

_STANDARD = QKeySequence.StandardKey
# Ctrl+digit works anywhere in the window, even while typing; the single letters only in
# the checklist, where a letter would otherwise just jump to a matching row.
STATUS_KEYS = {
    FindingStatus.MET: ("Ctrl+1", "M"),
    FindingStatus.NOT_MET: ("Ctrl+2", "N"),
    FindingStatus.EXCEEDS: ("Ctrl+3", "X"),
    FindingStatus.NOT_APPLICABLE: ("Ctrl+4", "A"),
    FindingStatus.NOT_REVIEWED: ("Ctrl+0", "U"),
}
# Menu texts with their mnemonics, shown through translate("WorkspaceActions", text).
STATUS_TEXTS = {
    FindingStatus.MET: QT_TRANSLATE_NOOP("WorkspaceActions", "&Met"),
    FindingStatus.NOT_MET: QT_TRANSLATE_NOOP("WorkspaceActions", "&Not met"),
    FindingStatus.EXCEEDS: QT_TRANSLATE_NOOP("WorkspaceActions", "E&xceeds (best practice)"),
    FindingStatus.NOT_APPLICABLE: QT_TRANSLATE_NOOP("WorkspaceActions", "Not &applicable"),
    FindingStatus.NOT_REVIEWED: QT_TRANSLATE_NOOP("WorkspaceActions", "Not re&viewed"),
}


@dataclass(frozen=True)
class WorkspaceActions:
    """The workspace window's actions; the window connects them to its slots."""

    status: dict[FindingStatus, QAction]
    checklist_status: dict[FindingStatus, QAction]
    next_criterion: QAction
    previous_criterion: QAction
    next_not_reviewed: QAction
    auto_advance: QAction
    side_panel: QAction
    go_to: QAction
    find: QAction
    undo: QAction
    redo: QAction
    close: QAction
    shortcuts: QAction

    def all(self) -> list[QAction]:
        """Every action, in the order the shortcut list shows them."""
        found: list[QAction] = []
        for item in fields(self):
            value = getattr(self, item.name)
            found.extend(value.values() if isinstance(value, dict) else [value])
        return found


def _action(
    parent: QWidget, text: str, keys: list[QKeySequence] | None = None, tip: str = ""
) -> QAction:
    action = QAction(text, parent)
    if keys:
        action.setShortcuts(keys)
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    return action


def _checkable(action: QAction) -> QAction:
    action.setCheckable(True)
    return action


def _standard(key: QKeySequence.StandardKey) -> list[QKeySequence]:
    return QKeySequence.keyBindings(key)


def workspace_actions(window: QWidget, checklist: QWidget) -> WorkspaceActions:
    """Create the actions; the single-letter ones belong to the checklist widget."""
    status = {}
    checklist_status = {}
    for finding_status, (chord, letter) in STATUS_KEYS.items():
        text = translate("WorkspaceActions", str(STATUS_TEXTS[finding_status]))
        tip = translate("WorkspaceActions", "Set the finding to {status}").format(
            status=text.replace("&", "")
        )
        status[finding_status] = _action(window, text, [QKeySequence(chord)], tip)
        single = _action(checklist, text.replace("&", ""), [QKeySequence(letter)])
        single.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        checklist.addAction(single)
        checklist_status[finding_status] = single
    return WorkspaceActions(
        status=status,
        checklist_status=checklist_status,
        # Not the standard Back/Forward: on Linux they include Backspace and Shift+Backspace.
        next_criterion=_action(
            window,
            translate("WorkspaceActions", "&Next criterion"),
            [QKeySequence("Ctrl+Down"), QKeySequence("Alt+Right")],
        ),
        previous_criterion=_action(
            window,
            translate("WorkspaceActions", "&Previous criterion"),
            [QKeySequence("Ctrl+Up"), QKeySequence("Alt+Left")],
        ),
        next_not_reviewed=_action(
            window,
            translate("WorkspaceActions", "Next n&ot reviewed"),
            [QKeySequence("Ctrl+Shift+Down")],
            translate("WorkspaceActions", "Go to the next criterion without a finding"),
        ),
        auto_advance=_checkable(
            _action(
                window,
                translate("WorkspaceActions", "&Advance after a status key"),
                tip=translate(
                    "WorkspaceActions",
                    "After Met, Exceeds or Not applicable go on to the next criterion",
                ),
            )
        ),
        side_panel=_checkable(
            _action(
                window,
                translate("WorkspaceActions", "&Side panel"),
                [QKeySequence("F6")],
                translate(
                    "WorkspaceActions",
                    "Show or hide Evidence, Session and Follow-up (in a narrow window they "
                    "take the checklist's place)",
                ),
            )
        ),
        go_to=_action(
            window,
            translate("WorkspaceActions", "&Go to criterion…"),
            [QKeySequence("Ctrl+G")],
            translate("WorkspaceActions", "Jump to a criterion by its ID"),
        ),
        find=_action(
            window,
            translate("WorkspaceActions", "&Find"),
            _standard(_STANDARD.Find),
            translate("WorkspaceActions", "Search the criteria"),
        ),
        undo=_action(window, translate("WorkspaceActions", "&Undo"), _standard(_STANDARD.Undo)),
        redo=_action(window, translate("WorkspaceActions", "&Redo"), _standard(_STANDARD.Redo)),
        close=_action(window, translate("WorkspaceActions", "&Close"), _standard(_STANDARD.Close)),
        shortcuts=_action(
            window,
            translate("WorkspaceActions", "&Keyboard shortcuts"),
            _standard(_STANDARD.HelpContents),
        ),
    )


def _typed(sequence: QKeySequence) -> bool:
    """Whether a person types this, rather than pressing a dedicated key such as "Find"."""
    text = sequence.toString(QKeySequence.SequenceFormat.PortableText)
    return len(text) == 1 or "+" in text or re.fullmatch(r"F\d+", text) is not None


class ActionSet(Protocol):
    """Anything that lists its actions (the main window's and the workspace's sets)."""

    def all(self) -> list[QAction]:
        """Every action."""
        ...


def shortcut_rows(
    actions: ActionSet, field_labels: Sequence[QLabel] = ()
) -> list[tuple[str, str, str]]:
    """(what, keys, where) of every shortcut, read from the actions and the field labels."""
    rows = []
    for action in actions.all():
        keys = ", ".join(
            k.toString(QKeySequence.SequenceFormat.NativeText)
            for k in action.shortcuts()
            if _typed(k)
        )
        if not keys:
            continue
        where = (
            translate("WorkspaceActions", "in the checklist")
            if action.shortcutContext() == Qt.ShortcutContext.WidgetShortcut
            else translate("WorkspaceActions", "anywhere")
        )
        rows.append((action.text().replace("&", "").rstrip("…"), keys, where))
    for label in field_labels:
        keys = QKeySequence.mnemonic(label.text()).toString(QKeySequence.SequenceFormat.NativeText)
        if keys and label.buddy() is not None and not label.isHidden():  # (a row not shown)
            what = translate("WorkspaceActions", "Go to {field}").format(
                field=label.text().replace("&", "")
            )
            rows.append((what, keys, translate("WorkspaceActions", "anywhere")))
    return rows
