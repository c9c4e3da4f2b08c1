"""The dashboard window shows exactly the figures `stats --json` prints, for the same filters."""

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QFileDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from ctpat_desktop.app import AppContext
from ctpat_desktop.services.demo import create_demo
from ctpat_desktop.ui.dashboard_window import KEY_FIGURES, DashboardWindow
from ctpat_desktop.ui.i18n import mode_label
from ctpat_desktop.ui.main_window import MainWindow
from ctpat_desktop.ui.runner import ImmediateRunner, TaskRunner
from ctpat_desktop.worksheet import Mode
from tests.conftest import CliResult


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
