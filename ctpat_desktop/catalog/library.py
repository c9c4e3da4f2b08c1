"""The shipped catalogs, found by entity type and loaded on first use."""

from functools import cached_property
from pathlib import Path

from ctpat_desktop.catalog.loader import load_catalog, load_categories, load_reasons
from ctpat_desktop.catalog.model import Catalog, Category, Reason
from ctpat_desktop.errors import NotFoundError


class CatalogLibrary:
    """Catalogs, categories and reasons under a resources folder."""

    def __init__(self, resources: Path) -> None:
        self._msc = resources / "msc"
        self.schema_dir = resources / "schema"
        self._catalogs: dict[str, Catalog] = {}

    def entities(self) -> list[str]:
        """Entity codes with a catalog file, sorted."""
        return sorted(p.stem for p in (self._msc / "catalogs").glob("*.json"))

    def catalog(self, entity: str) -> Catalog:
        """The current catalog of an entity type."""
        if entity not in self._catalogs:
            path = self._msc / "catalogs" / f"{entity}.json"
            if not path.exists():
                known = ", ".join(self.entities())
                raise NotFoundError(f"unknown entity type '{entity}'; known: {known}")
            self._catalogs[entity] = load_catalog(path, self.schema_dir)
        return self._catalogs[entity]

    def names(self) -> list[tuple[str, str]]:
        """(entity code, name) of every catalog, read without the full check (for pickers)."""
        import json

        result = []
        for entity in self.entities():
            path = self._msc / "catalogs" / f"{entity}.json"
            try:
                name = json.loads(path.read_text(encoding="utf-8")).get("name", entity)
            except (OSError, ValueError):
                name = entity
            result.append((entity, str(name)))
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
