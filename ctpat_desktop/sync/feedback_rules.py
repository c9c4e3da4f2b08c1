"""Feedback after a validation: what one answer may say, whose answer counts, and how the
answers add up on the dashboard.

One set of rules for the laptop (the service checks an answer before storing it), the hub
(it checks every pushed answer against the validation it names) and a laptop pulling an
answer from the hub. An answer is a record written once: the SCSS's (technology quality,
what could not be verified remotely, time lost, a free text) or the member's, recorded by
the SCSS. A later answer of the same person, validation and source replaces the earlier
one in every summary; the earlier stays in the audit trail and on the hub.
"""

import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from ctpat_desktop.catalog import criterion_sort_key
from ctpat_desktop.errors import RuleError
from ctpat_desktop.worksheet.rules import MAX_TYPED

_CRITERION = re.compile(r"^(1[0-2]|[1-9])\.[1-9][0-9]?$")
_STAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
MAX_NAME = 200
QUALITY = range(1, 6)  # technology quality: 1 (unusable) to 5 (as good as being there)
MAX_MINUTES = 24 * 60  # time lost to technical problems, in minutes
MAX_CRITERIA = 60
TOP_NOT_VERIFIABLE = 10
# A validation takes feedback once work on it has started.
NOT_YET = "planned"


class Source(StrEnum):
    """Whose feedback an answer is."""

    SCSS = "scss"  # the SCSS who conducted the validation
    MEMBER = "member"  # the member's, as the SCSS recorded it


@dataclass(frozen=True, slots=True)
class Feedback:
    """One answer to the feedback form."""

    id: str
    validation_id: str
    source: Source
    technology_quality: int | None = None
    not_verifiable: tuple[str, ...] = ()  # criteria that could not be verified remotely
    not_verifiable_note: str = ""  # what could not be verified, in the SCSS's words
    minutes_lost: int | None = None
    comments: str = ""
    recorded_at: str = ""
    recorded_by: str = ""

    def fields(self) -> dict[str, Any]:
        """The answer's synced fields (all but its id)."""
        return {
            "validation_id": self.validation_id,
            "source": self.source.value,
            "technology_quality": self.technology_quality,
            "not_verifiable": json.dumps(list(self.not_verifiable)),
            "not_verifiable_note": self.not_verifiable_note,
            "minutes_lost": self.minutes_lost,
            "comments": self.comments,
            "recorded_at": self.recorded_at,
            "recorded_by": self.recorded_by,
        }


def _check_text(text: str, what: str, limit: int = MAX_TYPED) -> None:
    if len(text) > limit:
        raise RuleError(f"{what} is longer than {limit} characters")
    if _CONTROL.search(text):
        raise RuleError(f"{what} contains control characters")


def _criteria(value: Any) -> tuple[str, ...]:
    try:
        items = json.loads(value) if isinstance(value, str) else None
    except (ValueError, RecursionError):
        items = None
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise RuleError("the criteria not verifiable remotely must be a JSON list of criteria")
    return tuple(items)


def check_feedback(feedback: Feedback) -> None:
    """RuleError unless the answer means something on its own (before its validation)."""
    quality = feedback.technology_quality
    if quality is not None and (type(quality) is not int or quality not in QUALITY):
        raise RuleError(f"technology quality is rated 1 to 5, not {quality!r}")
    minutes = feedback.minutes_lost
    if minutes is not None and (type(minutes) is not int or not 0 <= minutes <= MAX_MINUTES):
        raise RuleError(f"time lost is 0 to {MAX_MINUTES} minutes, not {minutes!r}")
    criteria = feedback.not_verifiable
    for criterion in criteria:
        if not _CRITERION.fullmatch(criterion):
            shown = criterion if len(criterion) < 20 else criterion[:17] + "..."
            raise RuleError(f"criterion {shown!r} is not valid")
    if len(set(criteria)) != len(criteria):
        raise RuleError("a criterion is named twice as not verifiable remotely")
    if len(criteria) > MAX_CRITERIA:
        raise RuleError(f"at most {MAX_CRITERIA} criteria can be named as not verifiable")
    _check_text(feedback.not_verifiable_note, "what could not be verified")
    _check_text(feedback.comments, "the comments")
    if feedback.source is Source.MEMBER and (criteria or feedback.not_verifiable_note):
        raise RuleError(
            "what could not be verified remotely is the SCSS's judgement, not the member's"
        )
    said = (
        quality is not None
        or criteria
        or feedback.not_verifiable_note.strip()
        or minutes is not None
        or feedback.comments.strip()
    )
    if not said:
        raise RuleError("the feedback is empty: rate the technology or say something")


def feedback_from_fields(record_id: str, fields: Mapping[str, Any]) -> Feedback:
    """An answer from its synced fields, every value checked as if typed (RuleError)."""
    try:
        source = Source(str(fields.get("source")))
    except ValueError:
        raise RuleError(f"feedback source {fields.get('source')!r} is not scss or member") from None
    texts = {}
    for name in ("not_verifiable_note", "comments"):
        value = fields.get(name, "")
        if not isinstance(value, str):
            raise RuleError(f"{name.replace('_', ' ')} must be text")
        texts[name] = value
    stamp, who = fields.get("recorded_at"), fields.get("recorded_by")
    if not isinstance(stamp, str) or not _STAMP.fullmatch(stamp):
        raise RuleError(f"recorded_at {stamp!r} is not a UTC timestamp")
    if not isinstance(who, str) or not who.strip():
        raise RuleError("feedback names who recorded it")
    _check_text(who, "recorded_by", MAX_NAME)
    feedback = Feedback(
        id=record_id,
        validation_id=str(fields.get("validation_id")),
        source=source,
        technology_quality=fields.get("technology_quality"),
        not_verifiable=_criteria(fields.get("not_verifiable", "[]")),
        not_verifiable_note=texts["not_verifiable_note"],
        minutes_lost=fields.get("minutes_lost"),
        comments=texts["comments"],
        recorded_at=stamp,
        recorded_by=who,
    )
    check_feedback(feedback)
    return feedback


def check_fields(fields: Mapping[str, Any]) -> None:
    """The meaning check of a synced feedback record's fields (sync/meaning.py)."""
    feedback_from_fields("", fields)


def check_target(feedback: Feedback, status: str | None, criteria: Iterable[str] | None) -> None:
    """RuleError unless the answer fits its validation: one whose work has started
    (status), naming only criteria of its pinned catalog (None: the catalog is unknown)."""
    if status is None:
        raise RuleError(f"validation {feedback.validation_id} is not known")
    if status == NOT_YET:
        raise RuleError("a planned validation takes feedback once its work has started")
    if criteria is not None:
        known = set(criteria)
        stray = [c for c in feedback.not_verifiable if c not in known]
        if stray:
            raise RuleError(f"criterion {stray[0]} is not in the validation's catalog")


def hub_refusal(
    kind: str,
    fields: Mapping[str, Any],
    held: Mapping[tuple[str, str], Any],
    load: Callable[[str, str], Any],
) -> str | None:
    """Why the hub refuses a new feedback record (None: it takes it; other kinds pass).

    held holds the records of the push by (kind, id), load(kind, id) reads a stored one;
    each has .fields: the validation the answer names, and that validation's catalog.
    """
    if kind != "feedback":
        return None
    from ctpat_desktop.sync.meaning import pinned_catalog

    def lookup(kind: str, record_id: str) -> Any:
        return held.get((kind, record_id)) or load(kind, record_id)

    try:
        feedback = feedback_from_fields("", fields)
        validation = lookup("validation", feedback.validation_id)
        status = None if validation is None else str(validation.fields.get("status"))
        criteria = None
        if validation is not None and feedback.not_verifiable:
            name = f"{validation.fields.get('entity')}@{validation.fields.get('catalog_version')}"
            catalog = lookup("catalog", name)
            if catalog is None:
                raise RuleError(f"catalog {name} is not on the hub")
            criteria = [c.id for c in pinned_catalog(catalog.fields).criteria]
        check_target(feedback, status, criteria)
    except RuleError as exc:
        return str(exc)
    return None


def latest(answers: Iterable[Feedback]) -> list[Feedback]:
    """The answers that count: per validation, source and person, the last recorded."""
    kept: dict[tuple[str, str, str], Feedback] = {}
    for answer in sorted(answers, key=lambda a: (a.recorded_at, a.id)):
        kept[(answer.validation_id, answer.source.value, answer.recorded_by)] = answer
    return sorted(kept.values(), key=lambda a: (a.recorded_at, a.id))


def summarise(
    answers: Iterable[tuple[Feedback, str]], titles: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """The dashboard's feedback figures from (answer, validation mode) pairs: counts, mean
    technology quality and time lost per mode and source, and the criteria the SCSSs most
    often could not verify remotely (share: of the SCSS answers of that mode)."""
    pairs = list(answers)
    mode_of = {a.id: mode for a, mode in pairs}
    counted = latest(a for a, _mode in pairs)
    groups: dict[tuple[str, str], list[Feedback]] = defaultdict(list)
    for answer in counted:
        groups[(mode_of[answer.id], answer.source.value)].append(answer)
    by_mode = []
    for (mode, source), group in sorted(groups.items()):
        rated = [a.technology_quality for a in group if a.technology_quality is not None]
        lost = [a.minutes_lost for a in group if a.minutes_lost is not None]
        by_mode.append(
            {
                "mode": mode,
                "source": source,
                "answers": len(group),
                "rated": len(rated),
                "mean_quality": round(sum(rated) / len(rated), 2) if rated else None,
                "minutes_lost": sum(lost),
                "mean_minutes_lost": round(sum(lost) / len(lost), 1) if lost else None,
            }
        )
    scss = [a for a in counted if a.source is Source.SCSS]
    named = Counter(c for a in scss for c in a.not_verifiable)
    ranked = sorted(named.items(), key=lambda i: (-i[1], criterion_sort_key(i[0])))
    titles = titles or {}
    return {
        "answers": len(counted),
        "scss_answers": len(scss),
        "member_answers": len(counted) - len(scss),
        "validations": len({a.validation_id for a in counted}),
        "by_mode": by_mode,
        "not_verifiable": [
            {
                "criterion": criterion,
                "title": titles.get(criterion, ""),
                "count": count,
                "percent": round(100 * count / len(scss), 2),
            }
            for criterion, count in ranked[:TOP_NOT_VERIFIABLE]
        ],
        "not_verifiable_notes": sum(bool(a.not_verifiable_note.strip()) for a in scss),
    }
