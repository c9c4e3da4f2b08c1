"""Fuzz catalog, reasons and categories files: a catalog loads or is refused in one line."""

import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import example, given
from hypothesis import strategies as st

from ctpat_desktop.catalog.loader import (
    catalog_from_dict,
    load_catalog,
    load_categories,
    load_reasons,
)
from ctpat_desktop.errors import CatalogError
from ctpat_desktop.paths import resources_dir
from tests.fuzz.support import JSON, counted, fuzz, mutated, refused

RESOURCES = resources_dir()
SCHEMA_DIR = RESOURCES / "schema"
CATALOG_FILE = RESOURCES / "msc" / "catalogs" / "highway-carrier" / "2020.1.json"
CATALOG = json.loads(CATALOG_FILE.read_text(encoding="utf-8"))
VERSION = json.loads(CATALOG_FILE.with_name("2023.2.json").read_text(encoding="utf-8"))
REASONS = json.loads((RESOURCES / "msc" / "reasons.json").read_text(encoding="utf-8"))
CATEGORIES = json.loads((RESOURCES / "msc" / "categories.json").read_text(encoding="utf-8"))


def _small_catalog() -> dict[str, Any]:
    """The real catalog cut to a few criteria, so mutations hit the criteria often."""
    return {**CATALOG, "criteria": CATALOG["criteria"][:3]}


def _refused_as_catalog_error(call: Any) -> None:
    error = refused(call)
    assert error is None or isinstance(error, CatalogError), repr(error)


def _load_file(
    name: str, content: bytes, loader: Any, beside: dict[str, Any] | None = None
) -> None:
    with tempfile.TemporaryDirectory(prefix="ctpat-fuzz-") as tmp:
        path = Path(tmp) / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        for other, document in (beside or {}).items():
            path.with_name(other).write_bytes(_encoded(document))
        _refused_as_catalog_error(lambda: loader(path))


def _encoded(document: Any) -> bytes:
    return json.dumps(document, ensure_ascii=False).encode("utf-8", "surrogatepass")


@fuzz(40)
@given(content=st.one_of(st.binary(max_size=200), JSON.map(_encoded)))
@example(content=b"[" * 100_000)
@example(content=b"\xef\xbb\xbf{}")
def test_any_catalog_file(content: bytes) -> None:
    counted("load_catalog (catalog file)")
    _load_file("highway-carrier/2020.1.json", content, lambda p: load_catalog(p, SCHEMA_DIR))


@fuzz(100)
@given(document=mutated(_small_catalog()))
@example(document={**_small_catalog(), "version": "2023.1\n"})
@example(document={**_small_catalog(), "criteria": [{**CATALOG["criteria"][0], "id": "1.1\n"}]})
def test_mutated_catalogs(document: Any) -> None:
    counted("catalog_from_dict (catalog document)")
    _refused_as_catalog_error(lambda: catalog_from_dict(document, "fuzzed", SCHEMA_DIR))
    _load_file(
        "highway-carrier/2020.1.json", _encoded(document), lambda p: load_catalog(p, SCHEMA_DIR)
    )


@fuzz(60)
@given(document=mutated(VERSION))
@example(document={**VERSION, "base": "2023.2"})
@example(document={**VERSION, "changes": [{"id": "3.9", "parts": [{"key": "a"}]}]})
@example(document={**VERSION, "removed": ["9.99"]})
def test_mutated_catalog_versions(document: Any) -> None:
    counted("load_catalog (a version written as changes)")
    _load_file(
        "highway-carrier/2023.2.json",
        _encoded(document),
        lambda p: load_catalog(p, SCHEMA_DIR),
        {"2020.1.json": _small_catalog() | {"criteria": CATALOG["criteria"]}},
    )


@fuzz(60)
@given(
    document=st.one_of(mutated(REASONS), JSON),
    which=st.sampled_from(["reasons", "categories"]),
)
@example(document=[], which="reasons")
@example(document={"format": 1, "version": "1", "reasons": [[]]}, which="reasons")
@example(document={"focus_areas": [{"name": "x", "categories": [[]]}]}, which="categories")
def test_reasons_and_categories_files(document: Any, which: str) -> None:
    counted("load_reasons / load_categories")
    if which == "categories" and isinstance(document, dict) and "reasons" in document:
        document = json.loads(json.dumps(CATEGORIES))
    loader = load_reasons if which == "reasons" else load_categories
    _load_file(f"{which}.json", _encoded(document), loader)


@fuzz(40)
@given(document=mutated(CATEGORIES))
def test_mutated_categories(document: Any) -> None:
    counted("load_reasons / load_categories")
    _load_file("categories.json", _encoded(document), load_categories)
