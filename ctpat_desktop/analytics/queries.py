"""The dashboard's filters, and the laptop-only SQL of the pace check (its audit trail)."""

from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True, slots=True)
class StatsFilter:
    """Which validations count: period (inclusive), entity type, mode, office, SCSS, the
    catalog (MSC) version the validations pinned and where they stand (status)."""

    start: date | None = None
    end: date | None = None
    entity: str | None = None
    mode: str | None = None
    office: str | None = None
    scss: str | None = None
    catalog_version: str | None = None
    status: str | None = None  # in-progress, in-review, approved or signed

    def where(self) -> tuple[str, dict[str, Any]]:
        """SQL conditions on validations `v` and their parameters; planned ones never count."""
        clauses = ["v.deleted = 0", "v.status != 'planned'"]
        params: dict[str, Any] = {}
        for name, column, operator in (
            ("start", "v.date", ">="),
            ("end", "v.date", "<="),
            ("entity", "v.entity", "="),
            ("mode", "v.mode", "="),
            ("office", "v.office", "="),
            ("scss", "v.scss", "="),
            ("catalog_version", "v.catalog_version", "="),
            ("status", "v.status", "="),
        ):
            value = getattr(self, name)
            if value is not None:
                clauses.append(f"{column} {operator} :{name}")
                params[name] = value.isoformat() if isinstance(value, date) else value
        return " AND ".join(clauses), params

    def as_dict(self) -> dict[str, str | None]:
        """The filters as `stats --json` echoes them."""
        return {
            "from": self.start.isoformat() if self.start else None,
            "to": self.end.isoformat() if self.end else None,
            "entity": self.entity,
            "mode": self.mode,
            "office": self.office,
            "scss": self.scss,
            "catalog_version": self.catalog_version,
            "status": self.status,
        }


def pace_sql(where: str) -> str:
    """Per validation: one-at-a-time finding edits in the audit trail and the time they span."""
    return (
        "SELECT a.validation_id AS vid, COUNT(*) AS edits, "
        "(julianday(MAX(a.at)) - julianday(MIN(a.at))) * 86400.0 AS seconds "
        "FROM audit_events a JOIN validations v ON v.id = a.validation_id "
        "WHERE a.kind = 'finding' AND a.action IN ('create', 'update') "
        f"AND {where} GROUP BY a.validation_id HAVING COUNT(*) >= :pace_min"
    )
