"""The pieces a document is made of: headings, paragraphs, tables, charts, images.

A document is a list of these plain values; the engine hands them to the Typst template as
JSON, so text is always set as text (never read as markup) and every piece is tagged.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from typing import Any, Literal


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text, optionally bold or italic."""

    text: str
    bold: bool = False
    italic: bool = False


Text = str | Sequence[Span]
ParagraphStyle = Literal["body", "meta", "caption", "small", "lead", "note"]


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading: level 1 is the document's title, 2 a section, 3 a subsection."""

    text: str
    level: int = 2
    bookmarked: bool = True


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph in one of the template's styles."""

    text: Text
    style: ParagraphStyle = "body"


@dataclass(frozen=True, slots=True)
class Bullets:
    """A bulleted list."""

    items: Sequence[Text]


@dataclass(frozen=True, slots=True)
class Table:
    """A striped table with a header row of column headings (TH cells, repeated per page).

    Columns from numbers_from on are right-aligned; with total, the last row is a bold
    total under a rule.
    """

    header: Sequence[str]
    rows: Sequence[Sequence[Text]]
    widths: Sequence[float]
    numbers_from: int
    total: bool = False


@dataclass(frozen=True, slots=True)
class BarChart:
    """Horizontal bars, first label at the top; a figure whose alternate text is alt."""

    labels: Sequence[str]
    values: Sequence[float]
    value_labels: Sequence[str]
    alt: str
    caption: str = ""


@dataclass(frozen=True, slots=True)
class Image:
    """A picture from the document's files, as a figure with alternate text."""

    file: str
    alt: str
    caption: str = ""
    width: float | None = None  # points; None: as wide as the text


@dataclass(frozen=True, slots=True)
class SignatureSpot:
    """Room left empty for a visible signature; the engine says where it landed."""

    width: float
    height: float


@dataclass(frozen=True, slots=True)
class Group:
    """Blocks kept together on one page."""

    blocks: Sequence["Block"] = field(default_factory=tuple)


Block = Heading | Paragraph | Bullets | Table | BarChart | Image | SignatureSpot | Group


def to_json(block: Block) -> dict[str, Any]:
    """The block as the template reads it: its fields and its kind."""
    if isinstance(block, Group):
        return {"kind": "group", "blocks": [to_json(b) for b in block.blocks]}
    values: dict[str, Any] = {"kind": type(block).__name__.lower()}
    for f in fields(block):
        values[f.name] = _value(getattr(block, f.name))
    return values


def _value(value: Any) -> Any:
    if isinstance(value, Span):
        return {"text": value.text, "bold": value.bold, "italic": value.italic}
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return [_value(v) for v in value]
