"""MSC catalogs: categories, criteria per entity type, deficiency reasons (pure Python)."""

from ctpat_desktop.catalog.library import CatalogLibrary
from ctpat_desktop.catalog.loader import catalog_from_dict, load_catalog, load_reasons
from ctpat_desktop.catalog.model import (
    Catalog,
    Category,
    Criterion,
    Level,
    Reason,
    criterion_sort_key,
)
from ctpat_desktop.catalog.translations import Translations, languages, translations

__all__ = [
    "Catalog",
    "CatalogLibrary",
    "Category",
    "Criterion",
    "Level",
    "Reason",
    "Translations",
    "catalog_from_dict",
    "criterion_sort_key",
    "languages",
    "load_catalog",
    "load_reasons",
    "translations",
]
