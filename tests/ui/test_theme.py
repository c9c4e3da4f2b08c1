"""High contrast and larger text: settings, the View menu, and layouts that keep every word."""

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from ctpat_desktop.app import AppContext
from ctpat_desktop.errors import CtpatError
from ctpat_desktop.services.demo import create_demo
from ctpat_desktop.settings import Settings, load_settings, save_settings
from ctpat_desktop.ui.main_window import MainWindow
from ctpat_desktop.ui.runner import ImmediateRunner
from ctpat_desktop.ui.theme import apply_theme, is_high_contrast
from ctpat_desktop.ui.workspace.workspace_window import WorkspaceWindow
from ctpat_desktop.ui.workspace_open import open_workspace

SCREENSHOTS = Path("/tmp")


@pytest.fixture(autouse=True)
def app_look(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[QApplication]:
    """Every test leaves the shared application as it found it."""
    monkeypatch.setattr(WorkspaceWindow, "confirm_discard", lambda _w, _unsaved: True)
    font, palette, style = qapp.font(), qapp.palette(), qapp.styleSheet()
    yield qapp
    qapp.setStyleSheet(style)
    qapp.setPalette(palette)
    qapp.setFont(font)
    qapp.setProperty("ctpat_high_contrast", False)


def test_settings_keep_the_look(data_dir: Path) -> None:
    assert load_settings(data_dir).high_contrast is False
    assert load_settings(data_dir).font_scale == 1.0
    save_settings(data_dir, Settings(high_contrast=True, font_scale=1.5))
    again = load_settings(data_dir)
    assert (again.high_contrast, again.font_scale) == (True, 1.5)
    assert again.language == ""  # follows the system's language
    save_settings(data_dir, Settings(language="es"))
    assert load_settings(data_dir).language == "es"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"font_scale": 2.5}, "font_scale"),
        ({"font_scale": 0.5}, "font_scale"),
        ({"font_scale": "big"}, "font_scale"),
        ({"font_scale": True}, "font_scale"),
        ({"high_contrast": "yes"}, "high_contrast"),
        ({"high_contrast_mode": True}, "unknown settings"),
        ({"language": "fr"}, "language must be one of '', 'en', 'es'"),
        ({"language": None}, "language must be one of"),
    ],
)
def test_bad_look_settings_are_refused(
    data_dir: Path, raw: dict[str, object], message: str
) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "settings.json").write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(CtpatError, match=message):
        load_settings(data_dir)


def test_apply_theme_sets_style_and_text_size(app_look: QApplication) -> None:
    base = app_look.font().pointSizeF()
    apply_theme(app_look, True, 1.5)
    assert "#ffff00" in app_look.styleSheet()
    assert is_high_contrast()
    assert app_look.font().pointSizeF() == pytest.approx(base * 1.5)
    apply_theme(app_look, False, 1.0)
    assert app_look.styleSheet() == ""
    assert not is_high_contrast()
    assert app_look.font().pointSizeF() == pytest.approx(base)


def test_view_menu_applies_and_saves_at_once(
    ctx: AppContext, qtbot: QtBot, app_look: QApplication
) -> None:
    window = MainWindow(ctx, ImmediateRunner())
    qtbot.addWidget(window)
    base = app_look.font().pointSizeF()
    actions = window.menu_actions
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert {actions.high_contrast, actions.larger_text, actions.smaller_text} <= set(view.actions())
    assert actions.larger_text.shortcut().toString() == "Ctrl++"
    assert actions.smaller_text.shortcut().toString() == "Ctrl+-"

    actions.high_contrast.trigger()
    assert app_look.styleSheet() and ctx.settings.high_contrast
    assert load_settings(ctx.data_dir).high_contrast is True

    actions.larger_text.trigger()
    actions.larger_text.trigger()
    assert ctx.settings.font_scale == 1.5
    assert app_look.font().pointSizeF() == pytest.approx(base * 1.5)
    assert load_settings(ctx.data_dir).font_scale == 1.5
    for _ in range(4):
        actions.larger_text.trigger()
    assert ctx.settings.font_scale == 2.0 and not actions.larger_text.isEnabled()

    for _ in range(8):
        actions.smaller_text.trigger()
    assert ctx.settings.font_scale == 1.0 and not actions.smaller_text.isEnabled()
    actions.high_contrast.trigger()
    assert app_look.styleSheet() == "" and load_settings(ctx.data_dir).high_contrast is False


def cut_words(window: QWidget) -> list[str]:
    """Visible labels and buttons too narrow for their text (and not wrapping it)."""
    cut = []
    for widget in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
        if not widget.isVisibleTo(window) or not widget.text():
            continue
        wraps = isinstance(widget, QLabel) and widget.wordWrap()
        if not wraps and widget.sizeHint().width() > widget.width():
            cut.append(f"{type(widget).__name__} {widget.text()[:40]!r}")
    return cut


def clipped(window: QWidget) -> list[str]:
    """Visible labels and buttons whose width a parent (a scroll area, a splitter) cuts off."""
    cut = []
    for widget in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
        if not widget.isVisibleTo(window) or not widget.text():
            continue
        shown = widget.visibleRegion().boundingRect()
        if not shown.isEmpty() and shown.width() < widget.width():
            cut.append(f"{type(widget).__name__} {widget.text()[:40]!r}")
    return cut


def _open_both(ctx: AppContext, qtbot: QtBot) -> tuple[MainWindow, WorkspaceWindow]:
    """The main window and a workspace, at 1366x768, as a small laptop shows them."""
    create_demo(ctx)
    main = MainWindow(ctx, ImmediateRunner())
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    qtbot.waitExposed(main)
    main.table.selectRow(0)
    validation_id = main.selected_id()
    assert validation_id is not None
    workspace = open_workspace(ctx, ImmediateRunner(), validation_id)
    qtbot.addWidget(workspace)
    workspace.resize(1366, 768)
    workspace.show()
    qtbot.waitUntil(lambda: workspace.session is not None and workspace.side_tabs.count() >= 3)
    QApplication.processEvents()
    return main, workspace


def test_high_contrast_large_text_keeps_every_word(
    ctx: AppContext, qtbot: QtBot, app_look: QApplication
) -> None:
    apply_theme(app_look, True, 1.5)
    main, workspace = _open_both(ctx, qtbot)
    assert main.grab().save(str(SCREENSHOTS / "hc_main.png"))
    assert workspace.grab().save(str(SCREENSHOTS / "hc_workspace.png"))
    problems = cut_words(main) + cut_words(workspace)
    for index in range(workspace.side_tabs.count()):
        workspace.side_tabs.setCurrentIndex(index)
        QApplication.processEvents()  # lay out the page just shown; no waiting
        assert workspace.grab().save(str(SCREENSHOTS / f"hc_workspace_{index}.png"))
        problems += cut_words(workspace)
    assert sorted(set(problems)) == [], "\n".join(sorted(set(problems)))


def test_large_text_needs_no_sideways_scrolling(
    ctx: AppContext, qtbot: QtBot, app_look: QApplication
) -> None:
    apply_theme(app_look, True, 1.5)
    _main, workspace = _open_both(ctx, qtbot)
    assert clipped(workspace) == []


def test_views_that_colour_themselves_use_light_ink_in_high_contrast(
    ctx: AppContext, qtbot: QtBot, app_look: QApplication
) -> None:
    from PySide6.QtCore import Qt

    from ctpat_desktop.ui.theme import INK, ink
    from ctpat_desktop.worksheet import FindingStatus

    assert ink("error") == INK["error"][0]
    apply_theme(app_look, True, 1.0)
    assert ink("error") == INK["error"][1]
    _main, workspace = _open_both(ctx, qtbot)
    assert INK["should"][1] in workspace.pane.level.styleSheet() or (
        INK["must"][1] in workspace.pane.level.styleSheet()
    )
    assert INK["error"][1] in workspace.editor.problem.styleSheet()
    for status in (FindingStatus.MET, FindingStatus.EXCEEDS):
        workspace.set_status(status)
        workspace.next_criterion()
    colours = set()
    model = workspace.model
    for row in range(model.rowCount()):
        parent = model.index(row, 0)
        for child in range(model.rowCount(parent)):
            for column in range(model.columnCount(parent)):
                brush = model.data(
                    model.index(child, column, parent), Qt.ItemDataRole.ForegroundRole
                )
                if brush is not None:
                    colours.add(brush.name())
    dark = {normal for normal, _bright in INK.values()}
    bright = {light for _normal, light in INK.values()}
    assert colours and colours <= bright and not colours & dark
