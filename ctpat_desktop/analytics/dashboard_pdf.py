"""Write the MSC performance dashboard (`ctpat-desktop stats`) as a PDF to read and file."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from ctpat_desktop.analytics.dashboard_common import EMPTY_FIGURES, MODE_LABELS
from ctpat_desktop.report.pdf_common import PAGE, add_outline, fonts, write_counted

TITLE = "MSC Performance Dashboard"
AUTHOR = "ctpat-desktop"
_MARGIN = 54.0
_WIDTH = PAGE[0] - 2 * _MARGIN
_NAVY = "#1F4E79"
_STRIPE = "#F2F5F9"
_RULE = "#C8D0DA"
_GREY = "#5A6270"
_SECTIONS = {
    "key": "Key statistics",
    "category": "Deficiencies by criteria category",
    "top": "Top MSC deficiencies",
    "rates": "Deficiencies by criterion rate",
    "reasons": "Deficiency reasons",
    "trend": "Trend by quarter",
    "modes": "Virtual vs in-person",
    "anomalies": "Anomaly flags",
}


@dataclass(frozen=True)
class _Styles:
    """Fonts and paragraph styles of one document."""

    regular: str
    bold: str
    title: Any
    meta: Any
    heading: Any
    subheading: Any
    body: Any
    cell: Any
    bullet: Any
    lead: Any
    caption: Any
    small: Any


def write_dashboard_pdf(stats: Mapping[str, Any], path: Path) -> None:
    """Write the dashboard to path (through a temporary file, so a failure leaves no half file)."""
    data = {**EMPTY_FIGURES, **stats}
    styles = _styles()
    # The footer needs the page count: the document is laid out once to count, then for real.
    write_counted(path, lambda target, pages: _render(target, data, styles, pages))


def _render(target: Any, data: Mapping[str, Any], styles: _Styles, pages: int | None) -> int:
    """Lay out and write the document; the number of pages it took."""
    from reportlab.platypus import SimpleDocTemplate

    doc = SimpleDocTemplate(
        target,
        pagesize=PAGE,
        leftMargin=_MARGIN,
        rightMargin=_MARGIN,
        topMargin=_MARGIN,
        bottomMargin=_MARGIN,
        title=TITLE,
        author=AUTHOR,
        creator=AUTHOR,
        subject="CTPAT validation performance: deficiencies, reasons, modes and anomalies",
    )

    def later_page(canvas: Any, doc: Any) -> None:
        _footer(canvas, styles, doc.page, pages)

    def first_page(canvas: Any, doc: Any) -> None:
        # Outline entries may name bookmarks that later pages define.
        add_outline(canvas, ((title, key, 0) for key, title in _SECTIONS.items()))
        later_page(canvas, doc)

    doc.build(_story(data, styles), onFirstPage=first_page, onLaterPages=later_page)
    return int(doc.page)


def _footer(canvas: Any, styles: _Styles, page: int, pages: int | None) -> None:
    from reportlab.lib import colors

    canvas.saveState()
    canvas.setStrokeColor(colors.HexColor(_RULE))
    canvas.setLineWidth(0.5)
    canvas.line(_MARGIN, _MARGIN - 14, PAGE[0] - _MARGIN, _MARGIN - 14)
    canvas.setFont(styles.regular, 8)
    canvas.setFillColor(colors.HexColor(_GREY))
    canvas.drawString(_MARGIN, _MARGIN - 26, f"{TITLE} · {AUTHOR}")
    of = f" of {pages}" if pages else ""
    canvas.drawRightString(PAGE[0] - _MARGIN, _MARGIN - 26, f"Page {page}{of}")
    canvas.restoreState()


def _styles() -> _Styles:
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle

    face = fonts()
    regular, bold = face.regular, face.bold
    grey = colors.HexColor(_GREY)
    navy = colors.HexColor(_NAVY)
    body = ParagraphStyle("body", fontName=regular, fontSize=9.5, leading=13, spaceAfter=6)
    return _Styles(
        regular=regular,
        bold=bold,
        title=ParagraphStyle(
            "title", parent=body, fontName=bold, fontSize=20, leading=24, textColor=navy
        ),
        meta=ParagraphStyle("meta", parent=body, fontSize=9, textColor=grey, spaceAfter=2),
        heading=ParagraphStyle(
            "heading",
            parent=body,
            fontName=bold,
            fontSize=13.5,
            leading=17,
            textColor=navy,
            spaceBefore=16,
            spaceAfter=6,
            keepWithNext=1,
        ),
        subheading=ParagraphStyle(
            "subheading",
            parent=body,
            fontName=bold,
            fontSize=10.5,
            spaceBefore=10,
            spaceAfter=4,
            keepWithNext=1,
        ),
        body=body,
        cell=ParagraphStyle("cell", parent=body, fontSize=8.5, leading=10.5, spaceAfter=0),
        bullet=ParagraphStyle(
            "bullet", parent=body, leftIndent=22, bulletIndent=10, spaceAfter=2, leading=12.5
        ),
        lead=ParagraphStyle(
            "lead", parent=body, fontSize=10.5, spaceBefore=8, spaceAfter=3, keepWithNext=1
        ),
        caption=ParagraphStyle(
            "caption", parent=body, fontSize=8, textColor=grey, spaceAfter=4, keepWithNext=1
        ),
        small=ParagraphStyle("small", parent=body, fontSize=7.5, textColor=grey, spaceAfter=2),
    )


def _story(data: Mapping[str, Any], styles: _Styles) -> list[Any]:
    """The flowables of the whole document, section by section."""
    from reportlab.platypus import Paragraph

    story: list[Any] = [
        Paragraph(TITLE, styles.title),
        Paragraph(escape(_filters_text(data["filters"])), styles.meta),
    ]
    if data["generated_at"]:
        generated = _moment(data["generated_at"])
        story.append(Paragraph(f"Generated {escape(generated)}", styles.meta))
    story += _key_statistics(data, styles)
    story += _categories(data["by_category"], styles)
    story += _heading("top", styles)
    story += _criteria(
        data["top_criteria"],
        "Criteria with the most deficiencies. Rate = deficiencies ÷ times reviewed.",
        styles,
    )
    story += _heading("rates", styles)
    story += _criteria(
        data["top_rates"], "Criteria ranked by deficiency rate (deficiencies ÷ reviewed).", styles
    )
    story += _reasons(data, styles)
    story += _trend(data["trend"], styles)
    story += _modes(data, styles)
    story += _anomalies(data["anomalies"], styles)
    return story


def _heading(key: str, styles: _Styles) -> list[Any]:
    """A section title carrying the bookmark its outline entry points to."""
    from reportlab.platypus import Paragraph

    return [Paragraph(f'<a name="{key}"/>{escape(_SECTIONS[key])}', styles.heading)]


def _key_statistics(data: Mapping[str, Any], styles: _Styles) -> list[Any]:
    rows = [
        ("Validations", _count(data["validations"])),
        ("Findings reviewed", _count(data["findings_reviewed"])),
        ("Deficiencies (criteria not met)", _count(data["deficiencies"])),
        ("Required actions (Must not met)", _count(data["required_actions"])),
        ("Recommendations (Should not met)", _count(data["recommendations"])),
        ("Deficiencies per validation", _decimal(data["deficiencies_per_validation"])),
        ("Validations without deficiencies", _percent(data["share_without_deficiencies"])),
    ]
    return [*_heading("key", styles), _table(styles, ("Statistic", "Value"), rows, (260, 110), 1)]


def _categories(rows: Sequence[Mapping[str, Any]], styles: _Styles) -> list[Any]:
    from reportlab.platypus import KeepTogether, Paragraph

    body = [
        (
            str(r["category"]),
            Paragraph(escape(r["name"]), styles.cell),
            _count(r["count"]),
            _percent(r["percent"]),
        )
        for r in rows
    ]
    total = sum(r["count"] for r in rows)
    body.append(("", "Total", _count(total), _percent(sum(r["percent"] for r in rows))))
    table = _table(
        styles,
        ("No.", "Criteria category", "Deficiencies", "Percent"),
        body,
        (34, 300, 85, 85),
        2,
        total=True,
    )
    flowables = [*_heading("category", styles), table]
    if total:
        caption = "Deficiencies per criteria category: count and percent of all deficiencies."
        flowables.append(
            KeepTogether([Paragraph(caption, styles.caption), _category_chart(rows, styles)])
        )
    else:
        flowables.append(Paragraph("No deficiencies in this selection.", styles.body))
    return flowables


def _category_chart(rows: Sequence[Mapping[str, Any]], styles: _Styles) -> Any:
    """Horizontal bars of the deficiencies per category, category 1 at the top."""
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors

    label_width, row_height = 190.0, 24.0
    # The chart draws its first category at the bottom.
    ordered = list(reversed(rows))
    counts = [r["count"] for r in ordered]
    drawing = Drawing(_WIDTH, row_height * len(rows) + 8)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width + 8, 4
    chart.width, chart.height = _WIDTH - chart.x - 95, row_height * len(rows)
    chart.data = [counts]
    chart.bars[0].fillColor = colors.HexColor(_NAVY)
    chart.bars.strokeColor = None
    chart.barWidth, chart.groupSpacing = 10, 8
    chart.barLabelFormat = "values"
    chart.barLabelArray = [[f"{_count(r['count'])}  ({_percent(r['percent'])})" for r in ordered]]
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 4
    chart.barLabels.fontName = styles.regular
    chart.barLabels.fontSize = 7.5
    axis = chart.categoryAxis
    axis.categoryNames = [f"{r['category']}. {r['name']}" for r in ordered]
    axis.labels.boxAnchor = "e"
    axis.labels.textAnchor = "end"
    axis.labels.dx = -6
    axis.labels.maxWidth = label_width
    axis.labels.fontName = styles.regular
    axis.labels.fontSize = 7.5
    axis.labels.leading = 8.5
    axis.strokeColor = colors.HexColor(_RULE)
    axis.tickLeft = 0
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(counts)
    chart.valueAxis.visible = False
    drawing.add(chart)
    return drawing


def _criteria(rows: Sequence[Mapping[str, Any]], caption: str, styles: _Styles) -> list[Any]:
    from reportlab.platypus import Paragraph

    if not rows:
        return [Paragraph("No criterion was reviewed in this selection.", styles.body)]
    body = [
        (
            r["criterion"],
            Paragraph(escape(r["title"]), styles.cell),
            _count(r["count"]),
            _count(r["reviewed"]),
            _percent(r["rate"] * 100),
        )
        for r in rows
    ]
    header = ("Criterion", "Title", "Deficiencies", "Reviewed", "Rate")
    return [
        Paragraph(caption, styles.caption),
        _table(styles, header, body, (56, 238, 76, 64, 70), 2),
    ]


def _reasons(data: Mapping[str, Any], styles: _Styles) -> list[Any]:
    from reportlab.platypus import Paragraph

    flowables = _heading("reasons", styles)
    if not data["by_reason"]:
        return [*flowables, Paragraph("No deficiencies in this selection.", styles.body)]
    body = [
        (Paragraph(escape(r["label"]), styles.cell), _count(r["count"]), _percent(r["percent"]))
        for r in data["by_reason"]
    ]
    flowables += [
        Paragraph("Why deficiencies occurred, as a share of all deficiencies.", styles.caption),
        _table(styles, ("Reason", "Deficiencies", "Percent"), body, (300, 85, 85), 1),
    ]
    grouped: list[tuple[Any, ...]] = []
    for group in data["reasons_by_category"]:
        for n, r in enumerate(group["reasons"]):
            name = f"{group['category']}. {group['name']}" if n == 0 else ""
            grouped.append(
                (
                    Paragraph(escape(name), styles.cell),
                    Paragraph(escape(r["label"]), styles.cell),
                    _count(r["count"]),
                    _percent(r["percent"]),
                )
            )
    if grouped:
        header = ("Criteria category", "Reason", "Deficiencies", "Share of category")
        flowables += [
            Paragraph("Reasons within each category", styles.subheading),
            _table(styles, header, grouped, (170, 150, 80, 104), 2),
        ]
    return flowables


def _trend(rows: Sequence[Mapping[str, Any]], styles: _Styles) -> list[Any]:
    from reportlab.platypus import Paragraph

    flowables = _heading("trend", styles)
    if not rows:
        return [*flowables, Paragraph("No validation in this selection.", styles.body)]
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
    return [*flowables, _table(styles, header, body, (90, 90, 90, 100), 1)]


def _modes(data: Mapping[str, Any], styles: _Styles) -> list[Any]:
    from reportlab.platypus import Paragraph

    flowables = _heading("modes", styles)
    by_mode: Mapping[str, Mapping[str, Any]] = data["by_mode"]
    modes = sorted(
        by_mode, key=lambda m: list(MODE_LABELS).index(m) if m in MODE_LABELS else len(MODE_LABELS)
    )
    if not modes:
        return [*flowables, Paragraph("No validation in this selection.", styles.body)]
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
    flowables.append(_table(styles, header, body, (110, 90, 90, 100), 1))
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
        flowables.append(_table(styles, header, rows, (150, 130, 130, 60), 1))
    for c in comparisons:
        text = f"<b>{escape(_comparison(c))}:</b> {escape(c['verdict'])}"
        flowables.append(Paragraph(text, styles.body))
    names = {r["category"]: r["name"] for r in data["by_category"]}
    per_category = [
        (
            Paragraph(escape(f"{n}. {names[n]}" if n in names else f"{n}"), styles.cell),
            *(_decimal(_per_category(by_mode[m], n)) for m in modes),
        )
        for n in range(1, 13)
    ]
    flowables += [
        Paragraph("Deficiencies per validation by category", styles.subheading),
        _table(
            styles,
            ("Criteria category", *(_mode(m) for m in modes)),
            per_category,
            (240, *([264 / len(modes)] * len(modes))),
            1,
        ),
    ]
    return flowables


def _anomalies(rows: Sequence[Mapping[str, Any]], styles: _Styles) -> list[Any]:
    from reportlab.platypus import KeepTogether, Paragraph

    flowables = _heading("anomalies", styles)
    if not rows:
        return [*flowables, Paragraph("No validation was flagged.", styles.body)]
    flowables.append(
        Paragraph(
            "Validations whose findings stand out; check them before relying on them.",
            styles.caption,
        )
    )
    for a in rows:
        head = f"<b>{escape(a['member'])}</b> · {escape(a['entity'])} · {escape(a['date'])}"
        block = [
            Paragraph(head, styles.lead),
            *(Paragraph(escape(r), styles.bullet, bulletText="•") for r in a["reasons"]),
            Paragraph(f"Validation {escape(a['validation'])}", styles.small),
        ]
        flowables.append(KeepTogether(block))
    return flowables


def _table(
    styles: _Styles,
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    numbers_from: int,
    total: bool = False,
) -> Any:
    """A striped table; columns from numbers_from on are right-aligned; a total row in bold."""
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    table = Table(
        [list(header), *(list(r) for r in rows)],
        colWidths=list(widths),
        repeatRows=1,
        spaceAfter=8,
    )
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, 0), styles.bold, 8.5),
        ("FONT", (0, 1), (-1, -1), styles.regular, 8.5),
        ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(_NAVY)),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor(_STRIPE)]),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor(_RULE)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (numbers_from, 0), (-1, -1), "RIGHT"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if total:
        commands += [
            ("FONT", (0, -1), (-1, -1), styles.bold, 8.5),
            ("BACKGROUND", (0, -1), (-1, -1), colors.white),
            ("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.black),
        ]
    table.setStyle(TableStyle(commands))
    table.hAlign = "LEFT"
    return table


def _filters_text(filters: Mapping[str, Any]) -> str:
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


def _moment(value: str) -> str:
    """An ISO timestamp as "2026-11-29 17:20 UTC"; anything else as given."""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    return moment.strftime("%Y-%m-%d %H:%M %Z").rstrip()


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
