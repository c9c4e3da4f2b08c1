"""What the dashboard's PDF and xlsx exports share: defaults and labels."""

from collections.abc import Mapping
from typing import Any

MODE_LABELS = {"virtual": "Virtual", "in-person": "In-person", "hybrid": "Hybrid"}
# Every key of `stats --json` with its empty value, so a partial dict still renders.
EMPTY_FIGURES: Mapping[str, Any] = {
    "filters": {},
    "generated_at": "",
    "validations": 0,
    "findings_reviewed": 0,
    "deficiencies": 0,
    "required_actions": 0,
    "recommendations": 0,
    "deficiencies_per_validation": 0.0,
    "share_without_deficiencies": 0.0,
    "trend": [],
    "by_category": [],
    "top_criteria": [],
    "top_rates": [],
    "by_reason": [],
    "reasons_by_category": [],
    "by_mode": {},
    "mode_comparison": [],
    "anomalies": [],
    "mode_metrics": {},
    "outcomes": {},
}


def ordered_modes(by_mode: Mapping[str, Any]) -> list[str]:
    """The modes present, virtual, in-person, hybrid first, then any other."""
    order = list(MODE_LABELS)
    return sorted(by_mode, key=lambda m: order.index(m) if m in order else len(order))
