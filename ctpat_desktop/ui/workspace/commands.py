"""Undo commands: finding edits (the change dicts they carry: see ledger.py) and steps
already done elsewhere (an evidence removal)."""

from collections.abc import Callable, Mapping
from typing import Any, Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QUndoCommand

from ctpat_desktop.ui.i18n import status_label, translate
from ctpat_desktop.ui.workspace.finding_fields import TYPED
from ctpat_desktop.ui.workspace.ledger import Changes
from ctpat_desktop.worksheet import FindingStatus

# Fields typed a little at a time: consecutive edits of one of them undo as one edit.
_MERGE_IDS = {name: number for number, name in enumerate(TYPED, start=1)}
# The fields in words for the Edit menu, shown through translate("FindingEditCommand", label):
# every field of EDITABLE (a test holds them equal).
FIELD_LABELS = {
    "status": QT_TRANSLATE_NOOP("FindingEditCommand", "status"),
    "reasons": QT_TRANSLATE_NOOP("FindingEditCommand", "reasons"),
    "unmet_parts": QT_TRANSLATE_NOOP("FindingEditCommand", "parts not met"),
    "verified": QT_TRANSLATE_NOOP("FindingEditCommand", "how verified"),
    "note": QT_TRANSLATE_NOOP("FindingEditCommand", "internal note"),
    "report_text": QT_TRANSLATE_NOOP("FindingEditCommand", "text for the report"),
    "action": QT_TRANSLATE_NOOP("FindingEditCommand", "action"),
    "due": QT_TRANSLATE_NOOP("FindingEditCommand", "due date"),
    "response_implemented": QT_TRANSLATE_NOOP("FindingEditCommand", "response"),
    "response_note": QT_TRANSLATE_NOOP("FindingEditCommand", "response"),
    "extension_days": QT_TRANSLATE_NOOP("FindingEditCommand", "extension"),
    "extension_reason": QT_TRANSLATE_NOOP("FindingEditCommand", "extension"),
    "response_accepted": QT_TRANSLATE_NOOP("FindingEditCommand", "decision"),
}


def describe(criterion_id: str, changes: Mapping[str, Any]) -> str:
    """A short text for the Edit menu: what the edit did to which criterion."""
    if "status" in changes:
        return translate("FindingEditCommand", "{criterion}: {status}").format(
            criterion=criterion_id, status=status_label(FindingStatus(changes["status"]))
        )
    labels = sorted(
        {
            translate("FindingEditCommand", str(FIELD_LABELS[name]))
            if name in FIELD_LABELS
            else name
            for name in changes
        }
    )
    return translate("FindingEditCommand", "{criterion}: {fields}").format(
        criterion=criterion_id, fields=", ".join(labels)
    )


class FindingSaver(Protocol):
    """What a command needs from the workspace: a way to save changes to one finding."""

    def save(self, criterion_id: str, changes: Changes, expect: Changes | None = None) -> None:
        """Save the changes (in the background) and show the outcome; with `expect`, only
        if the finding still holds those values (else say so and change nothing)."""


class FindingEditCommand(QUndoCommand):
    """One edit of one finding: redo saves `after`, undo saves `before`."""

    def __init__(
        self, workspace: FindingSaver, criterion_id: str, before: Changes, after: Changes
    ) -> None:
        super().__init__(describe(criterion_id, after))
        self._workspace = workspace
        self.criterion_id = criterion_id
        self.before = dict(before)
        self.after = dict(after)
        self._applied_once = False

    def id(self) -> int:
        """Edits of one typed field share an id so that the undo stack merges them."""
        if len(self.after) == 1:
            (name,) = self.after
            return _MERGE_IDS.get(name, -1)
        return -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Absorb the next edit of the same field of the same criterion."""
        if not isinstance(other, FindingEditCommand) or other.criterion_id != self.criterion_id:
            return False
        self.after = dict(other.after)
        # Typed back to what it was: the edit is gone, and so is its undo step.
        self.setObsolete(self.after == self.before)
        return True

    def redo(self) -> None:
        """Apply the edit (again: only onto what it was undone to)."""
        expect = self.before if self._applied_once else None
        self._applied_once = True
        self._workspace.save(self.criterion_id, self.after, expect)

    def undo(self) -> None:
        """Put back what the edit changed, only if the finding still holds the edit: an
        edit refused, or overwritten since, is not undone over newer values."""
        self._workspace.save(self.criterion_id, self.before, self.after)


class DoneCommand(QUndoCommand):
    """An undoable step already done when pushed (an evidence removal): the first redo
    does nothing; undo and a later redo run the given calls."""

    def __init__(self, text: str, undo: Callable[[], None], redo: Callable[[], None]) -> None:
        super().__init__(text)
        self._undo, self._redo = undo, redo
        self._pushed = False

    def redo(self) -> None:
        """Do it again (not when pushed: it is done already)."""
        if self._pushed:
            self._redo()
        self._pushed = True

    def undo(self) -> None:
        """Take it back."""
        self._undo()
