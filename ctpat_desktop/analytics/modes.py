"""Virtual against in-person validations: per mode, how many deficiencies they find, how
long the session took, how fast required actions close and how often due dates are
extended, each with its 95 % confidence interval, compared with in-person validations in
plain words; and the same by quarter and by MSC (catalog) version.

Everything here comes summed up by SQL (analytics/figures.py): a count, a sum and a sum
of squares per mode is all a mean, its interval and Welch's test need.
"""

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ctpat_desktop.analytics.groups import Group, fold
from ctpat_desktop.analytics.significance import (
    Comparison,
    Ratios,
    Sample,
    compare_ratios,
    mean_interval,
    ratio_interval,
    welch_samples,
)

MODES = ("virtual", "in-person", "hybrid")
BASELINE = "in-person"
_NO_CATEGORY = 0  # session time before a criterion was chosen


def _estimate(value: float, interval: tuple[float, float] | None, digits: int) -> dict[str, Any]:
    low, high = interval if interval is not None else (None, None)
    return {
        "value": round(value, digits),
        "ci_low": None if low is None else round(low, digits),
        "ci_high": None if high is None else round(high, digits),
    }


def _mean(sample: Sample, digits: int = 2) -> dict[str, Any]:
    return _estimate(sample.mean, mean_interval(sample), digits) | {"n": sample.n}


def _scaled(sample: Sample, by: float) -> Sample:
    """The sample in another unit (seconds to minutes: by 60)."""
    return Sample(sample.n, sample.total / by, sample.squares / (by * by))


def _samples(rows: Iterable[Sequence[Any]]) -> dict[str, Sample]:
    """Per mode, from rows of (mode, n, sum, sum of squares)."""
    return {mode: Sample(int(n), int(total or 0), int(sq or 0)) for mode, n, total, sq in rows}


class _Metric:
    """How one metric is named, read and worded."""

    def __init__(self, key: str, unit: str, sentence: str, digits: int) -> None:
        self.key, self.unit, self.sentence, self.digits = key, unit, sentence, digits

    def words(self, value: float) -> str:
        if self.unit == "percent":
            return f"{value:.1%}"
        return f"{value:.{self.digits}f}"

    def difference(self, value: float) -> str:
        if self.unit == "percent":
            return f"{value * 100:+.1f} points"
        return f"{value:+.{self.digits}f}"


_METRICS = (
    _Metric(
        "deficiency_rate",
        "percent",
        "found a deficiency in {a} of the criteria they reviewed, against {b}",
        4,
    ),
    _Metric("deficiencies_per_validation", "count", "found {a} deficiencies each, against {b}", 2),
    _Metric(
        "findings_reviewed_per_validation",
        "count",
        "reviewed {a} criteria each, against {b}",
        1,
    ),
    _Metric(
        "session_minutes_per_validation",
        "minutes",
        "took {a} minutes of recorded session time each, against {b}",
        0,
    ),
    _Metric(
        "days_to_closure",
        "days",
        "had a required action closed {a} days after the report, against {b}",
        0,
    ),
    _Metric(
        "extensions_per_validation",
        "count",
        "were granted {a} due-date extensions per signed validation, against {b}",
        2,
    ),
)


def _verdict(metric: _Metric, mode: str, a: float, b: float, result: Comparison | None) -> str:
    label = mode.capitalize()
    if result is None:
        return (
            f"Not enough data to compare {metric.key.replace('_', ' ')} of {mode} and "
            f"{BASELINE} validations: each needs at least two with some variation."
        )
    said = metric.sentence.format(a=metric.words(a), b=metric.words(b))
    numbers = (
        f"{label} validations {said} in person (difference {metric.difference(result.difference)}"
        f"; 95% confidence interval {metric.difference(result.ci_low)} to "
        f"{metric.difference(result.ci_high)}; p = {result.p_value:.3f})."
    )
    if result.p_value < 0.05:
        return f"{numbers} A difference this large is unlikely to be chance."
    return f"{numbers} The data do not show a real difference."


def mode_metrics(
    groups: Sequence[Group],
    sessions: Iterable[Sequence[Any]],
    session_categories: Iterable[Sequence[Any]],
    closures: Iterable[Sequence[Any]],
    extensions: Iterable[Sequence[Any]],
    category_names: Mapping[int, str],
) -> dict[str, Any]:
    """The metrics per mode, their comparison with in-person validations, and the trends,
    from figures.groups_query's groups and the session, closure and extension queries."""
    modes = fold(groups, lambda g: g.mode)
    timed = _samples(sessions)
    closed = _samples(closures)
    extended: dict[str, tuple[Sample, int]] = {
        mode: (Sample(int(n), int(granted), int(squares)), int(days))
        for mode, n, granted, squares, days in extensions
    }
    by_category: dict[str, dict[int, Sample]] = {}
    for mode, category, seconds, squares in session_categories:
        n = timed[mode].n if mode in timed else 0
        by_category.setdefault(mode, {})[category or _NO_CATEGORY] = _scaled(
            Sample(n, int(seconds or 0), int(squares or 0)), 60
        )

    def samples(mode: str) -> dict[str, Sample | Ratios]:
        g = modes[mode]
        return {
            "deficiency_rate": g.rate,
            "deficiencies_per_validation": g.deficiencies,
            "findings_reviewed_per_validation": Sample(g.n, g.reviewed, g.sums[5]),
            "session_minutes_per_validation": _scaled(timed.get(mode, Sample(0, 0, 0)), 60),
            "days_to_closure": closed.get(mode, Sample(0, 0, 0)),
            "extensions_per_validation": extended.get(mode, (Sample(0, 0, 0), 0))[0],
        }

    per_mode: dict[str, Any] = {}
    for mode in (m for m in MODES if m in modes):
        found = samples(mode)
        row: dict[str, Any] = {"validations": modes[mode].n}
        for metric in _METRICS:
            value = found[metric.key]
            if isinstance(value, Ratios):
                row[metric.key] = _estimate(value.ratio, ratio_interval(value), 4) | {"n": value.n}
            else:
                row[metric.key] = _mean(value, max(metric.digits, 1))
        row["extension_days"] = extended.get(mode, (Sample(0, 0, 0), 0))[1]
        row["session_minutes_by_category"] = [
            {
                "category": category or None,
                "name": category_names.get(category, "Before a criterion was chosen"),
            }
            | _mean(sample, 1)
            for category, sample in sorted(by_category.get(mode, {}).items())
        ]
        per_mode[mode] = row
    return {
        "baseline": BASELINE,
        "modes": per_mode,
        "comparisons": _comparisons(modes, samples),
        "by_quarter": _trend(groups, "quarter"),
        "by_version": _trend(groups, "catalog_version"),
    }


def _comparisons(modes: Mapping[str, Group], samples: Any) -> list[dict[str, Any]]:
    if BASELINE not in modes:
        return []
    baseline = samples(BASELINE)
    rows = []
    for mode in (m for m in MODES if m in modes and m != BASELINE):
        found = samples(mode)
        for metric in _METRICS:
            a, b = found[metric.key], baseline[metric.key]
            if isinstance(a, Ratios):
                result = compare_ratios(a, b)
                values = a.ratio, b.ratio
            else:
                result = welch_samples(a, b)
                values = a.mean, b.mean
            digits = 4 if metric.unit == "percent" else max(metric.digits, 1)
            rows.append(
                {
                    "metric": metric.key,
                    "mode": mode,
                    "baseline": BASELINE,
                    "value": round(values[0], digits),
                    "baseline_value": round(values[1], digits),
                    "difference": None if result is None else round(result.difference, digits),
                    "ci_low": None if result is None else round(result.ci_low, digits),
                    "ci_high": None if result is None else round(result.ci_high, digits),
                    "p_value": None if result is None else round(result.p_value, 4),
                    "verdict": _verdict(metric, mode, values[0], values[1], result),
                }
            )
    return rows


def _trend(groups: Sequence[Group], by: str) -> list[dict[str, Any]]:
    """Per quarter (or catalog version) and mode: validations, deficiency rate and
    deficiencies per validation, with their intervals."""
    field = "quarter" if by == "quarter" else "version"
    rows = []
    for (when, mode), g in fold(groups, lambda g: (getattr(g, field), g.mode)).items():
        rows.append(
            {
                by: when,
                "mode": mode,
                "validations": g.n,
                "findings_reviewed": g.reviewed,
                "deficiencies": g.deficient,
                "deficiency_rate": _estimate(g.rate.ratio, ratio_interval(g.rate), 4),
                "deficiencies_per_validation": _estimate(
                    g.deficiencies.mean, mean_interval(g.deficiencies), 2
                ),
            }
        )
    return rows
