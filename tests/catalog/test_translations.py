"""The project's own translations: every category and reason has one, in a checked file."""

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from ctpat_desktop.catalog import CatalogLibrary, languages, translations
from ctpat_desktop.catalog.translations import load_translations
from ctpat_desktop.errors import CatalogError
from ctpat_desktop.paths import resources_dir


def test_every_category_and_reason_has_a_spanish_label() -> None:
    library = CatalogLibrary(resources_dir())
    spanish = translations(resources_dir(), "es")
    assert set(spanish.categories) == {c.number for c in library.categories}
    assert set(spanish.reasons) == set(library.reason_codes())
    reasons = spanish.translate_reasons(library.reasons)
    assert [r.code for r in reasons] == [r.code for r in library.reasons]
    assert all(r.label != e.label for r, e in zip(reasons, library.reasons, strict=True))
    assert dict((r.code, r.label) for r in reasons)["training-gap"] == "Falta de capacitación"
    categories = spanish.translate_categories(library.categories)
    assert categories[3].name == "Ciberseguridad"
    assert categories[3].focus_area == library.categories[3].focus_area


def test_english_is_the_catalogs_own_and_unknown_languages_are_named() -> None:
    library = CatalogLibrary(resources_dir())
    english = translations(resources_dir(), "en")
    assert english.translate_reasons(library.reasons) == library.reasons
    assert languages(resources_dir()) == ["en", "es"]
    with pytest.raises(CatalogError, match="no translations in language 'xx'; use one of: en, es"):
        translations(resources_dir(), "xx")


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ({"format": 2, "language": "es"}, "field format: must be 1"),
        ({"format": 1, "language": "fr"}, "field language: must be 'es'"),
        ({"format": 1, "language": "es", "categories": {"x": "A"}}, "category 'x'"),
        ({"format": 1, "language": "es", "categories": {"1": ""}}, "category 1: must be"),
        ({"format": 1, "language": "es", "reasons": {"other": "Otra"}}, "reason other: must be"),
        (
            {"format": 1, "language": "es", "reasons": {"other": {"label": "Otra"}}},
            "reason other: field description",
        ),
    ],
)
def test_a_broken_file_is_named(tmp_path: Path, document: object, message: str) -> None:
    path = tmp_path / "es.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(CatalogError, match=message):
        load_translations(path)


def _codes(text: str) -> list[str]:
    """What a translation must carry over unchanged: numbers, criterion IDs and acronyms."""
    return sorted(re.findall(r"\b(?:\d+(?:\.\d+)?|[A-Z]{2,}\d*)\b", text))


def test_every_criterion_and_entity_name_of_every_catalog_has_spanish_text() -> None:
    library = CatalogLibrary(resources_dir())
    spanish = translations(resources_dir(), "es")
    missing, lost = [], []
    for catalog in (c for entity in library.entities() for c in library.versions(entity)):
        entity = f"{catalog.entity} {catalog.version}"
        english = [catalog.name] + [
            text
            for c in catalog.criteria
            for text in (c.title, c.text, c.guidance, *(p.text for p in c.parts))
            if text
        ]
        for text in english:
            if text not in spanish.texts:
                missing.append(f"{entity}: {text[:60]!r}")
            elif set(_codes(text)) - set(_codes(spanish.texts[text])) - _TRANSLATED_CODES:
                lost.append(f"{entity}: {text[:60]!r} loses {_codes(text)}")
    assert missing == []
    assert lost == []
    assert len(library.entities()) == 12


# Acronyms Spanish writes its own way (IT → TI, HR → recursos humanos); numbers never change.
_TRANSLATED_CODES = {"IT", "ID", "HR"}


def test_a_catalog_in_spanish_keeps_ids_levels_and_its_pinned_document() -> None:
    library = CatalogLibrary(resources_dir())
    catalog = library.catalog("importer")
    spanish = translations(resources_dir(), "es").translate_catalog(catalog)
    assert spanish.name == "Importadores de EE. UU."
    assert [(c.id, c.level, c.category) for c in spanish.criteria] == [
        (c.id, c.level, c.category) for c in catalog.criteria
    ]
    assert spanish.raw is catalog.raw and spanish.version == catalog.version
    first, original = spanish.criteria[0], catalog.criteria[0]
    assert first.text != original.text and first.guidance != original.guidance
    assert spanish.get("4.8") is not None and spanish.get("4.8") != catalog.get("4.8")
    # English needs no translation and a text the file lacks stays as the catalog has it.
    assert translations(resources_dir(), "en").translate_catalog(catalog) is catalog
    partial = replace(translations(resources_dir(), "es"), texts={original.title: "Título"})
    one = partial.translate_catalog(catalog).criteria[0]
    assert (one.title, one.text) == ("Título", original.text)


def test_a_text_translation_must_be_text(tmp_path: Path) -> None:
    path = tmp_path / "es.json"
    document = {"format": 1, "language": "es", "texts": {"Seal integrity": ""}}
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(CatalogError, match="text 'Seal integrity': must be non-empty text"):
        load_translations(path)
