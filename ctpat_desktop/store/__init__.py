"""Offline storage: SQLite through SQLAlchemy, migrations, evidence blobs, audit trail.

The names below are read from their modules when first asked for, so that a submodule
(keys.py, which the GUI's start runs in the background while Qt loads) comes without the
repository and the driver.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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
_WHERE = {
    "EvidenceRecord": "records",
    "FindingRecord": "records",
    "ReportRecord": "records",
    "ValidationSummary": "records",
    "Store": "repository",
    "replace_with": "repository",
    "utc_now": "repository",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
