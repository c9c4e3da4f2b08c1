"""The validation worksheet: validations, findings, statuses and rules (pure Python)."""

from ctpat_desktop.worksheet.model import (
    Finding,
    FindingStatus,
    Lifecycle,
    Member,
    Mode,
    Validation,
    Verification,
)
from ctpat_desktop.worksheet.rules import (
    CategoryProgress,
    Outcome,
    apply_finding_rules,
    classify,
    default_due_date,
    progress_by_category,
    with_status,
)

__all__ = [
    "CategoryProgress",
    "Finding",
    "FindingStatus",
    "Lifecycle",
    "Member",
    "Mode",
    "Outcome",
    "Validation",
    "Verification",
    "apply_finding_rules",
    "classify",
    "default_due_date",
    "progress_by_category",
    "with_status",
]
