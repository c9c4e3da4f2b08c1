"""The audit trail's words: plain English by default (as before), and in the windows'
language every word of a row comes from the words object, none left in raw English."""

import csv
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from ctpat_desktop.app import AppContext
from ctpat_desktop.catalog.model import Reason
from ctpat_desktop.services.audit_view import (
    CSV_HEADERS,
    PLAIN_WORDS,
    AuditWords,
    audit_row,
    change_lines,
    load_audit_trail,
    what_text,
    write_audit_csv,
)
from ctpat_desktop.services.demo import create_demo
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.store import audit
from ctpat_desktop.sync.protocol import KINDS
from ctpat_desktop.ui import audit_words as shown_words
from ctpat_desktop.ui import i18n
from ctpat_desktop.ui.audit_window import AuditWindow
from ctpat_desktop.ui.audit_words import ShownAuditWords, audit_words
from ctpat_desktop.ui.runner import ImmediateRunner
from ctpat_desktop.worksheet.model import FINDING_FIELDS
from tests.conftest import approve

RECORD = "0f6b2c1e-aaaa-4bbb-8ccc-123456789abc"
# Stored values that are codes or the app's own sentences: shown as words, never as stored.
CODED = {"status", "mode", "verified", "entity", "reasons", "kept", "language", "why", "document"}


def _append(
    ctx: AppContext, validation_id: str | None, kind: str, action: str, /, **changes: Any
) -> None:
    """An event chained as the store chains it, of a shape the services make elsewhere."""
    with ctx.store.transaction() as conn:
        audit.append_event(
            conn,
            at="2026-02-01T09:30:00.000000Z",
            actor="Lee Colleague",
            action=action,
            kind=kind,
            record_id=RECORD,
            validation_id=validation_id,
            changes=changes,
        )


@pytest.fixture
def events(ctx: AppContext) -> list[dict[str, Any]]:
    """The demo's events, a validation worked past its approval, and one event of every
    other shape the store and the sync write (as they write them)."""
    create_demo(ctx)
    validation = plan_validation(ctx, member="Acme Imports", account="US-1234", entity="importer")
    session = ValidationSession(ctx, validation.id)
    session.record_finding("1.1", status="not-met", reasons=["no-written-procedure"], note="Seals")
    approve(ctx, validation.id)
    session.record_finding("1.1", status="met", verified="document-verified")
    v = validation.id
    _append(ctx, v, "validation", "update", archived=[False, True], participants=[None, '["Ana"]'])
    _append(ctx, v, "validation", "return", status=["in-review", "in-progress"], reason="Redo 4.8")
    _append(ctx, v, "validation", "approve", status=["in-review", "approved"], note="Fine")
    _append(
        ctx,
        v,
        "validation",
        "sign",
        status=["approved", "signed"],
        report_version=1,
        sha256="ab12cd34",
        signer="Laura Méndez",
    )
    _append(ctx, v, "validation", "reopen", status=["signed", "in-review"], reason="Typo")
    _append(ctx, v, "evidence", "attach", criterion="4.8", filename="seal.jpg", sha256="ab12")
    _append(
        ctx,
        v,
        "finding",
        "update",
        criterion="4.8",
        response_implemented=[None, True],
        response_accepted=[None, False],
        response_note=["", "Done"],
        extension_days=[None, 30],
        extension_reason=["", "Parts late"],
        profile_answer=["", "Yes, we do"],
        report_text=["", "Seals are logged"],
        action=["", "Log seals"],
        due=[None, "2026-06-01"],
    )
    _append(
        ctx,
        v,
        "finding",
        "resolve",
        kept="theirs",
        fields={
            "status": {"mine": "met", "theirs": "not-met", "by": "Sam Supervisor"},
            "reasons": {"mine": "[]", "theirs": '["no-evidence"]', "by": None},
        },
    )
    _append(
        ctx,
        v,
        "finding",
        "resolve",
        kept="mine",
        fields={"verified": {"mine": "described", "theirs": "other", "by": "Sam Supervisor"}},
    )
    _append(ctx, None, "member", "sync", name=["Acme", "Acme Imports"], deleted=[False, True])
    _append(ctx, None, "catalog", "sync", document="pinned catalog received from the hub")
    _append(
        ctx,
        v,
        "report",
        "sync",
        validation_id=[None, v],
        version=[None, 1],
        sha256=[None, "ab12cd34"],
        signer=[None, "Laura Méndez"],
        signed_at=[None, "2026-02-01T09:30:00Z"],
        file_name=[None, "report-v1.pdf"],
        language=[None, "es"],
    )
    _append(
        ctx,
        v,
        "evidence",
        "sync",
        validation_id=[None, v],
        criterion=[None, "4.8"],
        sha256=[None, "ab12"],
        filename=[None, "seal.jpg"],
        media_type=[None, "image/jpeg"],
        captured_at=[None, "2026-02-01T09:30:00Z"],
        captured_by=[None, "Lee Colleague"],
    )
    _append(
        ctx,
        v,
        "validation",
        "sync",
        office=["", "Laredo"],
        webex_url=["", "https://example.webex.com/meet/x"],
        scss=["Ann", "Laura Méndez"],
        created_at=[None, "2026-02-01T09:30:00Z"],
        updated_at=["2026-01-01T00:00:00Z", "2026-02-01T09:30:00Z"],
        member_id=[None, RECORD],
        mode=["virtual", "in-person"],
    )
    _append(ctx, v, "finding", "sync", criterion="4.8", updated_by=["", "Lee Colleague"])
    return ctx.store.audit_events()


# Plain English, as before -----------------------------------------------------------


def test_the_default_words_read_as_they_always_have(events: list[dict[str, Any]]) -> None:
    created = next(e for e in events if e["kind"] == "validation" and e["action"] == "create")
    entity = json.loads(created["changes"])["entity"][1]
    lines = change_lines("validation", created["changes"], None)
    assert lines[:3] == ["status: — → planned", "archived: — → no", "catalog version: — → 2023.2"]
    assert f"entity: — → {entity.replace('-', ' ')}" in lines
    assert change_lines("validation", created["changes"], None, PLAIN_WORDS) == lines
    assert what_text("finding", RECORD, {"criterion": "4.8"}) == "finding 4.8"
    assert what_text("validation", "b8cdcfac-1234", {}) == "validation b8cdcfac"
    resolved = next(e for e in events if e["action"] == "resolve")
    assert change_lines("finding", resolved["changes"], None) == [
        "reasons: — → no evidence (took the hub's, by the hub)",
        "status: met → not met (took the hub's, by Sam Supervisor)",
    ]
    mine = [e for e in events if e["action"] == "resolve"][1]
    assert change_lines("finding", mine["changes"]) == [
        "verified: kept described; set aside other (by Sam Supervisor)"
    ]
    assert change_lines("finding", '{"criterion": "4.8"}') == ["no visible change"]
    assert CSV_HEADERS == (
        "Event",
        "When (local)",
        "When (UTC)",
        "Who",
        "Action",
        "Kind",
        "Record",
        "Validation",
        "What",
        "Old → New",
    )


def test_a_validation_no_longer_listed_is_named_by_its_id(ctx: AppContext) -> None:
    _append(ctx, "deadbeef-0000-4000-8000-000000000000", "validation", "update", note=["", "x"])
    trail = load_audit_trail(ctx)
    assert dict(trail.validations)["deadbeef-0000-4000-8000-000000000000"] == (
        "Validation deadbeef (no longer listed)"
    )


def test_the_english_window_uses_the_plain_words(ctx: AppContext, qtbot: QtBot) -> None:
    assert audit_words(ctx.catalogs) is PLAIN_WORDS
    window = AuditWindow(ctx, ImmediateRunner())
    qtbot.addWidget(window)
    assert window.model.words is PLAIN_WORDS


def test_the_store_records_no_field_without_a_word() -> None:
    """A field a record gains (a new column synced or audited) needs its word here."""
    # A pinned catalog's event records only its "document" (sync/local.py).
    synced = {name for kind in KINDS if kind.name != "catalog" for name in kind.fields}
    recorded = synced | set(FINDING_FIELDS) | {"document"}
    recorded |= {"deleted", "updated_at", "updated_by", "why", "reason", "note"}
    recorded |= {"report_version", "signer", "kept", "fields"}
    assert recorded <= set(shown_words._FIELDS)
    assert {kind.name for kind in KINDS} <= set(shown_words._KINDS)


def test_the_sentences_the_app_stores_are_the_ones_translated(
    events: list[dict[str, Any]],
) -> None:
    why = {json.loads(e["changes"]).get("why") for e in events} - {None}
    assert why and why <= set(shown_words._SENTENCES)
    sync = Path(shown_words.__file__).parent.parent / "sync" / "local.py"
    assert '"pinned catalog received from the hub"' in sync.read_text(encoding="utf-8")


# Every word from the words object ---------------------------------------------------


class MarkingTranslator(QTranslator):
    """Puts «» around every word of every text asked for; {placeholders} stay as they are."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return re.sub(
            r"\{\w+\}|[^\W\d_][\w']*",
            lambda m: m.group() if m.group().startswith("{") else f"«{m.group()}»",
            source,
        )

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def marked(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every Qt translation marked; the catalogs' reason labels and entity names too."""

    def reasons(found: tuple[Reason, ...]) -> tuple[Reason, ...]:
        return tuple(replace(r, label=f"«{r.label}»") for r in found)

    monkeypatch.setattr(shown_words, "shown_reasons", reasons)
    monkeypatch.setattr(shown_words, "shown_text", lambda english: f"«{english}»")
    translator = MarkingTranslator()
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


def _data(event: dict[str, Any]) -> list[str]:
    """The event's data (names, notes, IDs, dates…): every stored text but the codes."""
    found = {event["record_id"], event["record_id"][:8]}

    def collect(value: Any) -> None:
        if isinstance(value, str):
            found.add(value)
            if value.startswith("["):
                collect(json.loads(value))
        elif isinstance(value, list | tuple):
            for item in value:
                collect(item)
        elif isinstance(value, dict):
            for key, item in value.items():
                if key not in CODED:
                    collect(item)

    changes = json.loads(event["changes"])
    if isinstance(changes.get("fields"), dict):
        for settled in changes["fields"].values():
            collect(settled.get("by"))
    else:
        collect(changes)
    return sorted((v for v in found if v), key=len, reverse=True)


def _raw_words(text: str, data: list[str]) -> list[str]:
    text = re.sub(r"«[^«»]*»", " ", text)
    for value in data:
        text = text.replace(value, " ")
    return re.findall(r"[^\W\d_]+", text)


def test_every_word_of_every_row_comes_from_the_words(
    ctx: AppContext, events: list[dict[str, Any]], marked: None
) -> None:
    words = ShownAuditWords(ctx.catalogs)
    shapes = set()
    for event in events:
        row = audit_row(event, words)
        lines = change_lines(row.kind, row.changes, None, words)
        data = _data(event)
        for text in [row.what, *lines, words.kind(row.kind), words.action(row.action)]:
            assert _raw_words(text, data) == [], (event["kind"], event["action"], text)
        assert "«" in row.what and all("«" in line for line in lines)
        shapes.add((row.kind, row.action))
    demo = {("member", "create"), ("validation", "create"), ("finding", "import")}
    assert demo | {("validation", "status"), ("validation", "approval withdrawn")} <= shapes
    headers = words.csv_headers()
    assert len(headers) == len(CSV_HEADERS)
    assert all(_raw_words(h, []) == [] for h in headers)
    assert _raw_words(words.unlisted_validation("deadbeef"), ["deadbeef"]) == []
    assert words.yes_no(True) == "«yes»" and words.yes_no(False) == "«no»"


def test_codes_become_the_words_of_the_app_and_of_the_catalogs(
    ctx: AppContext, marked: None
) -> None:
    words = ShownAuditWords(ctx.catalogs)
    assert words.value("status", "not-met") == "«Not» «met»"  # the finding's status word
    assert words.value("status", "in-review") == "«in» «review»"  # the validation's
    assert words.value("mode", "in-person") == "«In» «person»"
    assert words.value("verified", "described") == "«Described» «by» «the» «member»"
    assert words.value("reasons", "no-evidence") == "«No evidence of implementation»"
    assert words.value("entity", "importer") == "«U.S. Importers»"
    assert words.value("language", "es") == "«Spanish»"
    assert words.value("kept", "theirs") == "«theirs»"
    assert words.field("catalog_version") == "«catalog» «version»"
    assert words.action("approval withdrawn") == "«approval» «withdrawn»"
    # What the tables do not know reads as the plain words do.
    assert words.value("status", "on-hold") == "on hold"
    assert words.value("reasons", "made-up") == "made up"
    assert words.value("note", "a-b") == "a-b"
    assert words.field("brand_new") == "brand new"
    assert words.kind("gadget") == "gadget"
    assert words.action("teleport") == "teleport"


# The window in Spanish -------------------------------------------------------------

SPANISH = {
    "AuditWords": {
        "status": "estado",
        "reasons": "motivos",
        "entity": "tipo de entidad",
        "finding": "hallazgo",
        "validation": "validación",
        "finding {criterion}": "hallazgo {criterion}",
        "Kind": "Tipo",
        "Old {arrow} New": "Anterior {arrow} Nuevo",
        "Validation {id} (no longer listed)": "Validación {id} (ya no figura en la lista)",
        "{field}: {mine} {arrow} {theirs} (took the hub's, by {by})": (
            "{field}: {mine} {arrow} {theirs} (se tomó el del servidor central, por {by})"
        ),
    },
    "Vocabulary": {
        "Not reviewed": "Sin revisar",
        "Met": "Cumple",
        "Not met": "No cumple",
        "import": "importar",
    },
}


@pytest.fixture
def spanish(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    """A few Spanish translations, compiled as `make translations` does, installed."""
    contexts = "".join(
        f"<context><name>{name}</name>"
        + "".join(
            f"<message><source>{escape(s)}</source><translation>{escape(t)}</translation></message>"
            for s, t in texts.items()
        )
        + "</context>"
        for name, texts in SPANISH.items()
    )
    ts = tmp_path / "es.ts"
    ts.write_text(
        f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        f'<TS version="2.1" language="es">{contexts}</TS>\n',
        encoding="utf-8",
    )
    qm = i18n.translation_file(tmp_path, "es")
    qm.parent.mkdir()
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)
    assert i18n.install_translations(qapp, tmp_path, "es") == "es"
    yield
    i18n.install_translations(qapp, tmp_path, "en")


def test_the_spanish_window_shows_and_exports_spanish_words(
    ctx: AppContext,
    events: list[dict[str, Any]],
    spanish: None,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = AuditWindow(ctx, ImmediateRunner())
    qtbot.addWidget(window)
    assert isinstance(window.model.words, ShownAuditWords)
    rows = {row.seq: n for n, row in enumerate(window.model.rows())}

    def cell(event: dict[str, Any], column: int) -> str:
        return str(window.model.index(rows[event["seq"]], column).data())

    met = next(e for e in events if '"status": ["not-reviewed", "met"]' in e["changes"])
    criterion = json.loads(met["changes"])["criterion"]
    assert cell(met, 4) == f"hallazgo {criterion}"
    assert cell(met, 5).startswith("estado: Sin revisar → Cumple")
    assert cell(met, 3) == "importar"
    lacking = next(e for e in events if '\\"no-written-procedure\\"' in e["changes"])
    assert "motivos: — → Sin procedimiento escrito" in window.describe(
        window.model.rows()[rows[lacking["seq"]]]
    )
    importer = next(e for e in events if '"entity": [null, "importer"]' in e["changes"])
    assert "tipo de entidad: — → Importadores de EE. UU." in cell(importer, 5)
    resolved = next(e for e in events if e["action"] == "resolve")
    assert cell(resolved, 5).endswith(
        "; estado: Cumple → No cumple (se tomó el del servidor central, por Sam Supervisor)"
    )

    window.search.setText(f"HALLAZGO {criterion}")
    assert met["seq"] in {row.seq for row in window.model.rows()}
    assert all(row.kind == "finding" for row in window.model.rows())
    window.search.clear()

    target = tmp_path / "auditoria.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.menu_actions.export_csv.trigger()
    with target.open(encoding="utf-8-sig", newline="") as stream:
        exported = {int(r["Event"]): r for r in csv.DictReader(stream)}
    assert exported[met["seq"]]["Tipo"] == "hallazgo"
    assert exported[met["seq"]]["Action"] == "importar"
    assert exported[met["seq"]]["Anterior → Nuevo"].startswith("estado: Sin revisar → Cumple")


def test_the_words_can_be_anyones(ctx: AppContext, events: list[dict[str, Any]]) -> None:
    """audit_view takes any AuditWords: a subclass changes only what it overrides."""

    class Shouting(AuditWords):
        def field(self, name: str) -> str:
            return name.upper()

    path = ctx.data_dir / "trail.csv"
    trail = load_audit_trail(ctx, Shouting())
    assert write_audit_csv(path, trail.rows, dict(trail.validations), Shouting()) == len(events)
    text = path.read_text(encoding="utf-8-sig")
    assert "STATUS: — → planned" in text and "Old → New" in text
