"""Validations and findings as plain values, in the vocabulary of DESIGN.md."""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Self

from ctpat_desktop.errors import RuleError
from ctpat_desktop.records.domain import Mapper
from ctpat_desktop.records.finding import FINDING, RECORDED


class _Vocabulary(StrEnum):
    @classmethod
    def parse(cls, value: str) -> Self:
        """The member named by value, or a RuleError listing the allowed values."""
        try:
            return cls(value)
        except ValueError:
            allowed = ", ".join(m.value for m in cls)
            label = _LABELS.get(cls.__name__, cls.__name__.lower())
            raise RuleError(f"'{value}' is not a valid {label}; use one of: {allowed}") from None


class FindingStatus(_Vocabulary):
    """The SCSS's finding on one criterion."""

    NOT_REVIEWED = "not-reviewed"
    MET = "met"
    NOT_MET = "not-met"
    EXCEEDS = "exceeds"
    NOT_APPLICABLE = "not-applicable"


class Mode(_Vocabulary):
    """How the validation was conducted."""

    VIRTUAL = "virtual"
    IN_PERSON = "in-person"
    HYBRID = "hybrid"


class Lifecycle(_Vocabulary):
    """Where a validation stands; signed is locked."""

    PLANNED = "planned"
    IN_PROGRESS = "in-progress"
    IN_REVIEW = "in-review"
    APPROVED = "approved"
    SIGNED = "signed"


class Verification(_Vocabulary):
    """How the SCSS verified what the member showed."""

    DOCUMENT_VERIFIED = "document-verified"
    PROCESS_OBSERVED = "process-observed"
    DESCRIBED = "described"
    OTHER = "other"


# What every vocabulary is (sync/meaning.py parses a finding field's by its type hint).
Vocabulary = _Vocabulary
_LABELS = {
    "FindingStatus": "finding status",
    "Mode": "validation mode",
    "Lifecycle": "validation status",
    "Verification": "verification method",
}


@dataclass(frozen=True, slots=True)
class Member:
    """A CTPAT member company."""

    name: str
    account: str


@dataclass(frozen=True, slots=True)
class Finding:
    """The SCSS's finding on one criterion, the member's profile answer and its response."""

    criterion: str
    status: FindingStatus = FindingStatus.NOT_REVIEWED
    reasons: tuple[str, ...] = ()
    # Keys of the criterion's parts that are not met; none named means the whole criterion.
    unmet_parts: tuple[str, ...] = ()
    verified: Verification | None = None
    note: str = ""
    report_text: str = ""
    action: str = ""
    due: date | None = None
    profile_answer: str = ""
    response_implemented: bool | None = None
    response_note: str = ""
    extension_days: int | None = None
    extension_reason: str = ""
    response_accepted: bool | None = None


# The finding's recorded fields (its criterion is its key), in one order for storage and diffs.
FINDING_FIELDS = RECORDED
# A Finding to and from JSON values and table rows, as declared (records/finding.py); refuses
# to load if Finding and the declaration do not hold the same fields in the same order.
FINDING_MAP = Mapper(FINDING, Finding)


@dataclass(frozen=True, slots=True)
class Validation:
    """One validation of a member against the catalog version it pinned."""

    id: str
    member: Member
    entity: str
    catalog_version: str
    mode: Mode
    date: date
    scss: str
    status: Lifecycle = Lifecycle.PLANNED
    office: str = ""
    webex_url: str = ""
    participants: tuple[str, ...] = ()
    planned_minutes: int = 240
    archived: bool = False
