"""The validation workspace: keyboard walk, saving with undo, drafts, filters, window state."""

import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from ctpat_desktop.app import AppContext
from ctpat_desktop.services.demo import create_demo
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.ui.runner import ImmediateRunner, Runner, TaskRunner
from ctpat_desktop.ui.workspace.actions import shortcut_rows
from ctpat_desktop.ui.workspace.criteria_model import CriteriaFilter, CriteriaModel
from ctpat_desktop.ui.workspace.workspace_window import ShortcutsDialog, WorkspaceWindow
from ctpat_desktop.worksheet import Finding, FindingStatus, Lifecycle

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier

OpenWindow = Callable[..., WorkspaceWindow]


@pytest.fixture(autouse=True)
def closing_never_asks(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, str]]:
    """Windows closed at the end of a test lose their drafts without a modal question."""
    asked: list[dict[str, str]] = []

    def discard(_window: WorkspaceWindow, unsaved: dict[str, str]) -> bool:
        asked.append(unsaved)
        return True

    monkeypatch.setattr(WorkspaceWindow, "confirm_discard", discard)
    return asked


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def validation_id(ctx: AppContext) -> str:
    return plan_validation(ctx, member="Acme Imports", account="US-1234", entity="importer").id


@pytest.fixture
def open_window(ctx: AppContext, qtbot: QtBot, settings: QSettings) -> OpenWindow:
    """Open a workspace on screen, active, with the keyboard focus in it."""

    def open_(validation_id: str, runner: Runner | None = None) -> WorkspaceWindow:
        window = WorkspaceWindow(ctx, runner or ImmediateRunner(), validation_id, settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        return window

    return open_


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(qtbot: QtBot, key: Key, modifier: Qt.KeyboardModifier = NONE) -> None:
    """A key pressed by the user: it goes where the focus is."""
    qtbot.keyClick(focused(), key, modifier)


def type_text(qtbot: QtBot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


def stored(ctx: AppContext, validation_id: str) -> dict[str, Finding]:
    """What a fresh session reads from the store: finding by criterion."""
    return {cid: r.finding for cid, r in ValidationSession(ctx, validation_id).findings().items()}


def shown_ids(window: WorkspaceWindow) -> list[str]:
    proxy = window.proxy
    ids: list[str] = []
    for row in range(proxy.rowCount()):
        parent = proxy.index(row, 0)
        ids.extend(
            proxy.index(child, 0, parent).data(CriteriaModel.CriterionIdRole)
            for child in range(proxy.rowCount(parent))
        )
    return ids


def test_twenty_findings_recorded_with_the_keyboard_only(
    ctx: AppContext, validation_id: str, open_window: OpenWindow, qtbot: QtBot
) -> None:
    window = open_window(validation_id)
    order = window.model.criterion_ids()
    assert window.current_criterion() == order[0]
    assert focused() is window.tree
    expected: dict[str, FindingStatus] = {}
    for number in range(20):
        cid = window.current_criterion()
        assert cid == order[number]
        kind = number % 4
        if kind == 0:
            press(qtbot, Key.Key_1, CTRL)
            expected[cid] = FindingStatus.MET
        elif kind == 1:
            press(qtbot, Key.Key_2, CTRL)
            assert focused() is window.editor.reasons  # not met: the reasons take the keys
            press(qtbot, Key.Key_Right)  # reasons flow in two columns
            press(qtbot, Key.Key_Space)
            press(qtbot, Key.Key_Tab)
            assert focused() is window.editor.verified
            press(qtbot, Key.Key_Tab)
            assert focused() is window.editor.note
            type_text(qtbot, f"No log shown for {cid}")
            expected[cid] = FindingStatus.NOT_MET
        elif kind == 2:
            press(qtbot, Key.Key_N, ALT)  # the note's mnemonic
            assert focused() is window.editor.note
            type_text(qtbot, "Automated checks, sponsored by the CEO")
            press(qtbot, Key.Key_3, CTRL)  # works while typing
            expected[cid] = FindingStatus.EXCEEDS
        else:
            press(qtbot, Key.Key_4, CTRL)
            expected[cid] = FindingStatus.NOT_APPLICABLE
        press(qtbot, Key.Key_Down, CTRL)

    findings = stored(ctx, validation_id)
    assert {cid: f.status for cid, f in findings.items()} == expected
    not_met = [cid for cid, status in expected.items() if status is FindingStatus.NOT_MET]
    for cid in not_met:
        finding = findings[cid]
        assert finding.reasons == ("procedure-not-followed",)
        assert finding.note == f"No log shown for {cid}"
    assert "All changes saved" in window.save_label.text()
    assert not window.isWindowModified()
    assert window.current_criterion() == order[20]
    # Whole categories (1 to 3 of the importer's catalog: 4 + 4 + 6 criteria) were done
    # by keyboard alone, and the checklist says so on each category's row.
    catalog = window.session.catalog if window.session is not None else None
    assert catalog is not None
    for row, number in enumerate((1, 2, 3)):
        in_category = {c.id for c in catalog.in_category(number)}
        assert in_category <= set(findings)
        summary = str(window.model.index(row, 0).data())
        assert (
            summary.startswith(f"{number}. ")
            and f"{len(in_category)}/{len(in_category)}" in summary
        )


def test_single_keys_in_the_checklist_and_moving_around(
    ctx: AppContext, validation_id: str, open_window: OpenWindow, qtbot: QtBot
) -> None:
    window = open_window(validation_id)
    order = window.model.criterion_ids()
    for key, status in (
        (Key.Key_M, FindingStatus.MET),
        (Key.Key_X, FindingStatus.EXCEEDS),  # refused: no note yet, kept as a draft
        (Key.Key_A, FindingStatus.NOT_APPLICABLE),
        (Key.Key_U, FindingStatus.NOT_REVIEWED),
        (Key.Key_M, FindingStatus.MET),
    ):
        window.tree.setFocus()
        press(qtbot, key)
        assert window.editor.status is status
    assert stored(ctx, validation_id)[order[0]].status is FindingStatus.MET
    assert window.model.status(order[0]) is FindingStatus.MET

    press(qtbot, Key.Key_Right, ALT)
    assert window.current_criterion() == order[1]
    press(qtbot, Key.Key_Left, ALT)
    assert window.current_criterion() == order[0]
    press(qtbot, Key.Key_Down, CTRL)
    press(qtbot, Key.Key_Up, CTRL)
    assert window.current_criterion() == order[0]
    press(qtbot, Key.Key_Down, CTRL | SHIFT)
    assert window.current_criterion() == order[1]  # the next one without a finding
    window.go_to(order[-1])
    window.set_status(FindingStatus.MET)
    press(qtbot, Key.Key_Down, CTRL | SHIFT)
    assert window.current_criterion() == order[1]  # from the top again
    press(qtbot, Key.Key_Up, CTRL)
    assert window.current_criterion() == order[0]
    press(qtbot, Key.Key_Up, CTRL)
    assert window.current_criterion() == order[0]
    assert "first criterion" in window.statusBar().currentMessage()


def test_not_met_is_saved_with_its_first_reason_as_one_undo_step(
    ctx: AppContext, validation_id: str, open_window: OpenWindow, qtbot: QtBot
) -> None:
    window = open_window(validation_id)
    window.go_to("1.3")  # a Must: its required action gets the default due date
    cid = "1.3"
    press(qtbot, Key.Key_N)
    assert focused() is window.editor.reasons
    assert cid not in stored(ctx, validation_id)  # nothing the rules refuse is written
    assert "Not saved" in window.save_label.text() and "reason" in window.save_label.text()
    assert window.editor.problem.isVisibleTo(window)
    assert window.isWindowModified()

    press(qtbot, Key.Key_Space)
    finding = stored(ctx, validation_id)[cid]
    assert finding.status is FindingStatus.NOT_MET
    assert finding.reasons == ("no-written-procedure",)
    assert finding.due is not None  # a Must's default due date
    assert not window.editor.problem.isVisibleTo(window)
    assert window.undo_stack.count() == 1
    assert window.editor.due.text() == finding.due.isoformat()

    window.tree.setFocus()
    press(qtbot, Key.Key_Z, CTRL)
    assert cid in stored(ctx, validation_id)
    assert stored(ctx, validation_id)[cid].status is FindingStatus.NOT_REVIEWED
    assert window.editor.status is FindingStatus.NOT_REVIEWED
    assert window.editor.values()["reasons"] == ()


def test_undo_and_redo_follow_into_the_store(
    ctx: AppContext, validation_id: str, open_window: OpenWindow, qtbot: QtBot
) -> None:
    window = open_window(validation_id)
    cid = window.current_criterion()
    assert cid is not None
    press(qtbot, Key.Key_1, CTRL)
    press(qtbot, Key.Key_N, ALT)
    for chunk in ("Policy shown ", "on screen, ", "signed 2024"):
        type_text(qtbot, chunk)
        window.editor.flush()  # what the typing pause does
    assert stored(ctx, validation_id)[cid].note == "Policy shown on screen, signed 2024"
    assert window.undo_stack.count() == 2  # the status, and the note as one edit

    window.tree.setFocus()
    press(qtbot, Key.Key_Z, CTRL)
    assert stored(ctx, validation_id)[cid].note == ""
    assert window.editor.note.toPlainText() == ""
    press(qtbot, Key.Key_Z, CTRL)
    assert stored(ctx, validation_id)[cid].status is FindingStatus.NOT_REVIEWED
    assert window.model.status(cid) is FindingStatus.NOT_REVIEWED
    assert not window.menu_actions.undo.isEnabled()

    press(qtbot, Key.Key_Z, CTRL | SHIFT)
    press(qtbot, Key.Key_Z, CTRL | SHIFT)
    finding = stored(ctx, validation_id)[cid]
    assert finding.status is FindingStatus.MET
    assert finding.note == "Policy shown on screen, signed 2024"
    assert window.editor.note.toPlainText() == finding.note
    assert not window.isWindowModified()

    # Undo also clears what record_finding cannot: a due date and how it was verified.
    window.editor.verified.setFocus()
    press(qtbot, Key.Key_Down)
    assert stored(ctx, validation_id)[cid].verified is not None
    window.undo()
    assert stored(ctx, validation_id)[cid].verified is None
    assert window.editor.verified.currentIndex() == 0


def test_reopening_shows_everything_as_it_was(
    ctx: AppContext, validation_id: str, open_window: OpenWindow, qtbot: QtBot
) -> None:
    window = open_window(validation_id)
    window.go_to("4.8")
    window.set_status(FindingStatus.NOT_MET)
    press(qtbot, Key.Key_Space)
    press(qtbot, Key.Key_A, ALT)
    assert focused() is window.editor.action
    type_text(qtbot, "Enforce multi-factor authentication")
    press(qtbot, Key.Key_P, ALT)
    type_text(qtbot, "Shared accounts are used in the warehouse.")
    window.go_to("1.2")
    window.set_status(FindingStatus.MET)
    before_tree = [window.model.status(cid) for cid in window.model.criterion_ids()]
    window.go_to("4.8")
    editor_48 = window.editor.values()
    window.close()

    again = open_window(validation_id)
    assert [again.model.status(cid) for cid in again.model.criterion_ids()] == before_tree
    again.go_to("4.8")
    assert again.editor.values() == editor_48
    assert editor_48["action"] == "Enforce multi-factor authentication"
    assert editor_48["report_text"] == "Shared accounts are used in the warehouse."
    assert again.pane.criterion_id.text() == "4.8"
    assert again.model.index_of("4.8").parent().data().startswith("4. Cybersecurity — 1/13")
    assert again.model.index_of("4.8").parent().data().endswith("1 not met")


def test_filters_and_search(ctx: AppContext, open_window: OpenWindow) -> None:
    validation_id = create_demo(ctx)[1]  # Great Lakes Home Goods: importer, 7 deficiencies
    window = open_window(validation_id)
    findings = stored(ctx, validation_id)
    catalog = window.session.catalog if window.session else None
    assert catalog is not None
    window.go_to("1.1")
    assert len(shown_ids(window)) == len(catalog.criteria)

    def show(kind: CriteriaFilter) -> None:
        window.filter.setCurrentIndex(window.filter.findData(kind.value))

    show(CriteriaFilter.DEFICIENCIES)
    deficient = {c for c, f in findings.items() if f.status is FindingStatus.NOT_MET}
    assert len(deficient) == 7
    assert set(shown_ids(window)) == deficient | {"1.1"}  # the criterion on screen stays
    window.go_to(sorted(deficient)[0])
    assert set(shown_ids(window)) == deficient  # 1.1 went when the SCSS moved on
    category_rows = window.proxy.rowCount()
    assert category_rows == len({c.split(".")[0] for c in deficient})

    show(CriteriaFilter.MUST)
    musts = {c.id for c in catalog.criteria if c.level.value == "must"}
    assert set(shown_ids(window)) == musts | {window.current_criterion()}

    show(CriteriaFilter.ALL)
    window.search.setText("seal")
    sealed = {
        c.id
        for c in catalog.criteria
        if "seal" in f"{c.id} {c.title} {c.text} {c.guidance}".casefold()
    }
    assert 3 < len(sealed) < len(catalog.criteria)
    assert set(shown_ids(window)) == sealed | {window.current_criterion()}
    window.search.setText("SEAL   iso")
    assert set(shown_ids(window)) <= sealed | {window.current_criterion()}
    assert "6.2" in shown_ids(window)

    window.search.clear()
    show(CriteriaFilter.NOT_REVIEWED)
    assert shown_ids(window) == [window.current_criterion()]  # everything has a finding


def test_the_pinned_criterion_stays_while_its_status_changes(
    validation_id: str, open_window: OpenWindow, qtbot: QtBot
) -> None:
    window = open_window(validation_id)
    window.filter.setCurrentIndex(window.filter.findData(CriteriaFilter.NOT_REVIEWED.value))
    first = window.current_criterion()
    window.tree.setFocus()
    press(qtbot, Key.Key_M)
    assert first in shown_ids(window)
    assert window.current_criterion() == first  # the row did not vanish from under the SCSS
    press(qtbot, Key.Key_Down, CTRL)
    assert first not in shown_ids(window)
    assert len(shown_ids(window)) == len(window.model.criterion_ids()) - 1


def test_jump_to_a_criterion_by_its_id(
    validation_id: str, open_window: OpenWindow, qtbot: QtBot
) -> None:
    window = open_window(validation_id)
    press(qtbot, Key.Key_G, CTRL)
    assert focused() is window.go_to_box
    type_text(qtbot, "9.99")
    press(qtbot, Key.Key_Return)
    assert "No criterion '9.99'" in window.statusBar().currentMessage()
    assert window.go_to_box.isVisible()
    window.go_to_box.clear()
    type_text(qtbot, "4.8")
    press(qtbot, Key.Key_Return)
    assert window.current_criterion() == "4.8"
    assert window.pane.criterion_id.text() == "4.8"
    assert not window.go_to_box.isVisible()
    assert focused() is window.tree
    current = window.proxy.mapToSource(window.tree.currentIndex())
    assert window.model.criterion_at(current) == "4.8"

    press(qtbot, Key.Key_F, CTRL)
    assert focused() is window.search


def test_refused_edits_show_not_saved_and_keep_the_text(
    ctx: AppContext,
    validation_id: str,
    open_window: OpenWindow,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window(validation_id)
    cid = window.current_criterion()
    assert cid is not None
    press(qtbot, Key.Key_3, CTRL)  # exceeds needs a note
    press(qtbot, Key.Key_P, ALT)
    type_text(qtbot, "Best practice: automated seal checks")
    window.editor.flush()
    assert cid not in stored(ctx, validation_id)
    assert window.save_label.text().startswith("⚠ Not saved: ")
    assert "needs a note" in window.save_label.text()
    assert window.isWindowModified()

    window.next_criterion()
    window.previous_criterion()
    assert window.editor.status is FindingStatus.EXCEEDS
    assert window.editor.report_text.toPlainText() == "Best practice: automated seal checks"
    assert "needs a note" in window.editor.problem.text()
    assert window.model.index_of(cid, 3).data().endswith("⚠")

    press(qtbot, Key.Key_N, ALT)
    type_text(qtbot, "Shown live on camera")
    window.editor.flush()
    finding = stored(ctx, validation_id)[cid]
    assert finding.status is FindingStatus.EXCEEDS
    assert finding.report_text == "Best practice: automated seal checks"
    assert "All changes saved" in window.save_label.text()

    # The store refuses too (here: an exceeds without a note, asked through the API).
    window.next_criterion()
    other = window.current_criterion()
    assert other is not None
    press(qtbot, Key.Key_P, ALT)
    type_text(qtbot, "Typed and not yet sent")
    window.save(other, {"status": "exceeds"})
    assert "Not saved" in window.save_label.text() and "needs a note" in window.save_label.text()
    assert window.editor.report_text.toPlainText() == "Typed and not yet sent"
    assert other not in stored(ctx, validation_id)

    # A validation signed meanwhile: the store says why, the typed text stays on screen.
    ctx.store.set_status(validation_id, Lifecycle.SIGNED, "supervisor")
    press(qtbot, Key.Key_1, CTRL)
    assert "signed and locked" in window.save_label.text()
    assert window.editor.status is FindingStatus.MET
    assert window.editor.report_text.toPlainText() == "Typed and not yet sent"
    asked: list[dict[str, str]] = []
    monkeypatch.setattr(window, "confirm_discard", lambda unsaved: asked.append(unsaved) or False)
    window.close()
    assert asked and window.isVisible()  # the SCSS said no: the window stays

    ctx.store.reopen(validation_id, "late correction", "supervisor")
    press(qtbot, Key.Key_1, CTRL)
    finding = stored(ctx, validation_id)[other]
    assert finding.status is FindingStatus.MET
    assert finding.report_text == "Typed and not yet sent"
    assert not window.unsaved()


def test_models_pass_the_qt_model_tester(
    ctx: AppContext, qtmodeltester: ModelTester, open_window: OpenWindow
) -> None:
    window = open_window(create_demo(ctx)[0])
    qtmodeltester.check(window.model)
    window.search.setText("partner")
    qtmodeltester.check(window.proxy)
    window.go_to("3.1")
    window.set_status(FindingStatus.NOT_APPLICABLE)
    qtmodeltester.check(window.model)


def test_window_state_comes_back_from_the_settings_file(
    validation_id: str, open_window: OpenWindow, settings: QSettings
) -> None:
    window = open_window(validation_id)
    window.resize(760, 560)  # the offscreen screen is 800 x 600
    window.splitter.setSizes([300, 800, 0])
    window.centre_splitter.setSizes([200, 450])
    columns = window.splitter.sizes()[:2]
    centre = window.centre_splitter.sizes()
    window.close()
    assert settings.contains("workspace/geometry")

    again = open_window(validation_id)
    assert (again.size().width(), again.size().height()) == (760, 560)
    assert again.splitter.sizes()[:2] == columns
    assert again.centre_splitter.sizes() == centre


def test_saves_through_the_background_runner(
    ctx: AppContext,
    validation_id: str,
    open_window: OpenWindow,
    qtbot: QtBot,
    settings: QSettings,
) -> None:
    loading = WorkspaceWindow(ctx, TaskRunner(), validation_id, settings)
    qtbot.addWidget(loading)
    assert loading.save_label.text() == "Loading…"
    assert loading.pages.currentWidget() is loading.loading
    qtbot.waitUntil(lambda: loading.session is not None)

    window = open_window(validation_id, TaskRunner())
    qtbot.waitUntil(lambda: window.current_criterion() is not None)
    cid = window.current_criterion()
    press(qtbot, Key.Key_1, CTRL)
    press(qtbot, Key.Key_N, ALT)
    type_text(qtbot, "Checked the visitor log")
    press(qtbot, Key.Key_Down, CTRL)  # moves on at once; the save goes on behind
    assert window.current_criterion() != cid
    qtbot.waitUntil(lambda: "All changes saved" in window.save_label.text())
    finding = stored(ctx, validation_id)[str(cid)]
    assert finding.status is FindingStatus.MET
    assert finding.note == "Checked the visitor log"
    assert not window.isWindowModified()
    window.close()


def test_shortcut_list_is_read_from_the_actions(
    validation_id: str, open_window: OpenWindow
) -> None:
    window = open_window(validation_id)
    rows = shortcut_rows(window.menu_actions, window.editor.field_labels)
    keys = {what: keys for what, keys, where in rows if where == "anywhere"}
    assert keys["Met"].startswith("Ctrl+1")
    assert keys["Next criterion"].startswith("Ctrl+Down")
    assert "Alt+Right" in keys["Next criterion"]
    assert keys["Next not reviewed"] == "Ctrl+Shift+Down"
    assert keys["Go to criterion"] == "Ctrl+G"
    assert ("Not met", "N", "in the checklist") in rows
    assert ("Go to Internal note", "Alt+N", "anywhere") in rows
    with_keys = [a for a in window.menu_actions.all() if a.shortcuts()]
    shown = [label for label in window.editor.field_labels if not label.isHidden()]
    assert len(rows) == len(with_keys) + len(shown)
    # "Checked at" is a row only when the validation has sites (this one has none).
    assert not any(what == "Go to Checked at" for what, _keys, _where in rows)
    dialog = ShortcutsDialog(window.menu_actions, window.editor.field_labels, window)
    assert dialog.table.rowCount() == len(rows)
    dialog.deleteLater()


def test_every_focusable_widget_has_a_name_and_tab_runs_into_the_editor(
    validation_id: str, open_window: OpenWindow, qtbot: QtBot
) -> None:
    window = open_window(validation_id)
    window.add_side_panel("Evidence", QWidget())
    nameless = [
        w
        for w in window.findChildren(QWidget)
        if w.isVisibleTo(window)
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and w.focusProxy() is None
        and not w.accessibleName()
        and not isinstance(w.parent(), QAbstractSpinBox)  # the date's own line edit
    ]
    assert nameless == []
    window.tree.setFocus()
    press(qtbot, Key.Key_Tab)
    assert focused() is window.editor.status_buttons[FindingStatus.MET]


def test_moving_to_the_next_criterion_is_quick(
    ctx: AppContext, open_window: OpenWindow, capsys: pytest.CaptureFixture[str]
) -> None:
    window = open_window(create_demo(ctx)[1])
    window.go_to(window.model.criterion_ids()[0])
    app = QApplication.instance()
    assert app is not None
    app.processEvents()  # the window's first paint is not a move
    timings = []
    for _ in range(90):
        start = time.perf_counter()
        window.menu_actions.next_criterion.trigger()
        app.processEvents()
        timings.append(time.perf_counter() - start)
    assert window.current_criterion() == window.model.criterion_ids()[90]
    timings.sort()
    with capsys.disabled():
        print(
            f"\nnext criterion: median {timings[45] * 1000:.2f} ms, "
            f"worst {timings[-1] * 1000:.2f} ms over 90 moves"
        )


class CountingRunner(ImmediateRunner):
    """Runs at once and counts the tasks, that is the store calls."""

    def __init__(self) -> None:
        self.tasks = 0

    def run(
        self,
        work: Callable[[], object],
        on_done: Callable[[object], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        self.tasks += 1
        super().run(work, on_done, on_error)


def test_moving_around_never_touches_the_store(
    ctx: AppContext, validation_id: str, open_window: OpenWindow, qtbot: QtBot
) -> None:
    ValidationSession(ctx, validation_id).record_finding(
        "1.2", profile_answer="A cross-functional team meets every quarter."
    )
    runner = CountingRunner()
    window = open_window(validation_id, runner)
    assert runner.tasks == 1  # the load
    for key, modifier in ((Key.Key_Down, CTRL),) * 30 + ((Key.Key_Up, CTRL),) * 29:
        press(qtbot, key, modifier)
    window.tree.setFocus()
    press(qtbot, Key.Key_Down)  # the arrow keys in the checklist too
    press(qtbot, Key.Key_Up)
    assert window.current_criterion() == "1.2"
    assert runner.tasks == 1
    assert window.pane.profile_answer.text() == "A cross-functional team meets every quarter."
    assert window.pane.profile_answer.isVisibleTo(window)
    window.next_criterion()
    assert not window.pane.profile_answer.isVisibleTo(window)


def test_undo_of_a_status_change_puts_back_an_extension(
    ctx: AppContext, validation_id: str, open_window: OpenWindow, qtbot: QtBot
) -> None:
    session = ValidationSession(ctx, validation_id)
    cid = session.catalog.criteria[0].id
    if session.catalog.criteria[0].level.value != "must":
        cid = next(c.id for c in session.catalog.criteria if c.level.value == "must")
    session.record_finding(cid, status="not-met", reasons=["training-gap"])
    session.extend_due(cid, 60, "Waiting for the new fence")
    window = open_window(validation_id)
    window.go_to(cid)
    window.set_status(FindingStatus.MET)
    assert stored(ctx, validation_id)[cid].extension_days is None
    window.undo_stack.undo()
    restored = stored(ctx, validation_id)[cid]
    assert restored.status is FindingStatus.NOT_MET
    assert (restored.extension_days, restored.extension_reason) == (60, "Waiting for the new fence")


def test_ticking_only_a_should_part_makes_a_recommendation(
    ctx: AppContext, validation_id: str, open_window: OpenWindow, qtbot: QtBot
) -> None:
    window = open_window(validation_id)
    window.go_to("3.1")
    editor = window.editor
    assert editor.parts.isVisibleTo(window) and editor.parts.count() == 2
    assert not window.pane.unverified.isVisibleTo(window)  # 3.1 names its CBP source
    press(qtbot, Key.Key_N)
    press(qtbot, Key.Key_Space)  # the first reason
    assert editor.action_label.text() == "Required &action"  # the whole criterion
    should = next(
        row for row in range(editor.parts.count()) if "(Should)" in editor.parts.item(row).text()
    )
    editor.parts.item(should).setCheckState(Qt.CheckState.Checked)
    finding = stored(ctx, validation_id)["3.1"]
    key = str(editor.parts.item(should).data(Qt.ItemDataRole.UserRole + 1))
    assert finding.unmet_parts == (key,)
    assert editor.action_label.text() == "Recommend&ation"
    window.go_to("1.3")
    assert not editor.parts.isVisibleTo(window)  # 1.3 has no parts
    window.tree.setFocus()
    press(qtbot, Key.Key_Z, CTRL)
    assert stored(ctx, validation_id)["3.1"].unmet_parts == ()


def _changed_behind_the_window(ctx: AppContext, validation_id: str) -> str:
    """What a worksheet import, a sync or the follow-up panel does: a not-met with its
    reason, action and due date, written while the workspace shows not reviewed."""
    session = ValidationSession(ctx, validation_id)
    session.record_finding(
        "9.1", status="not-met", reasons=["no-evidence"], action="Repair the fence"
    )
    session.extend_due("9.1", 30, "Contractor booked")
    return "9.1"


def test_a_status_key_never_overwrites_a_finding_changed_elsewhere(
    ctx: AppContext, validation_id: str, open_window: OpenWindow, qtbot: QtBot
) -> None:
    window = open_window(validation_id)
    window.go_to("9.1")
    assert window.editor.status is FindingStatus.NOT_REVIEWED
    cid = _changed_behind_the_window(ctx, validation_id)
    window.set_status(FindingStatus.MET)  # Ctrl+1 on what the window showed
    kept = stored(ctx, validation_id)[cid]
    assert kept.status is FindingStatus.NOT_MET  # before: Met, reason and due date gone
    assert (kept.action, kept.extension_days) == ("Repair the fence", 30)
    assert window.editor.status is FindingStatus.NOT_MET  # the window shows the newer one
    assert "changed elsewhere" in window.editor.problem.text()
    window.undo_stack.undo()  # undoing the refused edit loses nothing either
    assert stored(ctx, validation_id)[cid] == kept


def test_open_workspaces_read_findings_again_after_an_outside_change(
    ctx: AppContext, validation_id: str, qtbot: QtBot
) -> None:
    from ctpat_desktop.ui.main_window import MainWindow
    from ctpat_desktop.ui.workspace_open import open_workspace

    main = MainWindow(ctx, ImmediateRunner())
    qtbot.addWidget(main)
    window = open_workspace(ctx, ImmediateRunner(), validation_id, main)  # as the list does
    main.workspaces[validation_id] = window
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.session is not None)
    window.go_to("9.1")
    cid = _changed_behind_the_window(ctx, validation_id)
    main.sync.changed.emit()  # a conflict resolved, as the conflict dialog says it
    assert window.finding(cid).status is FindingStatus.NOT_MET
    assert window.editor.status is FindingStatus.NOT_MET
    assert window.model.status(cid) is FindingStatus.NOT_MET


@pytest.mark.parametrize(
    ("typed", "saved"),
    [
        ("2027-02-15", date(2027, 2, 15)),
        ("2027/2/15", date(2027, 2, 15)),
        ("02/15/2027", date(2027, 2, 15)),  # the English short form
    ],
)
def test_a_typed_due_date_is_saved_exactly_as_typed(
    ctx: AppContext,
    validation_id: str,
    open_window: OpenWindow,
    qtbot: QtBot,
    typed: str,
    saved: date,
) -> None:
    ValidationSession(ctx, validation_id).record_finding("1.3", status="not-met", reasons=["other"])
    QLocale.setDefault(QLocale("en_US"))  # as run_gui sets it for English windows
    window = open_window(validation_id)
    window.go_to("1.3")
    line = window.editor.due.line
    line.setFocus()
    line.selectAll()
    qtbot.keyClicks(line, typed)
    press(qtbot, Key.Key_Return)
    assert stored(ctx, validation_id)["1.3"].due == saved
    assert line.text() == saved.isoformat()


def test_text_that_is_no_date_is_said_and_not_saved(
    ctx: AppContext, validation_id: str, open_window: OpenWindow, qtbot: QtBot
) -> None:
    """Before, typing with the cursor in the day section saved another date (2027-01-02)."""
    session = ValidationSession(ctx, validation_id)
    session.record_finding("1.3", status="not-met", reasons=["other"])
    before = session.findings()["1.3"].finding.due
    window = open_window(validation_id)
    window.go_to("1.3")
    line = window.editor.due.line
    line.setFocus()
    line.end(False)
    qtbot.keyClicks(line, "2027-02-15")  # appended to what was there
    press(qtbot, Key.Key_Return)
    assert stored(ctx, validation_id)["1.3"].due == before
    assert "is not a date" in window.editor.problem.text()


def test_a_cli_write_while_the_window_is_open_is_read_again(
    ctx: AppContext, validation_id: str, qtbot: QtBot, data_dir: Path
) -> None:
    """Another process (here a second store on the same folder, as the CLI opens one)
    writes; the window notices by SQLite's data version and reads again."""
    from ctpat_desktop.settings import Settings
    from ctpat_desktop.ui.main_window import MainWindow
    from ctpat_desktop.ui.workspace_open import open_workspace

    main = MainWindow(ctx, ImmediateRunner())
    qtbot.addWidget(main)
    window = open_workspace(ctx, ImmediateRunner(), validation_id, main)
    main.workspaces[validation_id] = window
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.session is not None)
    window.go_to("9.1")
    main.check_outside_writes()  # the first look
    main.check_outside_writes()
    assert window.editor.status is FindingStatus.NOT_REVIEWED  # nothing changed: no reload
    cli = AppContext(data_dir, Settings(user="cli"))
    try:
        ValidationSession(cli, validation_id).record_finding(
            "9.1", status="not-met", reasons=["no-evidence"]
        )
    finally:
        cli.close()
    main.check_outside_writes()
    assert window.editor.status is FindingStatus.NOT_MET
    window.set_status(FindingStatus.MET)  # on the fresh value: saved as asked
    assert stored(ctx, validation_id)["9.1"].status is FindingStatus.MET
