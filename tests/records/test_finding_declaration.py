"""The finding declared once (records/finding.py): Finding, the table, the store's SQL, the
sync Kind, the exchange items and their schema, the JSON view and `finding set` follow it,
and a field added to it shows up in each (the README's "Adding a field to the finding")."""

import dataclasses
import json
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.operations import Operations

from ctpat_desktop import cli as cli_module
from ctpat_desktop.app import AppContext
from ctpat_desktop.records import sql
from ctpat_desktop.records.columns import field_columns
from ctpat_desktop.records.declare import Field, Type
from ctpat_desktop.records.documents import kind_schema, write_schema
from ctpat_desktop.records.domain import Mapper
from ctpat_desktop.records.finding import FINDING, RECORDED
from ctpat_desktop.records.options import given_values
from ctpat_desktop.services import exchange, validations, views
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.store import FindingRecord, database, tables
from ctpat_desktop.store.driver import connect, sqlite
from ctpat_desktop.sync import protocol
from ctpat_desktop.worksheet import rules
from ctpat_desktop.worksheet.model import (
    FINDING_FIELDS,
    FINDING_MAP,
    Finding,
    FindingStatus,
    Verification,
)

SCHEMA = Path(__file__).resolve().parents[2] / "resources" / "schema"
KEY = bytes(range(32))
VALIDATION = "6e8409a7-0b19-4066-8f86-2877b9752b7d"
NAMES = [f.name for f in FINDING.fields]


def _every_field_set() -> Finding:
    """A finding with no field at its empty value (made from the declaration, so a field
    declared later is set too)."""
    values: dict[str, Any] = {}
    for f in FINDING.fields:
        if f.type is Type.TEXT:
            sample = "4.8" if f.pattern else (f.choices[-1] if f.choices else f"the {f.label}")
        elif f.type is Type.CODES:
            sample = ["b", "a"]
        elif f.type is Type.DATE:
            sample = "2026-06-01"
        elif f.type is Type.BOOL:
            sample = False  # empty is None: False is a value too
        elif f.type is Type.INT:
            sample = f.int_choices[-1] if f.int_choices else (f.minimum or 0) + 1
        else:
            raise AssertionError(f"no sample for a {f.type} field ({f.name})")
        assert sample != f.empty(), f.name
        values[f.name] = sample
    return FINDING_MAP.from_values(values)


def test_finding_holds_exactly_the_declared_fields_and_vocabularies() -> None:
    assert [f.name for f in dataclasses.fields(Finding)] == NAMES
    assert FINDING_FIELDS == RECORDED == tuple(NAMES[1:])
    by_name = FINDING.by_name
    assert by_name["status"].choices == tuple(s.value for s in FindingStatus)
    assert by_name["verified"].choices == tuple(v.value for v in Verification)
    assert by_name["extension_days"].int_choices == rules.EXTENSION_DAYS
    assert {f.name for f in FINDING.fields if f.multiline} == set(rules.TEXT_FIELDS)
    assert {f.max_length for f in FINDING.fields if f.multiline} == {rules.MAX_TYPED}
    # A Finding made without a field holds the value the declaration calls empty.
    empty = {f.name: f.empty() for f in FINDING.fields}
    assert FINDING_MAP.values(Finding("4.8")) == empty | {"criterion": "4.8"}

    # `finding set` passes every option by name to the service, whose keywords are the
    # declared fields: none missing, none of its own.
    assert set(validations._FIELD_PARSERS) == set(RECORDED)
    assert set(validations._CLEARABLE) == {f.name for f in FINDING.fields if f.nullable}

    @dataclasses.dataclass(frozen=True)
    class Shorter:
        criterion: str
        status: str

    with pytest.raises(ValueError, match="Shorter holds criterion, status; the finding"):
        Mapper(FINDING, Shorter)


def test_the_sync_kind_is_protocol_v1s_finding() -> None:
    """Derived from the declaration, the finding's Kind is the one laptops and hubs of
    earlier releases speak."""
    text, text_null = (str, False), (str, True)
    v1 = {
        "validation_id": text,
        "criterion": text,
        "status": text,
        "reasons": text,
        "unmet_parts": text,
        "verified": text_null,
        "note": text,
        "report_text": text,
        "action": text,
        "due": text_null,
        "profile_answer": text,
        "response_implemented": (bool, True),
        "response_note": text,
        "extension_days": (int, True),
        "extension_reason": text,
        "response_accepted": (bool, True),
    }
    kind = protocol.KIND_BY_NAME["finding"]
    assert list(kind.fields.items()) == list(v1.items())
    assert (kind.table, kind.scope, kind.immutable) == ("findings", "validation_id", False)
    assert kind.added == {"unmet_parts": "[]"}
    assert protocol.FIXED_FIELDS["finding"] == ("validation_id", "criterion")


def test_the_table_and_the_exchange_schema_are_the_declarations() -> None:
    columns = [c.name for c in tables.findings.columns]
    assert columns[:2] == ["id", "validation_id"]
    assert columns[2 : 2 + len(NAMES)] == NAMES
    schema = json.loads((SCHEMA / "validation-exchange.schema.json").read_text())
    assert schema["properties"]["findings"] == kind_schema(FINDING), (
        "run `python -m ctpat_desktop.records` to bring the schema up to date"
    )
    assert "findings" in schema["required"]  # in every file since the first format


@pytest.fixture
def session(ctx: AppContext) -> ValidationSession:
    validation = plan_validation(
        ctx,
        member="Sierra Madre Textiles",
        account="MX-40117",
        entity="foreign-manufacturer",
        mode="virtual",
        on=date(2026, 3, 10),
        scss="Laura Méndez",
    )
    return ValidationSession(ctx, validation.id)


def test_every_declared_field_goes_through_the_store_the_view_and_the_file(
    ctx: AppContext, session: ValidationSession
) -> None:
    sample = _every_field_set()
    ctx.store.change_finding(session.id, "4.8", lambda old: sample, "tester")
    stored = ctx.store.findings(session.id)["4.8"]
    assert stored.finding == sample  # written and read back, every field
    (event,) = [e for e in ctx.store.audit_events(session.id) if e["kind"] == "finding"]
    assert set(json.loads(event["changes"])) == set(NAMES)  # each one audited
    item = exchange._finding_item(stored)
    assert list(item) == [*NAMES, "updated_at", "updated_by"]
    assert FINDING_MAP.from_values(item) == sample
    view = views.finding_view(session.catalog, stored)
    assert {name: view[name] for name in NAMES} == FINDING_MAP.values(sample)


def test_finding_set_has_an_option_for_every_declared_field(cli) -> None:  # type: ignore[no-untyped-def]
    """Before, `finding set` had no --extension-days, --extension-reason,
    --response-accepted nor --clear: only the GUI could set them."""
    made = cli(
        "validation", "new", "--member", "Acme", "--account", "US-1", "--entity", "importer",
        "--date", "2026-03-10", "--json",
    )  # fmt: skip
    vid = made.json()["id"]
    base = ("finding", "set", vid, "4.8", "--json")
    done = cli(
        *base, "--status", "not-met", "--reason", "training-gap", "--due", "2026-06-01",
        "--extension-days", "60", "--extension-reason", "Vendor delay",
        "--response-note", "MFA rolled out", "--response-accepted", "yes",
    )  # fmt: skip
    assert done.code == 0, done.err
    shown = done.json()
    assert (shown["extension_days"], shown["extension_reason"]) == (60, "Vendor delay")
    assert shown["response_accepted"] is True
    cleared = cli(*base, "--clear", "response_accepted", "--clear", "response_note").json()
    assert (cleared["response_accepted"], cleared["response_note"]) == (None, "")
    assert cleared["due"] == "2026-06-01"
    wrong = cli(*base, "--extension-days", "45")
    assert wrong.code == 1 and "an extension is 30, 60, 90 or 120 days" in wrong.err
    both = cli(*base, "--due", "2026-07-01", "--clear", "due")
    assert both.code == 1 and "contradict" in both.err


# A field added to the finding: one declaration (and Finding's attribute, which the Mapper
# holds to it) and one migration; everything else follows.
PHOTOS = Field(
    "photos_shown", Type.INT, "photos shown on screen", nullable=True, minimum=0, maximum=500,
    added=True,
)  # fmt: skip
TOY = dataclasses.replace(FINDING, fields=(*FINDING.fields, PHOTOS))


@dataclasses.dataclass(frozen=True, slots=True)
class ToyFinding(Finding):
    photos_shown: int | None = None


def test_a_field_added_to_the_finding_shows_up_everywhere(
    session: ValidationSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(ValueError, match="declaration"):
        Mapper(TOY, Finding)  # declared, but Finding lacks it: refused at once
    toy_map = Mapper(TOY, ToyFinding)

    # The store's SQL.
    assert ":photos_shown" in sql.insert_sql(TOY)
    assert "photos_shown = :photos_shown" in sql.update_sql(TOY, ["photos_shown"])

    # The sync protocol: typed, and a change from a laptop of today takes its default.
    kind = protocol.declared_kind(TOY)
    assert kind.fields["photos_shown"] == (int, True)
    assert kind.added == {"unmet_parts": "[]", "photos_shown": None}
    monkeypatch.setitem(protocol.KIND_BY_NAME, "finding", kind)
    fields = {"validation_id": VALIDATION, **FINDING_MAP.row(Finding("4.8"))}
    change = {"kind": "finding", "id": VALIDATION, "rev": 1, "seq": 1, "deleted": False}
    change |= {"fields": fields, "updated_at": "2026-03-10T10:00:00Z", "updated_by": "ana"}
    assert protocol.parse_change(change).fields["photos_shown"] is None
    with pytest.raises(protocol.ProtocolError, match="must be int"):
        protocol.check_value(kind, "photos_shown", "3")

    # The exchange file: its items, their schema, and a file of today still read.
    record = FindingRecord(ToyFinding("4.8", photos_shown=3), "2026-03-10T10:00:00Z", "ana", 1)
    monkeypatch.setattr(exchange, "FINDING_MAP", toy_map)
    item = exchange._finding_item(record)
    assert item["photos_shown"] == 3 and toy_map.from_values(item) == record.finding
    older = {k: v for k, v in item.items() if k != "photos_shown"}
    assert toy_map.from_values(older) == ToyFinding("4.8")
    schema = json.loads((SCHEMA / "validation-exchange.schema.json").read_text())
    items = {"$defs": schema["$defs"], **kind_schema(TOY)}
    jsonschema.validate([item, older], items)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([item | {"photos_shown": 501}], items)
    assert schema["properties"]["findings"] != kind_schema(TOY)  # the file must be brought up

    # The JSON view.
    monkeypatch.setattr(views, "FINDING_MAP", toy_map)
    view = views.finding_view(session.catalog, record)
    assert view["photos_shown"] == 3
    assert list(view)[-3:] == ["photos_shown", "updated_at", "updated_by"]

    # `finding set --photos-shown N`.
    monkeypatch.setattr(cli_module, "FINDING", TOY)
    args = cli_module._parser().parse_args(["finding", "set", "X", "4.8", "--photos-shown", "3"])
    assert given_values(TOY, args) == {"photos_shown": 3}
    monkeypatch.undo()
    with pytest.raises(SystemExit):  # (not an option of today's finding)
        cli_module._parser().parse_args(["finding", "set", "X", "4.8", "--photos-shown", "3"])


def test_the_added_field_needs_one_migration_and_the_schema_one_command(tmp_path: Path) -> None:
    database.open_database(tmp_path, KEY).close()
    path = tmp_path / database.DB_FILE
    wanted = sa.MetaData(naming_convention=tables.NAMING_CONVENTION)
    for table in tables.metadata.sorted_tables:
        table.to_metadata(wanted)
    wanted.tables["findings"].append_column(field_columns(TOY)[-1])
    engine = sa.create_engine("sqlite://", module=sqlite, creator=lambda: connect(path, KEY))
    with engine.begin() as conn:
        (missing,) = compare_metadata(MigrationContext.configure(conn), wanted)
        assert missing[0] == "add_column" and missing[3].name == "photos_shown"
        # The migration the README shows.
        with Operations(MigrationContext.configure(conn)).batch_alter_table("findings") as batch:
            batch.add_column(sa.Column("photos_shown", sa.Integer, nullable=True))
        assert compare_metadata(MigrationContext.configure(conn), wanted) == []
    engine.dispose()
    copy = tmp_path / "schema.json"
    copy.write_text((SCHEMA / "validation-exchange.schema.json").read_text())
    assert write_schema(copy, [TOY])  # `python -m ctpat_desktop.records`
    written = json.loads(copy.read_text())["properties"]["findings"]["items"]["properties"]
    assert written["photos_shown"] == {"type": ["integer", "null"], "minimum": 0, "maximum": 500}


def test_the_added_field_is_checked_by_the_hub_and_placed_in_the_worksheet_or_left_out(
    ctx: AppContext, session: ValidationSession, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    from ctpat_desktop.errors import RuleError
    from ctpat_desktop.services.worksheet_io import worksheet_data
    from ctpat_desktop.sync import meaning
    from ctpat_desktop.worksheet import xlsx_fields
    from ctpat_desktop.worksheet.xlsx_export import write_worksheet
    from ctpat_desktop.worksheet.xlsx_import import read_worksheet
    from ctpat_desktop.worksheet.xlsx_layout import ENGLISH

    # The hub's meaning check (sync/meaning.py) follows the declaration: no edit there.
    monkeypatch.setattr(meaning, "FINDING_CHECKS", meaning.finding_checks(TOY, ToyFinding))
    pushed = {"validation_id": VALIDATION, **FINDING_MAP.row(Finding("4.8"))}
    assert meaning.finding_from_fields(pushed) == ToyFinding("4.8")  # a laptop of today's
    shown = ToyFinding("4.8", photos_shown=3)
    assert meaning.finding_from_fields(pushed | {"photos_shown": 3}) == shown
    for wrong, message in ((501, "photos shown must be between 0 and 500"), ("3", "'3'")):
        with pytest.raises(RuleError, match=message):
            meaning.finding_from_fields(pushed | {"photos_shown": wrong})

    # The worksheet: neither given a column nor left out on purpose, a test says so ...
    assert xlsx_fields.unplaced(TOY) == ["photos_shown"]
    left_out = xlsx_fields.NOT_IN_WORKSHEET | {"photos_shown"}
    assert xlsx_fields.unplaced(TOY, excluded=left_out) == []
    # ... and given a column and its header, it goes out to a workbook and comes back.
    layout = (*xlsx_fields.LAYOUT, ("photos_shown", 10))
    assert xlsx_fields.unplaced(TOY, layout) == []
    cells = xlsx_fields.FindingCells(TOY, ToyFinding, layout)
    monkeypatch.setattr(xlsx_fields, "FINDING_CELLS", cells)
    monkeypatch.setitem(ENGLISH.headers, "photos_shown", "Photos shown")  # type: ignore[index]
    data = worksheet_data(ctx, session, "en")
    path = tmp_path / "w.xlsx"
    write_worksheet(path, dataclasses.replace(data, findings={**data.findings, "4.8": shown}))
    read = read_worksheet(path, session.catalog, lambda _language: session.reasons)
    assert read.problems == []
    assert {r.finding.criterion: r.finding for r in read.rows}["4.8"] == shown
    book = load_workbook(path)
    sheet = book["Worksheet"]
    column = next(c.column for c in sheet[1] if c.value == "Photos shown")
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 2).value == "4.8")
    sheet.cell(row, column).value = "three"
    book.save(path)
    read = read_worksheet(path, session.catalog, lambda _language: session.reasons)
    assert [p.message for p in read.problems] == ["'three' is not a whole number"]
