"""The virtual-validation metrics (stats' mode_metrics) and the hub's office breakdown as
tables of plain values, the one shape the PDF and the Excel exports both write."""

from collections.abc import Mapping, Sequence
from typing import Any

from ctpat_desktop.analytics.dashboard_common import MODE_LABELS

# Per metric key: its name and the unit its values are in.
METRICS = {
    "deficiency_rate": ("Deficiency rate (not met ÷ reviewed)", "rate"),
    "deficiencies_per_validation": ("Deficiencies per validation", "count"),
    "findings_reviewed_per_validation": ("Findings reviewed per validation", "count"),
    "session_minutes_per_validation": ("Session minutes per validation", "minutes"),
    "days_to_closure": ("Days from report to closure of a required action", "days"),
    "extensions_per_validation": ("Extensions granted per signed validation", "count"),
}
METRIC_HEADER = ("Metric", "Mode", "Value", "95 % low", "95 % high", "Counted")
COMPARISON_HEADER = (
    "Metric",
    "Mode",
    "Value",
    "In-person",
    "Difference",
    "95 % low",
    "95 % high",
    "p",
    "Verdict",
)
TREND_HEADER = (
    "Mode",
    "Validations",
    "Findings reviewed",
    "Deficiencies",
    "Deficiency rate",
    "95 % low",
    "95 % high",
    "Per validation",
)
OFFICE_HEADER = (
    "Office",
    "Validations",
    "Findings reviewed",
    "Deficiencies",
    "Per validation",
    "Without deficiencies (%)",
)


def mode_label(mode: str) -> str:
    """A mode as a heading names it."""
    return MODE_LABELS.get(mode, mode)


def metric_rows(metrics: Mapping[str, Any]) -> list[tuple[Any, ...]]:
    """Per metric and mode: value, interval and how many it counted (n)."""
    modes: Mapping[str, Mapping[str, Any]] = metrics.get("modes", {})
    rows: list[tuple[Any, ...]] = []
    for key, (name, _unit) in METRICS.items():
        for mode, found in modes.items():
            value = found.get(key, {})
            rows.append(
                (
                    name,
                    mode_label(mode),
                    value.get("value"),
                    value.get("ci_low"),
                    value.get("ci_high"),
                    value.get("n"),
                )
            )
    return rows


def category_minutes_rows(metrics: Mapping[str, Any]) -> list[tuple[Any, ...]]:
    """Per mode and category: session minutes per timed validation, with the interval."""
    rows: list[tuple[Any, ...]] = []
    for mode, found in metrics.get("modes", {}).items():
        for row in found.get("session_minutes_by_category", ()):
            category = row["category"]
            name = f"{category}. {row['name']}" if category is not None else row["name"]
            rows.append((mode_label(mode), name, row["value"], row["ci_low"], row["ci_high"]))
    return rows


def comparison_rows(metrics: Mapping[str, Any]) -> list[tuple[Any, ...]]:
    """Per metric and mode compared with in-person: values, difference, interval, p, verdict."""
    return [
        (
            METRICS.get(c["metric"], (c["metric"], ""))[0],
            mode_label(c["mode"]),
            c["value"],
            c["baseline_value"],
            c["difference"],
            c["ci_low"],
            c["ci_high"],
            c["p_value"],
            c["verdict"],
        )
        for c in metrics.get("comparisons", ())
    ]


def trend_rows(rows: Sequence[Mapping[str, Any]], by: str) -> list[tuple[Any, ...]]:
    """Per quarter (by="quarter") or MSC version (by="catalog_version") and mode."""
    return [
        (
            r[by],
            mode_label(r["mode"]),
            r["validations"],
            r["findings_reviewed"],
            r["deficiencies"],
            r["deficiency_rate"]["value"],
            r["deficiency_rate"]["ci_low"],
            r["deficiency_rate"]["ci_high"],
            r["deficiencies_per_validation"]["value"],
        )
        for r in rows
    ]


def office_rows(rows: Sequence[Mapping[str, Any]]) -> list[tuple[Any, ...]]:
    """The hub's office breakdown."""
    return [
        (
            r["office"] or "–",
            r["validations"],
            r["findings_reviewed"],
            r["deficiencies"],
            r["per_validation"],
            r["share_without_deficiencies"],
        )
        for r in rows
    ]
