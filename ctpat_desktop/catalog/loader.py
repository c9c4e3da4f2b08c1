"""Read and check catalog and reasons files; errors name the file, criterion and field."""

import hashlib
import json
import re
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from ctpat_desktop.catalog.model import (
    Catalog,
    Category,
    Criterion,
    Level,
    Part,
    Reason,
    Source,
)
from ctpat_desktop.catalog.model import criterion_sort_key as _sort_key
from ctpat_desktop.errors import CatalogError


@cache
def schema_validator(schema_path: Path) -> Any:
    """A JSON-schema validator whose patterns end where the text ends.

    In a schema, ``$`` matches only at the end; in Python's re it also matches before a
    final newline, so "2026-05-04\\n" would pass a date pattern. Patterns are searched
    with ``$`` read as ``\\Z`` here.
    """
    from jsonschema import Draft202012Validator, ValidationError, validators

    def pattern(_validator: Any, regex: str, instance: Any, _schema: Any) -> Any:
        if not isinstance(instance, str):
            return
        strict = regex[:-1] + r"\Z" if regex.endswith("$") and not regex.endswith(r"\$") else regex
        if not re.search(strict, instance):
            yield ValidationError(f"{instance!r} does not match {regex!r}")

    strict_validator = validators.extend(Draft202012Validator, {"pattern": pattern})
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    return strict_validator(schema)


def _read_json(path: Path) -> Any:
    return _parse_json(path, _read_bytes(path))


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise CatalogError(f"{path}: file not found") from exc
    except OSError as exc:
        raise CatalogError(f"{path}: cannot be read ({exc})") from exc


def _parse_json(path: Path, data: bytes) -> Any:
    try:
        return json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise CatalogError(f"{path}: cannot be read ({exc})") from exc
    except json.JSONDecodeError as exc:
        raise CatalogError(f"{path}: not valid JSON (line {exc.lineno}: {exc.msg})") from exc
    except RecursionError:  # how json gives up on deep nesting
        raise CatalogError(f"{path}: not a catalog file (nested too deeply)") from None


def _describe(error: Any, document: Any, item_key: str, item_name: str) -> str:
    """Turn a jsonschema error into 'criterion 4.3: field level: ...'."""
    path = list(error.absolute_path)
    where = []
    if len(path) >= 2 and path[0] == item_key and isinstance(path[1], int):
        item = document[item_key][path[1]]
        label = item.get("id") or item.get("code") if isinstance(item, dict) else None
        if label and not (isinstance(label, str) and label.isprintable()):
            label = repr(label)  # the file's own text, kept on one line
        where.append(f"{item_name} {label}" if label else f"{item_name} #{path[1] + 1}")
        path = path[2:]
    field_name = ".".join(str(p) for p in path)
    if not field_name and error.validator == "required":
        field_name = str(error.message).split("'")[1]
    if field_name:
        where.append(f"field {field_name}")
    return ": ".join([*where, error.message])


def _check_schema(document: Any, source: str, schema: Path, item_key: str, name: str) -> None:
    errors = sorted(schema_validator(schema).iter_errors(document), key=lambda e: list(e.path))
    if errors:
        raise CatalogError(f"{source}: {_describe(errors[0], document, item_key, name)}")


FORMAT_1_UNVERIFIED = "catalog format 1 names no CBP source"


def _parts(item: Mapping[str, Any], source: str) -> tuple[Part, ...]:
    cid = item["id"]
    parts = tuple(Part(p["key"], Level(p["level"]), p["text"]) for p in item.get("parts", ()))
    keys = [p.key for p in parts]
    if len(set(keys)) != len(keys):
        raise CatalogError(f"{source}: criterion {cid}: field parts: a key is listed twice")
    return parts


def _source(
    item: Mapping[str, Any], documents: Mapping[str, Any], fmt: int, source: str
) -> tuple[Source | None, str]:
    """The criterion's CBP source, or None and why it is unverified."""
    cid = item["id"]
    if fmt == 1:
        return None, FORMAT_1_UNVERIFIED
    cited, unverified = item.get("source"), item.get("unverified")
    if (cited is None) == (unverified is None):
        raise CatalogError(
            f"{source}: criterion {cid}: needs either a source or the reason it is unverified"
        )
    if cited is None:
        return None, str(unverified)
    document = documents.get(cited["document"])
    if document is None:
        raise CatalogError(
            f"{source}: criterion {cid}: field source.document: '{cited['document']}' is not "
            "one of the catalog's documents"
        )
    url = document.get("url", "")
    return Source(document["title"], document["date"], cited["locator"], url), ""


def catalog_from_dict(
    document: Mapping[str, Any], source: str, schema_dir: Path, checked: bool = False
) -> Catalog:
    """Check a catalog document against its schema and rules and build the Catalog.

    checked=True skips the schema pass for a document already checked and known unchanged
    (a pinned snapshot whose hash matched); the rule checks below still run.
    """
    if not checked:
        _check_schema(document, source, schema_dir / "catalog.schema.json", "criteria", "criterion")
    fmt = document["format"]
    documents = document.get("documents", {})
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
        cited, unverified = _source(item, documents, fmt, source)
        criteria.append(
            Criterion(
                id=cid,
                category=item["category"],
                level=Level(item["level"]),
                title=item["title"],
                text=item["text"],
                guidance=item["guidance"],
                themes=tuple(item.get("themes", ())),
                parts=_parts(item, source),
                source=cited,
                unverified=unverified,
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
        msc=document.get("msc", ""),
    )


def apply_version(base: Mapping[str, Any], delta: Mapping[str, Any], source: str) -> dict[str, Any]:
    """The full document of a version written as its changes to its base version."""
    if delta["entity"] != base["entity"]:
        raise CatalogError(
            f"{source}: field entity: '{delta['entity']}' but its base is '{base['entity']}'"
        )
    if delta["effective"] <= base["effective"]:
        raise CatalogError(
            f"{source}: field effective: {delta['effective']} is not after its base version's "
            f"{base['effective']}"
        )
    by_id = {c["id"]: dict(c) for c in base["criteria"]}
    for cid in delta.get("removed", ()):
        if by_id.pop(cid, None) is None:
            raise CatalogError(f"{source}: removed {cid}: not in base version {base['version']}")
    for change in delta["changes"]:
        criterion = by_id.setdefault(change["id"], {})
        criterion.update(change)
        if "parts" in change and change["parts"] is None:  # a change may drop the parts
            del criterion["parts"]
        if "source" in change:
            criterion.pop("unverified", None)
        if "unverified" in change:
            criterion.pop("source", None)
    document = {k: v for k, v in base.items() if k != "criteria"}
    document.update(
        version=delta["version"],
        effective=delta["effective"],
        msc=delta["msc"],
        documents={**base.get("documents", {}), **delta.get("documents", {})},
        criteria=sorted(by_id.values(), key=lambda c: _sort_key(str(c["id"]))),
    )
    if "source" in delta:
        document["source"] = delta["source"]
    return document


def load_catalog(
    path: Path,
    schema_dir: Path,
    base: Callable[[str], Catalog] | None = None,
    _bases: tuple[Path, ...] = (),
    shipped: str | None = None,
) -> Catalog:
    """Load one version of an entity's catalog: catalogs/<entity>/<version>.json.

    A version written as changes (`base`) is applied to its base version's document first;
    `base` gives an already loaded version by name (else the base file is loaded here), so
    only what the changes touch is checked against the schema again. `shipped` is the
    SHA-256 the file had when it shipped (the tests checked it): while the file still has
    it, the schema pass is skipped; the rule checks always run.
    """
    data = _read_bytes(path)  # read once: hashed, then parsed
    document = _parse_json(path, data)
    checked = shipped is not None and hashlib.sha256(data).hexdigest() == shipped
    if isinstance(document, dict) and "base" in document:
        if not checked:
            _check_schema(
                document, str(path), schema_dir / "catalog-version.schema.json", "changes", "change"
            )
        base_path = path.with_name(f"{document['base']}.json")
        if base_path in (*_bases, path):
            raise CatalogError(f"{path}: field base: versions are based on each other in a loop")
        if base is not None:
            base_catalog = base(document["base"])
        else:
            base_catalog = load_catalog(base_path, schema_dir, None, (*_bases, path))
        changed = {c["id"] for c in document["changes"]}
        document = apply_version(base_catalog.raw, document, str(path))
        if not checked:
            touched = [c for c in document["criteria"] if c["id"] in changed]
            _check_schema(
                {**document, "criteria": touched or document["criteria"][:1]},
                str(path),
                schema_dir / "catalog.schema.json",
                "criteria",
                "criterion",
            )
        checked = True
    return _named_as_its_file(catalog_from_dict(document, str(path), schema_dir, checked), path)


def _named_as_its_file(catalog: Catalog, path: Path) -> Catalog:
    """A catalog file lives at <entity>/<version>.json."""
    if path.parent.name != catalog.entity:
        raise CatalogError(
            f"{path}: field entity: '{catalog.entity}' does not match the folder name "
            f"'{path.parent.name}'"
        )
    if path.stem != catalog.version:
        raise CatalogError(
            f"{path}: field version: '{catalog.version}' does not match the file name '{path.stem}'"
        )
    return catalog


_REASON_CODE = re.compile(r"^[a-z][a-z0-9-]*$")


def load_reasons(path: Path) -> tuple[Reason, ...]:
    """Load the coded deficiency reasons.

    The file is small and read whenever a validation opens, so it is checked here by hand
    (the same rules as resources/schema/reasons.schema.json, which a test holds them to)
    instead of importing jsonschema (~60 ms) on the way to the workspace.
    """
    document = _read_json(path)
    items = document.get("reasons") if isinstance(document, dict) else None
    if not isinstance(document, dict) or document.get("format") != 1:
        raise CatalogError(f"{path}: field format: must be 1")
    if not isinstance(document.get("version"), str):
        raise CatalogError(f"{path}: field version: must be a string")
    if not isinstance(items, list) or not items:
        raise CatalogError(f"{path}: field reasons: must be a non-empty list")
    for number, item in enumerate(items, start=1):
        label = item.get("code") if isinstance(item, dict) else None
        where = f"reason {label}" if isinstance(label, str) else f"reason #{number}"
        if not isinstance(item, dict) or set(item) != {"code", "label", "description"}:
            raise CatalogError(f"{path}: {where}: needs exactly code, label and description")
        for name in ("code", "label", "description"):
            if not isinstance(item[name], str) or not item[name]:
                raise CatalogError(f"{path}: {where}: field {name}: must be non-empty text")
        if not _REASON_CODE.match(item["code"]):
            raise CatalogError(f"{path}: {where}: field code: lower-case letters, digits, dashes")
    reasons = tuple(Reason(r["code"], r["label"], r["description"]) for r in items)
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
