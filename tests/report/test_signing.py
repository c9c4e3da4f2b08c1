"""Signing with a PKCS#12 file and a SoftHSM2 token; verification and its tamper cases."""

from pathlib import Path

import pytest

from ctpat_desktop.errors import CtpatError
from ctpat_desktop.report.certificates import SigningIdentity, create_test_identity
from ctpat_desktop.report.model import SignatureBox
from ctpat_desktop.report.signing import Pkcs12Key, SigningError, sign_pdf
from ctpat_desktop.report.verify import verify_pdf
from tests.report.conftest import PASSPHRASE, PIN, Token

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
