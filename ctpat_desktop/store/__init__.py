"""Offline storage: SQLite through SQLAlchemy, migrations, evidence blobs, audit trail."""

from ctpat_desktop.store.records import (
    EvidenceRecord,
    FindingRecord,
    ReportRecord,
    ValidationSummary,
)
from ctpat_desktop.store.repository import Store, replace_with, utc_now

__all__ = [
    "EvidenceRecord",
    "FindingRecord",
    "ReportRecord",
    "Store",
    "ValidationSummary",
    "replace_with",
    "utc_now",
]
