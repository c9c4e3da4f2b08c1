"""The Visit side panel: sites, documents, participants, interviews, the tour log, the team,
the outcome and the decision recorded by keyboard during the call, written to the store,
read only once signed (but the decision), and read again when the workspace reloads."""

from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from ctpat_desktop.app import AppContext
from ctpat_desktop.records.declare import Item
from ctpat_desktop.records.kinds import BY_NAME, OUTCOME, SITE, TOUR_STOP
from ctpat_desktop.services import visit
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.store import ReportRecord
from ctpat_desktop.sync.local import LocalSync
from ctpat_desktop.ui.panels.visit_panel import CHOICES, LABELS, SECTIONS, VisitPanel
from ctpat_desktop.ui.runner import ImmediateRunner
from ctpat_desktop.ui.workspace.workspace_window import WorkspaceWindow
from ctpat_desktop.ui.workspace_open import open_workspace
from ctpat_desktop.worksheet import Lifecycle

Key = Qt.Key
ALT = Qt.KeyboardModifier.AltModifier
ON = date(2026, 5, 18)


@pytest.fixture(autouse=True)
def closing_never_asks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(WorkspaceWindow, "confirm_discard", lambda _w, _unsaved: True)


@pytest.fixture
def vid(ctx: AppContext) -> str:
    return plan_validation(
        ctx, member="Sierra Madre Textiles", account="MX-40117", entity="importer", on=ON
    ).id


@pytest.fixture
def panel(ctx: AppContext, vid: str, qtbot: QtBot) -> Iterator[VisitPanel]:
    """The panel alone, on screen and active, over a real store."""
    shown = VisitPanel(ctx, ImmediateRunner(), ValidationSession(ctx, vid))
    qtbot.addWidget(shown)
    shown.resize(340, 640)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    qtbot.waitUntil(shown.isActiveWindow)
    yield shown


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(
    qtbot: QtBot, key: Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.keyClick(focused(), key, modifier)


def click_by_key(qtbot: QtBot, letter: Key, button: QAbstractButton) -> None:
    """Alt and the button's letter (a button clicks a moment after its key)."""
    with qtbot.waitSignal(button.clicked, timeout=1000):
        press(qtbot, letter, ALT)


def choose_kind(qtbot: QtBot, panel: VisitPanel, name: str) -> None:
    """Alt+O, then the arrows, as a person picks the kind of record."""
    press(qtbot, Key.Key_O, ALT)
    assert focused() is panel.kinds
    while panel.current_kind() != name:
        before = panel.kinds.currentIndex()
        press(qtbot, Key.Key_Down)
        assert panel.kinds.currentIndex() == before + 1, name


def records(ctx: AppContext, vid: str, name: str) -> list[Item]:
    return ValidationSession(ctx, vid).visit_records()[name]


def _sign(ctx: AppContext, vid: str) -> None:
    ctx.store.set_status(vid, Lifecycle.APPROVED, "Sam Supervisor")
    record = ReportRecord(1, "ab" * 32, "T", "2026-06-01T10:00:00Z", "r.pdf", "en")
    ctx.store.issue_report(vid, record, "tester")


def test_a_site_and_a_participant_by_keyboard(
    ctx: AppContext, vid: str, panel: VisitPanel, qtbot: QtBot
) -> None:
    choose_kind(qtbot, panel, "site")
    click_by_key(qtbot, Key.Key_W, panel.pages["site"].new_button)  # the focus to its first field
    qtbot.keyClicks(focused(), "Planta Norte")
    press(qtbot, Key.Key_Tab)  # the type
    press(qtbot, Key.Key_Down)  # facility → warehouse
    press(qtbot, Key.Key_Tab)
    qtbot.keyClicks(focused(), "Av. Industrial 12, Monterrey")
    press(qtbot, Key.Key_Tab)
    qtbot.keyClicks(focused(), "MX")
    press(qtbot, Key.Key_Return)  # Enter in a field saves
    [site] = records(ctx, vid, "site")
    assert site.values == {
        "name": "Planta Norte",
        "type": "warehouse",
        "address": "Av. Industrial 12, Monterrey",
        "country": "MX",
    }
    assert panel.kinds.currentText() == "Sites (1)"
    assert panel.pages["site"].selected() == site  # the form shows what was saved

    choose_kind(qtbot, panel, "participant")
    click_by_key(qtbot, Key.Key_W, panel.pages["participant"].new_button)
    qtbot.keyClicks(focused(), "Ana Ruiz")
    press(qtbot, Key.Key_Tab)
    qtbot.keyClicks(focused(), "Security manager")
    press(qtbot, Key.Key_Tab)  # organisation: the member, by default
    press(qtbot, Key.Key_Tab)  # the days: the validation's, by default; a second one added
    press(qtbot, Key.Key_End)
    qtbot.keyClicks(focused(), ", 2026-05-19")
    click_by_key(qtbot, Key.Key_S, panel.pages["participant"].save_button)
    [ana] = records(ctx, vid, "participant")
    assert ana.values == {
        "name": "Ana Ruiz",
        "role": "Security manager",
        "organisation": "member",
        "days": ["2026-05-18", "2026-05-19"],
    }
    assert ValidationSession(ctx, vid).validation.participants == ("Ana Ruiz",)


def test_a_document_request_is_marked_received_with_its_evidence(
    ctx: AppContext, vid: str, panel: VisitPanel, qtbot: QtBot
) -> None:
    evidence = ValidationSession(ctx, vid).attach_evidence_bytes(b"seal log", "seals.png", "6.1")
    choose_kind(qtbot, panel, "document_request")
    click_by_key(qtbot, Key.Key_W, panel.pages["document_request"].new_button)
    qtbot.keyClicks(focused(), "Seal log, last three months")
    press(qtbot, Key.Key_Return)
    [asked] = records(ctx, vid, "document_request")
    assert asked.values["requested_on"] == date.today().isoformat()  # today, by default
    assert asked.values["received_on"] is None
    page = panel.pages["document_request"]
    # Choose the evidence (its list knows the file attached before), then Alt+C.
    for _ in range(3):
        press(qtbot, Key.Key_Tab)
    assert focused() is page.editors[3].combo
    press(qtbot, Key.Key_Down)
    assert page.editors[3].combo.currentText() == "seals.png"
    button = page.received_button
    assert button is not None
    click_by_key(qtbot, Key.Key_C, button)
    [received] = records(ctx, vid, "document_request")
    assert received.values["received_on"] == date.today().isoformat()
    assert received.values["evidence_id"] == evidence.id
    assert received.id == asked.id  # the same request, changed


def test_tour_stops_log_the_time_now_and_keep_the_site(
    ctx: AppContext, vid: str, panel: VisitPanel, qtbot: QtBot
) -> None:
    dock = visit.add(ctx, vid, SITE, {"name": "Planta Norte", "type": "warehouse"})
    panel.refresh()
    choose_kind(qtbot, panel, "tour_stop")
    click_by_key(qtbot, Key.Key_W, panel.pages["tour_stop"].new_button)
    qtbot.keyClicks(focused(), "Loading dock")
    press(qtbot, Key.Key_Tab)  # the time: now, by default
    press(qtbot, Key.Key_Tab)  # the site
    press(qtbot, Key.Key_Down)
    click_by_key(qtbot, Key.Key_S, panel.pages["tour_stop"].save_button)
    click_by_key(
        qtbot, Key.Key_W, panel.pages["tour_stop"].new_button
    )  # the next stop: the same site
    qtbot.keyClicks(focused(), "CCTV room")
    press(qtbot, Key.Key_Return)
    stops = records(ctx, vid, "tour_stop")
    assert [s.values["area"] for s in stops] == ["Loading dock", "CCTV room"]
    assert [s.values["site_id"] for s in stops] == [dock.id, dock.id]
    logged = datetime.fromisoformat(stops[0].values["at"])
    assert abs(datetime.now() - logged) < timedelta(minutes=2)
    table = panel.pages["tour_stop"].model
    assert [table.rows()[r][2] for r in range(2)] == ["Planta Norte", "Planta Norte"]


def test_a_record_is_edited_and_removed_and_a_named_one_is_kept(
    ctx: AppContext, vid: str, panel: VisitPanel, qtbot: QtBot
) -> None:
    dock = visit.add(ctx, vid, SITE, {"name": "Dock", "type": "warehouse"})
    office = visit.add(ctx, vid, SITE, {"name": "Office", "type": "office"})
    visit.add(ctx, vid, TOUR_STOP, {"area": "Gate", "site_id": dock.id})
    panel.refresh()
    choose_kind(qtbot, panel, "site")
    press(qtbot, Key.Key_Tab)  # the list: its first record chosen
    page = panel.pages["site"]
    assert page.selected() == dock
    press(qtbot, Key.Key_Down)
    assert page.selected() == office
    press(qtbot, Key.Key_Tab)
    focused().selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(focused(), "Head office")
    press(qtbot, Key.Key_Return)
    assert [s.values["name"] for s in records(ctx, vid, "site")] == ["Dock", "Head office"]
    # Delete in the list removes the chosen one; a site the tour names stays, said why.
    page.table.setFocus()  # type: ignore[union-attr]
    press(qtbot, Key.Key_Delete)
    assert [s.values["name"] for s in records(ctx, vid, "site")] == ["Dock"]
    assert panel.error.isHidden()
    press(qtbot, Key.Key_Home)  # the first record: the site the tour names
    assert page.selected() == dock
    press(qtbot, Key.Key_Delete)
    assert [s.values["name"] for s in records(ctx, vid, "site")] == ["Dock"]
    assert "names this site" in panel.error.text()


def test_a_rule_broken_is_said_and_the_typing_kept(
    ctx: AppContext, vid: str, panel: VisitPanel, qtbot: QtBot
) -> None:
    choose_kind(qtbot, panel, "site")
    click_by_key(qtbot, Key.Key_W, panel.pages["site"].new_button)
    qtbot.keyClicks(focused(), "Planta Norte")
    for _ in range(3):
        press(qtbot, Key.Key_Tab)
    qtbot.keyClicks(focused(), "mx")  # a country is its ISO code in capitals
    press(qtbot, Key.Key_Return)
    assert records(ctx, vid, "site") == []
    assert "country" in panel.error.text()
    panel.refresh()  # a reading meanwhile (a sync) keeps what was typed
    editors = panel.pages["site"].editors
    assert (editors[0].line.text(), editors[3].line.text()) == ("Planta Norte", "mx")


def test_the_outcome_and_the_supervisors_decision(
    ctx: AppContext, vid: str, panel: VisitPanel, qtbot: QtBot
) -> None:
    choose_kind(qtbot, panel, "outcome")
    page = panel.pages["outcome"]
    press(qtbot, Key.Key_Tab)
    assert focused() is page.editors[0].combo
    press(qtbot, Key.Key_Down)  # continued certification → tier 2
    press(qtbot, Key.Key_Tab)
    qtbot.keyClicks(focused(), "Few required actions, with a plan.")
    click_by_key(qtbot, Key.Key_S, panel.pages["outcome"].save_button)
    [outcome] = records(ctx, vid, "outcome")
    assert outcome.values == {"result": "tier-2", "reason": "Few required actions, with a plan."}
    assert panel.kinds.currentText() == "Proposed outcome"

    decision = panel.pages["decision"]
    choose_kind(qtbot, panel, "decision")
    assert not decision.save_button.isEnabled()  # an SCSS does not decide
    assert decision.note.isVisible() and "supervisor" in decision.note.text()
    LocalSync(ctx.store).set_state({"hub_role": "supervisor"})
    panel.refresh()
    assert decision.save_button.isEnabled()
    press(qtbot, Key.Key_O, ALT)
    press(qtbot, Key.Key_Tab)
    assert focused() is decision.editors[0].combo  # agreed, the first choice
    click_by_key(qtbot, Key.Key_S, panel.pages["decision"].save_button)
    [decided] = records(ctx, vid, "decision")
    assert decided.values["decision"] == "agreed"
    assert decided.values["result"] == "tier-2"
    assert decided.values["decided_on"] == date.today().isoformat()


def test_a_signed_validation_is_read_only_but_for_the_decision(
    ctx: AppContext, vid: str, qtbot: QtBot
) -> None:
    visit.add(ctx, vid, SITE, {"name": "Dock", "type": "warehouse"})
    visit.put(ctx, vid, OUTCOME, {"result": "continued-certification"})
    _sign(ctx, vid)
    LocalSync(ctx.store).set_state({"hub_role": "supervisor"})
    shown = VisitPanel(ctx, ImmediateRunner(), ValidationSession(ctx, vid))
    qtbot.addWidget(shown)
    shown.show()
    site = shown.show_kind("site")
    assert site.table is not None and site.table.isEnabled()  # still read
    assert not any(e.widget.isEnabled() for e in site.editors)
    assert not site.save_button.isEnabled() and not site.new_button.isEnabled()
    assert site.note.isVisible() and "signed" in site.note.text()
    site.save()  # nothing is written, whatever the form says
    assert len(records(ctx, vid, "site")) == 1
    decision = shown.show_kind("decision")
    assert decision.save_button.isEnabled() and decision.note.isHidden()
    decision.save()
    assert records(ctx, vid, "decision")[0].values["decision"] == "agreed"


def _with_panels(ctx: AppContext, vid: str, qtbot: QtBot, size: tuple[int, int]) -> WorkspaceWindow:
    window = open_workspace(ctx, ImmediateRunner(), vid)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.side_tabs.count() >= 4)
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size().width() == size[0])
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def _visit_panel(window: WorkspaceWindow) -> VisitPanel:
    found = window.findChild(VisitPanel)
    assert found is not None
    return found


def test_the_panel_reads_again_when_the_workspace_does(
    ctx: AppContext, vid: str, qtbot: QtBot
) -> None:
    window = _with_panels(ctx, vid, qtbot, (1366, 705))
    panel = _visit_panel(window)
    window.side_tabs.setCurrentWidget(panel)
    page = panel.show_kind("site")
    page.start_new()
    qtbot.keyClicks(page.editors[0].line, "Half typed")
    visit.add(ctx, vid, SITE, {"name": "From a sync", "type": "terminal"})  # behind the window
    window.reload()
    assert page.model.rows() == [("From a sync", "Terminal", "")]
    assert panel.kinds.currentText() == "Sites (1)"
    assert page.editors[0].line.text() == "Half typed"  # the draft stays
    # A write from the panel has the window read the validation again (an approval withdrawn).
    ctx.store.set_status(vid, Lifecycle.IN_REVIEW, "tester")
    ctx.store.set_status(vid, Lifecycle.APPROVED, "Sam Supervisor")
    with qtbot.waitSignal(window.reloaded):
        page.save()
    assert ValidationSession(ctx, vid).validation.status is Lifecycle.IN_REVIEW


def _on_screen(widget: QWidget, window: QWidget) -> QRect:
    rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        rect = rect.intersected(QRect(parent.mapTo(window, QPoint(0, 0)), parent.size()))
        parent = parent.parentWidget()
    return rect.intersected(window.rect())


@pytest.mark.parametrize("size", [(683, 705), (1366, 705)], ids=["beside-webex", "laptop"])
def test_every_form_fits(ctx: AppContext, vid: str, qtbot: QtBot, size: tuple[int, int]) -> None:
    """Beside WebEx (683x705, where F6 brings the panel) and on a whole laptop screen (the
    panel a narrow column), every field and button of every kind is whole on screen
    (scrolled to, at most: never cut at the side), with long names in its lists."""
    visit.add(
        ctx,
        vid,
        SITE,
        {"name": "Northern Star Freight Lines Ltd.: Truck yard " * 3, "type": "terminal"},
    )
    window = _with_panels(ctx, vid, qtbot, size)
    if window.compact:
        press(qtbot, Key.Key_F6)
    panel = _visit_panel(window)
    window.side_tabs.setCurrentWidget(panel)
    qtbot.wait(50)  # the layouts settle
    scroll = panel.findChild(QScrollArea)
    assert scroll is not None
    for name in SECTIONS:
        page = panel.show_kind(name)
        qtbot.wait(10)
        assert not scroll.horizontalScrollBar().isVisible()
        widgets = [e.widget for e in page.editors] + page.buttons
        if page.table is not None:
            widgets.append(page.table)
        for widget in widgets:
            scroll.ensureWidgetVisible(widget, 0, 0)
            qtbot.wait(5)
            assert _on_screen(widget, window).size() == widget.size(), (name, widget)


def _mnemonics(window: QWidget, panel: QWidget, inside: bool) -> list[str]:
    """The Alt keys of the visible buttons and labelled fields, inside the panel or not."""
    keys = []
    for widget in window.findChildren(QAbstractButton) + window.findChildren(QLabel):
        takes_key = isinstance(widget, QAbstractButton) or widget.buddy() is not None
        if takes_key and widget.isVisibleTo(window) and panel.isAncestorOf(widget) == inside:
            keys.append(QKeySequence.mnemonic(widget.text()).toString())
    return [k for k in keys if k]


def test_the_panels_keys_are_its_own(ctx: AppContext, vid: str, qtbot: QtBot) -> None:
    """Alt and a letter reach one thing only: no two of the panel's keys are the same, nor
    one of the menus' or the finding editor's (shown beside it in a wide window), its
    choice of the site a criterion was checked at included."""
    visit.add(ctx, vid, SITE, {"name": "Planta Norte", "type": "facility"})
    window = _with_panels(ctx, vid, qtbot, (1366, 705))
    assert window.editor.site_label.isVisibleTo(window)
    panel = _visit_panel(window)
    window.side_tabs.setCurrentWidget(panel)
    menus = [QKeySequence.mnemonic(a.text()).toString() for a in window.menuBar().actions()]
    for name in SECTIONS:
        panel.show_kind(name)
        ours = _mnemonics(window, panel, inside=True)
        assert "Alt+O" in ours and "Alt+S" in ours, name
        assert len(set(ours)) == len(ours), (name, ours)
        assert not set(ours) & {*menus, *_mnemonics(window, panel, inside=False)}, name


def test_every_declared_label_and_choice_has_words() -> None:
    """A field or a choice added to a declaration the panel shows needs its words here."""
    kinds = [BY_NAME[name] for name in SECTIONS]
    labels = {f.label for kind in kinds for f in kind.fields}
    assert labels == {str(label) for label in LABELS}
    assert {c for kind in kinds for f in kind.fields for c in f.choices} == set(CHOICES)


def test_every_kinds_controls_have_names(ctx: AppContext, vid: str, qtbot: QtBot) -> None:
    """Section 508: each kind's form, shown in turn, names every control it has."""
    from tests.ui.test_accessibility import unnamed_controls

    window = _with_panels(ctx, vid, qtbot, (1366, 705))
    panel = _visit_panel(window)
    window.side_tabs.setCurrentWidget(panel)
    problems = []
    for name in SECTIONS:
        panel.show_kind(name)
        problems += [f"{name}: {problem}" for problem in unnamed_controls(window)]
    assert problems == []
