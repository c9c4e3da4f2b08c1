"""An empty signature field where a document left room for it, tagged for PDF/UA-1.

The field's widget becomes a Form element of the structure tree, with alternate text
("Digital signature of NAME"), before anything is signed: the certifying signature then
fills the field and covers the tags as they are (DocMDP allows no change after it).
"""

import io
import os
from pathlib import Path
from typing import Any

from ctpat_desktop.errors import CtpatError
from ctpat_desktop.pdf.engine import Document, Spot, typeset


def write_with_signature_field(
    document: Document, path: Path, *, field_name: str, alt: str
) -> Spot:
    """Typeset the document into path with an empty signature field in its SignatureSpot;
    where the spot is. The file is written through a temporary one: a failure keeps what was."""
    pdf, spot = typeset(document)
    if spot is None:
        raise ValueError("the document leaves no room for a signature (no SignatureSpot)")
    content = _with_field(pdf, spot, field_name, alt)
    tmp = path.with_name(path.name + ".part")
    try:
        tmp.write_bytes(content)
        os.replace(tmp, path)
    except OSError as exc:
        raise CtpatError(f"{path}: cannot be written ({exc.strerror or exc})") from exc
    finally:
        tmp.unlink(missing_ok=True)
    return spot


def _with_field(pdf: bytes, spot: Spot, field_name: str, alt: str) -> bytes:
    """The PDF with the field added (an incremental update) and tagged."""
    from pyhanko.pdf_utils import generic as typed_generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields

    generic: Any = typed_generic  # pyHanko's PDF objects are not typed
    writer: Any = IncrementalPdfFileWriter(io.BytesIO(pdf))
    box = (round(spot.x1), round(spot.y1), round(spot.x2), round(spot.y2))
    fields.append_signature_field(
        writer, fields.SigFieldSpec(field_name, on_page=spot.page, box=box)
    )
    root = writer.root
    widget_ref = next(
        ref for ref in root["/AcroForm"]["/Fields"] if ref.get_object().get("/T") == field_name
    )
    widget = widget_ref.get_object()
    page_ref = writer.find_page_for_modification(spot.page)[0]

    tree = root["/StructTreeRoot"]
    kids = tree["/K"]
    document_ref = kids.raw_get(0) if isinstance(kids, generic.ArrayObject) else tree.raw_get("/K")
    document = document_ref.get_object()
    key = int(tree.get("/ParentTreeNextKey", 0))
    form = generic.DictionaryObject(
        {
            generic.NameObject("/Type"): generic.NameObject("/StructElem"),
            generic.NameObject("/S"): generic.NameObject("/Form"),
            generic.NameObject("/P"): document_ref,
            generic.NameObject("/Pg"): page_ref,
            generic.NameObject("/Alt"): generic.TextStringObject(alt),
            generic.NameObject("/K"): generic.DictionaryObject(
                {
                    generic.NameObject("/Type"): generic.NameObject("/OBJR"),
                    generic.NameObject("/Obj"): widget_ref,
                    generic.NameObject("/Pg"): page_ref,
                }
            ),
        }
    )
    form_ref = writer.add_object(form)
    content = document.get("/K")
    if isinstance(content, generic.ArrayObject):
        content.append(form_ref)
    else:
        document[generic.NameObject("/K")] = generic.ArrayObject(
            [content, form_ref] if content is not None else [form_ref]
        )
    writer.mark_update(document_ref)

    widget[generic.NameObject("/StructParent")] = generic.NumberObject(key)
    widget[generic.NameObject("/TU")] = generic.TextStringObject(alt)
    widget[generic.NameObject("/Contents")] = generic.TextStringObject(alt)
    writer.mark_update(widget_ref)

    parents = tree["/ParentTree"]
    parents["/Nums"].extend([generic.NumberObject(key), form_ref])
    tree[generic.NameObject("/ParentTreeNextKey")] = generic.NumberObject(key + 1)
    writer.update_container(parents)
    writer.update_container(tree)

    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
