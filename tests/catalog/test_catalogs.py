"""The shipped catalogs and the loader's checks."""

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from ctpat_desktop.catalog import CatalogLibrary, criterion_sort_key, load_catalog
from ctpat_desktop.errors import CatalogError, NotFoundError
from ctpat_desktop.paths import resources_dir

RESOURCES = resources_dir()
SCHEMA_DIR = RESOURCES / "schema"
ENTITIES = {
    "importer",
    "exporter",
    "highway-carrier",
    "mexican-long-haul-carrier",
    "rail-carrier",
    "sea-carrier",
    "air-carrier",
    "customs-broker",
    "consolidator",
    "third-party-logistics",
    "port-authority-terminal",
    "foreign-manufacturer",
}
# DOMAIN.md's Importer list (2023: 3.9 became Must).
IMPORTER = {
    1: "1.1 S, 1.2 S, 1.3 M, 1.4 M",
    2: "2.1 M, 2.2 S, 2.3 M, 2.4 S",
    3: "3.1 M, 3.4 M, 3.5 M, 3.6 M, 3.7 S, 3.9 M",
    4: "4.1 M, 4.2 M, 4.3 M, 4.4 S, 4.5 M, 4.6 M, 4.7 M, 4.8 M, 4.9 M, 4.10 M, 4.11 S, "
    "4.12 S, 4.13 M",
    5: "5.1 M, 5.2 M, 5.3 M, 5.4 M, 5.5 S, 5.6 S, 5.8 S, 5.14 S, 5.16 S, 5.29 M",
    6: "6.1 M, 6.2 M, 6.5 M, 6.6 M, 6.7 M",
    7: "7.1 M, 7.2 M, 7.4 S, 7.5 S, 7.6 M, 7.7 S, 7.8 M, 7.10 M, 7.23 M, 7.24 M, 7.25 S, "
    "7.27 M, 7.28 S, 7.29 S, 7.30 S, 7.37 M",
    8: "8.1 M",
    9: "9.1 M, 9.2 S, 9.4 M, 9.5 S, 9.6 M, 9.7 S, 9.8 M, 9.9 S, 9.10 M, 9.11 S, 9.12 S, "
    "9.13 M, 9.14 S, 9.15 M, 9.16 S",
    10: "10.1 M, 10.2 M, 10.3 M, 10.4 M, 10.7 S, 10.8 S, 10.9 S, 10.10 M",
    11: "11.1 M, 11.2 S, 11.5 M",
    12: "12.1 M, 12.2 M, 12.4 S, 12.6 S, 12.7 M, 12.8 M, 12.9 M, 12.10 M",
}


def _expected_importer() -> dict[str, str]:
    levels = {"M": "must", "S": "should"}
    pairs = (item.split() for line in IMPORTER.values() for item in line.split(", "))
    return {cid: levels[level] for cid, level in pairs}


@pytest.fixture(scope="module")
def library() -> CatalogLibrary:
    return CatalogLibrary(RESOURCES)


def test_every_entity_type_has_a_catalog(library: CatalogLibrary) -> None:
    assert set(library.entities()) == ENTITIES


@pytest.mark.parametrize("entity", sorted(ENTITIES))
def test_catalog_matches_schema_and_is_naturally_ordered(
    library: CatalogLibrary, entity: str
) -> None:
    path = RESOURCES / "msc" / "catalogs" / f"{entity}.json"
    schema = json.loads((SCHEMA_DIR / "catalog.schema.json").read_text())
    assert list(Draft202012Validator(schema).iter_errors(json.loads(path.read_text()))) == []
    catalog = library.catalog(entity)
    ids = [c.id for c in catalog.criteria]
    assert ids == sorted(ids, key=criterion_sort_key)
    assert catalog.version and catalog.effective
    assert {c.level for c in catalog.criteria} == {"must", "should"}


def test_importer_catalog_is_complete(library: CatalogLibrary) -> None:
    catalog = library.catalog("importer")
    assert {c.id: c.level.value for c in catalog.criteria} == _expected_importer()
    assert catalog.categories() == list(range(1, 13))
    assert "forced-labor" in catalog.get("3.9").themes  # type: ignore[union-attr]
    assert "cyber" in catalog.get("4.8").themes  # type: ignore[union-attr]


def test_natural_order_of_ids() -> None:
    ids = ["10.1", "1.10", "2.1", "1.2", "12.4", "1.1"]
    assert sorted(ids, key=criterion_sort_key) == ["1.1", "1.2", "1.10", "2.1", "10.1", "12.4"]


def test_reasons_and_categories(library: CatalogLibrary) -> None:
    assert "no-written-procedure" in library.reason_codes()
    assert "other" in library.reason_codes()
    assert [c.number for c in library.categories] == list(range(1, 13))
    assert library.categories[3].name == "Cybersecurity"
    assert library.categories[3].focus_area == "Corporate Security"


def test_unknown_entity_names_the_known_ones(library: CatalogLibrary) -> None:
    with pytest.raises(NotFoundError, match="unknown entity type 'importers'; known: air-carrier"):
        library.catalog("importers")


def _write_catalog(folder: Path, mutate) -> Path:  # type: ignore[no-untyped-def]
    document = json.loads((RESOURCES / "msc" / "catalogs" / "importer.json").read_text())
    mutate(document)
    path = folder / "importer.json"
    path.write_text(json.dumps(document))
    return path


def _criterion(document: dict, cid: str) -> dict:  # type: ignore[type-arg]
    return next(c for c in document["criteria"] if c["id"] == cid)


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (
            lambda d: _criterion(d, "4.3").update(level="maybe"),
            r"criterion 4\.3: field level: 'maybe'",
        ),
        (
            lambda d: _criterion(d, "2.1").pop("guidance"),
            r"criterion 2\.1: field guidance: 'guidance' is a required",
        ),
        (
            lambda d: _criterion(d, "7.8").update(category=6),
            r"criterion 7\.8: field category: 6 does not match",
        ),
        (
            lambda d: d["criteria"].append(dict(_criterion(d, "1.1"))),
            r"criterion 1\.1: field id: listed twice",
        ),
        (
            lambda d: _criterion(d, "9.4").update(id="9.x"),
            r"criterion 9\.x: field id: '9\.x' does not match",
        ),
        (lambda d: d.update(effective="soon"), r"field effective: 'soon' does not match"),
        (
            lambda d: d.update(entity="exporter"),
            r"field entity: 'exporter' does not match the file name",
        ),
    ],
)
def test_malformed_catalog_names_file_criterion_and_field(
    tmp_path: Path, mutate, message: str
) -> None:  # type: ignore[no-untyped-def]
    path = _write_catalog(tmp_path, mutate)
    with pytest.raises(CatalogError, match=message) as raised:
        load_catalog(path, SCHEMA_DIR)
    assert str(raised.value).startswith(str(path))


def test_catalog_that_is_not_json(tmp_path: Path) -> None:
    path = tmp_path / "importer.json"
    path.write_text("{ not json")
    with pytest.raises(CatalogError, match=r"importer\.json: not valid JSON \(line 1"):
        load_catalog(path, SCHEMA_DIR)


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update(format=2),
        lambda d: d.update(reasons=[]),
        lambda d: d["reasons"][0].update(code="Bad Code"),
        lambda d: d["reasons"][1].pop("label"),
        lambda d: d["reasons"][2].update(extra="x"),
        lambda d: d["reasons"][3].update(description=""),
    ],
)
def test_reasons_check_agrees_with_the_schema(tmp_path: Path, change) -> None:  # type: ignore[no-untyped-def]
    from ctpat_desktop.catalog import load_reasons

    document = json.loads((RESOURCES / "msc" / "reasons.json").read_text())
    schema = json.loads((SCHEMA_DIR / "reasons.schema.json").read_text())
    assert list(Draft202012Validator(schema).iter_errors(document)) == []
    change(document)
    assert list(Draft202012Validator(schema).iter_errors(document)) != []
    path = tmp_path / "reasons.json"
    path.write_text(json.dumps(document))
    with pytest.raises(CatalogError, match=r"reasons\.json: "):
        load_reasons(path)


def test_altered_pinned_catalog_is_refused(tmp_path: Path) -> None:
    from ctpat_desktop.app import AppContext
    from ctpat_desktop.errors import StoreError
    from ctpat_desktop.services.validations import ValidationSession, plan_validation
    from ctpat_desktop.settings import Settings
    from tests.conftest import raw_connection

    ctx = AppContext(tmp_path, Settings(user="t"))
    validation = plan_validation(ctx, member="Acme", account="US-1000", entity="importer")
    ctx.close()
    with raw_connection(tmp_path) as conn:
        conn.execute("UPDATE catalog_snapshots SET document = replace(document, 'Must', 'Mist')")
    conn.close()
    ctx = AppContext(tmp_path, Settings(user="t"))
    try:
        with pytest.raises(StoreError, match="was altered"):
            ValidationSession(ctx, validation.id)
    finally:
        ctx.close()
