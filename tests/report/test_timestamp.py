"""PAdES B-T: with a timestamp server configured, the signature carries an RFC 3161 token."""

import datetime
import subprocess
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pikepdf
import pytest

from ctpat_desktop.app import AppContext
from ctpat_desktop.report.certificates import SigningIdentity, create_test_identity
from ctpat_desktop.report.model import SignatureBox
from ctpat_desktop.report.signing import Pkcs12Key, SignedBy, SigningError, sign_pdf
from ctpat_desktop.report.verify import verify_pdf
from ctpat_desktop.services.report_io import issue_report
from ctpat_desktop.services.validations import plan_validation
from ctpat_desktop.settings import Settings
from tests.conftest import CliResult, approve
from tests.report.conftest import PASSPHRASE


def _tsa_identity(folder: Path) -> tuple[object, object, Path]:
    """A self-signed timestamping certificate (critical timeStamping usage) and its RSA key."""
    from asn1crypto import keys
    from asn1crypto import x509 as asn1_x509
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)  # pyHanko's test TSA
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Loopback TSA")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
        .sign(key, hashes.SHA256())
    )
    pem = folder / "tsa.pem"
    pem.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    der_key = key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return (
        asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER)),
        keys.PrivateKeyInfo.load(der_key),
        pem,
    )


@pytest.fixture
def tsa(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A real RFC 3161 server on 127.0.0.1, answering with pyHanko's test TSA."""
    from asn1crypto import tsp
    from pyhanko.sign.timestamps import DummyTimeStamper

    cert, key, pem = _tsa_identity(tmp_path)
    stamper = DummyTimeStamper(tsa_cert=cert, tsa_key=key)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", 0))
            request = tsp.TimeStampReq.load(self.rfile.read(length))
            body = stamper.request_tsa_response(request).dump()
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/", pem
    server.shutdown()
    thread.join()


def test_signature_is_timestamped(
    tsa: tuple[str, Path], identity: SigningIdentity, unsigned_pdf: Path, tmp_path: Path
) -> None:
    url, tsa_cert = tsa
    signed = tmp_path / "stamped.pdf"
    sign_pdf(
        unsigned_pdf,
        signed,
        Pkcs12Key(identity.pkcs12),
        SignatureBox(0, 72, 72, 300, 160),
        secret=lambda: PASSPHRASE,
        reason="Test",
        location="Laredo",
        tsa_url=url,
    )
    result = verify_pdf(signed, [identity.ca_certificate, tsa_cert])
    assert result.ok and result.signatures[0].timestamped
    # No revocation service named in the signer's certificate: a timestamp, no more.
    assert result.signatures[0].level == "B-T"


def test_issue_report_uses_the_configured_server(
    tsa: tuple[str, Path], identity: SigningIdentity, tmp_path: Path
) -> None:
    url, tsa_cert = tsa
    ctx = AppContext(tmp_path / "data", Settings(user="scss", tsa_url=url))
    try:
        validation = plan_validation(
            ctx, member="Acme", account="US-1000", entity="importer", scss="Laura Méndez"
        )
        approve(ctx, validation.id)
        built = issue_report(
            ctx, validation.id, tmp_path / "r.pdf", Pkcs12Key(identity.pkcs12), lambda: PASSPHRASE
        )
    finally:
        ctx.close()
    assert verify_pdf(built.path, [identity.ca_certificate, tsa_cert]).signatures[0].timestamped


def test_unreachable_timestamp_server_fails_cleanly(
    identity: SigningIdentity, unsigned_pdf: Path, tmp_path: Path
) -> None:
    signed = tmp_path / "never.pdf"
    with pytest.raises(SigningError, match="signing failed"):
        sign_pdf(
            unsigned_pdf,
            signed,
            Pkcs12Key(identity.pkcs12),
            SignatureBox(0, 72, 72, 300, 160),
            secret=lambda: PASSPHRASE,
            reason="Test",
            location="Laredo",
            tsa_url="http://127.0.0.1:9/",
        )
    assert not signed.exists()


@pytest.fixture
def crl_server() -> Iterator[tuple[str, list[bytes], list[str]]]:
    """A revocation list published over HTTP on 127.0.0.1: (url, [its DER], requests seen)."""
    published: list[bytes] = []
    seen: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            seen.append(self.path)
            body = published[0] if published else b""
            self.send_response(200 if published else 404)
            self.send_header("Content-Type", "application/pkix-crl")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/ca.crl", published, seen
    server.shutdown()
    thread.join()


def _sign_stamped(identity: SigningIdentity, source: Path, target: Path, url: str) -> SignedBy:
    return sign_pdf(
        source,
        target,
        Pkcs12Key(identity.pkcs12),
        SignatureBox(0, 72, 72, 300, 160),
        secret=lambda: None,
        reason="Test",
        location="Laredo",
        tsa_url=url,
    )


def test_with_revocation_data_reachable_the_signature_is_b_lt(
    tsa: tuple[str, Path],
    crl_server: tuple[str, list[bytes], list[str]],
    unsigned_pdf: Path,
    tmp_path: Path,
) -> None:
    url, tsa_cert = tsa
    crl_url, published, seen = crl_server
    identity = create_test_identity(tmp_path / "lt", "Laura Méndez", crl_url=crl_url)
    assert identity.crl is not None
    published.append(identity.crl.read_bytes())
    signed = tmp_path / "lt.pdf"
    assert _sign_stamped(identity, unsigned_pdf, signed, url).level == "B-LT"
    assert seen == ["/ca.crl"]
    with pikepdf.open(signed) as pdf:
        (crl,) = pdf.Root.DSS.CRLs
        assert crl.read_bytes() == identity.crl.read_bytes()
    result = verify_pdf(signed, [identity.ca_certificate, tsa_cert])
    (check,) = result.signatures
    assert result.ok and check.timestamped
    assert (check.level, check.coverage, check.certification) == (
        "B-LT",
        "ENTIRE_FILE",
        "no-changes",
    )
    pdfsig = subprocess.run(["pdfsig", str(signed)], check=False, capture_output=True, text=True)
    said = pdfsig.stdout
    assert "Signature is Valid" in said and "Total document signed" in said


def test_unreachable_revocation_data_leaves_b_t(
    tsa: tuple[str, Path], unsigned_pdf: Path, tmp_path: Path
) -> None:
    url, tsa_cert = tsa
    identity = create_test_identity(
        tmp_path / "offline", "Laura Méndez", crl_url="http://127.0.0.1:9/ca.crl"
    )
    signed = tmp_path / "bt.pdf"
    assert _sign_stamped(identity, unsigned_pdf, signed, url).level == "B-T"
    result = verify_pdf(signed, [identity.ca_certificate, tsa_cert])
    assert result.ok and result.signatures[0].level == "B-T"


def test_a_revoked_certificate_signs_nothing(
    tsa: tuple[str, Path],
    crl_server: tuple[str, list[bytes], list[str]],
    unsigned_pdf: Path,
    tmp_path: Path,
) -> None:
    url, _ = tsa
    crl_url, published, _ = crl_server
    identity = create_test_identity(tmp_path / "rv", "Laura Méndez", crl_url=crl_url, revoked=True)
    assert identity.crl is not None
    published.append(identity.crl.read_bytes())
    signed = tmp_path / "revoked.pdf"
    with pytest.raises(SigningError, match="signer's certificate has been revoked"):
        _sign_stamped(identity, unsigned_pdf, signed, url)
    assert not signed.exists() and not list(tmp_path.glob("*.signing"))


def test_the_command_line_takes_the_timestamp_server_for_one_signature(
    tsa: tuple[str, Path],
    identity: SigningIdentity,
    tmp_path: Path,
    data_dir: Path,
    cli: Callable[..., CliResult],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`report --sign --tsa URL`: a B-T signature without a setting (before, only the
    settings file could name a server)."""
    url, tsa_cert = tsa
    ctx = AppContext(data_dir, Settings(user="scss"))
    try:
        validation = plan_validation(
            ctx, member="Acme", account="US-1000", entity="importer", scss="Laura Méndez"
        ).id
        approve(ctx, validation)
    finally:
        ctx.close()
    monkeypatch.setenv("CTPAT_KEY_PASSPHRASE", PASSPHRASE)
    out = tmp_path / "stamped.pdf"
    unsigned = cli("report", validation, str(out), "--tsa", url)
    assert unsigned.code == 1 and "add --sign" in unsigned.err and not out.exists()
    not_url = cli(
        "report",
        validation,
        str(out),
        "--sign",
        "--p12",
        str(identity.pkcs12),
        "--tsa",
        "tsa.example",
    )
    assert not_url.code == 1 and "http(s) URL" in not_url.err and not out.exists()
    signed = cli(
        "report", validation, str(out), "--sign", "--p12", str(identity.pkcs12), "--tsa", url
    )
    assert signed.code == 0, signed.err
    checked = cli(
        "verify", str(out), "--trust", str(identity.ca_certificate), "--trust", str(tsa_cert)
    )
    assert checked.code == 0 and "level B-T" in checked.out and "certifying" in checked.out
