"""Documents signed after an issued report: a rendition of it in the other language and a
follow-up letter to the member. What each record says and when the hub takes one.

One set of rules for the laptop (the service builds a record it checks here before storing
it), a laptop pulling one from the hub, and the hub (it checks every pushed record against
the signed report it names). Each record is written once. A rendition renders one signed
report version in the other language (one per version and language anywhere: its ID is
derived from the report's); a letter names the signed version it follows and its SHA-256.
"""

import re
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from ctpat_desktop.errors import RuleError

LANGUAGES = ("en", "es")
MAX_NAME = 200
MAX_FILE_NAME = 255
MAX_ACTIONS = 1000  # far above the criteria of any catalog
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_STAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class LetterType(StrEnum):
    """What a follow-up letter tells the member."""

    CLOSURE = "closure"  # every required action is closed
    STATUS = "status"  # some required action is still open


@dataclass(frozen=True, slots=True)
class Rendition:
    """A signed rendition of one issued report version in another language."""

    id: str
    validation_id: str
    report_version: int
    language: str
    original_language: str
    original_sha256: str  # of the signed report version it renders
    sha256: str  # of the signed rendition
    signer: str
    signed_at: str
    file_name: str

    def fields(self) -> dict[str, Any]:
        """The record's synced fields (all but its id)."""
        return {
            "validation_id": self.validation_id,
            "report_version": self.report_version,
            "language": self.language,
            "original_language": self.original_language,
            "original_sha256": self.original_sha256,
            "sha256": self.sha256,
            "signer": self.signer,
            "signed_at": self.signed_at,
            "file_name": self.file_name,
        }


@dataclass(frozen=True, slots=True)
class Letter:
    """A signed follow-up letter to the member after an issued report."""

    id: str
    validation_id: str
    report_version: int
    report_sha256: str  # of the signed report version the letter follows
    language: str
    letter_type: LetterType
    open_actions: int  # required actions still open when it was signed
    sha256: str  # of the signed letter
    signer: str
    signed_at: str
    file_name: str

    def fields(self) -> dict[str, Any]:
        """The record's synced fields (all but its id)."""
        return {
            "validation_id": self.validation_id,
            "report_version": self.report_version,
            "report_sha256": self.report_sha256,
            "language": self.language,
            "letter_type": self.letter_type.value,
            "open_actions": self.open_actions,
            "sha256": self.sha256,
            "signer": self.signer,
            "signed_at": self.signed_at,
            "file_name": self.file_name,
        }


def rendition_id(report_id: str, language: str) -> str:
    """The ID every laptop gives the rendition of one report (by its ID) in one language."""
    return str(uuid.uuid5(uuid.UUID(report_id), f"rendition:{language}"))


def _text(fields: Mapping[str, Any], name: str, limit: int) -> str:
    value = fields.get(name)
    if not isinstance(value, str) or not value.strip():
        raise RuleError(f"{name.replace('_', ' ')} must be a non-empty text")
    if len(value) > limit or _CONTROL.search(value):
        raise RuleError(f"{name.replace('_', ' ')} is too long or holds control characters")
    return value


def _sha(fields: Mapping[str, Any], name: str) -> str:
    value = fields.get(name)
    if not isinstance(value, str) or not _SHA256.fullmatch(value):
        raise RuleError(f"{name.replace('_', ' ')} must be a SHA-256 in lowercase hex")
    return value


def _language(fields: Mapping[str, Any], name: str) -> str:
    value = fields.get(name)
    if value not in LANGUAGES:
        raise RuleError(f"{name.replace('_', ' ')} {value!r} is not one of: {', '.join(LANGUAGES)}")
    return str(value)


def _common(fields: Mapping[str, Any]) -> dict[str, Any]:
    """The checked values both kinds share."""
    version = fields.get("report_version")
    if type(version) is not int or version < 1:
        raise RuleError("it names the signed report version it follows (1 on)")
    stamp = fields.get("signed_at")
    if not isinstance(stamp, str) or not _STAMP.fullmatch(stamp):
        raise RuleError(f"signed_at {stamp!r} is not a UTC timestamp")
    name = _text(fields, "file_name", MAX_FILE_NAME)
    if "/" in name or "\\" in name:
        raise RuleError("file name must be a name, not a path")
    return {
        "validation_id": str(fields.get("validation_id")),
        "report_version": version,
        "language": _language(fields, "language"),
        "sha256": _sha(fields, "sha256"),
        "signer": _text(fields, "signer", MAX_NAME),
        "signed_at": stamp,
        "file_name": name,
    }


def rendition_from_fields(record_id: str, fields: Mapping[str, Any]) -> Rendition:
    """A rendition from its synced fields, every value checked (RuleError)."""
    common = _common(fields)
    original = _language(fields, "original_language")
    if original == common["language"]:
        raise RuleError(f"a rendition is in another language than its original ({original})")
    return Rendition(
        id=record_id,
        original_language=original,
        original_sha256=_sha(fields, "original_sha256"),
        **common,
    )


def letter_from_fields(record_id: str, fields: Mapping[str, Any]) -> Letter:
    """A letter from its synced fields, every value checked (RuleError)."""
    common = _common(fields)
    try:
        letter_type = LetterType(str(fields.get("letter_type")))
    except ValueError:
        raise RuleError(
            f"a follow-up letter is a closure or a status letter, not {fields.get('letter_type')!r}"
        ) from None
    open_actions = fields.get("open_actions")
    if type(open_actions) is not int or not 0 <= open_actions <= MAX_ACTIONS:
        raise RuleError(f"open actions is a count from 0 to {MAX_ACTIONS}")
    if (letter_type is LetterType.CLOSURE) != (open_actions == 0):
        raise RuleError("a closure letter has no open required action; a status letter has some")
    return Letter(
        id=record_id,
        report_sha256=_sha(fields, "report_sha256"),
        letter_type=letter_type,
        open_actions=open_actions,
        **common,
    )


# The meaning checks of a synced record's fields (sync/meaning.py), by kind.
CHECKS: dict[str, Callable[[Mapping[str, Any]], object]] = {
    "rendition": lambda fields: rendition_from_fields("", fields),
    "letter": lambda fields: letter_from_fields("", fields),
}


def check_rendition(rendition: Rendition, report: Mapping[str, Any] | None) -> None:
    """RuleError unless the rendition renders the signed report it names (report: that
    report record's fields, None when it is unknown) in another language, under its ID."""
    version = rendition.report_version
    if report is None:
        raise RuleError(f"no signed report version {version} of this validation is known")
    if report.get("sha256") != rendition.original_sha256:
        raise RuleError(f"report version {version} has another SHA-256 than the one rendered")
    if report.get("language") == rendition.language:
        raise RuleError(
            f"report version {version} is in {rendition.language} already: a rendition is in "
            "the other language"
        )


def check_letter(letter: Letter, report: Mapping[str, Any] | None) -> None:
    """RuleError unless the letter follows the signed report it names (its SHA-256)."""
    version = letter.report_version
    if report is None:
        raise RuleError(f"no signed report version {version} of this validation is known")
    if report.get("sha256") != letter.report_sha256:
        raise RuleError(f"report version {version} has another SHA-256 than the letter names")


def hub_refusal(
    kind: str,
    record_id: str,
    fields: Mapping[str, Any],
    held: Mapping[tuple[str, str], Any],
    load: Callable[[str, str], Any],
) -> str | None:
    """Why the hub refuses a new rendition or letter (None: it takes it; other kinds pass).

    held holds the records of the push by (kind, id), load(kind, id) reads a stored one;
    each has .fields and .deleted: the signed report the record names.
    """
    if kind not in CHECKS:
        return None
    from ctpat_desktop.store.repository import report_id

    def report(validation_id: str, version: int) -> Mapping[str, Any] | None:
        wanted = report_id(validation_id, version)
        found = held.get(("report", wanted)) or load("report", wanted)
        return None if found is None or found.deleted else dict(found.fields)

    try:
        if kind == "rendition":
            rendition = rendition_from_fields(record_id, fields)
            check_rendition(rendition, report(rendition.validation_id, rendition.report_version))
            wanted = report_id(rendition.validation_id, rendition.report_version)
            if record_id != rendition_id(wanted, rendition.language):
                raise RuleError("a rendition's ID is derived from its report's and its language")
        else:
            letter = letter_from_fields(record_id, fields)
            check_letter(letter, report(letter.validation_id, letter.report_version))
    except RuleError as exc:
        return str(exc)
    return None
