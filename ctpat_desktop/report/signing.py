"""Sign a report as PAdES with pyHanko: a PKCS#12 file or a PKCS#11 token, visible block."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ctpat_desktop.errors import CtpatError
from ctpat_desktop.report.model import SignatureBox

FIELD_NAME = "SCSS-Signature"
Secret = Callable[[], str | None]


class SigningError(CtpatError):
    """The report could not be signed; the unsigned report is left as it was."""


@dataclass(frozen=True, slots=True)
class Pkcs12Key:
    """A key and certificate in a PKCS#12 file (.p12/.pfx)."""

    path: Path


@dataclass(frozen=True, slots=True)
class TokenKey:
    """A key on a PKCS#11 token (a PIV card in the field, SoftHSM2 in tests)."""

    library: str
    token_label: str
    key_label: str
    certificate: Path | None = None


SigningKey = Pkcs12Key | TokenKey


@dataclass(frozen=True, slots=True)
class SignedBy:
    """Who signed and when (the signer's claimed time; a timestamp if there is one)."""

    signer: str
    signed_at: str


def _pkcs12_signer(key: Pkcs12Key, secret: Secret) -> Any:
    from pyhanko.sign import signers

    try:
        data = key.path.read_bytes()
    except OSError as exc:
        raise SigningError(f"{key.path}: cannot be read ({exc.strerror})") from exc
    try:
        return signers.SimpleSigner.load_pkcs12_data(data, other_certs=(), passphrase=None)
    except ValueError:
        pass  # protected by a passphrase (or not a PKCS#12 file at all)
    passphrase = secret()
    if passphrase is None:
        raise SigningError(
            f"{key.path} needs its passphrase: store it in the keyring or set CTPAT_KEY_PASSPHRASE"
        )
    try:
        return signers.SimpleSigner.load_pkcs12_data(
            data, other_certs=(), passphrase=passphrase.encode()
        )
    except ValueError:
        raise SigningError(f"{key.path}: wrong passphrase, or not a PKCS#12 key file") from None


def _token_signer(key: TokenKey, secret: Secret, stack: list[Any]) -> Any:
    from pkcs11 import PKCS11Error
    from pyhanko.config.pkcs11 import TokenCriteria
    from pyhanko.keys import load_cert_from_pemder
    from pyhanko.sign import pkcs11

    pin = secret()
    if pin is None:
        raise SigningError("the token needs its PIN: set CTPAT_TOKEN_PIN or enter it when asked")
    try:
        session = pkcs11.open_pkcs11_session(
            key.library, token_criteria=TokenCriteria(label=key.token_label), user_pin=pin
        )
    except (PKCS11Error, OSError, RuntimeError) as exc:
        raise SigningError(
            f"cannot open token '{key.token_label}' with {key.library}: {type(exc).__name__} {exc}"
        ) from None
    stack.append(session)
    certificate = (
        load_cert_from_pemder(str(key.certificate))  # type: ignore[no-untyped-call]
        if key.certificate
        else None
    )
    # SoftHSM 2.6 and many PIV cards sign EC keys only with the raw ECDSA mechanism.
    return pkcs11.PKCS11Signer(
        session, key_label=key.key_label, signing_cert=certificate, use_raw_mechanism=True
    )


def sign_pdf(
    source: Path,
    target: Path,
    key: SigningKey,
    box: SignatureBox,
    *,
    secret: Secret,
    reason: str,
    location: str,
    tsa_url: str | None = None,
) -> SignedBy:
    """Sign source into target (written only when signing succeeds)."""
    from pyhanko import stamp
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko.sign.timestamps import TimestampRequestError

    opened: list[Any] = []
    try:
        signer = (
            _pkcs12_signer(key, secret)
            if isinstance(key, Pkcs12Key)
            else _token_signer(key, secret, opened)
        )
        timestamper = None
        if tsa_url:
            from pyhanko.sign.timestamps import HTTPTimeStamper

            timestamper = HTTPTimeStamper(tsa_url)
        meta = signers.PdfSignatureMetadata(
            field_name=FIELD_NAME,
            reason=reason,
            location=location,
            md_algorithm="sha256",
            subfilter=fields.SigSeedSubFilter.PADES,
            use_pades_lta=False,
        )
        pdf_signer = signers.PdfSigner(
            meta,
            signer=signer,
            timestamper=timestamper,
            stamp_style=stamp.TextStampStyle(
                stamp_text="Digitally signed by %(signer)s\n%(ts)s\nReason: " + reason,
                border_width=1,
            ),
            new_field_spec=fields.SigFieldSpec(
                FIELD_NAME,
                on_page=box.page,
                box=(round(box.x1), round(box.y1), round(box.x2), round(box.y2)),
            ),
        )
        tmp = target.with_name(target.name + ".signing")
        try:
            with source.open("rb") as unsigned, tmp.open("wb") as signed:
                pdf_signer.sign_pdf(IncrementalPdfFileWriter(unsigned), output=signed)
            tmp.replace(target)
        except TimestampRequestError as exc:
            raise SigningError(
                f"signing failed: the timestamp server {tsa_url} did not answer ({exc})"
            ) from None
        except OSError as exc:
            if exc.filename is None:  # a network or token failure, not a file we write
                raise SigningError(f"signing failed: {type(exc).__name__}: {exc}") from None
            raise SigningError(f"{exc.filename}: cannot be written ({exc.strerror})") from exc
        except Exception as exc:  # pyHanko or the token failed
            raise SigningError(f"signing failed: {type(exc).__name__}: {exc}") from None
        finally:
            tmp.unlink(missing_ok=True)
        subject = signer.signing_cert.subject.native
        name = subject.get("common_name") or signer.signing_cert.subject.human_friendly
        return SignedBy(str(name), datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    finally:
        for session in opened:
            session.close()
