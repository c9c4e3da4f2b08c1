"""Visit records in the workspace: the site a criterion was checked at, chosen in the finding
editor, and visit edits (that choice, the Visit panel's) undone and redone with Ctrl+Z and
Ctrl+Shift+Z, only onto what the edit left."""

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from ctpat_desktop.app import AppContext
from ctpat_desktop.records.declare import Item
from ctpat_desktop.records.kinds import FINDING_SITE, SITE, TOUR_STOP, VISIT_KINDS
from ctpat_desktop.services import visit
from ctpat_desktop.services.validations import plan_validation
from ctpat_desktop.store import ReportRecord
from ctpat_desktop.ui.panels.visit_panel import VisitPanel
from ctpat_desktop.ui.runner import ImmediateRunner, TaskRunner
from ctpat_desktop.ui.workspace.actions import shortcut_rows
from ctpat_desktop.ui.workspace.visit_commands import KIND_WORDS
from ctpat_desktop.ui.workspace.workspace_window import WorkspaceWindow
from ctpat_desktop.ui.workspace_open import open_workspace
from ctpat_desktop.worksheet import Lifecycle
from tests.ui.test_workspace import (  # the workspace tests' fixtures and keys
    ALT,
    CTRL,
    SHIFT,
    Key,
    OpenWindow,
    closing_never_asks,  # noqa: F401
    focused,
    open_window,  # noqa: F401
    press,
    settings,  # noqa: F401
)

ON = date(2026, 5, 18)
Cli = Callable[..., Any]


def _validation_with_sites(ctx: AppContext) -> tuple[str, Item, Item]:
    vid = plan_validation(
        ctx, member="Sierra Madre Textiles", account="MX-40117", entity="importer", on=ON
    ).id
    north = visit.add(ctx, vid, SITE, {"name": "Planta Norte", "type": "facility"})
    dock = visit.add(ctx, vid, SITE, {"name": "Bodega Sur", "type": "warehouse"})
    return vid, north, dock


def _checked_at(ctx: AppContext, vid: str) -> dict[str, str | None]:
    """Where each criterion was checked, as the service reads it."""
    return {
        item.values["criterion"]: item.values["site_id"]
        for item in visit.records(ctx, vid, FINDING_SITE)
    }


def _choose(qtbot: QtBot, window: WorkspaceWindow, name: str) -> None:
    """Alt+K to the choice, then the arrow keys, as a person picks a site."""
    press(qtbot, Key.Key_K, ALT)
    combo = window.editor.site
    assert focused() is combo
    wanted = combo.findText(name)
    assert wanted >= 0, name
    while combo.currentIndex() != wanted:
        before = combo.currentIndex()
        press(qtbot, Key.Key_Down if wanted > before else Key.Key_Up)
        assert combo.currentIndex() != before, name


def test_the_site_a_criterion_was_checked_at_is_chosen_stored_and_undone(
    ctx: AppContext,
    cli: Cli,
    open_window: OpenWindow,  # noqa: F811
    qtbot: QtBot,
) -> None:
    vid, north, dock = _validation_with_sites(ctx)
    window = open_window(vid)
    editor = window.editor
    window.go_to("1.1")
    assert editor.site.isVisibleTo(window) and editor.site_label.isVisibleTo(window)
    assert editor.site.accessibleName() == "Checked at"
    rows = shortcut_rows(window.menu_actions, editor.field_labels)  # what F1 lists
    assert ("Go to Checked at", "Alt+K", "anywhere") in rows
    assert [editor.site.itemText(i) for i in range(editor.site.count())] == [
        "(none)",
        "Planta Norte",
        "Bodega Sur",
    ]
    _choose(qtbot, window, "Planta Norte")
    assert _checked_at(ctx, vid) == {"1.1": north.id}
    shown = cli("validation", "show", vid, "--json").json()
    assert [(f["criterion"], f["site_id"]) for f in shown["finding_sites"]] == [("1.1", north.id)]

    window.go_to("1.2")  # the choice follows the criterion
    assert editor.site_id() is None
    _choose(qtbot, window, "Bodega Sur")  # walked past the plant: one step
    assert _checked_at(ctx, vid) == {"1.1": north.id, "1.2": dock.id}
    window.go_to("1.1")
    assert editor.site.currentText() == "Planta Norte"
    _choose(qtbot, window, "(none)")  # said nowhere: the record goes
    assert _checked_at(ctx, vid) == {"1.2": dock.id}
    assert window.undo_stack.undoText() == "Remove site of criterion 1.1"
    window.go_to("1.2")
    assert editor.site.currentText() == "Bodega Sur"
    _choose(qtbot, window, "Planta Norte")  # changed: the same record
    assert _checked_at(ctx, vid) == {"1.2": north.id}
    assert window.undo_stack.count() == 4

    window.tree.setFocus()
    press(qtbot, Key.Key_Z, CTRL)  # back to the warehouse
    assert _checked_at(ctx, vid) == {"1.2": dock.id}
    assert editor.site.currentText() == "Bodega Sur"
    press(qtbot, Key.Key_Z, CTRL)  # 1.1 at the plant again
    assert _checked_at(ctx, vid) == {"1.1": north.id, "1.2": dock.id}
    press(qtbot, Key.Key_Z, CTRL)
    press(qtbot, Key.Key_Z, CTRL)
    assert _checked_at(ctx, vid) == {}
    assert editor.site_id() is None
    assert not window.menu_actions.undo.isEnabled()
    press(qtbot, Key.Key_Z, CTRL | SHIFT)
    assert _checked_at(ctx, vid) == {"1.1": north.id}
    press(qtbot, Key.Key_Z, CTRL | SHIFT)
    assert _checked_at(ctx, vid) == {"1.1": north.id, "1.2": dock.id}
    assert editor.site.currentText() == "Bodega Sur"  # 1.2 is on screen
    press(qtbot, Key.Key_Z, CTRL | SHIFT)
    press(qtbot, Key.Key_Z, CTRL | SHIFT)
    assert _checked_at(ctx, vid) == {"1.2": north.id}
    assert editor.site.currentText() == "Planta Norte"
    assert not window.isWindowModified()
    shown = cli("validation", "show", vid, "--json").json()
    assert [(f["criterion"], f["site_id"]) for f in shown["finding_sites"]] == [("1.2", north.id)]


def test_an_undo_is_refused_when_the_record_changed_elsewhere(
    ctx: AppContext,
    open_window: OpenWindow,  # noqa: F811
    qtbot: QtBot,
) -> None:
    vid, north, dock = _validation_with_sites(ctx)
    window = open_window(vid)
    window.go_to("6.1")
    _choose(qtbot, window, "Planta Norte")
    # The command line (or a sync) moves it to the warehouse meanwhile.
    [record] = visit.records(ctx, vid, FINDING_SITE)
    visit.edit(ctx, vid, FINDING_SITE, record.id, {"site_id": dock.id})
    window.undo()
    assert _checked_at(ctx, vid) == {"6.1": dock.id}  # not removed over the newer choice
    assert "has changed since that edit" in window.statusBar().currentMessage()
    assert window.editor.site.currentText() == "Bodega Sur"  # what is stored now
    window.redo()  # nor put back to the plant over it
    assert _checked_at(ctx, vid) == {"6.1": dock.id}
    assert north.id != dock.id


def test_the_site_choice_is_read_only_on_a_signed_validation(
    ctx: AppContext,
    open_window: OpenWindow,  # noqa: F811
) -> None:
    vid, north, _dock = _validation_with_sites(ctx)
    visit.add(ctx, vid, FINDING_SITE, {"criterion": "1.1", "site_id": north.id})
    ctx.store.set_status(vid, Lifecycle.APPROVED, "Sam Supervisor")
    record = ReportRecord(1, "ab" * 32, "T", "2026-06-01T10:00:00Z", "r.pdf", "en")
    ctx.store.issue_report(vid, record, "tester")
    window = open_window(vid)
    window.go_to("1.1")
    editor = window.editor
    assert editor.site.currentText() == "Planta Norte"  # shown
    assert editor.site.isVisibleTo(window) and not editor.site.isEnabled()
    assert _checked_at(ctx, vid) == {"1.1": north.id}


def _visit_panel(window: WorkspaceWindow) -> VisitPanel:
    for index in range(window.side_tabs.count()):
        panel = window.side_tabs.widget(index)
        if isinstance(panel, VisitPanel):
            return panel
    raise AssertionError("no Visit panel beside the checklist")


def test_a_site_added_in_the_visit_panel_is_offered_and_undone_with_ctrl_z(
    ctx: AppContext, qtbot: QtBot
) -> None:
    vid = plan_validation(ctx, member="Acme Imports", account="US-1234", entity="importer").id
    window = open_workspace(ctx, ImmediateRunner(), vid)
    qtbot.addWidget(window)
    window.resize(1366, 705)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.side_tabs.count() >= 4)
    window.go_to("9.1")
    assert not window.editor.site.isVisibleTo(window)  # no sites yet: no choice
    panel = _visit_panel(window)
    window.side_tabs.setCurrentWidget(panel)
    page = panel.show_kind("site")
    page.start_new()
    page.editors[0].line.setText("Planta Norte")
    page.save()
    [site] = visit.records(ctx, vid, SITE)
    assert window.undo_stack.undoText() == "Add site Planta Norte"
    # The editor offers it at once (the panel says its records changed).
    assert window.editor.site.isVisibleTo(window)
    assert window.editor.site.itemText(1) == "Planta Norte"

    window.tree.setFocus()
    press(qtbot, Key.Key_Z, CTRL)
    assert visit.records(ctx, vid, SITE) == []
    assert panel.kinds.currentText() == "Sites (0)"
    assert not window.editor.site.isVisibleTo(window)
    press(qtbot, Key.Key_Z, CTRL | SHIFT)  # redone: back, under a new ID
    [again] = visit.records(ctx, vid, SITE)
    assert again.values == site.values
    assert panel.kinds.currentText() == "Sites (1)"
    # Its later steps find it there: a change made in the panel, then both undone.
    page.table.selectRow(0)  # type: ignore[union-attr]
    page.editors[0].line.setText("Planta Norte II")
    page.save()
    press(qtbot, Key.Key_Z, CTRL)
    assert [s.values["name"] for s in visit.records(ctx, vid, SITE)] == ["Planta Norte"]
    press(qtbot, Key.Key_Z, CTRL)
    assert visit.records(ctx, vid, SITE) == []
    press(qtbot, Key.Key_Z, CTRL | SHIFT)
    press(qtbot, Key.Key_Z, CTRL | SHIFT)
    assert [s.values["name"] for s in visit.records(ctx, vid, SITE)] == ["Planta Norte II"]


def test_a_tour_stop_undone_and_redone_names_its_site_where_it_is_now(
    ctx: AppContext, qtbot: QtBot
) -> None:
    """A stop made on a site, both undone and redone: the site comes back under a new ID
    and the stop names that one, not the one removed."""
    vid = plan_validation(ctx, member="Acme Imports", account="US-1234", entity="importer").id
    window = open_workspace(ctx, ImmediateRunner(), vid)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.side_tabs.count() >= 4)
    panel = _visit_panel(window)
    sites = panel.show_kind("site")
    sites.start_new()
    sites.editors[0].line.setText("Planta Norte")
    sites.save()
    stops = panel.show_kind("tour_stop")
    stops.start_new()
    stops.editors[0].line.setText("Dock 3")
    site_field = stops.editors[2]
    assert site_field.field.name == "site_id"
    site_field.combo.setCurrentIndex(site_field.combo.findText("Planta Norte"))
    stops.save()
    for _ in range(2):
        window.undo()
    assert visit.records(ctx, vid, SITE) == []
    for _ in range(2):
        window.redo()
    [site] = visit.records(ctx, vid, SITE)
    [stop] = visit.records(ctx, vid, TOUR_STOP)
    assert stop.values["site_id"] == site.id


def test_the_editors_alt_keys_stay_its_own_with_the_site_choice(
    ctx: AppContext,
    open_window: OpenWindow,  # noqa: F811
) -> None:
    vid, _north, _dock = _validation_with_sites(ctx)
    window = open_window(vid)
    window.go_to("1.1")
    keys = [
        QKeySequence.mnemonic(label.text()).toString()
        for label in window.editor.field_labels
        if label.isVisibleTo(window)
    ]
    assert "Alt+K" in keys and len(set(keys)) == len(keys)
    menus = {QKeySequence.mnemonic(a.text()).toString() for a in window.menuBar().actions()}
    assert "Alt+K" not in menus
    assert window.editor.site in window.editor.focus_chain()
    assert window.editor.site.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_every_visit_kind_has_words_for_the_edit_menu() -> None:
    assert set(KIND_WORDS) == {kind.name for kind in VISIT_KINDS}


def test_a_site_chosen_and_undone_through_the_background_runner(
    ctx: AppContext,
    open_window: OpenWindow,  # noqa: F811
    qtbot: QtBot,
) -> None:
    vid, north, _dock = _validation_with_sites(ctx)
    window = open_window(vid, TaskRunner())
    qtbot.waitUntil(lambda: window.current_criterion() is not None)
    window.go_to("9.1")
    _choose(qtbot, window, "Planta Norte")
    qtbot.waitUntil(lambda: window.undo_stack.count() == 1)
    assert _checked_at(ctx, vid) == {"9.1": north.id}
    window.undo()
    qtbot.waitUntil(lambda: window.editor.site_id() is None)
    assert _checked_at(ctx, vid) == {}
    qtbot.waitUntil(lambda: "All changes saved" in window.save_label.text())
    assert not window.isWindowModified()
    window.close()
