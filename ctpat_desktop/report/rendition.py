"""A rendition of an issued report in the other language: its words, and the notice on its
cover that says which signed version it renders.

The report itself comes from the report builder, with the version, dates and findings of
the version it renders; before it is signed, the cover gets a boxed notice ("Spanish
rendition of report version 1 (original: English, SHA-256 …)") and the document's title
says the same. In a tagged PDF the notice is tagged too: a paragraph read first.
"""

import io
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ctpat_desktop.errors import CtpatError

# The name of each language, in each language.
LANGUAGE_NAMES: Mapping[str, Mapping[str, str]] = {
    "en": {"en": "English", "es": "Spanish"},
    "es": {"en": "inglés", "es": "español"},
}
_WORDS: Mapping[str, Mapping[str, str]] = {
    "en": {
        "notice": "{language} rendition of report version {version}",
        "original": "(original: {original}, SHA-256 {sha256})",
        "same": "The same findings, version number and dates as the original; this rendition "
        "is signed on its own.",
        "title": "{language} rendition of version {version}",
        "reason": "CTPAT validation report, version {version}: {language} rendition",
        "report_reason": "CTPAT validation report, version {version}",
        "location": "U.S. Customs and Border Protection",
        "signed_by": "Digitally signed by",
        "reason_word": "Reason:",
    },
    "es": {
        "notice": "Traducción al {language} de la versión {version} del informe",
        "original": "(original: {original}, SHA-256 {sha256})",
        "same": "Los mismos hallazgos, número de versión y fechas que el original; esta "
        "traducción se firma por separado.",
        "title": "traducción al {language} de la versión {version}",
        "reason": "Informe de validación CTPAT, versión {version}: traducción al {language}",
        "report_reason": "Informe de validación CTPAT, versión {version}",
        "location": "Aduanas y Protección Fronteriza de los EE. UU.",
        "signed_by": "Firmado digitalmente por",
        "reason_word": "Motivo:",
    },
}
_BAND = (54.0, 66.0, 504.0, 50.0)  # x, y, width, height in points, above any footer
_NAVY = (0.12, 0.23, 0.37)
_PALE = (0.95, 0.96, 0.97)


def words(language: str) -> Mapping[str, str]:
    """The rendition's own words in a language (CtpatError for one it does not speak)."""
    try:
        return _WORDS[language]
    except KeyError:
        raise CtpatError(f"no rendition in {language!r}: choose one of {sorted(_WORDS)}") from None


def stamp_words(language: str) -> tuple[str, str]:
    """The signature block's words before the signer and before the reason."""
    said = words(language)
    return said["signed_by"], said["reason_word"]


def notice_lines(language: str, version: int, original: str, sha256: str) -> list[str]:
    """The cover notice: which version this renders, from which language, its SHA-256."""
    said = words(language)
    names = LANGUAGE_NAMES[language]
    return [
        said["notice"].format(language=names[language], version=version),
        said["original"].format(original=names.get(original, original), sha256=sha256),
        said["same"],
    ]


def title_suffix(language: str, version: int) -> str:
    """What the document's title adds: that it is a rendition, of which version."""
    return words(language)["title"].format(
        language=LANGUAGE_NAMES[language][language], version=version
    )


def reason(language: str, version: int) -> str:
    """The signing reason of a rendition, in its language."""
    return words(language)["reason"].format(
        language=LANGUAGE_NAMES[language][language], version=version
    )


def _notice_page(lines: Sequence[str], size: tuple[float, float]) -> bytes:
    """One page, as large as the cover, holding only the boxed notice (fonts embedded)."""
    from reportlab.pdfgen import canvas

    from ctpat_desktop.report.pdf_common import fonts

    face = fonts()
    out = io.BytesIO()
    # Else the page starts in Helvetica, a font that would not be embedded.
    page = canvas.Canvas(out, pagesize=size, initialFontName=face.regular)
    x, y, width, height = _BAND
    page.setFillColorRGB(*_PALE)
    page.setStrokeColorRGB(*_NAVY)
    page.setLineWidth(1)
    page.rect(x, y, width, height, fill=1, stroke=1)
    page.setFillColorRGB(*_NAVY)
    page.setFont(face.bold, 10)
    page.drawString(x + 8, y + height - 15, lines[0])
    page.setFillColorRGB(0.1, 0.1, 0.1)
    for n, (font, line) in enumerate(((face.regular, lines[1]), (face.italic, lines[2]))):
        page.setFont(font, 7.5)
        page.drawString(x + 8, y + height - 28 - 11 * n, line)
    page.showPage()
    page.save()
    return out.getvalue()


def mark_cover(path: Path, lines: Sequence[str], title_addition: str) -> None:
    """Put the notice on the first page of the unsigned PDF at path and add to its title."""
    import pikepdf

    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        cover = pdf.pages[0]
        box = [float(v) for v in cover.mediabox]
        with pikepdf.open(io.BytesIO(_notice_page(lines, (box[2], box[3])))) as notice:
            form = pdf.copy_foreign(notice.pages[0].as_form_xobject())
        name = cover.add_resource(form, pikepdf.Name.XObject, prefix="Rendition")
        drawn = f"q 1 0 0 1 0 0 cm {name} Do Q".encode()
        mcid = _tag(pdf, cover)
        if mcid is not None:
            drawn = b"/P <</MCID %d>> BDC " % mcid + drawn + b" EMC"
        cover.contents_add(pikepdf.Stream(pdf, b"q\n"), prepend=True)
        cover.contents_add(pikepdf.Stream(pdf, b"\nQ\n" + drawn + b"\n"))
        old = str(pdf.docinfo.get("/Title", "")).strip()
        with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta["dc:title"] = f"{old} — {title_addition}" if old else title_addition
        pdf.save(path)


def _tag(pdf: Any, page: Any) -> int | None:
    """In a tagged PDF, a paragraph element read first for the notice; its marked-content
    ID on the page (None for an untagged PDF, where there is nothing to keep whole)."""
    import pikepdf

    root = pdf.Root.get("/StructTreeRoot")
    parents = page.obj.get("/StructParents")
    if root is None or parents is None or "/ParentTree" not in root:
        return None
    tree = pikepdf.NumberTree(root.ParentTree)
    marked = tree.get(int(parents))
    if marked is None:
        marked = pdf.make_indirect(pikepdf.Array())
        tree[int(parents)] = marked
    kids = root.get("/K")
    document = kids[0] if isinstance(kids, pikepdf.Array) and len(kids) else kids
    if not isinstance(document, pikepdf.Dictionary):
        return None
    mcid = len(marked)
    element = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.StructElem, S=pikepdf.Name.P, P=document, Pg=page.obj, K=mcid
        )
    )
    inner = document.get("/K")
    if inner is None:
        document.K = pikepdf.Array([element])
    elif isinstance(inner, pikepdf.Array):
        inner.insert(0, element)
    else:
        document.K = pikepdf.Array([element, inner])
    marked.append(element)
    return mcid
