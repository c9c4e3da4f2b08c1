"""What the report shows, as plain values (built by the report service from the store)."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from ctpat_desktop.catalog import Catalog, Category, Reason
from ctpat_desktop.worksheet import Finding, Validation
from ctpat_desktop.worksheet.rules import due_from_issue


@dataclass(frozen=True, slots=True)
class EvidenceItem:
    """One evidence file: its index entry and, for images, where its content is."""

    criterion: str | None
    filename: str
    media_type: str
    sha256: str
    size: int
    captured_at: str
    content: bytes  # evidence files are sealed on disk: the store opens them
    caption: str = ""  # what it shows, printed under the picture and the file name


@dataclass(frozen=True, slots=True)
class Site:
    """A site of the validation; type is one of records/kinds.py SITE_TYPES."""

    name: str
    type: str
    address: str = ""
    country: str = ""


@dataclass(frozen=True, slots=True)
class Participant:
    """Someone who took part: organisation "member" or "cbp", the days they were present."""

    name: str
    role: str = ""
    organisation: str = "member"
    days: tuple[date, ...] = ()


@dataclass(frozen=True, slots=True)
class TeamMember:
    """A member of the CBP team; role is "scss", "co-scss" or "observer"."""

    name: str
    role: str


@dataclass(frozen=True, slots=True)
class DocumentRequest:
    """A document asked of the member, and when it came (None: not recorded)."""

    what: str
    requested_on: date | None = None
    received_on: date | None = None


@dataclass(frozen=True, slots=True)
class Interview:
    """An interview: its topic, with whom ("" if not recorded) and when (local time)."""

    topic: str
    with_whom: str = ""
    held_at: str = ""  # YYYY-MM-DDTHH:MM, "" when not recorded


@dataclass(frozen=True, slots=True)
class TourStop:
    """An area shown on the tour, when and at which site ("" when not recorded)."""

    area: str
    at: str = ""  # YYYY-MM-DDTHH:MM
    site: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class Outcome:
    """The result the SCSS proposes (records/kinds.py RESULTS) and why."""

    result: str
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Decision:
    """The supervisor's decision: "agreed" or "changed" (to result), on a day."""

    decision: str
    result: str = ""
    decided_on: date | None = None
    note: str = ""


@dataclass(frozen=True)
class Visit:
    """What was recorded around the checklist; empty where nothing was."""

    sites: tuple[Site, ...] = ()
    participants: tuple[Participant, ...] = ()
    team: tuple[TeamMember, ...] = ()
    documents: tuple[DocumentRequest, ...] = ()
    interviews: tuple[Interview, ...] = ()
    tour: tuple[TourStop, ...] = ()
    outcome: Outcome | None = None
    decision: Decision | None = None

    def __bool__(self) -> bool:
        """Whether anything at all was recorded."""
        lists = (self.sites, self.participants, self.team, self.documents, self.interviews)
        return any(lists) or bool(self.tour) or self.outcome is not None


@dataclass(frozen=True)
class ReportData:
    """Everything one version of a validation report contains."""

    validation: Validation
    entity_name: str
    catalog: Catalog
    categories: tuple[Category, ...]
    reasons: tuple[Reason, ...]
    findings: Mapping[str, Finding]
    evidence: tuple[EvidenceItem, ...]
    version: int
    generated_at: str
    language: str = "en"
    # An unsigned draft (a preview): marked DRAFT on every page, without signing wording.
    draft: bool = False
    # The session time recorded (store/periods.py): seconds in all, and the days it ran on.
    session_seconds: int = 0
    session_days: tuple[date, ...] = ()
    # The member's response period where a finding names no due date (settings).
    response_days: int = 90
    # Whom the signing certificate names ("" for a draft) and the recorded approval.
    signer: str = ""
    approved_by: str = ""
    approved_at: str = ""
    # How to reach a person or a field office, by name (settings), and the marking printed
    # on every page ("" for the report's own default).
    contacts: Mapping[str, str] = field(default_factory=dict)
    sensitivity_marking: str = ""
    # The records around the checklist (sites, participants, tour …), when there are any.
    visit: Visit = field(default_factory=Visit)

    @property
    def issued_on(self) -> date:
        """The report's issue date: the day it is signed (UTC), the day it is generated."""
        return datetime.fromisoformat(self.generated_at).date()

    def response_period(self, finding: Finding) -> int:
        """Days the member has to answer a finding, counted from the report's issue."""
        return (self.due(finding) - self.issued_on).days

    def due(self, finding: Finding) -> date:
        """A finding's due date as the issued report prints it."""
        return due_from_issue(finding.due, self.validation.date, self.issued_on, self.response_days)


@dataclass(frozen=True, slots=True)
class SignatureBox:
    """Where the builder left room for the visible signature: page (0-based) and box in points."""

    page: int
    x1: float
    y1: float
    x2: float
    y2: float
