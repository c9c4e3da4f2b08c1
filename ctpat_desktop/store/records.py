"""Rows as the store hands them out: domain values plus bookkeeping."""

from dataclasses import dataclass

from ctpat_desktop.worksheet import Finding, Validation


@dataclass(frozen=True, slots=True)
class ValidationSummary:
    """One line of the validation list."""

    validation: Validation
    entity_name: str
    criteria: int
    reviewed: int
    deficiencies: int
    updated_at: str

    @property
    def progress(self) -> float:
        """Share of criteria reviewed, 0 to 1."""
        return self.reviewed / self.criteria if self.criteria else 0.0


@dataclass(frozen=True, slots=True)
class FindingRecord:
    """A stored finding with who changed it last and when."""

    finding: Finding
    updated_at: str
    updated_by: str
    rev: int


@dataclass(frozen=True, slots=True)
class ReportRecord:
    """One issued (signed) report of a validation."""

    version: int
    sha256: str
    signer: str
    signed_at: str
    file_name: str
    language: str


@dataclass(frozen=True, slots=True)
class EvidenceRecord:
    """A piece of evidence attached to a validation (and maybe one criterion)."""

    id: str
    criterion: str | None
    sha256: str
    filename: str
    media_type: str
    size: int
    captured_at: str
    captured_by: str
    caption: str = ""  # what it shows, in a few words ("Seal log, dock 3")
