"""MSC catalogs: categories, criteria per entity type, deficiency reasons (pure Python)."""

from ctpat_desktop.catalog.library import CatalogLibrary
from ctpat_desktop.catalog.loader import (
    apply_version,
    catalog_from_dict,
    load_catalog,
    load_reasons,
)
from ctpat_desktop.catalog.model import (
    Catalog,
    Category,
    Criterion,
    Level,
    Part,
    Reason,
    Source,
    criterion_sort_key,
)
from ctpat_desktop.catalog.translations import Translations, languages, translations

__all__ = [
    "Catalog",
    "CatalogLibrary",
    "Category",
    "Criterion",
    "Level",
    "Part",
    "Reason",
    "Source",
    "Translations",
    "apply_version",
    "catalog_from_dict",
    "criterion_sort_key",
    "languages",
    "load_catalog",
    "load_reasons",
    "translations",
]
