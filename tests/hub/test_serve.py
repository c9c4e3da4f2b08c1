"""ctpat-hub serve: the real command serves the API, over TLS when given a certificate."""

import datetime
import ipaddress
import os
import ssl
import subprocess
import sys
from pathlib import Path

import httpx
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from tests.hubkit import free_port


def _self_signed(folder: Path) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    certfile, keyfile = folder / "tls.pem", folder / "tls.key"
    certfile.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    keyfile.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return certfile, keyfile


def _serve_and_get_health(tmp_path: Path, scheme: str, *options: str) -> dict[str, object]:
    port = free_port()
    command = [sys.executable, "-m", "ctpat_desktop.hub.cli", "--data-dir", str(tmp_path)]
    env = {**os.environ, "CTPAT_HUB_DB": f"sqlite:///{tmp_path / 'hub.db'}"}
    server = subprocess.Popen(
        [*command, "serve", "--port", str(port), *options],
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    try:
        assert server.stderr is not None
        for line in server.stderr:  # uvicorn says so once it listens: no sleeping, no polling
            if "Uvicorn running on" in line:
                break
        else:
            raise AssertionError(f"the hub did not start (exit {server.wait()})")
        verify: ssl.SSLContext | bool = True
        if scheme == "https":
            verify = ssl.create_default_context(cafile=options[1])
        response = httpx.get(f"{scheme}://127.0.0.1:{port}/v1/health", verify=verify)
        body: dict[str, object] = response.json()
        return body
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_serve_answers_health(tmp_path: Path) -> None:
    assert _serve_and_get_health(tmp_path, "http")["service"] == "ctpat-hub"


def test_serve_over_tls(tmp_path: Path) -> None:
    certfile, keyfile = _self_signed(tmp_path)
    health = _serve_and_get_health(
        tmp_path, "https", "--certfile", str(certfile), "--keyfile", str(keyfile)
    )
    assert health["status"] == "ok"
