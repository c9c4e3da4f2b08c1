"""The backlog window in the window's language (issue 19): the standing, the entity type, each
risk factor and each reason not to go virtual, and the Excel export made from the window, all
said through the translations, from a real hub's backlog.

Before, the window showed the hub's English sentences as they came, even in Spanish.
"""

import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ctpat_desktop.paths import resources_dir
from ctpat_desktop.services.backlog_xlsx import MEMBER_COLUMNS
from ctpat_desktop.services.sync_io import remember_token
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.ui import i18n
from ctpat_desktop.ui.backlog_window import BacklogWindow
from ctpat_desktop.ui.runner import ImmediateRunner
from tests.hubkit import ServedHub, hub_db_url, hub_server, pg_cluster
from tests.sync.conftest import Laptop, laptop, sync

__all__ = ["hub_db_url", "hub_server", "laptop", "pg_cluster"]

TS = resources_dir() / "translations" / "ctpat_desktop_es.ts"
STANDING, ENTITY = 4, 2  # the table's columns


@pytest.fixture
def window(hub_server: ServedHub, laptop: Laptop, qtbot: QtBot) -> BacklogWindow:
    """A backlog window over a real hub: one member overdue (last validated virtually, with a
    deficiency), one never validated (only planned)."""
    ana = laptop("ana", office="Miami")
    done = plan_validation(
        ana, member="Member US-1", account="US-1", entity="importer", on=date(2020, 1, 15)
    )
    work = ValidationSession(ana, done.id)
    work.record_finding("4.8", status="not-met", reasons=["training-gap"])
    plan_validation(
        ana,
        member="Member US-3",
        account="US-3",
        entity="importer",
        on=date.today() + timedelta(days=20),
    )
    token = hub_server.add_user("ana", "scss", "Miami")
    sync(ana, hub_server.url, token)
    remember_token(hub_server.url, token)
    shown = BacklogWindow(ana, ImmediateRunner())
    qtbot.addWidget(shown)
    return shown


class _Marked(QTranslator):
    """Says every core text as «text»: whatever a window shows through the translation of the
    core's texts is marked, whatever it shows as the hub sent it is not."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return f"«{source}»" if context == i18n.CORE_CONTEXT else None

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def marked(qapp: QApplication) -> Iterator[None]:
    translator = _Marked(qapp)
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[None]:
    assert i18n.install_translations(qapp, resources_dir(), "es") == "es"
    yield
    i18n.install_translations(qapp, resources_dir(), "en")


def _said(item: dict[str, Any], entity: Callable[[str], str] = str) -> str:
    """A reason as the window must say it: its template translated, its values filled."""
    values = dict(item["values"])
    if "entity_name" in values:
        values["entity_name"] = entity(values["entity_name"])
    return i18n.translate(i18n.CORE_CONTEXT, item["message"]).format(**values)


def _reasons(member: dict[str, Any]) -> list[tuple[dict[str, Any], str]]:
    """(reason, its line in the details) of every factor and reason not to go virtual."""
    return [(f, f"  +{f['points']}  ") for f in member["risk"]["factors"]] + [
        (w, "  - ") for w in member["virtual"]["why_not"]
    ]


def test_every_backlog_text_goes_through_the_translation(
    window: BacklogWindow, marked: None, tmp_path: Path
) -> None:
    window.refresh()
    backlog = window.backlog
    assert backlog is not None and len(backlog["members"]) == 2
    standings = {window.model.index(r, STANDING).data() for r in range(2)}
    assert standings == {"«overdue»", "«never validated»"}
    templates = set()
    for member in backlog["members"]:
        lines = window.explain(member).splitlines()
        for reason, lead in _reasons(member):
            assert lead + _said(reason) in lines
            assert (lead + reason["reason"]) not in lines  # never the hub's English as sent
            templates.add(reason["message"])
    assert len(templates) >= 6
    assert window.details.toPlainText() == window.explain(backlog["members"][0])

    target = tmp_path / "marked.xlsx"
    window.export_to(target)
    book = load_workbook(target)
    assert book.sheetnames == ["«Backlog»", "«Risk factors»", "«About»"]
    header = [c.value for c in book["«Backlog»"][1]]
    assert header == [f"«{name}»" for name, _width in MEMBER_COLUMNS]
    standing = header.index("«Standing»")
    assert {r[standing].value for r in book["«Backlog»"].iter_rows(min_row=2)} == standings


def _ts_sources() -> set[str]:
    return {m.findtext("source") or "" for m in ET.parse(TS).getroot().iter("message")}


def test_a_spanish_window_says_the_backlog_in_spanish(
    window: BacklogWindow, spanish: None, tmp_path: Path
) -> None:
    window.refresh()
    backlog = window.backlog
    assert backlog is not None
    members = {m["member"]: m for m in backlog["members"]}
    overdue = members["Member US-1"]
    spanish_entity = i18n.shown_text(overdue["entity_name"])
    assert spanish_entity != overdue["entity_name"]  # "Importadores de EE. UU."
    for row in range(window.model.rowCount()):
        assert window.model.index(row, ENTITY).data() == spanish_entity
        assert window.model.index(row, STANDING).data() in {
            i18n.translate(i18n.CORE_CONTEXT, m["standing"]) for m in members.values()
        }

    templates: dict[str, bool] = {}
    for member in members.values():
        lines = window.explain(member).splitlines()
        for reason, lead in _reasons(member):
            said = _said(reason, i18n.shown_text)
            assert lead + said in lines
            translated = i18n.translate(i18n.CORE_CONTEXT, reason["message"]) != reason["message"]
            templates[reason["message"]] = translated
            if translated:
                assert said != reason["reason"]
    # Every template is in the .ts (make ts) and translated.
    assert set(templates) <= _ts_sources()
    assert all(templates.values()), [t for t, done in templates.items() if not done]

    target = tmp_path / "es.xlsx"
    window.export_to(target)
    book = load_workbook(target)
    sheet = book[book.sheetnames[0]]
    header = [c.value for c in sheet[1]]
    assert header == [i18n.translate(i18n.CORE_CONTEXT, name) for name, _w in MEMBER_COLUMNS]
    cells = {r[1].value: [c.value for c in r] for r in sheet.iter_rows(min_row=2)}
    assert cells["Member US-1"][3] == spanish_entity
    explained = cells["Member US-1"][-1]
    for factor in overdue["risk"]["factors"]:
        assert f"{_said(factor, i18n.shown_text)} (+{factor['points']})" in explained
