"""The dashboard's anomaly flags, and the backlog's flagged line, in the window's language:
each flag's template through the core's translations, its entity type, status and
categories in the window's words and its numbers written the window's way (as the dashboard
writes its own: "8,3%" in Spanish).

Before, the Anomaly flags tab showed the English sentences of the figures, even in Spanish.
"""

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ctpat_desktop.app import AppContext
from ctpat_desktop.hub.backlog import hub_backlog
from ctpat_desktop.paths import resources_dir
from ctpat_desktop.ui import i18n
from ctpat_desktop.ui.backlog_window import BacklogWindow
from ctpat_desktop.ui.dashboard_window import DashboardWindow
from ctpat_desktop.ui.runner import ImmediateRunner
from ctpat_desktop.worksheet import Lifecycle
from tests.analytics.test_stats import _record, _validation
from tests.hub.test_backlog import TODAY, offices
from tests.hubkit import ServedHub, hub_db_url, hub_server, pg_cluster

__all__ = ["hub_db_url", "hub_server", "offices", "pg_cluster"]

TS = resources_dir() / "translations" / "ctpat_desktop_es.ts"
RATE_ABOVE = (
    "deficiency rate {rate:.1%} ({deficient} of {reviewed} reviewed) is far above the median "
    "of {peers} {entity_name} validations ({median:.1%}; robust z-score {z:+.1f})"
)
NEVER_REVIEWED = "the validation is {status} but categories {categories} were never reviewed"
TOO_FAST = (
    "{edits} findings were recorded one by one in {seconds:.0f} seconds ({each:.1f} s each), "
    "faster than a criterion can be walked on a call"
)
# Spanish for the flags, standing in for the lead's translations until `make ts` puts the
# templates in the .ts file (then the real ones are checked too).
STAND_IN = {
    RATE_ABOVE: (
        "tasa de deficiencias {rate:.1%} ({deficient} de {reviewed} revisados), muy por encima "
        "de la mediana de {peers} validaciones de {entity_name} ({median:.1%}; z {z:+.1f})"
    ),
    NEVER_REVIEWED: "la validación está {status} pero nunca se revisaron {categories}",
    TOO_FAST: "{edits} hallazgos en {seconds:.0f} segundos ({each:.1f} s cada uno)",
}


@pytest.fixture
def window(ctx: AppContext, qtbot: QtBot) -> DashboardWindow:
    """A dashboard over validations with the three kinds of flag: one importer finding far
    more than its six peers, one in review with most categories never reviewed, one whose
    findings were recorded faster than a call allows."""
    ids = [c.id for c in ctx.catalogs.catalog("importer").criteria]
    for n in range(6):
        s = _validation(ctx, f"US-01{n:02d}", "importer", "in-person", date(2026, 5, n + 1))
        deficient = 12 if n == 5 else 1
        _record(
            s,
            *(
                (cid, "not-met" if i < deficient else "met", ["other"] if i < deficient else [])
                for i, cid in enumerate(ids[:12])
            ),
        )
    complete = _validation(ctx, "US-0200", "importer", "virtual", date(2026, 6, 1))
    _record(complete, ("1.1", "met", []))
    ctx.store.set_status(complete.id, Lifecycle.IN_REVIEW, "tester")
    fast = _validation(ctx, "US-0300", "importer", "virtual", date(2026, 6, 2))
    for cid in ids[:25]:
        fast.record_finding(cid, status="met")
    shown = DashboardWindow(ctx, ImmediateRunner())
    qtbot.addWidget(shown)
    return shown


class _Marked(QTranslator):
    """Says every core text as «text»: what a window shows through the translation of the
    core's texts is marked, what it shows as the figures wrote it is not."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return f"«{source}»" if context == i18n.CORE_CONTEXT else None

    def isEmpty(self) -> bool:
        return False


class _StandIn(QTranslator):
    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return STAND_IN.get(source) if context == i18n.CORE_CONTEXT else None

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def marked(qapp: QApplication) -> Iterator[None]:
    translator = _Marked(qapp)
    qapp.installTranslator(translator)
    QLocale.setDefault(QLocale("en_US"))  # as run_gui sets it for English windows
    yield
    qapp.removeTranslator(translator)


def _spanish(qapp: QApplication, translator: QTranslator | None) -> Iterator[None]:
    assert i18n.install_translations(qapp, resources_dir(), "es") == "es"
    QLocale.setDefault(QLocale("es"))  # as run_gui sets it for Spanish windows
    if translator is not None:
        qapp.installTranslator(translator)  # asked before the app's own
    yield
    if translator is not None:
        qapp.removeTranslator(translator)
    i18n.install_translations(qapp, resources_dir(), "en")
    QLocale.setDefault(QLocale("en_US"))


@pytest.fixture
def spanish_stand_in(qapp: QApplication) -> Iterator[None]:
    yield from _spanish(qapp, _StandIn(qapp))


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[None]:
    yield from _spanish(qapp, None)


def _items(window: DashboardWindow) -> list[str]:
    return [window.anomalies.item(row).text() for row in range(window.anomalies.count())]


def _flags(window: DashboardWindow) -> list[tuple[str, dict[str, Any]]]:
    """(the list's lead for it, the flag) of every flag of the figures shown, in order."""
    assert window.figures is not None
    return [
        (f"{row['date']}  {row['member']} ({row['entity']}): ", flag)
        for row in window.figures["anomalies"]
        for flag in row["flags"]
    ]


def test_every_flag_shown_goes_through_the_translation(
    window: DashboardWindow, marked: None
) -> None:
    window.refresh()
    flags = _flags(window)
    assert {flag["code"] for _lead, flag in flags} == {
        "deficiency_rate",
        "categories_not_reviewed",
        "too_fast",
    }
    items = _items(window)
    assert len(items) == len(flags)
    for item, (lead, flag) in zip(items, flags, strict=True):
        assert item.startswith(lead + "«") and item.endswith("»"), item
        assert item != lead + flag["reason"]  # never the figures' English as they came
    english = {"status": "in review", "entity_name": "U.S. Importers"}  # an English window's
    for item, (lead, flag) in zip(items, flags, strict=True):
        if flag["code"] == "categories_not_reviewed":
            assert item.startswith(
                lead + "«the validation is in review but categories 2. Risk Assessment, "
            )
        else:
            assert item == lead + f"«{flag['message']}»".format(**(flag["values"] | english))


def test_a_spanish_window_says_the_flags_in_spanish(
    window: DashboardWindow, spanish_stand_in: None
) -> None:
    window.refresh()
    said = {
        flag["code"]: item
        for item, (_lead, flag) in zip(_items(window), _flags(window), strict=True)
    }
    words = i18n.catalog_words()
    assert said["deficiency_rate"].endswith(
        "tasa de deficiencias 100,0% (12 de 12 revisados), muy por encima de la mediana de 7 "
        f"validaciones de {i18n.shown_text('U.S. Importers')} (8,3%; z +5,1)"
    )
    in_review = i18n.lifecycle_label(Lifecycle.IN_REVIEW)
    assert in_review != "in review"
    categories = ", ".join(f"{n}. {words.categories[n]}" for n in range(2, 13))
    assert said["categories_not_reviewed"].endswith(
        f"la validación está {in_review} pero nunca se revisaron {categories}"
    )
    assert words.categories[2] not in said["deficiency_rate"]
    assert "Risk Assessment" not in said["categories_not_reviewed"]
    assert re.search(r": 25 hallazgos en \d+ segundos \(\d+,\d s cada uno\)$", said["too_fast"])


def _ts_sources() -> set[str]:
    return {m.findtext("source") or "" for m in ET.parse(TS).getroot().iter("message")}


def test_once_translated_the_flags_have_their_spanish(
    window: DashboardWindow, spanish: None
) -> None:
    """Every flag's template is in the .ts (make ts) and translated."""
    window.refresh()
    templates = {flag["message"] for _lead, flag in _flags(window)}
    assert templates and templates <= _ts_sources()
    for template in templates:
        assert i18n.translate(i18n.CORE_CONTEXT, template) != template, template
    for item, (lead, flag) in zip(_items(window), _flags(window), strict=True):
        assert item != lead + flag["reason"]


def test_the_backlog_window_says_the_flagged_line_in_spanish(
    offices: ServedHub, ctx: AppContext, qtbot: QtBot, spanish_stand_in: None
) -> None:
    backlog = hub_backlog(offices.hub, None, today=TODAY)
    acme = next(m for m in backlog["members"] if m["member"] == "Acme Imports")
    window = BacklogWindow(ctx, ImmediateRunner())
    qtbot.addWidget(window)
    flagged = next(f for f in acme["risk"]["factors"] if f["factor"] == "anomalies")
    (flag,) = flagged["flags"]
    words = i18n.catalog_words()
    categories = ", ".join(
        f"{n}. {words.categories[n]}" for n in flag["values"]["category_numbers"]
    )
    signed = i18n.lifecycle_label(Lifecycle.SIGNED)
    lead = i18n.translate(i18n.CORE_CONTEXT, "the last validation was flagged: {flags}")
    line = lead.format(flags=f"la validación está {signed} pero nunca se revisaron {categories}")
    assert f"  +{flagged['points']}  {line}" in window.explain(acme).splitlines()
