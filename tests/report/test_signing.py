"""Signing with a PKCS#12 file and a SoftHSM2 token; verification and its tamper cases."""

import subprocess
from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest

from ctpat_desktop.errors import CtpatError
from ctpat_desktop.pdf.blocks import Heading, Paragraph
from ctpat_desktop.pdf.engine import Document, write_pdf
from ctpat_desktop.report.certificates import SigningIdentity, create_test_identity
from ctpat_desktop.report.model import SignatureBox
from ctpat_desktop.report.signing import Pkcs12Key, SigningError, sign_pdf
from ctpat_desktop.report.verify import verify_pdf
from tests.conftest import CliResult
from tests.pdf import pdfcheck
from tests.report.conftest import PASSPHRASE, PIN, Token

Cli = Callable[..., CliResult]

BOX = SignatureBox(0, 72, 72, 300, 160)


def _sign(source: Path, target: Path, key, secret: str | None) -> None:  # type: ignore[no-untyped-def]
    sign_pdf(source, target, key, BOX, secret=lambda: secret, reason="Test", location="Laredo")


def _pyhanko_verdict(path: Path, ca: Path) -> tuple[bool, str]:
    """pyHanko's own validation, without the project's verify code."""
    from pyhanko.keys import load_cert_from_pemder
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    with path.open("rb") as handle:
        (sig,) = PdfFileReader(handle).embedded_signatures
        context = ValidationContext(trust_roots=[load_cert_from_pemder(str(ca))])
        status = validate_pdf_signature(sig, context)
    return status.bottom_line, status.coverage.name


def test_pkcs12_signature_verifies(
    identity: SigningIdentity, unsigned_pdf: Path, tmp_path: Path
) -> None:
    signed = tmp_path / "signed.pdf"
    _sign(unsigned_pdf, signed, Pkcs12Key(identity.pkcs12), PASSPHRASE)
    assert _pyhanko_verdict(signed, identity.ca_certificate) == (True, "ENTIRE_FILE")
    result = verify_pdf(signed, [identity.ca_certificate])
    assert result.ok
    (check,) = result.signatures
    assert (check.signer, check.intact, check.trusted) == ("Laura Méndez", True, True)
    assert (check.coverage, check.modification_level) == ("ENTIRE_FILE", "NONE")
    assert result.summary().endswith("intact, trusted, and unchanged since signing")


def test_pkcs12_without_passphrase(unsigned_pdf: Path, tmp_path: Path) -> None:
    open_identity = create_test_identity(tmp_path / "open", "Open Key")
    signed = tmp_path / "signed.pdf"
    _sign(unsigned_pdf, signed, Pkcs12Key(open_identity.pkcs12), None)
    assert verify_pdf(signed, [open_identity.ca_certificate]).ok


def test_wrong_or_missing_passphrase_writes_nothing(
    identity: SigningIdentity, unsigned_pdf: Path, tmp_path: Path
) -> None:
    signed = tmp_path / "signed.pdf"
    with pytest.raises(SigningError, match="wrong passphrase"):
        _sign(unsigned_pdf, signed, Pkcs12Key(identity.pkcs12), "guess")
    with pytest.raises(SigningError, match="CTPAT_KEY_PASSPHRASE"):
        _sign(unsigned_pdf, signed, Pkcs12Key(identity.pkcs12), None)
    assert not signed.exists() and not list(tmp_path.glob("*.signing"))


def test_softhsm_token_signature_verifies(token: Token, unsigned_pdf: Path, tmp_path: Path) -> None:
    signed = tmp_path / "token.pdf"
    _sign(unsigned_pdf, signed, token.key, PIN)
    assert _pyhanko_verdict(signed, token.identity.ca_certificate) == (True, "ENTIRE_FILE")
    result = verify_pdf(signed, [token.identity.ca_certificate])
    assert result.ok and result.signatures[0].signer == "Token SCSS"


def test_wrong_pin_is_one_clear_error(token: Token, unsigned_pdf: Path, tmp_path: Path) -> None:
    with pytest.raises(SigningError, match="cannot open token 'ctpat-test'"):
        _sign(unsigned_pdf, tmp_path / "x.pdf", token.key, "000000")


@pytest.fixture
def signed(identity: SigningIdentity, unsigned_pdf: Path, tmp_path: Path) -> Path:
    path = tmp_path / "signed.pdf"
    _sign(unsigned_pdf, path, Pkcs12Key(identity.pkcs12), PASSPHRASE)
    return path


def test_changed_byte_fails(signed: Path, identity: SigningIdentity, tmp_path: Path) -> None:
    content = bytearray(signed.read_bytes())
    at = content.find(b"Great Lakes")
    content[at] = ord("g")
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(bytes(content))
    result = verify_pdf(tampered, [identity.ca_certificate])
    assert not result.ok and "the signed content was changed" in result.summary()
    assert _pyhanko_verdict(tampered, identity.ca_certificate)[0] is False


def test_incremental_update_after_signing_fails(
    signed: Path, identity: SigningIdentity, tmp_path: Path
) -> None:
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    updated = tmp_path / "updated.pdf"
    with signed.open("rb") as source, updated.open("wb") as out:
        writer = IncrementalPdfFileWriter(source)
        writer.root["/Lang"] = generic.pdf_string("es")
        writer.update_root()
        writer.write(out)
    result = verify_pdf(updated, [identity.ca_certificate])
    (check,) = result.signatures
    assert check.intact and check.trusted  # the signed bytes themselves are untouched...
    assert not result.ok  # ...but something was added after signing
    assert check.coverage != "ENTIRE_FILE"
    assert "content was added to the file after it was signed" in result.summary()


def test_untrusted_signer_fails(signed: Path, tmp_path: Path) -> None:
    stranger = create_test_identity(tmp_path / "stranger", "Someone Else")
    for trust in ([], [stranger.ca_certificate]):
        result = verify_pdf(signed, trust)
        assert not result.ok and "not trusted" in result.summary()


def test_not_a_pdf_and_unsigned_pdf(unsigned_pdf: Path, tmp_path: Path) -> None:
    text = tmp_path / "report.pdf"
    text.write_text("hello")
    with pytest.raises(CtpatError, match="not a PDF file"):
        verify_pdf(text, [])
    result = verify_pdf(unsigned_pdf, [])
    assert not result.ok and "carries no signature" in result.summary()


def _pdfsig(path: Path) -> str:
    """What poppler's pdfsig says about the file's signatures (no trust store: bytes only)."""
    done = subprocess.run(["pdfsig", str(path)], capture_output=True, check=False, text=True)
    return done.stdout


def _add_annotation(signed: Path, out: Path) -> None:
    """Append a sticky note to page 1 in an incremental update, as a reader's comment tool."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    with signed.open("rb") as source, out.open("wb") as target:
        writer = IncrementalPdfFileWriter(source)
        page, _ = writer.find_page_for_modification(0)
        note = generic.DictionaryObject(
            {
                generic.pdf_name("/Type"): generic.pdf_name("/Annot"),
                generic.pdf_name("/Subtype"): generic.pdf_name("/Text"),
                generic.pdf_name("/Rect"): generic.ArrayObject(
                    [generic.NumberObject(n) for n in (400, 700, 420, 720)]
                ),
                generic.pdf_name("/Contents"): generic.pdf_string("Finding 4.8 is fine after all"),
            }
        )
        writer.register_annotation(page, writer.add_object(note))
        writer.write(target)


def test_the_signature_certifies_the_report_and_pdfsig_agrees(
    signed: Path, identity: SigningIdentity
) -> None:
    with pikepdf.open(signed) as pdf:
        docmdp = pdf.Root.Perms.DocMDP
        (reference,) = docmdp.Reference
        assert reference.TransformMethod == "/DocMDP"
        assert int(reference.TransformParams.P) == 1  # no changes allowed
    result = verify_pdf(signed, [identity.ca_certificate])
    (check,) = result.signatures
    assert result.ok and check.certification == "no-changes"
    assert check.level == "B-B"
    said = _pdfsig(signed)
    assert "Signature Validation: Signature is Valid." in said
    assert "Total document signed" in said and "Not total document signed" not in said


def test_an_annotation_added_after_certifying_is_a_modification_for_both(
    signed: Path, identity: SigningIdentity, tmp_path: Path, cli: Cli
) -> None:
    annotated = tmp_path / "annotated.pdf"
    _add_annotation(signed, annotated)
    with pikepdf.open(annotated) as pdf:
        assert len(pdf.pages[0].Annots) == 2  # the signature's widget and the note
    said = _pdfsig(annotated)
    assert "Not total document signed" in said
    result = verify_pdf(annotated, [identity.ca_certificate])
    (check,) = result.signatures
    assert not result.ok
    assert check.modification_level in {"ANNOTATIONS", "OTHER"}
    assert "modified after it was certified" in result.summary()
    verdict = cli("verify", str(annotated), "--trust", str(identity.ca_certificate), "--json")
    assert verdict.code == 1
    (reported,) = verdict.json()["signatures"]
    assert reported["ok"] is False and reported["certification"] == "no-changes"
    assert reported["coverage"] != "ENTIRE_FILE"


def test_the_visible_signature_uses_an_embedded_font(signed: Path) -> None:
    fonts = pdfcheck.fonts(signed)
    # The page's own text is reportlab's here; the stamp was Courier, never embedded.
    stamp = [(name, embedded) for name, embedded in fonts if "NotoSans" in name]
    assert stamp and all(embedded for _, embedded in stamp)
    assert not any("Courier" in name for name, _ in fonts)
    # Glyph widths are in thousandths of the text size; a font of 2048 units per em written
    # as is (DejaVu: "M" 1767) spreads the letters over twice their width.
    with pikepdf.open(signed) as pdf:
        widths = [
            float(w)
            for font in pdf.objects
            if isinstance(font, pikepdf.Dictionary)
            and font.get("/Subtype") == "/CIDFontType2"
            and "NotoSans" in str(font.BaseFont)
            for item in font.W
            if isinstance(item, pikepdf.Array)
            for w in item
        ]
    assert widths and max(widths) < 1000


def test_signing_keeps_a_tagged_archival_pdf_so(identity: SigningIdentity, tmp_path: Path) -> None:
    source, signed = tmp_path / "tagged.pdf", tmp_path / "tagged-signed.pdf"
    write_pdf(
        Document(
            title="Validation report",
            blocks=[Heading("Validation report", level=1), Paragraph("Findings follow.")],
        ),
        source,
    )
    _sign(source, signed, Pkcs12Key(identity.pkcs12), PASSPHRASE)
    assert verify_pdf(signed, [identity.ca_certificate]).ok
    fonts = pdfcheck.fonts(signed)
    assert len(fonts) >= 2 and all(embedded for _, embedded in fonts), fonts
    assert pdfcheck.info(signed)["Tagged"] == "yes"
    assert pdfcheck.conformance(signed) == {"pdfa": "2B", "pdfua": "1"}
    assert pdfcheck.catalog(signed) == ("en", True)
