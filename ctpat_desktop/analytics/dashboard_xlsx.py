"""Write the MSC performance dashboard (`ctpat-desktop stats`) as an .xlsx workbook."""

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ctpat_desktop.analytics.dashboard_common import EMPTY_FIGURES, MODE_LABELS
from ctpat_desktop.analytics.metrics_tables import (
    COMPARISON_HEADER,
    METRIC_HEADER,
    OFFICE_HEADER,
    TREND_HEADER,
    category_minutes_rows,
    comparison_rows,
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
from ctpat_desktop.errors import CtpatError

TITLE = "MSC Performance Dashboard"
AUTHOR = "ctpat-desktop"
_HEADER_FILL = "1F4E79"
_FORMULA_START = ("=", "+", "-", "@")
# Percents are stored as fractions (12.5 % as 0.125) so that they calculate like Excel's own.
_PERCENT = "0.00%"
_DECIMAL = "0.00"
_COUNT = "#,##0"
_FILTERS = (
    ("from", "From"),
    ("to", "To"),
    ("entity", "Entity"),
    ("mode", "Mode"),
    ("office", "Office"),
    ("scss", "SCSS"),
    ("catalog_version", "MSC version"),
    ("status", "Status"),
)


@dataclass(frozen=True)
class _Column:
    """One column of a sheet's table: header, width in characters, cell format."""

    header: str
    width: float
    number_format: str = "General"
    wrap: bool = False


_CRITERIA = (
    _Column("Rank", 7),
    _Column("Criterion", 10),
    _Column("Title", 52, wrap=True),
    _Column("Deficiencies", 13, _COUNT),
    _Column("Reviewed", 11, _COUNT),
    _Column("Rate", 10, _PERCENT),
)


def write_dashboard_xlsx(stats: Mapping[str, Any], path: Path) -> None:
    """Write the workbook to path (through a temporary file, so a failure leaves no half file)."""
    from openpyxl import Workbook

    data = {**EMPTY_FIGURES, **stats}
    workbook = Workbook()
    workbook.properties.title = TITLE
    workbook.properties.creator = AUTHOR
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Key statistics"
    _write_key_statistics(sheet, data)
    _write_categories(workbook.create_sheet("By category"), data["by_category"])
    _write_criteria(workbook.create_sheet("Top criteria"), data["top_criteria"])
    _write_criteria(workbook.create_sheet("Top rates"), data["top_rates"])
    _write_reasons(workbook.create_sheet("Reasons"), data)
    _write_trend(workbook.create_sheet("Trend"), data["trend"])
    _write_modes(workbook.create_sheet("By mode"), data)
    _write_comparisons(workbook.create_sheet("Mode comparison"), data["mode_comparison"])
    _write_anomalies(workbook.create_sheet("Anomalies"), data["anomalies"])
    _write_metrics(workbook, data["mode_metrics"])
    _write_outcomes(workbook, data["outcomes"])
    if "by_office" in data:  # the hub's figures
        columns = [_Column(OFFICE_HEADER[0], 28), *_numbers(OFFICE_HEADER[1:], _COUNT)]
        _write_table(workbook.create_sheet("By office"), columns, office_rows(data["by_office"]))
    tmp = path.with_name(path.name + ".part")
    try:
        workbook.save(tmp)
        os.replace(tmp, path)
    except OSError as exc:
        raise CtpatError(f"{path}: cannot be written ({exc.strerror or exc})") from exc
    finally:
        tmp.unlink(missing_ok=True)


def _numbers(headers: Sequence[str], number_format: str) -> list[_Column]:
    return [_Column(h, 14, number_format) for h in headers]


def _write_metrics(workbook: Any, metrics: Mapping[str, Any]) -> None:
    """The virtual-validation metrics: per mode with intervals, compared, and the trends."""
    text = [_Column(METRIC_HEADER[0], 44, wrap=True), _Column(METRIC_HEADER[1], 12)]
    _write_table(
        workbook.create_sheet("Mode metrics"),
        [*text, *_numbers(METRIC_HEADER[2:5], "0.0###"), _Column("Counted", 10, _COUNT)],
        metric_rows(metrics),
    )
    _write_table(
        workbook.create_sheet("Session by category"),
        [
            _Column("Mode", 12),
            _Column("Category", 40),
            *_numbers(("Minutes per validation", "95 % low", "95 % high"), "0.0"),
        ],
        category_minutes_rows(metrics),
    )
    comparisons = workbook.create_sheet("Mode metric comparison")
    _write_table(
        comparisons,
        [
            *text,
            *_numbers(COMPARISON_HEADER[2:7], "0.0###"),
            _Column("p", 10, "0.000"),
            _Column("Verdict", 90, wrap=True),
        ],
        comparison_rows(metrics),
    )
    for title, key, by, heading in (
        ("Mode trend by quarter", "by_quarter", "quarter", "Quarter"),
        ("Mode trend by MSC version", "by_version", "catalog_version", "MSC version"),
    ):
        _write_table(
            workbook.create_sheet(title),
            [
                _Column(heading, 12),
                _Column(TREND_HEADER[0], 12),
                *_numbers(TREND_HEADER[1:4], _COUNT),
                *_numbers(TREND_HEADER[4:7], _PERCENT),
                _Column(TREND_HEADER[7], 14, _DECIMAL),
            ],
            trend_rows(metrics.get(key, ()), by),
        )


def _write_outcomes(workbook: Any, outcomes: Mapping[str, Any]) -> None:
    """How the outcomes stand per mode, and per result how many were proposed and decided."""
    _write_table(
        workbook.create_sheet("Outcomes"),
        [_Column(OUTCOME_HEADER[0], 12), *_numbers(OUTCOME_HEADER[1:], _COUNT)],
        outcome_rows(outcomes),
    )
    _write_table(
        workbook.create_sheet("Outcome results"),
        [
            _Column(RESULT_HEADER[0], 32),
            _Column(RESULT_HEADER[1], 12, _COUNT),
            _Column(RESULT_HEADER[2], 14, _PERCENT),
            _Column(RESULT_HEADER[3], 12, _COUNT),
            _Column(RESULT_HEADER[4], 14, _PERCENT),
        ],
        [(r, p, _fraction(pp), d, _fraction(dp)) for r, p, pp, d, dp in result_rows(outcomes)],
    )


def _write_key_statistics(sheet: Any, data: Mapping[str, Any]) -> None:
    from openpyxl.styles import Font

    _write_table(sheet, (_Column("Statistic", 38), _Column("Value", 28)), ())
    rows: list[tuple[str, Any, str]] = [
        ("Generated at", data["generated_at"], "General"),
        ("Validations", data["validations"], _COUNT),
        ("Findings reviewed", data["findings_reviewed"], _COUNT),
        ("Deficiencies (criteria not met)", data["deficiencies"], _COUNT),
        ("Required actions (Must not met)", data["required_actions"], _COUNT),
        ("Recommendations (Should not met)", data["recommendations"], _COUNT),
        ("Deficiencies per validation", data["deficiencies_per_validation"], _DECIMAL),
        (
            "Validations without deficiencies",
            _fraction(data["share_without_deficiencies"]),
            _PERCENT,
        ),
    ]
    for row, (label, value, number_format) in enumerate(rows, start=2):
        _put(sheet.cell(row=row, column=1), label)
        _put(sheet.cell(row=row, column=2), value, number_format)
    first = len(rows) + 3
    sheet.cell(row=first, column=1, value="Filters").font = Font(bold=True)
    for row, (key, label) in enumerate(_FILTERS, start=first + 1):
        _put(sheet.cell(row=row, column=1), label)
        _put(sheet.cell(row=row, column=2), data["filters"].get(key) or "All")


def _write_categories(sheet: Any, rows: Sequence[Mapping[str, Any]]) -> None:
    from openpyxl.chart import BarChart, Reference
    from openpyxl.styles import Font

    columns = (
        _Column("Category", 10),
        _Column("Name", 52),
        _Column("Deficiencies", 13, _COUNT),
        _Column("Percent", 10, _PERCENT),
    )
    body = [(r["category"], r["name"], r["count"], _fraction(r["percent"])) for r in rows]
    total = (
        "Total",
        None,
        sum(r["count"] for r in rows),
        _fraction(sum(r["percent"] for r in rows)),
    )
    last = _write_table(sheet, columns, [*body, total])
    for cell in sheet[last]:
        cell.font = Font(bold=True)
    if not rows:
        return
    chart = BarChart()
    chart.type = "bar"
    chart.title = "Deficiencies by criteria category"
    chart.legend = None
    chart.add_data(
        Reference(sheet, min_col=3, min_row=1, max_row=len(rows) + 1), titles_from_data=True
    )
    chart.set_categories(Reference(sheet, min_col=2, min_row=2, max_row=len(rows) + 1))
    # Category 1 at the top, as in the table; axes shown (newer Excel hides them otherwise).
    chart.x_axis.scaling.orientation = "maxMin"
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.gapWidth = 50
    chart.width, chart.height = 22, 12
    sheet.add_chart(chart, "F2")


def _write_criteria(sheet: Any, rows: Sequence[Mapping[str, Any]]) -> None:
    _write_table(
        sheet,
        _CRITERIA,
        [
            (rank, r["criterion"], r["title"], r["count"], r["reviewed"], r["rate"])
            for rank, r in enumerate(rows, start=1)
        ],
    )


def _write_reasons(sheet: Any, data: Mapping[str, Any]) -> None:
    """All deficiencies' reasons first, then the reasons within each category; a share is of
    the reasons cited (all, or the category's), since a deficiency may cite several."""
    columns = (
        _Column("Category", 10),
        _Column("Category name", 44),
        _Column("Reason", 34),
        _Column("Deficiencies", 13, _COUNT),
        _Column("Share of citations", 18, _PERCENT),
        _Column("Reason code", 28),
    )
    rows: list[tuple[Any, ...]] = [
        (None, "All categories", r["label"], r["count"], _fraction(r["percent"]), r["reason"])
        for r in data["by_reason"]
    ]
    for group in data["reasons_by_category"]:
        rows += [
            (
                group["category"],
                group["name"],
                r["label"],
                r["count"],
                _fraction(r["percent"]),
                r["reason"],
            )
            for r in group["reasons"]
        ]
    _write_table(sheet, columns, rows)


def _write_trend(sheet: Any, rows: Sequence[Mapping[str, Any]]) -> None:
    columns = (
        _Column("Quarter", 10),
        _Column("Validations", 13, _COUNT),
        _Column("Deficiencies", 13, _COUNT),
        _Column("Per validation", 15, _DECIMAL),
    )
    _write_table(
        sheet,
        columns,
        [(r["quarter"], r["validations"], r["deficiencies"], r["per_validation"]) for r in rows],
    )


def _write_modes(sheet: Any, data: Mapping[str, Any]) -> None:
    """One row per mode; the last twelve columns are deficiencies per validation by category."""
    names = {r["category"]: r["name"] for r in data["by_category"]}
    columns = (
        _Column("Mode", 12),
        _Column("Validations", 13, _COUNT),
        _Column("Deficiencies", 13, _COUNT),
        _Column("Per validation", 15, _DECIMAL),
        *(
            _Column(f"{n}. {names[n]}" if n in names else f"Category {n}", 16, _DECIMAL)
            for n in range(1, 13)
        ),
    )
    by_mode: Mapping[str, Mapping[str, Any]] = data["by_mode"]
    modes = sorted(
        by_mode, key=lambda m: list(MODE_LABELS).index(m) if m in MODE_LABELS else len(MODE_LABELS)
    )
    _write_table(
        sheet,
        columns,
        [
            (
                MODE_LABELS.get(m, m),
                by_mode[m]["validations"],
                by_mode[m]["deficiencies"],
                by_mode[m]["per_validation"],
                *(_per_category(by_mode[m], n) for n in range(1, 13)),
            )
            for m in modes
        ],
    )
    sheet.row_dimensions[1].height = 60


def _write_comparisons(sheet: Any, rows: Sequence[Mapping[str, Any]]) -> None:
    columns = (
        _Column("Mode", 12),
        _Column("Baseline", 12),
        _Column("Difference per validation", 14, _DECIMAL),
        _Column("95 % interval low", 12, _DECIMAL),
        _Column("95 % interval high", 12, _DECIMAL),
        _Column("p-value", 10, "0.000"),
        _Column("Verdict", 90, wrap=True),
    )
    _write_table(
        sheet,
        columns,
        [
            (
                MODE_LABELS.get(r["mode"], r["mode"]),
                MODE_LABELS.get(r["baseline"], r["baseline"]),
                r["difference"],
                r["ci_low"],
                r["ci_high"],
                r["p_value"],
                r["verdict"],
            )
            for r in rows
        ],
    )
    sheet.row_dimensions[1].height = 32


def _write_anomalies(sheet: Any, rows: Sequence[Mapping[str, Any]]) -> None:
    """One row per reason a validation was flagged."""
    columns = (
        _Column("Member", 36, wrap=True),
        _Column("Entity", 24),
        _Column("Date", 12, "yyyy-mm-dd"),
        _Column("Reason", 80, wrap=True),
        _Column("Validation", 38),
    )
    _write_table(
        sheet,
        columns,
        [
            (a["member"], a["entity"], _date(a["date"]), reason, a["validation"])
            for a in rows
            for reason in a["reasons"] or [None]
        ],
    )


def _write_table(sheet: Any, columns: Sequence[_Column], rows: Iterable[Sequence[Any]]) -> int:
    """A bold, frozen header row, then the rows; the number of the last row written."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor=_HEADER_FILL)
    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=index, value=column.header)
        cell.font, cell.fill = header_font, header_fill
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    wrap = Alignment(wrap_text=True, vertical="top")
    last = 1
    for last, values in enumerate(rows, start=2):
        for index, (column, value) in enumerate(zip(columns, values, strict=True), start=1):
            cell = sheet.cell(row=last, column=index)
            _put(cell, value, column.number_format)
            if column.wrap:
                cell.alignment = wrap
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    return last


def _put(cell: Any, value: Any, number_format: str = "General") -> None:
    """Put a value in a cell; text that looks like a formula stays text."""
    if value is None:
        return
    cell.value = value
    if isinstance(value, str):
        if value.startswith(_FORMULA_START):
            cell.data_type = "s"
    else:
        cell.number_format = number_format


def _fraction(percent: float) -> float:
    """12.5 (percent) as 0.125, without the float noise that division leaves."""
    return round(percent / 100, 6)


def _date(value: str) -> date | str:
    """An ISO date as a date Excel can sort and filter; anything else as text."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        return value


def _per_category(mode: Mapping[str, Any], category: int) -> float:
    """A mode's deficiencies per validation in one category (keys are strings in JSON)."""
    values: Mapping[Any, float] = mode.get("by_category", {})
    return values.get(str(category), values.get(category, 0.0))
