"""The finding save's quick paths give exactly what the general ones give: the audit
event's canonical text (hashed into the chain) and the finding replaced or compared field
by field. A difference would break every audit trail or lose a change from the diff."""

import dataclasses
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from ctpat_desktop.store import audit
from ctpat_desktop.worksheet.model import FINDING_MAP, Finding, FindingStatus, Verification

texts = st.text()  # every code point a person or a file may put into a name or a note


@given(
    at=texts,
    actor=texts,
    action=texts,
    kind=texts,
    record_id=texts,
    validation_id=st.none() | texts,
    changes=texts,
)
def test_the_event_text_is_the_canonical_json(
    at: str,
    actor: str,
    action: str,
    kind: str,
    record_id: str,
    validation_id: str | None,
    changes: str,
) -> None:
    event = {
        "at": at,
        "actor": actor,
        "action": action,
        "kind": kind,
        "record_id": record_id,
        "validation_id": validation_id,
        "changes": changes,
    }
    made = audit._canonical_event(at, actor, action, kind, record_id, validation_id, changes)
    assert made == audit._CANONICAL.encode(event)


findings = st.builds(
    Finding,
    criterion=st.sampled_from(["1.1", "4.8", "12.10"]),
    status=st.sampled_from(list(FindingStatus)),
    reasons=st.lists(st.sampled_from(["a", "b", "c"]), max_size=3).map(tuple),
    unmet_parts=st.lists(st.sampled_from(["a", "b"]), max_size=2).map(tuple),
    verified=st.none() | st.sampled_from(list(Verification)),
    note=st.sampled_from(["", "x", "Seal log"]),
    due=st.none() | st.dates(date(2026, 1, 1), date(2027, 12, 31)),
    response_implemented=st.none() | st.booleans(),
    extension_days=st.none() | st.sampled_from([30, 60]),
    response_accepted=st.none() | st.booleans(),
)


@given(old=findings, new=findings)
def test_replaced_and_row_changes_are_replace_and_the_column_diff(
    old: Finding, new: Finding
) -> None:
    changes = {
        f.name: getattr(new, f.name)
        for f in dataclasses.fields(Finding)
        if getattr(new, f.name) != getattr(old, f.name)
    }
    assert FINDING_MAP.replaced(old, changes) == dataclasses.replace(old, **changes)
    assert FINDING_MAP.replaced(old, {}) is old

    before, after = FINDING_MAP.row(old), FINDING_MAP.row(new)
    column_diff = {k: [before[k], after[k]] for k in before if before[k] != after[k]}
    assert FINDING_MAP.row_changes(old, new) == column_diff
