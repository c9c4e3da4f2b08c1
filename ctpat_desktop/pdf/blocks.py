"""The pieces a document is made of: headings, paragraphs, tables, charts, images.

A document is a list of these plain values; the engine hands them to the Typst template as
JSON, so text is always set as text (never read as markup) and every piece is tagged.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any, Literal


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text, optionally bold or italic."""

    text: str  # a line break ("\n") breaks the line
    bold: bool = False
    italic: bool = False
    mono: bool = False  # in the monospaced face (fingerprints)
    color: str = ""  # "alert" (the draft's red) or "" for the style's own


Text = str | Sequence[Span]
ParagraphStyle = Literal[
    "body", "meta", "caption", "small", "lead", "note", "agency", "member", "alert", "signer"
]


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
class StackedBars:
    """Horizontal bars of several series stacked, first label at the top, with a legend; a
    figure whose alternate text is alt. series[n][i] is series n's value for labels[i]."""

    labels: Sequence[str]
    series: Sequence[Sequence[float]]
    names: Sequence[str]
    alt: str
    caption: str = ""


@dataclass(frozen=True, slots=True)
class Picture:
    """One small picture of a gallery (file "": none could be read; caption says so)."""

    file: str
    alt: str
    caption: Text
    width: float = 0  # points
    height: float = 0


@dataclass(frozen=True, slots=True)
class Gallery:
    """Pictures side by side, columns to a row, each inside a size × size square."""

    pictures: Sequence[Picture]
    columns: int
    size: float
    unreadable: str = ""  # what stands in for a picture that could not be read


@dataclass(frozen=True, slots=True)
class Pairs:
    """Labels and their values in two columns, without rules (a cover's particulars)."""

    rows: Sequence[tuple[str, Text]]
    label_width: float


@dataclass(frozen=True, slots=True)
class Panel:
    """A boxed item: a heading (level 3) with a note on its right, then labelled rows; a
    row's value is text or a gallery. It may run over a page, its heading kept with it."""

    title: str
    aside: str
    rows: Sequence[tuple[str, "Text | Bullets | Gallery"]]
    label_width: float = 100


@dataclass(frozen=True, slots=True)
class Rule:
    """A horizontal line across the text (thick: the cover's, under the agency)."""

    thick: bool = False


@dataclass(frozen=True, slots=True)
class Space:
    """Vertical room, in points."""

    height: float


@dataclass(frozen=True, slots=True)
class PageBreak:
    """What follows starts on a new page."""


@dataclass(frozen=True, slots=True)
class Group:
    """Blocks kept together on one page."""

    blocks: Sequence["Block"] = field(default_factory=tuple)


Block = (
    Heading
    | Paragraph
    | Bullets
    | Table
    | BarChart
    | StackedBars
    | Image
    | Gallery
    | Pairs
    | Panel
    | Rule
    | Space
    | PageBreak
    | SignatureSpot
    | Group
)


def to_json(block: Block) -> dict[str, Any]:
    """The block as the template reads it: its fields and its kind."""
    return _record(block)


def _record(value: Any) -> dict[str, Any]:
    if isinstance(value, Group):
        return {"kind": "group", "blocks": [_record(b) for b in value.blocks]}
    values: dict[str, Any] = {"kind": type(value).__name__.lower()}
    for f in fields(value):
        values[f.name] = _value(getattr(value, f.name))
    return values


def _value(value: Any) -> Any:
    if isinstance(value, Span):
        return {f.name: getattr(value, f.name) for f in fields(value)}
    if is_dataclass(value):
        return _record(value)
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return [_value(v) for v in value]
