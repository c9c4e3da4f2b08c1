"""The signer check: a report is signed only with a certificate that names its SCSS.

The settings may map an SCSS's name to the subject name (CN) or e-mail their certificate
carries (a PIV card's CN rarely reads like a name); without an entry the certificate's CN
must be the SCSS's name. Names compare without case or accents: "Laura Mendez" is
"LAURA MÉNDEZ".
"""

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ctpat_desktop.errors import RuleError
from ctpat_desktop.report.signing import Pkcs12Key, Secret, SigningError, SigningKey


@dataclass(frozen=True, slots=True)
class CertificateSubject:
    """Whom a signing certificate names: its subject's CN and its e-mail addresses."""

    common_name: str
    emails: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """The name to print for the signer: the CN, else the first e-mail."""
        return self.common_name or next(iter(self.emails), "")

    def describe(self) -> str:
        """The subject in a message: "Laura Méndez <laura@cbp.example>"."""
        if self.common_name and self.emails:
            return f"{self.common_name} <{self.emails[0]}>"
        return self.name or "no name"


def folded(text: str) -> str:
    """text without accents, case or repeated spaces, for comparing names."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


def check_signer(scss: str, subject: CertificateSubject, signers: Mapping[str, str]) -> None:
    """RuleError naming both unless the certificate's subject is the validation's SCSS."""
    if not scss.strip():
        raise RuleError(
            "the validation names no Supply Chain Security Specialist: set its SCSS before signing",
            code="signer-no-scss",
        )
    mapped = next((v for k, v in signers.items() if folded(k) == folded(scss)), None)
    expected = folded(mapped if mapped is not None else scss)
    names = {folded(subject.common_name), *(folded(e) for e in subject.emails)}
    if expected in names:
        return
    values: dict[str, object] = {
        "certificate": subject.describe(),
        "scss": scss,
        "expected": mapped or scss,
    }
    if mapped is not None:
        raise RuleError(
            f"the certificate is issued to '{subject.describe()}', but the settings say "
            f"the validation's SCSS '{scss}' signs as '{mapped}': sign with that certificate",
            code="signer-not-mapped",
            values=values,
        )
    raise RuleError(
        f"the certificate is issued to '{subject.describe()}', not to the validation's SCSS "
        f"'{scss}': sign with the SCSS's own certificate, or name it for the SCSS in the "
        "settings (signers)",
        code="signer-not-scss",
        values=values,
    )


def subject_of(certificate: Any) -> CertificateSubject:
    """The CN and e-mail addresses (subject and alternative names) of an x509 certificate."""
    from cryptography import x509
    from cryptography.x509.oid import NameOID

    subject = certificate.subject
    names = [str(a.value) for a in subject.get_attributes_for_oid(NameOID.COMMON_NAME)]
    emails = [str(a.value) for a in subject.get_attributes_for_oid(NameOID.EMAIL_ADDRESS)]
    try:
        alternative = certificate.extensions.get_extension_for_class(x509.SubjectAlternativeName)
        emails += alternative.value.get_values_for_type(x509.RFC822Name)
    except x509.ExtensionNotFound:
        pass
    return CertificateSubject(names[0] if names else "", tuple(dict.fromkeys(emails)))


def signing_subject(key: SigningKey, secret: Secret) -> CertificateSubject:
    """Whom the key's certificate names, read before anything is signed."""
    if isinstance(key, Pkcs12Key):
        return subject_of(_pkcs12_certificate(key, secret))
    if key.certificate is not None:
        return subject_of(_certificate_file(key.certificate))
    return subject_of(_token_certificate(key.library, key.token_label, key.key_label, secret))


def _pkcs12_certificate(key: Pkcs12Key, secret: Secret) -> Any:
    from cryptography.hazmat.primitives.serialization import pkcs12

    try:
        data = key.path.read_bytes()
    except OSError as exc:
        raise SigningError(f"{key.path}: cannot be read ({exc.strerror})") from exc
    try:
        certificate = pkcs12.load_key_and_certificates(data, None)[1]
    except ValueError:  # protected by a passphrase (or not a PKCS#12 file at all)
        passphrase = secret()
        if passphrase is None:
            raise SigningError(
                f"{key.path} needs its passphrase: store it in the keyring or set "
                "CTPAT_KEY_PASSPHRASE"
            ) from None
        try:
            certificate = pkcs12.load_key_and_certificates(data, passphrase.encode())[1]
        except ValueError:
            raise SigningError(f"{key.path}: wrong passphrase, or not a PKCS#12 key file") from None
    if certificate is None:
        raise SigningError(f"{key.path}: holds no certificate to sign with")
    return certificate


def _certificate_file(path: Path) -> Any:
    from cryptography import x509

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SigningError(f"{path}: cannot be read ({exc.strerror})") from exc
    try:
        if b"-----BEGIN" in data:
            return x509.load_pem_x509_certificate(data)
        return x509.load_der_x509_certificate(data)
    except ValueError:
        raise SigningError(f"{path}: not a certificate (PEM or DER)") from None


def _token_certificate(library: str, token_label: str, key_label: str, secret: Secret) -> Any:
    """The certificate stored on the token beside the key (read with the PIN)."""
    from cryptography import x509
    from pkcs11 import PKCS11Error
    from pyhanko.config.pkcs11 import TokenCriteria
    from pyhanko.sign import pkcs11

    pin = secret()
    if pin is None:
        raise SigningError("the token needs its PIN: set CTPAT_TOKEN_PIN or enter it when asked")
    try:
        session = pkcs11.open_pkcs11_session(
            library, token_criteria=TokenCriteria(label=token_label), user_pin=pin
        )
    except (PKCS11Error, OSError, RuntimeError) as exc:
        raise SigningError(
            f"cannot open token '{token_label}' with {library}: {type(exc).__name__} {exc}"
        ) from None
    try:
        found = pkcs11.PKCS11Signer(session, key_label=key_label).signing_cert
        return x509.load_der_x509_certificate(found.dump())
    except Exception as exc:  # the token has no certificate under that label
        raise SigningError(
            f"token '{token_label}': no certificate for key '{key_label}' ({exc})"
        ) from None
    finally:
        session.close()
