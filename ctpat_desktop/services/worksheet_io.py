"""Export a validation to its Excel worksheet and import one back, all or nothing."""

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from ctpat_desktop import __version__
from ctpat_desktop.app import AppContext
from ctpat_desktop.catalog import Reason, translations
from ctpat_desktop.errors import CtpatError, RuleError
from ctpat_desktop.services.followup import Wanted
from ctpat_desktop.services.validations import ValidationSession
from ctpat_desktop.store import utc_now
from ctpat_desktop.sync.followup_rules import Event, FollowUpRecord
from ctpat_desktop.worksheet import Finding, Lifecycle, lifecycle
from ctpat_desktop.worksheet.model import FINDING_FIELDS
from ctpat_desktop.worksheet.rules import (
    EXTENSION_DAYS,
    Breach,
    finding_breaches,
    with_implied_values,
    with_typed_line_breaks,
)
from ctpat_desktop.worksheet.xlsx_followup import (
    RECEIVED_NOTE,
    FollowUpEntry,
    FollowUpShown,
    NewFollowUp,
)
from ctpat_desktop.worksheet.xlsx_import import Problem, SheetRow, WorksheetContent, one_line
from ctpat_desktop.worksheet.xlsx_layout import WorksheetData, worksheet_texts
from ctpat_desktop.worksheet.xlsx_visit import VisitRecords


@dataclass(frozen=True, slots=True)
class FindingUpdate:
    """One criterion whose finding the workbook changes."""

    row: int
    old: Finding
    new: Finding

    def changed(self) -> dict[str, tuple[Any, Any]]:
        """Field name → (old, new) as plain values."""
        return {
            name: (_plain(getattr(self.old, name)), _plain(getattr(self.new, name)))
            for name in FINDING_FIELDS
            if getattr(self.old, name) != getattr(self.new, name)
        }


@dataclass(frozen=True, slots=True)
class FollowUpAppend:
    """One follow-up record the workbook appends to a signed validation, and its row."""

    row: int
    record: FollowUpRecord

    def summary(self) -> str:
        """One line: its number, its kind and what it says."""
        record = self.record
        said = []
        if record.implemented is not None:
            said.append(f"implemented: {'yes' if record.implemented else 'no'}")
        if record.accepted is not None:
            said.append("accepted" if record.accepted else "rejected")
        if record.days is not None:
            said.append(f"{record.days} days")
        if record.note.strip():
            said.append(one_line(record.note))
        return f"{record.number} {record.event.value}" + (": " + "; ".join(said) if said else "")

    def as_dict(self) -> dict[str, Any]:
        """The record as `--json` prints it."""
        record = self.record
        return {
            "criterion": record.criterion,
            "row": self.row,
            "number": record.number,
            "event": record.event.value,
            "note": record.note,
            "implemented": record.implemented,
            "accepted": record.accepted,
            "days": record.days,
        }


@dataclass
class ImportPlan:
    """What importing a workbook would change or append, and what stops it."""

    validation_id: str
    source: Path
    updates: list[FindingUpdate] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    applied: bool = False
    # A signed validation's new follow-up: the records as planned, and what is asked of
    # the follow-up service by criterion (checked again when applied).
    followups: list[FollowUpAppend] = field(default_factory=list)
    wanted: dict[str, list[Wanted]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """The plan as `--json` prints it."""
        return {
            "validation": self.validation_id,
            "file": str(self.source),
            "applied": self.applied,
            "changes": [
                {
                    "criterion": u.new.criterion,
                    "row": u.row,
                    "fields": {k: list(v) for k, v in u.changed().items()},
                }
                for u in self.updates
            ],
            "problems": [
                {"sheet": p.sheet, "row": p.row, "column": p.column, "message": p.message}
                for p in self.problems
            ],
            "followups": [f.as_dict() for f in self.followups],
        }


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return getattr(value, "value", value)


def worksheet_data(
    ctx: AppContext, session: ValidationSession, language: str = "en"
) -> WorksheetData:
    """What the workbook of an open validation shows, in the given language."""
    texts = worksheet_texts(language)
    translated = translations(ctx.resources, language)
    followup, version = None, 0
    if lifecycle.is_locked(session.validation.status):
        followup, version = _followup_shown(ctx, session)
    return WorksheetData(
        validation=session.validation,
        entity_name=translated.text(session.catalog.name),
        catalog=translated.translate_catalog(session.catalog),
        categories=translated.translate_categories(ctx.catalogs.categories),
        reasons=translated.translate_reasons(session.reasons),
        findings={cid: r.finding for cid, r in session.findings().items()},
        exported_at=utc_now(),
        app_version=__version__,
        texts=texts,
        followup=followup,
        report_version=version,
        visit=VisitRecords(session.visit_records(), {e.id: e.filename for e in session.evidence()}),
    )


def _followup_shown(
    ctx: AppContext, session: ValidationSession
) -> tuple[dict[str, FollowUpShown], int]:
    """A signed validation's follow-up as its workbook shows it, and the signed version."""
    from ctpat_desktop.services import followup

    log = followup.follow_up_log(ctx, session.id)
    shown = {}
    for item in log.items:
        track = item.track
        entries = tuple(
            FollowUpEntry(
                r.number,
                r.event.value,
                date.fromisoformat(r.recorded_at[:10]),
                r.recorded_by,
                r.note,
                r.implemented,
                r.accepted,
                r.days,
            )
            for r in track.records
        )
        shown[item.criterion] = FollowUpShown(
            state=track.state,
            due=track.due,
            entries=entries,
            open=log.open and not track.closed,
            extendable=track.signed.required and track.signed.due is not None,
        )
    return shown, log.report_version


def export_worksheet(
    ctx: AppContext, validation_id: str, target: Path, language: str = "en"
) -> ValidationSession:
    """Write the validation's worksheet to an .xlsx file, in English ("en") or Spanish ("es")."""
    from ctpat_desktop.worksheet.xlsx_export import write_worksheet

    session = ValidationSession(ctx, validation_id)
    write_worksheet(target, worksheet_data(ctx, session, language))
    return session


def plan_worksheet_import(ctx: AppContext, validation_id: str, source: Path) -> ImportPlan:
    """Read and check a workbook; nothing is changed.

    The problems come in the order a person fixes them: a workbook of another validation
    (or of another catalog) is said alone, since nothing else in it can be judged; then
    the workbook's own facts; then the rows, top to bottom, each cell left to right.
    """
    from ctpat_desktop.worksheet.xlsx_import import read_worksheet

    session = ValidationSession(ctx, validation_id)

    def reasons_in(language: str) -> tuple[Reason, ...]:
        return translations(ctx.resources, language).translate_reasons(session.reasons)

    content = read_worksheet(source, session.catalog, reasons_in)
    plan = ImportPlan(session.id, source)
    alone = _other_validation(content, session)
    if alone is not None:
        plan.problems.append(alone)
        return plan
    sheets = content.texts
    if lifecycle.is_locked(session.validation.status):
        problems = list(content.problems) + _plan_followup(ctx, session, content, plan)
        plan.problems += sorted(problems, key=_place)
        return plan
    problems = list(content.problems)
    current = {cid: r.finding for cid, r in session.findings().items()}
    for row in content.rows:
        if row.followup is not None and row.followup.filled:
            problems += _followup_unsigned(content, row, session.validation.status)
        old = current.get(row.finding.criterion, Finding(row.finding.criterion))
        breaches, checked = _checked(ctx, session, row, old)
        problems += [
            Problem(sheets.worksheet, row.number, _letter(content, row, b), b.message)
            for b in breaches
        ]
        if checked is not None and checked != old:
            plan.updates.append(FindingUpdate(row.number, old, checked))
    plan.problems += sorted(problems, key=_place)
    return plan


def _other_validation(content: WorksheetContent, session: ValidationSession) -> Problem | None:
    """The one problem that says the workbook is not this validation's (or catalog's)."""
    where = content.texts.validation
    validation = session.validation
    if content.validation_id is None:
        return Problem(
            where,
            None,
            None,
            f"the worksheet does not say which validation it is for (no "
            f"{content.texts.facts['id']}); export the worksheet of {session.id} "
            f"({one_line(validation.member.name)}) and fill that in",
        )
    if content.validation_id != session.id:
        member = f" ({one_line(content.member)})" if content.member else ""
        return Problem(
            where,
            None,
            None,
            f"this worksheet is for validation {one_line(content.validation_id)}{member}, "
            f"not {session.id} ({one_line(validation.member.name)}); import it into its own "
            "validation",
        )
    expected = f"{session.catalog.entity} {session.catalog.version}"
    if content.catalog != expected:
        return Problem(
            where,
            None,
            None,
            f"this worksheet uses catalog {one_line(content.catalog or '(none)')}, the "
            f"validation uses {expected}; export the worksheet again",
        )
    return None


def _checked(
    ctx: AppContext, session: ValidationSession, row: SheetRow, old: Finding
) -> tuple[list[Breach], Finding | None]:
    """Every rule a row's finding breaks but those a cell that could not be read may cause
    (its problem is already said), and the finding to save when it breaks none."""
    from_sheet = with_typed_line_breaks(row.finding)
    # What the workbook has no column for is kept as it is.
    same = from_sheet.status is old.status
    finding = replace(
        from_sheet,
        extension_days=old.extension_days if same else None,
        extension_reason=old.extension_reason if same else "",
        response_accepted=old.response_accepted if same else None,
    )
    criterion = session.catalog.get(finding.criterion)
    assert criterion is not None
    reason_codes = frozenset(r.code for r in session.reasons)
    on = session.validation.date
    # A breach about a field with an unreadable cell may only echo that cell's problem (a
    # reason needed where one could not be read), unless it names an item that was read.
    breaches = [
        b
        for b in finding_breaches(finding, criterion, reason_codes, on)
        if b.index is not None or row.unreadable.isdisjoint(b.fields)
    ]
    if breaches or row.unreadable:
        return breaches, None
    return [], with_implied_values(finding, criterion, on, ctx.settings.response_days)


def _letter(content: WorksheetContent, row: SheetRow, breach: Breach) -> str | None:
    """The column of the cell holding the bad value: the first of the breach's fields the
    sheet has a column for (the Finding column for what has none, like an extension)."""
    for name in (*breach.fields, "status"):
        key = row.column_key(name, breach.index)
        if key is not None and key in content.columns:
            return content.columns[key]
    return None


def _place(problem: Problem) -> tuple[int, int, int, str]:
    """Where a problem sits: the workbook's facts first, then by row and column."""
    if problem.row is None:
        return (0, 0, 0, "")
    column = problem.column or ""
    return (1, problem.row, len(column), column)


LOCKED = "the validation is signed; only the follow-up columns can be filled"
# Where a follow-up record's problem is said: the cell that says what it is (of a
# response, the first of these that is filled).
_RESPONSE_CELLS = ("new_response_note", "new_response_implemented", "new_response_date")
_CELLS = {
    Event.EXTENSION: "new_extension_days",
    Event.DECISION: "new_decision",
    Event.CLOSURE: "new_close",
}
_FIELD_CELLS = {
    "response_date": "new_response_date",
    "response_implemented": "new_response_implemented",
    "response_note": "new_response_note",
    "decision": "new_decision",
    "decision_note": "new_decision_note",
    "extension_days": "new_extension_days",
    "extension_reason": "new_extension_reason",
    "close": "new_close",
}


def _filled_cells(new: NewFollowUp) -> list[str]:
    """The new follow-up cells of a row that hold something, left to right."""
    empty = NewFollowUp()
    return [key for name, key in _FIELD_CELLS.items() if getattr(new, name) != getattr(empty, name)]


def _followup_unsigned(
    content: WorksheetContent, row: SheetRow, status: Lifecycle
) -> list[Problem]:
    """Follow-up filled in for a validation that is not signed (any more): a problem a cell."""
    message = (
        f"the validation is {status.value.replace('-', ' ')}: follow-up is appended once its "
        "report is signed; leave the follow-up columns empty"
    )
    assert row.followup is not None
    return [
        Problem(content.texts.worksheet, row.number, content.columns.get(key), message)
        for key in _filled_cells(row.followup)
    ]


def _locked_changes(content: WorksheetContent, row: SheetRow, old: Finding) -> list[Problem]:
    """A problem for each finding cell of a signed validation's row that was changed."""
    sheet_finding = with_typed_line_breaks(row.finding)
    problems = []
    for name in FINDING_FIELDS:
        new_value, old_value = getattr(sheet_finding, name), getattr(old, name)
        key = row.column_key(name)
        if new_value == old_value or name in row.unreadable or key not in content.columns:
            continue
        if name == "reasons":
            pairs = zip(new_value, old_value, strict=False)
            index = next((i for i, (a, b) in enumerate(pairs) if a != b), None)
            index = min(len(new_value), len(old_value)) if index is None else index
            key = row.column_key(name, index)
        column = content.columns.get(key or "")
        problems.append(Problem(content.texts.worksheet, row.number, column, LOCKED))
    return problems


def _wanted(
    content: WorksheetContent, row: SheetRow, validation_date: date
) -> tuple[list[Wanted], list[str], list[Problem]]:
    """What a row's new follow-up cells ask for, in the order the records follow each other
    (a response, an extension, a decision, the closure); the cell of each; problems."""
    new = row.followup
    assert new is not None
    wanted: list[Wanted] = []
    problems = []
    filled = [key for key in _RESPONSE_CELLS if key in _filled_cells(new)]
    if filled:  # a response
        note = new.response_note
        received = new.response_date
        if received is not None:
            where = content.columns.get("new_response_date")
            if received < validation_date:
                message = f"the response was received before the validation date {validation_date}"
                problems.append(Problem(content.texts.worksheet, row.number, where, message))
            elif received > date.today():
                message = f"the response received date {received} is after today"
                problems.append(Problem(content.texts.worksheet, row.number, where, message))
            day = RECEIVED_NOTE.format(day=received.isoformat())
            note = f"{day}. {note}" if note.strip() else day
        wanted.append(Wanted(Event.RESPONSE, note=note, implemented=new.response_implemented))
    if new.extension_days is not None or new.extension_reason:
        wanted.append(Wanted(Event.EXTENSION, note=new.extension_reason, days=new.extension_days))
    if new.decision is not None or new.decision_note:
        wanted.append(Wanted(Event.DECISION, note=new.decision_note, accepted=new.decision))
    if new.close:
        wanted.append(Wanted(Event.CLOSURE))
    keys = []
    for item in wanted:
        if item.event is Event.RESPONSE:
            keys.append(filled[0])
        elif item.event is Event.EXTENSION and item.days in EXTENSION_DAYS:
            # Right days: the reason is what may be missing, else the days' cell.
            keys.append(_CELLS[item.event] if item.note.strip() else "new_extension_reason")
        else:
            keys.append(_CELLS[item.event])
    return wanted, keys, problems


def _plan_followup(
    ctx: AppContext, session: ValidationSession, content: WorksheetContent, plan: ImportPlan
) -> list[Problem]:
    """Plan a signed validation's import: the new follow-up cells become follow-up records
    (checked by the follow-up service's rules); any other change is a problem."""
    from ctpat_desktop.services import followup

    sheets = content.texts
    if not content.has_followup:
        message = (
            "the validation is signed and locked; this worksheet has no follow-up columns "
            "(it was exported before the signature): export it again and fill in those"
        )
        return [Problem(sheets.worksheet, None, None, message)]
    version = followup.follow_up_log(ctx, session.id).report_version
    if content.report_version != version:
        shown = content.report_version or "(none)"
        message = (
            f"this worksheet was exported for signed report version {shown}; the signed "
            f"report is now version {version}: export the worksheet again"
        )
        return [Problem(sheets.validation, None, None, message)]
    problems: list[Problem] = []
    current = {cid: r.finding for cid, r in session.findings().items()}
    places: dict[str, tuple[int, list[str]]] = {}
    for row in content.rows:
        criterion = row.finding.criterion
        problems += _locked_changes(content, row, current.get(criterion, Finding(criterion)))
        if row.followup is None or not row.followup.filled or row.followup_unreadable:
            continue
        wanted, keys, said = _wanted(content, row, session.validation.date)
        problems += said
        plan.wanted[criterion] = wanted
        places[criterion] = (row.number, keys)
    if not plan.wanted:
        return problems
    try:
        records, refusals = followup.plan_records(ctx, session.id, plan.wanted)
    except CtpatError as exc:
        return [*problems, Problem(sheets.validation, None, None, str(exc))]
    plan.followups = [FollowUpAppend(places[r.criterion][0], r) for r in records]
    for refusal in refusals:
        number, keys = places[refusal.criterion]
        column = content.columns.get(keys[refusal.index])
        problems.append(Problem(sheets.worksheet, number, column, str(refusal.error)))
    return problems


def apply_import_plan(ctx: AppContext, plan: ImportPlan) -> None:
    """Apply a plan without problems in one transaction, with an audit event per finding
    (or, for a signed validation, per follow-up record appended)."""
    if plan.problems:
        raise RuleError(f"{plan.source}: {len(plan.problems)} problems; nothing was applied")
    if plan.wanted:
        from ctpat_desktop.services import followup

        followup.append_records(ctx, plan.validation_id, plan.wanted)
    else:
        session = ValidationSession(ctx, plan.validation_id)
        session.replace_findings([u.new for u in plan.updates])
    plan.applied = True


def import_worksheet(
    ctx: AppContext, validation_id: str, source: Path, *, dry_run: bool = False
) -> ImportPlan:
    """Plan the import and, unless dry_run or there are problems, apply it."""
    plan = plan_worksheet_import(ctx, validation_id, source)
    if not dry_run and not plan.problems and (plan.updates or plan.wanted):
        apply_import_plan(ctx, plan)
    return plan
