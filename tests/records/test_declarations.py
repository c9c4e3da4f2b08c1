"""One declaration per record kind: a toy kind's extra field shows up in every derived form
(table, SQL, checks, JSON view, exchange schema, sync Kind, command-line options)."""

import argparse
import json
from pathlib import Path

import jsonschema
import pytest
from alembic.migration import MigrationContext
from alembic.operations import Operations

from ctpat_desktop.errors import RuleError
from ctpat_desktop.records import sql
from ctpat_desktop.records.columns import table_columns
from ctpat_desktop.records.declare import Declaration, Field, Item, Type
from ctpat_desktop.records.documents import item_schema, item_view, kind_schema, write_schema
from ctpat_desktop.records.kinds import VISIT_KINDS
from ctpat_desktop.records.options import add_options, given_values
from ctpat_desktop.records.values import check, check_wire, from_row, to_row
from ctpat_desktop.store import tables
from ctpat_desktop.sync.meaning import check_record
from ctpat_desktop.sync.protocol import FIXED_FIELDS, KIND_BY_NAME, check_value, declared_kind

VALIDATION = "6e8409a7-0b19-4066-8f86-2877b9752b7d"
SCHEMA = Path(__file__).resolve().parents[2] / "resources" / "schema"


def _toy(*extra: Field) -> Declaration:
    return Declaration(
        name="toy",
        table="toys",
        label="toy",
        key="toys",
        command="toy",
        summary="toys",
        fields=(Field("name", Type.TEXT, "name", required=True), *extra),
    )


EXTRA = Field("pieces", Type.INT, "pieces", nullable=True, minimum=1, maximum=9, added=True)


def test_an_extra_field_shows_up_in_every_derived_form() -> None:
    plain, toy = _toy(), _toy(EXTRA)

    # The table and the store's SQL.
    columns = {c.name: c for c in table_columns(toy)}
    assert set(columns) - {c.name for c in table_columns(plain)} == {"pieces"}
    assert columns["pieces"].nullable
    assert "pieces" in sql.insert_sql(toy) and "pieces" not in sql.insert_sql(plain)
    assert "pieces = :pieces" in sql.update_sql(toy, ["pieces"])

    # Checked as typed, stored and read back.
    values = check(toy, {"name": "Crane", "pieces": 4}, whole=True)
    assert from_row(toy, to_row(toy, values)) == values
    with pytest.raises(RuleError, match="toy pieces 12 is not between 1 and 9"):
        check(toy, {"name": "Crane", "pieces": 12}, whole=True)
    with pytest.raises(RuleError, match="is not a whole number"):
        check(toy, {"name": "Crane", "pieces": True}, whole=True)

    # The JSON view and the exchange file's schema.
    item = Item(toy, VALIDATION, VALIDATION, values, 1, "2026-01-01T00:00:00Z", "ana")
    view = item_view(item)
    assert view["pieces"] == 4
    document = {"$defs": _defs(), **item_schema(toy)}
    jsonschema.validate(view, document)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(view | {"pieces": 10}, document)
    old_file = {k: v for k, v in view.items() if k != "pieces"}  # made before the field
    jsonschema.validate(old_file, document)

    # The sync protocol's Kind: typed, and a record made without it gets its default.
    kind = declared_kind(toy)
    assert kind.fields["pieces"] == (int, True)
    assert "pieces" not in declared_kind(plain).fields
    assert kind.added == {"pieces": None}
    check_value(kind, "pieces", 3)
    with pytest.raises(ValueError, match="must be int"):
        check_value(kind, "pieces", "3")
    assert check_wire(toy, {"validation_id": VALIDATION, "name": "Crane", "pieces": 4})

    # The command line's options.
    parser = argparse.ArgumentParser()
    add_options(parser, toy, editing=False)
    args = parser.parse_args(["--name", "Crane", "--pieces", "7"])
    assert given_values(toy, args) == {"name": "Crane", "pieces": 7}
    edit = argparse.ArgumentParser()
    add_options(edit, toy, editing=True)
    assert given_values(toy, edit.parse_args(["--clear", "pieces"])) == {"pieces": None}


def _defs() -> dict[str, object]:
    schema = json.loads((SCHEMA / "validation-exchange.schema.json").read_text())
    defs: dict[str, object] = schema["$defs"]
    return defs


def test_the_exchange_schema_file_holds_every_declared_kind(tmp_path: Path) -> None:
    schema = json.loads((SCHEMA / "validation-exchange.schema.json").read_text())
    for kind in VISIT_KINDS:
        assert schema["properties"][kind.key] == kind_schema(kind), (
            f"{kind.name}: run `python -m ctpat_desktop.records` to bring the schema up to date"
        )
        assert kind.key not in schema["required"]  # older files lack it
    # The file is brought up to the declarations by one call (and then left alone).
    copy = tmp_path / "schema.json"
    copy.write_text(json.dumps(schema | {"properties": {}}))
    assert write_schema(copy, VISIT_KINDS)
    assert not write_schema(copy, VISIT_KINDS)


def test_every_declared_kind_has_its_table_sync_kind_and_meaning_check() -> None:
    for declared in VISIT_KINDS:
        table = tables.metadata.tables[declared.table]
        assert {f.name for f in declared.fields} <= set(table.columns.keys())
        kind = KIND_BY_NAME[declared.name]
        assert kind.table == declared.table and kind.scope == "validation_id"
        assert FIXED_FIELDS[declared.name] == ("validation_id",)
    with pytest.raises(RuleError, match="site type 'castle' is not one of facility"):
        check_record(
            "site",
            {
                "validation_id": VALIDATION,
                "name": "Plant",
                "type": "castle",
                "address": "",
                "country": "",
            },
        )
    with pytest.raises(RuleError, match="day present"):
        check_record(
            "participant",
            {
                "validation_id": VALIDATION,
                "name": "Luis",
                "role": "",
                "organisation": "member",
                "days": '["2026-02-30"]',
            },
        )


def test_a_declaration_may_not_take_the_stores_own_columns() -> None:
    with pytest.raises(ValueError, match="store's own columns"):
        _toy(Field("rev", Type.INT, "revision"))
    with pytest.raises(ValueError, match="declared twice"):
        _toy(Field("name", Type.TEXT, "name again"))


def test_a_new_field_is_one_declaration_and_one_migration(tmp_path: Path) -> None:
    """The README's recipe: the migration that adds the column makes the table the
    declaration derives, and nothing else has to change."""
    import sqlalchemy as sa

    engine = sa.create_engine(f"sqlite:///{tmp_path / 'toy.db'}")
    before, after = sa.MetaData(), sa.MetaData()
    sa.Table("validations", before, sa.Column("id", sa.String(36), primary_key=True))
    sa.Table("validations", after, sa.Column("id", sa.String(36), primary_key=True))
    sa.Table("toys", before, *table_columns(_toy()))
    sa.Table("toys", after, *table_columns(_toy(EXTRA)))
    before.create_all(engine)
    with engine.begin() as conn:
        operations = Operations(MigrationContext.configure(conn))
        with operations.batch_alter_table("toys") as batch:
            batch.add_column(sa.Column("pieces", sa.Integer, nullable=True))
        from alembic.autogenerate import compare_metadata

        assert compare_metadata(MigrationContext.configure(conn), after) == []
