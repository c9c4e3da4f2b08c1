"""The Typst engine: tagged PDF/UA-1 + PDF/A-2b, text kept as text, fonts embedded."""

import io
import re
import subprocess
from pathlib import Path

import pytest
from PIL import Image as PillowImage

from ctpat_desktop.errors import CtpatError
from ctpat_desktop.pdf.blocks import (
    BarChart,
    Bullets,
    Group,
    Heading,
    Image,
    Paragraph,
    SignatureSpot,
    Span,
    Table,
)
from ctpat_desktop.pdf.engine import Document, render, write_pdf
from tests.pdf import pdfcheck

MARKUP = "#set text(red) *not bold* $x$ <label> @ref [link](x) \\ = heading"


def _png() -> bytes:
    buffer = io.BytesIO()
    PillowImage.new("RGB", (320, 200), (30, 90, 160)).save(buffer, "PNG")
    return buffer.getvalue()


def _document(**overrides: object) -> Document:
    values: dict[str, object] = {
        "title": "Validation of Méndez Logística & Hijos <Norte>",
        "footer": "CTPAT · test",
        "blocks": [
            Heading("Validation of Méndez Logística & Hijos <Norte>", level=1),
            Paragraph(MARKUP),
            Heading("Findings"),
            Table(("Criterion", "Status"), [("4.8", "not met"), ("2.3", "met")], (80, 80), 1),
            Heading("Details", level=3),
            Bullets(["first", [Span("second ", bold=True), Span("item", italic=True)]]),
            BarChart(["Cybersecurity", "Seal Security"], [3, 1], ["3", "1"], alt="Two bars"),
            Group([Image("shot.png", alt="A screenshot of the seal log", caption="Seal log")]),
        ],
        "files": {"shot.png": _png()},
    }
    values.update(overrides)
    return Document(**values)  # type: ignore[arg-type]


@pytest.fixture
def written(tmp_path: Path) -> Path:
    path = tmp_path / "doc.pdf"
    write_pdf(_document(), path)
    return path


def test_the_pdf_is_tagged_with_headings_tables_and_figures(written: Path) -> None:
    elements = pdfcheck.structure(written)
    tags = [e.tag for e in elements]
    assert tags[0] == "Document"
    assert {"H1", "H2", "H3", "P", "Table", "TR", "TH", "TD", "L", "LI"} <= set(tags)
    assert tags.count("TH") == 2
    figures = [e.alt for e in elements if e.tag == "Figure"]
    assert figures == ["Two bars", "A screenshot of the seal log"]
    assert pdfcheck.info(written)["Tagged"] == "yes"


def test_the_pdf_declares_pdf_ua_and_pdf_a_language_and_title(written: Path) -> None:
    assert pdfcheck.conformance(written) == {"pdfa": "2B", "pdfua": "1"}
    assert pdfcheck.catalog(written) == ("en", True)
    assert pdfcheck.info(written)["Title"] == "Validation of Méndez Logística & Hijos <Norte>"
    spanish = written.with_name("es.pdf")
    write_pdf(_document(lang="es"), spanish)
    assert pdfcheck.catalog(spanish)[0] == "es"


def test_every_font_is_embedded(written: Path) -> None:
    fonts = pdfcheck.fonts(written)
    assert fonts and all(embedded for _, embedded in fonts), fonts
    assert {name.split("+")[-1] for name, _ in fonts} <= {
        "DejaVuSans",
        "DejaVuSans-Bold",
        "DejaVuSans-Oblique",
    }


def test_text_is_never_read_as_markup(written: Path) -> None:
    (page,) = pdfcheck.page_texts(written)
    assert MARKUP in page
    assert "Validation of Méndez Logística & Hijos <Norte>" in " ".join(page.split())


def test_marking_and_watermark_on_every_page(tmp_path: Path) -> None:
    long = [Paragraph(f"Paragraph {n} " + "words " * 60) for n in range(60)]
    path = tmp_path / "draft.pdf"
    write_pdf(
        _document(
            blocks=long,
            marking="CUI // PROPIN",
            watermark="DRAFT",
            banner="DRAFT — not signed",
            header_left="Méndez Logística & Hijos <Norte> " * 4,
            header_right="Report · Version 2",
            page_word="Página",
            of_word="de",
        ),
        path,
    )
    pages = pdfcheck.page_texts(path)
    assert len(pages) > 2
    for number, page in enumerate(pages, start=1):
        assert "CUI // PROPIN" in page
        assert f"Página {number} de {len(pages)}" in page
        assert page.count("CUI // PROPIN") == 2  # at the top and the bottom
        assert "DRAFT — not signed" in page
        # The running header: the long left side shortened to leave room for the right.
        assert re.search(r"Méndez Logística & Hijos <Norte>.*…\s+Report · Version 2", page)
    words = pdfcheck.page_words(path)
    assert len(words) == len(pages) and all("DRAFT—notsigned" in page for page in words)
    # The big word is a picture behind each page: its letters never break the text up.
    listed = subprocess.run(
        ["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True
    )
    assert sorted({int(row.split()[0]) for row in listed.stdout.splitlines()[2:]}) == list(
        range(1, len(pages) + 1)
    )
    unmarked = tmp_path / "final.pdf"
    write_pdf(_document(blocks=long), unmarked)
    assert not any("DRAFT" in page for page in pdfcheck.page_words(unmarked))
    assert not any("CUI" in page for page in pdfcheck.page_texts(unmarked))


def test_a_file_name_with_a_folder_is_refused() -> None:
    with pytest.raises(ValueError, match="plain file name"):
        render(_document(files={"../shot.png": _png()}))


def test_a_broken_image_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "doc.pdf"
    path.write_bytes(b"previous")
    with pytest.raises(CtpatError, match="the PDF could not be typeset"):
        write_pdf(_document(files={"shot.png": b"not a picture"}), path)
    assert path.read_bytes() == b"previous"


def _word_boxes(path: Path, page: int) -> list[tuple[float, float, float, float]]:
    """The words' boxes on one page (0-based), in PDF points from the bottom left."""
    done = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page + 1), "-l", str(page + 1), str(path), "-"],
        capture_output=True,
        check=True,
        text=True,
    )
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"'
    return [
        (float(x1), 792 - float(y2), float(x2), 792 - float(y1))
        for x1, y1, x2, y2 in re.findall(pattern, done.stdout)
    ]


def test_the_signature_spot_is_found_where_it_was_left_empty(tmp_path: Path) -> None:
    long = [Paragraph(f"Paragraph {n} " + "words " * 60) for n in range(16)]
    closing = Group([Paragraph("I conducted this validation."), SignatureSpot(228, 88)])
    path = tmp_path / "signed-later.pdf"
    spot = write_pdf(_document(blocks=[*long, closing], files={}), path)
    assert spot is not None
    assert spot.page == len(pdfcheck.page_texts(path)) - 1 > 0
    assert (round(spot.x2 - spot.x1), round(spot.y2 - spot.y1)) == (228, 88)
    assert spot.x1 >= 54 and spot.y1 >= 54 and spot.y2 <= 792 - 54
    words = _word_boxes(path, spot.page)
    above = [w for w in words if w[1] >= spot.y2 - 0.5]
    assert above, "the closing sentence is above the spot"
    overlapping = [
        w for w in words if w[0] < spot.x2 and w[2] > spot.x1 and w[1] < spot.y2 and w[3] > spot.y1
    ]
    assert overlapping == []
    assert write_pdf(_document(files={}, blocks=long), tmp_path / "none.pdf") is None
