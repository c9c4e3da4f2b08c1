"""The main window lists the validations; the model passes Qt's model checks."""

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from ctpat_desktop.app import AppContext
from ctpat_desktop.services.demo import create_demo
from ctpat_desktop.services.validations import plan_validation
from ctpat_desktop.ui.main import run_gui
from ctpat_desktop.ui.main_window import MainWindow
from ctpat_desktop.ui.validation_list_model import ValidationListModel


def test_model_passes_qt_model_tester(ctx: AppContext, qtmodeltester: ModelTester) -> None:
    create_demo(ctx)
    model = ValidationListModel()
    model.set_summaries(ctx.store.list_validations())
    qtmodeltester.check(model)
    assert model.rowCount() == 9


def test_window_lists_searches_and_sorts(ctx: AppContext, qtbot: QtBot) -> None:
    create_demo(ctx)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert window.proxy.rowCount() == 9
    assert not window.empty_hint.isVisibleTo(window)

    window.search.setText("bajío")
    assert window.proxy.rowCount() == 1
    member = window.proxy.index(0, 0).data()
    assert member == "Transportes del Bajío S.A. de C.V."
    window.search.clear()

    dates = [window.proxy.index(r, 4).data() for r in range(window.proxy.rowCount())]
    assert dates == sorted(dates, reverse=True)
    progress = window.proxy.index(dates.index("2026-12-08"), 6).data()
    assert progress.endswith("(0%)")


def test_empty_window_says_what_to_do(ctx: AppContext, qtbot: QtBot) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert window.proxy.rowCount() == 0
    assert window.empty_hint.isVisibleTo(window)
    assert "demo" in window.empty_hint.text()


def test_refresh_shows_a_validation_added_elsewhere(ctx: AppContext, qtbot: QtBot) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    plan_validation(ctx, member="Acme", account="US-1234", entity="importer")
    window.refresh()
    assert window.proxy.rowCount() == 1


def test_run_gui_quits_by_itself(ctx: AppContext, qtbot: QtBot) -> None:
    assert run_gui(ctx, quit_after=0.05) == 0
