"""The plain-text dashboard's sections over the deficiency figures (categories, criteria,
reasons, trend, modes, anomalies), and the text helpers the PDF shares (filters, moments)."""

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from ctpat_desktop.analytics.dashboard_common import ordered_modes
from ctpat_desktop.analytics.metrics_tables import mode_label

NO_VALIDATION = "  No validation in this selection."
NO_DEFICIENCY = "  No deficiencies in this selection."
# Section titles, as the PDF names them where it has the section.
TRENDS = "Trend by quarter"
MODES = "Virtual vs in-person"
REASONS_BY_CATEGORY = "Deficiency reasons within each category"


def plural(n: int, word: str, many: str = "") -> str:
    """A count with its noun: "1 validation", "2 validations", "3 deficiencies"."""
    return f"{n} {word if n == 1 else many or word + 's'}"


def table(
    header: Sequence[str], rows: Sequence[Sequence[Any]], indent: str = "  ", left: int = 1
) -> list[str]:
    """Rows under a header, each column as wide as its widest cell (names show in full): the
    first `left` columns left-aligned, the numbers after them right-aligned."""
    cells = [[str(c) for c in header], *([str(c) for c in row] for row in rows)]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    return [
        (
            indent
            + "  ".join(
                cell.ljust(width) if i < left else cell.rjust(width)
                for i, (cell, width) in enumerate(zip(row, widths, strict=True))
            )
        ).rstrip()
        for row in cells
    ]


def filters_text(filters: Mapping[str, Any]) -> str:
    """The selection in one line: "Filters: 2026-01-01 to 2026-06-30; mode: virtual"."""
    start, end = filters.get("from"), filters.get("to")
    parts = []
    if start and end:
        parts.append(f"{start} to {end}")
    elif start:
        parts.append(f"from {start}")
    elif end:
        parts.append(f"up to {end}")
    for key, label in (
        ("entity", "entity"),
        ("mode", "mode"),
        ("office", "office"),
        ("catalog_version", "MSC version"),
        ("status", "status"),
    ):
        if filters.get(key):
            parts.append(f"{label}: {filters[key]}")
    if filters.get("scss"):
        parts.append(f"SCSS: {filters['scss']}")
    return "Filters: " + ("; ".join(parts) if parts else "none (all validations)")


def moment(value: str) -> str:
    """An ISO timestamp as "2026-11-29 17:20 UTC"; anything else as given."""
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return value
    return when.strftime("%Y-%m-%d %H:%M %Z").rstrip()


def summary_line(d: Mapping[str, Any]) -> str:
    """The first line, which scripts read: the counts and the two key rates."""
    return (
        f"{plural(d['validations'], 'validation')}, {plural(d['findings_reviewed'], 'finding')} "
        f"reviewed, {plural(d['deficiencies'], 'deficiency', 'deficiencies')} "
        f"({plural(d['required_actions'], 'required action')}, "
        f"{plural(d['recommendations'], 'recommendation')}); "
        f"{d['deficiencies_per_validation']:.2f} per validation, "
        f"{d['share_without_deficiencies']:.2f}% of validations with none"
    )


def category_lines(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    """Per criteria category, its full name, deficiencies, share and a bar."""
    lines = ["Deficiencies by criteria category"]
    width = max([44, *(len(r["name"]) for r in rows)])
    for r in rows:
        bar = "#" * round(r["percent"] / 2)
        lines.append(
            f"  {r['category']:>2}. {r['name']:<{width}} {r['count']:>6} "
            f"{r['percent']:>6.2f}% {bar}".rstrip()
        )
    return lines


def criterion_lines(title: str, rows: Sequence[Mapping[str, Any]]) -> list[str]:
    """Criteria ranked (by count or by rate): deficiencies of times reviewed, and the rate."""
    if not rows:
        return [title, "  No criterion was reviewed in this selection."]
    ids = max([6, *(len(r["criterion"]) for r in rows)])
    titles = max([50, *(len(r["title"]) for r in rows)])
    return [title] + [
        f"  {r['criterion']:<{ids}} {r['title']:<{titles}} {r['count']:>5} "
        f"of {r['reviewed']:<5} {r['rate']:.1%}"
        for r in rows
    ]


def reason_lines(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    """Per deficiency reason, the deficiencies citing it and its share of all reasons cited."""
    title = "Deficiency reasons (share of all reasons cited; a deficiency may cite several)"
    if not rows:
        return [title, NO_DEFICIENCY]
    width = max([34, *(len(r["label"]) for r in rows)])
    return [title] + [
        f"  {r['label']:<{width}} {r['count']:>6} {r['percent']:>6.2f}%" for r in rows
    ]


def reasons_by_category_lines(groups: Sequence[Mapping[str, Any]]) -> list[str]:
    """Per category, its reasons with their share of the reasons cited in that category."""
    if not groups:
        return [REASONS_BY_CATEGORY, NO_DEFICIENCY]
    width = max([34, *(len(r["label"]) for g in groups for r in g["reasons"])])
    lines = [f"{REASONS_BY_CATEGORY} (share of the category's reasons)"]
    for group in groups:
        lines.append(f"  {group['category']:>2}. {group['name']}")
        lines += [
            f"      {r['label']:<{width}} {r['count']:>6} {r['percent']:>7.2f}%"
            for r in group["reasons"]
        ]
    return lines


def trend_lines(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    """Per quarter, the validations, deficiencies and deficiencies per validation."""
    if not rows:
        return [TRENDS, NO_VALIDATION]
    header = ("Quarter", "Validations", "Deficiencies", "Per validation")
    body = [
        (r["quarter"], r["validations"], r["deficiencies"], f"{r['per_validation']:.2f}")
        for r in rows
    ]
    return [TRENDS, *table(header, body)]


def mode_lines(data: Mapping[str, Any]) -> list[str]:
    """Per mode, the validations and deficiencies; the comparisons in words; and per
    category, each mode's deficiencies per validation."""
    by_mode: Mapping[str, Mapping[str, Any]] = data["by_mode"]
    modes = ordered_modes(by_mode)
    if not modes:
        return [MODES, NO_VALIDATION]
    lines = [MODES]
    for mode in modes:
        row = by_mode[mode]
        n, found = row["validations"], row["deficiencies"]
        lines.append(
            f"  {mode:<10} {n:>5} {'validation' if n == 1 else 'validations':<11} "
            f"{row['per_validation']:>6.2f} deficiencies each "
            f"({plural(found, 'deficiency', 'deficiencies')} in all)"
        )
    lines += [f"  {row['verdict']}" for row in data["mode_comparison"]]
    names = {r["category"]: r["name"] for r in data["by_category"]}
    body = [
        (
            f"{n:>2}. {names.get(n, '')}".rstrip(),
            *(f"{_per_category(by_mode[m], n):.2f}" for m in modes),
        )
        for n in range(1, 13)
    ]
    header = ("Criteria category", *(mode_label(m) for m in modes))
    return [*lines, "  Deficiencies per validation by category", *table(header, body, "    ")]


def _per_category(mode: Mapping[str, Any], category: int) -> float:
    """A mode's deficiencies per validation in one category (keys are strings in JSON)."""
    values: Mapping[Any, float] = mode.get("by_category", {})
    return values.get(str(category), values.get(category, 0.0))


def anomaly_lines(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    """The validations flagged, each with its reasons and its ID."""
    lines = ["Anomaly flags"]
    if not rows:
        return [*lines, "  No validation was flagged."]
    for row in rows:
        lines.append(f"  {row['date']}  {row['member']} ({row['entity']})")
        lines += [f"    - {reason}" for reason in row["reasons"]]
        lines.append(f"    Validation {row['validation']}")
    return lines


def selection_lines(data: Mapping[str, Any]) -> list[str]:
    """What the figures cover and when they were made."""
    lines = [filters_text(data["filters"])]
    if data.get("scope"):
        lines.append(f"Scope: {data['scope']}")
    if data["generated_at"]:
        lines.append(f"Generated {moment(data['generated_at'])}")
    return lines
