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
