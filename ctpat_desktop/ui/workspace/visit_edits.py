"""Visit record edits the workspace can undo, through services/visit.py like any other.

Each write says what the record was before and after it (`VisitEdit`); an undo or a redo
puts one back only onto the other, as the finding's undo does: if the record changed
meanwhile (here, in another panel, by the command line or a sync) it says so and changes
nothing. A record removed and added back by an undo gets a new ID (the service names new
records); `RecordIds` follows it there, so later undo steps and references still find it.
Plain Python, run on the workspace's runner.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ctpat_desktop.app import AppContext
from ctpat_desktop.errors import StaleEdit
from ctpat_desktop.records.declare import Declaration, Item, Type
from ctpat_desktop.records.kinds import FINDING_SITE, SITE
from ctpat_desktop.services import visit


@dataclass(frozen=True, slots=True)
class VisitEdit:
    """One write of one visit record: the record before it and after it (None: none)."""

    kind: Declaration
    before: Item | None
    after: Item | None

    @property
    def record(self) -> Item:
        """The record the edit is about (as it was made or as it was, if removed)."""
        record = self.after or self.before
        assert record is not None  # an edit changes a record
        return record


class RecordIds:
    """Where records that an undo added back live now (the ID each one had before)."""

    def __init__(self) -> None:
        self._moved: dict[str, str] = {}

    def now(self, record_id: str) -> str:
        """The record's ID today."""
        while record_id in self._moved:
            record_id = self._moved[record_id]
        return record_id

    def moved(self, old: str, new: str) -> None:
        """A record came back under a new ID."""
        if old != new:
            self._moved[old] = new

    def values(self, kind: Declaration, values: Mapping[str, Any]) -> dict[str, Any]:
        """Values with every reference to another record by its ID today."""
        return {
            name: self.now(value)
            if kind.by_name[name].type is Type.REF and isinstance(value, str)
            else value
            for name, value in values.items()
        }


def write(
    ctx: AppContext,
    validation_id: str,
    kind: Declaration,
    record_id: str | None,
    values: Mapping[str, Any],
) -> VisitEdit:
    """Add (record_id None), change or set a record, as the Visit panel's form asks."""
    before = None
    if kind.single:
        before = _current(ctx, validation_id, kind, values, None)
        after = visit.put(ctx, validation_id, kind, values)
    elif record_id is None:
        after = visit.add(ctx, validation_id, kind, values)
    else:
        before = _current(ctx, validation_id, kind, values, record_id)
        after = visit.edit(ctx, validation_id, kind, record_id, values)
    return VisitEdit(kind, before, after)


def remove(ctx: AppContext, validation_id: str, kind: Declaration, record_id: str) -> VisitEdit:
    """Remove a record, as the Visit panel's Remove asks."""
    return VisitEdit(kind, visit.remove(ctx, validation_id, kind, record_id), None)


def choose_site(
    ctx: AppContext, validation_id: str, criterion_id: str, site_id: str | None
) -> VisitEdit | None:
    """Say where a criterion was checked (None: nowhere said): its finding-site record is
    made, changed or removed; None when it already says so."""
    key = {"criterion": criterion_id}
    before = _current(ctx, validation_id, FINDING_SITE, key, None)
    if (before.values["site_id"] if before else None) == site_id:
        return None
    if site_id is None:
        assert before is not None
        return remove(ctx, validation_id, FINDING_SITE, before.id)
    if before is None:
        made = visit.add(ctx, validation_id, FINDING_SITE, {**key, "site_id": site_id})
        return VisitEdit(FINDING_SITE, None, made)
    changed = visit.edit(ctx, validation_id, FINDING_SITE, before.id, {"site_id": site_id})
    return VisitEdit(FINDING_SITE, before, changed)


def put_back(
    ctx: AppContext,
    validation_id: str,
    kind: Declaration,
    have: Item | None,
    want: Item | None,
    ids: RecordIds,
) -> Item | None:
    """Turn the record from `have` (what an edit left, None: no record) into `want`, only
    if the store still holds `have`; StaleEdit, with nothing changed, if not."""
    record = have or want
    assert record is not None
    current = _current(ctx, validation_id, kind, record.values, ids.now(record.id))
    expected = ids.values(kind, have.values) if have is not None else None
    if (current.values if current is not None else None) != expected:
        raise StaleEdit(f"the {kind.label} has changed since that edit")
    # The store checks `have` again in the write's own transaction: a change made between
    # this read and the write is not overwritten either.
    if want is None:
        assert current is not None
        visit.remove(ctx, validation_id, kind, current.id, expect=expected)
        return None
    wanted = ids.values(kind, want.values)
    if kind.single:
        return visit.put(ctx, validation_id, kind, wanted, expect=expected)
    if current is None:
        made = visit.add(ctx, validation_id, kind, wanted)
        ids.moved(ids.now(want.id), made.id)
        return made
    changed = {name: value for name, value in wanted.items() if value != current.values[name]}
    return visit.edit(ctx, validation_id, kind, current.id, changed, expect=expected)


def finding_sites(ctx: AppContext, validation_id: str) -> tuple[list[Item], dict[str, Item]]:
    """The validation's sites, and where each criterion was checked (by criterion)."""
    sites = visit.records(ctx, validation_id, SITE)
    checked = visit.records(ctx, validation_id, FINDING_SITE)
    return sites, {str(item.values["criterion"]): item for item in checked}


def _current(
    ctx: AppContext,
    validation_id: str,
    kind: Declaration,
    values: Mapping[str, Any],
    record_id: str | None,
) -> Item | None:
    """The live record a write is about: a single kind's one, the one with this ID, or
    (no ID) the one its unique fields name (one finding site per criterion)."""
    for item in visit.records(ctx, validation_id, kind):
        if kind.single or item.id == record_id:
            return item
        if (
            record_id is None
            and kind.unique_by
            and all(item.values[n] == values[n] for n in kind.unique_by)
        ):
            return item
    return None
