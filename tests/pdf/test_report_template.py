"""The report prototype on the tagged engine: a real validation's data, read back."""

import io
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PIL import Image as PillowImage

from ctpat_desktop.app import AppContext
from ctpat_desktop.pdf.report_template import SIGNATURE_SIZE, write_report_prototype
from ctpat_desktop.report.certificates import create_test_identity
from ctpat_desktop.report.model import ReportData, SignatureBox
from ctpat_desktop.report.signing import Pkcs12Key, sign_pdf
from ctpat_desktop.report.verify import verify_pdf
from ctpat_desktop.services.report_io import report_data
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from tests.pdf import pdfcheck


@pytest.fixture
def data(ctx: AppContext, tmp_path: Path) -> ReportData:
    validation = plan_validation(
        ctx, member="Méndez Logística", account="MX-1", entity="importer", on=date(2026, 3, 10)
    )
    session = ValidationSession(ctx, validation.id)
    first, second = (c.id for c in session.catalog.criteria[:2])
    session.record_finding(
        first, status="not-met", reasons=["training-gap"], action="Train the guards"
    )
    session.record_finding(second, status="met")
    picture = tmp_path / "seal-log.png"
    buffer = io.BytesIO()
    PillowImage.new("RGB", (320, 200), (20, 120, 60)).save(buffer, "PNG")
    picture.write_bytes(buffer.getvalue())
    session.attach_evidence(picture, first)
    return report_data(ctx, ValidationSession(ctx, validation.id), "en")


def test_the_issued_report_is_tagged_and_signs_in_its_spot(
    data: ReportData, tmp_path: Path
) -> None:
    path = tmp_path / "report.pdf"
    spot = write_report_prototype(data, path)
    assert spot is not None
    assert (round(spot.x2 - spot.x1), round(spot.y2 - spot.y1)) == tuple(map(round, SIGNATURE_SIZE))
    tags = [e.tag for e in pdfcheck.structure(path)]
    assert {"H1", "H2", "H3", "Table", "TH", "Figure"} <= set(tags)
    assert pdfcheck.conformance(path) == {"pdfa": "2B", "pdfua": "1"}
    assert not any("DRAFT" in page for page in pdfcheck.page_words(path))
    identity = create_test_identity(tmp_path / "id", "Laura Méndez")
    signed = tmp_path / "signed.pdf"
    box = SignatureBox(spot.page, spot.x1, spot.y1, spot.x2, spot.y2)
    sign_pdf(
        path,
        signed,
        Pkcs12Key(identity.pkcs12),
        box,
        secret=lambda: None,
        reason="Test",
        location="Laredo",
    )
    assert verify_pdf(signed, [identity.ca_certificate]).ok
    assert all(embedded for _, embedded in pdfcheck.fonts(signed))


def test_a_draft_says_draft_on_every_page_and_has_no_signature_room(
    data: ReportData, tmp_path: Path
) -> None:
    path = tmp_path / "draft.pdf"
    assert write_report_prototype(replace(data, draft=True), path) is None
    pages = pdfcheck.page_texts(path)
    assert pages and all("DRAFT — not signed, not issued" in page for page in pages)
    assert all("DRAFT" in page for page in pdfcheck.page_words(path))
    assert not any("I conducted this validation" in page for page in pages)


def test_the_spanish_rendition_declares_its_language(data: ReportData, tmp_path: Path) -> None:
    path = tmp_path / "es.pdf"
    write_report_prototype(replace(data, language="es"), path)
    assert pdfcheck.catalog(path) == ("es", True)
