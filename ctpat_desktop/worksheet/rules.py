"""Worksheet rules: what a finding needs, what it means, how far a validation has come."""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from ctpat_desktop.catalog import Catalog, Criterion, Level
from ctpat_desktop.errors import RuleError
from ctpat_desktop.worksheet.model import FINDING_MAP, Finding, FindingStatus

TEXT_FIELDS = (
    "note",
    "report_text",
    "action",
    "profile_answer",
    "response_note",
    "extension_reason",
)
EXTENSION_DAYS = (30, 60, 90, 120)
# Longest text a person types into one field (a note, a response): far above any real one,
# far below what would make a push, a sync or a report unmanageable. The hub holds to it.
MAX_TYPED = 20_000
# What only a not-met finding carries: moving it to another status empties these.
NOT_MET_ONLY = (
    "reasons",
    "unmet_parts",
    "action",
    "due",
    "response_implemented",
    "response_note",
    "extension_days",
    "extension_reason",
    "response_accepted",
)
_EMPTY: dict[str, Any] = {f.name: f.default for f in fields(Finding)}
# Text fields hold what a person can type: tabs and line breaks, no other control characters.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class Outcome(StrEnum):
    """What a finding becomes in the report."""

    REQUIRED_ACTION = "required-action"
    RECOMMENDATION = "recommendation"
    BEST_PRACTICE = "best-practice"


def with_status(finding: Finding, status: FindingStatus) -> Finding:
    """The finding moved to status; leaving not met empties what only not met carries
    (the audit trail keeps the old values)."""
    if status is finding.status:
        return finding
    changes: dict[str, Any] = {"status": status}
    if status is not FindingStatus.NOT_MET:
        for name in NOT_MET_ONLY:
            if getattr(finding, name) != _EMPTY[name]:
                changes[name] = _EMPTY[name]
    return FINDING_MAP.replaced(finding, changes)


def default_due_date(validation_date: date, response_days: int) -> date:
    """The member's response is due this many days after the validation."""
    return validation_date + timedelta(days=response_days)


def due_from_issue(
    due: date | None, validation_date: date, issued_on: date, response_days: int
) -> date:
    """A due date as the signed report gives it: the days the worksheet grants (its due
    date counted from the validation, else the response days) counted from the report's
    issue date, so a report signed weeks after the visit never names a date already past."""
    days = max(0, (due - validation_date).days) if due is not None else response_days
    return issued_on + timedelta(days=days)


def classify(finding: Finding, criterion: Criterion) -> Outcome | None:
    """A not-met Must is a required action, a not-met Should a recommendation.

    For a criterion with parts the level is that of the parts named not met: only Should
    parts make a recommendation; a Must part (or naming none: the whole) a required action.
    """
    if finding.status is FindingStatus.NOT_MET:
        level = criterion.level_not_met(finding.unmet_parts)
        return Outcome.REQUIRED_ACTION if level is Level.MUST else Outcome.RECOMMENDATION
    if finding.status is FindingStatus.EXCEEDS:
        return Outcome.BEST_PRACTICE
    return None


@dataclass(frozen=True, slots=True)
class Breach:
    """One rule a finding breaks: the rule's code, its English line and particulars, and
    the finding's fields holding the bad value, the one to fix first; "status" among them
    means the rule holds only for the finding's status."""

    code: str
    message: str
    fields: tuple[str, ...]
    values: Mapping[str, object]
    index: int | None = None  # which item of a list field (reasons, unmet_parts) is bad

    def error(self) -> RuleError:
        """The breach as the error the CLI, the windows and the hub report."""
        return RuleError(self.message, code=self.code, values=dict(self.values))


def _breach(
    code: str,
    criterion: Criterion,
    message: str,
    *fields_: str,
    index: int | None = None,
    **values: object,
) -> Breach:
    values = {"criterion": criterion.id, **values}
    return Breach(code, f"criterion {criterion.id}: {message}", fields_, values, index)


def _part_breaches(finding: Finding, criterion: Criterion) -> list[Breach]:
    """Parts named not met must be the criterion's own, each once."""
    if not finding.unmet_parts:
        return []
    if not criterion.parts:
        return [_breach("no-parts", criterion, "has no parts to name as not met", "unmet_parts")]
    keys = [p.key for p in criterion.parts]
    unknown = [k for k in finding.unmet_parts if k not in keys]
    if unknown:
        allowed = ", ".join(keys)
        message = f"has no part {unknown[0]!r}; its parts are {allowed}"
        return [
            _breach(
                "unknown-part", criterion, message, "unmet_parts", part=unknown[0], allowed=allowed
            )
        ]
    if len(set(finding.unmet_parts)) != len(finding.unmet_parts):
        return [_breach("part-twice", criterion, "a part is given twice", "unmet_parts")]
    return []


def _text_breaches(finding: Finding, criterion: Criterion) -> list[Breach]:
    found = []
    for name in TEXT_FIELDS:
        text = getattr(finding, name)
        if not text:  # most are
            continue
        if len(text) > MAX_TYPED:
            message = f"{name.replace('_', ' ')} is longer than {MAX_TYPED} characters"
            found.append(
                _breach("text-too-long", criterion, message, name, field=name, limit=MAX_TYPED)
            )
        elif _CONTROL.search(text):
            message = f"{name.replace('_', ' ')} contains control characters"
            found.append(_breach("control-characters", criterion, message, name, field=name))
    return found


def _reason_breaches(finding: Finding, criterion: Criterion, codes: frozenset[str]) -> list[Breach]:
    if not finding.reasons:
        return []
    unknown = [(i, code) for i, code in enumerate(finding.reasons) if code not in codes]
    allowed = ", ".join(sorted(codes)) if unknown else ""
    found = [
        _breach(
            "unknown-reason",
            criterion,
            f"unknown reason {code!r}; use one of: {allowed}",
            "reasons",
            reason=code,
            allowed=allowed,
            index=index,
        )
        for index, code in unknown
    ]
    found += [
        _breach("reason-twice", criterion, "a reason is given twice", "reasons", index=index)
        for index, code in enumerate(finding.reasons)
        if code in codes and code in finding.reasons[:index]
    ]
    return found


# What only a not-met finding may carry, as a rule names it; the response and the extension
# are one thing each, however many of their fields are filled.
_NOT_MET_WORDS = {
    "reasons": "deficiency reasons apply",
    "unmet_parts": "parts not met apply",
    "action": "a required action applies",
    "due": "a due date applies",
}
_RESPONSE = ("response_implemented", "response_note", "response_accepted")
_EXTENSION = ("extension_days", "extension_reason")


def _not_met_breaches(
    finding: Finding, criterion: Criterion, validation_date: date
) -> list[Breach]:
    found = []
    if not finding.reasons:
        found.append(
            _breach(
                "reason-needed",
                criterion,
                "a not-met finding needs at least one reason",
                "reasons",
                "status",
            )
        )
    if finding.due is not None and finding.due < validation_date:
        message = f"due date {finding.due} is before the validation date {validation_date}"
        found.append(
            _breach(
                "due-before-validation",
                criterion,
                message,
                "due",
                "status",
                due=finding.due,
                date=validation_date,
            )
        )
    if finding.extension_days is not None:
        if finding.extension_days not in EXTENSION_DAYS:
            message = "an extension is 30, 60, 90 or 120 days"
            found.append(_breach("extension-days", criterion, message, *_EXTENSION, "status"))
        if not finding.extension_reason.strip():
            message = "a due-date extension needs a reason"
            found.append(
                _breach("extension-needs-reason", criterion, message, *_EXTENSION, "status")
            )
    elif finding.extension_reason:
        message = "an extension reason without an extension"
        found.append(
            _breach("extension-reason-alone", criterion, message, *_EXTENSION[::-1], "status")
        )
    if finding.response_accepted is not None and (
        finding.response_implemented is None and not finding.response_note.strip()
    ):
        message = "there is no member's response to accept or reject yet"
        found.append(_breach("no-response", criterion, message, *_RESPONSE[::-1], "status"))
    return found


def _other_status_breaches(finding: Finding, criterion: Criterion) -> list[Breach]:
    found = [
        _breach("not-met-only", criterion, f"{words} only to a not-met finding", name, "status")
        for name, words in _NOT_MET_WORDS.items()
        if getattr(finding, name) not in ((), "", None)
    ]
    given = [n for n in _RESPONSE if getattr(finding, n) not in ("", None)]
    if given:
        message = "a member's response applies only to a not-met finding"
        found.append(_breach("response-not-met-only", criterion, message, *given, "status"))
    given = [n for n in _EXTENSION if getattr(finding, n) not in ("", None)]
    if given:
        message = "a due-date extension applies only to a not-met finding"
        found.append(_breach("extension-not-met-only", criterion, message, *given, "status"))
    if finding.status is FindingStatus.EXCEEDS and not finding.note.strip():
        message = "an exceeds (best practice) finding needs a note describing the practice"
        found.append(_breach("exceeds-needs-note", criterion, message, "note", "status"))
    return found


def finding_breaches(
    finding: Finding, criterion: Criterion, reason_codes: frozenset[str], validation_date: date
) -> list[Breach]:
    """Every rule the finding breaks (none: it may be saved), in the order they are checked."""
    found = _text_breaches(finding, criterion)
    found += _reason_breaches(finding, criterion, reason_codes)
    found += _part_breaches(finding, criterion)
    if finding.status is FindingStatus.NOT_MET:
        found += _not_met_breaches(finding, criterion, validation_date)
    else:
        found += _other_status_breaches(finding, criterion)
    return found


def with_typed_line_breaks(finding: Finding) -> Finding:
    """The finding with its texts' line breaks as LF whatever system typed them (XML turns
    CR into LF anyway)."""
    texts = {}
    for name in TEXT_FIELDS:
        text = getattr(finding, name)
        if "\r" in text:
            texts[name] = text.replace("\r\n", "\n").replace("\r", "\n")
    # (replacing is a good part of a save's Python time: only when needed)
    return FINDING_MAP.replaced(finding, texts)


def with_implied_values(
    finding: Finding, criterion: Criterion, validation_date: date, response_days: int
) -> Finding:
    """What the rules imply for a finding that breaks none: a required action without a due
    date is due response_days after the validation."""
    if (
        finding.status is FindingStatus.NOT_MET
        and finding.due is None
        and criterion.level_not_met(finding.unmet_parts) is Level.MUST
    ):
        return FINDING_MAP.replaced(
            finding, {"due": default_due_date(validation_date, response_days)}
        )
    return finding


def apply_finding_rules(
    finding: Finding,
    criterion: Criterion,
    reason_codes: frozenset[str],
    validation_date: date,
    response_days: int,
) -> Finding:
    """Check a finding and fill what the rules imply; RuleError names the first problem."""
    finding = with_typed_line_breaks(finding)
    breaches = finding_breaches(finding, criterion, reason_codes, validation_date)
    if breaches:
        raise breaches[0].error()
    return with_implied_values(finding, criterion, validation_date, response_days)


@dataclass(frozen=True, slots=True)
class CategoryProgress:
    """How far one category has come: counts by status and findings still incomplete."""

    category: int
    total: int
    reviewed: int
    deficiencies: int
    incomplete: tuple[str, ...]

    @property
    def complete(self) -> bool:
        """Every criterion reviewed and no finding missing what the report needs."""
        return self.reviewed == self.total and not self.incomplete


def _is_incomplete(finding: Finding, criterion: Criterion) -> bool:
    """A required action without action text cannot go into the report."""
    return classify(finding, criterion) is Outcome.REQUIRED_ACTION and not finding.action.strip()


def progress_by_category(
    catalog: Catalog, findings: Mapping[str, Finding] | Iterable[Finding]
) -> list[CategoryProgress]:
    """Progress of each category of the catalog, in natural order."""
    by_id = dict(findings) if isinstance(findings, Mapping) else {f.criterion: f for f in findings}
    result = []
    for number in catalog.categories():
        criteria = catalog.in_category(number)
        reviewed = deficiencies = 0
        incomplete = []
        for criterion in criteria:
            finding = by_id.get(criterion.id)
            if finding is None or finding.status is FindingStatus.NOT_REVIEWED:
                continue
            reviewed += 1
            deficiencies += finding.status is FindingStatus.NOT_MET
            if _is_incomplete(finding, criterion):
                incomplete.append(criterion.id)
        result.append(
            CategoryProgress(number, len(criteria), reviewed, deficiencies, tuple(incomplete))
        )
    return result


# While a validation may still change its entity type (and so its catalog).
ENTITY_CHANGEABLE = ("planned", "in-progress")


def check_entity_change(status: str, finding_statuses: Iterable[str]) -> None:
    """RuleError unless a validation may change its entity type: only while planned or in
    progress and before any finding is recorded (findings answer the old catalog's criteria).
    The laptop and the hub both ask this."""
    if status not in ENTITY_CHANGEABLE:
        raise RuleError(
            f"the entity type cannot change: the validation is {status.replace('-', ' ')}; "
            "it changes only while planned or in progress",
            code="entity-fixed-status",
            values={"status": status},
        )
    recorded = sum(1 for s in finding_statuses if s != FindingStatus.NOT_REVIEWED.value)
    if recorded:
        raise RuleError(
            f"the entity type cannot change once findings are recorded ({recorded} so far); "
            "set them back to not reviewed first",
            code="entity-fixed-findings",
            values={"count": recorded},
        )
