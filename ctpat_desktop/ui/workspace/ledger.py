"""The workspace's edit ledger: what it knows of each finding, without a window.

For each criterion the ledger holds the finding as stored and its revision, the changes
sent and not yet answered (in order), a draft the rules refused (kept, never dropped,
until a later edit makes it valid) and the problem to show. From these it answers what
the store will hold once the saves under way are done (`expected`), what the editor
shows (`view`), which revision the next save is based on, and, after a read from the
store, which findings changed elsewhere. The window turns its answers into pixels; the
tests run it without a display.

A change dict names the finding fields it sets: `status` and `verified` hold their
vocabulary values (`verified` None means not stated), `reasons` and `unmet_parts` tuples
of codes, `due` a date or None, and the text fields their text. Unlike `record_finding`,
None here means "set to nothing", so an undo can put back an empty value.
"""

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from ctpat_desktop.store import FindingRecord
from ctpat_desktop.ui.workspace.finding_fields import EDITABLE, LISTS
from ctpat_desktop.worksheet import Finding, FindingStatus, Verification, with_status
from ctpat_desktop.worksheet.rules import NOT_MET_ONLY

Changes = dict[str, Any]


def apply_changes(finding: Finding, changes: Mapping[str, Any]) -> Finding:
    """The finding with the changes applied, as record_finding applies them."""
    updated = (
        with_status(finding, FindingStatus(changes["status"])) if "status" in changes else finding
    )
    fields: dict[str, Any] = {}
    for name, value in changes.items():
        if name == "status":
            continue
        if name == "verified":
            fields[name] = Verification(value) if value else None
        elif name in LISTS:
            fields[name] = tuple(value)
        else:
            fields[name] = value
    return replace(updated, **fields)


def values_of(finding: Finding, names: Iterable[str]) -> Changes:
    """The named fields of a finding as a change dict that would restore them."""
    values: Changes = {}
    for name in names:
        value = getattr(finding, name)
        if name == "status":
            value = value.value
        elif name == "verified":
            value = value.value if value is not None else None
        values[name] = value
    return values


def affected_fields(changes: Mapping[str, Any]) -> list[str]:
    """Every field the changes may alter, in a fixed order (a status change clears some)."""
    names = set(changes)
    if "status" in names:
        names.update(NOT_MET_ONLY)
    return [name for name in EDITABLE if name in names]


class EditLedger:
    """Findings as stored, saves under way, refused drafts and problems, by criterion."""

    def __init__(self) -> None:
        self._stored: dict[str, Finding] = {}
        # The stored revision of each finding: an edit says which one it was made on, so
        # a finding changed meanwhile elsewhere is never overwritten (StaleEdit).
        self._revs: dict[str, int] = {}
        self._in_flight: dict[str, list[Changes]] = {}
        self._drafts: dict[str, Changes] = {}
        self._problems: dict[str, str] = {}
        self.saving = 0  # saves sent and not yet answered, over all criteria

    def load(self, records: Mapping[str, FindingRecord]) -> None:
        """Start from what the store holds."""
        self._stored = {cid: record.finding for cid, record in records.items()}
        self._revs = {cid: record.rev for cid, record in records.items()}

    # What is known ----------------------------------------------------------------------

    def stored(self, criterion_id: str) -> Finding:
        """The finding as last read from or written to the store."""
        return self._stored.get(criterion_id) or Finding(criterion_id)

    def statuses(self) -> dict[str, FindingStatus]:
        """The stored status of every finding."""
        return {cid: finding.status for cid, finding in self._stored.items()}

    def expected(self, criterion_id: str) -> Finding:
        """The finding as the store will hold it once the saves under way are done."""
        finding = self.stored(criterion_id)
        for changes in self._in_flight.get(criterion_id, ()):
            finding = apply_changes(finding, changes)
        return finding

    def view(self, criterion_id: str) -> Finding:
        """The finding as the editor shows it: expected, with any unsaved draft on top."""
        return apply_changes(self.expected(criterion_id), self._drafts.get(criterion_id, {}))

    def busy(self, criterion_id: str) -> bool:
        """Whether saves of this finding are under way."""
        return bool(self._in_flight.get(criterion_id))

    def problem(self, criterion_id: str) -> str:
        """Why the last edit of this finding was not saved ("" when it was)."""
        return self._problems.get(criterion_id, "")

    def set_problem(self, criterion_id: str, text: str) -> None:
        """Say why an edit was not saved or not undone ("" forgets it)."""
        if text:
            self._problems[criterion_id] = text
        else:
            self._problems.pop(criterion_id, None)

    def has_draft(self, criterion_id: str | None = None) -> bool:
        """Whether this criterion (or any) has an edit the rules refused."""
        return bool(self._drafts) if criterion_id is None else criterion_id in self._drafts

    def unsaved(self) -> dict[str, str]:
        """Criteria whose last edit is not saved, with the reason."""
        return {cid: self.problem(cid) for cid in self._drafts}

    # Edits ------------------------------------------------------------------------------

    def take_draft(self, criterion_id: str, changes: Changes) -> Changes:
        """The new changes on top of the criterion's refused draft (which is taken);
        its problem is forgotten until the merged edit is checked again."""
        self._problems.pop(criterion_id, None)
        return {**self._drafts.pop(criterion_id, {}), **changes}

    def keep_draft(self, criterion_id: str, changes: Changes, problem: str) -> None:
        """Keep an edit the rules refuse, with why, until a later edit makes it valid."""
        self._drafts[criterion_id] = changes
        self._problems[criterion_id] = problem

    def send(self, criterion_id: str, changes: Changes) -> int | None:
        """A save is sent: the revision it is based on. The first save of a burst names
        the revision shown; the ones after it build on it (None), written in order."""
        based_on = None if self.busy(criterion_id) else self._revs.get(criterion_id, 0)
        self._in_flight.setdefault(criterion_id, []).append(changes)
        self.saving += 1
        return based_on

    def saved(self, criterion_id: str, record: FindingRecord) -> None:
        """The oldest save under way of this finding was written: the store holds this."""
        self._in_flight[criterion_id].pop(0)
        self.saving -= 1
        self._stored[criterion_id] = record.finding
        self._revs[criterion_id] = record.rev

    def failed(self, criterion_id: str, changes: Changes, problem: str, *, stale: bool) -> None:
        """The oldest save under way was refused. A stale edit (the finding changed
        elsewhere) is dropped, or the next edit would overwrite it blindly; any other
        refusal keeps what the user asked for as a draft, retried with the next edit."""
        self._in_flight[criterion_id].pop(0)
        self.saving -= 1
        self._problems[criterion_id] = problem
        if not stale:
            self._drafts[criterion_id] = {**changes, **self._drafts.get(criterion_id, {})}

    def reread(self, records: Mapping[str, FindingRecord]) -> list[str]:
        """Take in a fresh read of the store: the criteria whose finding changed there.
        Criteria with saves under way keep theirs (their answers are coming)."""
        changed = []
        for criterion_id, record in records.items():
            if self.busy(criterion_id) or self._revs.get(criterion_id) == record.rev:
                continue
            self._stored[criterion_id] = record.finding
            self._revs[criterion_id] = record.rev
            changed.append(criterion_id)
        return changed
