"""Section 508: every window's focusable controls have accessible names, and Tab reads in order."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QWidget,
)
from pytestqt.qtbot import QtBot

from ctpat_desktop.app import AppContext
from ctpat_desktop.ui.main_window import MainWindow
from ctpat_desktop.ui.validation_dialog import ValidationDialog
from ctpat_desktop.ui.workspace.workspace_window import WorkspaceWindow
from tests.ui.windows import WINDOW_CLASSES, demo_main, demo_workspace, every_window, shown


@pytest.fixture(autouse=True)
def closing_never_asks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(WorkspaceWindow, "confirm_discard", lambda _w, _unsaved: True)


def _inner(widget: QWidget) -> bool:
    """A part of a compound control (the line edit of a spin box or combo box)."""
    parent = widget.parentWidget()
    return isinstance(parent, QAbstractSpinBox | QComboBox)


def unnamed_controls(window: QWidget) -> list[str]:
    """Focusable, visible controls of a window that a screen reader could not name."""
    found = []
    for widget in window.findChildren(QWidget):
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isVisibleTo(window):
            continue
        if _inner(widget) or widget.accessibleName():
            continue
        if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
            continue
        hint = widget.objectName() or getattr(widget, "text", lambda: "")()[:40]
        found.append(f"{type(widget).__name__} {hint!r} in {type(window).__name__}")
    return found


def unnamed_shortcuts(window: QWidget) -> list[str]:
    """Actions with a shortcut but no words for the keyboard-shortcut list."""
    return [
        action.shortcut().toString()
        for action in window.findChildren(QAction)
        if not action.shortcut().isEmpty() and not action.text().replace("&", "").strip()
    ]


@pytest.fixture
def main(ctx: AppContext, qtbot: QtBot) -> MainWindow:
    return demo_main(ctx, qtbot)


@pytest.fixture
def workspace(ctx: AppContext, main: MainWindow, qtbot: QtBot) -> WorkspaceWindow:
    return demo_workspace(ctx, main, qtbot)


def test_the_list_of_windows_is_complete() -> None:
    """A new dialog or window under ctpat_desktop/ui must join tests/ui/windows.py."""
    from ctpat_desktop import ui

    root = Path(ui.__file__).parent
    declared = set()
    for source in root.rglob("*.py"):
        for line in source.read_text(encoding="utf-8").splitlines():
            if line.startswith("class ") and any(
                base in line for base in ("(QDialog)", "(QMainWindow)")
            ):
                declared.add(line.split()[1].split("(")[0])
    assert declared <= WINDOW_CLASSES, declared - WINDOW_CLASSES


def test_every_focusable_control_has_an_accessible_name(
    ctx: AppContext, main: MainWindow, workspace: WorkspaceWindow, qtbot: QtBot
) -> None:
    problems = []
    windows = every_window(ctx, main, workspace)
    for window in windows:
        if window not in (main, workspace):
            shown(window, qtbot)
        problems += unnamed_controls(window)
    assert len(windows) == 19
    assert problems == []


def test_every_side_panel_is_checked(workspace: WorkspaceWindow) -> None:
    """The side panels are tabs: each one is checked with its own tab on top."""
    problems = []
    for index in range(workspace.side_tabs.count()):
        workspace.side_tabs.setCurrentIndex(index)
        problems += unnamed_controls(workspace)
    assert workspace.side_tabs.count() == 4  # Evidence, Session, Follow-up, Visit
    assert problems == []


def test_every_shortcut_has_words(main: MainWindow, workspace: WorkspaceWindow) -> None:
    assert unnamed_shortcuts(main) == []
    assert unnamed_shortcuts(workspace) == []


def test_the_checker_finds_an_unnamed_control(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout

    dialog = QDialog()
    layout = QVBoxLayout(dialog)
    layout.addWidget(QLineEdit())
    layout.addWidget(QPushButton("Named by its text"))
    shown(dialog, qtbot)
    assert unnamed_controls(dialog) == ["QLineEdit '' in QDialog"]


def tab_chain(start: QWidget, stop: QWidget) -> list[QWidget]:
    """The widgets Tab visits from start, up to stop, skipping inner parts and hidden ones."""
    chain = [start]
    widget = start.nextInFocusChain()
    while widget is not start and widget is not stop:
        if (
            widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.isVisibleTo(start.window())
            and widget.isEnabled()
            and not _inner(widget)
        ):
            chain.append(widget)
        widget = widget.nextInFocusChain()
    chain.append(stop)
    return chain


def test_tab_reads_the_validation_form_in_order(ctx: AppContext, qtbot: QtBot) -> None:
    dialog = ValidationDialog(ctx.catalogs.names())
    shown(dialog, qtbot)
    fields = [
        dialog.member,
        dialog.account,
        dialog.entity,
        dialog.mode,
        dialog.on,
        dialog.scss,
        dialog.office,
        dialog.webex,
        dialog.participants,
        dialog.minutes,
    ]
    assert tab_chain(fields[0], fields[-1]) == fields


def test_tab_reads_the_finding_editor_in_order(workspace: WorkspaceWindow) -> None:
    editor = workspace.editor
    fields = editor.focus_chain()
    assert len(fields) >= 6
    visible = [w for w in fields if w.isVisibleTo(workspace) and w.isEnabled()]
    assert tab_chain(visible[0], visible[-1]) == visible
    tops = [w.mapTo(workspace, w.rect().topLeft()).y() for w in visible]
    assert tops == sorted(tops)


def test_the_main_controls_say_how_they_are_used(
    main: MainWindow, workspace: WorkspaceWindow
) -> None:
    """Beyond a name, the busiest controls describe themselves to a screen reader."""
    from ctpat_desktop.ui.panels.evidence_panel import EvidencePanel

    evidence = workspace.findChild(EvidencePanel)
    assert evidence is not None
    controls = [
        main.table,
        main.search,
        workspace.tree,
        workspace.search,
        workspace.editor.reasons,
        evidence.list,
    ]
    assert all(len(c.accessibleDescription()) > 20 for c in controls), [
        c.accessibleName() for c in controls if len(c.accessibleDescription()) <= 20
    ]
    assert "Enter" in main.table.accessibleDescription()
