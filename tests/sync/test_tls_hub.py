"""A hub served over HTTPS (its own CA, as a field office's is): a laptop that trusts that
CA syncs, one that does not is refused in one line with nothing changed, and the TLS
context is made once per process and CA file, not at every sync."""

import datetime
import ipaddress
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from ctpat_desktop.app import AppContext
from ctpat_desktop.cli import main
from ctpat_desktop.sync import client
from tests.hubkit import ServedHub, serve_hub
from tests.sync.conftest import Laptop
from tests.sync.helpers import planned, session


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


def _authority(folder: Path, name: str) -> tuple[Path, ec.EllipticCurvePrivateKey, x509.Name]:
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(_name(name))
        .issuer_name(_name(name))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
        .sign(key, hashes.SHA256())
    )
    path = folder / f"{name.replace(' ', '-')}.pem"
    path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return path, key, certificate.subject


def _server_certificate(
    folder: Path, ca_key: ec.EllipticCurvePrivateKey, ca_name: x509.Name
) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(_name("hub.field-office.test"))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(
            x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    cert_file, key_file = folder / "hub.pem", folder / "hub.key"
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_file, key_file


@pytest.fixture
def office_ca(tmp_path: Path) -> tuple[Path, tuple[Path, Path]]:
    """The field office's CA file, and the hub's certificate and key it issued."""
    folder = tmp_path / "pki"
    folder.mkdir()
    ca_file, ca_key, ca_name = _authority(folder, "Laredo Field Office CA")
    return ca_file, _server_certificate(folder, ca_key, ca_name)


@pytest.fixture
def tls_hub(tmp_path: Path, office_ca: tuple[Path, tuple[Path, Path]]) -> Iterator[ServedHub]:
    with serve_hub(
        f"sqlite:///{tmp_path / 'hub' / 'hub.db'}", tmp_path / "hub", office_ca[1]
    ) as hub:
        yield hub


def _sync(ctx: AppContext, url: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    folder = str(ctx.data_dir)
    code = main(["sync", "--server", url, "--json", "--data-dir", folder])
    captured = capsys.readouterr()
    return code, captured.err


def _pending(ctx: AppContext, capsys: pytest.CaptureFixture[str]) -> int:
    code = main(["sync", "--status", "--json", "--data-dir", str(ctx.data_dir)])
    out = capsys.readouterr().out
    assert code == 0
    return int(json.loads(out)["pending"])


def test_a_laptop_trusting_the_office_ca_syncs_over_https(
    tls_hub: ServedHub,
    office_ca: tuple[Path, tuple[Path, Path]],
    laptop: Laptop,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert tls_hub.url.startswith("https://")
    ana = laptop("ana")
    vid = planned(ana)
    session(ana, vid).record_finding("1.1", status="met")
    ana.close()
    monkeypatch.setenv("CTPAT_HUB_TOKEN", tls_hub.add_user("ana", "scss", "Miami"))

    # Not trusting the office's CA (the usual authorities only): refused, nothing sent.
    code, err = _sync(ana, tls_hub.url, capsys)
    assert code == 1 and len(err.strip().splitlines()) == 1, err
    assert "certificate" in err.lower(), err
    assert _pending(ana, capsys) > 0  # nothing was taken as sent

    monkeypatch.setenv("CTPAT_HUB_CA", str(office_ca[0]))
    code, err = _sync(ana, tls_hub.url, capsys)
    assert code == 0, err
    assert _pending(ana, capsys) == 0
    session(ana, vid).record_finding("1.2", status="met")
    code, err = _sync(ana, tls_hub.url, capsys)  # and again, on the same TLS context
    assert code == 0 and _pending(ana, capsys) == 0, err


def test_the_tls_context_is_made_once_per_ca_file(
    office_ca: tuple[Path, tuple[Path, Path]], tmp_path: Path
) -> None:
    ca_file = office_ca[0]
    first = client.tls_context(str(ca_file))
    assert client.tls_context(str(ca_file)) is first
    assert client.tls_context(True) is client.tls_context(True) is not first
    assert client.tls_context(False) is False
    # A CA file replaced (a new office CA) is read again.
    other, *_ = _authority(tmp_path, "Another CA")
    os.replace(other, ca_file)
    assert client.tls_context(str(ca_file)) is not first
