"""Follow-up after signing, as records appended after the signed report: what each record
means, what may follow what, and where a finding's follow-up stands.

One set of rules for the laptop (the service checks a record before storing it) and the
hub (it checks every pushed record against the ones it holds), so neither trusts the other.
A signed finding is never changed: its due date and the response fields it was signed with
are the start, and each record (a response, a decision on it, an extension, the closure)
is appended, numbered 1, 2, 3 … per criterion, in the order it was recorded.
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from ctpat_desktop.catalog import Criterion
from ctpat_desktop.errors import RuleError
from ctpat_desktop.worksheet.model import Finding, FindingStatus
from ctpat_desktop.worksheet.rules import (
    EXTENSION_DAYS,
    MAX_TYPED,
    Outcome,
    classify,
    due_from_issue,
)

_CRITERION = re.compile(r"^(1[0-2]|[1-9])\.[1-9][0-9]?$")
_STAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
MAX_NAME = 200
# Far above any real follow-up (a response, a few extensions, a decision, the closure),
# far below what would make a list, a letter or a sync unmanageable.
MAX_RECORDS = 100


class Event(StrEnum):
    """What one follow-up record says."""

    RESPONSE = "response"  # the member's written response (implemented? and what it says)
    DECISION = "decision"  # the SCSS accepts or rejects the latest response
    EXTENSION = "extension"  # 30, 60, 90 or 120 more days, with the reason
    CLOSURE = "closure"  # the required action is closed (after an accepted response)


@dataclass(frozen=True, slots=True)
class FollowUpRecord:
    """One appended follow-up record."""

    id: str
    validation_id: str
    criterion: str
    number: int
    event: Event
    report_version: int
    note: str = ""
    implemented: bool | None = None
    accepted: bool | None = None
    days: int | None = None
    recorded_at: str = ""
    recorded_by: str = ""

    def fields(self) -> dict[str, Any]:
        """The record's synced fields (all but its id)."""
        return {
            "validation_id": self.validation_id,
            "criterion": self.criterion,
            "number": self.number,
            "event": self.event.value,
            "report_version": self.report_version,
            "note": self.note,
            "implemented": self.implemented,
            "accepted": self.accepted,
            "days": self.days,
            "recorded_at": self.recorded_at,
            "recorded_by": self.recorded_by,
        }


def record_from_fields(record_id: str, fields: Mapping[str, Any]) -> FollowUpRecord:
    """A record from its synced fields, every value checked as if typed (RuleError)."""
    criterion = fields.get("criterion")
    if not isinstance(criterion, str) or not _CRITERION.fullmatch(criterion):
        raise RuleError(f"criterion {criterion!r} is not valid")
    try:
        event = Event(str(fields.get("event")))
    except ValueError:
        allowed = ", ".join(e.value for e in Event)
        raise RuleError(f"follow-up {fields.get('event')!r} is not one of: {allowed}") from None
    number, version = fields.get("number"), fields.get("report_version")
    if type(number) is not int or not 1 <= number <= MAX_RECORDS:
        raise RuleError(f"a follow-up record is numbered 1 to {MAX_RECORDS}")
    if type(version) is not int or version < 1:
        raise RuleError("a follow-up record names the signed report version it follows (1 on)")
    note = fields.get("note")
    if not isinstance(note, str):
        raise RuleError("a follow-up note must be text")
    _check_text(note, "the note", MAX_TYPED)
    stamp, who = fields.get("recorded_at"), fields.get("recorded_by")
    if not isinstance(stamp, str) or not _STAMP.fullmatch(stamp):
        raise RuleError(f"recorded_at {stamp!r} is not a UTC timestamp")
    if not isinstance(who, str) or not who.strip():
        raise RuleError("a follow-up record names who recorded it")
    _check_text(who, "recorded_by", MAX_NAME)
    record = FollowUpRecord(
        id=record_id,
        validation_id=str(fields.get("validation_id")),
        criterion=criterion,
        number=number,
        event=event,
        report_version=version,
        note=note,
        implemented=_flag(fields.get("implemented"), "implemented"),
        accepted=_flag(fields.get("accepted"), "accepted"),
        days=_days(fields.get("days")),
        recorded_at=stamp,
        recorded_by=who,
    )
    check_record_meaning(record)
    return record


def _flag(value: Any, name: str) -> bool | None:
    if value is None or type(value) is bool:
        return value
    raise RuleError(f"{name} must be true, false or null")


def _days(value: Any) -> int | None:
    if value is None or type(value) is int:
        return value
    raise RuleError("an extension's days must be a whole number")


def _check_text(text: str, what: str, limit: int) -> None:
    if len(text) > limit:
        raise RuleError(f"{what} is longer than {limit} characters")
    if _CONTROL.search(text):
        raise RuleError(f"{what} contains control characters")


def check_record_meaning(record: FollowUpRecord) -> None:
    """RuleError unless the record's values fit its event (on their own, before order)."""
    where = f"criterion {record.criterion}"
    _check_text(record.note, "the note", MAX_TYPED)
    if record.event is Event.EXTENSION:
        if record.days not in EXTENSION_DAYS:
            raise RuleError(f"{where}: an extension is 30, 60, 90 or 120 days")
        if not record.note.strip():
            raise RuleError(f"{where}: a due-date extension needs a reason")
    elif record.days is not None:
        raise RuleError(f"{where}: only an extension has days")
    if record.event is Event.RESPONSE:
        if record.implemented is None and not record.note.strip():
            raise RuleError(f"{where}: a response says whether it is implemented or what it says")
    elif record.implemented is not None:
        raise RuleError(f"{where}: only a response says whether it is implemented")
    if record.event is Event.DECISION:
        if record.accepted is None:
            raise RuleError(f"{where}: a decision accepts or rejects the response")
    elif record.accepted is not None:
        raise RuleError(f"{where}: only a decision accepts or rejects")


@dataclass(frozen=True, slots=True)
class Signed:
    """What the signed finding says, the start of its follow-up."""

    criterion: str
    not_met: bool
    required: bool  # a required action (a not-met Must); else a recommendation
    due: date | None
    # The response fields the finding was signed with (a response recorded before signing).
    response_implemented: bool | None = None
    response_note: str = ""
    response_accepted: bool | None = None


def signed_start(
    criterion: Criterion,
    finding: Finding | None,
    validation_date: date | None = None,
    issued_on: date | None = None,
) -> Signed:
    """What the signed finding of a criterion says, as the start of its follow-up: its due
    date as the signed report printed it, counted from the report's issue (issued_on) when
    that is known (worksheet/rules.py due_from_issue), the worksheet's otherwise."""
    finding = finding or Finding(criterion.id)
    due = finding.due
    if due is not None and validation_date is not None and issued_on is not None:
        due = due_from_issue(due, validation_date, issued_on, 0)
    return Signed(
        criterion=criterion.id,
        not_met=finding.status is FindingStatus.NOT_MET,
        required=classify(finding, criterion) is Outcome.REQUIRED_ACTION,
        due=due,
        response_implemented=finding.response_implemented,
        response_note=finding.response_note,
        response_accepted=finding.response_accepted,
    )


@dataclass(frozen=True, slots=True)
class Track:
    """Where one finding's follow-up stands after its records."""

    signed: Signed
    records: tuple[FollowUpRecord, ...]

    @property
    def extensions(self) -> tuple[FollowUpRecord, ...]:
        """The extensions granted after signing, oldest first."""
        return tuple(r for r in self.records if r.event is Event.EXTENSION)

    @property
    def extended_days(self) -> int:
        """The days every extension since signing added, together."""
        return sum(r.days or 0 for r in self.extensions)

    @property
    def due(self) -> date | None:
        """The effective due date: the signed one plus every extension since."""
        if self.signed.due is None:
            return None
        return self.signed.due + timedelta(days=self.extended_days)

    @property
    def response(self) -> tuple[bool | None, str] | None:
        """(implemented, note) of the latest response, or None when there is none."""
        for record in reversed(self.records):
            if record.event is Event.RESPONSE:
                return record.implemented, record.note
        signed = self.signed
        if signed.response_implemented is not None or signed.response_note.strip():
            return signed.response_implemented, signed.response_note
        return None

    @property
    def decision(self) -> bool | None:
        """The decision on the latest response (None: none yet, or a newer response came)."""
        for record in reversed(self.records):
            if record.event is Event.DECISION:
                return record.accepted
            if record.event is Event.RESPONSE:
                return None
        return self.signed.response_accepted

    @property
    def closed(self) -> bool:
        """Closed by a closure record (or, signed before records existed, an acceptance)."""
        if any(r.event is Event.CLOSURE for r in self.records):
            return True
        return not self.records and self.signed.response_accepted is True

    @property
    def state(self) -> str:
        """Where it stands, in words."""
        if self.closed:
            return "closed"
        if self.decision is True:
            return "response accepted: to close" if self.signed.required else "response accepted"
        if self.decision is False:
            return "response rejected: awaiting a new response"
        if self.response is not None:
            return "response received: to review"
        return "awaiting the member's response"

    def overdue(self, today: date) -> bool:
        """Still open after its effective due date."""
        due = self.due
        return due is not None and not self.closed and due < today

    @property
    def next_number(self) -> int:
        """The number the next record of this finding gets."""
        return len(self.records) + 1


def track(signed: Signed, records: Iterable[FollowUpRecord]) -> Track:
    """A finding's follow-up: its records in order (by number, then time and id, so a
    duplicate number pulled from elsewhere still folds the same way on every laptop)."""
    mine = [r for r in records if r.criterion == signed.criterion]
    return Track(signed, tuple(sorted(mine, key=lambda r: (r.number, r.recorded_at, r.id))))


def check_next(current: Track, record: FollowUpRecord) -> None:
    """RuleError unless the record may follow the ones already there (its number included)."""
    check_record_meaning(record)
    where = f"criterion {record.criterion}"
    signed = current.signed
    if not signed.not_met:
        raise RuleError(f"{where}: follow-up is recorded only for a not-met finding")
    if record.number != current.next_number:
        raise RuleError(
            f"{where}: follow-up record {record.number} is out of order; the next is "
            f"{current.next_number} (sync, then record it again)"
        )
    if current.closed:
        raise RuleError(f"{where}: the required action is closed; nothing follows its closure")
    if record.event is Event.EXTENSION:
        if not signed.required:
            raise RuleError(f"{where}: only a required action's due date is extended")
        if signed.due is None:
            raise RuleError(f"{where}: the required action has no due date to extend")
    elif record.event is Event.DECISION:
        if current.response is None or current.decision is not None:
            raise RuleError(f"{where}: there is no member's response to accept or reject yet")
    elif record.event is Event.CLOSURE:
        if not signed.required:
            raise RuleError(f"{where}: only a required action is closed")
        if current.decision is not True:
            raise RuleError(
                f"{where}: a required action is closed once the member's response is accepted"
            )
