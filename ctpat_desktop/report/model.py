"""What the report shows, as plain values (built by the report service from the store)."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from ctpat_desktop.catalog import Catalog, Category, Reason
from ctpat_desktop.worksheet import Finding, Validation


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


@dataclass(frozen=True, slots=True)
class SignatureBox:
    """Where the builder left room for the visible signature: page (0-based) and box in points."""

    page: int
    x1: float
    y1: float
    x2: float
    y2: float
