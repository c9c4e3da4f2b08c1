"""Prototype: the validation report (ReportData) as a tagged PDF/UA-1 + PDF/A-2b document.

Not wired in: report/builder.py still writes the report. This shows how its content maps
to the engine's blocks (cover, results, required actions with their evidence beside them,
signature room) so the port is a matter of moving the builder's sections over one by one.
"""

from collections.abc import Sequence
from pathlib import Path

from ctpat_desktop.catalog.model import Level
from ctpat_desktop.pdf.blocks import (
    Block,
    Group,
    Heading,
    Image,
    Paragraph,
    SignatureSpot,
    Span,
    Table,
)
from ctpat_desktop.pdf.engine import Document, Spot, write_pdf
from ctpat_desktop.report.labels import Labels, labels
from ctpat_desktop.report.model import EvidenceItem, ReportData
from ctpat_desktop.worksheet import Finding, FindingStatus, Mode

SIGNATURE_SIZE = (228.0, 88.0)  # points: the room pyHanko's stamp is drawn in
_PICTURES = {"image/png": "png", "image/jpeg": "jpg"}


def write_report_prototype(data: ReportData, path: Path) -> Spot | None:
    """Write the report to path; where its signature goes (None for a draft)."""
    return write_pdf(report_document(data), path)


def report_document(data: ReportData) -> Document:
    """The report as a document for the engine."""
    text = labels(data.language)
    member = data.validation.member.name
    files, pictures = _pictures(data.evidence)
    blocks: list[Block] = [
        Heading(text["title"], level=1, bookmarked=False),
        Paragraph(member, "lead"),
        *_cover(data, text),
        *_results(data, text),
        *_required_actions(data, text, pictures),
    ]
    if not data.draft:
        blocks.append(_signature(data, text))
    marking = data.sensitivity_marking or text["sensitivity_default"]
    before, _, after = text["page_of"].partition("{page}")
    return Document(
        title=text["document_title"].format(member=member),
        author=data.signer or data.validation.scss,
        subject=text["document_subject"].format(
            member=member, account=data.validation.member.account, date=data.validation.date
        ),
        lang=data.language,
        footer=text["footer_validation"].format(id=data.validation.id),
        page_word=before.strip(),
        of_word=after.split("{pages}")[0].strip(),
        marking=f"{text['draft_header']} · {marking}" if data.draft else marking,
        watermark=text["draft_mark"] if data.draft else "",
        blocks=blocks,
        files=files,
    )


def _pictures(
    evidence: Sequence[EvidenceItem],
) -> tuple[dict[str, bytes], dict[str, list[tuple[str, EvidenceItem]]]]:
    """The images to embed, by file name, and each criterion's pictures."""
    files: dict[str, bytes] = {}
    by_criterion: dict[str, list[tuple[str, EvidenceItem]]] = {}
    for n, item in enumerate(evidence):
        kind = _PICTURES.get(item.media_type)
        if kind is None or item.criterion is None:
            continue
        name = f"evidence-{n}.{kind}"
        files[name] = item.content
        by_criterion.setdefault(item.criterion, []).append((name, item))
    return files, by_criterion


def _cover(data: ReportData, text: Labels) -> list[Block]:
    """The validation's particulars, one labelled line each."""
    v = data.validation
    lines = (
        (text["member_account"], v.member.account),
        (text["entity_type"], data.entity_name),
        (text["mode"], _mode(v.mode, text)),
        (text["validation_date"], v.date.isoformat()),
        (text["scss"], v.scss),
        (text["report_version"], text["version"].format(version=data.version)),
    )
    return [Paragraph([Span(f"{label}: ", bold=True), Span(value)]) for label, value in lines]


def _mode(mode: Mode, text: Labels) -> str:
    names = {
        Mode.VIRTUAL: text["mode_virtual"],
        Mode.IN_PERSON: text["mode_in_person"],
        Mode.HYBRID: text["mode_hybrid"],
    }
    return names[mode]


def _status(finding: Finding | None, text: Labels) -> str:
    names = {
        FindingStatus.NOT_REVIEWED: text["status_not_reviewed"],
        FindingStatus.MET: text["status_met"],
        FindingStatus.NOT_MET: text["status_not_met"],
        FindingStatus.EXCEEDS: text["status_exceeds"],
        FindingStatus.NOT_APPLICABLE: text["status_not_applicable"],
    }
    return names[finding.status if finding else FindingStatus.NOT_REVIEWED]


def _results(data: ReportData, text: Labels) -> list[Block]:
    levels = {Level.MUST: text["level_must"], Level.SHOULD: text["level_should"]}
    rows = [
        (c.id, c.title, levels[c.level], _status(data.findings.get(c.id), text))
        for c in data.catalog.criteria
    ]
    header = (text["criterion"], text["requirement"], text["level"], text["result"])
    return [Heading(text["results"]), Table(header, rows, (50, 274, 60, 120), 4)]


def _required_actions(
    data: ReportData, text: Labels, pictures: dict[str, list[tuple[str, EvidenceItem]]]
) -> list[Block]:
    blocks: list[Block] = [Heading(text["required_actions"])]
    for criterion in data.catalog.criteria:
        finding = data.findings.get(criterion.id)
        if finding is None or finding.status is not FindingStatus.NOT_MET:
            continue
        block: list[Block] = [
            Heading(f"{criterion.id} {criterion.title}", level=3),
            Paragraph([Span(f"{text['requirement']}: ", bold=True), Span(criterion.text)]),
        ]
        if finding.action:
            block.append(
                Paragraph([Span(f"{text['required_action']}: ", bold=True), Span(finding.action)])
            )
        block.append(
            Paragraph(
                [Span(f"{text['due_date']}: ", bold=True), Span(data.due(finding).isoformat())]
            )
        )
        blocks.append(Group(block))
        for name, item in pictures.get(criterion.id, []):
            blocks.append(Image(name, alt=item.caption or item.filename, caption=item.caption))
    return blocks


def _signature(data: ReportData, text: Labels) -> Group:
    """The statement and the room the signature is drawn in, kept on one page."""
    return Group(
        (
            Heading(text["signature"]),
            Paragraph(text["signature_statement"]),
            Paragraph(data.signer or data.validation.scss, "lead"),
            SignatureSpot(*SIGNATURE_SIZE),
        )
    )
