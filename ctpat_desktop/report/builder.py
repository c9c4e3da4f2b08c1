"""Lay out a validation report as a PDF (reportlab platypus), leaving room for the signature."""

import io
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from ctpat_desktop.catalog import Criterion, Level, criterion_sort_key
from ctpat_desktop.report.labels import (
    Labels,
    counted,
    format_date,
    format_moment,
    format_number,
    labels,
)
from ctpat_desktop.report.model import EvidenceItem, ReportData, SignatureBox
from ctpat_desktop.report.pdf_common import PAGE, Fonts, add_outline, fonts, write_counted
from ctpat_desktop.worksheet import Finding, FindingStatus, Mode, Outcome, classify

_MARGIN = 54.0  # from the page edge to the text
_PADDING = 6.0  # platypus frames pad their content by this much
_TOP = 68.0  # room for the running header
_BOTTOM = 64.0  # room for the footer
_WIDTH = PAGE[0] - 2 * _MARGIN
_CM = 72 / 2.54
_SIGNATURE = (8 * _CM, 3 * _CM)
_THUMB_BOX = 5 * _CM  # largest side of an image thumbnail on the page
_BESIDE_BOX = 3.2 * _CM  # the same, beside its finding
_THUMB_PIXELS = 400  # enough for print at that size, small enough to stay fast
_THUMBS_PER_ROW = 3
_IMAGE_TYPES = frozenset({"image/png", "image/jpeg"})
_NAVY = "#1F3A5F"
_LIGHT = "#8EA9C8"
_STRIPE = "#F2F4F7"
_RULE = "#BFC6D0"
_GREY = "#555B66"
_INK = "#1A1A1A"


@dataclass(frozen=True, slots=True)
class _Item:
    """A finding that goes into the report's lists, with its criterion."""

    criterion: Criterion
    finding: Finding


@dataclass(frozen=True)
class _Content:
    """What the report says, worked out from the data before any layout."""

    results: dict[str, FindingStatus]
    required: list[_Item]
    recommendations: list[_Item]
    best_practices: list[_Item]
    # Evidence by criterion: positions in data.evidence, to print beside its finding.
    evidence: dict[str, list[int]]


@dataclass(frozen=True, slots=True)
class _Thumbnail:
    """A reduced copy of one image, encoded once as JPEG so both passes embed it as is."""

    jpeg: bytes
    width: int
    height: int


@dataclass(frozen=True)
class _Styles:
    """Fonts and paragraph styles of one report."""

    fonts: Fonts
    agency: Any
    title: Any
    member: Any
    heading: Any
    subheading: Any
    category: Any
    body: Any
    intro: Any
    notice: Any
    cell: Any
    cell_bold: Any
    cell_right: Any
    label: Any
    mono: Any
    caption: Any
    unreadable: Any
    signer: Any


def build_report(data: ReportData, path: Path) -> SignatureBox | None:
    """Write the report to path; where the empty signature box was left (None for a draft,
    which has no box: it is never signed)."""
    text = labels(data.language)
    content = _content(data)
    thumbnails = {
        n: _thumbnail(item.content)
        for n, item in enumerate(data.evidence)
        if item.media_type in _IMAGE_TYPES
    }
    styles = _styles()
    spots: list[SignatureBox] = []

    def render(target: Any, pages: int | None) -> int:
        # Each pass records where it drew the box; only the final pass's position counts.
        spots.clear()
        story = _story(data, text, content, thumbnails, styles, spots.append)
        return _render(target, story, data, text, styles, pages)

    write_counted(path, render)
    return spots[-1] if spots else None


def _content(data: ReportData) -> _Content:
    """Each criterion's result and the findings the report lists, in natural order."""
    results: dict[str, FindingStatus] = {}
    lists: dict[Outcome, list[_Item]] = {outcome: [] for outcome in Outcome}
    for criterion in sorted(data.catalog.criteria, key=lambda c: criterion_sort_key(c.id)):
        finding = data.findings.get(criterion.id)
        if finding is None:
            results[criterion.id] = FindingStatus.NOT_REVIEWED
            continue
        results[criterion.id] = finding.status
        outcome = classify(finding, criterion)
        if outcome is not None:
            lists[outcome].append(_Item(criterion, finding))
    evidence: dict[str, list[int]] = {}
    for n, item in enumerate(data.evidence):
        if item.criterion:
            evidence.setdefault(item.criterion, []).append(n)
    return _Content(
        results,
        lists[Outcome.REQUIRED_ACTION],
        lists[Outcome.RECOMMENDATION],
        lists[Outcome.BEST_PRACTICE],
        evidence,
    )


def _thumbnail(content: bytes) -> _Thumbnail | None:
    """A small JPEG copy of an image, or None when it cannot be read."""
    from PIL import Image, ImageOps

    try:
        with Image.open(io.BytesIO(content)) as opened:
            # A JPEG is decoded straight at a reduced scale; other formats ignore this.
            opened.draft("RGB", (_THUMB_PIXELS, _THUMB_PIXELS))
            image = ImageOps.exif_transpose(opened)
            image.thumbnail((_THUMB_PIXELS, _THUMB_PIXELS))
            if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
                rgba = image.convert("RGBA")
                image = Image.new("RGB", rgba.size, "white")
                image.paste(rgba, mask=rgba.getchannel("A"))
            else:
                image = image.convert("RGB")
            out = io.BytesIO()
            image.save(out, "JPEG", quality=85)
    # A file that is not the image it claims to be fails in many ways; each shows as unreadable.
    except Exception:
        return None
    return _Thumbnail(out.getvalue(), image.width, image.height)


def _render(
    target: Any,
    story: list[Any],
    data: ReportData,
    text: Labels,
    styles: _Styles,
    pages: int | None,
) -> int:
    """Lay out and write the document; the number of pages it took."""
    from reportlab.platypus import SimpleDocTemplate

    validation = data.validation
    member = validation.member.name
    doc = SimpleDocTemplate(
        target,
        pagesize=PAGE,
        leftMargin=_MARGIN - _PADDING,
        rightMargin=_MARGIN - _PADDING,
        topMargin=_TOP - _PADDING,
        bottomMargin=_BOTTOM - _PADDING,
        title=(f"{text['draft_mark']} — " if data.draft else "")
        + text["document_title"].format(member=member),
        author=validation.scss,
        subject=text["document_subject"].format(
            member=member,
            account=validation.member.account,
            date=format_date(validation.date, text),
        ),
        creator="ctpat-desktop",
        lang=data.language,
        # Else every page starts in Helvetica, the one font that would not be embedded.
        initialFontName=styles.fonts.regular,
    )

    def later_page(canvas: Any, doc: Any) -> None:
        _decorate(canvas, data, text, styles, doc.page, pages)

    def first_page(canvas: Any, doc: Any) -> None:
        add_outline(canvas, _outline(data, text))
        later_page(canvas, doc)

    doc.build(story, onFirstPage=first_page, onLaterPages=later_page)
    return int(doc.page)


def _outline(data: ReportData, text: Labels) -> list[tuple[str, str, int]]:
    """The bookmarks: one per section, and one per category under the results."""
    names = _category_names(data)
    return [
        (text["cover"], "cover", 0),
        (text["summary"], "summary", 0),
        (text["respond"], "respond", 0),
        (text["categories"], "categories", 0),
        (text["required_actions"], "required", 0),
        (text["recommendations"], "recommendations", 0),
        (text["best_practices"], "best", 0),
        (text["results"], "results", 0),
        *((_numbered(n, names.get(n, "")), f"results-{n}", 1) for n in data.catalog.categories()),
        (text["evidence"], "evidence", 0),
        (text["methodology"], "methodology", 0),
        (text["signature"], "signature", 0),
    ]


def _numbered(number: int, name: str) -> str:
    """A category as "4. Cybersecurity"."""
    return f"{number}. {name}" if name else str(number)


def _decorate(
    canvas: Any, data: ReportData, text: Labels, styles: _Styles, page: int, pages: int | None
) -> None:
    """The running header and the footer of one page."""
    from reportlab.lib import colors
    from reportlab.pdfbase.pdfmetrics import stringWidth

    regular, size = styles.fonts.regular, 8
    left, right = _MARGIN, PAGE[0] - _MARGIN
    top = PAGE[1] - 40
    canvas.saveState()
    canvas.setFillColor(colors.HexColor(_GREY))
    canvas.setStrokeColor(colors.HexColor(_RULE))
    canvas.setLineWidth(0.5)
    canvas.setFont(regular, size)
    title = f"{text['title']} · {text['version'].format(version=data.version)}"
    canvas.drawRightString(right, top, title)
    room = _WIDTH - stringWidth(title, regular, size) - 18
    canvas.drawString(left, top, _fit(data.validation.member.name, regular, size, room))
    canvas.line(left, top - 6, right, top - 6)
    canvas.line(left, 46, right, 46)
    canvas.drawString(left, 34, text["footer_validation"].format(id=data.validation.id))
    number = (
        text["page_of"].format(page=page, pages=pages) if pages else text["page"].format(page=page)
    )
    canvas.drawRightString(right, 34, number)
    marking = data.sensitivity_marking or text["sensitivity_default"]
    canvas.setFont(styles.fonts.bold, 7)
    canvas.setFillColor(colors.HexColor(_NAVY))
    for y in (PAGE[1] - 24, 18):
        canvas.drawCentredString(PAGE[0] / 2, y, _fit(marking, styles.fonts.bold, 7, _WIDTH))
    if data.draft:
        _draft_marks(canvas, text, styles)
    canvas.restoreState()


def _draft_marks(canvas: Any, text: Labels, styles: _Styles) -> None:
    """DRAFT across the page and a red line under the header: no one can take a printed
    page of a draft for the signed report. The big word is a picture, not text, so that
    copying or reading the page aloud is not broken up by its letters."""
    from reportlab.lib import colors

    canvas.saveState()
    canvas.setFillColor(colors.HexColor("#B00020"))
    canvas.setFont(styles.fonts.bold, 9)
    canvas.drawCentredString(PAGE[0] / 2, PAGE[1] - 58, text["draft_header"])
    mark, width, height = _draft_picture(text["draft_mark"])
    canvas.drawImage(
        mark,
        (PAGE[0] - width) / 2,
        (PAGE[1] - height) / 2,
        width,
        height,
        mask="auto",
    )
    canvas.restoreState()


@cache
def _draft_picture(word: str) -> tuple[Any, float, float]:
    """The word, large, pale red and turned 45 degrees, as an image (and its size in points)."""
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.utils import ImageReader

    from ctpat_desktop.report.pdf_common import _font_file

    found = _font_file("DejaVuSans-Bold.ttf")
    size = 220
    font = ImageFont.truetype(str(found), size) if found else ImageFont.load_default(size=size)
    left, top, right, bottom = (int(edge) for edge in font.getbbox(word))
    flat = Image.new("RGBA", (right - left + 40, bottom - top + 40), (0, 0, 0, 0))
    ImageDraw.Draw(flat).text((20 - left, 20 - top), word, font=font, fill=(176, 0, 32, 34))
    turned = flat.rotate(45, expand=True, resample=Image.Resampling.BICUBIC)
    scale = min(1.0, (PAGE[0] * 0.9) / (turned.width / 3), (PAGE[1] * 0.9) / (turned.height / 3))
    return ImageReader(turned), turned.width / 3 * scale, turned.height / 3 * scale


def _fit(value: str, font: str, size: float, width: float) -> str:
    """value, shortened with an ellipsis to fit width."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if stringWidth(value, font, size) <= width:
        return value
    while value and stringWidth(value + "…", font, size) > width:
        value = value[:-1]
    return value.rstrip() + "…"


def _styles() -> _Styles:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    face = fonts()
    grey, navy = colors.HexColor(_GREY), colors.HexColor(_NAVY)
    body = ParagraphStyle(
        "body",
        fontName=face.regular,
        fontSize=9.5,
        leading=13.5,
        spaceAfter=6,
        textColor=colors.HexColor(_INK),
    )
    cell = ParagraphStyle("cell", parent=body, fontSize=8.5, leading=11, spaceAfter=0)
    return _Styles(
        fonts=face,
        agency=ParagraphStyle(
            "agency", parent=body, fontName=face.bold, fontSize=11, leading=15, textColor=navy
        ),
        title=ParagraphStyle(
            "title",
            parent=body,
            fontName=face.bold,
            fontSize=26,
            leading=32,
            textColor=navy,
            spaceAfter=14,
        ),
        member=ParagraphStyle(
            "member", parent=body, fontName=face.bold, fontSize=16, leading=21, spaceAfter=4
        ),
        heading=ParagraphStyle(
            "heading",
            parent=body,
            fontName=face.bold,
            fontSize=14,
            leading=18,
            textColor=navy,
            spaceBefore=14,
            spaceAfter=6,
            keepWithNext=1,
        ),
        subheading=ParagraphStyle(
            "subheading",
            parent=body,
            fontName=face.bold,
            fontSize=10.5,
            leading=14,
            spaceBefore=10,
            spaceAfter=4,
            keepWithNext=1,
        ),
        category=ParagraphStyle(
            "category",
            parent=body,
            fontName=face.bold,
            fontSize=10.5,
            leading=14,
            spaceBefore=10,
            spaceAfter=4,
        ),
        body=body,
        intro=ParagraphStyle(
            "intro", parent=body, fontSize=8.5, leading=12, textColor=grey, spaceAfter=8
        ),
        notice=ParagraphStyle("notice", parent=body, fontSize=8.5, leading=12, textColor=grey),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=face.bold),
        cell_right=ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        label=ParagraphStyle("label", parent=cell, fontName=face.bold, textColor=grey),
        mono=ParagraphStyle("mono", parent=cell, fontName=face.mono, fontSize=6.2, leading=8),
        caption=ParagraphStyle(
            "caption", parent=cell, fontSize=7.5, leading=9.5, textColor=grey, alignment=TA_CENTER
        ),
        unreadable=ParagraphStyle(
            "unreadable", parent=cell, fontName=face.italic, textColor=grey, alignment=TA_CENTER
        ),
        signer=ParagraphStyle("signer", parent=body, fontName=face.bold, spaceAfter=0),
    )


def _markup(value: str) -> str:
    """User text as Paragraph markup: escaped, line breaks kept."""
    return escape(value).replace("\t", " ").replace("\n", "<br/>")


def _category_names(data: ReportData) -> dict[int, str]:
    return {c.number: c.name for c in data.categories}


def _story(
    data: ReportData,
    text: Labels,
    content: _Content,
    thumbnails: dict[int, _Thumbnail | None],
    styles: _Styles,
    on_signature: Callable[[SignatureBox], None],
) -> list[Any]:
    """The flowables of the whole report, section by section."""
    from reportlab.platypus import PageBreak

    return [
        *_cover(data, text, styles),
        PageBreak(),
        *_summary(data, text, content, styles),
        *_respond(data, text, content, styles),
        *_categories(data, text, content, styles),
        *_deficiency_section("required", data, text, content, thumbnails, styles),
        *_deficiency_section("recommendations", data, text, content, thumbnails, styles),
        *_best_practices(data, text, content, thumbnails, styles),
        PageBreak(),
        *_results(data, text, content, styles),
        PageBreak(),
        *_evidence(data, text, thumbnails, styles),
        *_methodology(data, text, styles),
        _signature(data, text, styles, on_signature),
    ]


def _heading(key: str, title: str, styles: _Styles) -> Any:
    """A section title carrying the bookmark its outline entry points to."""
    from reportlab.platypus import Paragraph

    return Paragraph(f'<a name="{key}"/>{escape(title)}', styles.heading)


def _draft_notice(data: ReportData, text: Labels, styles: _Styles) -> list[Any]:
    """On a draft's cover: that it is one, and how much is still not reviewed."""
    from reportlab.platypus import Paragraph, Spacer

    if not data.draft:
        return []
    criteria = data.catalog.criteria
    open_ = sum(
        1
        for c in criteria
        if (found := data.findings.get(c.id)) is None or found.status is FindingStatus.NOT_REVIEWED
    )
    lines = [text["draft_header"]]
    if open_:
        lines.append(text["draft_not_reviewed"].format(count=open_, total=len(criteria)))
    return [
        Spacer(1, 12),
        *(
            Paragraph(f'<font color="#B00020"><b>{escape(line)}</b></font>', styles.body)
            for line in lines
        ),
    ]


def _cover(data: ReportData, text: Labels, styles: _Styles) -> list[Any]:
    from reportlab.lib import colors
    from reportlab.platypus import HRFlowable, Paragraph, Spacer

    validation = data.validation
    rows = [
        (text["addressee"], _addressee(data)),
        (text["member_account"], validation.member.account),
        (text["entity_type"], data.entity_name),
        (text["mode"], _mode(validation.mode, text)),
        (text["validation_date"], format_date(validation.date, text)),
        (text["scss"], validation.scss),
        *([(text["field_office"], validation.office)] if validation.office.strip() else []),
        (
            text["catalog"],
            text["catalog_version"].format(name=data.catalog.name, version=data.catalog.version),
        ),
        (text["report_version"], text["version"].format(version=data.version)),
        (text["generated"], format_moment(data.generated_at, text)),
        (text["validation_id"], validation.id),
    ]
    details = _grid(
        [
            (Paragraph(escape(label), styles.label), Paragraph(_markup(value), styles.body))
            for label, value in rows
        ],
        (170, _WIDTH - 170),
        styles,
    )
    return [
        Paragraph(f'<a name="cover"/>{escape(text["agency"])}', styles.agency),
        Paragraph(escape(text["programme"]), styles.agency),
        HRFlowable(width="100%", thickness=1.5, color=colors.HexColor(_NAVY), spaceBefore=6),
        Spacer(1, 54),
        Paragraph(escape(text["title"]), styles.title),
        Paragraph(_markup(validation.member.name), styles.member),
        *_draft_notice(data, text, styles),
        Spacer(1, 24),
        details,
        Spacer(1, 36),
        HRFlowable(width="100%", thickness=0.5, color=colors.HexColor(_RULE), spaceAfter=6),
        Paragraph(escape(text["cover_notice"]), styles.notice),
    ]


# A participant recorded as the member's point of contact: "Ana Ruiz (security, point of
# contact)". The report addresses them; it never picks someone else as the contact.
_POINT_OF_CONTACT = re.compile(r"\b(point of contact|punto de contacto|POC)\b", re.IGNORECASE)


def point_of_contact(participants: Sequence[str]) -> str | None:
    """The participant recorded as the member's point of contact, if one is."""
    return next((p for p in participants if _POINT_OF_CONTACT.search(p)), None)


def _addressee(data: ReportData) -> str:
    """The member's point of contact and the company; the company alone when the
    validation records no contact."""
    member = data.validation.member.name
    contact = point_of_contact(data.validation.participants)
    return f"{contact}\n{member}" if contact else member


def _mode(mode: Mode, text: Labels) -> str:
    return {
        Mode.VIRTUAL: text["mode_virtual"],
        Mode.IN_PERSON: text["mode_in_person"],
        Mode.HYBRID: text["mode_hybrid"],
    }[mode]


def _status(status: FindingStatus, text: Labels) -> str:
    return {
        FindingStatus.MET: text["status_met"],
        FindingStatus.NOT_MET: text["status_not_met"],
        FindingStatus.EXCEEDS: text["status_exceeds"],
        FindingStatus.NOT_APPLICABLE: text["status_not_applicable"],
        FindingStatus.NOT_REVIEWED: text["status_not_reviewed"],
    }[status]


def _level(level: Level, text: Labels) -> str:
    return text["level_must"] if level is Level.MUST else text["level_should"]


def _summary(data: ReportData, text: Labels, content: _Content, styles: _Styles) -> list[Any]:
    from reportlab.platypus import Paragraph

    required = counted(
        len(content.required),
        text["required_action_none"],
        text["required_action_one"],
        text["required_action_other"],
    )
    recommendations = counted(
        len(content.recommendations),
        text["recommendation_none"],
        text["recommendation_one"],
        text["recommendation_other"],
    )
    if content.required:
        outcome = text["outcome_required_due"].format(
            required=required,
            recommendations=recommendations,
            due=_respond_by(data, text, content),
        )
    elif content.recommendations:
        outcome = text["outcome_recommendations"].format(recommendations=recommendations)
    else:
        outcome = text["outcome_none"]
    sentences = [outcome]
    if content.best_practices:
        best = counted(
            len(content.best_practices),
            text["best_practice_none"],
            text["best_practice_one"],
            text["best_practice_other"],
        )
        sentences.append(text["outcome_best_practices"].format(best_practices=best))
    total = len(content.results)
    counts = Counter(content.results.values())
    if counts[FindingStatus.NOT_REVIEWED]:
        sentences.append(
            text["outcome_not_reviewed"].format(n=counts[FindingStatus.NOT_REVIEWED], total=total)
        )
    order = (
        FindingStatus.MET,
        FindingStatus.NOT_MET,
        FindingStatus.EXCEEDS,
        FindingStatus.NOT_APPLICABLE,
        FindingStatus.NOT_REVIEWED,
    )
    rows = [(_status(s, text), format_number(counts[s], text)) for s in order]
    rows.append((text["total"], format_number(total, text)))
    criteria = counted(
        total, text["criterion_none"], text["criterion_one"], text["criterion_other"]
    )
    return [
        _heading("summary", text["summary"], styles),
        *(Paragraph(escape(s), styles.body) for s in sentences),
        Paragraph(escape(text["status_caption"].format(criteria=criteria)), styles.intro),
        _table((text["result"], text["criteria"]), rows, (190, 80), 1, styles, total=True),
    ]


def _due(data: ReportData, finding: Finding, text: Labels) -> str:
    """A due date as printed: the date counted from the issue, or in a draft the days."""
    if data.draft:
        return text["due_in_days"].format(days=data.response_period(finding))
    return format_date(data.due(finding), text)


def _respond_by(data: ReportData, text: Labels, content: _Content) -> str:
    """By when the member answers: "by <the earliest due date>", in a draft "within N days
    of the report's issue"."""
    days = min(data.response_period(i.finding) for i in content.required)
    if data.draft:
        return text["within_days"].format(days=days)
    first = min(data.due(i.finding) for i in content.required)
    return text["by_date"].format(date=format_date(first, text))


def _respond(data: ReportData, text: Labels, content: _Content, styles: _Styles) -> list[Any]:
    """How and by when the member answers, and whom to ask (as the settings record them)."""
    from reportlab.platypus import KeepTogether, Paragraph

    if content.required:
        how = text["respond_required"].format(due=_respond_by(data, text, content))
    elif content.recommendations:
        how = text["respond_recommendations"]
    else:
        how = text["respond_none"]
    validation = data.validation
    people = [(text["scss"], validation.scss.strip())]
    if validation.office.strip():
        people.append((text["field_office"], validation.office.strip()))
    rows = [
        (
            Paragraph(escape(label), styles.label),
            Paragraph(_markup(_with_contact(name, data.contacts)), styles.cell),
        )
        for label, name in people
        if name
    ]
    flowables: list[Any] = [
        _heading("respond", text["respond"], styles),
        Paragraph(escape(how), styles.body),
    ]
    if rows:
        flowables.append(
            KeepTogether(
                [
                    Paragraph(escape(text["contacts"]), styles.subheading),
                    _grid(rows, (170, _WIDTH - 170), styles),
                    Paragraph(escape(text["contacts_note"]), styles.intro),
                ]
            )
        )
    return flowables


def _with_contact(name: str, contacts: Mapping[str, str]) -> str:
    """A name and, when the settings record one, how to reach them: "Laredo — phone"."""
    found = contacts.get(name) or next(
        (v for k, v in contacts.items() if k.casefold() == name.casefold()), ""
    )
    return f"{name} — {found}" if found else name


def _categories(data: ReportData, text: Labels, content: _Content, styles: _Styles) -> list[Any]:
    from reportlab.platypus import KeepTogether, Paragraph

    required = Counter(i.criterion.category for i in content.required)
    recommended = Counter(i.criterion.category for i in content.recommendations)
    categories = sorted(data.categories, key=lambda c: c.number)
    rows: list[tuple[Any, ...]] = [
        (
            Paragraph(escape(_numbered(c.number, c.name)), styles.cell),
            format_number(required[c.number], text),
            format_number(recommended[c.number], text),
            format_number(required[c.number] + recommended[c.number], text),
        )
        for c in categories
    ]
    n_required, n_recommended = len(content.required), len(content.recommendations)
    rows.append(
        (
            text["total"],
            format_number(n_required, text),
            format_number(n_recommended, text),
            format_number(n_required + n_recommended, text),
        )
    )
    header = (
        text["category"],
        text["required_actions_column"],
        text["recommendations_column"],
        text["total"],
    )
    flowables = [
        _heading("categories", text["categories"], styles),
        Paragraph(escape(text["categories_caption"]), styles.intro),
        _table(header, rows, (_WIDTH - 252, 100, 100, 52), 1, styles, total=True),
    ]
    if n_required + n_recommended:
        chart = _category_chart(categories, required, recommended, text, styles)
        flowables.append(
            KeepTogether([Paragraph(escape(text["chart_caption"]), styles.intro), chart])
        )
    else:
        flowables.append(Paragraph(escape(text["no_chart"]), styles.body))
    return flowables


def _category_chart(
    categories: Sequence[Any],
    required: Counter[int],
    recommended: Counter[int],
    text: Labels,
    styles: _Styles,
) -> Any:
    """Stacked horizontal bars per category, category 1 at the top, with a legend."""
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors

    # Below the bars: the value axis labels, then the legend.
    label_width, row_height, legend_height = 210.0, 17.0, 34.0
    # The chart draws its first category at the bottom.
    ordered = list(reversed(categories))
    series = [[required[c.number] for c in ordered], [recommended[c.number] for c in ordered]]
    top = max(a + b for a, b in zip(*series, strict=True))
    drawing = Drawing(_WIDTH, row_height * len(ordered) + legend_height + 4)
    drawing.initialFontName = styles.fonts.regular
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width + 8, legend_height
    chart.width, chart.height = _WIDTH - chart.x - 12, row_height * len(ordered)
    chart.data = series
    chart.categoryAxis.style = "stacked"
    fills = (colors.HexColor(_NAVY), colors.HexColor(_LIGHT))
    for n, fill in enumerate(fills):
        chart.bars[n].fillColor = fill
    chart.bars.strokeColor = None
    chart.barWidth, chart.groupSpacing = 9, 8
    axis = chart.categoryAxis
    axis.categoryNames = [_numbered(c.number, c.name) for c in ordered]
    axis.labels.boxAnchor = "e"
    axis.labels.textAnchor = "end"
    axis.labels.dx = -6
    axis.labels.maxWidth = label_width
    axis.labels.fontName = styles.fonts.regular
    axis.labels.fontSize = 7.5
    axis.labels.leading = 8.5
    axis.strokeColor = colors.HexColor(_RULE)
    axis.tickLeft = 0
    values = chart.valueAxis
    values.valueMin = 0
    values.valueMax = top
    values.valueStep = max(1, -(-top // 6))
    values.labels.fontName = styles.fonts.regular
    values.labels.fontSize = 7.5
    values.strokeColor = colors.HexColor(_RULE)
    values.visibleGrid = True
    values.gridStrokeColor = colors.HexColor(_STRIPE)
    values.labelTextFormat = "%d"
    drawing.add(chart)
    names = (text["required_actions_column"], text["recommendations_column"])
    drawing.add(_legend(chart.x, list(zip(fills, names, strict=True)), styles))
    return drawing


def _legend(x: float, pairs: list[tuple[Any, str]], styles: _Styles) -> Any:
    """The chart's legend: one swatch and name per series, side by side below the bars."""
    from reportlab.graphics.charts.legends import Legend

    legend = Legend()
    legend.x, legend.y = x, 0
    legend.boxAnchor = "sw"
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 130
    legend.fontName = styles.fonts.regular
    legend.fontSize = 7.5
    legend.strokeColor = None
    legend.colorNamePairs = pairs
    return legend


def _deficiency_section(
    kind: str,
    data: ReportData,
    text: Labels,
    content: _Content,
    thumbnails: dict[int, _Thumbnail | None],
    styles: _Styles,
) -> list[Any]:
    """Required actions (kind "required") or recommendations (kind "recommendations")."""
    from reportlab.platypus import KeepTogether, Paragraph

    if kind == "required":
        items = content.required
        title, intro, empty = (
            text["required_actions"],
            text["required_actions_intro"],
            text["no_required_actions"],
        )
        action_label, level_label = text["required_action"], text["finding_must"]
    else:
        items = content.recommendations
        title, intro, empty = (
            text["recommendations"],
            text["recommendations_intro"],
            text["no_recommendations"],
        )
        action_label, level_label = text["recommendation"], text["finding_should"]
    flowables = [
        _heading(kind, title, styles),
        Paragraph(escape(intro), styles.intro),
    ]
    if not items:
        return [*flowables, Paragraph(escape(empty), styles.body)]
    for item in items:
        rows = _finding_rows(item, data, text, action_label, level_label)
        rows += _evidence_rows(item, data, content, thumbnails, text, styles)
        flowables.append(KeepTogether(_block(item, rows, text, styles)))
    return flowables


def _best_practices(
    data: ReportData,
    text: Labels,
    content: _Content,
    thumbnails: dict[int, _Thumbnail | None],
    styles: _Styles,
) -> list[Any]:
    from reportlab.platypus import KeepTogether, Paragraph

    flowables = [
        _heading("best", text["best_practices"], styles),
        Paragraph(escape(text["best_practices_intro"]), styles.intro),
    ]
    if not content.best_practices:
        return [*flowables, Paragraph(escape(text["no_best_practices"]), styles.body)]
    for item in content.best_practices:
        rows: list[tuple[str, Any]] = [(text["best_practice"], _markup(item.finding.note))]
        rows += _evidence_rows(item, data, content, thumbnails, text, styles)
        flowables.append(KeepTogether(_block(item, rows, text, styles)))
    return flowables


def _finding_rows(
    item: _Item, data: ReportData, text: Labels, action_label: str, default: str
) -> list[tuple[str, Any]]:
    """Label and markup of each line of a not-met finding's block: what the criterion
    requires, what was found, why, what to do and by when."""
    finding = item.finding
    reasons = {r.code: r.label for r in data.reasons}
    written = finding.report_text.strip() or default
    criterion = item.criterion
    rows: list[tuple[str, Any]] = [
        (text["requirement"], _markup(criterion.text)),
        (text["finding"], _markup(written)),
    ]
    if criterion.parts:
        unmet = [p for p in criterion.parts if p.key in finding.unmet_parts] or list(
            criterion.parts
        )
        lines = [
            f"{escape(p.key)}) {escape(p.text)} ({escape(_level(p.level, text))})" for p in unmet
        ]
        rows.append((text["parts_not_met"], "<br/>".join(lines)))
    if finding.reasons:
        rows.append(
            (text["reasons"], escape("; ".join(reasons.get(r, r) for r in finding.reasons)))
        )
    if finding.action.strip():
        rows.append((action_label, _markup(finding.action.strip())))
    # A required action always has a due date; a recommendation only when one was set.
    if finding.due is not None or criterion.level_not_met(finding.unmet_parts) is Level.MUST:
        rows.append((text["due_date"], f"<b>{escape(_due(data, finding, text))}</b>"))
    return rows


def _evidence_rows(
    item: _Item,
    data: ReportData,
    content: _Content,
    thumbnails: dict[int, _Thumbnail | None],
    text: Labels,
    styles: _Styles,
) -> list[tuple[str, Any]]:
    """The evidence of the finding's criterion, beside it: small pictures with their
    captions, other files by name (the evidence index identifies each exactly)."""
    from reportlab.platypus import Image, Paragraph, Table, TableStyle

    numbers = content.evidence.get(item.criterion.id, [])
    if not numbers:
        return []
    cells: list[Any] = []
    for n in numbers:
        evidence = data.evidence[n]
        said = f"<b>{_markup(evidence.caption)}</b><br/>" if evidence.caption else ""
        caption = Paragraph(f"{said}{_markup(evidence.filename)}", styles.caption)
        thumb = thumbnails.get(n)
        if thumb is None:
            cells.append([caption])
            continue
        scale = _BESIDE_BOX / max(thumb.width, thumb.height)
        picture = Image(
            io.BytesIO(thumb.jpeg), width=thumb.width * scale, height=thumb.height * scale
        )
        cells.append([picture, caption])
    per_row = 3
    rows = [cells[i : i + per_row] for i in range(0, len(cells), per_row)]
    rows[-1] += [""] * (per_row - len(rows[-1]))
    width = (_WIDTH - 100 - 12) / per_row
    grid = Table(rows, colWidths=[width] * per_row)
    grid.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), styles.fonts.regular, 8.5),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    grid.hAlign = "LEFT"
    return [(text["evidence_beside"], grid)]


def _block(item: _Item, rows: Sequence[tuple[str, Any]], text: Labels, styles: _Styles) -> Any:
    """One finding as a boxed table: criterion and level on top, then label and text rows."""
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    criterion = item.criterion
    head = f"<b>{escape(criterion.id)}</b>&nbsp;&nbsp;&nbsp;{escape(criterion.title)}"
    level = (  # for a deficiency, the level of what the member must act on
        criterion.level_not_met(item.finding.unmet_parts)
        if item.finding.status is FindingStatus.NOT_MET
        else criterion.level
    )
    data: list[list[Any]] = [
        [
            Paragraph(head, styles.cell_bold),
            "",
            Paragraph(escape(_level(level, text)), styles.cell_right),
        ]
    ]
    for label, value in rows:
        shown = Paragraph(value, styles.cell) if isinstance(value, str) else value
        data.append([Paragraph(escape(label), styles.label), shown, ""])
    table = Table(
        data,
        colWidths=[100, _WIDTH - 160, 60],
        repeatRows=1,
        splitInRow=30,
        spaceAfter=10,
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), styles.fonts.regular, 8.5),
                ("SPAN", (0, 0), (1, 0)),
                *(("SPAN", (1, r), (2, r)) for r in range(1, len(data))),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(_STRIPE)),
                ("BOX", (0, 0), (-1, -1), 0.5, colors.HexColor(_RULE)),
                ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.HexColor(_RULE)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    table.hAlign = "LEFT"
    return table


def _results(data: ReportData, text: Labels, content: _Content, styles: _Styles) -> list[Any]:
    from reportlab.platypus import CondPageBreak, Paragraph

    catalog = data.catalog
    names = _category_names(data)
    intro = text["results_intro"].format(catalog=catalog.name, version=catalog.version)
    flowables = [
        _heading("results", text["results"], styles),
        Paragraph(escape(intro), styles.intro),
    ]
    header = (text["criterion_id"], text["criterion"], text["level"], text["result"])
    for number in catalog.categories():
        title = _numbered(number, names.get(number, ""))
        rows = [
            (
                c.id,
                Paragraph(escape(c.title), styles.cell),
                _level(c.level, text),
                _status(content.results[c.id], text),
            )
            for c in sorted(catalog.in_category(number), key=lambda c: criterion_sort_key(c.id))
        ]
        # A long category may run over a page (its header row repeats), but not from its
        # last lines: start it on a new page when fewer than three rows would fit.
        flowables += [
            CondPageBreak(100),
            Paragraph(f'<a name="results-{number}"/>{escape(title)}', styles.category),
            _table(header, rows, (40, _WIDTH - 40 - 56 - 130, 56, 130), None, styles),
        ]
    return flowables


def _evidence(
    data: ReportData,
    text: Labels,
    thumbnails: dict[int, _Thumbnail | None],
    styles: _Styles,
) -> list[Any]:
    from reportlab.platypus import CondPageBreak, Paragraph

    flowables = [_heading("evidence", text["evidence"], styles)]
    if not data.evidence:
        return [*flowables, Paragraph(escape(text["no_evidence"]), styles.body)]
    rows = [
        (
            [
                Paragraph(_markup(item.filename), styles.cell),
                *([Paragraph(_markup(item.caption), styles.cell)] if item.caption else []),
                Paragraph(escape(item.sha256), styles.mono),
            ],
            item.criterion or text["general"],
            format_moment(item.captured_at, text),
        )
        for item in data.evidence
    ]
    header = (text["file_sha256"], text["criterion"], text["captured"])
    flowables += [
        Paragraph(escape(text["evidence_intro"]), styles.intro),
        # 64 hex digits at 6.2 pt take 239 pt: the first column keeps each on one line.
        _table(header, rows, (_WIDTH - 56 - 126, 56, 126), None, styles),
    ]
    if thumbnails:
        flowables += [
            # The title, its note and at least one row of images stay together.
            CondPageBreak(_THUMB_BOX + 90),
            Paragraph(escape(text["images"]), styles.subheading),
            Paragraph(escape(text["images_intro"]), styles.intro),
            _thumbnail_grid(data.evidence, thumbnails, text, styles),
        ]
    return flowables


def _thumbnail_grid(
    evidence: Sequence[EvidenceItem],
    thumbnails: dict[int, _Thumbnail | None],
    text: Labels,
    styles: _Styles,
) -> Any:
    """Images three to a row, each with its file name and criterion below."""
    from reportlab.platypus import Image, Paragraph, Table, TableStyle

    cells: list[Any] = []
    for n, thumb in thumbnails.items():
        item = evidence[n]
        where = f"{text['criterion']} {item.criterion}" if item.criterion else text["general"]
        said = f"<b>{_markup(item.caption)}</b><br/>" if item.caption else ""
        caption = Paragraph(f"{said}{_markup(item.filename)}<br/>{escape(where)}", styles.caption)
        if thumb is None:
            picture: Any = Paragraph(escape(text["image_unreadable"]), styles.unreadable)
        else:
            scale = _THUMB_BOX / max(thumb.width, thumb.height)
            picture = Image(
                io.BytesIO(thumb.jpeg), width=thumb.width * scale, height=thumb.height * scale
            )
        cells.append([picture, caption])
    rows = [cells[i : i + _THUMBS_PER_ROW] for i in range(0, len(cells), _THUMBS_PER_ROW)]
    rows[-1] += [""] * (_THUMBS_PER_ROW - len(rows[-1]))
    table = Table(rows, colWidths=[_WIDTH / _THUMBS_PER_ROW] * _THUMBS_PER_ROW)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), styles.fonts.regular, 8.5),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    table.hAlign = "LEFT"
    return table


def _methodology(data: ReportData, text: Labels, styles: _Styles) -> list[Any]:
    """How the validation was done, saying only what was recorded: the mode, the session
    time and its days, who took part, the evidence. Nothing recorded, nothing said (before,
    every report asserted documents sent ahead, a tour and interviews)."""
    from reportlab.platypus import KeepTogether, Paragraph

    paragraphs = list(
        {
            Mode.VIRTUAL: text["methodology_virtual"],
            Mode.IN_PERSON: text["methodology_in_person"],
            Mode.HYBRID: text["methodology_hybrid"],
        }[data.validation.mode]
    )
    if data.session_seconds and data.session_days:
        minutes = data.session_seconds // 60
        duration = text["duration"].format(hours=minutes // 60, minutes=minutes % 60)
        days = ", ".join(format_date(day, text) for day in data.session_days)
        paragraphs.append(text["methodology_sessions"].format(duration=duration, days=days))
    if data.validation.participants:
        names = "; ".join(data.validation.participants)
        paragraphs.append(text["methodology_participants"].format(names=names))
    if len(data.evidence) == 1:
        paragraphs.append(text["methodology_evidence_one"])
    elif data.evidence:
        paragraphs.append(text["methodology_evidence"].format(count=len(data.evidence)))
    return [
        KeepTogether(
            [
                _heading("methodology", text["methodology"], styles),
                *(Paragraph(escape(p), styles.body) for p in paragraphs),
                Paragraph(escape(text["methodology_findings"]), styles.body),
            ]
        )
    ]


def _signature(
    data: ReportData,
    text: Labels,
    styles: _Styles,
    on_signature: Callable[[SignatureBox], None],
) -> Any:
    """The signature block, kept in one piece: who signs and the box the signature goes in."""
    from reportlab.platypus import KeepTogether, Paragraph, Spacer

    validation = data.validation
    if data.draft:
        return KeepTogether(
            [
                _heading("signature", text["signature"], styles),
                Paragraph(escape(text["draft_signature"]), styles.body),
            ]
        )
    role = text["signature_role"]
    if validation.office.strip():
        role = f"{role} · {validation.office.strip()}"
    # Who signs comes from the certificate (checked against the SCSS before signing); the
    # approval from the audit trail. Neither is printed when nothing recorded it.
    said = []
    if data.signer:
        said.append(text["signed_with"].format(signer=data.signer))
    approved = _day(data.approved_at)
    if data.approved_by and approved is not None:
        said.append(
            text["approved_by"].format(name=data.approved_by, date=format_date(approved, text))
        )
    return KeepTogether(
        [
            _heading("signature", text["signature"], styles),
            Paragraph(escape(text["signature_statement"]), styles.body),
            Spacer(1, 6),
            _signature_spot(on_signature),
            Spacer(1, 6),
            Paragraph(_markup(validation.scss), styles.signer),
            Paragraph(escape(role), styles.intro),
            *(Paragraph(escape(line), styles.body) for line in said),
            Paragraph(escape(text["signature_note"]), styles.intro),
        ]
    )


def _day(moment: str) -> date | None:
    """The UTC day of an ISO 8601 timestamp, or None when there is none."""
    try:
        return datetime.fromisoformat(moment).date() if moment else None
    except ValueError:
        return None


def _signature_spot(on_signature: Callable[[SignatureBox], None]) -> Any:
    """An empty, outlined box that reports where it was drawn, for the visible signature."""
    from reportlab.lib import colors
    from reportlab.platypus import Flowable

    width, height = _SIGNATURE

    class SignatureSpot(Flowable):  # type: ignore[misc]
        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            return width, height

        def draw(self) -> None:
            canvas = self.canv
            x, y = canvas.absolutePosition(0, 0)
            on_signature(SignatureBox(canvas.getPageNumber() - 1, x, y, x + width, y + height))
            canvas.saveState()
            canvas.setStrokeColor(colors.HexColor(_RULE))
            canvas.setLineWidth(0.5)
            canvas.setDash(2, 2)
            canvas.rect(0, 0, width, height)
            canvas.restoreState()

    spot = SignatureSpot()
    spot.hAlign = "LEFT"
    return spot


def _grid(rows: Sequence[Sequence[Any]], widths: Sequence[float], styles: _Styles) -> Any:
    """A borderless two-column layout of labels and values."""
    from reportlab.platypus import Table, TableStyle

    table = Table([list(r) for r in rows], colWidths=list(widths))
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), styles.fonts.regular, 9.5),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    table.hAlign = "LEFT"
    return table


def _table(
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    numbers_from: int | None,
    styles: _Styles,
    total: bool = False,
) -> Any:
    """A striped table; columns from numbers_from on are right-aligned; a total row in bold."""
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    table = Table(
        [list(header), *(list(r) for r in rows)],
        colWidths=list(widths),
        repeatRows=1,
        spaceAfter=8,
    )
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, 0), styles.fonts.bold, 8.5),
        ("FONT", (0, 1), (-1, -1), styles.fonts.regular, 8.5),
        ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(_NAVY)),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor(_STRIPE)]),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor(_RULE)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if numbers_from is not None:
        commands.append(("ALIGN", (numbers_from, 0), (-1, -1), "RIGHT"))
    if total:
        commands += [
            ("FONT", (0, -1), (-1, -1), styles.fonts.bold, 8.5),
            ("BACKGROUND", (0, -1), (-1, -1), colors.white),
            ("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.black),
        ]
    table.setStyle(TableStyle(commands))
    table.hAlign = "LEFT"
    return table
