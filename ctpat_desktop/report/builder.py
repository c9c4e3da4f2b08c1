"""Lay out a validation report as a tagged PDF/UA-1 + PDF/A-2b document (the Typst engine,
ctpat_desktop/pdf), leaving room for the signature."""

import hashlib
import io
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ctpat_desktop.catalog import Criterion, Level, criterion_sort_key
from ctpat_desktop.pdf.blocks import (
    Block,
    Bullets,
    Gallery,
    Group,
    Heading,
    PageBreak,
    Pairs,
    Panel,
    Paragraph,
    Picture,
    Rule,
    SignatureSpot,
    Space,
    Span,
    StackedBars,
    Table,
    Text,
)
from ctpat_desktop.pdf.engine import Document, write_pdf
from ctpat_desktop.report.labels import (
    Labels,
    counted,
    format_date,
    format_moment,
    format_number,
    labels,
)
from ctpat_desktop.report.model import EvidenceItem, ReportData, SignatureBox, Visit
from ctpat_desktop.worksheet import Finding, FindingStatus, Mode, Outcome, classify

_WIDTH = 504.0  # the text's width: US letter less two margins of 54 pt
_CM = 72 / 2.54
_SIGNATURE = (8 * _CM, 3 * _CM)
_THUMB_BOX = 5 * _CM  # largest side of an image thumbnail in the evidence index
_BESIDE_BOX = 3.2 * _CM  # the same, beside its finding
_THUMB_PIXELS = 400  # enough for print at that size, small enough to stay fast
_IMAGE_TYPES = frozenset({"image/png", "image/jpeg"})


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
    """A reduced copy of one image, encoded once as JPEG (embedded as is)."""

    jpeg: bytes
    width: int
    height: int

    @property
    def file(self) -> str:
        """Its name among the document's files (the same picture twice is one file)."""
        return f"evidence-{hashlib.sha256(self.jpeg).hexdigest()[:16]}.jpg"

    def fitted(self, box: float) -> tuple[float, float]:
        """Its size in points inside a box × box square."""
        scale = box / max(self.width, self.height)
        return self.width * scale, self.height * scale


def build_report(data: ReportData, path: Path) -> SignatureBox | None:
    """Write the report to path; where the empty signature box was left (None for a draft,
    which has no box: it is never signed).

    A report to sign gets its empty signature field already, tagged as a form field with
    alternate text, so that the signature, which fills it, changes nothing of the tags."""
    text = labels(data.language)
    content = _content(data)
    thumbnails = {
        n: _thumbnail(item.content)
        for n, item in enumerate(data.evidence)
        if item.media_type in _IMAGE_TYPES
    }
    files = {t.file: t.jpeg for t in thumbnails.values() if t is not None}
    document = _document(data, text, _blocks(data, text, content, thumbnails), files)
    if data.draft:
        write_pdf(document, path)
        return None
    from ctpat_desktop.pdf.signature_field import write_with_signature_field
    from ctpat_desktop.report.signing import FIELD_NAME

    name = data.signer or data.validation.scss
    alt = text["signature_alt"].format(name=name)
    spot = write_with_signature_field(document, path, field_name=FIELD_NAME, alt=alt)
    return SignatureBox(spot.page, spot.x1, spot.y1, spot.x2, spot.y2)


def _document(
    data: ReportData, text: Labels, blocks: list[Block], files: dict[str, bytes]
) -> Document:
    """The document's metadata, page decoration and blocks."""
    validation = data.validation
    member = validation.member.name
    marking = data.sensitivity_marking or text["sensitivity_default"]
    page_word, _, rest = text["page_of"].partition("{page}")
    return Document(
        title=(f"{text['draft_mark']} — " if data.draft else "")
        + text["document_title"].format(member=member),
        author=validation.scss,
        subject=text["document_subject"].format(
            member=member,
            account=validation.member.account,
            date=format_date(validation.date, text),
        ),
        lang=data.language,
        footer=text["footer_validation"].format(id=validation.id),
        page_word=page_word.strip(),
        of_word=rest.partition("{pages}")[0].strip(),
        marking=marking,
        watermark=text["draft_mark"] if data.draft else "",
        header_left=member,
        header_right=f"{text['title']} · {text['version'].format(version=data.version)}",
        banner=text["draft_header"] if data.draft else "",
        blocks=blocks,
        files=files,
        created=_moment(data.generated_at),
    )


def _moment(value: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment.replace(microsecond=0) if moment.tzinfo is not None else None


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


def _blocks(
    data: ReportData,
    text: Labels,
    content: _Content,
    thumbnails: dict[int, _Thumbnail | None],
) -> list[Block]:
    """The blocks of the whole report, section by section."""
    return [
        *_cover(data, text),
        PageBreak(),
        *_summary(data, text, content),
        *_respond(data, text, content),
        *_categories(data, text, content),
        *_deficiency_section("required", data, text, content, thumbnails),
        *_deficiency_section("recommendations", data, text, content, thumbnails),
        *_best_practices(data, text, content, thumbnails),
        PageBreak(),
        *_results(data, text, content),
        PageBreak(),
        *_evidence(data, text, thumbnails),
        *_visit(data.visit, text),
        _methodology(data, text),
        _signature(data, text),
    ]


def _labelled(label: str, value: str) -> list[Span]:
    return [Span(f"{label}: ", bold=True), Span(value)]


def _draft_notice(data: ReportData, text: Labels) -> list[Block]:
    """On a draft's cover: that it is one, and how much is still not reviewed."""
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
    return [Space(12), *(Paragraph(line, "alert") for line in lines)]


def _cover(data: ReportData, text: Labels) -> list[Block]:
    validation = data.validation
    rows: list[tuple[str, Text]] = [
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
    return [
        Paragraph(text["agency"], "agency"),
        Paragraph(text["programme"], "agency"),
        Rule(thick=True),
        Space(48),
        Heading(text["title"], level=1, bookmarked=False),
        Paragraph(validation.member.name, "member"),
        *_draft_notice(data, text),
        Space(24),
        Pairs(rows, 170),
        Space(30),
        Rule(),
        Paragraph(text["cover_notice"], "meta"),
    ]


# A participant recorded as the member's point of contact: "Ana Ruiz (security, point of
# contact)". The report addresses them; it never picks someone else as the contact.
_POINT_OF_CONTACT = re.compile(r"\b(point of contact|punto de contacto|POC)\b", re.IGNORECASE)


def point_of_contact(participants: Sequence[str]) -> str | None:
    """The participant recorded as the member's point of contact, if one is."""
    return next((p for p in participants if _POINT_OF_CONTACT.search(p)), None)


def _addressee(data: ReportData) -> str:
    """The member's point of contact and the company; the company alone when the
    validation records no contact. A participant record whose role says so comes first."""
    member = data.validation.member.name
    recorded = next(
        (
            f"{p.name} ({p.role})"
            for p in data.visit.participants
            if p.organisation != "cbp" and _POINT_OF_CONTACT.search(p.role)
        ),
        None,
    )
    contact = recorded or point_of_contact(data.validation.participants)
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


def _numbered(number: int, name: str) -> str:
    """A category as "4. Cybersecurity"."""
    return f"{number}. {name}" if name else str(number)


def _summary(data: ReportData, text: Labels, content: _Content) -> list[Block]:
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
        Heading(text["summary"]),
        *(Paragraph(s) for s in sentences),
        Paragraph(text["status_caption"].format(criteria=criteria), "meta"),
        Table((text["result"], text["criteria"]), rows, (190, 80), 1, total=True),
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


def _respond(data: ReportData, text: Labels, content: _Content) -> list[Block]:
    """How and by when the member answers, and whom to ask (as the settings record them)."""
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
    rows: list[tuple[str, Text]] = [
        (label, _with_contact(name, data.contacts)) for label, name in people if name
    ]
    blocks: list[Block] = [Heading(text["respond"]), Paragraph(how)]
    if rows:
        blocks.append(
            Group(
                (
                    Heading(text["contacts"], level=3, bookmarked=False),
                    Pairs(rows, 170),
                    Paragraph(text["contacts_note"], "meta"),
                )
            )
        )
    return blocks


def _with_contact(name: str, contacts: Mapping[str, str]) -> str:
    """A name and, when the settings record one, how to reach them: "Laredo — phone"."""
    found = contacts.get(name) or next(
        (v for k, v in contacts.items() if k.casefold() == name.casefold()), ""
    )
    return f"{name} — {found}" if found else name


def _categories(data: ReportData, text: Labels, content: _Content) -> list[Block]:
    required = Counter(i.criterion.category for i in content.required)
    recommended = Counter(i.criterion.category for i in content.recommendations)
    categories = sorted(data.categories, key=lambda c: c.number)
    rows: list[tuple[str, ...]] = [
        (
            _numbered(c.number, c.name),
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
    blocks: list[Block] = [
        Heading(text["categories"]),
        Paragraph(text["categories_caption"], "meta"),
        Table(header, rows, (_WIDTH - 252, 100, 100, 52), 1, total=True),
    ]
    if not n_required + n_recommended:
        return [*blocks, Paragraph(text["no_chart"])]
    names = [_numbered(c.number, c.name) for c in categories]
    series = [[required[c.number] for c in categories], [recommended[c.number] for c in categories]]
    alt = "; ".join(
        f"{name}: {a} {text['required_actions_column'].lower()}, "
        f"{b} {text['recommendations_column'].lower()}"
        for name, a, b in zip(names, *series, strict=True)
        if a or b
    )
    chart = StackedBars(
        names,
        series,
        (text["required_actions_column"], text["recommendations_column"]),
        alt=f"{text['chart_caption']} {alt}.",
        caption=text["chart_caption"],
    )
    return [*blocks, chart]


def _deficiency_section(
    kind: str,
    data: ReportData,
    text: Labels,
    content: _Content,
    thumbnails: dict[int, _Thumbnail | None],
) -> list[Block]:
    """Required actions (kind "required") or recommendations (kind "recommendations")."""
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
    blocks: list[Block] = [Heading(title), Paragraph(intro, "meta")]
    if not items:
        return [*blocks, Paragraph(empty)]
    for item in items:
        rows = _finding_rows(item, data, text, action_label, level_label)
        rows += _evidence_rows(item, data, content, thumbnails)
        blocks.append(_panel(item, rows, text))
    return blocks


def _best_practices(
    data: ReportData,
    text: Labels,
    content: _Content,
    thumbnails: dict[int, _Thumbnail | None],
) -> list[Block]:
    blocks: list[Block] = [
        Heading(text["best_practices"]),
        Paragraph(text["best_practices_intro"], "meta"),
    ]
    if not content.best_practices:
        return [*blocks, Paragraph(text["no_best_practices"])]
    for item in content.best_practices:
        rows: list[tuple[str, Text | Bullets | Gallery]] = [
            (text["best_practice"], item.finding.note)
        ]
        rows += _evidence_rows(item, data, content, thumbnails)
        blocks.append(_panel(item, rows, text))
    return blocks


def _panel(item: _Item, rows: list[tuple[str, Text | Bullets | Gallery]], text: Labels) -> Panel:
    """One finding as a box: criterion and level on top, then label and text rows."""
    criterion = item.criterion
    level = (  # for a deficiency, the level of what the member must act on
        criterion.level_not_met(item.finding.unmet_parts)
        if item.finding.status is FindingStatus.NOT_MET
        else criterion.level
    )
    return Panel(f"{criterion.id}   {criterion.title}", _level(level, text), rows)


def _finding_rows(
    item: _Item, data: ReportData, text: Labels, action_label: str, default: str
) -> list[tuple[str, Text | Bullets | Gallery]]:
    """Label and text of each line of a not-met finding's box: what the criterion
    requires, what was found, why, what to do and by when."""
    finding = item.finding
    reasons = {r.code: r.label for r in data.reasons}
    written = finding.report_text.strip() or default
    criterion = item.criterion
    rows: list[tuple[str, Text | Bullets | Gallery]] = [
        (text["requirement"], criterion.text),
        (text["finding"], written),
    ]
    if criterion.parts:
        unmet = [p for p in criterion.parts if p.key in finding.unmet_parts] or list(
            criterion.parts
        )
        lines = [f"{p.key}) {p.text} ({_level(p.level, text)})" for p in unmet]
        rows.append((text["parts_not_met"], Bullets(lines)))
    if finding.reasons:
        rows.append((text["reasons"], "; ".join(reasons.get(r, r) for r in finding.reasons)))
    if finding.action.strip():
        rows.append((action_label, finding.action.strip()))
    # A required action always has a due date; a recommendation only when one was set.
    if finding.due is not None or criterion.level_not_met(finding.unmet_parts) is Level.MUST:
        rows.append((text["due_date"], [Span(_due(data, finding, text), bold=True)]))
    return rows


def _caption(item: EvidenceItem, *more: str) -> list[Span]:
    """Under a picture: its caption in bold, then its file name and what else is given."""
    said = [Span(item.caption + "\n", bold=True)] if item.caption else []
    return [*said, Span("\n".join((item.filename, *more)))]


def _evidence_rows(
    item: _Item,
    data: ReportData,
    content: _Content,
    thumbnails: dict[int, _Thumbnail | None],
) -> list[tuple[str, Text | Bullets | Gallery]]:
    """The evidence of the finding's criterion, beside it: small pictures with their
    captions, other files by name (the evidence index identifies each exactly)."""
    numbers = content.evidence.get(item.criterion.id, [])
    if not numbers:
        return []
    text = labels(data.language)
    pictures = [_picture(data.evidence[n], thumbnails.get(n), _BESIDE_BOX) for n in numbers]
    return [(text["evidence_beside"], Gallery(pictures, 3, _BESIDE_BOX))]


def _picture(item: EvidenceItem, thumb: _Thumbnail | None, box: float, *more: str) -> Picture:
    caption = _caption(item, *more)
    if thumb is None:
        return Picture("", item.caption or item.filename, caption)
    width, height = thumb.fitted(box)
    return Picture(thumb.file, item.caption or item.filename, caption, width, height)


def _results(data: ReportData, text: Labels, content: _Content) -> list[Block]:
    catalog = data.catalog
    names = {c.number: c.name for c in data.categories}
    intro = text["results_intro"].format(catalog=catalog.name, version=catalog.version)
    blocks: list[Block] = [Heading(text["results"]), Paragraph(intro, "meta")]
    header = (text["criterion_id"], text["criterion"], text["level"], text["result"])
    for number in catalog.categories():
        rows = [
            (c.id, c.title, _level(c.level, text), _status(content.results[c.id], text))
            for c in sorted(catalog.in_category(number), key=lambda c: criterion_sort_key(c.id))
        ]
        blocks += [
            Heading(_numbered(number, names.get(number, "")), level=3),
            Table(header, rows, (40, _WIDTH - 40 - 56 - 130, 56, 130), 4),
        ]
    return blocks


def _evidence(
    data: ReportData, text: Labels, thumbnails: dict[int, _Thumbnail | None]
) -> list[Block]:
    blocks: list[Block] = [Heading(text["evidence"])]
    if not data.evidence:
        return [*blocks, Paragraph(text["no_evidence"])]
    rows = [
        (
            [
                Span(item.filename + "\n"),
                *([Span(item.caption + "\n")] if item.caption else []),
                Span(item.sha256, mono=True),
            ],
            item.criterion or text["general"],
            format_moment(item.captured_at, text),
        )
        for item in data.evidence
    ]
    header = (text["file_sha256"], text["criterion"], text["captured"])
    blocks += [
        Paragraph(text["evidence_intro"], "meta"),
        # 64 hex digits at 6.2 pt take 239 pt: the first column keeps each on one line.
        Table(header, rows, (_WIDTH - 56 - 126, 56, 126), 3),
    ]
    if not thumbnails:
        return blocks
    pictures = [
        _picture(
            data.evidence[n],
            thumb,
            _THUMB_BOX,
            f"{text['criterion']} {item.criterion}"
            if (item := data.evidence[n]).criterion
            else text["general"],
        )
        for n, thumb in thumbnails.items()
    ]
    return [
        *blocks,
        Heading(text["images"], level=3),
        Paragraph(text["images_intro"], "meta"),
        Gallery(pictures, 3, _THUMB_BOX, unreadable=text["image_unreadable"]),
    ]


def _visit(visit: Visit, text: Labels) -> list[Block]:
    """What was recorded around the checklist, part by part; nothing recorded, no part."""
    if not visit:
        return []
    blocks: list[Block] = [
        PageBreak(),
        Heading(text["visit"]),
        Paragraph(text["visit_intro"], "meta"),
    ]
    if visit.outcome is not None:
        blocks += [Heading(text["outcome"], level=3), *_outcome(visit, text)]
    organisations, roles = text["organisations"], text["team_roles"]
    parts: list[tuple[str, Sequence[str], Sequence[Sequence[str]], Sequence[float]]] = [
        (
            text["sites"],
            (text["site_name"], text["site_type"], text["address"], text["country"]),
            [
                (s.name, text["site_types"].get(s.type, s.type), s.address, s.country)
                for s in visit.sites
            ],
            (170, 70, 204, 60),
        ),
        (
            text["participants"],
            (text["person"], text["role"], text["organisation"], text["days_present"]),
            [
                (
                    p.name,
                    p.role,
                    organisations.get(p.organisation, p.organisation),
                    ", ".join(format_date(d, text) for d in p.days),
                )
                for p in visit.participants
            ],
            (150, 140, 74, 140),
        ),
        (
            text["team"],
            (text["person"], text["role"]),
            [(t.name, roles.get(t.role, t.role)) for t in visit.team],
            (250, 254),
        ),
        (
            text["documents"],
            (text["document"], text["requested"], text["received"]),
            [
                (d.what, _day_text(d.requested_on, text), _day_text(d.received_on, text))
                for d in visit.documents
            ],
            (264, 120, 120),
        ),
        (
            text["interviews"],
            (text["topic"], text["with_whom"], text["when"]),
            [(i.topic, i.with_whom, _local(i.held_at, text)) for i in visit.interviews],
            (200, 164, 140),
        ),
        (
            text["tour"],
            (text["time"], text["area"], text["site"]),
            [(_local(t.at, text), t.area, t.site) for t in visit.tour],
            (140, 200, 164),
        ),
    ]
    for title, header, rows, widths in parts:
        if rows:
            blocks += [Heading(title, level=3), Table(header, rows, widths, len(header))]
    return blocks


def _outcome(visit: Visit, text: Labels) -> list[Block]:
    """The result the SCSS proposed, why, and the supervisor's decision with its date."""
    assert visit.outcome is not None
    results = text["results_proposed"]
    outcome = visit.outcome
    blocks: list[Block] = [
        Paragraph(text["proposed"].format(result=results.get(outcome.result, outcome.result)))
    ]
    if outcome.reason.strip():
        blocks.append(Paragraph(text["outcome_reason"].format(reason=outcome.reason.strip())))
    decision = visit.decision
    if decision is not None and decision.decided_on is not None:
        when = format_date(decision.decided_on, text)
        if decision.decision == "changed":
            result = results.get(decision.result, decision.result)
            blocks.append(Paragraph(text["decision_changed"].format(result=result, date=when)))
        else:
            blocks.append(Paragraph(text["decision_agreed"].format(date=when)))
        if decision.note.strip():
            blocks.append(Paragraph(text["decision_note"].format(note=decision.note.strip())))
    return blocks


def _day_text(day: date | None, text: Labels) -> str:
    return format_date(day, text) if day is not None else "—"


def _local(moment: str, text: Labels) -> str:
    """A session's local time "YYYY-MM-DDTHH:MM" as the language writes it ("" stays "")."""
    try:
        parsed = datetime.fromisoformat(moment)
    except ValueError:
        return moment
    return f"{format_date(parsed.date(), text)}, {parsed.strftime('%H:%M')}"


def _methodology(data: ReportData, text: Labels) -> Group:
    """How the validation was done, saying only what was recorded: the mode, the session
    time and its days, who took part, the documents, the tour, interviews, the evidence.
    Nothing recorded, nothing said (before, every report asserted documents sent ahead, a
    tour and interviews)."""
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
    paragraphs += _methodology_visit(data, text)
    if len(data.evidence) == 1:
        paragraphs.append(text["methodology_evidence_one"])
    elif data.evidence:
        paragraphs.append(text["methodology_evidence"].format(count=len(data.evidence)))
    return Group(
        (
            Heading(text["methodology"]),
            *(Paragraph(p) for p in paragraphs),
            Paragraph(text["methodology_findings"]),
        )
    )


def _methodology_visit(data: ReportData, text: Labels) -> list[str]:
    """The methodology's sentences from the visit's records (the names alone without them)."""
    visit = data.visit
    said: list[str] = []
    member = [p for p in visit.participants if p.organisation != "cbp"]
    if member:
        people = "; ".join(f"{p.name} ({p.role})" if p.role else p.name for p in member)
        said.append(text["methodology_participants"].format(names=people))
    elif data.validation.participants and not visit.participants:
        names = "; ".join(data.validation.participants)
        said.append(text["methodology_participants"].format(names=names))
    cbp = [f"{t.name} ({text['team_roles'].get(t.role, t.role)})" for t in visit.team]
    cbp += [
        f"{p.name} ({p.role})" if p.role else p.name
        for p in visit.participants
        if p.organisation == "cbp"
    ]
    if cbp:
        said.append(text["methodology_team"].format(people="; ".join(cbp)))
    if visit.documents:
        received = sum(1 for d in visit.documents if d.received_on is not None)
        said.append(
            text["methodology_documents"].format(requested=len(visit.documents), received=received)
        )
    if visit.tour:
        areas = "; ".join(dict.fromkeys(t.area for t in visit.tour))
        said.append(text["methodology_tour"].format(areas=areas))
    if visit.interviews:
        said.append(text["methodology_interviews"].format(count=len(visit.interviews)))
    return said


def _signature(data: ReportData, text: Labels) -> Group:
    """The signature block, kept in one piece: who signs and the room the signature takes."""
    validation = data.validation
    if data.draft:
        return Group((Heading(text["signature"]), Paragraph(text["draft_signature"])))
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
    return Group(
        (
            Heading(text["signature"]),
            Paragraph(text["signature_statement"]),
            SignatureSpot(*_SIGNATURE),
            Space(6),
            Paragraph(validation.scss, "signer"),
            Paragraph(role, "meta"),
            *(Paragraph(line) for line in said),
            Paragraph(text["signature_note"], "meta"),
        )
    )


def _day(moment: str) -> date | None:
    """The UTC day of an ISO 8601 timestamp, or None when there is none."""
    try:
        return datetime.fromisoformat(moment).date() if moment else None
    except ValueError:
        return None
