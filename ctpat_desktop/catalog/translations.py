"""The project's own translations of the catalogs, one file per language.

resources/msc/i18n/<language>.json holds category names and reasons (by number and code)
and, under "texts", every criterion title, text and guidance and every entity type's name,
keyed by the English as the catalog files have it. The catalog files stay untouched, since
validations pin those by SHA-256; a text changed in a catalog has no translation until its
new English is added here, so a stale translation is never shown (a test lists what is
missing).
"""

import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ctpat_desktop.catalog.model import Catalog, Category, Reason
from ctpat_desktop.errors import CatalogError

SOURCE_LANGUAGE = "en"  # the language the catalog files are written in


@dataclass(frozen=True, slots=True)
class ReasonText:
    """A reason's label and description in one language."""

    label: str
    description: str


@dataclass(frozen=True)
class Translations:
    """Catalog words in one language; what is missing stays as the catalog has it."""

    language: str
    categories: Mapping[int, str] = field(default_factory=dict)
    reasons: Mapping[str, ReasonText] = field(default_factory=dict)
    texts: Mapping[str, str] = field(default_factory=dict)  # English → this language

    def text(self, english: str) -> str:
        """One catalog text in this language (the English when there is none)."""
        return self.texts.get(english, english)

    def translate_catalog(self, catalog: Catalog) -> Catalog:
        """The catalog with its name and criteria in this language; IDs, levels, the
        version and the pinned document stay as they are."""
        if not self.texts:
            return catalog
        criteria = tuple(
            replace(
                c,
                title=self.text(c.title),
                text=self.text(c.text),
                guidance=self.text(c.guidance) if c.guidance else c.guidance,
                parts=tuple(replace(p, text=self.text(p.text)) for p in c.parts),
            )
            for c in catalog.criteria
        )
        return replace(catalog, name=self.text(catalog.name), criteria=criteria)

    def translate_categories(self, categories: tuple[Category, ...]) -> tuple[Category, ...]:
        """The categories with their names in this language."""
        return tuple(replace(c, name=self.categories.get(c.number, c.name)) for c in categories)

    def translate_reasons(self, reasons: tuple[Reason, ...]) -> tuple[Reason, ...]:
        """The reasons with their labels and descriptions in this language; codes stay."""
        translated = []
        for reason in reasons:
            text = self.reasons.get(reason.code)
            translated.append(
                reason
                if text is None
                else replace(reason, label=text.label, description=text.description)
            )
        return tuple(translated)


def languages(resources: Path) -> list[str]:
    """The languages there are: the catalogs' own and one per translation file, sorted."""
    found = {p.stem for p in (resources / "msc" / "i18n").glob("*.json")}
    return sorted(found | {SOURCE_LANGUAGE})


def translations(resources: Path, language: str) -> Translations:
    """The translations of a language; the catalogs' own language needs none."""
    if language == SOURCE_LANGUAGE:
        return Translations(language)
    path = resources / "msc" / "i18n" / f"{language}.json"
    if not path.is_file():
        known = ", ".join(languages(resources))
        raise CatalogError(f"no translations in language '{language}'; use one of: {known}")
    return load_translations(path)


def load_translations(path: Path) -> Translations:
    """Read and check one translation file; errors name the file and the entry."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CatalogError(f"{path}: cannot be read as JSON ({exc})") from exc
    if not isinstance(document, dict) or document.get("format") != 1:
        raise CatalogError(f"{path}: field format: must be 1")
    if document.get("language") != path.stem:
        raise CatalogError(f"{path}: field language: must be '{path.stem}', as the file name")
    categories: dict[int, str] = {}
    for number, name in _texts(path, document, "categories").items():
        if not number.isdigit():
            raise CatalogError(f"{path}: category {number!r}: must be a category number")
        categories[int(number)] = _text(path, f"category {number}", name)
    reasons: dict[str, ReasonText] = {}
    for code, item in _texts(path, document, "reasons").items():
        if not isinstance(item, dict):
            raise CatalogError(f"{path}: reason {code}: must be an object")
        reasons[code] = ReasonText(
            _text(path, f"reason {code}: field label", item.get("label")),
            _text(path, f"reason {code}: field description", item.get("description")),
        )
    texts = {
        english: _text(path, f"text {english[:40]!r}", spanish)
        for english, spanish in _texts(path, document, "texts").items()
    }
    return Translations(path.stem, categories, reasons, texts)


def _texts(path: Path, document: dict[str, Any], key: str) -> dict[str, Any]:
    value = document.get(key, {})
    if not isinstance(value, dict):
        raise CatalogError(f"{path}: field {key}: must be an object")
    return value


def _text(path: Path, where: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise CatalogError(f"{path}: {where}: must be non-empty text")
    return value
