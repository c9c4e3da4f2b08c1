"""The plain-text dashboard's sections over the virtual-validation metrics (with their 95 %
intervals and the comparisons with in-person validations), the outcomes, the feedback and
the hub's office breakdown."""

from collections.abc import Mapping, Sequence
from typing import Any

from ctpat_desktop.analytics.dashboard_common import ordered_modes
from ctpat_desktop.analytics.dashboard_text import NO_VALIDATION, plural, table
from ctpat_desktop.analytics.metrics_tables import (
    METRICS,
    category_minutes_rows,
    metric_rows,
    mode_label,
)
from ctpat_desktop.analytics.outcomes import (
    OUTCOME_HEADER,
    RESULT_HEADER,
    outcome_rows,
    result_rows,
)

METRICS_TITLE = "Virtual-validation metrics"
OUTCOMES_TITLE = "Outcomes proposed and decided"
FEEDBACK_TITLE = "Feedback after validations"
OFFICES_TITLE = "By office"
# Digits a metric's values are shown with, per unit: those stats --json rounds them to.
_DIGITS = {"count": 2, "minutes": 1, "days": 1}
_UNITS = dict(METRICS.values())
_SOURCES = {"scss": "SCSSs", "member": "members"}


def number(value: float | None, unit: str = "count") -> str:
    """A metric's value: a rate as a percent, else with its unit's digits; "–" for none."""
    if value is None:
        return "–"
    if unit == "rate":
        return f"{value * 100:.2f}%"
    return f"{value:.{_DIGITS.get(unit, 2)}f}"


def interval(low: float | None, high: float | None, unit: str = "count") -> str:
    """A 95 % interval as "low to high", or "–" where there is none."""
    if low is None or high is None:
        return "–"
    return f"{number(low, unit)} to {number(high, unit)}"


def metrics_lines(metrics: Mapping[str, Any]) -> list[str]:
    """Per mode with 95 % intervals, the comparisons in numbers and words, and the trends."""
    modes: Mapping[str, Mapping[str, Any]] = metrics.get("modes", {})
    if not modes:
        return [METRICS_TITLE, NO_VALIDATION]
    lines = [
        METRICS_TITLE,
        "  Value per mode with its 95% confidence interval and the validations counted (n);",
        "  the deficiency rate is deficiencies ÷ findings reviewed, its interval by validation.",
    ]
    body, last = [], None
    for name, mode, value, low, high, n in metric_rows(metrics):
        unit = _UNITS[name]
        body.append(
            (name if name != last else "", mode, number(value, unit), interval(low, high, unit), n)
        )
        last = name
    lines += table(("Metric", "Mode", "Value", "95% interval", "n"), body, left=2)
    granted = ", ".join(
        f"{mode_label(m)} {plural(modes[m].get('extension_days', 0), 'day')}" for m in modes
    )
    lines.append(f"  Due-date extensions granted in all: {granted}")
    lines += _category_minutes(metrics)
    lines += _comparisons(metrics.get("comparisons", ()))
    for key, by, first in (
        ("by_quarter", "quarter", "Quarter"),
        ("by_version", "catalog_version", "MSC version"),
    ):
        lines += _trend(metrics.get(key, ()), by, first)
    return lines


def _category_minutes(metrics: Mapping[str, Any]) -> list[str]:
    rows = category_minutes_rows(metrics)
    if not rows:
        return []
    body, last = [], None
    for mode, name, value, low, high in rows:
        body.append((mode if mode != last else "", name, number(value, "minutes"),
                     interval(low, high, "minutes")))  # fmt: skip
        last = mode
    header = ("Mode", "Category", "Minutes", "95% interval")
    return ["  Session minutes per validation by category", *table(header, body, "    ", 2)]


def _comparisons(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    """Each mode against in-person: the values, the difference with its interval and p, and
    the verdict in words."""
    if not rows:
        return []
    lines = ["  Compared with in-person validations"]
    for c in rows:
        name = METRICS.get(c["metric"], (c["metric"], "count"))[0]
        unit = _UNITS.get(name, "count")
        said = (
            f"    {name}, {c['mode']}: {number(c['value'], unit)} against "
            f"{number(c['baseline_value'], unit)} in person"
        )
        if c["difference"] is not None:
            said += (
                f"; difference {_signed(c['difference'], unit)} (95% interval "
                f"{_signed(c['ci_low'], unit)} to {_signed(c['ci_high'], unit)}); "
                f"p = {_p_value(c['p_value'])}"
            )
        lines += [said, f"      {c['verdict']}"]
    return lines


def _signed(value: float, unit: str) -> str:
    """A difference with its sign; a difference of rates in percentage points."""
    if unit == "rate":
        return f"{value * 100:+.2f} points"
    return f"{value:+.{_DIGITS.get(unit, 2)}f}"


def _p_value(value: float | None) -> str:
    if value is None:
        return "–"
    return "< 0.0001" if value < 0.0001 else f"{value:.4f}"


def _trend(rows: Sequence[Mapping[str, Any]], by: str, first: str) -> list[str]:
    """Per quarter or MSC version and mode: the deficiency rate and deficiencies per
    validation, each with its interval."""
    if not rows:
        return []
    body = []
    for r in rows:
        rate, per = r["deficiency_rate"], r["deficiencies_per_validation"]
        body.append(
            (
                r[by],
                mode_label(r["mode"]),
                r["validations"],
                r["findings_reviewed"],
                r["deficiencies"],
                number(rate["value"], "rate"),
                interval(rate["ci_low"], rate["ci_high"], "rate"),
                number(per["value"]),
                interval(per["ci_low"], per["ci_high"]),
            )
        )
    header = (first, "Mode", "Validations", "Reviewed", "Deficiencies", "Rate", "95% interval",
              "Per validation", "95% interval")  # fmt: skip
    title = "quarter" if by == "quarter" else "MSC version"
    return [f"  Virtual and in-person by {title}", *table(header, body, "    ", 2)]


def outcome_lines(outcomes: Mapping[str, Any]) -> list[str]:
    """How the outcomes stand per mode, and the results proposed and decided."""
    if not outcomes.get("validations"):
        return [OUTCOMES_TITLE, NO_VALIDATION]
    lines = [
        OUTCOMES_TITLE,
        "  The result each SCSS proposed and the supervisor's decision on it: agreed (the",
        "  proposed result stands) or changed to another result.",
        *table(OUTCOME_HEADER, outcome_rows(outcomes)),
    ]
    if not outcomes.get("proposed") and not outcomes.get("decided"):
        return [*lines, "  No outcome was proposed in this selection."]
    body = [
        (label, p, f"{pp:.2f}%", d, f"{dp:.2f}%") for label, p, pp, d, dp in result_rows(outcomes)
    ]
    lines += ["  Results proposed and decided", *table(RESULT_HEADER, body, "    ")]
    by_mode: Mapping[str, Mapping[str, Any]] = outcomes.get("by_mode", {})
    modes = ordered_modes(by_mode)
    per_mode = [
        (
            r["label"],
            *(
                f"{by_mode[m]['by_proposed'].get(r['result'], 0)} / "
                f"{by_mode[m]['by_decided'].get(r['result'], 0)}"
                for m in modes
            ),
        )
        for r in outcomes.get("by_proposed", ())
    ]
    header = ("Result", *(mode_label(m) for m in modes))
    return [*lines, "  Results by mode (proposed / decided)", *table(header, per_mode, "    ")]


def feedback_lines(summary: Mapping[str, Any] | None) -> list[str]:
    """The feedback answers per mode and source, and what could not be verified remotely."""
    if summary is None:  # a hub of an earlier release
        return [FEEDBACK_TITLE, "  Not available from this source."]
    if not summary["answers"]:
        return [FEEDBACK_TITLE, "  None recorded for these validations yet."]
    lines = [
        FEEDBACK_TITLE,
        f"  {plural(summary['answers'], 'answer')} on "
        f"{plural(summary['validations'], 'validation')} ({summary['scss_answers']} from "
        f"SCSSs, {summary['member_answers']} from members)",
    ]
    for row in summary["by_mode"]:
        quality, lost = row["mean_quality"], row["mean_minutes_lost"]
        lines.append(
            f"  {mode_label(row['mode'])}, {_SOURCES.get(row['source'], row['source'])}: "
            f"{plural(row['answers'], 'answer')}; technology quality "
            f"{'–' if quality is None else f'{quality:.2f}'} of 5 ({row['rated']} rated); "
            f"{plural(row['minutes_lost'], 'minute')} lost"
            + ("" if lost is None else f" ({lost:.1f} on average)")
        )
    named = summary["not_verifiable"]
    if named:
        body = [(r["criterion"], r["title"], r["count"], f"{r['percent']:.2f}%") for r in named]
        header = ("Criterion", "Title", "SCSS answers", "Share")
        lines += ["  Most often not verifiable remotely", *table(header, body, "    ", 2)]
    notes = summary["not_verifiable_notes"]
    if notes:
        lines.append(
            f"  {plural(notes, 'SCSS answer')} {'adds' if notes == 1 else 'add'} a note on "
            "what could not be verified remotely"
        )
    return lines


def office_lines(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    """The hub's figures per office."""
    if not rows:
        return [OFFICES_TITLE, NO_VALIDATION]
    width = max([24, *(len(r["office"] or "(none)") for r in rows)])
    lines = [OFFICES_TITLE]
    for r in rows:
        n, found = r["validations"], r["deficiencies"]
        lines.append(
            f"  {r['office'] or '(none)':<{width}} {n:>6} "
            f"{'validation' if n == 1 else 'validations':<11} {found:>7} "
            f"{'deficiency' if found == 1 else 'deficiencies':<12} {r['per_validation']:>6.2f} "
            f"each, {plural(r['findings_reviewed'], 'finding')} reviewed, "
            f"{r['share_without_deficiencies']:.2f}% without deficiencies"
        )
    return lines
