"""The validation worksheet's layout: sheets, columns and the labels people see (no openpyxl)."""

from collections.abc import Mapping
from dataclasses import dataclass

from ctpat_desktop.catalog import Catalog, Category, Reason
from ctpat_desktop.worksheet.model import Finding, FindingStatus, Validation, Verification

FORMAT_VERSION = 1
WORKSHEET = "Worksheet"
SUMMARY = "Summary"
VALIDATION = "Validation"
LISTS = "Lists"
MIN_REASON_COLUMNS = 3


@dataclass(frozen=True, slots=True)
class Column:
    """One column of the Worksheet sheet."""

    key: str
    header: str
    width: int
    editable: bool


def _reason(n: int) -> Column:
    return Column(f"reason_{n}", f"Reason {n}", 26, True)


def worksheet_columns(reason_columns: int) -> tuple[Column, ...]:
    """The Worksheet sheet's columns, with as many reason columns as needed (at least 3)."""
    return (
        Column("category", "Category", 24, False),
        Column("criterion", "ID", 7, False),
        Column("level", "Must/Should", 9, False),
        Column("criterion_text", "Criterion", 48, False),
        Column("guidance", "Implementation guidance", 48, False),
        Column("profile_answer", "Member's security profile answer", 36, True),
        Column("status", "Finding", 15, True),
        *(_reason(n) for n in range(1, max(reason_columns, MIN_REASON_COLUMNS) + 1)),
        Column("verified", "How verified", 18, True),
        Column("note", "Internal note (not in the report)", 34, True),
        Column("report_text", "Finding text for the report", 38, True),
        Column("action", "Required action / recommendation", 38, True),
        Column("due", "Response due", 12, True),
        Column("response_implemented", "Member: implemented?", 13, True),
        Column("response_note", "Member's response", 38, True),
    )


STATUS_LABELS = {
    FindingStatus.NOT_REVIEWED: "Not reviewed",
    FindingStatus.MET: "Met",
    FindingStatus.NOT_MET: "Not met",
    FindingStatus.EXCEEDS: "Exceeds",
    FindingStatus.NOT_APPLICABLE: "Not applicable",
}
VERIFIED_LABELS = {
    Verification.DOCUMENT_VERIFIED: "Document verified",
    Verification.PROCESS_OBSERVED: "Process observed",
    Verification.DESCRIBED: "Described",
    Verification.OTHER: "Other",
}
YES_NO = {True: "Yes", False: "No"}
LEVEL_LABELS = {"must": "Must", "should": "Should"}


def category_label(number: int, name: str) -> str:
    """How a category reads in the Category column and on the Summary sheet."""
    return f"{number}. {name}"


@dataclass(frozen=True)
class WorksheetData:
    """Everything the workbook shows about one validation."""

    validation: Validation
    entity_name: str
    catalog: Catalog
    categories: tuple[Category, ...]
    reasons: tuple[Reason, ...]
    findings: Mapping[str, Finding]
    exported_at: str
    app_version: str

    def reason_columns(self) -> int:
        """Enough reason columns for the finding with the most reasons."""
        most = max((len(f.reasons) for f in self.findings.values()), default=0)
        return max(most, MIN_REASON_COLUMNS)
