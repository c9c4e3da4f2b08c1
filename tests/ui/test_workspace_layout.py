"""The workspace beside WebEx: every control needed at half a laptop screen, and the
keyboard rhythm (status keys never type into a field, the walk skips category rows)."""

from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import TypeVar

import pytest
from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from ctpat_desktop.app import AppContext
from ctpat_desktop.records.kinds import SITE
from ctpat_desktop.services import visit
from ctpat_desktop.services.validations import ValidationSession
from ctpat_desktop.ui.panels.evidence_panel import EvidencePanel
from ctpat_desktop.ui.panels.followup_panel import ExtendDueDialog, FollowUpPanel
from ctpat_desktop.ui.panels.session_panel import SessionPanel
from ctpat_desktop.ui.runner import ImmediateRunner
from ctpat_desktop.ui.theme import apply_theme
from ctpat_desktop.ui.workspace.actions import shortcut_rows
from ctpat_desktop.ui.workspace.criteria_model import status_text
from ctpat_desktop.ui.workspace.workspace_window import WorkspaceWindow, _AllActions
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

_P = TypeVar("_P", bound=QWidget)
# Half a common government laptop beside WebEx, a tall portrait half, a whole laptop;
# the whole laptop also with text at 150 % and 200 % (View ▸ Text size).
LOOKS = [
    ((683, 705), 1.0),
    ((960, 1010), 1.0),
    ((1366, 705), 1.0),
    ((1366, 705), 1.5),
    ((1366, 705), 2.0),
]


@pytest.fixture
def text_size() -> Iterator[Callable[[float], None]]:
    """Scale the application's text as View ▸ Text size does; back to 100 % after."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)

    def scale(factor: float) -> None:
        apply_theme(app, False, factor)

    yield scale
    apply_theme(app, False, 1.0)


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


def _panel(window: WorkspaceWindow, kind: type[_P]) -> _P:
    """The workspace's side panel of that kind."""
    for index in range(window.side_tabs.count()):
        panel = window.side_tabs.widget(index)
        if isinstance(panel, kind):
            return panel
    raise AssertionError(f"no {kind.__name__} beside the checklist")


def _resized(window: WorkspaceWindow, qtbot: QtBot, size: tuple[int, int]) -> WorkspaceWindow:
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size().width() == size[0])
    qtbot.wait(50)  # the layouts settle
    return window


@pytest.mark.parametrize(
    ("size", "scale"), LOOKS, ids=[f"{w}x{h}-{int(k * 100)}%" for (w, h), k in LOOKS]
)
def test_every_control_to_record_a_finding_is_on_screen(
    ctx: AppContext,
    validation_id: str,  # noqa: F811
    qtbot: QtBot,
    text_size: Callable[[float], None],
    size: tuple[int, int],
    scale: float,
) -> None:
    text_size(scale)
    # A site with a long name: the editor offers where the criterion was checked.
    name = "Planta Norte, Parque Industrial Escobedo, Nave 4"
    visit.add(ctx, validation_id, SITE, {"name": name, "type": "facility"})
    window = _with_panels(ctx, validation_id, qtbot, size)
    window.set_status(FindingStatus.NOT_MET)
    qtbot.wait(50)  # the editor lays out its "not saved" line
    editor = window.editor
    scroll = editor.parentWidget().parentWidget()
    assert isinstance(scroll, QAbstractScrollArea)
    # All five statuses at once, without scrolling the editor.
    for status, button in editor.status_buttons.items():
        assert _fully_shown(button, window), status
    # The editor never scrolls sideways; its fields are whole once scrolled to.
    assert editor.width() <= scroll.viewport().width()
    assert not scroll.horizontalScrollBar().isVisible()
    for field in (editor.verified, editor.site, editor.note, editor.action, editor.due):
        # The whole field (ensureWidgetVisible would settle for a text box's cursor).
        centre = field.mapTo(editor, field.rect().center())
        half = field.rect().center()
        scroll.ensureVisible(centre.x(), centre.y(), half.x() + 2, half.y() + 2)  # type: ignore[attr-defined]
        qtbot.wait(10)
        assert _fully_shown(field, window), field.accessibleName()
    # Every reason is in the list's sight (the list never scrolls a ticked one away), and
    # whole on screen once the editor is scrolled to it (in large text it is taller
    # than the editor's area).
    reasons = editor.reasons
    for row in range(reasons.count()):
        cell = reasons.visualItemRect(reasons.item(row))
        assert reasons.viewport().rect().contains(cell), reasons.item(row).text()
        top_left = reasons.viewport().mapTo(editor, cell.topLeft())
        scroll.ensureVisible(  # type: ignore[attr-defined]
            top_left.x() + cell.width() // 2, top_left.y() + cell.height() // 2, 0, cell.height()
        )
        qtbot.wait(10)
        on_screen = QRect(reasons.viewport().mapTo(window, cell.topLeft()), cell.size())
        assert _on_screen(scroll.viewport(), window).contains(on_screen), reasons.item(row).text()
        assert cell.width() >= reasons.fontMetrics().horizontalAdvance(reasons.item(row).text())
    # The checklist keeps the ID and the status of every row.
    tree = window.tree
    assert _fully_shown(tree, window)
    header = tree.header()
    status_column = window.model.STATUS_COLUMN
    for column in (0, status_column):
        assert not tree.isColumnHidden(column)
    right = header.sectionViewportPosition(status_column) + header.sectionSize(status_column)
    assert right <= tree.viewport().width()
    widest = max(tree.fontMetrics().horizontalAdvance(status_text(s)) for s in FindingStatus)
    assert header.sectionSize(status_column) > widest
    assert header.sectionSize(0) > tree.fontMetrics().horizontalAdvance("12.10")


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


def test_evidence_keys_are_in_the_window_and_its_shortcut_list(
    ctx: AppContext,
    validation_id: str,  # noqa: F811
    qtbot: QtBot,
) -> None:
    window = _with_panels(ctx, validation_id, qtbot, (683, 705))
    rows = shortcut_rows(_AllActions(window))
    keys = {what: shortcut for what, shortcut, _where in rows}
    assert keys["Paste screenshot"] == "Ctrl+Shift+V"
    assert keys["Attach file"] == "Ctrl+Shift+E"
    finding_menu = [a.text() for a in window.menuBar().actions()[2].menu().actions()]
    assert "Attach file…" in finding_menu

    # On a category row there is nothing to attach to: the keys are off, and the panel
    # does not name the criterion shown before.
    evidence = window.side_tabs.widget(0)
    assert isinstance(evidence, EvidencePanel)
    assert evidence.attach_action.isEnabled()
    category = window.proxy.index(1, 0)
    window.tree.setCurrentIndex(category)
    assert not evidence.attach_action.isEnabled()
    assert not evidence.paste_action.isEnabled()
    assert "Category 2" in evidence.target.text()
    press(qtbot, Key.Key_Down)  # back on a criterion: on again
    assert window.current_criterion() == "2.1"
    assert evidence.attach_action.isEnabled()


def test_closing_with_the_session_running_asks_and_keeps_the_time(
    ctx: AppContext,
    validation_id: str,  # noqa: F811
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Before, Ctrl+W closed a running session without a word and its time was lost."""
    window = _with_panels(ctx, validation_id, qtbot, (1366, 705))
    live = _panel(window, SessionPanel)
    answers = [False, True]
    monkeypatch.setattr(live, "ask_pause_on_close", lambda: answers.pop(0))
    live.start_timer()
    press(qtbot, Key.Key_W, CTRL)
    assert window.isVisible() and live.is_running()  # Cancel: nothing closes
    press(qtbot, Key.Key_W, CTRL)
    assert not window.isVisible() and not answers
    (period,) = ValidationSession(ctx, validation_id).session_times().periods
    assert period.category == 1  # the workspace opened on 1.1


def _tab_to(qtbot: QtBot, wanted: QWidget, limit: int = 40) -> int:
    """Press Tab until the wanted widget has the focus; how many presses it took."""
    for count in range(limit):
        if focused() is wanted:
            return count
        press(qtbot, Key.Key_Tab)
    raise AssertionError(f"{wanted.accessibleName() or wanted} not reached in {limit} Tabs")


def test_a_whole_validation_by_keyboard_beside_webex(
    ctx: AppContext,
    validation_id: str,  # noqa: F811
    qtbot: QtBot,
) -> None:
    """At 683x705, keys only: met, a deficiency with reason and note, a screenshot pasted,
    a 30-day extension with its reason, an undo; then the store holds exactly that."""
    window = _with_panels(ctx, validation_id, qtbot, (683, 705))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    order = window.model.criterion_ids()
    window.tree.setFocus()
    press(qtbot, Key.Key_M)  # 1.1 met
    press(qtbot, Key.Key_Down)
    press(qtbot, Key.Key_A)  # 1.2 not applicable
    press(qtbot, Key.Key_Down)
    press(qtbot, Key.Key_N)  # 1.3 (a Must) not met: the reasons take the keys
    assert focused() is window.editor.reasons
    press(qtbot, Key.Key_Space)  # the first reason
    press(qtbot, Key.Key_N, Qt.KeyboardModifier.AltModifier)
    type_text(qtbot, "No cross-functional team minutes")
    picture = QImage(40, 30, QImage.Format.Format_RGB32)
    picture.fill(QColor("teal"))
    QApplication.clipboard().setImage(picture)
    press(qtbot, Key.Key_V, CTRL | Qt.KeyboardModifier.ShiftModifier)  # paste the screenshot
    press(qtbot, Key.Key_Down, CTRL)
    press(qtbot, Key.Key_M)  # 1.4 met: then undone
    assert stored(ctx, validation_id)[order[3]].status is FindingStatus.MET
    press(qtbot, Key.Key_Z, CTRL)

    # The extension: F6 brings the side panel, the keys reach Follow-up's Extend button.
    press(qtbot, Key.Key_F6)
    assert window.side_panel_shown() and focused() is window.side_tabs.tabBar()
    follow = _panel(window, FollowUpPanel)
    while window.side_tabs.currentWidget() is not follow:
        press(qtbot, Key.Key_Right)
    _tab_to(qtbot, follow.required_view)  # reached: its first row is chosen
    assert follow.required.rowCount() == 1
    _tab_to(qtbot, follow.extend_button)

    def fill_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ExtendDueDialog):
            if dialog is not None:
                dialog.close()  # never left hanging: the asserts below say what went wrong
            return
        dialog.reason.setFocus()
        qtbot.keyClicks(dialog.reason, "Member's IT contractor starts in January")
        qtbot.keyClick(dialog.reason, Key.Key_Tab)  # Tab leaves the reason
        qtbot.keyClick(QApplication.focusWidget(), Key.Key_Return)  # the default: OK
        if dialog.isVisible():
            dialog.reject()

    QTimer.singleShot(100, fill_dialog)
    press(qtbot, Key.Key_Space)
    window.activateWindow()  # the offscreen platform gives no window the focus back
    qtbot.waitUntil(window.isActiveWindow)
    press(qtbot, Key.Key_F6)  # back to the checklist
    assert focused() is window.tree

    findings = stored(ctx, validation_id)
    assert findings[order[0]].status is FindingStatus.MET
    assert findings[order[1]].status is FindingStatus.NOT_APPLICABLE
    deficiency = findings[order[2]]
    assert deficiency.status is FindingStatus.NOT_MET
    assert deficiency.reasons == ("no-written-procedure",)
    assert deficiency.note == "No cross-functional team minutes"
    assert deficiency.extension_days == 30
    assert deficiency.extension_reason == "Member's IT contractor starts in January"
    assert findings[order[3]].status is FindingStatus.NOT_REVIEWED  # the undo
    (evidence,) = ValidationSession(ctx, validation_id).evidence()
    assert evidence.criterion == order[2]


def test_an_extension_and_a_response_are_undone_with_ctrl_z(
    ctx: AppContext,
    validation_id: str,  # noqa: F811
    qtbot: QtBot,
) -> None:
    """Follow-up changes go the workspace's one way: undoable, and never over newer data."""
    ValidationSession(ctx, validation_id).record_finding(
        "1.3", status="not-met", reasons=["other"], action="Write the procedure"
    )
    before = stored(ctx, validation_id)["1.3"]
    assert before.due is not None
    window = _with_panels(ctx, validation_id, qtbot, (1366, 705))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    follow = _panel(window, FollowUpPanel)
    follow.extend_due("1.3", 60, "Contractor starts in January")
    extended = stored(ctx, validation_id)["1.3"]
    assert extended.due == before.due + timedelta(days=60)
    assert (extended.extension_days, extended.extension_reason) == (
        60,
        "Contractor starts in January",
    )
    follow.record_response("1.3", True, "Procedure written and signed", None)
    assert stored(ctx, validation_id)["1.3"].response_note == "Procedure written and signed"
    assert "response" in window.undo_stack.undoText()

    window.tree.setFocus()
    press(qtbot, Key.Key_Z, CTRL)
    assert stored(ctx, validation_id)["1.3"].response_note == ""
    press(qtbot, Key.Key_Z, CTRL)
    undone = stored(ctx, validation_id)["1.3"]
    assert (undone.due, undone.extension_days, undone.extension_reason) == (before.due, None, "")
    assert [row[0] for row in follow.required.rows()] == ["1.3"]  # the panel shows it too


def test_removing_evidence_is_undone_with_ctrl_z(
    ctx: AppContext,
    validation_id: str,  # noqa: F811
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = _with_panels(ctx, validation_id, qtbot, (1366, 705))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    evidence = window.side_tabs.widget(0)
    assert isinstance(evidence, EvidencePanel)
    session = ValidationSession(ctx, validation_id)
    record = session.attach_evidence_bytes(b"seal log, dock 3", "seal-log.txt", "1.1")
    evidence.reload()
    evidence.select_id(record.id)
    monkeypatch.setattr(
        QMessageBox, "question", lambda *_args, **_kw: QMessageBox.StandardButton.Yes
    )
    evidence.remove_selected()
    assert ValidationSession(ctx, validation_id).evidence() == []
    assert window.undo_stack.undoText() == "Remove seal-log.txt"

    window.tree.setFocus()
    press(qtbot, Key.Key_Z, CTRL)
    assert [e.id for e in ValidationSession(ctx, validation_id).evidence()] == [record.id]
    press(qtbot, Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)  # redo: removed again
    assert ValidationSession(ctx, validation_id).evidence() == []
    actions = [e["action"] for e in ctx.store.audit_events(validation_id)]
    assert actions[-3:] == ["remove", "restore", "remove"]


def test_an_open_workspace_follows_a_change_of_entity_type_and_date(
    ctx: AppContext,
    validation_id: str,  # noqa: F811
    qtbot: QtBot,
) -> None:
    """Before, it kept the old catalog until reopened, and with it the old criteria."""
    from datetime import date

    from ctpat_desktop.services.validations import update_validation

    window = _with_panels(ctx, validation_id, qtbot, (1366, 705))
    importer = window.model.criterion_ids()
    update_validation(ctx, validation_id, entity="foreign-manufacturer", on=date(2026, 9, 1))
    window.reload()
    manufacturer = window.model.criterion_ids()
    assert manufacturer != importer
    assert window.session is not None
    assert window.session.catalog.entity == "foreign-manufacturer"
    assert "Foreign Manufacturers" in window.windowTitle() and "2026-09-01" in window.windowTitle()
    assert window.current_criterion() == manufacturer[0]
    evidence = _panel(window, EvidencePanel)
    assert evidence._session is window.session  # the panels share it: the new catalog
    window.set_status(FindingStatus.MET)
    assert stored(ctx, validation_id)[manufacturer[0]].status is FindingStatus.MET
