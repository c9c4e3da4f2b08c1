"""Typeset a document with Typst as PDF/UA-1 and PDF/A-2b, fonts from resources/fonts only."""

import io
import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from pathlib import Path

from ctpat_desktop.errors import CtpatError
from ctpat_desktop.paths import resources_dir
from ctpat_desktop.pdf.blocks import Block, Group, SignatureSpot, to_json
from ctpat_desktop.pdf.template import TEMPLATE
from ctpat_desktop.scratch import PrivateFolder

# PDF/UA-1 (ISO 14289-1: tagged, for Section 508) and PDF/A-2b (ISO 19005-2, archival; level
# b keeps what a signature's incremental update may add valid). Typst writes both at once.
STANDARDS = ("ua-1", "a-2b")
PAGE_HEIGHT = 792.0  # US letter, in points


@dataclass(frozen=True, slots=True)
class Spot:
    """Where a SignatureSpot landed: page (0-based) and box in PDF points (origin bottom left)."""

    page: int
    x1: float
    y1: float
    x2: float
    y2: float


@dataclass(frozen=True)
class Document:
    """What to typeset: metadata, the blocks in order, and the files images name."""

    title: str
    blocks: Sequence[Block]
    author: str = "ctpat-desktop"
    subject: str = ""
    lang: str = "en"
    footer: str = ""
    page_word: str = "Page"
    of_word: str = "of"
    marking: str = ""  # a line at the top and the bottom of every page (a sensitivity marking)
    watermark: str = ""  # a word across every page (DRAFT), pale, drawn as a picture
    header_left: str = ""  # the running header (shortened to fit) and its right-hand side
    header_right: str = ""
    banner: str = ""  # a red line under the running header of every page
    files: Mapping[str, bytes] = field(default_factory=dict)
    created: datetime | None = None  # the PDF's creation date; None: now


_WATERMARK = "watermark.png"
_RESERVED = frozenset({"main.typ", "document.json", _WATERMARK})


def fonts_dir() -> Path:
    """The fonts every document is set in (shipped with the app, embedded in each PDF)."""
    return resources_dir() / "fonts"


def render(document: Document) -> bytes:
    """The document as PDF bytes; CtpatError if it cannot be typeset."""
    return typeset(document)[0]


def typeset(document: Document) -> tuple[bytes, Spot | None]:
    """The PDF and where its SignatureSpot landed (None without one); CtpatError if it
    cannot be typeset."""
    import typst

    data = {
        "title": document.title,
        "author": document.author,
        "subject": document.subject,
        "lang": document.lang,
        "footer": document.footer,
        "page_word": document.page_word,
        "of_word": document.of_word,
        "marking": document.marking,
        "watermark": _WATERMARK if document.watermark else "",
        "header_left": document.header_left,
        "header_right": document.header_right,
        "banner": document.banner,
        "blocks": [to_json(b) for b in document.blocks],
    }
    with PrivateFolder("pdf") as tmp:
        root = Path(tmp)
        for name, content in document.files.items():
            if Path(name).name != name or name in _RESERVED:
                raise ValueError(f"not a plain file name for a document's file: {name!r}")
            (root / name).write_bytes(content)
        if document.watermark:
            (root / _WATERMARK).write_bytes(_watermark(document.watermark))
        (root / "document.json").write_text(json.dumps(data), encoding="utf-8")
        (root / "main.typ").write_text(TEMPLATE, encoding="utf-8")
        fonts = typst.Fonts(
            include_system_fonts=False, include_embedded_fonts=False, font_paths=[fonts_dir()]
        )
        compiler = typst.Compiler(root / "main.typ", root=root, font_paths=fonts)
        try:
            pdf = compiler.compile(
                format="pdf",
                pdf_standards=list(STANDARDS),  # type: ignore[arg-type]
                timestamp=document.created,
            )
            spots = json.loads(compiler.query("<signature-spot>", field="value"))
        except typst.TypstError as exc:
            raise CtpatError(f"the PDF could not be typeset: {exc.message}") from None
    assert isinstance(pdf, bytes)
    return pdf, _spot(document, spots)


@cache
def _watermark(word: str) -> bytes:
    """The word, large, pale red and turned 45 degrees, as a PNG: a picture and not text, so
    that copying a page or reading it aloud is not broken up by its letters."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(fonts_dir() / "DejaVuSans-Bold.ttf"), 220)
    left, top, right, bottom = (int(edge) for edge in font.getbbox(word))
    flat = Image.new("RGBA", (right - left + 40, bottom - top + 40), (0, 0, 0, 0))
    ImageDraw.Draw(flat).text((20 - left, 20 - top), word, font=font, fill=(176, 0, 32, 34))
    turned = flat.rotate(45, expand=True, resample=Image.Resampling.BICUBIC)
    out = io.BytesIO()
    turned.save(out, "PNG")
    return out.getvalue()


def _spot(document: Document, found: list[dict[str, float]]) -> Spot | None:
    """The first SignatureSpot's box, turned from Typst's top-left origin to PDF's."""
    wanted = [b for b in _flattened(document.blocks) if isinstance(b, SignatureSpot)]
    if not wanted or not found:
        return None
    size, at = wanted[0], found[0]
    top = PAGE_HEIGHT - at["y"]
    return Spot(int(at["page"]) - 1, at["x"], top - size.height, at["x"] + size.width, top)


def _flattened(blocks: Sequence[Block]) -> list[Block]:
    flat: list[Block] = []
    for block in blocks:
        flat += _flattened(block.blocks) if isinstance(block, Group) else [block]
    return flat


def write_pdf(document: Document, path: Path) -> Spot | None:
    """Typeset the document into path, through a temporary file: a failure keeps what was.

    Returns where its SignatureSpot landed, if it has one.
    """
    content, spot = typeset(document)
    tmp = path.with_name(path.name + ".part")
    try:
        tmp.write_bytes(content)
        os.replace(tmp, path)
    except OSError as exc:
        raise CtpatError(f"{path}: cannot be written ({exc.strerror or exc})") from exc
    finally:
        tmp.unlink(missing_ok=True)
    return spot
