"""The shipped catalogs, found by entity type and version and loaded on first use.

resources/msc/catalogs/<entity>/<version>.json: one file per MSC version of an entity type.
A validation pins the version in force on its date (`catalog_on`).
"""

import hashlib
import json
from datetime import date
from functools import cached_property
from pathlib import Path

from ctpat_desktop.catalog.loader import load_catalog, load_categories, load_reasons
from ctpat_desktop.catalog.model import Catalog, Category, Reason
from ctpat_desktop.errors import CatalogError, NotFoundError


def _version_key(version: str) -> tuple[int, int]:
    year, _, revision = version.partition(".")
    return int(year), int(revision)


MANIFEST = "manifest.json"


def file_hashes(catalogs: Path) -> dict[str, str]:
    """SHA-256 of every catalog file below a catalogs folder, by its path in it."""
    return {
        path.relative_to(catalogs).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(catalogs.glob("*/*.json"))
    }


class CatalogLibrary:
    """Catalogs, categories and reasons under a resources folder.

    catalogs/manifest.json holds the SHA-256 of every shipped file, each checked against
    the schema by the tests; a file that still has its hash skips the (slow) schema pass
    here, the rule checks still run. A changed file is checked in full.
    """

    def __init__(self, resources: Path) -> None:
        self._msc = resources / "msc"
        self.schema_dir = resources / "schema"
        self._catalogs: dict[tuple[str, str], Catalog] = {}
        self._loading: set[tuple[str, str]] = set()

    def entities(self) -> list[str]:
        """Entity codes with a catalog folder, sorted."""
        return sorted(p.name for p in (self._msc / "catalogs").iterdir() if p.is_dir())

    def _folder(self, entity: str) -> Path:
        folder = self._msc / "catalogs" / entity
        if not entity or not folder.is_dir() or entity.startswith("."):
            known = ", ".join(self.entities())
            raise NotFoundError(f"unknown entity type '{entity}'; known: {known}")
        return folder

    def version_names(self, entity: str) -> list[str]:
        """The shipped versions of an entity's catalog, oldest first."""
        names = [p.stem for p in self._folder(entity).glob("*.json")]
        return sorted(names, key=_version_key)

    def versions(self, entity: str) -> list[Catalog]:
        """Every shipped version of an entity's catalog, oldest first."""
        return [self.catalog(entity, v) for v in self.version_names(entity)]

    def catalog(self, entity: str, version: str | None = None) -> Catalog:
        """One version of an entity's catalog; without a version, the one in force today."""
        if version is None:
            return self.catalog_on(entity, date.today())
        key = (entity, version)
        if key not in self._catalogs:
            path = self._folder(entity) / f"{version}.json"
            if not path.is_file():
                known = ", ".join(self.version_names(entity))
                raise NotFoundError(f"no catalog version '{version}' of {entity}; known: {known}")
            if key in self._loading:
                loop = "versions are based on each other in a loop"
                raise CatalogError(f"{path}: field base: {loop}")
            self._loading.add(key)
            try:
                self._catalogs[key] = load_catalog(
                    path,
                    self.schema_dir,
                    lambda base: self.catalog(entity, base),
                    shipped=self._shipped.get(f"{entity}/{version}.json"),
                )
            finally:
                self._loading.discard(key)
        return self._catalogs[key]

    @cached_property
    def _shipped(self) -> dict[str, str]:
        """The manifest's SHA-256 per shipped file (none if the manifest is missing)."""
        try:
            document = json.loads((self._msc / "catalogs" / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return (
            {k: v for k, v in document.items() if isinstance(v, str)}
            if isinstance(document, dict)
            else {}
        )

    def catalog_on(self, entity: str, day: date) -> Catalog:
        """The version in force on a day: the newest effective by then (else the oldest)."""
        versions = self.versions(entity)
        in_force = [c for c in versions if c.effective <= day.isoformat()]
        return max(in_force, key=lambda c: c.effective) if in_force else versions[0]

    def names(self) -> list[tuple[str, str]]:
        """(entity code, name) of every catalog, read without the full check (for pickers)."""
        result = []
        for entity in self.entities():
            name = entity
            for path in sorted(self._folder(entity).glob("*.json")):
                try:
                    found = json.loads(path.read_text(encoding="utf-8")).get("name")
                except (OSError, ValueError, AttributeError):
                    continue
                if isinstance(found, str) and found:
                    name = found
                    break
            result.append((entity, name))
        return sorted(result, key=lambda item: item[1])

    @cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """The coded deficiency reasons."""
        return load_reasons(self._msc / "reasons.json")

    @cached_property
    def categories(self) -> tuple[Category, ...]:
        """The 12 categories in natural order."""
        return load_categories(self._msc / "categories.json")

    def reason_codes(self) -> frozenset[str]:
        """The valid reason codes."""
        return frozenset(r.code for r in self.reasons)
