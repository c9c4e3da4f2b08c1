"""Dashboard exports: the PDF and the workbook a supervisor opens, read back from real files."""

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pikepdf
import pytest

from ctpat_desktop.analytics.dashboard_pdf import write_dashboard_pdf
from ctpat_desktop.analytics.dashboard_xlsx import write_dashboard_xlsx
from ctpat_desktop.analytics.outcomes import outcome_figures
from ctpat_desktop.errors import CtpatError
from tests.pdf import pdfcheck

CATEGORY_NAMES = [
    "Security Vision & Responsibility",
    "Risk Assessment",
    "Business Partner Requirements",
    "Cybersecurity",
    "Conveyance & Instruments of International Traffic Security",
    "Seal Security",
    "Procedural Security",
    "Agricultural Security",
    "Physical Security",
    "Physical Access Controls",
    "Personnel Security",
    "Education, Training & Awareness",
]
CATEGORY_COUNTS = [54, 46, 53, 66, 64, 21, 43, 30, 29, 18, 12, 51]
CATEGORY_PERCENTS = [11.09, 9.45, 10.88, 13.55, 13.14, 4.31, 8.83, 6.16, 5.96, 3.7, 2.46, 10.47]
BAJIO = "Transportes del Bajío S.A. de C.V."
HOSTILE = "=cmd|' /C calc'!A0"
SHEETS = [
    "Key statistics",
    "By category",
    "Top criteria",
    "Top rates",
    "Reasons",
    "Trend",
    "By mode",
    "Mode comparison",
    "Anomalies",
    "Mode metrics",
    "Session by category",
    "Mode metric comparison",
    "Mode trend by quarter",
    "Mode trend by MSC version",
    "Outcomes",
    "Outcome results",
]
SECTIONS = [
    "Key statistics",
    "Deficiencies by criteria category",
    "Top MSC deficiencies",
    "Deficiencies by criterion rate",
    "Deficiency reasons",
    "Trend by quarter",
    "Virtual vs in-person",
    "Anomaly flags",
    "Virtual-validation metrics",
    "Outcomes proposed and decided",
]


def _criterion(criterion: str, title: str, count: int, reviewed: int) -> dict[str, Any]:
    return {
        "criterion": criterion,
        "title": title,
        "count": count,
        "reviewed": reviewed,
        "rate": round(count / reviewed, 4),
    }


def _reason(code: str, label: str, count: int, percent: float) -> dict[str, Any]:
    return {"reason": code, "label": label, "count": count, "percent": percent}


def _per_validation(counts: list[int], validations: int) -> dict[str, float]:
    return {str(n): round(c / validations, 2) for n, c in enumerate(counts, start=1)}


def _stats() -> dict[str, Any]:
    """What `ctpat-desktop stats --json` prints for 40 importer and carrier validations."""
    top_criteria = [
        _criterion("4.8", "Individual accounts and strong authentication", 31, 38),
        _criterion("2.3", "Annual review of the risk assessment", 27, 40),
        _criterion("3.7", "Periodic re-assessment of business partners", 25, 36),
        _criterion("12.4", "Measuring training effectiveness", 22, 40),
        _criterion("5.8", "Random management checks of inspections", 19, 22),
    ]
    return {
        "filters": {
            "from": "2026-01-01",
            "to": "2026-11-29",
            "entity": None,
            "mode": None,
            "office": "Laredo",
            "scss": None,
        },
        "generated_at": "2026-11-29T17:20:00Z",
        "validations": 40,
        "findings_reviewed": 3912,
        "deficiencies": 487,
        "required_actions": 331,
        "recommendations": 156,
        "deficiencies_per_validation": 12.18,
        "share_without_deficiencies": 12.5,
        "trend": [
            {"quarter": "2026-Q1", "validations": 9, "deficiencies": 121, "per_validation": 13.44},
            {"quarter": "2026-Q2", "validations": 11, "deficiencies": 138, "per_validation": 12.55},
            {"quarter": "2026-Q3", "validations": 12, "deficiencies": 139, "per_validation": 11.58},
            {"quarter": "2026-Q4", "validations": 8, "deficiencies": 89, "per_validation": 11.13},
        ],
        "by_category": [
            {"category": n, "name": name, "count": count, "percent": percent}
            for n, (name, count, percent) in enumerate(
                zip(CATEGORY_NAMES, CATEGORY_COUNTS, CATEGORY_PERCENTS, strict=True), start=1
            )
        ],
        "top_criteria": top_criteria,
        "top_rates": sorted(top_criteria, key=lambda r: -r["rate"]),
        "by_reason": [
            _reason("no-written-procedure", "No written procedure", 142, 29.16),
            _reason("procedure-not-followed", "Procedure not followed", 98, 20.12),
            _reason("no-evidence", "No evidence of implementation", 91, 18.69),
            _reason("not-reviewed-periodically", "Not reviewed periodically", 57, 11.7),
            _reason("training-gap", "Training gap", 41, 8.42),
            _reason("partner-not-screened", "Business partner not screened", 26, 5.34),
            _reason("technology-gap", "Technology gap", 22, 4.52),
            _reason("other", "Other", 10, 2.05),
        ],
        "reasons_by_category": [
            {
                "category": 4,
                "name": "Cybersecurity",
                "reasons": [
                    _reason("no-written-procedure", "No written procedure", 29, 43.94),
                    _reason("technology-gap", "Technology gap", 22, 33.33),
                    _reason("not-reviewed-periodically", "Not reviewed periodically", 15, 22.73),
                ],
            },
            {
                "category": 11,
                "name": "Personnel Security",
                "reasons": [
                    _reason("no-evidence", "No evidence of implementation", 12, 100.0),
                ],
            },
        ],
        "by_mode": {
            "virtual": {
                "validations": 24,
                "deficiencies": 276,
                "per_validation": 11.5,
                "by_category": _per_validation([31, 26, 30, 38, 36, 12, 24, 17, 16, 10, 7, 29], 24),
            },
            "in-person": {
                "validations": 12,
                "deficiencies": 165,
                "per_validation": 13.75,
                "by_category": _per_validation([18, 16, 18, 22, 22, 7, 15, 10, 10, 6, 4, 17], 12),
            },
            "hybrid": {
                "validations": 4,
                "deficiencies": 46,
                "per_validation": 11.5,
                "by_category": _per_validation([5, 4, 5, 6, 6, 2, 4, 3, 3, 2, 1, 5], 4),
            },
        },
        "mode_comparison": [
            {
                "mode": "virtual",
                "baseline": "in-person",
                "difference": -2.25,
                "ci_low": -4.61,
                "ci_high": 0.11,
                "p_value": 0.0612,
                "verdict": (
                    "Virtual validations found 2.25 fewer deficiencies per validation than "
                    "in-person ones (95% confidence interval -4.61 to +0.11; p = 0.061). The data "
                    "do not show a real difference between virtual and in-person validations."
                ),
            },
            {
                "mode": "hybrid",
                "baseline": "in-person",
                "difference": None,
                "ci_low": None,
                "ci_high": None,
                "p_value": None,
                "verdict": (
                    "Not enough data to compare hybrid and in-person validations: each needs at "
                    "least two validations with some variation (now 1 and 12)."
                ),
            },
        ],
        "anomalies": [
            {
                "validation": "6f1c2e9a-4b7d-4e21-9a0c-3d5b8e7f1a42",
                "member": BAJIO,
                "entity": "mexican-long-haul-carrier",
                "date": "2026-05-18",
                "reasons": [
                    "No deficiency in 112 reviewed criteria, while comparable validations "
                    "average 12.2.",
                    "All 112 findings were recorded within 9 minutes.",
                ],
            },
            {
                "validation": "0b9e5d3c-2a1f-4c8e-b7d6-5e4f3a2b1c0d",
                "member": "Méndez Logística & Hijos <Norte>",
                "entity": "importer",
                "date": "2026-08-03",
                "reasons": ["+41 % more deficiencies than validations of the same entity type."],
            },
            {
                "validation": "c3d2e1f0-9a8b-4c7d-8e6f-5a4b3c2d1e0f",
                "member": HOSTILE,
                "entity": "importer",
                "date": "2026-10-21",
                "reasons": ["No deficiency in 98 reviewed criteria."],
            },
        ],
        "outcomes": outcome_figures(
            [
                ("virtual", "tier-2", "agreed", "tier-2", 9),
                ("virtual", "continued-certification", None, None, 4),
                ("virtual", None, None, None, 3),
                ("in-person", "tier-3", "changed", "tier-2", 2),
                ("in-person", "continued-certification", "agreed", "", 10),
                ("hybrid", "suspension-proposal", "agreed", "suspension-proposal", 1),
                ("hybrid", None, None, None, 11),
            ]
        ),
    }


def _empty_stats() -> dict[str, Any]:
    """What `ctpat-desktop stats --json` prints when no validation matches the filters."""
    return {
        "filters": {
            "from": "2030-01-01",
            "to": None,
            "entity": "importer",
            "mode": "hybrid",
            "office": None,
            "scss": None,
        },
        "generated_at": "2026-11-29T17:20:00Z",
        "validations": 0,
        "findings_reviewed": 0,
        "deficiencies": 0,
        "required_actions": 0,
        "recommendations": 0,
        "deficiencies_per_validation": 0.0,
        "share_without_deficiencies": 0.0,
        "trend": [],
        "by_category": [
            {"category": n, "name": name, "count": 0, "percent": 0.0}
            for n, name in enumerate(CATEGORY_NAMES, start=1)
        ],
        "top_criteria": [],
        "top_rates": [],
        "by_reason": [],
        "reasons_by_category": [],
        "by_mode": {},
        "mode_comparison": [],
        "anomalies": [],
    }


@pytest.fixture
def stats() -> dict[str, Any]:
    return _stats()


def _pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing: `make test` installs poppler-utils")
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    )
    return done.stdout


def _pages(text: str) -> list[str]:
    """The text of each page (pdftotext separates pages with a form feed)."""
    return [page for page in text.split("\f") if page.strip()]


def test_pdf_shows_every_section_and_the_key_numbers(stats: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "dashboard.pdf"
    write_dashboard_pdf(stats, path)
    assert path.read_bytes().startswith(b"%PDF-")
    text = _pdf_text(path)
    pages = _pages(text)
    assert len(pages) >= 2
    assert "MSC Performance Dashboard" in pages[0]
    assert "Filters: 2026-01-01 to 2026-11-29; office: Laredo" in pages[0]
    assert "Generated 2026-11-29 17:20 UTC" in pages[0]
    for section in SECTIONS:
        assert section in text
    assert re.search(r"Validations\s+40\b", text)
    assert re.search(r"Deficiencies \(criteria not met\)\s+487\b", text)
    assert re.search(r"Validations without deficiencies\s+12\.50 %", text)
    assert re.search(r"Traffic Security\s+64\s+13\.14 %", text)
    assert re.search(r"Total\s+487\s+100\.00 %", text)
    assert re.search(
        r"4\.8\s+Individual accounts and strong authentication\s+31\s+38\s+81\.58 %", text
    )
    assert re.search(r"No written procedure\s+142\s+29\.16 %", text)
    assert re.search(r"2026-Q3\s+12\s+139\s+11\.58", text)
    assert re.search(r"In-person\s+12\s+165\s+13\.75", text)
    assert "The data do not show a real difference" in text


def test_pdf_prints_accents_and_escapes_markup(stats: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "dashboard.pdf"
    write_dashboard_pdf(stats, path)
    text = _pdf_text(path)
    assert BAJIO in text
    assert "Méndez Logística & Hijos <Norte>" in text
    assert "All 112 findings were recorded within 9 minutes." in text
    assert HOSTILE in text
    assert "No validation was flagged." not in text


def test_pdf_numbers_its_pages_and_names_itself(stats: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "dashboard.pdf"
    write_dashboard_pdf(stats, path)
    pages = _pages(_pdf_text(path))
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page
    assert pdfcheck.info(path)["Title"] == "MSC Performance Dashboard"
    assert pdfcheck.info(path)["Author"] == "ctpat-desktop"
    # One outline entry per section, each pointing to a place on a page.
    with pikepdf.open(path) as pdf:
        pages = [page.obj.objgen for page in pdf.pages]
        with pdf.open_outline() as outline:
            entries = {item.title: item.destination for item in outline.root}
        assert list(entries) == SECTIONS
        for section, destination in entries.items():
            assert destination[0].objgen in pages, section
            assert destination[1] == "/XYZ", section


def test_pdf_is_tagged_accessible_and_archival(stats: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "dashboard.pdf"
    write_dashboard_pdf(stats, path)
    assert pdfcheck.info(path)["Tagged"] == "yes"
    elements = pdfcheck.structure(path)
    tags = [e.tag for e in elements]
    assert tags.count("H1") == 1
    assert [e for e in elements if e.tag == "H2"] and "Table" in tags
    # Every table's first row is column headings: 2 + 4 + 5 + 5 + 3 + 4 + 4 + 4 + 4 + 4,
    # and the outcomes' 7 + 5.
    assert tags.count("TH") == 51
    (chart,) = [e for e in elements if e.tag == "Figure"]
    assert chart.alt is not None
    assert chart.alt.startswith("Bar chart of the deficiencies per criteria category")
    assert "5. Conveyance & Instruments of International Traffic Security: 64  (13.14 %)" in (
        chart.alt
    )
    assert pdfcheck.catalog(path) == ("en", True)
    assert pdfcheck.conformance(path) == {"pdfa": "2B", "pdfua": "1"}
    fonts = pdfcheck.fonts(path)
    assert fonts and all(embedded for _, embedded in fonts), fonts


def test_pdf_reasons_are_shares_of_citations(stats: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "dashboard.pdf"
    write_dashboard_pdf(stats, path)
    text = " ".join(_pdf_text(path).split())
    assert "share of all deficiencies" not in text
    assert "share of all reasons cited (a deficiency may cite more than one)" in text
    assert "Reason Deficiencies Share of citations" in text


def test_pdf_of_an_empty_selection_shows_zeros(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    write_dashboard_pdf(_empty_stats(), path)
    text = _pdf_text(path)
    assert "Filters: from 2030-01-01; entity: importer; mode: hybrid" in text
    assert re.search(r"Validations\s+0\b", text)
    assert re.search(r"Total\s+0\s+0\.00 %", text)
    assert "No deficiencies in this selection." in text
    assert "No validation was flagged." in text
    assert "Page 1 of" in text


def test_pdf_of_no_statistics_at_all_is_still_a_document(tmp_path: Path) -> None:
    path = tmp_path / "nothing.pdf"
    write_dashboard_pdf({}, path)
    text = _pdf_text(path)
    assert "Filters: none (all validations)" in text
    assert "No validation was flagged." in text


def test_xlsx_has_one_sheet_per_view(stats: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "dashboard.xlsx"
    write_dashboard_xlsx(stats, path)
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == SHEETS
    assert workbook.properties.title == "MSC Performance Dashboard"
    for sheet in workbook:
        assert sheet.freeze_panes == "A2"
        assert all(cell.font.b for cell in sheet[1] if cell.value is not None)
    key = {row[0]: row[1] for row in workbook["Key statistics"].iter_rows(values_only=True)}
    assert key["Validations"] == 40
    assert key["Deficiencies (criteria not met)"] == 487
    assert key["Validations without deficiencies"] == pytest.approx(0.125)
    assert key["From"] == "2026-01-01"
    assert key["Office"] == "Laredo"
    assert key["Mode"] == "All"


def test_xlsx_by_category_lists_the_twelve_categories_a_total_and_a_chart(
    stats: dict[str, Any], tmp_path: Path
) -> None:
    path = tmp_path / "dashboard.xlsx"
    write_dashboard_xlsx(stats, path)
    sheet = openpyxl.load_workbook(path)["By category"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Category", "Name", "Deficiencies", "Percent")
    assert [r[0] for r in rows[1:13]] == list(range(1, 13))
    assert rows[4][1:3] == ("Cybersecurity", 66)
    assert rows[4][3] == pytest.approx(0.1355)
    assert sheet["D5"].number_format == "0.00%"
    assert rows[13][0] == "Total"
    assert rows[13][2] == 487
    assert rows[13][3] == pytest.approx(1.0)
    assert sheet["A14"].font.b
    assert len(sheet._charts) == 1


def test_xlsx_keeps_formula_like_text_as_text(stats: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "dashboard.xlsx"
    write_dashboard_xlsx(stats, path)
    sheet = openpyxl.load_workbook(path)["Anomalies"]
    rows = list(sheet.iter_rows(min_row=2))
    # One row per reason: two for the first member, one each for the others.
    assert [r[0].value for r in rows] == [BAJIO, BAJIO, "Méndez Logística & Hijos <Norte>", HOSTILE]
    hostile = rows[3][0]
    assert hostile.value == HOSTILE
    assert hostile.data_type == "s"
    plus = rows[2][3]
    assert plus.value.startswith("+41 %")
    assert plus.data_type == "s"
    assert rows[0][2].value.date().isoformat() == "2026-05-18"


def test_xlsx_views_carry_the_numbers(stats: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "dashboard.xlsx"
    write_dashboard_xlsx(stats, path)
    workbook = openpyxl.load_workbook(path)
    top = list(workbook["Top criteria"].iter_rows(min_row=2, values_only=True))
    assert top[0][:5] == (1, "4.8", "Individual accounts and strong authentication", 31, 38)
    assert top[0][5] == pytest.approx(0.8158)
    rates = list(workbook["Top rates"].iter_rows(min_row=2, values_only=True))
    assert rates[0][1] == "5.8"
    reasons = list(workbook["Reasons"].iter_rows(min_row=2, values_only=True))
    assert reasons[0][:4] == (None, "All categories", "No written procedure", 142)
    assert (4, "Cybersecurity", "Technology gap", 22) in [r[:4] for r in reasons]
    trend = list(workbook["Trend"].iter_rows(min_row=2, values_only=True))
    assert trend[-1] == ("2026-Q4", 8, 89, 11.13)
    modes = list(workbook["By mode"].iter_rows(values_only=True))
    assert modes[0][4] == "1. Security Vision & Responsibility"
    assert [m[0] for m in modes[1:]] == ["Virtual", "In-person", "Hybrid"]
    assert modes[2][1:4] == (12, 165, 13.75)
    assert modes[2][7] == pytest.approx(1.83)
    comparison = list(workbook["Mode comparison"].iter_rows(min_row=2, values_only=True))
    assert comparison[0][:6] == ("Virtual", "In-person", -2.25, -4.61, 0.11, 0.0612)
    assert comparison[1][2:6] == (None, None, None, None)
    assert comparison[1][6].startswith("Not enough data")


def test_xlsx_of_an_empty_selection_shows_zeros(tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    write_dashboard_xlsx(_empty_stats(), path)
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == SHEETS
    categories = list(workbook["By category"].iter_rows(min_row=2, values_only=True))
    assert [r[2] for r in categories] == [0] * 12 + [0]
    assert categories[-1][0] == "Total"
    assert workbook["Anomalies"].max_row == 1
    key = {row[0]: row[1] for row in workbook["Key statistics"].iter_rows(values_only=True)}
    assert key["Validations"] == 0


def test_xlsx_of_no_statistics_at_all_is_still_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "nothing.xlsx"
    write_dashboard_xlsx({}, path)
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == SHEETS
    assert list(workbook["By category"].iter_rows(min_row=2, values_only=True)) == [
        ("Total", None, 0, 0)
    ]


@pytest.mark.parametrize("write", [write_dashboard_pdf, write_dashboard_xlsx])
def test_a_failed_write_names_the_file_and_leaves_nothing(
    write: Any, stats: dict[str, Any], tmp_path: Path
) -> None:
    path = tmp_path / "missing-folder" / "dashboard"
    with pytest.raises(CtpatError, match=r"missing-folder/dashboard: cannot be written \(No such"):
        write(stats, path)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("write", [write_dashboard_pdf, write_dashboard_xlsx])
def test_a_failed_write_keeps_the_previous_file(
    write: Any, stats: dict[str, Any], tmp_path: Path
) -> None:
    path = tmp_path / "dashboard"
    path.write_bytes(b"previous export")
    broken = {**stats, "by_category": [{"category": 1}]}
    with pytest.raises(KeyError):
        write(broken, path)
    assert path.read_bytes() == b"previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dashboard"]


def test_pdf_shows_the_outcomes(stats: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "dashboard.pdf"
    write_dashboard_pdf(stats, path)
    text = _pdf_text(path)
    assert re.search(r"All modes\s+40\s+26\s+22\s+20\s+2\s+4\b", text)
    assert re.search(r"In-person\s+12\s+12\s+12\s+10\s+2\s+0\b", text)
    assert re.search(r"Tier 2 \(validated\)\s+9\s+34\.61 %\s+11\s+50\.00 %", text)
    assert re.search(r"Proposal to suspend\s+1\s+3\.85 %\s+1\s+4\.55 %", text)
    empty = tmp_path / "empty.pdf"
    write_dashboard_pdf(_empty_stats(), empty)
    outcomes = _pdf_text(empty).split("Outcomes proposed and decided")[-1]
    assert "No validation in this selection." in outcomes


def test_xlsx_outcome_sheets_carry_the_numbers(stats: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "dashboard.xlsx"
    write_dashboard_xlsx(stats, path)
    workbook = openpyxl.load_workbook(path)
    modes = list(workbook["Outcomes"].iter_rows(values_only=True))
    assert modes[0] == (
        "Mode",
        "Validations",
        "Outcome proposed",
        "Decided",
        "Agreed",
        "Changed",
        "Proposed, not decided",
    )
    assert modes[1:] == [
        ("All modes", 40, 26, 22, 20, 2, 4),
        ("Virtual", 16, 13, 9, 9, 0, 4),
        ("In-person", 12, 12, 12, 10, 2, 0),
        ("Hybrid", 12, 1, 1, 1, 0, 0),
    ]
    results = workbook["Outcome results"]
    rows = list(results.iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in rows] == [
        "Continued certification",
        "Tier 2 (validated)",
        "Tier 3 (exceeds the criteria)",
        "Proposal to suspend",
        "Proposal to remove",
    ]
    assert rows[1][1] == 9 and rows[1][3] == 11
    assert rows[1][2] == pytest.approx(0.3461) and rows[1][4] == pytest.approx(0.5)
    assert results["C3"].number_format == "0.00%"
    assert rows[4][1:] == (0, 0, 0, 0)
