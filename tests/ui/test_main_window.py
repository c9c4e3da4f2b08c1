"""The main window: lists validations, exports and imports worksheets through the runner."""

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMenu,
    QMessageBox,
)
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from ctpat_desktop.app import AppContext
from ctpat_desktop.services import validations
from ctpat_desktop.services.demo import create_demo
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.ui import main_window
from ctpat_desktop.ui.import_preview import ImportPreviewDialog
from ctpat_desktop.ui.main import run_gui
from ctpat_desktop.ui.main_window import MainWindow
from ctpat_desktop.ui.runner import ImmediateRunner, TaskRunner
from ctpat_desktop.ui.validation_list_model import ValidationListModel
from ctpat_desktop.worksheet import FindingStatus
from tests.ui.forms import fill_validation_form


@pytest.fixture
def window(ctx: AppContext, qtbot: QtBot) -> MainWindow:
    create_demo(ctx)
    shown = MainWindow(ctx, ImmediateRunner())
    qtbot.addWidget(shown)
    return shown


def test_model_passes_qt_model_tester(ctx: AppContext, qtmodeltester: ModelTester) -> None:
    create_demo(ctx)
    model = ValidationListModel()
    model.set_summaries(ctx.store.list_validations())
    qtmodeltester.check(model)
    assert model.rowCount() == 9


def test_window_lists_searches_and_sorts(window: MainWindow) -> None:
    assert window.proxy.rowCount() == 9
    assert not window.empty_hint.isVisibleTo(window)

    window.search.setText("bajío")
    assert window.proxy.rowCount() == 1
    assert window.proxy.index(0, 0).data() == "Transportes del Bajío S.A. de C.V."
    assert window.proxy.index(0, 2).data() == "Highway Carriers (U.S./Canada and U.S./Mexico)"
    window.search.clear()

    days = [
        window.proxy.index(r, 4).data(ValidationListModel.SortRole)
        for r in range(window.proxy.rowCount())
    ]
    assert days == sorted(days, reverse=True)
    row = days.index("2026-12-08")
    assert window.proxy.index(row, 6).data().endswith("(0%)")
    # Shown the user's way (the test's locale), never as a raw ISO date.
    shown = QLocale().toString(QDate(2026, 12, 8), QLocale.FormatType.ShortFormat)
    assert window.proxy.index(row, 4).data() == shown


def test_list_loads_through_the_background_runner(ctx: AppContext, qtbot: QtBot) -> None:
    create_demo(ctx)
    window = MainWindow(ctx, TaskRunner())
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 9)
    window.close()


class CountingRunner(ImmediateRunner):
    def __init__(self) -> None:
        self.runs = 0

    def run(self, work, on_done, on_error) -> None:  # type: ignore[no-untyped-def]
        self.runs += 1
        super().run(work, on_done, on_error)


def test_a_closed_window_queues_no_more_work(ctx: AppContext, qtbot: QtBot) -> None:
    # The list's refresh schedules a status read for after what is queued; once the window
    # has closed it must not reach a store the app is closing (a CI run died of it).
    create_demo(ctx)
    runner = CountingRunner()
    window = MainWindow(ctx, runner)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.sync.label.text() != "Sync: …")
    window.menu_actions.refresh.trigger()  # schedules another status read
    window.close()
    runs = runner.runs
    qtbot.wait(50)
    assert not window._backup_timer.isActive()  # the hourly backup check is off too
    assert runner.runs == runs


def test_empty_window_says_what_to_do_in_the_window_s_own_words(
    ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(ctx, ImmediateRunner())
    qtbot.addWidget(window)
    assert window.proxy.rowCount() == 0
    assert window.empty_hint.isVisibleTo(window)
    assert "New validation" in window.empty_hint.text()
    assert "ctpat-desktop" not in window.empty_hint.text() and "`" not in window.empty_hint.text()
    assert not window.menu_actions.export_worksheet.isEnabled()
    opened: list[object] = []

    def record(dialog: object) -> int:
        opened.append(dialog)
        return 0

    monkeypatch.setattr("ctpat_desktop.ui.validation_dialog.ValidationDialog.exec", record)
    window.plan_first.click()  # the button beside the words plans one
    assert len(opened) == 1


def test_counts_read_as_english_says_them(ctx: AppContext, qtbot: QtBot) -> None:
    plan_validation(ctx, member="Acme", account="US-1234", entity="importer")
    window = MainWindow(ctx, ImmediateRunner())
    qtbot.addWidget(window)
    assert window.statusBar().currentMessage().startswith("1 validation in ")
    plan_validation(ctx, member="Acme Two", account="US-1235", entity="importer")
    window.refresh()
    assert window.statusBar().currentMessage().startswith("2 validations in ")


def test_no_two_items_of_a_menu_share_an_alt_key(window: MainWindow) -> None:
    """Alt+letter must reach one item: before, View had Larger text and Language on L."""

    def key(text: str) -> str | None:
        found = re.search(r"&([^&])", text.replace("&&", ""))
        return found.group(1).casefold() if found else None

    def walk(menu: QMenu, path: str) -> None:
        keys: dict[str, str] = {}
        for action in menu.actions():
            if action.isSeparator():
                continue
            letter = key(action.text())
            if letter is not None:
                shared = keys.get(letter)
                assert shared is None, f"{path}: {shared} and {action.text()} share {letter}"
                keys[letter] = action.text()
            if action.menu() is not None:
                walk(action.menu(), f"{path} → {action.text()}")

    bar = window.menuBar()
    top = [key(action.text()) for action in bar.actions()]
    assert len(top) == len(set(top)) and None not in top
    for action in bar.actions():
        walk(action.menu(), action.text())


def test_refresh_keeps_the_selection_and_shows_new_validations(
    window: MainWindow, ctx: AppContext
) -> None:
    window.table.selectRow(3)
    chosen = window.selected_id()
    plan_validation(ctx, member="Acme", account="US-1234", entity="importer")
    window.menu_actions.refresh.trigger()
    assert window.proxy.rowCount() == 10
    assert window.selected_id() == chosen


def test_export_then_import_a_worksheet_from_the_menu(
    window: MainWindow, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.search.setText("Great Lakes")
    window.table.selectRow(0)
    validation_id = window.selected_id()
    assert validation_id is not None and window.menu_actions.export_worksheet.isEnabled()
    target = tmp_path / "great-lakes.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.menu_actions.export_worksheet.trigger()
    assert target.exists()

    book = load_workbook(target)
    sheet = book["Worksheet"]
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 2).value == "1.3")
    sheet.cell(row, 7).value = "Not applicable"
    book.save(target)

    shown: list[ImportPreviewDialog] = []

    def accept(dialog: ImportPreviewDialog) -> int:
        shown.append(dialog)
        apply = dialog.buttons.button(QDialogButtonBox.StandardButton.Apply)
        assert apply.isEnabled()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(ImportPreviewDialog, "exec", accept)
    window.menu_actions.import_worksheet.trigger()
    assert shown and shown[0].changes.rowCount() == 1
    assert shown[0].changes.item(0, 1).text() == "Status"
    assert shown[0].changes.item(0, 3).text() == "Not applicable"
    finding = ValidationSession(ctx, validation_id).findings()["1.3"].finding
    assert finding.status is FindingStatus.NOT_APPLICABLE


def test_import_with_problems_cannot_be_applied(
    window: MainWindow, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.table.selectRow(1)
    validation_id = window.selected_id()
    assert validation_id is not None
    target = tmp_path / "w.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.menu_actions.export_worksheet.trigger()
    book = load_workbook(target)
    book["Worksheet"]["G2"] = "Maybe"
    book.save(target)
    before = ValidationSession(ctx, validation_id).findings()

    def refuse(dialog: ImportPreviewDialog) -> int:
        assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Apply).isEnabled()
        assert dialog.problems.count() == 1 and "'Maybe'" in dialog.problems.item(0).text()
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(ImportPreviewDialog, "exec", refuse)
    window.menu_actions.import_worksheet.trigger()
    assert ValidationSession(ctx, validation_id).findings() == before


def test_a_failing_task_shows_one_message(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.table.selectRow(0)
    fake = tmp_path / "fake.xlsx"
    fake.write_text("not a workbook")
    messages: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(fake), ""))
    monkeypatch.setattr(
        main_window.QMessageBox, "critical", lambda _parent, _title, text: messages.append(text)
    )
    window.menu_actions.import_worksheet.trigger()
    assert messages == [f"{fake}: not an Excel workbook (.xlsx)"]


def test_run_gui_quits_by_itself(ctx: AppContext, qtbot: QtBot) -> None:
    assert run_gui(ctx, quit_after=0.05) == 0


def test_plan_edit_archive_and_open_from_the_list(
    ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import date

    from ctpat_desktop.ui.validation_dialog import ValidationDetails

    window = MainWindow(ctx, ImmediateRunner())
    qtbot.addWidget(window)
    planned = ValidationDetails(
        member="Sierra Madre Textiles",
        account="MX-40117",
        entity="foreign-manufacturer",
        mode="virtual",
        on=date(2026, 3, 10),
        scss="Laura Méndez",
        office="Laredo",
        webex_url="https://cbp.webex.com/meet/lmendez",
        participants=("Ana Ruiz (security)",),
        planned_minutes=300,
    )
    fill_validation_form(monkeypatch, planned)
    window.menu_actions.new_validation.trigger()
    assert window.proxy.rowCount() == 1
    validation_id = window.selected_id()
    assert validation_id is not None
    stored = ctx.store.validation(validation_id)
    assert (stored.webex_url, stored.participants, stored.planned_minutes) == (
        "https://cbp.webex.com/meet/lmendez",
        ("Ana Ruiz (security)",),
        300,
    )

    # Meanwhile the Session panel adds a participant (the list still shows the old copy):
    # saving the form, where only the member's name was changed, keeps it.
    validations.update_validation(
        ctx, validation_id, participants=("Ana Ruiz (security)", "Luis Pérez (IT)")
    )
    edited = ValidationDetails(**{**planned.__dict__, "member": "Sierra Madre Textiles S.A."})
    fill_validation_form(monkeypatch, edited)
    window.menu_actions.edit_validation.trigger()
    assert window.proxy.index(0, 0).data() == "Sierra Madre Textiles S.A."
    assert ctx.store.validation(validation_id).participants == (
        "Ana Ruiz (security)",
        "Luis Pérez (IT)",
    )

    window.menu_actions.archive.trigger()
    assert window.proxy.rowCount() == 0
    window.menu_actions.show_archived.setChecked(True)
    assert window.proxy.rowCount() == 1 and "(archived)" in window.proxy.index(0, 5).data()
    window.table.selectRow(0)
    window.menu_actions.archive.trigger()
    window.menu_actions.show_archived.setChecked(False)
    assert window.proxy.rowCount() == 1

    window.table.selectRow(0)
    window.menu_actions.open_validation.trigger()
    workspace = window.workspaces[validation_id]
    qtbot.waitUntil(workspace.isVisible)
    qtbot.waitUntil(lambda: workspace.session is not None and workspace.side_tabs.count() >= 3)
    assert [workspace.side_tabs.tabText(i) for i in range(workspace.side_tabs.count())][-4:] == [
        "Evidence",
        "Session",
        "Follow-up",
        "Visit",
    ]
    workspace.close()


def test_a_refused_plan_keeps_the_form_and_says_why_beside_the_field(
    ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before, the form closed on an error and Ctrl+N opened a blank one."""
    from datetime import date

    from ctpat_desktop.ui.validation_dialog import ValidationDetails, ValidationDialog

    window = MainWindow(ctx, ImmediateRunner())
    qtbot.addWidget(window)
    bad = ValidationDetails(
        member="Sierra Madre Textiles",
        account="!!",
        entity="importer",
        mode="virtual",
        on=date(2026, 1, 1),
        scss="",
        office="",
        webex_url="",
        participants=("Ana Ruiz",),
        planned_minutes=240,
    )
    seen: list[ValidationDialog] = []
    boxes: list[str] = []
    monkeypatch.setattr(
        main_window.QMessageBox, "critical", lambda _p, _t, text: boxes.append(text)
    )
    fill_validation_form(monkeypatch, bad, seen)
    window.menu_actions.new_validation.trigger()
    (dialog,) = seen
    assert dialog.result() != QDialog.DialogCode.Accepted and not boxes
    assert dialog.errors["account"].isVisibleTo(dialog)
    assert dialog.errors["account"].text() == (
        "Account number '!!' is not valid; use 3 to 32 letters, digits or dashes"
    )
    assert dialog.details() == bad  # everything typed is still there
    assert window.proxy.rowCount() == 0

    # Corrected in the same form, it is planned.
    dialog.account.setText("MX-40117")
    dialog.buttons.accepted.emit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not dialog.errors["account"].isVisibleTo(dialog)
    window.refresh()
    assert window.proxy.rowCount() == 1


def test_an_empty_member_keeps_the_form_open(
    ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ctpat_desktop.ui.validation_dialog import ValidationDialog

    window = MainWindow(ctx, ImmediateRunner())
    qtbot.addWidget(window)
    seen: list[ValidationDialog] = []

    def type_then_ok(dialog: ValidationDialog) -> int:
        seen.append(dialog)
        dialog.account.setText("US-1001")
        dialog.entity.setCurrentIndex(dialog.entity.findData("importer"))
        dialog.buttons.accepted.emit()
        return dialog.result()

    monkeypatch.setattr(ValidationDialog, "exec", type_then_ok)
    window.menu_actions.new_validation.trigger()
    (dialog,) = seen
    assert dialog.errors["member"].text() == "The member name is empty"
    assert dialog.account.text() == "US-1001" and dialog.chosen_entity() == "importer"
    assert ctx.store.list_validations() == []


def test_keyboard_shortcuts_dialog_lists_the_main_actions(
    ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ctpat_desktop.ui.workspace.workspace_window import ShortcutsDialog

    window = MainWindow(ctx, ImmediateRunner())
    qtbot.addWidget(window)
    shown: list[dict[str, str]] = []

    def capture(dialog: ShortcutsDialog) -> int:
        table = dialog.table
        shown.append(
            {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
        )
        return 0

    monkeypatch.setattr(ShortcutsDialog, "exec", capture)
    window.menu_actions.shortcuts.trigger()
    (rows,) = shown
    assert rows["New validation"] == "Ctrl+N"
    assert rows["Dashboard"] == "Ctrl+D"
    assert rows["Export worksheet"] == "Ctrl+E"


def test_without_a_keyring_the_gui_asks_for_the_passphrase_first(
    tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    import keyring
    from keyring.backends import fail
    from PySide6.QtWidgets import QInputDialog

    from ctpat_desktop.settings import Settings

    keyring.set_keyring(fail.Keyring())
    monkeypatch.setenv("CTPAT_DB_PASSPHRASE", "the right passphrase")
    made = AppContext(tmp_path / "data", Settings(user="ana"))
    plan_validation(made, member="Acme", account="US-1001", entity="importer")
    made.close()
    monkeypatch.delenv("CTPAT_DB_PASSPHRASE")
    asked: list[str] = []
    answers = iter(["a wrong passphrase", "the right passphrase"])

    def typed(*args: object, **_kwargs: object) -> tuple[str, bool]:
        asked.append(str(args[2]))
        return next(answers), True

    monkeypatch.setattr(QInputDialog, "getText", typed)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: shown.append(text))
    assert run_gui(AppContext(tmp_path / "data"), quit_after=0.05) == 1
    assert "wrong passphrase" in shown[0]
    ctx = AppContext(tmp_path / "data")
    assert run_gui(ctx, quit_after=0.05) == 0
    assert len(asked) == 2 and "Passphrase" in asked[0]
    assert [s.validation.member.name for s in ctx.store.list_validations()] == ["Acme"]
    ctx.close()


def test_one_app_per_data_folder(tmp_path: Path) -> None:
    """A second start on the same folder is refused (two windows overwrite each other)."""
    from ctpat_desktop.ui.main import instance_lock

    first = instance_lock(tmp_path / "data")
    assert first is not None
    assert instance_lock(tmp_path / "data") is None
    assert instance_lock(tmp_path / "other") is not None  # another folder is another app
    first.unlock()
    assert instance_lock(tmp_path / "data") is not None  # free again once closed


def test_search_then_down_then_enter_opens_the_validation(window: MainWindow, qtbot: QtBot) -> None:
    """The README's keyboard path: type in the search, Down into the list, Enter opens."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.search.setFocus()
    qtbot.keyClicks(window.search, "Great Lakes")
    qtbot.keyClick(window.search, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is window.table
    chosen = window.selected_id()
    assert chosen is not None
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    assert chosen in window.workspaces
    for opened in list(window.workspaces.values()):
        opened.close()


def test_a_new_workspace_comes_on_screen_with_its_checklist(ctx: AppContext, qtbot: QtBot) -> None:
    """It was shown at once with an empty "Loading…" page, painted, then painted again
    once read: a wasted paint on the way to the checklist, and a flash of an empty page."""
    from PySide6.QtCore import QEvent, QObject

    create_demo(ctx)
    runner = TaskRunner()
    window = MainWindow(ctx, runner)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.proxy.rowCount() == 9)
    window.table.selectRow(0)
    window.open_selected()
    (opened,) = window.workspaces.values()
    loaded_when_shown: list[bool] = []

    class Watch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Show:
                loaded_when_shown.append(opened.session is not None)
            return False

    watch = Watch()
    opened.installEventFilter(watch)
    qtbot.waitUntil(opened.isVisible)
    assert loaded_when_shown == [True]
    opened.close()
    runner.wait()


def test_quit_closes_the_workspaces_too(window: MainWindow, qtbot: QtBot) -> None:
    """Before, Ctrl+Q closed only the list and left a workspace with no way back."""
    window.show()
    window.table.selectRow(0)
    window.open_selected()
    (opened,) = window.workspaces.values()
    qtbot.waitUntil(opened.isVisible)
    window.menu_actions.quit.trigger()
    assert not opened.isVisible()
    assert not window.isVisible()


def test_the_member_name_is_not_what_gets_cut_in_larger_text(ctx: AppContext, qtbot: QtBot) -> None:
    """At 150 % on a 1366-px screen the entity type took its whole width and the member's
    name was cut to "Great Lakes Home …"; now they share what is left."""
    from ctpat_desktop.ui.theme import apply_theme

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, False, 1.5)
    try:
        create_demo(ctx)
        window = MainWindow(ctx, ImmediateRunner())
        qtbot.addWidget(window)
        window.resize(1366, 705)
        window.show()
        qtbot.waitUntil(lambda: window.proxy.rowCount() == 9)
        header = window.table.horizontalHeader()
        metrics = window.table.fontMetrics()
        members = [str(window.proxy.index(r, 0).data()) for r in range(window.proxy.rowCount())]
        whole = [m for m in members if metrics.horizontalAdvance(m) + 12 <= header.sectionSize(0)]
        assert header.sectionSize(0) >= header.sectionSize(2)
        assert len(whole) >= 8  # all but the longest name, at 150 % on 1366 px
    finally:
        apply_theme(app, False, 1.0)


def test_details_and_archiving_are_undone_but_never_over_newer_values(
    ctx: AppContext, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ctpat_desktop.ui.validation_dialog import ValidationDetails

    validation = plan_validation(
        ctx, member="Sierra Madre Textiles", account="MX-40117", entity="importer"
    )
    window = MainWindow(ctx, ImmediateRunner())
    qtbot.addWidget(window)
    window.select_id(validation.id)
    shown = ctx.store.validation(validation.id)
    details = ValidationDetails(
        member="Sierra Madre Textiles S.A.",
        account=shown.member.account,
        entity=shown.entity,
        mode=shown.mode.value,
        on=shown.date,
        scss=shown.scss,
        office=shown.office,
        webex_url=shown.webex_url,
        participants=shown.participants,
        planned_minutes=300,
    )
    fill_validation_form(monkeypatch, details)
    window.menu_actions.edit_validation.trigger()
    assert window.undo_stack.undoText() == "Edit details of Sierra Madre Textiles"
    window.menu_actions.undo.trigger()
    back = ctx.store.validation(validation.id)
    assert (back.member.name, back.planned_minutes) == ("Sierra Madre Textiles", 240)
    window.menu_actions.redo.trigger()
    again = ctx.store.validation(validation.id)
    assert (again.member.name, again.planned_minutes) == ("Sierra Madre Textiles S.A.", 300)

    window.select_id(validation.id)
    window.menu_actions.archive.trigger()
    assert ctx.store.validation(validation.id).archived
    window.menu_actions.undo.trigger()
    assert not ctx.store.validation(validation.id).archived

    # Changed elsewhere since (another laptop, a CLI command): the undo says so instead.
    window.menu_actions.undo.trigger()  # back to before the edit…
    validations.update_validation(ctx, validation.id, member="Sierra Madre (renamed)")
    errors: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _w, _t, text: errors.append(text))
    window.menu_actions.redo.trigger()  # …and its redo finds another name there now
    assert ctx.store.validation(validation.id).member.name == "Sierra Madre (renamed)"
    assert errors and "changed elsewhere" in errors[0]
