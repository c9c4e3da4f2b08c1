"""A test certificate authority and signer, for trying signing without a PIV card."""

import datetime
from dataclasses import dataclass
from pathlib import Path

from ctpat_desktop.errors import CtpatError


@dataclass(frozen=True, slots=True)
class SigningIdentity:
    """Files of a test signing identity."""

    pkcs12: Path
    certificate: Path
    ca_certificate: Path
    crl: Path | None = None  # the CA's revocation list (DER), to publish at crl_url


def create_test_identity(
    folder: Path,
    name: str = "Test SCSS",
    passphrase: str | None = None,
    days: int = 730,
    token_public_key: bytes | None = None,
    crl_url: str | None = None,
    revoked: bool = False,
) -> SigningIdentity:
    """Write ca.pem, signer.pem and signer.p12 (EC P-256; key usage with non-repudiation).

    With token_public_key (DER SubjectPublicKeyInfo of a key that lives on a PKCS#11 token)
    the certificate is issued for that key and no signer.p12 is written. With crl_url the
    certificate says its revocation status is published there, and ca.crl is written (the
    CA's list, naming the signer's certificate when revoked) for a server to publish.
    """
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    now = datetime.datetime.now(datetime.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name(
        [
            x509.NameAttribute(
                NameOID.ORGANIZATION_NAME, "ctpat-desktop test CA (not for real use)"
            ),
            x509.NameAttribute(NameOID.COMMON_NAME, "ctpat-desktop Test Root"),
        ]
    )
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    public_key = (
        serialization.load_der_public_key(token_public_key)
        if token_public_key is not None
        else key.public_key()
    )
    builder = (
        x509.CertificateBuilder()
        .subject_name(
            x509.Name(
                [
                    x509.NameAttribute(NameOID.ORGANIZATION_NAME, "ctpat-desktop test identity"),
                    x509.NameAttribute(NameOID.COMMON_NAME, name),
                ]
            )
        )
        .issuer_name(ca_name)
        .public_key(public_key)  # type: ignore[arg-type]
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False
        )
    )
    if crl_url:
        point = x509.DistributionPoint([x509.UniformResourceIdentifier(crl_url)], None, None, None)
        builder = builder.add_extension(x509.CRLDistributionPoints([point]), critical=False)
    cert = builder.sign(ca_key, hashes.SHA256())
    crl = None
    if crl_url:
        crl_builder = (
            x509.CertificateRevocationListBuilder()
            .issuer_name(ca_name)
            .last_update(now - datetime.timedelta(minutes=5))
            .next_update(now + datetime.timedelta(days=7))
        )
        if revoked:
            crl_builder = crl_builder.add_revoked_certificate(
                x509.RevokedCertificateBuilder()
                .serial_number(cert.serial_number)
                .revocation_date(now - datetime.timedelta(minutes=1))
                .build()
            )
        crl = crl_builder.sign(ca_key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)
    encryption = (
        serialization.BestAvailableEncryption(passphrase.encode())
        if passphrase
        else serialization.NoEncryption()
    )
    identity = SigningIdentity(
        folder / "signer.p12",
        folder / "signer.pem",
        folder / "ca.pem",
        folder / "ca.crl" if crl is not None else None,
    )
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if token_public_key is None:
            # The private key: readable by its owner only (it was 0644, in the clear when
            # made without a passphrase).
            identity.pkcs12.touch(mode=0o600)
            identity.pkcs12.chmod(0o600)
            identity.pkcs12.write_bytes(
                pkcs12.serialize_key_and_certificates(
                    name.encode(), key, cert, [ca_cert], encryption
                )
            )
        identity.certificate.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        identity.ca_certificate.write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
        if identity.crl is not None and crl is not None:
            identity.crl.write_bytes(crl)
    except OSError as exc:
        raise CtpatError(f"{folder}: cannot write the test identity ({exc.strerror})") from exc
    return identity
