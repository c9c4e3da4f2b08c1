"""The dashboard window shows exactly the figures `stats --json` prints, for the same filters."""

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QEvent, QPoint, QRect, Qt
from PySide6.QtGui import QHelpEvent, QRegion
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QFileDialog,
    QTabBar,
    QTableView,
    QToolTip,
    QWidget,
)
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from ctpat_desktop.app import AppContext
from ctpat_desktop.paths import resources_dir
from ctpat_desktop.services.demo import create_demo
from ctpat_desktop.ui import i18n
from ctpat_desktop.ui.charts import BarChart
from ctpat_desktop.ui.dashboard_window import KEY_FIGURES, DashboardWindow
from ctpat_desktop.ui.i18n import mode_label
from ctpat_desktop.ui.main_window import MainWindow
from ctpat_desktop.ui.panels.visit_panel import choice_label
from ctpat_desktop.ui.runner import ImmediateRunner, TaskRunner
from ctpat_desktop.ui.theme import HIGH_CONTRAST, apply_theme
from ctpat_desktop.worksheet import Mode
from tests.conftest import CliResult

SCREENSHOTS = Path("/tmp")  # where the look of the window can be checked by eye


@pytest.fixture
def window(ctx: AppContext, qtbot: QtBot) -> DashboardWindow:
    create_demo(ctx)
    shown = DashboardWindow(ctx, ImmediateRunner())
    qtbot.addWidget(shown)
    return shown


def _shown(value: object) -> str:
    return f"{value:.2f}" if isinstance(value, float) else str(value)


def test_same_numbers_as_stats_json(
    window: DashboardWindow, cli: Callable[..., CliResult], qtmodeltester: ModelTester
) -> None:
    window.refresh()
    expected = cli("stats", "--json").json()
    for key, _label in KEY_FIGURES:
        assert window.key_values[key].text() == _shown(expected[key])
    assert window.categories.rows() == [
        (r["category"], r["name"], r["count"], r["percent"]) for r in expected["by_category"]
    ]
    assert [r[0] for r in window.top_counts.rows()] == [
        r["criterion"] for r in expected["top_criteria"]
    ]
    assert window.reasons.rows() == [
        (r["label"], r["count"], r["percent"]) for r in expected["by_reason"]
    ]
    assert window.modes.rows() == [
        (mode_label(Mode(mode)), m["validations"], m["deficiencies"], m["per_validation"])
        for mode, m in expected["by_mode"].items()
    ]
    assert all(r["verdict"] in window.verdicts.text() for r in expected["mode_comparison"])
    assert "Physical Access Controls: 0 (0.00%)" in window.bars.accessibleDescription()
    qtmodeltester.check(window.categories)
    # When the figures were computed, as the user's clock says it (it was a raw ISO stamp).
    assert "computed" in window.status.text()
    assert not re.search(r"\d{4}-\d\d-\d\dT\d\d", window.status.text())


def test_the_outcomes_are_those_of_stats_json(
    window: DashboardWindow, cli: Callable[..., CliResult], qtmodeltester: ModelTester
) -> None:
    window.mode.setCurrentIndex(window.mode.findData("virtual"))
    window.refresh()
    expected = cli("stats", "--mode", "virtual", "--json").json()["outcomes"]
    assert expected["proposed"] and expected["undecided"]  # the demo proposes and decides
    counts = ("validations", "proposed", "decided", "agreed", "changed", "undecided")
    assert window.outcome_modes.rows() == [
        ("All modes", *(expected[c] for c in counts)),
        ("Virtual", *(expected["by_mode"]["virtual"][c] for c in counts)),
    ]
    assert window.outcome_modes.headerData(6, Qt.Orientation.Horizontal) == (
        "Proposed, not decided"
    )
    rows = window.outcome_results.rows()
    assert [r[0] for r in rows][:2] == ["Continued certification", "Tier 2 (validated)"]
    assert rows == [
        (choice_label(p["result"]), f"{p['count']} ({p['percent']:.2f}%)",
         f"{d['count']} ({d['percent']:.2f}%)")
        for p, d in zip(expected["by_proposed"], expected["by_decided"], strict=True)
    ]  # fmt: skip
    qtmodeltester.check(window.outcome_modes)
    qtmodeltester.check(window.outcome_results)


def test_filters_reach_the_figures(window: DashboardWindow, cli: Callable[..., CliResult]) -> None:
    window.mode.setCurrentIndex(window.mode.findData("in-person"))
    window.start.setDate(QDate(2025, 10, 1))
    window.entity.setCurrentIndex(window.entity.findData("importer"))
    window.refresh()
    expected = cli(
        "stats", "--mode", "in-person", "--from", "2025-10-01", "--entity", "importer", "--json"
    ).json()
    assert expected["validations"] == 1
    assert window.key_values["deficiencies"].text() == str(expected["deficiencies"])
    assert window.figures is not None and window.figures["filters"] == expected["filters"]


def test_the_status_filter_matches_the_cli(
    window: DashboardWindow, cli: Callable[..., CliResult]
) -> None:
    assert window.stage.findData("planned") == -1  # planned ones never count
    window.stage.setCurrentIndex(window.stage.findData("approved"))
    window.refresh()
    expected = cli("stats", "--status", "approved", "--json").json()
    assert 0 < expected["validations"] < cli("stats", "--json").json()["validations"]
    assert window.key_values["validations"].text() == str(expected["validations"])
    assert window.figures is not None and window.figures["filters"]["status"] == "approved"


def test_export_buttons_write_files(
    window: DashboardWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.refresh()
    for kind, button in (("pdf", window.export_pdf), ("xlsx", window.export_xlsx)):
        target = tmp_path / f"dash.{kind}"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, t=target, **k: (str(t), ""))
        button.click()
        assert target.stat().st_size > 1000
    assert (tmp_path / "dash.pdf").read_bytes().startswith(b"%PDF")


def test_opens_from_the_main_window_without_blocking(ctx: AppContext, qtbot: QtBot) -> None:
    create_demo(ctx)
    main = MainWindow(ctx, TaskRunner())
    qtbot.addWidget(main)
    main.menu_actions.dashboard.trigger()
    assert main.dashboard is not None and main.dashboard.isVisible()
    qtbot.waitUntil(lambda: main.dashboard is not None and main.dashboard.figures is not None)
    assert main.dashboard.key_values["validations"].text() == "8"
    main.close()


def test_the_msc_version_filter_reaches_the_figures(
    ctx: AppContext, window: DashboardWindow, cli: Callable[..., CliResult]
) -> None:
    from datetime import date

    from ctpat_desktop.services.validations import ValidationSession, plan_validation
    from ctpat_desktop.worksheet import Lifecycle

    old = plan_validation(
        ctx, member="Old", account="US-2020", entity="importer", on=date(2022, 6, 1)
    )
    ValidationSession(ctx, old.id).record_finding("3.9", status="not-met", reasons=["other"])
    ctx.store.set_status(old.id, Lifecycle.IN_REVIEW, "tester")
    assert window.catalog_version.findData("2020.1") > 0
    window.catalog_version.setCurrentIndex(window.catalog_version.findData("2020.1"))
    window.refresh()
    expected = cli("stats", "--catalog-version", "2020.1", "--json").json()
    assert expected["validations"] == 1 and expected["deficiencies"] == 1
    assert expected["recommendations"] == 1  # 3.9 was a Should in the January 2020 MSC
    assert window.key_values["deficiencies"].text() == "1"
    assert window.figures is not None and window.figures["filters"] == expected["filters"]


@pytest.fixture
def look(qapp: QApplication) -> Iterator[QApplication]:
    """The application's language and theme put back as they were after the test."""
    font, palette, style = qapp.font(), qapp.palette(), qapp.styleSheet()
    yield qapp
    i18n.install_translations(qapp, resources_dir(), "en")
    qapp.setStyleSheet(style)
    qapp.setPalette(palette)
    qapp.setFont(font)
    qapp.setProperty(HIGH_CONTRAST, False)


def _hidden_parts(window: QWidget) -> list[str]:
    """Buttons and fields of the window not wholly on it (cut by its edge or a scroll area)."""
    hidden = []
    for widget in window.findChildren(QAbstractButton) + window.findChildren(QComboBox):
        if not widget.isVisibleTo(window) or isinstance(widget.parentWidget(), QTabBar):
            continue
        placed = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
        if not window.rect().contains(placed) or widget.visibleRegion() != QRegion(widget.rect()):
            hidden.append(widget.text() if isinstance(widget, QAbstractButton) else "combo")
    return hidden


def _cut_columns(window: DashboardWindow) -> list[str]:
    """Tables of the shown page whose last column (the percents, the rates) is out of view."""
    cut = []
    for table in window.tabs.currentWidget().findChildren(QTableView):
        header = table.horizontalHeader()
        last = header.count() - 1
        if header.sectionViewportPosition(last) + header.sectionSize(last) > header.width():
            cut.append(table.accessibleName())
    return cut


@pytest.mark.parametrize(
    ("language", "high_contrast", "scale"),
    [("en", False, 1.0), ("es", False, 1.0), ("es", True, 2.0)],
)
def test_fits_a_small_laptop_screen(
    ctx: AppContext,
    qtbot: QtBot,
    look: QApplication,
    language: str,
    high_contrast: bool,
    scale: float,
) -> None:
    """1366x705, the screen of the tester's laptop: the window is no wider, and at that size
    every button, filter and percent column is in view on every page."""
    assert i18n.install_translations(look, resources_dir(), language) == language
    apply_theme(look, high_contrast, scale)
    create_demo(ctx)
    window = DashboardWindow(ctx, ImmediateRunner())
    qtbot.addWidget(window)
    window.refresh()
    assert window.minimumSizeHint().width() <= 1366
    assert window.minimumSizeHint().height() <= 705
    window.resize(1366, 705)
    window.show()
    qtbot.waitExposed(window)
    assert window.width() == 1366
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        QApplication.processEvents()  # lay out the page just shown
        assert window.grab().save(str(SCREENSHOTS / f"dashboard_{language}_{scale}_{index}.png"))
        assert _hidden_parts(window) == []
        assert _cut_columns(window) == []
    assert window.export_pdf.isVisible() and window.export_xlsx.isVisible()


def _seeded(ctx: AppContext) -> None:
    """The demo validations and one more, in review with one finding: an anomaly flag."""
    from datetime import date

    from ctpat_desktop.services.validations import ValidationSession, plan_validation
    from ctpat_desktop.worksheet import Lifecycle

    create_demo(ctx)
    odd = plan_validation(
        ctx, member="Odd One", account="US-9999", entity="importer", on=date(2026, 2, 3)
    )
    ValidationSession(ctx, odd.id).record_finding("1.1", status="not-met", reasons=["other"])
    ctx.store.set_status(odd.id, Lifecycle.IN_REVIEW, "tester")


def test_every_tab_has_a_chart_of_its_figures(
    ctx: AppContext, qtbot: QtBot, cli: Callable[..., CliResult]
) -> None:
    _seeded(ctx)
    window = DashboardWindow(ctx, ImmediateRunner())
    qtbot.addWidget(window)
    window.show()
    window.refresh()
    expected = cli("stats", "--json").json()
    assert expected["anomalies"] and expected["trend"]

    def values(chart: BarChart) -> list[tuple[str, float]]:
        return [(bar.label, bar.value) for bar in chart.bars()]

    def titled(rows: list[dict[str, Any]]) -> list[str]:
        return [f"{r['criterion']} {r['title']}" for r in rows]

    wanted: dict[int, list[tuple[BarChart, list[tuple[str, float]]]]] = {
        0: [
            (
                window.bars,
                [(f"{r['category']}. {r['name']}", r["count"]) for r in expected["by_category"]],
            )
        ],
        1: [
            (
                window.top_count_bars,
                list(
                    zip(
                        titled(expected["top_criteria"]),
                        [r["count"] for r in expected["top_criteria"]],
                        strict=True,
                    )
                ),
            ),
            (
                window.top_rate_bars,
                list(
                    zip(
                        titled(expected["top_rates"]),
                        [r["rate"] for r in expected["top_rates"]],
                        strict=True,
                    )
                ),
            ),
        ],
        2: [(window.reason_bars, [(r["label"], r["count"]) for r in expected["by_reason"]])],
        3: [
            (
                window.mode_bars,
                [
                    (mode_label(Mode(mode)), m["per_validation"])
                    for mode, m in expected["by_mode"].items()
                ],
            )
        ],
        4: [(window.trend_bars, [(t["quarter"], t["per_validation"]) for t in expected["trend"]])],
        5: [
            (
                window.anomaly_bars,
                [
                    (f"{a['date']}  {a['member']} ({a['entity']})", len(a["reasons"]))
                    for a in expected["anomalies"]
                ],
            )
        ],
        6: [
            (
                window.mode_metrics.rate_bars,
                [
                    (mode_label(Mode(mode)), m["deficiency_rate"]["value"])
                    for mode, m in expected["mode_metrics"]["modes"].items()
                ],
            )
        ],
        7: [
            (
                window.outcome_bars,
                [
                    (choice_label(r["result"]), r["count"])
                    for r in expected["outcomes"]["by_proposed"]
                ],
            )
        ],
    }
    assert len(wanted) == window.tabs.count()
    for index, charts in wanted.items():
        window.tabs.setCurrentIndex(index)
        QApplication.processEvents()  # lay out the page just shown
        page = window.tabs.widget(index)
        assert page is not None
        assert set(page.findChildren(BarChart)) == {chart for chart, _ in charts}
        for chart, bars in charts:
            assert chart.isVisible() and chart.height() >= len(bars) * 20
            assert values(chart) == bars
            assert chart.accessibleName().endswith("chart")
            for bar in chart.bars():  # the text alternative lists every bar with its value
                assert f"{bar.label}: {bar.shown}" in chart.accessibleDescription()
    assert "Physical Access Controls: 0 (0.00%)" in window.bars.accessibleDescription()
    assert "62.5%" in window.top_rate_bars.accessibleDescription()
    assert "Odd One" in window.anomaly_bars.accessibleDescription()


def test_no_flags_is_said_in_place_of_the_chart(window: DashboardWindow) -> None:
    window.show()
    window.refresh()
    window.tabs.setCurrentIndex(window.tabs.count() - 1)
    assert window.anomaly_bars.bars() == []
    assert window.anomaly_bars.accessibleDescription() == "No validation was flagged."
    assert not window.anomalies.isVisible()


def _bar_colours(chart: BarChart) -> set[str]:
    """The colours painted where the first bar is."""
    image = chart.grab().toImage()
    row = chart.height() // (2 * max(1, len(chart.bars())))
    return {image.pixelColor(x, row).name() for x in range(chart.width() // 2, chart.width() - 80)}


def test_chart_bars_are_bright_in_high_contrast(
    window: DashboardWindow, qtbot: QtBot, look: QApplication
) -> None:
    window.show()
    window.refresh()
    QApplication.processEvents()  # the chart grows to its bars
    assert "#1f4e79" in _bar_colours(window.bars)
    apply_theme(look, True, 1.0)
    assert "#ffff00" in _bar_colours(window.bars)
    assert "#1f4e79" not in _bar_colours(window.bars)


def test_hovering_a_bar_shows_its_whole_label_and_value(
    window: DashboardWindow, qtbot: QtBot
) -> None:
    window.resize(700, 600)  # narrow: the long category names are elided on the chart
    window.show()
    window.refresh()
    QApplication.processEvents()
    chart = window.bars
    fifth = chart.bars()[4]
    assert fifth.label.startswith("5. Conveyance & Instruments of International Traffic")
    row = chart.height() // len(chart.bars())
    where = QPoint(10, 4 + 4 * row + row // 2)
    event = QHelpEvent(QEvent.Type.ToolTip, where, chart.mapToGlobal(where))
    QApplication.sendEvent(chart, event)
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text() == f"{fifth.label}: {fifth.shown}"
    QToolTip.hideText()
