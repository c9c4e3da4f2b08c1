"""Worksheet rules: what a finding needs, what it means, how far a validation has come."""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from ctpat_desktop.catalog import Catalog, Criterion, Level
from ctpat_desktop.errors import RuleError
from ctpat_desktop.worksheet.model import Finding, FindingStatus

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
    emptied = {} if status is FindingStatus.NOT_MET else {n: _EMPTY[n] for n in NOT_MET_ONLY}
    return replace(finding, status=status, **emptied)


def default_due_date(validation_date: date, response_days: int) -> date:
    """The member's response is due this many days after the validation."""
    return validation_date + timedelta(days=response_days)


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


def _rule(code: str, criterion: Criterion) -> dict[str, Any]:
    """A rule's code and the criterion it was broken on (RuleError's code and values)."""
    return {"code": code, "values": {"criterion": criterion.id}}


def _check_parts(finding: Finding, criterion: Criterion) -> None:
    """Parts named not met must be the criterion's own, each once."""
    where = f"criterion {criterion.id}"
    if not finding.unmet_parts:
        return
    if not criterion.parts:
        raise RuleError(
            f"{where}: has no parts to name as not met",
            **_rule("no-parts", criterion),
        )
    keys = [p.key for p in criterion.parts]
    unknown = [k for k in finding.unmet_parts if k not in keys]
    if unknown:
        raise RuleError(
            f"{where}: has no part {unknown[0]!r}; its parts are {', '.join(keys)}",
            code="unknown-part",
            values={"criterion": criterion.id, "part": unknown[0], "allowed": ", ".join(keys)},
        )
    if len(set(finding.unmet_parts)) != len(finding.unmet_parts):
        raise RuleError(f"{where}: a part is given twice", **_rule("part-twice", criterion))


def apply_finding_rules(
    finding: Finding,
    criterion: Criterion,
    reason_codes: frozenset[str],
    validation_date: date,
    response_days: int,
) -> Finding:
    """Check a finding and fill what the rules imply; RuleError names the first problem."""
    where = f"criterion {criterion.id}"
    texts = {}
    for name in TEXT_FIELDS:
        # Line breaks are kept as \n whatever system typed them (XML turns \r into \n anyway).
        text = getattr(finding, name).replace("\r\n", "\n").replace("\r", "\n")
        if len(text) > MAX_TYPED:
            raise RuleError(
                f"{where}: {name.replace('_', ' ')} is longer than {MAX_TYPED} characters",
                code="text-too-long",
                values={"criterion": criterion.id, "field": name, "limit": MAX_TYPED},
            )
        if _CONTROL.search(text):
            raise RuleError(
                f"{where}: {name.replace('_', ' ')} contains control characters",
                code="control-characters",
                values={"criterion": criterion.id, "field": name},
            )
        if text != getattr(finding, name):
            texts[name] = text
    if texts:  # (dataclasses.replace is a good part of a save's Python time)
        finding = replace(finding, **texts)
    unknown = [r for r in finding.reasons if r not in reason_codes]
    if unknown:
        allowed = ", ".join(sorted(reason_codes))
        raise RuleError(
            f"{where}: unknown reason {unknown[0]!r}; use one of: {allowed}",
            code="unknown-reason",
            values={"criterion": criterion.id, "reason": unknown[0], "allowed": allowed},
        )
    if len(set(finding.reasons)) != len(finding.reasons):
        raise RuleError(f"{where}: a reason is given twice", **_rule("reason-twice", criterion))
    _check_parts(finding, criterion)
    if finding.status is FindingStatus.NOT_MET:
        if not finding.reasons:
            raise RuleError(
                f"{where}: a not-met finding needs at least one reason (--reason)",
                **_rule("reason-needed", criterion),
            )
        if finding.due is not None and finding.due < validation_date:
            raise RuleError(
                f"{where}: due date {finding.due} is before the validation date {validation_date}",
                code="due-before-validation",
                values={"criterion": criterion.id, "due": finding.due, "date": validation_date},
            )
        if finding.extension_days is not None:
            if finding.extension_days not in EXTENSION_DAYS:
                raise RuleError(
                    f"{where}: an extension is 30, 60, 90 or 120 days",
                    **_rule("extension-days", criterion),
                )
            if not finding.extension_reason.strip():
                raise RuleError(
                    f"{where}: a due-date extension needs a reason",
                    **_rule("extension-needs-reason", criterion),
                )
        elif finding.extension_reason:
            raise RuleError(
                f"{where}: an extension reason without an extension",
                **_rule("extension-reason-alone", criterion),
            )
        if finding.response_accepted is not None and (
            finding.response_implemented is None and not finding.response_note.strip()
        ):
            raise RuleError(
                f"{where}: there is no member's response to accept or reject yet",
                **_rule("no-response", criterion),
            )
        if criterion.level_not_met(finding.unmet_parts) is Level.MUST and finding.due is None:
            return replace(finding, due=default_due_date(validation_date, response_days))
        return finding
    if finding.reasons or finding.unmet_parts or finding.action or finding.due is not None:
        raise RuleError(
            f"{where}: reasons, parts not met, required action and due date apply only to a "
            "not-met finding",
            **_rule("not-met-only", criterion),
        )
    if (
        finding.response_implemented is not None
        or finding.response_note
        or finding.response_accepted is not None
    ):
        raise RuleError(
            f"{where}: a member's response applies only to a not-met finding",
            **_rule("response-not-met-only", criterion),
        )
    if finding.extension_days is not None or finding.extension_reason:
        raise RuleError(
            f"{where}: a due-date extension applies only to a not-met finding",
            **_rule("extension-not-met-only", criterion),
        )
    if finding.status is FindingStatus.EXCEEDS and not finding.note.strip():
        raise RuleError(
            f"{where}: an exceeds (best practice) finding needs a note describing the practice",
            **_rule("exceeds-needs-note", criterion),
        )
    return finding


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
