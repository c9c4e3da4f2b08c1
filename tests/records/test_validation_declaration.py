"""The validation declared once (records/validation.py): the store's columns, the JSON view,
the exchange file's head and its schema, the sync Kind and its meaning check, and the options
of `validation new`/`edit` follow it, and a field added to it shows up in each (the README's
"Adding a field to the validation")."""

import argparse
import dataclasses
import inspect
import json
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from ctpat_desktop import cli as cli_module
from ctpat_desktop.app import AppContext
from ctpat_desktop.errors import RuleError
from ctpat_desktop.records.columns import field_columns
from ctpat_desktop.records.declare import Declaration, Field, Type
from ctpat_desktop.records.documents import kind_schema
from ctpat_desktop.records.domain import Mapper
from ctpat_desktop.records.options import add_options, given_values
from ctpat_desktop.records.validation import (
    ACCOUNT_PATTERN,
    DECLARED,
    DETAILS,
    MODES,
    STATUSES,
    Detail,
    Edit,
    ValidationKind,
)
from ctpat_desktop.records.validation_map import ValidationMap
from ctpat_desktop.records.values import check, from_row, to_row
from ctpat_desktop.services import exchange, validations, views
from ctpat_desktop.store import repository, tables
from ctpat_desktop.sync import meaning, protocol
from ctpat_desktop.worksheet.model import Lifecycle, Member, Mode, Validation

SCHEMA = Path(__file__).resolve().parents[2] / "resources" / "schema"
SHAPES = Path(__file__).parent / "validation_shapes"
VALIDATION = "6e8409a7-0b19-4066-8f86-2877b9752b7d"


def test_validation_holds_exactly_the_declared_fields_and_vocabularies() -> None:
    assert tuple(m.value for m in Mode) == MODES
    assert tuple(s.value for s in Lifecycle) == STATUSES
    assert meaning.ACCOUNT.pattern == f"^{ACCOUNT_PATTERN}$"

    @dataclasses.dataclass(frozen=True)
    class Shorter:
        id: str
        member: Member

    with pytest.raises(ValueError, match="Shorter holds id, member; the validation"):
        ValidationMap(DECLARED, Shorter, Member)  # type: ignore[arg-type]
    # `validation new`/`edit` pass every option by name to the service (the date as "on").
    typed = {"on" if d.name == "date" else d.name for d in DETAILS if d.typed}
    planned = {"on" if d.name == "date" else d.name for d in DETAILS if d.typed and d.planned}
    assert planned <= set(inspect.signature(validations.plan_validation).parameters)
    assert typed <= set(inspect.signature(validations.update_validation).parameters)


def test_the_sync_kind_is_protocol_v1s_validation() -> None:
    """Derived from the declaration, the validation's Kind is the one laptops and hubs of
    earlier releases speak: the same fields, types and order."""
    text = (str, False)
    v1 = {
        "member_id": text,
        "entity": text,
        "catalog_version": text,
        "mode": text,
        "date": text,
        "scss": text,
        "office": text,
        "webex_url": text,
        "participants": text,
        "planned_minutes": (int, False),
        "archived": (bool, False),
        "status": text,
        "created_at": text,
    }
    kind = protocol.KIND_BY_NAME["validation"]
    assert list(kind.fields.items()) == list(v1.items())
    assert (kind.table, kind.scope, kind.immutable, dict(kind.added)) == (
        "validations",
        "id",
        False,
        {},
    )
    assert protocol.FIXED_FIELDS["validation"] == ("member_id", "created_at")


def test_the_table_and_the_exchange_schema_are_the_declarations() -> None:
    columns = [c.name for c in tables.validations.columns]
    assert columns[: len(DECLARED.insert_columns())] == list(DECLARED.insert_columns()), (
        "store/tables.py makes the validations table from the declaration (then a migration)"
    )
    schema = json.loads((SCHEMA / "validation-exchange.schema.json").read_text())
    assert schema["properties"]["validation"] == DECLARED.head_schema(), (
        "run `python -m ctpat_desktop.records` to bring the schema up to date"
    )
    # The head as exported before the declaration (validation_shapes/) still fits it.
    exported = json.loads((SHAPES / "exported.json").read_text())["validation"]
    jsonschema.validate(exported, {"$defs": schema["$defs"], **DECLARED.head_schema()})


def _synced(**changes: Any) -> dict[str, Any]:
    fields = json.loads((SHAPES / "push.json").read_text())[1]["fields"]
    return fields | {"created_at": "2026-03-10T10:00:00.000000Z"} | changes


def test_the_hub_checks_a_validation_as_declared() -> None:
    """Before, the hub let through an SCSS name or office the tables cannot hold (a
    PostgreSQL hub then failed on it), a participant with a line break, a link of any
    length; now each field is checked by its declared type and limits."""
    meaning.check_record("validation", _synced())
    refused = {
        "SCSS name is longer than 120": _synced(scss="S" * 121),
        "field office is longer than 80": _synced(office="O" * 81),
        "participant contains line breaks": _synced(participants='["Ana\\nRuiz"]'),
        "is longer than 2000": _synced(webex_url="https://x/" + "q" * 2000),
        "participants must be a JSON list of names": _synced(participants='"Ana"'),
        "catalog version '2023' is not valid": _synced(catalog_version="2023"),
        "a WebEx link must start with https://": _synced(webex_url="http://cbp.webex.com"),
        "'zoom' is not a valid validation mode": _synced(mode="zoom"),
        "planned session time, in minutes 5 is not between 15 and 1440": _synced(planned_minutes=5),
    }
    for message, fields in refused.items():
        with pytest.raises(RuleError, match=message.replace("(", r"\(").replace(")", r"\)")):
            meaning.check_record("validation", fields)


def test_validation_edit_has_an_option_for_every_detail(cli) -> None:  # type: ignore[no-untyped-def]
    """Before, `validation edit` had no --webex, --participant, --planned-minutes nor
    --archived: only the GUI could change them."""
    made = cli(
        "validation", "new", "--member", "Acme", "--account", "US-1", "--entity", "importer",
        "--date", "2026-03-10", "--json",
    )  # fmt: skip
    vid = made.json()["id"]
    done = cli(
        "validation", "edit", vid, "--webex", "https://cbp.webex.com/m/2", "--participant",
        "Ana Ruiz", "--participant", "Luis Ortega", "--planned-minutes", "90",
        "--archived", "yes", "--json",
    )  # fmt: skip
    assert done.code == 0, done.err
    shown = done.json()
    assert shown["webex_url"] == "https://cbp.webex.com/m/2"
    assert (shown["participants"], shown["planned_minutes"]) == (["Ana Ruiz", "Luis Ortega"], 90)
    assert shown["archived"] is True
    with pytest.raises(SystemExit) as usage:  # argparse's usage error, as before
        cli("validation", "edit", vid, "--planned-minutes", "many")
    assert usage.value.code == 2
    wrong = cli("validation", "edit", vid, "--archived", "maybe")
    assert wrong.code == 1 and "is not yes or no" in wrong.err
    assert cli("validation", "show", vid, "--json").json()["validation"] == shown


def test_a_validation_the_hub_would_refuse_is_not_stored(cli) -> None:  # type: ignore[no-untyped-def]
    """Before, `validation new` stored an SCSS name longer than its column, which no hub
    then took."""
    base = ("validation", "new", "--member", "Acme", "--account", "US-1", "--entity", "importer")
    long = cli(*base, "--scss", "S" * 121)
    assert long.code == 1 and "validation SCSS name is longer than 120 characters" in long.err
    assert cli("validation", "list", "--json").json() == {"validations": []}


# A field added to the validation: one Detail (and Validation's attribute, which the map
# holds to it), its column and one migration; everything else follows.
INTERPRETER = Field("interpreter", Type.TEXT, "interpreter", max_length=120, added=True)
TOY = ValidationKind((*DETAILS, Detail(INTERPRETER, Edit.DETAILS)))


@dataclasses.dataclass(frozen=True, slots=True)
class ToyValidation(Validation):
    interpreter: str = ""


def test_a_field_added_to_the_validation_shows_up_everywhere(
    ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(ValueError, match="declaration"):
        ValidationMap(TOY, Validation, Member)  # declared, but Validation lacks it
    toy_map = ValidationMap(TOY, ToyValidation, Member)

    # The store: its INSERT and UPDATE columns, and a validation stored and read back.
    assert ":interpreter" in TOY.insert_sql() and "interpreter" in TOY.edited
    with ctx.store.transaction() as conn:  # the migration's work
        conn.execute("ALTER TABLE validations ADD COLUMN interpreter TEXT NOT NULL DEFAULT ''")
    monkeypatch.setattr(repository, "VALIDATION_KIND", TOY)
    monkeypatch.setattr(repository, "_INSERT_VALIDATION", TOY.insert_sql())
    for module in (repository, views, exchange):
        monkeypatch.setattr(module, "validation_map", lambda: toy_map)
    catalog = ctx.catalogs.catalog_on("importer", date(2026, 3, 10))
    planned = ToyValidation(
        VALIDATION, Member("Acme", "US-1"), "importer", catalog.version, Mode.VIRTUAL,
        date(2026, 3, 10), "Laura", interpreter="Ana Ruiz",
    )  # fmt: skip
    ctx.store.create_validation(planned, catalog, "tester")
    assert ctx.store.validation(VALIDATION) == planned
    ctx.store.update_validation(dataclasses.replace(planned, interpreter="Luis"), "tester")
    assert ctx.store.validation(VALIDATION).interpreter == "Luis"  # type: ignore[attr-defined]
    edits = [e for e in ctx.store.audit_events(VALIDATION) if e["action"] == "update"]
    assert json.loads(edits[-1]["changes"]) == {"interpreter": ["Ana Ruiz", "Luis"]}
    with pytest.raises(RuleError, match="interpreter is longer than 120"):
        ctx.store.update_validation(dataclasses.replace(planned, interpreter="I" * 121), "t")

    # The JSON view.
    view = views.validation_view(ctx.store.validation(VALIDATION))
    assert list(view)[-2:] == ["archived", "interpreter"] and view["interpreter"] == "Luis"

    # The exchange file: its head, its schema, and a file of today still read.
    out = tmp_path / "toy.json"
    head = exchange.export_validation(ctx, VALIDATION, out)["validation"]
    assert head["interpreter"] == "Luis"
    schema = json.loads((SCHEMA / "validation-exchange.schema.json").read_text())
    heads = {"$defs": schema["$defs"], **TOY.head_schema()}
    older = {k: v for k, v in head.items() if k != "interpreter"}
    jsonschema.validate(head, heads)
    jsonschema.validate(older, heads)
    assert toy_map.from_head(older).interpreter == ""  # type: ignore[attr-defined]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(head | {"interpreter": "I" * 121}, heads)
    assert schema["properties"]["validation"] != TOY.head_schema()  # the file must be brought up
    copy = tmp_path / "schema.json"
    copy.write_text(json.dumps(schema))
    assert TOY.write_head_schema(copy)  # `python -m ctpat_desktop.records`
    assert json.loads(copy.read_text())["properties"]["validation"] == TOY.head_schema()

    # The sync protocol: typed, checked, and a change from a laptop of today takes its default.
    kind = protocol.validation_kind(TOY)
    assert list(kind.fields)[-3:] == ["interpreter", "status", "created_at"]
    assert kind.fields["interpreter"] == (str, False) and kind.added == {"interpreter": ""}
    monkeypatch.setitem(protocol.KIND_BY_NAME, "validation", kind)
    change = {"kind": "validation", "id": VALIDATION, "rev": 1, "seq": 1, "deleted": False}
    change |= {"fields": _synced(), "updated_at": "2026-03-10T10:00:00Z", "updated_by": "ana"}
    assert protocol.parse_change(change).fields["interpreter"] == ""
    with pytest.raises(RuleError, match="interpreter is longer than 120"):
        TOY.check_synced(_synced(interpreter="I" * 121))

    # `validation new --interpreter NAME` and `validation edit --interpreter NAME`.
    monkeypatch.setattr(cli_module, "VALIDATION_KIND", TOY)
    for argv in (["edit", "X"], ["new", "--member", "A", "--account", "A-1", "--entity", "e"]):
        args = cli_module._parser().parse_args(["validation", *argv, "--interpreter", "Ana"])
        assert TOY.given(args)["interpreter"] == "Ana"
    monkeypatch.undo()
    with pytest.raises(SystemExit):  # (not an option of today's validation)
        cli_module._parser().parse_args(["validation", "edit", "X", "--interpreter", "Ana"])


def test_a_list_of_names_is_a_field_type_of_every_kind() -> None:
    """The participants' type (NAMES), declared on any record kind, has its column, schema,
    option and checks like the other list types."""
    names = Field("helpers", Type.NAMES, "helper", max_length=5)
    kind = Declaration("toy", "toys", "toy", "toys", "toy", "toys", (names,))
    (column,) = field_columns(kind)
    assert (column.nullable, column.server_default.arg) == (False, "[]")  # type: ignore[union-attr]
    assert kind_schema(kind)["items"]["properties"]["helpers"] == {
        "type": "array",
        "items": {"type": "string", "maxLength": 5},
    }
    parser = argparse.ArgumentParser()
    add_options(parser, kind, editing=False)
    args = parser.parse_args(["--helpers", "Ana", "--helpers", "Ana"])
    assert check(kind, given_values(kind, args), whole=True) == {"helpers": ["Ana", "Ana"]}
    assert from_row(kind, to_row(kind, {"helpers": ["Ana"]})) == {"helpers": ["Ana"]}
    for wrong, message in (
        (["Ana Ruiz"], "longer than 5"),
        (["A\tB"], "line breaks"),
        ([3], "is not text"),
    ):
        with pytest.raises(RuleError, match=message):
            check(kind, {"helpers": wrong}, whole=True)

    @dataclasses.dataclass(frozen=True)
    class Toy:
        helpers: tuple[str, ...] = ()

    mapper = Mapper(kind, Toy)
    assert mapper.from_row(mapper.row(Toy(("Ana",)))) == Toy(("Ana",))
    assert mapper.values(Toy(("Ana",))) == {"helpers": ["Ana"]}
