"""The project's own translations: every category and reason has one, in a checked file."""

import json
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
