"""PAdES B-T: with a timestamp server configured, the signature carries an RFC 3161 token."""

import datetime
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest

from ctpat_desktop.app import AppContext
from ctpat_desktop.report.certificates import SigningIdentity
from ctpat_desktop.report.model import SignatureBox
from ctpat_desktop.report.signing import Pkcs12Key, SigningError, sign_pdf
from ctpat_desktop.report.verify import verify_pdf
from ctpat_desktop.services.report_io import issue_report
from ctpat_desktop.services.validations import plan_validation
from ctpat_desktop.settings import Settings
from tests.conftest import approve
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


def test_issue_report_uses_the_configured_server(
    tsa: tuple[str, Path], identity: SigningIdentity, tmp_path: Path
) -> None:
    url, tsa_cert = tsa
    ctx = AppContext(tmp_path / "data", Settings(user="scss", tsa_url=url))
    try:
        validation = plan_validation(ctx, member="Acme", account="US-1000", entity="importer")
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
