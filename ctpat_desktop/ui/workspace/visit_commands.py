"""Undo commands for visit record edits (visit_edits.py), beside the finding's (commands.py).

A visit edit is pushed once it is stored, so the first redo does nothing; undo and a later
redo ask the workspace to put the record back, only onto what the edit left. Choices of
where one criterion was checked in a row (the arrow keys walk the sites) are one step.
"""

from typing import Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QUndoCommand

from ctpat_desktop.records.declare import Declaration, Item
from ctpat_desktop.records.kinds import FINDING_SITE
from ctpat_desktop.ui.i18n import translate
from ctpat_desktop.ui.workspace.visit_edits import VisitEdit

# Beside commands.py's merge ids of typed finding fields (1, 2, …).
_SITE_CHOICE_ID = 100

# What one record of each kind is called, shown through translate("VisitEditCommand", …)
# (records/kinds.py VISIT_KINDS; a test keeps this complete).
KIND_WORDS = {
    "site": QT_TRANSLATE_NOOP("VisitEditCommand", "site"),
    "participant": QT_TRANSLATE_NOOP("VisitEditCommand", "participant"),
    "team_member": QT_TRANSLATE_NOOP("VisitEditCommand", "team member"),
    "document_request": QT_TRANSLATE_NOOP("VisitEditCommand", "document request"),
    "interview": QT_TRANSLATE_NOOP("VisitEditCommand", "interview"),
    "tour_stop": QT_TRANSLATE_NOOP("VisitEditCommand", "tour stop"),
    "finding_site": QT_TRANSLATE_NOOP("VisitEditCommand", "site of criterion"),
    "outcome": QT_TRANSLATE_NOOP("VisitEditCommand", "proposed outcome"),
    "decision": QT_TRANSLATE_NOOP("VisitEditCommand", "decision"),
}


def record_words(kind: Declaration, record: Item) -> str:
    """A record in a few words: its kind and what names it ("site Planta Norte")."""
    said = translate("VisitEditCommand", str(KIND_WORDS[kind.name]))
    title = record.values.get(kind.title.name)
    return f"{said} {' '.join(str(title).split())[:40]}" if title else said


def describe(edit: VisitEdit) -> str:
    """A short text for the Edit menu: what the edit did to which record."""
    record = record_words(edit.kind, edit.record)
    if edit.before is None:
        text = translate("VisitEditCommand", "Add {record}")
    elif edit.after is None:
        text = translate("VisitEditCommand", "Remove {record}")
    else:
        text = translate("VisitEditCommand", "Change {record}")
    return text.format(record=record)


class VisitRestorer(Protocol):
    """What a command needs from the workspace: a way to put a visit record back."""

    def put_back_visit(self, kind: Declaration, have: Item | None, want: Item | None) -> None:
        """Turn the record from `have` into `want` (in the background), only if the store
        still holds `have` (else say so and change nothing)."""


class VisitEditCommand(QUndoCommand):
    """One stored edit of one visit record: undo puts back `before`, redo `after`."""

    def __init__(self, workspace: VisitRestorer, edit: VisitEdit) -> None:
        super().__init__(describe(edit))
        self._workspace = workspace
        self.edit = edit
        self._pushed = False

    def id(self) -> int:
        """Choices of where a criterion was checked share an id: the stack merges them."""
        return _SITE_CHOICE_ID if self.edit.kind is FINDING_SITE else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Absorb the next choice of a site for the same criterion."""
        if not isinstance(other, VisitEditCommand) or other.edit.record.id != self.edit.record.id:
            return False
        self.edit = VisitEdit(self.edit.kind, self.edit.before, other.edit.after)
        self.setText(describe(self.edit))
        # Chosen back to what it was: the edit is gone, and so is its undo step.
        before, after = self.edit.before, self.edit.after
        self.setObsolete((before.values if before else None) == (after.values if after else None))
        return True

    def redo(self) -> None:
        """Do it again (not when pushed: it is stored already)."""
        if self._pushed:
            self._workspace.put_back_visit(self.edit.kind, self.edit.before, self.edit.after)
        self._pushed = True

    def undo(self) -> None:
        """Put back the record as it was before the edit."""
        self._workspace.put_back_visit(self.edit.kind, self.edit.after, self.edit.before)
