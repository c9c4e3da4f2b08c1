"""The workspace beside WebEx: every control needed at half a laptop screen, and the
keyboard rhythm (status keys never type into a field, the walk skips category rows)."""

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QWidget
from pytestqt.qtbot import QtBot

from ctpat_desktop.app import AppContext
from ctpat_desktop.ui.runner import ImmediateRunner
from ctpat_desktop.ui.workspace.workspace_window import WorkspaceWindow
from ctpat_desktop.ui.workspace_open import open_workspace
from ctpat_desktop.worksheet import FindingStatus
from tests.ui.test_workspace import (  # the workspace tests' fixtures and keys
    CTRL,
    Key,
    OpenWindow,
    closing_never_asks,  # noqa: F401
    focused,
    open_window,  # noqa: F401
    press,
    settings,  # noqa: F401
    stored,
    type_text,
    validation_id,  # noqa: F401
)

# Half a common government laptop beside WebEx, a tall portrait half, a whole laptop.
SIZES = [(683, 705), (960, 1010), (1366, 705)]


def _on_screen(widget: QWidget, window: QWidget) -> QRect:
    """The part of the widget the window shows (its rectangle, clipped by every parent)."""
    rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        rect = rect.intersected(QRect(parent.mapTo(window, QPoint(0, 0)), parent.size()))
        parent = parent.parentWidget()
    return rect.intersected(window.rect())


def _fully_shown(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisible() and _on_screen(widget, window).size() == widget.size()


def _at(opener: OpenWindow, vid: str, qtbot: QtBot, size: tuple[int, int]) -> WorkspaceWindow:
    window = opener(vid)
    return _resized(window, qtbot, size)


def _with_panels(ctx: AppContext, vid: str, qtbot: QtBot, size: tuple[int, int]) -> WorkspaceWindow:
    """The workspace as the app opens it: Evidence, Session and Follow-up beside it."""
    window = open_workspace(ctx, ImmediateRunner(), vid)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.side_tabs.count() >= 3)
    return _resized(window, qtbot, size)


def _resized(window: WorkspaceWindow, qtbot: QtBot, size: tuple[int, int]) -> WorkspaceWindow:
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size().width() == size[0])
    qtbot.wait(50)  # the layouts settle
    return window


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_control_to_record_a_finding_is_on_screen(
    ctx: AppContext,
    validation_id: str,  # noqa: F811
    open_window: OpenWindow,  # noqa: F811
    qtbot: QtBot,
    size: tuple[int, int],
) -> None:
    window = _with_panels(ctx, validation_id, qtbot, size)
    window.set_status(FindingStatus.NOT_MET)
    editor = window.editor
    scroll = editor.parentWidget().parentWidget()
    assert isinstance(scroll, QAbstractScrollArea)
    # All five statuses at once, without scrolling the editor.
    for status, button in editor.status_buttons.items():
        assert _fully_shown(button, window), status
    # The editor never scrolls sideways; its fields are whole once scrolled to.
    assert editor.width() <= scroll.viewport().width()
    assert not scroll.horizontalScrollBar().isVisible()
    for field in (editor.reasons, editor.verified, editor.note, editor.action, editor.due):
        scroll.ensureWidgetVisible(field)  # type: ignore[attr-defined]
        qtbot.wait(10)
        assert _fully_shown(field, window), field.accessibleName()
    # Every reason is in sight in the list (none scrolled out of view).
    reasons = editor.reasons
    for row in range(reasons.count()):
        cell = reasons.visualItemRect(reasons.item(row))
        assert reasons.viewport().rect().contains(cell), reasons.item(row).text()
    # The checklist keeps the ID and the status of every row.
    tree = window.tree
    assert _fully_shown(tree, window)
    header = tree.header()
    status_column = window.model.STATUS_COLUMN
    for column in (0, status_column):
        assert not tree.isColumnHidden(column)
    right = header.sectionViewportPosition(status_column) + header.sectionSize(status_column)
    assert right <= tree.viewport().width()
    assert header.sectionSize(status_column) >= header.sectionSizeHint(status_column)


def test_the_side_panel_folds_beside_webex_and_f6_brings_it(
    validation_id: str,  # noqa: F811
    open_window: OpenWindow,  # noqa: F811
    qtbot: QtBot,
) -> None:
    window = _at(open_window, validation_id, qtbot, (683, 705))
    window.add_side_panel("Evidence", QWidget())
    assert window.compact and not window.side_panel_shown()
    press(qtbot, Key.Key_F6)
    assert window.side_panel_shown()
    assert not window.checklist_column.isVisible()  # the panel takes the checklist's place
    assert _fully_shown(window.side_tabs, window)
    for button in window.editor.status_buttons.values():  # the editor stays
        assert _fully_shown(button, window)
    press(qtbot, Key.Key_F6)
    assert not window.side_panel_shown() and window.checklist_column.isVisible()
    assert focused() is window.tree

    window.resize(1366, 705)
    qtbot.waitUntil(lambda: not window.compact)
    assert window.side_panel_shown() and window.checklist_column.isVisible()
    press(qtbot, Key.Key_F6)  # hides it at any width
    assert not window.side_panel_shown()
    window.resize(683, 705)
    qtbot.waitUntil(lambda: window.compact)
    window.resize(1366, 705)
    qtbot.waitUntil(lambda: not window.compact)
    assert not window.side_panel_shown()  # the choice for a wide window is kept


def test_down_walks_criteria_only_so_m_and_down_mark_twelve(
    ctx: AppContext,
    validation_id: str,  # noqa: F811
    open_window: OpenWindow,  # noqa: F811
    qtbot: QtBot,
) -> None:
    """Before, Down stopped on each category row, where M does nothing: 12 presses of
    M and Down marked 10 criteria."""
    window = open_window(validation_id)
    order = window.model.criterion_ids()
    assert focused() is window.tree
    for _ in range(12):
        press(qtbot, Key.Key_M)
        press(qtbot, Key.Key_Down)
    findings = stored(ctx, validation_id)
    assert [cid for cid in order if cid in findings] == order[:12]
    assert all(findings[cid].status is FindingStatus.MET for cid in order[:12])
    assert window.current_criterion() == order[12]
    for _ in range(12):
        press(qtbot, Key.Key_Up)
    assert window.current_criterion() == order[0]
    press(qtbot, Key.Key_Up)  # above the first criterion is only its category: stay
    assert window.current_criterion() == order[0]


def test_ctrl_down_leaves_the_note_so_the_next_key_records_a_status(
    ctx: AppContext,
    validation_id: str,  # noqa: F811
    open_window: OpenWindow,  # noqa: F811
    qtbot: QtBot,
) -> None:
    """Before: note, Ctrl+Down, M left the next criterion not reviewed with the note "m"."""
    window = open_window(validation_id)
    first, second = window.model.criterion_ids()[:2]
    press(qtbot, Key.Key_1, CTRL)
    press(qtbot, Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert focused() is window.editor.note
    type_text(qtbot, "Statement signed by the CEO")
    press(qtbot, Key.Key_Down, CTRL)
    assert window.current_criterion() == second
    press(qtbot, Key.Key_M)
    findings = stored(ctx, validation_id)
    assert findings[first].note == "Statement signed by the CEO"
    assert findings[second].status is FindingStatus.MET
    assert findings[second].note == ""
    # The letters work on a status button too (it takes no typing).
    window.editor.status_buttons[FindingStatus.MET].setFocus()
    press(qtbot, Key.Key_A)
    assert stored(ctx, validation_id)[second].status is FindingStatus.NOT_APPLICABLE


def test_auto_advance_moves_on_after_a_complete_status_only(
    ctx: AppContext,
    validation_id: str,  # noqa: F811
    open_window: OpenWindow,  # noqa: F811
    qtbot: QtBot,
) -> None:
    window = open_window(validation_id)
    order = window.model.criterion_ids()
    window.menu_actions.auto_advance.setChecked(True)
    press(qtbot, Key.Key_M)
    press(qtbot, Key.Key_4, CTRL)
    assert window.current_criterion() == order[2]
    press(qtbot, Key.Key_N)  # not met: its reasons come next, so it stays
    assert window.current_criterion() == order[2]
    assert focused() is window.editor.reasons
    findings = stored(ctx, validation_id)
    assert findings[order[0]].status is FindingStatus.MET
    assert findings[order[1]].status is FindingStatus.NOT_APPLICABLE
    window.close()
    again = open_window(validation_id)
    assert again.menu_actions.auto_advance.isChecked()  # remembered
