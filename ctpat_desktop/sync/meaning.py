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
from collections.abc import Mapping
from datetime import date
from functools import cache, lru_cache
from typing import Any, NoReturn

from ctpat_desktop.catalog import Catalog, catalog_from_dict, load_reasons
from ctpat_desktop.errors import CtpatError, RuleError
from ctpat_desktop.paths import resources_dir
from ctpat_desktop.sync import feedback_rules, letter_rules, visit_rules
from ctpat_desktop.sync.followup_rules import record_from_fields
from ctpat_desktop.worksheet.agenda import check_stretch
from ctpat_desktop.worksheet.model import (
    Finding,
    FindingStatus,
    Lifecycle,
    Mode,
    Verification,
)
from ctpat_desktop.worksheet.rules import EXTENSION_DAYS, MAX_TYPED, NOT_MET_ONLY, TEXT_FIELDS

ACCOUNT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{2,31}$")
_CRITERION = re.compile(r"^(1[0-2]|[1-9])\.[1-9][0-9]?$")
_VERSION = re.compile(r"^[0-9]{4}\.[0-9]+$")
_ENTITY = re.compile(r"^[a-z][a-z0-9-]*$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_PART = re.compile(r"^[a-z]$")
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


def _codes(value: Any, what: str, pattern: re.Pattern[str] | frozenset[str]) -> tuple[str, ...]:
    """A JSON list of distinct codes, each matching the pattern (or in the set)."""
    try:
        items = json.loads(value) if isinstance(value, str) else None
    except (ValueError, RecursionError):
        items = None
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise RuleError(f"{what} must be a JSON list of codes")
    for item in items:
        ok = item in pattern if isinstance(pattern, frozenset) else pattern.fullmatch(item)
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


def finding_from_fields(fields: Mapping[str, Any]) -> Finding:
    """A finding from its synced fields, every value checked as if typed."""
    criterion = fields.get("criterion")
    if not isinstance(criterion, str) or not _CRITERION.fullmatch(criterion):
        _bad(criterion, "criterion")
    for name in TEXT_FIELDS:
        _text(fields, name)
    extension = fields.get("extension_days")
    if extension is not None and extension not in EXTENSION_DAYS:
        raise RuleError("an extension is 30, 60, 90 or 120 days")
    verified = fields.get("verified")
    finding = Finding(
        criterion=str(criterion),
        status=FindingStatus.parse(str(fields.get("status"))),
        reasons=_codes(fields.get("reasons", "[]"), "reasons", reason_codes()),
        unmet_parts=_codes(fields.get("unmet_parts", "[]"), "parts", _PART),
        verified=Verification.parse(str(verified)) if verified is not None else None,
        note=str(fields.get("note", "")),
        report_text=str(fields.get("report_text", "")),
        action=str(fields.get("action", "")),
        due=_day(fields.get("due"), "due date"),
        profile_answer=str(fields.get("profile_answer", "")),
        response_implemented=fields.get("response_implemented"),
        response_note=str(fields.get("response_note", "")),
        extension_days=extension,
        extension_reason=str(fields.get("extension_reason", "")),
        response_accepted=fields.get("response_accepted"),
    )
    if finding.status is FindingStatus.NOT_MET:
        if not finding.reasons:
            raise RuleError(f"criterion {criterion}: a not-met finding needs at least one reason")
    else:
        emptied = Finding(finding.criterion)
        kept = [n for n in NOT_MET_ONLY if getattr(finding, n) != getattr(emptied, n)]
        if kept:
            raise RuleError(
                f"criterion {criterion}: {kept[0].replace('_', ' ')} belongs only to a "
                "not-met finding"
            )
    return finding


def _check_validation(fields: Mapping[str, Any]) -> None:
    Mode.parse(str(fields.get("mode")))
    Lifecycle.parse(str(fields.get("status")))
    _day(fields.get("date"), "validation date")
    entity, version = fields.get("entity"), fields.get("catalog_version")
    if not isinstance(entity, str) or not _ENTITY.fullmatch(entity):
        _bad(entity, "entity type")
    if not isinstance(version, str) or not _VERSION.fullmatch(version):
        _bad(version, "catalog version")
    minutes = fields.get("planned_minutes")
    if not isinstance(minutes, int) or not 15 <= minutes <= 24 * 60:
        raise RuleError("the planned session time must be between 15 minutes and 24 hours")
    url = fields.get("webex_url", "")
    if url and not str(url).lower().startswith("https://"):
        raise RuleError("a WebEx link must start with https://")
    try:
        people = json.loads(str(fields.get("participants", "[]")))
    except (ValueError, RecursionError):
        people = None
    if not isinstance(people, list) or not all(isinstance(p, str) for p in people):
        raise RuleError("participants must be a JSON list of names")
    for name in ("scss", "office"):
        _text(fields, name, MAX_NAME)


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
