"""Read and check catalog and reasons files; errors name the file, criterion and field."""

import json
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from ctpat_desktop.catalog.model import Catalog, Category, Criterion, Level, Reason
from ctpat_desktop.catalog.model import criterion_sort_key as _sort_key
from ctpat_desktop.errors import CatalogError


@cache
def _validator(schema_path: Path) -> Any:
    from jsonschema import Draft202012Validator

    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    return Draft202012Validator(schema)


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise CatalogError(f"{path}: file not found") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogError(f"{path}: cannot be read ({exc})") from exc
    except json.JSONDecodeError as exc:
        raise CatalogError(f"{path}: not valid JSON (line {exc.lineno}: {exc.msg})") from exc


def _describe(error: Any, document: Any, item_key: str, item_name: str) -> str:
    """Turn a jsonschema error into 'criterion 4.3: field level: ...'."""
    path = list(error.absolute_path)
    where = []
    if len(path) >= 2 and path[0] == item_key and isinstance(path[1], int):
        item = document[item_key][path[1]]
        label = item.get("id") or item.get("code") if isinstance(item, dict) else None
        where.append(f"{item_name} {label}" if label else f"{item_name} #{path[1] + 1}")
        path = path[2:]
    field_name = ".".join(str(p) for p in path)
    if not field_name and error.validator == "required":
        field_name = str(error.message).split("'")[1]
    if field_name:
        where.append(f"field {field_name}")
    return ": ".join([*where, error.message])


def _check_schema(document: Any, source: str, schema: Path, item_key: str, name: str) -> None:
    errors = sorted(_validator(schema).iter_errors(document), key=lambda e: list(e.path))
    if errors:
        raise CatalogError(f"{source}: {_describe(errors[0], document, item_key, name)}")


def catalog_from_dict(document: Mapping[str, Any], source: str, schema_dir: Path) -> Catalog:
    """Check a catalog document against its schema and rules and build the Catalog."""
    _check_schema(document, source, schema_dir / "catalog.schema.json", "criteria", "criterion")
    criteria: list[Criterion] = []
    seen: set[str] = set()
    for item in document["criteria"]:
        cid = item["id"]
        if cid in seen:
            raise CatalogError(f"{source}: criterion {cid}: field id: listed twice")
        seen.add(cid)
        if int(cid.split(".")[0]) != item["category"]:
            raise CatalogError(
                f"{source}: criterion {cid}: field category: {item['category']} "
                f"does not match the ID's category {cid.split('.')[0]}"
            )
        criteria.append(
            Criterion(
                id=cid,
                category=item["category"],
                level=Level(item["level"]),
                title=item["title"],
                text=item["text"],
                guidance=item["guidance"],
                themes=tuple(item.get("themes", ())),
            )
        )
    criteria.sort(key=lambda c: _sort_key(c.id))
    return Catalog(
        entity=document["entity"],
        name=document["name"],
        version=document["version"],
        effective=document["effective"],
        criteria=tuple(criteria),
        raw=dict(document),
    )


def load_catalog(path: Path, schema_dir: Path) -> Catalog:
    """Load one entity's catalog file."""
    document = _read_json(path)
    catalog = catalog_from_dict(document, str(path), schema_dir)
    if path.stem != catalog.entity:
        raise CatalogError(
            f"{path}: field entity: '{catalog.entity}' does not match the file name '{path.stem}'"
        )
    return catalog


def load_reasons(path: Path, schema_dir: Path) -> tuple[Reason, ...]:
    """Load the coded deficiency reasons."""
    document = _read_json(path)
    _check_schema(document, str(path), schema_dir / "reasons.schema.json", "reasons", "reason")
    reasons = tuple(Reason(r["code"], r["label"], r["description"]) for r in document["reasons"])
    codes = [r.code for r in reasons]
    duplicated = sorted({c for c in codes if codes.count(c) > 1})
    if duplicated:
        raise CatalogError(f"{path}: reason {duplicated[0]}: field code: listed twice")
    return reasons


def load_categories(path: Path) -> tuple[Category, ...]:
    """Load the 12 categories with their focus areas."""
    document = _read_json(path)
    try:
        area_of = {n: a["name"] for a in document["focus_areas"] for n in a["categories"]}
        categories = tuple(
            Category(c["number"], c["name"], area_of[c["number"]]) for c in document["categories"]
        )
    except (KeyError, TypeError) as exc:
        raise CatalogError(f"{path}: malformed categories file (missing {exc})") from exc
    if [c.number for c in categories] != list(range(1, 13)):
        raise CatalogError(f"{path}: categories must be numbered 1 to 12 in order")
    return categories
