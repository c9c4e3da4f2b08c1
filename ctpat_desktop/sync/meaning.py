"""What a synced record's values must mean, checked the same way by the hub and a laptop.

protocol.py checks JSON types; this checks meaning, with the rules a laptop applies when a
person types the value (the worksheet's vocabularies and finding rules, the reasons file,
the account and date formats). The hub refuses a change whose record would break them;
a laptop parks a pulled record that breaks them instead of storing it, so one bad record
never breaks a list, a report or the dashboard.
"""

import hashlib
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from typing import Any, NoReturn

from ctpat_desktop.catalog import Catalog, catalog_from_dict, load_reasons
from ctpat_desktop.errors import CtpatError, RuleError
from ctpat_desktop.paths import resources_dir
from ctpat_desktop.records import validation
from ctpat_desktop.records.declare import Declaration, Field, Type
from ctpat_desktop.records.domain import field_enum
from ctpat_desktop.records.finding import FINDING
from ctpat_desktop.records.values import to_row, wire_value
from ctpat_desktop.sync import feedback_rules, letter_rules, visit_rules
from ctpat_desktop.sync.followup_rules import record_from_fields
from ctpat_desktop.worksheet.agenda import check_stretch
from ctpat_desktop.worksheet.model import (
    Finding,
    FindingStatus,
    Lifecycle,
    Mode,
    Vocabulary,
)
from ctpat_desktop.worksheet.rules import MAX_TYPED, NOT_MET_ONLY

ACCOUNT = re.compile(f"^{validation.ACCOUNT_PATTERN}$")  # as the validation declares it
_CRITERION = re.compile(r"^(1[0-2]|[1-9])\.[1-9][0-9]?$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
MAX_NAME = 200
MAX_CAPTION = 200  # an evidence caption: a few words on one line, printed under the photo


@cache
def reason_codes() -> frozenset[str]:
    """The coded deficiency reasons both sides ship."""
    return frozenset(r.code for r in load_reasons(resources_dir() / "msc" / "reasons.json"))


def _day(value: Any, what: str) -> date | None:
    if value is None:
        return None
    text = str(value)
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
    except ValueError:
        pass
    _bad(value, what)


def _bad(value: Any, what: str) -> NoReturn:
    shown = repr(value) if len(repr(value)) < 60 else repr(value)[:57] + "..."
    raise RuleError(f"{what} {shown} is not valid")


def _codes(
    value: Any, what: str, allowed: re.Pattern[str] | frozenset[str] | None
) -> tuple[str, ...]:
    """A JSON list of distinct codes, each matching the pattern or in the set (None: any)."""
    if value == "[]":
        return ()  # most lists are empty
    try:
        items = json.loads(value) if isinstance(value, str) else None
    except (ValueError, RecursionError):
        items = None
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise RuleError(f"{what} must be a JSON list of codes")
    for item in items:
        if isinstance(allowed, frozenset):
            ok = item in allowed
        else:
            ok = allowed is None or allowed.fullmatch(item) is not None
        if not ok:
            _bad(item, what.rstrip("s"))
    if len(set(items)) != len(items):
        raise RuleError(f"{what}: a code is given twice")
    return tuple(items)


def _text(fields: Mapping[str, Any], name: str, limit: int = MAX_TYPED) -> None:
    value = fields.get(name)
    if not value or not isinstance(value, str):
        return  # most texts of a finding are empty
    if len(value) > limit:
        raise RuleError(f"{name.replace('_', ' ')} is longer than {limit} characters")
    if _CONTROL.search(value):
        raise RuleError(f"{name.replace('_', ' ')} contains control characters")


# The finding's fields are checked as records/finding.py declares them (type, limits,
# choices, pattern, whether empty) with the words the hub has always refused them in.
# How a refusal names a field, where not by its name with spaces.
_CALLED = {"unmet_parts": "parts", "due": "due date"}
# The refusal of a number not among an INT field's choices, where not "{called} is {choices}".
_NOT_ONE_OF = {"extension_days": "an extension is {choices} days"}
# Where a CODES field's codes come from, when its declaration gives no pattern for them.
_CODE_LISTS: dict[str, Callable[[], frozenset[str]]] = {"reasons": reason_codes}
_CONTROL_ONE_LINE = re.compile(r"[\x00-\x1f\x7f]")
_Check = Callable[[Any], Any]  # a pushed value to the Finding's; RuleError if it means nothing


def _vocabulary_check(f: Field, vocabulary: type[Vocabulary]) -> _Check:
    """A member of the field's vocabulary, by its value (parse names the values allowed)."""

    def check(value: Any) -> Any:
        if value is None and f.nullable:
            return None
        return vocabulary.parse(str(value))

    return check


def _text_check(f: Field, called: str) -> _Check:
    """Text within the field's choices, pattern and length; line breaks if multiline."""
    pattern = re.compile(f.pattern) if f.pattern else None
    control = _CONTROL if f.multiline else _CONTROL_ONE_LINE
    where = "control characters" if f.multiline else "line breaks or control characters"

    def check(value: Any) -> Any:
        if value is None and f.nullable:
            return None
        if type(value) is not str:
            _bad(value, called)
        if not value:
            if f.required:
                _bad(value, called)
            return value  # most texts of a finding are empty
        if (pattern is not None and not pattern.fullmatch(value)) or (
            f.choices and value not in f.choices
        ):
            _bad(value, called)
        if len(value) > f.max_length:
            raise RuleError(f"{called} is longer than {f.max_length} characters")
        if control.search(value):
            raise RuleError(f"{called} contains {where}")
        return value

    return check


def _codes_check(f: Field, called: str) -> _Check:
    """A JSON list of distinct codes: from the field's code list, else matching its pattern."""
    listed = _CODE_LISTS.get(f.name)
    if listed is not None:
        return lambda value: _codes(value, called, listed())
    pattern = re.compile(f.item_pattern) if f.item_pattern else None
    return lambda value: _codes(value, called, pattern)


def _date_check(f: Field, called: str) -> _Check:
    def check(value: Any) -> Any:
        if value is None and not f.nullable:
            _bad(value, called)
        return _day(value, called)

    return check


def _int_check(f: Field, called: str) -> _Check:
    """A whole number among the field's choices, or within its bounds."""
    choices = f.int_choices
    words = [str(n) for n in choices]
    listed = ", ".join(words[:-1]) + " or " + words[-1] if len(words) > 1 else "".join(words)
    not_one_of = _NOT_ONE_OF.get(f.name, "{called} is {choices}")
    not_one_of = not_one_of.format(called=called, choices=listed)
    if f.minimum is not None and f.maximum is not None:
        bounds = f"between {f.minimum} and {f.maximum}"
    else:
        bounds = f"at least {f.minimum}" if f.minimum is not None else f"at most {f.maximum}"

    def check(value: Any) -> Any:
        if value is None and f.nullable:
            return None
        if type(value) is not int or (choices and value not in choices):
            if choices:
                raise RuleError(not_one_of)
            _bad(value, called)
        if (f.minimum is not None and value < f.minimum) or (
            f.maximum is not None and value > f.maximum
        ):
            raise RuleError(f"{called} must be {bounds}")
        return value

    return check


def _bool_check(f: Field, called: str) -> _Check:
    def check(value: Any) -> Any:
        if (value is None and f.nullable) or type(value) is bool:
            return value
        _bad(value, called)

    return check


_CHECK_OF_TYPE: dict[Type, Callable[[Field, str], _Check]] = {
    Type.TEXT: _text_check,
    Type.CODES: _codes_check,
    Type.DATE: _date_check,
    Type.INT: _int_check,
    Type.BOOL: _bool_check,
}


def _field_check(kind: Declaration, cls: type[Finding], f: Field) -> _Check:
    """The check of one declared field: a vocabulary's by its parse, a type the finding has
    always had with the hub's words, any other as records/values.py checks every kind's."""
    vocabulary = field_enum(cls, f.name)
    if vocabulary is not None:
        if not issubclass(vocabulary, Vocabulary):
            raise TypeError(f"{kind.name} {f.name}: {vocabulary.__name__} is not a Vocabulary")
        return _vocabulary_check(f, vocabulary)
    made = _CHECK_OF_TYPE.get(f.type)
    if made is not None:
        return made(f, _CALLED.get(f.name, f.name.replace("_", " ")))

    def declared(value: Any) -> Any:
        checked = wire_value(kind, f, value)
        return tuple(checked) if isinstance(checked, list) else checked

    return declared


@dataclass(frozen=True, slots=True)
class FindingChecks:
    """How a finding's synced fields become a Finding: for each declared field in order, its
    name, the value of a change that leaves it out and its check."""

    cls: type[Finding]
    fields: tuple[tuple[str, Any, _Check], ...]


def finding_checks(kind: Declaration, cls: type[Finding]) -> FindingChecks:
    """The checks of a finding declaration's fields, made once. A required field left out
    is checked as null; another takes its empty value (a laptop of an earlier release
    pushes no field added since)."""
    return FindingChecks(
        cls,
        tuple(
            (
                f.name,
                None if f.required else to_row(kind, {f.name: f.empty()})[f.name],
                _field_check(kind, cls, f),
            )
            for f in kind.fields
        ),
    )


FINDING_CHECKS = finding_checks(FINDING, Finding)
_NOT_MET_EMPTY = tuple((name, getattr(Finding(""), name)) for name in NOT_MET_ONLY)


def finding_from_fields(fields: Mapping[str, Any]) -> Finding:
    """A finding from its synced fields, every value checked as if typed (each field as
    records/finding.py declares it), then what a finding of its status may hold."""
    checks = FINDING_CHECKS
    finding = checks.cls(*[check(fields.get(name, gone)) for name, gone, check in checks.fields])
    criterion = finding.criterion
    if finding.status is FindingStatus.NOT_MET:
        if not finding.reasons:
            raise RuleError(f"criterion {criterion}: a not-met finding needs at least one reason")
    else:
        kept = [name for name, empty in _NOT_MET_EMPTY if getattr(finding, name) != empty]
        if kept:
            raise RuleError(
                f"criterion {criterion}: {kept[0].replace('_', ' ')} belongs only to a "
                "not-met finding"
            )
    return finding


def _check_validation(fields: Mapping[str, Any]) -> None:
    # Its vocabularies said first in their own words (a person reads them so), then every
    # field as records/validation.py declares it, and the declaration's rules.
    Mode.parse(str(fields.get("mode")))
    Lifecycle.parse(str(fields.get("status")))
    validation.DECLARED.check_synced(fields)


def _check_member(fields: Mapping[str, Any]) -> None:
    name = fields.get("name")
    if not isinstance(name, str) or not name.strip():
        raise RuleError("the member name is empty")
    _text(fields, "name", MAX_NAME)
    account = fields.get("account")
    if not isinstance(account, str) or not ACCOUNT.fullmatch(account):
        _bad(account, "account number")


def check_caption(caption: str) -> None:
    """RuleError unless an evidence caption is one line of at most MAX_CAPTION characters."""
    if len(caption) > MAX_CAPTION:
        raise RuleError(
            f"a caption is at most {MAX_CAPTION} characters (this one has {len(caption)})"
        )
    if any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in caption):
        raise RuleError("a caption is one line, without line breaks or control characters")


def _check_evidence(fields: Mapping[str, Any]) -> None:
    if not _SHA256.fullmatch(str(fields.get("sha256"))):
        _bad(fields.get("sha256"), "evidence SHA-256")
    criterion = fields.get("criterion")  # None: evidence of the whole validation
    if criterion is not None and not _CRITERION.fullmatch(str(criterion)):
        _bad(criterion, "criterion")
    _text(fields, "filename", MAX_NAME)
    check_caption(str(fields.get("caption", "")))  # absent: sent by an older laptop


def _check_report(fields: Mapping[str, Any]) -> None:
    version = fields.get("version")
    if not isinstance(version, int) or version < 1:
        raise RuleError("a report version is a whole number from 1")
    if not _SHA256.fullmatch(str(fields.get("sha256"))):
        _bad(fields.get("sha256"), "report SHA-256")
    if fields.get("language") not in ("en", "es"):
        _bad(fields.get("language"), "report language")


def _check_period(fields: Mapping[str, Any]) -> None:
    category = fields.get("category")  # None: before a criterion was chosen
    if category is not None and not (isinstance(category, int) and 1 <= category <= 99):
        _bad(category, "category")
    check_stretch(str(fields.get("started_at")), str(fields.get("ended_at")))
    _text(fields, "recorded_by", MAX_NAME)


def _check_followup(fields: Mapping[str, Any]) -> None:
    record_from_fields("", fields)  # what may follow what needs the others: the hub's push


_CHECKS = {
    "finding": finding_from_fields,
    "period": _check_period,
    "validation": _check_validation,
    "member": _check_member,
    "evidence": _check_evidence,
    "report": _check_report,
    "followup": _check_followup,
    "feedback": feedback_rules.check_fields,
    **letter_rules.CHECKS,
    **visit_rules.CHECKS,
}


@cache
def known_catalogs() -> dict[str, str]:
    """SHA-256 of every catalog document this release knows, by "entity@version"."""
    path = resources_dir() / "msc" / "known-catalogs.json"
    try:
        documents = json.loads(path.read_text(encoding="utf-8"))["documents"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    return {k: v for k, v in documents.items() if isinstance(v, str)}


def check_catalog(record_id: str, fields: Mapping[str, Any], may_publish: bool) -> None:
    """A catalog is CBP's as this release ships it (by hash), or one an admin published.

    The first office to push a version must not decide what it says for everyone: a
    known version with another hash is refused, an unknown one is taken only from an
    admin (on the hub) or from a hub that took it from one (on a laptop).
    """
    name = f"{fields.get('entity')}@{fields.get('version')}"
    if record_id != name:
        raise RuleError(f"catalog {record_id} names itself {name}")
    document = str(fields.get("document", ""))
    if hashlib.sha256(document.encode()).hexdigest() != fields.get("sha256"):
        raise RuleError(f"catalog {name} does not match its SHA-256")
    known = known_catalogs().get(name)
    if known is None and not may_publish:
        raise RuleError(
            f"catalog {name} is not one this release ships; only an admin publishes another"
        )
    if known is not None and known != fields.get("sha256"):
        raise RuleError(
            f"catalog {name} differs from the one this release ships (its SHA-256); it is refused"
        )


@lru_cache(maxsize=16)
def _pinned(document: str) -> Catalog:
    """A pinned catalog's document as a Catalog (read once per version: a hub checks many
    follow-up records against the same one)."""
    return catalog_from_dict(json.loads(document), "pinned catalog", resources_dir() / "schema")


def pinned_catalog(fields: Mapping[str, Any]) -> Catalog:
    """The Catalog of a synced catalog record's fields (RuleError if it does not read)."""
    try:
        return _pinned(str(fields.get("document")))
    except (ValueError, KeyError, TypeError, RecursionError, CtpatError) as exc:
        raise RuleError(f"its pinned catalog cannot be read ({exc})") from None


def check_record(kind: str, fields: Mapping[str, Any]) -> None:
    """RuleError naming the first value that means nothing (a catalog is checked by its
    own loader; a deleted record is not checked)."""
    check = _CHECKS.get(kind)
    if check is not None:
        check(fields)
