"""The windows in Spanish: the .ts sources match the code, every text is translated, and no
window shows English words once the Spanish translations are loaded."""

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QLocale, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QTextEdit,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from ctpat_desktop.app import AppContext
from ctpat_desktop.paths import resources_dir
from ctpat_desktop.services.validations import ValidationSession
from ctpat_desktop.settings import load_settings
from ctpat_desktop.ui import i18n
from ctpat_desktop.ui.dashboard_window import DashboardWindow
from ctpat_desktop.ui.workspace.workspace_window import WorkspaceWindow
from tests.ui.windows import CODE_PATTERN, RECOVERY_CODE, demo_main, demo_workspace, every_window

TS = resources_dir() / "translations" / "ctpat_desktop_es.ts"
LUPDATE = Path(sys.executable).parent / "pyside6-lupdate"
PLACEHOLDER = re.compile(r"\{[A-Za-z_]+\}|%n|%\d")


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) → its <message> element, for every message still in use."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else None
            if kind in ("obsolete", "vanished"):
                continue
            found[(name, message.findtext("source") or "")] = message
    return found


def test_the_ts_file_has_every_text_of_the_code(tmp_path: Path) -> None:
    """A text marked for translation in ctpat_desktop/ui but missing from the .ts (run
    `make ts`, then translate it) fails here, as does one the code no longer has."""
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    ui = Path(i18n.__file__).parent
    options = ["-silent", "-extensions", "py", "-no-obsolete", "-locations", "none"]
    subprocess.run(
        [str(LUPDATE), *options, str(ui), "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    assert set(messages(fresh)) == set(messages(TS))
    assert len(messages(TS)) > 500


def placeholders(text: str) -> list[str]:
    """{name}, %n: what a translation must keep ({Mode} may become {mode} mid-sentence)."""
    return sorted(p.lower() for p in PLACEHOLDER.findall(text))


def test_every_text_has_a_spanish_translation_that_keeps_its_placeholders() -> None:
    problems = []
    for (context, source), message in messages(TS).items():
        translation = message.find("translation")
        assert translation is not None
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        where = f"{context}: {source[:50]!r}"
        if translation.get("type") == "unfinished" or not all(f.strip() for f in forms):
            problems.append(f"{where} is not translated")
            continue
        for form in forms:
            if placeholders(form) != placeholders(source):
                problems.append(f"{where}: placeholders differ in {form!r}")
            if source.count("&") != form.count("&") and "&&" not in source:
                problems.append(f"{where}: the mnemonic (&) is lost in {form!r}")
        if message.get("numerus") == "yes" and len(forms) != 2:
            problems.append(f"{where}: Spanish needs two forms (one, other)")
    assert problems == []


def test_the_language_follows_the_setting_then_the_system() -> None:
    assert i18n.ui_language("", QLocale("es_MX")) == "es"
    assert i18n.ui_language("", QLocale("es_ES")) == "es"
    assert i18n.ui_language("", QLocale("fr_FR")) == "en"  # no French yet: English
    assert i18n.ui_language("en", QLocale("es_MX")) == "en"
    assert i18n.ui_language("es", QLocale("en_US")) == "es"


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[None]:
    assert i18n.translation_file(resources_dir(), "es").is_file(), "run `make translations`"
    assert i18n.install_translations(qapp, resources_dir(), "es") == "es"
    yield
    i18n.install_translations(qapp, resources_dir(), "en")


def test_installing_spanish_translates_and_english_undoes_it(qapp: QApplication) -> None:
    status = i18n.FindingStatus.NOT_MET
    assert i18n.status_label(status) == "Not met"
    assert i18n.install_translations(qapp, resources_dir(), "es") == "es"
    try:
        assert i18n.status_label(status) == "No cumple"
        assert i18n.shown_language() == "es"
        assert i18n.catalog_words(resources_dir()).categories[4] == "Ciberseguridad"
    finally:
        i18n.install_translations(qapp, resources_dir(), "en")
    assert i18n.status_label(status) == "Not met"
    assert i18n.catalog_words(resources_dir()).language == "en"


def test_a_missing_translation_file_leaves_english(qapp: QApplication, tmp_path: Path) -> None:
    assert i18n.install_translations(qapp, tmp_path, "es") == "en"
    assert i18n.status_label(i18n.FindingStatus.MET) == "Met"


# Words that read the same in Spanish, or names that are never translated.
SAME_IN_SPANISH = {
    "CTPAT", "SCSS", "PDF", "WebEx", "Virtual", "Total", "Error", "UTC", "URL", "ID", "IDs",
    "Excel", "PIV", "PKCS", "TSA", "SHA", "CSV", "Token", "Ctrl", "Shift", "Alt", "Tab",
    "Esc", "Enter", "Space", "Del", "Delete", "Backspace", "Home", "End", "PgUp", "PgDown",
    "Up", "Down", "Left", "Right", "Insert", "xlsx", "pdf", "png", "jpg", "jpeg", "json",
    "csv", "https", "http", "example", "hub", "Hub", "Backtab", "Return", "Agenda",
    "English",  # a language's name is written in that language in the language menu
    "CBP", "Terminal",  # the agency's initials; a terminal is a terminal in Spanish too
}  # fmt: skip


def texts_of(window: QWidget) -> list[tuple[str, str]]:
    """(where, text) of every word a window shows or says to a screen reader, in a fixed
    order (the same window built twice gives the same list)."""
    found: list[tuple[str, str]] = [("title", window.windowTitle())]
    for n, widget in enumerate(window.findChildren(QWidget)):
        where = f"{type(widget).__name__}#{n}"
        found += [
            (f"{where}.accessibleName", widget.accessibleName()),
            (f"{where}.accessibleDescription", widget.accessibleDescription()),
            (f"{where}.toolTip", widget.toolTip()),
            (f"{where}.statusTip", widget.statusTip()),
        ]
        if isinstance(widget, QLabel | QAbstractButton):
            found.append((f"{where}.text", widget.text()))
        if isinstance(widget, QGroupBox):
            found.append((f"{where}.title", widget.title()))
        if isinstance(widget, QMenu):
            found.append((f"{where}.title", widget.title()))
        if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
            found.append((f"{where}.placeholder", widget.placeholderText()))
        if isinstance(widget, QTabWidget):
            found += [(f"{where}.tab{i}", widget.tabText(i)) for i in range(widget.count())]
        if isinstance(widget, QComboBox):
            found += [(f"{where}.item{i}", widget.itemText(i)) for i in range(widget.count())]
        header = (
            widget.horizontalHeader()
            if isinstance(widget, QTableView)
            else widget.header()
            if isinstance(widget, QTreeView)
            else None
        )
        if header is not None and not header.isHidden() and header.model() is not None:
            model = header.model()
            found += [
                (f"{where}.header{c}", str(model.headerData(c, Qt.Orientation.Horizontal) or ""))
                for c in range(header.count())
            ]
        if (
            isinstance(widget, QAbstractItemView)
            and not isinstance(widget, QHeaderView)  # its table's model, seen with the table
            and widget.model() is not None
        ):
            tree = isinstance(widget, QTreeView)
            found += [(f"{where}.{c}", text) for c, text in cells_of(widget.model(), tree)]
    for n, action in enumerate(window.findChildren(QAction)):
        found += [
            (f"QAction#{n}.text", action.text()),
            (f"QAction#{n}.toolTip", action.toolTip()),
            (f"QAction#{n}.statusTip", action.statusTip()),
        ]
    return found


_CELL_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleTextRole,
)


def cells_of(
    model: QAbstractItemModel, tree: bool, parent: QModelIndex | None = None, limit: int = 40
) -> list[tuple[str, str]]:
    """The words in the first rows of a list, table or tree (and of its branches)."""
    parent = parent if parent is not None else QModelIndex()
    found = []
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)
    for row in range(min(model.rowCount(parent), limit)):
        for column in range(columns):
            index = model.index(row, column, parent)
            for role in _CELL_ROLES:
                value = model.data(index, role)
                if isinstance(value, str):
                    found.append((f"r{row}c{column}:{int(role)}", value))
        first = model.index(row, 0, parent)
        if tree and model.rowCount(first):
            found += [(f"r{row}/{cell}", text) for cell, text in cells_of(model, tree, first, 5)]
    return found


def english_words(text: str, data: list[str]) -> list[str]:
    """The words of a text that are neither data, nor the same in Spanish, nor a key name."""
    for value in data:
        text = text.replace(value, " ")
    text = re.sub(r"<[^>]+>|&", "", text)  # rich-text tags, mnemonics
    text = re.sub(r"\S+@\S+|\S*[/\\]\S*", " ", text)  # addresses, paths, file names
    words = re.findall(r"[^\W\d_]{2,}", text)  # "Español" is one word, and not English
    return [w for w in words if w.isascii() and w not in SAME_IN_SPANISH]


def shown_data(ctx: AppContext) -> list[str]:
    """Text typed by people (member names, notes…) that no translation touches."""
    # The login dialog's message is the hub's own words (the test passes English ones).
    values = {str(ctx.data_dir), ctx.settings.actor, "The hub refused the token"}
    values |= {str(e["actor"]) for e in ctx.store.audit_events()}  # who: a name, not words
    values |= {RECOVERY_CODE, CODE_PATTERN}  # a code and its pattern, not words
    for summary in ctx.store.list_validations(include_archived=True):
        v = summary.validation
        values |= {v.member.name, v.member.account, v.scss, v.office, v.webex_url}
        values |= set(v.participants)
        session = ValidationSession(ctx, v.id)
        for record in session.findings().values():
            f = record.finding
            values |= {f.note, f.action, f.report_text, f.profile_answer, f.response_note}
        values |= {e.filename for e in session.evidence()}
        for items in session.visit_records().values():  # sites, people, areas typed
            values |= {v for i in items for v in i.values.values() if isinstance(v, str)}
    return sorted((v for v in values if v), key=len, reverse=True)


def build_all(ctx: AppContext, qtbot: QtBot, demo: bool) -> list[list[tuple[str, str]]]:
    main = demo_main(ctx, qtbot, demo=demo)
    workspace = demo_workspace(ctx, main, qtbot)
    result = []
    for window in every_window(ctx, main, workspace):
        if not window.isVisible():
            qtbot.addWidget(window)
            window.show()
        if isinstance(window, DashboardWindow):
            window.refresh()  # its figures, verdicts and charts too
        if isinstance(window, WorkspaceWindow):
            texts = []
            for tab in range(window.side_tabs.count()):  # each side panel on top in turn
                window.side_tabs.setCurrentIndex(tab)
                texts += texts_of(window)
            result.append(texts)
        else:
            result.append(texts_of(window))
        window.close()
    return result


def test_no_window_shows_an_english_word_in_spanish(
    ctx: AppContext, qtbot: QtBot, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(WorkspaceWindow, "confirm_discard", lambda _w, _unsaved: True)
    english = build_all(ctx, qtbot, demo=True)
    assert i18n.install_translations(qapp, resources_dir(), "es") == "es"
    try:
        spanish = build_all(ctx, qtbot, demo=False)
    finally:
        i18n.install_translations(qapp, resources_dir(), "en")
    data = shown_data(ctx)
    untranslated = []
    for en_window, es_window in zip(english, spanish, strict=True):
        assert [where for where, _ in en_window] == [where for where, _ in es_window]
        for (where, en), (_, es) in zip(en_window, es_window, strict=True):
            if es == en and english_words(es, data):
                untranslated.append(f"{en_window[0][1]} {where}: {es[:70]!r}")
    assert untranslated == [], "\n".join(untranslated)
    assert len(english) == 19


def test_the_checker_sees_english_and_lets_data_and_names_through() -> None:
    data = ["Transportes del Bajío S.A. de C.V."]
    assert english_words("Save the finding", data) == ["Save", "the", "finding"]
    assert english_words("Transportes del Bajío S.A. de C.V. · CTPAT · 12 %", data) == []
    assert english_words("/tmp/data/evidence.png https://hub.example:8765", data) == []
    assert english_words("Inglés · Español", data) == []


def test_the_app_starts_in_the_chosen_language(
    ctx: AppContext, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ctpat_desktop.ui import main as gui

    titles: list[str] = []
    real_show = gui.MainWindow.show

    def show(window: gui.MainWindow) -> None:
        titles.append(window.menuBar().actions()[0].text())  # the File menu
        real_show(window)

    monkeypatch.setattr(gui.MainWindow, "show", show)
    ctx.settings = replace(ctx.settings, language="es")
    try:
        assert gui.run_gui(ctx, quit_after=0.05) == 0
        assert i18n.shown_language() == "es"
        assert QLocale().language() == QLocale.Language.Spanish
    finally:
        i18n.install_translations(qapp, resources_dir(), "en")
        QLocale.setDefault(QLocale("en_US"))
    ctx.settings = replace(ctx.settings, language="en")
    assert gui.run_gui(ctx, quit_after=0.05) == 0
    assert titles == ["&Archivo", "&File"]


def test_choosing_a_language_keeps_it_for_the_next_start(
    ctx: AppContext, qtbot: QtBot, data_dir: Path
) -> None:
    window = demo_main(ctx, qtbot, demo=False)
    menu = window.language
    assert menu.current() == ""  # the system's, by default
    assert menu.actions[""].text().startswith("System default (")
    menu.actions["es"].trigger()
    assert load_settings(data_dir).language == "es" and ctx.settings.language == "es"
    assert menu.notice is not None and "Español" in menu.notice.text()
    menu.notice.close()
    assert i18n.shown_language() == "en"  # this session's windows stay as they are


def test_the_dashboard_writes_decimals_as_the_language_does(qapp: QApplication) -> None:
    from ctpat_desktop.ui.rows_model import RowsModel

    model = RowsModel(["Name", "Percent"])
    model.set_rows([("Ciberseguridad", 21.05)])
    QLocale.setDefault(QLocale("es"))  # as run_gui sets it for Spanish windows
    try:
        assert model.index(0, 1).data() == "21,05"
    finally:
        QLocale.setDefault(QLocale("en_US"))
    assert model.index(0, 1).data() == "21.05"


def test_the_stores_passphrase_questions_are_asked_in_spanish(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The questions come from the store in English; every one it asks is translated."""
    from ctpat_desktop.store import keys
    from ctpat_desktop.ui.main import shown_prompt

    monkeypatch.delenv("CTPAT_DB_PASSPHRASE")
    asked: list[str] = []

    def answer(prompt: str) -> str:
        asked.append(prompt)
        return "a passphrase of the test"

    folder = tmp_path / "datos de campo"
    keys.create_key(folder, answer, use_passphrase=True)
    keys.load_key(folder, answer)
    assert len(asked) == 3  # choose, again, then to open
    assert shown_prompt(asked[2]) == asked[2]  # English: as the store asks
    assert i18n.install_translations(qapp, resources_dir(), "es") == "es"
    try:
        spanish = [shown_prompt(prompt) for prompt in asked]
    finally:
        i18n.install_translations(qapp, resources_dir(), "en")
    assert all(shown != english for shown, english in zip(spanish, asked, strict=True))
    assert spanish[2] == f"Frase de contraseña de la carpeta de datos {folder}"


def test_every_rule_a_finding_can_break_is_said_in_spanish(qapp: QApplication) -> None:
    from ctpat_desktop.ui.i18n import _RULES, error_text
    from tests.worksheet.test_rules import BROKEN_RULES, broken

    assert set(BROKEN_RULES) == set(_RULES)  # a new rule needs its words in the windows
    english = {code: error_text(broken(code)) for code in BROKEN_RULES}
    assert english["exceeds-needs-note"] == str(broken("exceeds-needs-note"))
    assert i18n.install_translations(qapp, resources_dir(), "es") == "es"
    try:
        spanish = {code: error_text(broken(code)) for code in BROKEN_RULES}
    finally:
        i18n.install_translations(qapp, resources_dir(), "en")
    for code, words in spanish.items():
        assert words != english[code] and words.startswith("criterio 4.8: "), code
    assert spanish["control-characters"] == (
        "criterio 4.8: la nota interna contiene caracteres de control"
    )
    assert error_text(ValueError("plain")) == "plain"  # anything else as it is


def test_an_edit_refused_as_stale_is_said_in_spanish(ctx: AppContext, qapp: QApplication) -> None:
    """Before, the store's "changed elsewhere" came up in English in Spanish windows."""
    from ctpat_desktop.errors import StaleEdit
    from ctpat_desktop.services.validations import ValidationSession, plan_validation
    from ctpat_desktop.ui.i18n import error_text

    validation = plan_validation(ctx, member="Acme", account="US-1234", entity="importer")
    session = ValidationSession(ctx, validation.id)
    session.record_finding("4.8", status="met")
    with pytest.raises(StaleEdit) as caught:
        session.record_finding("4.8", status="not-met", reasons=["other"], based_on=0)
    assert error_text(caught.value) == str(caught.value)
    assert i18n.install_translations(qapp, resources_dir(), "es") == "es"
    try:
        spanish = error_text(caught.value)
    finally:
        i18n.install_translations(qapp, resources_dir(), "en")
    assert spanish.startswith("el criterio 4.8 se cambió en otro lugar (por tester)")
