"""Follow-up after signing, without a reopen: the member's responses, the SCSS's decisions,
due-date extensions and closures, each a record appended after the signed report.

The signed findings and the signed report stay as they were (`verify` still passes); each
record is checked against the ones before it (sync/followup_rules.py, as the hub checks
it), stored with its audit event in one transaction, and synced (kind "followup"). The
CLI (`followup …`), the GUI's follow-up panel and the tests all call these functions.
"""

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from ctpat_desktop.app import AppContext
from ctpat_desktop.catalog import Catalog
from ctpat_desktop.errors import CtpatError, NotFoundError, RuleError
from ctpat_desktop.store import followups, utc_now
from ctpat_desktop.store.driver import sqlite
from ctpat_desktop.sync.followup_rules import (
    Event,
    FollowUpRecord,
    Track,
    check_next,
    signed_start,
    track,
)
from ctpat_desktop.worksheet import FindingStatus, Lifecycle, classify, lifecycle
from ctpat_desktop.worksheet.rules import Outcome


@dataclass(frozen=True, slots=True)
class Tracked:
    """One not-met finding of the signed report and where its follow-up stands."""

    criterion: str
    title: str
    outcome: Outcome
    action: str
    track: Track


@dataclass(frozen=True, slots=True)
class FollowUpLog:
    """A validation's follow-up: its status, the signed version followed, every item."""

    validation_id: str
    status: Lifecycle
    report_version: int  # the last signed report's version; 0 before any is signed
    items: tuple[Tracked, ...]

    @property
    def open(self) -> bool:
        """Whether follow-up records may be appended now (signed, with its report)."""
        return lifecycle.is_locked(self.status) and self.report_version > 0

    @property
    def records(self) -> tuple[FollowUpRecord, ...]:
        """Every record, by criterion and number."""
        return tuple(r for item in self.items for r in item.track.records)

    def item(self, criterion: str) -> Tracked | None:
        """The item of one criterion, if it has one."""
        return next((i for i in self.items if i.criterion == criterion), None)


def _catalog(ctx: AppContext, validation_id: str) -> tuple[str, Catalog]:
    store = ctx.store
    validation = store.validation(store.resolve_id(validation_id))
    return validation.id, store.pinned_catalog(validation.entity, validation.catalog_version)


def follow_up_log(ctx: AppContext, validation_id: str) -> FollowUpLog:
    """Every not-met finding of a validation with its follow-up records."""
    full_id, catalog = _catalog(ctx, validation_id)
    with ctx.store.transaction() as conn:
        status, version = followups.signed_state(conn, full_id)
        records = followups.followups(conn, full_id)
        recorded = ctx.store.findings(full_id)
        issued = followups.issued_on(conn, full_id)
    visited = ctx.store.validation(full_id).date
    items = []
    for criterion in catalog.criteria:
        record = recorded.get(criterion.id)
        if record is None or record.finding.status is not FindingStatus.NOT_MET:
            continue
        outcome = classify(record.finding, criterion)
        assert outcome is not None  # a not-met finding is an action or a recommendation
        items.append(
            Tracked(
                criterion.id,
                criterion.title,
                outcome,
                record.finding.action,
                track(signed_start(criterion, record.finding, visited, issued), records),
            )
        )
    return FollowUpLog(full_id, Lifecycle(status), version, tuple(items))


@dataclass(frozen=True, slots=True)
class Wanted:
    """A record to append, before it has a number, an id and a time."""

    event: Event
    note: str = ""
    implemented: bool | None = None
    accepted: bool | None = None
    days: int | None = None


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why one wanted record may not be appended: its criterion, its place among the
    criterion's wanted records (those after it are not checked), and the rule it breaks."""

    criterion: str
    index: int
    error: CtpatError


def _not_in(catalog: Catalog, criterion_id: str) -> NotFoundError:
    return NotFoundError(
        f"criterion '{criterion_id}' is not in the {catalog.name} catalog {catalog.version}"
    )


def _check_signed(status: str, version: int) -> None:
    """RuleError unless follow-up may be appended to a validation in this state."""
    if not lifecycle.is_locked(Lifecycle(status)):
        raise RuleError(
            f"the validation is {status.replace('-', ' ')}: follow-up is appended after its "
            "report is signed (until then the finding itself holds the member's response)",
            code="followup-unsigned",
            values={"status": status},
        )
    if version == 0:
        raise RuleError(
            "no signed report of this validation is recorded in this data folder: sync first",
            code="followup-no-report",
        )


def _checked(
    ctx: AppContext,
    conn: sqlite.Connection,
    full_id: str,
    catalog: Catalog,
    wanted: Mapping[str, Sequence[Wanted]],
) -> tuple[list[FollowUpRecord], list[Refusal]]:
    """The records the wanted ones become, each checked after those before it, and the
    refusals (a criterion's first refused record, or its criterion, stops it)."""
    status, version = followups.signed_state(conn, full_id)
    _check_signed(status, version)
    now = utc_now()
    recorded = ctx.store.findings(full_id)
    stored = followups.followups(conn, full_id)
    issued = followups.issued_on(conn, full_id)
    visited = ctx.store.validation(full_id).date
    records: list[FollowUpRecord] = []
    refusals: list[Refusal] = []
    for criterion_id, items in wanted.items():
        criterion = catalog.get(criterion_id)
        if criterion is None:
            refusals.append(Refusal(criterion_id, 0, _not_in(catalog, criterion_id)))
            continue
        finding = recorded.get(criterion.id)
        signed = signed_start(criterion, finding.finding if finding else None, visited, issued)
        current = track(signed, stored)
        for index, item in enumerate(items):
            new = FollowUpRecord(
                id=str(uuid.uuid4()),
                validation_id=full_id,
                criterion=criterion.id,
                number=current.next_number,
                event=item.event,
                report_version=version,
                note=item.note.replace("\r\n", "\n").replace("\r", "\n"),
                implemented=item.implemented,
                accepted=item.accepted,
                days=item.days,
                recorded_at=now,
                recorded_by=ctx.actor,
            )
            try:
                check_next(current, new)
            except RuleError as exc:
                refusals.append(Refusal(criterion.id, index, exc))
                break
            current = replace(current, records=(*current.records, new))
            records.append(new)
    return records, refusals


def plan_records(
    ctx: AppContext, validation_id: str, wanted: Mapping[str, Sequence[Wanted]]
) -> tuple[list[FollowUpRecord], list[Refusal]]:
    """What appending the wanted records would append and what the rules refuse; nothing
    is stored. RuleError when the validation takes no follow-up at all (not signed)."""
    full_id, catalog = _catalog(ctx, validation_id)
    with ctx.store.transaction() as conn:
        return _checked(ctx, conn, full_id, catalog, wanted)


def append_records(
    ctx: AppContext, validation_id: str, wanted: Mapping[str, Sequence[Wanted]]
) -> list[FollowUpRecord]:
    """Check and append records to several criteria's follow-up in one transaction, each
    with its audit event, all or none (the first refusal is raised)."""
    full_id, catalog = _catalog(ctx, validation_id)
    return _append_all(ctx, full_id, catalog, wanted)


def _append_all(
    ctx: AppContext, full_id: str, catalog: Catalog, wanted: Mapping[str, Sequence[Wanted]]
) -> list[FollowUpRecord]:
    with ctx.store.transaction() as conn:
        records, refusals = _checked(ctx, conn, full_id, catalog, wanted)
        if refusals:
            raise refusals[0].error
        for record in records:
            followups.append(conn, record, ctx.actor, record.recorded_at)
    return records


def _append(
    ctx: AppContext, validation_id: str, criterion_id: str, wanted: Sequence[Wanted]
) -> list[FollowUpRecord]:
    """Check and append records to one criterion's follow-up, all or none."""
    full_id, catalog = _catalog(ctx, validation_id)
    if catalog.get(criterion_id) is None:
        raise _not_in(catalog, criterion_id)
    return _append_all(ctx, full_id, catalog, {criterion_id: wanted})


def respond(
    ctx: AppContext, validation_id: str, criterion: str, *, implemented: bool | None, note: str
) -> FollowUpRecord:
    """The member's written response to a finding of the signed report."""
    wanted = Wanted(Event.RESPONSE, note=note, implemented=implemented)
    return _append(ctx, validation_id, criterion, [wanted])[0]


def decide(
    ctx: AppContext, validation_id: str, criterion: str, *, accepted: bool, note: str = ""
) -> FollowUpRecord:
    """The SCSS accepts or rejects the member's latest response."""
    wanted = Wanted(Event.DECISION, note=note, accepted=accepted)
    return _append(ctx, validation_id, criterion, [wanted])[0]


def extend(
    ctx: AppContext, validation_id: str, criterion: str, *, days: int, reason: str
) -> FollowUpRecord:
    """30, 60, 90 or 120 more days for a required action, saying why (several may follow)."""
    wanted = Wanted(Event.EXTENSION, note=reason, days=days)
    return _append(ctx, validation_id, criterion, [wanted])[0]


def close(ctx: AppContext, validation_id: str, criterion: str, note: str = "") -> FollowUpRecord:
    """Close a required action whose response was accepted; nothing follows a closure."""
    return _append(ctx, validation_id, criterion, [Wanted(Event.CLOSURE, note=note)])[0]


def record_answer(
    ctx: AppContext,
    validation_id: str,
    criterion: str,
    *,
    implemented: bool | None,
    note: str,
    accepted: bool | None,
) -> list[FollowUpRecord]:
    """What the follow-up panel's form says, as the records it takes, all or none: a new
    response when it differs from the latest, the decision when one is chosen, and the
    closure of a required action whose response is accepted."""
    log = follow_up_log(ctx, validation_id)
    item = log.item(criterion)
    current = item.track if item is not None else None
    wanted: list[Wanted] = []
    response = current.response if current is not None else None
    if (implemented, note) != (response or (None, "")):
        wanted.append(Wanted(Event.RESPONSE, note=note, implemented=implemented))
    decided = current.decision if current is not None and not wanted else None
    if accepted is not None and accepted != decided:
        wanted.append(Wanted(Event.DECISION, accepted=accepted))
    required = current is not None and current.signed.required and not current.closed
    if accepted is True and required:
        wanted.append(Wanted(Event.CLOSURE))
    if not wanted:
        return []
    return _append(ctx, log.validation_id, criterion, wanted)


def record_view(record: FollowUpRecord) -> dict[str, Any]:
    """One follow-up record as `--json` prints it."""
    return {"id": record.id} | record.fields()


def tracked_view(item: Tracked, today: date) -> dict[str, Any]:
    """One finding's follow-up: the signed due date, every extension, where it stands."""
    track = item.track
    response = track.response
    return {
        "criterion": item.criterion,
        "title": item.title,
        "outcome": item.outcome.value,
        "action": item.action,
        "signed_due": track.signed.due.isoformat() if track.signed.due else None,
        "due": track.due.isoformat() if track.due else None,
        "extensions": [
            {
                "days": r.days,
                "reason": r.note,
                "recorded_at": r.recorded_at,
                "recorded_by": r.recorded_by,
            }
            for r in track.extensions
        ],
        "extended_days": track.extended_days,
        "response": (
            {"implemented": response[0], "note": response[1]} if response is not None else None
        ),
        "accepted": track.decision,
        "state": track.state,
        "closed": track.closed,
        "overdue": track.overdue(today),
        "records": [record_view(r) for r in track.records],
    }


def log_view(log: FollowUpLog, today: date) -> dict[str, Any]:
    """A validation's whole follow-up as `followup list --json` prints it."""
    return {
        "validation": log.validation_id,
        "status": log.status.value,
        "report_version": log.report_version,
        "open": log.open,
        "items": [tracked_view(item, today) for item in log.items],
    }
