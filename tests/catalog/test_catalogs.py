"""The shipped catalogs (subjects, levels, parts, sources, versions) and the loader's checks."""

import json
from datetime import date
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from ctpat_desktop.catalog import CatalogLibrary, Level, criterion_sort_key, load_catalog
from ctpat_desktop.errors import CatalogError, NotFoundError
from ctpat_desktop.paths import resources_dir

RESOURCES = resources_dir()
SCHEMA_DIR = RESOURCES / "schema"
CATALOGS = RESOURCES / "msc" / "catalogs"
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
# What CBP's Importers MSC says each easily-confused ID is about (DOMAIN.md, from two public
# quotations of the MSC): a word of each subject must be in the criterion's title or text.
IMPORTER_SUBJECTS = {
    "7.10": ("suspicious",),
    "7.23": ("incident",),
    "7.24": ("unauthorized", "unidentified"),
    "7.25": ("anonymous",),
    "7.28": ("reconcil",),
    "7.29": ("consignee",),
    "7.30": ("bill of lading",),
    "10.1": ("badge", "access device"),
    "10.7": ("appointment",),
    "10.8": ("mail",),
    "10.9": ("monitored",),
    "10.10": ("guard",),
}
# Subjects per entity and ID written from the sources each catalog cites (see `source`).
SUBJECTS = json.loads((Path(__file__).parent / "msc_subjects.json").read_text(encoding="utf-8"))
NOT_MSC = ("record of security incidents", "post-incident analysis")


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
def test_every_version_matches_its_schema_and_is_naturally_ordered(
    library: CatalogLibrary, entity: str
) -> None:
    full = json.loads((SCHEMA_DIR / "catalog.schema.json").read_text())
    delta = json.loads((SCHEMA_DIR / "catalog-version.schema.json").read_text())
    for path in (CATALOGS / entity).glob("*.json"):
        document = json.loads(path.read_text())
        schema = delta if "base" in document else full
        assert list(Draft202012Validator(schema).iter_errors(document)) == [], path
    assert library.version_names(entity)[0] == "2020.1"
    for catalog in library.versions(entity):
        ids = [c.id for c in catalog.criteria]
        assert ids == sorted(ids, key=criterion_sort_key)
        assert catalog.version and catalog.effective and catalog.msc
        assert {c.level for c in catalog.criteria} == {"must", "should"}


@pytest.mark.parametrize("entity", sorted(ENTITIES))
def test_every_criterion_names_its_source_or_says_it_is_unverified(
    library: CatalogLibrary, entity: str
) -> None:
    for catalog in library.versions(entity):
        for c in catalog.criteria:
            assert (c.source is None) != (c.unverified == ""), (entity, c.id)
            if c.source is not None:
                assert c.source.document and c.source.date and c.source.locator, (entity, c.id)


@pytest.mark.parametrize("entity", sorted(ENTITIES))
def test_subjects_agree_with_the_reference_table(library: CatalogLibrary, entity: str) -> None:
    catalog = library.catalog(entity)
    wrong = []
    for c in catalog.criteria:
        words = f"{c.title} {c.text}".lower()
        assert not any(phrase in c.title.lower() for phrase in NOT_MSC), (entity, c.id, c.title)
        expected = SUBJECTS.get(entity, {}).get(c.id, [])
        if expected and not any(w.lower() in words for w in expected):
            wrong.append(f"{c.id} ({c.title}): none of {expected}")
    assert wrong == []
    if entity == "importer":
        for cid, words in IMPORTER_SUBJECTS.items():
            criterion = catalog.get(cid)
            assert criterion is not None, cid
            text = f"{criterion.title} {criterion.text}".lower()
            assert any(w in text for w in words), (cid, criterion.title)


def test_titles_are_not_copied_across_different_subjects(library: CatalogLibrary) -> None:
    """The same ID may read alike across entity types; one title on two IDs may not."""
    for entity in sorted(ENTITIES):
        titles = [c.title for c in library.catalog(entity).criteria]
        assert len(titles) == len(set(titles)), entity


def test_importer_catalog_is_complete(library: CatalogLibrary) -> None:
    catalog = library.catalog("importer")
    assert catalog.version == "2023.2"
    assert {c.id: c.level.value for c in catalog.criteria} == _expected_importer()
    assert catalog.categories() == list(range(1, 13))
    assert "forced-labor" in catalog.get("3.9").themes  # type: ignore[union-attr]
    assert "cyber" in catalog.get("4.8").themes  # type: ignore[union-attr]


def test_the_2020_msc_has_forced_labor_as_a_should(library: CatalogLibrary) -> None:
    old, new = library.catalog("importer", "2020.1"), library.catalog("importer", "2023.2")
    assert old.get("3.9").level is Level.SHOULD  # type: ignore[union-attr]
    assert new.get("3.9").level is Level.MUST  # type: ignore[union-attr]
    changed = [c.id for c in new.criteria if old.get(c.id) != c]
    assert changed == ["3.9"]


def test_a_validation_date_picks_the_version_in_force(library: CatalogLibrary) -> None:
    assert library.catalog_on("importer", date(2021, 6, 1)).version == "2020.1"
    assert library.catalog_on("importer", date(2022, 12, 31)).version == "2020.1"
    assert library.catalog_on("importer", date(2023, 1, 1)).version == "2023.2"
    assert library.catalog_on("importer", date(2019, 6, 1)).version == "2020.1"  # the oldest
    with pytest.raises(NotFoundError, match=r"no catalog version '1999\.1' of importer"):
        library.catalog("importer", "1999.1")


def test_mixed_criteria_have_parts_with_their_own_levels(library: CatalogLibrary) -> None:
    catalog = library.catalog("importer")
    mixed = [c for c in catalog.criteria if c.parts]
    assert {"3.1"} <= {c.id for c in mixed}
    for c in mixed:
        levels = {p.level for p in c.parts}
        assert levels == {Level.MUST, Level.SHOULD}, c.id
        assert c.level_not_met(()) is Level.MUST  # the whole includes a Must part
    c31 = catalog.get("3.1")
    assert c31 is not None
    should = [p.key for p in c31.parts if p.level is Level.SHOULD]
    must = [p.key for p in c31.parts if p.level is Level.MUST]
    assert c31.level_not_met(tuple(should)) is Level.SHOULD
    assert c31.level_not_met((*should, must[0])) is Level.MUST
    assert c31.level_not_met(()) is Level.MUST  # the whole criterion


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


def _write_catalog(folder: Path, mutate, version: str = "2020.1") -> Path:  # type: ignore[no-untyped-def]
    document = json.loads((CATALOGS / "importer" / "2020.1.json").read_text())
    mutate(document)
    path = folder / "importer" / f"{version}.json"
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps(document))
    return path


def _criterion(document: dict, cid: str) -> dict:  # type: ignore[type-arg]
    return next(c for c in document["criteria"] if c["id"] == cid)


def _unverify(document: dict, cid: str) -> None:  # type: ignore[type-arg]
    criterion = _criterion(document, cid)
    criterion.pop("source", None)
    criterion["unverified"] = "not found"


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
            r"field entity: 'exporter' does not match the folder name",
        ),
        (
            lambda d: d.update(version="2020.7"),
            r"field version: '2020\.7' does not match the file name",
        ),
        (
            lambda d: (
                _unverify(d, "1.1"),
                _criterion(d, "1.1").update(source={"document": "X", "locator": "p. 1"}),
            ),
            r"criterion 1\.1: needs either a source or the reason it is unverified",
        ),
        (
            lambda d: (_unverify(d, "1.2"), _criterion(d, "1.2").pop("unverified")),
            r"criterion 1\.2: needs either a source or the reason it is unverified",
        ),
        (
            lambda d: (
                _unverify(d, "1.3"),
                _criterion(d, "1.3").pop("unverified"),
                _criterion(d, "1.3").update(source={"document": "NOPE", "locator": "p. 1"}),
            ),
            r"criterion 1\.3: field source\.document: 'NOPE' is not one of the catalog",
        ),
        (
            lambda d: _criterion(d, "1.4").update(
                parts=[
                    {"key": "a", "level": "must", "text": "one thing to do here"},
                    {"key": "a", "level": "should", "text": "another thing to do"},
                ]
            ),
            r"criterion 1\.4: field parts: a key is listed twice",
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


def _write_version(folder: Path, change) -> Path:  # type: ignore[no-untyped-def]
    _write_catalog(folder, lambda d: None)
    document = json.loads((CATALOGS / "importer" / "2023.2.json").read_text())
    change(document)
    path = folder / "importer" / "2023.2.json"
    path.write_text(json.dumps(document))
    return path


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(base="2023.2"), "versions are based on each other in a loop"),
        (lambda d: d.update(base="2019.1"), r"2019\.1\.json: file not found"),
        (lambda d: d.update(effective="2019-01-01"), "is not after its base version's"),
        (lambda d: d.update(removed=["9.3"]), r"removed 9\.3: not in base version 2020\.1"),
        (lambda d: d["changes"].append({"id": "7.99"}), r"criterion 7\.99: field category"),
        (lambda d: d["changes"].append({"id": "x"}), r"change x: field id: .x. does not match"),
    ],
)
def test_a_broken_version_file_is_named(tmp_path: Path, change, message: str) -> None:  # type: ignore[no-untyped-def]
    path = _write_version(tmp_path, change)
    with pytest.raises(CatalogError, match=message):
        load_catalog(path, SCHEMA_DIR)


def test_catalog_that_is_not_json(tmp_path: Path) -> None:
    path = tmp_path / "importer" / "2020.1.json"
    path.parent.mkdir()
    path.write_text("{ not json")
    with pytest.raises(CatalogError, match=r"2020\.1\.json: not valid JSON \(line 1"):
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


def test_the_manifest_holds_every_shipped_file_as_it_is() -> None:
    """Shipped files skip the schema pass while they keep the hash the tests checked."""
    from ctpat_desktop.catalog.library import MANIFEST, file_hashes

    manifest = json.loads((CATALOGS / MANIFEST).read_text())
    assert manifest == file_hashes(CATALOGS), (
        "a catalog file changed: check it, then write file_hashes(CATALOGS) to manifest.json"
    )


def test_a_changed_shipped_file_is_checked_in_full(tmp_path: Path) -> None:
    import shutil

    resources = tmp_path / "resources"
    shutil.copytree(RESOURCES / "msc", resources / "msc")
    shutil.copytree(SCHEMA_DIR, resources / "schema")
    path = resources / "msc" / "catalogs" / "importer" / "2020.1.json"
    document = json.loads(path.read_text())
    _criterion(document, "4.3").update(level="maybe")
    path.write_text(json.dumps(document))
    with pytest.raises(CatalogError, match=r"criterion 4\.3: field level: 'maybe'"):
        CatalogLibrary(resources).catalog("importer", "2020.1")
    with pytest.raises(CatalogError, match=r"criterion 4\.3: field level"):
        CatalogLibrary(resources).catalog("importer", "2023.2")  # its base is refused too


def test_versions_based_on_each_other_in_a_loop_are_refused(tmp_path: Path) -> None:
    import shutil

    resources = tmp_path / "resources"
    shutil.copytree(RESOURCES / "msc", resources / "msc")
    shutil.copytree(SCHEMA_DIR, resources / "schema")
    folder = resources / "msc" / "catalogs" / "importer"
    version = json.loads((folder / "2023.2.json").read_text())
    (folder / "2024.1.json").write_text(
        json.dumps(version | {"version": "2024.1", "base": "2025.1", "effective": "2024-01-01"})
    )
    (folder / "2025.1.json").write_text(
        json.dumps(version | {"version": "2025.1", "base": "2024.1", "effective": "2025-01-01"})
    )
    with pytest.raises(CatalogError, match="in a loop"):
        CatalogLibrary(resources).catalog("importer", "2024.1")


def test_known_catalogs_hold_every_shipped_document_as_a_validation_pins_it(
    library: CatalogLibrary,
) -> None:
    """The hub and laptops refuse a known version with another hash: the list must be right."""
    import hashlib

    known = json.loads((RESOURCES / "msc" / "known-catalogs.json").read_text())["documents"]
    for entity in sorted(ENTITIES):
        for catalog in library.versions(entity):
            pinned = json.dumps(catalog.raw, sort_keys=True, ensure_ascii=False)
            name = f"{entity}@{catalog.version}"
            assert known[name] == hashlib.sha256(pinned.encode()).hexdigest(), name
        assert f"{entity}@2023.1" in known  # the withdrawn transcription, still pinned by some
