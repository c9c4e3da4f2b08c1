"""Signing fixtures: a test identity (PKCS#12) and a SoftHSM2 token with an EC key."""

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from ctpat_desktop.report.certificates import SigningIdentity, create_test_identity
from ctpat_desktop.report.signing import TokenKey

SOFTHSM = "/usr/lib/softhsm/libsofthsm2.so"
PASSPHRASE = "correct horse"
PIN = "123456"


@dataclass(frozen=True)
class Token:
    """A SoftHSM2 token holding the signer's key; the CA that certified it."""

    key: TokenKey
    identity: SigningIdentity


@pytest.fixture(scope="session")
def identity(tmp_path_factory: pytest.TempPathFactory) -> SigningIdentity:
    return create_test_identity(tmp_path_factory.mktemp("id"), "Laura Méndez", PASSPHRASE)


@pytest.fixture(scope="session")
def token(tmp_path_factory: pytest.TempPathFactory) -> Token:
    """One token store for the session: SoftHSM reads its configuration once per process."""
    import pkcs11
    from pkcs11 import Attribute, KeyType
    from pkcs11.util.ec import encode_ec_public_key, encode_named_curve_parameters

    assert Path(SOFTHSM).exists(), "SoftHSM2 is missing: `make test` installs softhsm2"
    base = tmp_path_factory.mktemp("softhsm")
    (base / "tokens").mkdir()
    conf = base / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {base / 'tokens'}\nobjectstore.backend = file\n")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    subprocess.run(
        [
            "softhsm2-util",
            "--init-token",
            "--free",
            "--label",
            "ctpat-test",
            "--so-pin",
            "87654321",
            "--pin",
            PIN,
        ],
        check=True,
        stdin=subprocess.DEVNULL,
        capture_output=True,
    )
    lib = pkcs11.lib(SOFTHSM)
    lib.reinitialize()
    with lib.get_token(token_label="ctpat-test").open(rw=True, user_pin=PIN) as session:
        curve = session.create_domain_parameters(
            KeyType.EC,
            {Attribute.EC_PARAMS: encode_named_curve_parameters("secp256r1")},
            local=True,
        )
        public, _private = curve.generate_keypair(store=True, label="scss")
        der = encode_ec_public_key(public)
    identity = create_test_identity(base / "id", "Token SCSS", token_public_key=der)
    return Token(TokenKey(SOFTHSM, "ctpat-test", "scss", identity.certificate), identity)


@pytest.fixture
def unsigned_pdf(tmp_path: Path) -> Path:
    """A one-page PDF made with reportlab directly, independent of the report builder."""
    from reportlab.pdfgen import canvas

    path = tmp_path / "unsigned.pdf"
    page = canvas.Canvas(str(path))
    page.drawString(72, 700, "CTPAT validation report: findings for Great Lakes Home Goods")
    page.showPage()
    page.save()
    return path
