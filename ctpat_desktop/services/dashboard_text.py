"""The dashboard as plain text (`ctpat-desktop stats`, `ctpat-hub stats`): every figure of
`stats --json`, section by section, after the one summary line scripts read."""

from collections.abc import Mapping
from typing import Any

from ctpat_desktop.analytics import dashboard_text as core
from ctpat_desktop.analytics import metrics_text as metrics
from ctpat_desktop.analytics.dashboard_common import EMPTY_FIGURES


def dashboard_text(figures: Mapping[str, Any]) -> str:
    """The whole dashboard (a partial dict renders as empty figures; "By office" only for
    the hub's figures, which carry it)."""
    data = {**EMPTY_FIGURES, **figures}
    sections = [
        core.category_lines(data["by_category"]),
        core.criterion_lines("Top MSC deficiencies", data["top_criteria"]),
        core.criterion_lines("Deficiencies by criterion rate", data["top_rates"]),
        core.reason_lines(data["by_reason"]),
        core.reasons_by_category_lines(data["reasons_by_category"]),
        core.trend_lines(data["trend"]),
        core.mode_lines(data),
        core.anomaly_lines(data["anomalies"]),
        metrics.metrics_lines(data["mode_metrics"]),
        metrics.outcome_lines(data["outcomes"]),
        metrics.feedback_lines(data.get("feedback")),
    ]
    if "by_office" in data:
        sections.append(metrics.office_lines(data["by_office"]))
    sections.append(core.selection_lines(data))
    lines = [core.summary_line(data)]
    for section in sections:
        lines += ["", *section]
    return "\n".join(lines)
