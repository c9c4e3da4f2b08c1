"""The validation report as a tagged PDF/UA-1 + PDF/A-2b document, signed and read back:
its structure tree, language, title, conformance, fonts, and the visit's records."""

import io
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import pikepdf
import pytest
from PIL import Image as PillowImage

from ctpat_desktop.app import AppContext
from ctpat_desktop.records.kinds import (
    DECISION,
    DOCUMENT_REQUEST,
    INTERVIEW,
    OUTCOME,
    PARTICIPANT,
    SITE,
    TEAM_MEMBER,
    TOUR_STOP,
)
from ctpat_desktop.records.values import check
from ctpat_desktop.report.builder import build_report as build_pdf
from ctpat_desktop.report.certificates import SigningIdentity, create_test_identity
from ctpat_desktop.report.signing import Pkcs12Key, sign_pdf
from ctpat_desktop.report.verify import verify_pdf
from ctpat_desktop.services import visit
from ctpat_desktop.services.report_io import build_report, report_data
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.store import utc_now
from ctpat_desktop.store import visit as stored
from ctpat_desktop.worksheet import Lifecycle
from tests.pdf import pdfcheck

SCSS = "Laura Méndez"


def _png(color: tuple[int, int, int]) -> bytes:
    buffer = io.BytesIO()
    PillowImage.new("RGB", (320, 200), color).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture(scope="module")
def signer(tmp_path_factory: pytest.TempPathFactory) -> SigningIdentity:
    return create_test_identity(tmp_path_factory.mktemp("id"), SCSS)


@pytest.fixture
def validation(ctx: AppContext, tmp_path: Path) -> str:
    """An approved validation: a required action with a captioned picture beside it, a
    recommendation, a criterion with parts, a picture without caption, a best practice."""
    created = plan_validation(
        ctx, member="Méndez Logística", account="MX-1", entity="importer", on=date(2026, 3, 10)
    )
    session = ValidationSession(ctx, created.id)
    session.record_finding(
        "4.8", status="not-met", reasons=["training-gap"], action="Train the guards"
    )
    session.record_finding("5.5", status="not-met", reasons=["technology-gap"])
    session.record_finding("12.1", status="exceeds", note="Quarterly drills.")
    session.record_finding("1.1", status="met")
    with_parts = next(c.id for c in session.catalog.criteria if c.parts)
    session.record_finding(with_parts, status="not-met", reasons=["partner-not-screened"])
    for name, criterion, color in (
        ("seal-log.png", "4.8", (20, 120, 60)),
        ("gate.png", None, (9, 9, 9)),
    ):
        picture = tmp_path / name
        picture.write_bytes(_png(color))
        session.attach_evidence(picture, criterion)
    ctx.store.set_status(created.id, Lifecycle.APPROVED, "Sam Supervisor")
    return created.id


@pytest.fixture
def signed(ctx: AppContext, validation: str, signer: SigningIdentity, tmp_path: Path) -> Path:
    session = ValidationSession(ctx, validation)
    path = tmp_path / "signed.pdf"
    data = replace(report_data(ctx, session, "en"), signer=SCSS)
    unsigned = tmp_path / "unsigned.pdf"
    box = build_pdf(replace(data, validation=replace(data.validation, scss=SCSS)), unsigned)
    assert box is not None
    sign_pdf(
        unsigned, path, Pkcs12Key(signer.pkcs12), box, secret=lambda: None, reason="T", location="L"
    )
    return path


def test_the_signed_report_is_tagged_with_headings_tables_lists_and_figures(signed: Path) -> None:
    elements = pdfcheck.structure(signed)
    tags = [e.tag for e in elements]
    assert tags[0] == "Document"
    assert {"H1", "H2", "H3", "Table", "TR", "TH", "TD", "L", "LI", "Figure"} <= set(tags)
    assert tags.count("H1") == 1
    figures = [e.alt for e in elements if e.tag == "Figure"]
    # The chart, then each picture: beside its finding and in the index, named by its file.
    assert figures[0] is not None and figures[0].startswith("Required actions and")
    assert "4. Cybersecurity: 1 required actions, 0 recommendations" in figures[0]
    assert figures.count("seal-log.png") == 2 and figures.count("gate.png") == 1
    assert all(alt for alt in figures)
    assert pdfcheck.info(signed)["Tagged"] == "yes"


def test_the_signature_field_is_a_form_element_with_alternate_text(
    signed: Path, signer: SigningIdentity
) -> None:
    forms = [e for e in pdfcheck.structure(signed) if e.tag == "Form"]
    assert [f.alt for f in forms] == [f"Digital signature of {SCSS}"]
    with pikepdf.open(signed) as pdf:
        (field,) = pdf.Root.AcroForm.Fields
        assert field.FT == "/Sig" and "/V" in field  # the tagged field is the one signed
        parents = dict(zip(*[iter(pdf.Root.StructTreeRoot.ParentTree.Nums)] * 2, strict=True))
        assert parents[int(field.StructParent)].S == "/Form"
        assert str(field.TU) == f"Digital signature of {SCSS}"
    # The certifying signature covers the tags: intact, whole file, no change after it.
    result = verify_pdf(signed, [signer.ca_certificate])
    assert result.ok, result
    sig = subprocess.run(["pdfsig", str(signed)], capture_output=True, text=True, check=False)
    assert "Total document signed" in sig.stdout and "Signature is Valid." in sig.stdout


def test_the_signed_report_declares_its_standards_language_title_and_embeds_every_font(
    signed: Path,
) -> None:
    assert pdfcheck.conformance(signed) == {"pdfa": "2B", "pdfua": "1"}
    assert pdfcheck.catalog(signed) == ("en", True)
    assert pdfcheck.info(signed)["Title"] == "CTPAT Validation Report — Méndez Logística"
    fonts = pdfcheck.fonts(signed)
    assert all(embedded for _, embedded in fonts), fonts
    names = {name.split("+")[-1] for name, _ in fonts}
    assert "NotoSans-Regular-Identity-H" in names  # the signature's appearance


def test_the_issued_spanish_report_is_tagged_in_spanish(
    ctx: AppContext, validation: str, signer: SigningIdentity, tmp_path: Path
) -> None:
    session = ValidationSession(ctx, validation)
    data = replace(report_data(ctx, session, "es"), signer=SCSS)
    path = tmp_path / "es.pdf"
    build_pdf(data, path)
    assert pdfcheck.catalog(path) == ("es", True)
    forms = [e.alt for e in pdfcheck.structure(path) if e.tag == "Form"]
    assert forms == [f"Firma digital de {SCSS}"]
    assert pdfcheck.info(path)["Title"] == "Informe de Validación CTPAT — Méndez Logística"


def test_a_draft_is_marked_on_every_page_and_has_no_signature_field(
    ctx: AppContext, validation: str, tmp_path: Path
) -> None:
    path = build_report(ctx, validation, tmp_path / "draft.pdf").path
    words = pdfcheck.page_words(path)
    assert words and all("DRAFT—notsigned,notissued" in page for page in words)
    with pikepdf.open(path) as pdf:
        assert "/AcroForm" not in pdf.Root
        # The big pale DRAFT is a picture behind each page, not text breaking the lines.
        assert all(any(True for _ in page.images) for page in pdf.pages)
    assert not any(e.tag == "Form" for e in pdfcheck.structure(path))
    assert pdfcheck.conformance(path) == {"pdfa": "2B", "pdfua": "1"}
    assert pdfcheck.info(path)["Title"].startswith("DRAFT — ")


def _record_visit(ctx: AppContext, vid: str) -> None:
    """A visit as the workspace records it, and the supervisor's decision from the hub."""
    site = visit.add(ctx, vid, SITE, {"name": "Celaya yard", "type": "terminal", "country": "MX"})
    ana = visit.add(
        ctx,
        vid,
        PARTICIPANT,
        {"name": "Ana Ruiz", "role": "security manager, point of contact", "days": ["2026-03-10"]},
    )
    visit.add(ctx, vid, PARTICIPANT, {"name": "Luis Peña", "role": "IT manager"})
    visit.add(ctx, vid, TEAM_MEMBER, {"name": "Daniel Okafor", "role": "co-scss"})
    visit.add(
        ctx,
        vid,
        DOCUMENT_REQUEST,
        {"what": "Seal log", "requested_on": "2026-02-20", "received_on": "2026-03-01"},
    )
    visit.add(ctx, vid, DOCUMENT_REQUEST, {"what": "Risk assessment", "requested_on": "2026-02-20"})
    visit.add(ctx, vid, INTERVIEW, {"topic": "Seal procedures", "participant_id": ana.id})
    visit.add(
        ctx, vid, TOUR_STOP, {"area": "Loading dock", "at": "2026-03-10T10:15", "site_id": site.id}
    )
    visit.put(ctx, vid, OUTCOME, {"result": "tier-2", "reason": "Few required actions."})
    values = check(
        DECISION, {"decision": "agreed", "result": "tier-2", "decided_on": "2026-03-20"}, whole=True
    )
    with ctx.store.transaction() as conn:
        stored.insert(
            conn,
            DECISION,
            vid,
            visit.single_id(DECISION, vid),
            values,
            actor="Sam Supervisor",
            now=utc_now(),
        )


def _flat(path: Path) -> str:
    return " ".join(" ".join(pdfcheck.page_texts(path)).split())


def test_the_visit_part_prints_what_was_recorded_and_the_outcome(
    ctx: AppContext, validation: str, tmp_path: Path
) -> None:
    bare = _flat(build_report(ctx, validation, tmp_path / "bare.pdf").path)
    assert "Visit What was recorded" not in bare and "Result proposed" not in bare
    assert "Addressed to Méndez Logística" in bare

    _record_visit(ctx, validation)
    path = build_report(ctx, validation, tmp_path / "visit.pdf").path
    flat = _flat(path)
    # The addressee is the participant whose role says point of contact.
    assert "Addressed to Ana Ruiz (security manager, point of contact) Méndez Logística" in flat
    visit_part = flat[flat.index("Visit What was recorded") : flat.index("Methodology")]
    assert "Result proposed by the Supply Chain Security Specialist: Tier 2 (validated)." in flat
    assert "Reason: Few required actions." in visit_part
    assert "The supervisor agreed with the proposed result on March 20, 2026." in visit_part
    for shown in (
        "Celaya yard Terminal MX",
        "Ana Ruiz security manager, point of",
        "Member March 10, 2026",
        "Daniel Okafor Co-SCSS",
        "Seal log February 20, 2026 March 1, 2026",
        "Risk assessment February 20, 2026 —",
        "Seal procedures Ana Ruiz (security manager, point of contact)",
        "March 10, 2026, 10:15 Loading dock Celaya yard",
    ):
        assert shown in visit_part, shown
    methodology = flat[flat.index("Methodology") :]
    assert "Documents requested from the member: 2; received: 1 (see Visit)." in methodology
    assert "Areas shown on the tour: Loading dock." in methodology
    assert "Interviews recorded: 1 (see Visit)." in methodology
    assert "Luis Peña (IT manager)" in methodology and "Daniel Okafor (Co-SCSS)" in methodology
    headings = [e.tag for e in pdfcheck.structure(path)]
    assert headings.count("H3") >= 7  # outcome, sites, participants, team, documents …


def test_an_outcome_without_a_decision_says_no_decision(
    ctx: AppContext, validation: str, tmp_path: Path
) -> None:
    visit.put(ctx, validation, OUTCOME, {"result": "continued-certification"})
    flat = _flat(build_report(ctx, validation, tmp_path / "undecided.pdf", "es").path)
    assert "Resultado propuesto por el Especialista" in flat
    assert "Continuación de la certificación" in flat
    assert "supervisor" not in flat[flat.index("Resultado propuesto") :].split("Metodología")[0]
