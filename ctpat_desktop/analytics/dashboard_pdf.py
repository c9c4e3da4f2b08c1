"""Write the MSC performance dashboard (`ctpat-desktop stats`) as a tagged, archival PDF."""

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ctpat_desktop.analytics.dashboard_common import EMPTY_FIGURES, MODE_LABELS, ordered_modes
from ctpat_desktop.analytics.dashboard_text import filters_text, moment
from ctpat_desktop.analytics.metrics_tables import (
    METRICS,
    OFFICE_HEADER,
    category_minutes_rows,
    metric_rows,
    office_rows,
    trend_rows,
)
from ctpat_desktop.analytics.outcomes import (
    OUTCOME_HEADER,
    RESULT_HEADER,
    outcome_rows,
    result_rows,
)
from ctpat_desktop.pdf.blocks import (
    BarChart,
    Block,
    Bullets,
    Group,
    Heading,
    Paragraph,
    Span,
    Table,
    Text,
)
from ctpat_desktop.pdf.engine import Document, write_pdf

TITLE = "MSC Performance Dashboard"
AUTHOR = "ctpat-desktop"
SUBJECT = "CTPAT validation performance: deficiencies, reasons, modes and anomalies"
_SECTIONS = {
    "key": "Key statistics",
    "category": "Deficiencies by criteria category",
    "top": "Top MSC deficiencies",
    "rates": "Deficiencies by criterion rate",
    "reasons": "Deficiency reasons",
    "trend": "Trend by quarter",
    "modes": "Virtual vs in-person",
    "anomalies": "Anomaly flags",
    "metrics": "Virtual-validation metrics",
    "outcomes": "Outcomes proposed and decided",
    "offices": "By office",
}


def write_dashboard_pdf(stats: Mapping[str, Any], path: Path) -> None:
    """Write the dashboard to path (through a temporary file, so a failure leaves no half file)."""
    data = {**EMPTY_FIGURES, **stats}
    document = Document(
        title=TITLE,
        author=AUTHOR,
        subject=SUBJECT,
        lang="en",
        footer=f"{TITLE} · {AUTHOR}",
        blocks=_blocks(data),
    )
    write_pdf(document, path)


def _blocks(data: Mapping[str, Any]) -> list[Block]:
    """The whole document, section by section."""
    blocks: list[Block] = [
        Heading(TITLE, level=1, bookmarked=False),
        Paragraph(filters_text(data["filters"]), "meta"),
    ]
    if data["generated_at"]:
        blocks.append(Paragraph(f"Generated {moment(data['generated_at'])}", "meta"))
    blocks += _key_statistics(data)
    blocks += _categories(data["by_category"])
    blocks.append(_heading("top"))
    blocks += _criteria(
        data["top_criteria"],
        "Criteria with the most deficiencies. Rate = deficiencies ÷ times reviewed.",
    )
    blocks.append(_heading("rates"))
    blocks += _criteria(
        data["top_rates"], "Criteria ranked by deficiency rate (deficiencies ÷ reviewed)."
    )
    blocks += _reasons(data)
    blocks += _trend(data["trend"])
    blocks += _modes(data)
    blocks += _anomalies(data["anomalies"])
    blocks += _metrics(data["mode_metrics"])
    blocks += _outcomes(data["outcomes"])
    if "by_office" in data:  # the hub's figures
        blocks += [
            _heading("offices"),
            Table(
                OFFICE_HEADER,
                [
                    (str(o), _count(v), _count(r), _count(d), _decimal(p), _percent(w))
                    for o, v, r, d, p, w in office_rows(data["by_office"])
                ],
                (130, 65, 75, 75, 70, 90),
                1,
            ),
        ]
    return blocks


def _number(value: Any, unit: str = "") -> str:
    """A metric's value in words: a rate as a percent, else with its own digits."""
    if value is None:
        return "–"
    if unit == "rate":
        return f"{value:.1%}"
    return f"{value:,.2f}".rstrip("0").rstrip(".") if isinstance(value, float) else f"{value:,}"


def _metrics(metrics: Mapping[str, Any]) -> list[Block]:
    """Per mode with 95 % intervals, the comparisons in words, and the trends."""
    blocks: list[Block] = [_heading("metrics")]
    if not metrics.get("modes"):
        return [*blocks, Paragraph("No validation in this selection.")]
    units = {name: unit for name, unit in METRICS.values()}
    rows = [
        (name, mode, _number(v, units[name]), f"{_number(lo, units[name])} to "
         f"{_number(hi, units[name])}", _number(n))
        for name, mode, v, lo, hi, n in metric_rows(metrics)
    ]  # fmt: skip
    header = ("Metric", "Mode", "Value", "95 % interval", "Counted")
    blocks.append(Table(header, rows, (200, 65, 70, 110, 55), 2))
    blocks.append(
        Paragraph(
            "Deficiency rate: deficiencies ÷ findings reviewed, its interval by validation "
            "(findings of one validation are not independent). Session minutes: validations "
            "with session time recorded. Days to closure: each required action closed, from "
            "the signed report it follows.",
            "caption",
        )
    )
    minutes = category_minutes_rows(metrics)
    if minutes:
        blocks += [
            Heading("Session minutes per validation by category", level=3),
            Table(
                ("Mode", "Category", "Minutes", "95 % interval"),
                [
                    (m, c, _number(v), f"{_number(lo)} to {_number(hi)}")
                    for m, c, v, lo, hi in minutes
                ],
                (65, 250, 70, 115),
                2,
            ),
        ]
    comparisons = metrics.get("comparisons", ())
    if comparisons:
        blocks += [
            Heading("Compared with in-person validations", level=3),
            Bullets([c["verdict"] for c in comparisons]),
        ]
    for key, by, first, title in (
        ("by_quarter", "quarter", "Quarter", "by quarter"),
        ("by_version", "catalog_version", "MSC version", "by MSC version"),
    ):
        trend = trend_rows(metrics.get(key, ()), by)
        if trend:
            body = [
                (str(w), m, _count(v), _count(d), _number(rate, "rate"),
                 f"{_number(lo, 'rate')} to {_number(hi, 'rate')}", _decimal(per))
                for w, m, v, _r, d, rate, lo, hi, per in trend
            ]  # fmt: skip
            columns = (first, "Mode", "Validations", "Deficiencies", "Rate", "95 % interval",
                       "Per validation")  # fmt: skip
            blocks += [
                Heading(f"Virtual and in-person {title}", level=3),
                Table(columns, body, (70, 65, 65, 70, 55, 105, 70), 2),
            ]
    return blocks


def _outcomes(outcomes: Mapping[str, Any]) -> list[Block]:
    """How the validations' outcomes stand, per mode, and the results proposed and decided."""
    blocks: list[Block] = [_heading("outcomes")]
    if not outcomes.get("validations"):
        return [*blocks, Paragraph("No validation in this selection.")]
    blocks += [
        Paragraph(
            "The result each SCSS proposed and the supervisor's decision on it: agreed (the "
            "proposed result stands) or changed to another result.",
            "caption",
        ),
        Table(
            OUTCOME_HEADER,
            [(m, *(_count(n) for n in counts)) for m, *counts in outcome_rows(outcomes)],
            (80, 62, 70, 55, 55, 55, 127),
            1,
        ),
    ]
    if not outcomes.get("proposed") and not outcomes.get("decided"):
        return [*blocks, Paragraph("No outcome was proposed in this selection.")]
    body = [
        (label, _count(p), _percent(pp), _count(d), _percent(dp))
        for label, p, pp, d, dp in result_rows(outcomes)
    ]
    return [
        *blocks,
        Heading("Results proposed and decided", level=3),
        Table(RESULT_HEADER, body, (180, 70, 85, 70, 85), 1),
    ]


def _heading(key: str) -> Heading:
    """A section title (an entry of the PDF's outline)."""
    return Heading(_SECTIONS[key])


def _key_statistics(data: Mapping[str, Any]) -> list[Block]:
    rows = [
        ("Validations", _count(data["validations"])),
        ("Findings reviewed", _count(data["findings_reviewed"])),
        ("Deficiencies (criteria not met)", _count(data["deficiencies"])),
        ("Required actions (Must not met)", _count(data["required_actions"])),
        ("Recommendations (Should not met)", _count(data["recommendations"])),
        ("Deficiencies per validation", _decimal(data["deficiencies_per_validation"])),
        ("Validations without deficiencies", _percent(data["share_without_deficiencies"])),
    ]
    return [_heading("key"), Table(("Statistic", "Value"), rows, (260, 110), 1)]


def _categories(rows: Sequence[Mapping[str, Any]]) -> list[Block]:
    body: list[tuple[Text, ...]] = [
        (str(r["category"]), r["name"], _count(r["count"]), _percent(r["percent"])) for r in rows
    ]
    total = sum(r["count"] for r in rows)
    body.append(("", "Total", _count(total), _percent(sum(r["percent"] for r in rows))))
    table = Table(
        ("No.", "Criteria category", "Deficiencies", "Percent"),
        body,
        (34, 300, 85, 85),
        2,
        total=True,
    )
    blocks: list[Block] = [_heading("category"), table]
    if total:
        blocks.append(_category_chart(rows))
    else:
        blocks.append(Paragraph("No deficiencies in this selection."))
    return blocks


def _category_chart(rows: Sequence[Mapping[str, Any]]) -> BarChart:
    """Horizontal bars of the deficiencies per category, category 1 at the top."""
    labels = [f"{r['category']}. {r['name']}" for r in rows]
    shown = [f"{_count(r['count'])}  ({_percent(r['percent'])})" for r in rows]
    alt = "Bar chart of the deficiencies per criteria category: " + "; ".join(
        f"{label}: {value}" for label, value in zip(labels, shown, strict=True)
    )
    return BarChart(
        labels=labels,
        values=[r["count"] for r in rows],
        value_labels=shown,
        alt=alt + ".",
        caption="Deficiencies per criteria category: count and percent of all deficiencies.",
    )


def _criteria(rows: Sequence[Mapping[str, Any]], caption: str) -> list[Block]:
    if not rows:
        return [Paragraph("No criterion was reviewed in this selection.")]
    body = [
        (
            r["criterion"],
            r["title"],
            _count(r["count"]),
            _count(r["reviewed"]),
            _percent(r["rate"] * 100),
        )
        for r in rows
    ]
    header = ("Criterion", "Title", "Deficiencies", "Reviewed", "Rate")
    return [Paragraph(caption, "caption"), Table(header, body, (56, 238, 76, 64, 70), 2)]


def _reasons(data: Mapping[str, Any]) -> list[Block]:
    blocks: list[Block] = [_heading("reasons")]
    if not data["by_reason"]:
        return [*blocks, Paragraph("No deficiencies in this selection.")]
    body = [(r["label"], _count(r["count"]), _percent(r["percent"])) for r in data["by_reason"]]
    # A deficiency may cite several reasons: the percents are shares of the reasons cited.
    blocks += [
        Paragraph(
            "Why deficiencies occurred: the deficiencies citing each reason, and the reason's "
            "share of all reasons cited (a deficiency may cite more than one).",
            "caption",
        ),
        Table(("Reason", "Deficiencies", "Share of citations"), body, (300, 85, 100), 1),
    ]
    grouped: list[tuple[Text, ...]] = []
    for group in data["reasons_by_category"]:
        for n, r in enumerate(group["reasons"]):
            name = f"{group['category']}. {group['name']}" if n == 0 else ""
            grouped.append((name, r["label"], _count(r["count"]), _percent(r["percent"])))
    if grouped:
        header = ("Criteria category", "Reason", "Deficiencies", "Share of category")
        blocks += [
            Heading("Reasons within each category", level=3),
            Table(header, grouped, (170, 150, 80, 104), 2),
        ]
    return blocks


def _trend(rows: Sequence[Mapping[str, Any]]) -> list[Block]:
    blocks: list[Block] = [_heading("trend")]
    if not rows:
        return [*blocks, Paragraph("No validation in this selection.")]
    body = [
        (
            r["quarter"],
            _count(r["validations"]),
            _count(r["deficiencies"]),
            _decimal(r["per_validation"]),
        )
        for r in rows
    ]
    header = ("Quarter", "Validations", "Deficiencies", "Per validation")
    return [*blocks, Table(header, body, (90, 90, 90, 100), 1)]


def _modes(data: Mapping[str, Any]) -> list[Block]:
    blocks: list[Block] = [_heading("modes")]
    by_mode: Mapping[str, Mapping[str, Any]] = data["by_mode"]
    modes = ordered_modes(by_mode)
    if not modes:
        return [*blocks, Paragraph("No validation in this selection.")]
    body = [
        (
            _mode(m),
            _count(by_mode[m]["validations"]),
            _count(by_mode[m]["deficiencies"]),
            _decimal(by_mode[m]["per_validation"]),
        )
        for m in modes
    ]
    header = ("Mode", "Validations", "Deficiencies", "Per validation")
    blocks.append(Table(header, body, (110, 90, 90, 100), 1))
    comparisons: Sequence[Mapping[str, Any]] = data["mode_comparison"]
    if comparisons:
        rows = [
            (
                _comparison(c),
                _signed(c["difference"]),
                _interval(c["ci_low"], c["ci_high"]),
                _p_value(c["p_value"]),
            )
            for c in comparisons
        ]
        header = ("Comparison", "Difference per validation", "95 % interval", "p")
        blocks.append(Table(header, rows, (150, 130, 130, 60), 1))
    for c in comparisons:
        blocks.append(Paragraph([Span(f"{_comparison(c)}:", bold=True), Span(f" {c['verdict']}")]))
    names = {r["category"]: r["name"] for r in data["by_category"]}
    per_category = [
        (
            f"{n}. {names[n]}" if n in names else f"{n}",
            *(_decimal(_per_category(by_mode[m], n)) for m in modes),
        )
        for n in range(1, 13)
    ]
    blocks += [
        Heading("Deficiencies per validation by category", level=3),
        Table(
            ("Criteria category", *(_mode(m) for m in modes)),
            per_category,
            (240, *([264 / len(modes)] * len(modes))),
            1,
        ),
    ]
    return blocks


def _anomalies(rows: Sequence[Mapping[str, Any]]) -> list[Block]:
    blocks: list[Block] = [_heading("anomalies")]
    if not rows:
        return [*blocks, Paragraph("No validation was flagged.")]
    blocks.append(
        Paragraph(
            "Validations whose findings stand out; check them before relying on them.", "caption"
        )
    )
    for a in rows:
        head = [Span(a["member"], bold=True), Span(f" · {a['entity']} · {a['date']}")]
        blocks.append(
            Group(
                (
                    Paragraph(head, "lead"),
                    Bullets(list(a["reasons"])),
                    Paragraph(f"Validation {a['validation']}", "small"),
                )
            )
        )
    return blocks


def _per_category(mode: Mapping[str, Any], category: int) -> float:
    """A mode's deficiencies per validation in one category (keys are strings in JSON)."""
    values: Mapping[Any, float] = mode.get("by_category", {})
    return values.get(str(category), values.get(category, 0.0))


def _mode(code: str) -> str:
    return MODE_LABELS.get(code, code)


def _comparison(row: Mapping[str, Any]) -> str:
    return f"{_mode(row['mode'])} vs {_mode(row['baseline']).lower()}"


def _count(value: int) -> str:
    return f"{value:,}"


def _decimal(value: float) -> str:
    return f"{value:,.2f}"


def _percent(value: float) -> str:
    return f"{value:.2f} %"


def _signed(value: float | None) -> str:
    return "–" if value is None else f"{value:+.2f}"


def _interval(low: float | None, high: float | None) -> str:
    return "–" if low is None or high is None else f"{low:+.2f} to {high:+.2f}"


def _p_value(value: float | None) -> str:
    if value is None:
        return "–"
    return "< 0.001" if value < 0.001 else f"{value:.3f}"
