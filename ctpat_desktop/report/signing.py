"""Sign a report with pyHanko: a certifying PAdES signature, from a PKCS#12 file or a token.

The signature certifies the document (DocMDP, no changes allowed: the report is a final,
locked record; a rendition or a follow-up letter is a new file, signed on its own). With a
timestamp server it is PAdES B-T, and B-LT when the signer's certificate says where its
revocation status is published and that answer could be fetched. The visible block is set
in Noto Sans, embedded like every other font of the report (pyHanko writes a font's widths
in its own units, right only for fonts of 1000 units per em, which DejaVu is not).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ctpat_desktop.errors import CtpatError
from ctpat_desktop.report.model import SignatureBox

FIELD_NAME = "SCSS-Signature"
CERTIFICATION = "no-changes"  # DocMDP P=1; verify reports the same word
STAMP_FONT = "NotoSans-Regular.ttf"
# The visible block's words before the signer's name and before the reason (English).
STAMP_WORDS = ("Digitally signed by", "Reason:")
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
    level: str = "B-B"  # PAdES baseline level reached: B-B, B-T (timestamp), B-LT (+ revocation)


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


def _stamp_style(reason: str, words: tuple[str, str] = STAMP_WORDS) -> Any:
    """The visible block's look, its text in an embedded TrueType font (not Courier), its
    words ("Digitally signed by", "Reason:") in the document's language."""
    import logging

    from pyhanko import stamp
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
    from pyhanko.pdf_utils.text import TextBoxStyle

    from ctpat_desktop.pdf.engine import fonts_dir

    font = fonts_dir() / STAMP_FONT
    if not font.is_file():
        raise SigningError(f"{font}: the signature's font is missing; reinstall the app")
    # fontTools warns of each font table it drops from the subset it embeds.
    logging.getLogger("fontTools.subset").setLevel(logging.ERROR)
    return stamp.TextStampStyle(
        stamp_text=f"{words[0]} %(signer)s\n%(ts)s\n{words[1]} " + reason.replace("%", "%%"),
        text_box_style=TextBoxStyle(font=GlyphAccumulatorFactory(str(font), font_size=9)),
        border_width=1,
    )


def _revocation_context(signer: Any, timestamper: Any) -> Any:
    """A context to fetch the signer's revocation status with, for B-LT; None when the
    certificate publishes none or its chain does not end in a root we hold.

    The roots here only anchor the chains whose revocation data is collected (the signer's
    and the timestamp server's); whether the signer is to be trusted is verify's question.
    """
    import asyncio

    from pyhanko_certvalidator import ValidationContext

    cert = signer.signing_cert
    if cert is None or not (cert.crl_distribution_points or cert.ocsp_urls):
        return None
    chain = [c for c in signer.cert_registry if c.dump() != cert.dump()]
    if not any(c.self_signed in {"yes", "maybe"} for c in chain):
        return None
    token = asyncio.run(timestamper.async_dummy_response("sha256"))
    chain += [c.chosen for c in token["content"]["certificates"]]
    return ValidationContext(
        trust_roots=[c for c in chain if c.self_signed in {"yes", "maybe"}],
        other_certs=chain,
        allow_fetching=True,
        revocation_mode="soft-fail",
    )


def _has_revocation_data(path: Path) -> bool:
    """Whether the signed file carries CRLs or OCSP responses for its signature."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    from ctpat_desktop.report.verify import has_revocation_data

    with path.open("rb") as handle:
        return has_revocation_data(PdfFileReader(handle, strict=False).root)


def _revoked(exc: BaseException) -> bool:
    """Whether a signing failure comes from the signer's certificate being revoked."""
    from pyhanko_certvalidator.errors import RevokedError

    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, RevokedError):
            return True
        cause = cause.__cause__ or cause.__context__
    return False


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
    stamp_words: tuple[str, str] = STAMP_WORDS,
) -> SignedBy:
    """Certify-sign source into target (written only when signing succeeds)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko.sign.signers.pdf_signer import DSSContentSettings, SigDSSPlacementPreference
    from pyhanko.sign.timestamps import TimestampRequestError

    opened: list[Any] = []
    try:
        signer = (
            _pkcs12_signer(key, secret)
            if isinstance(key, Pkcs12Key)
            else _token_signer(key, secret, opened)
        )
        style = _stamp_style(reason, stamp_words)
        tmp = target.with_name(target.name + ".signing")
        try:
            timestamper = None
            context = None
            if tsa_url:
                from pyhanko.sign.timestamps import HTTPTimeStamper

                timestamper = HTTPTimeStamper(tsa_url)
                context = _revocation_context(signer, timestamper)
            meta = signers.PdfSignatureMetadata(
                field_name=FIELD_NAME,
                reason=reason,
                location=location,
                md_algorithm="sha256",
                subfilter=fields.SigSeedSubFilter.PADES,
                certify=True,
                docmdp_permissions=fields.MDPPerm.NO_CHANGES,
                use_pades_lta=False,
                embed_validation_info=context is not None,
                validation_context=context,
                # The validation data goes in the signed revision itself, so the signature
                # still covers the whole file (VRI entries would need a revision after it).
                dss_settings=DSSContentSettings(
                    include_vri=False,
                    placement=SigDSSPlacementPreference.TOGETHER_WITH_SIGNATURE,
                ),
            )
            pdf_signer = signers.PdfSigner(
                meta,
                signer=signer,
                timestamper=timestamper,
                stamp_style=style,
                new_field_spec=fields.SigFieldSpec(
                    FIELD_NAME,
                    on_page=box.page,
                    box=(round(box.x1), round(box.y1), round(box.x2), round(box.y2)),
                ),
            )
            with source.open("rb") as unsigned, tmp.open("wb") as signed:
                pdf_signer.sign_pdf(IncrementalPdfFileWriter(unsigned), output=signed)
            level = "B-B"
            if timestamper is not None:
                level = "B-LT" if context is not None and _has_revocation_data(tmp) else "B-T"
            tmp.replace(target)
        except TimestampRequestError as exc:
            raise SigningError(
                f"signing failed: the timestamp server {tsa_url} did not answer ({exc})"
            ) from None
        except OSError as exc:
            if exc.filename is None:  # a network or token failure, not a file we write
                raise SigningError(f"signing failed: {type(exc).__name__}: {exc}") from None
            raise SigningError(f"{exc.filename}: cannot be written ({exc.strerror})") from exc
        except SigningError:
            raise
        except Exception as exc:  # pyHanko, the token or the revocation check failed
            if _revoked(exc):
                raise SigningError(
                    "signing refused: the signer's certificate has been revoked"
                ) from None
            raise SigningError(f"signing failed: {type(exc).__name__}: {exc}") from None
        finally:
            tmp.unlink(missing_ok=True)
        subject = signer.signing_cert.subject.native
        name = subject.get("common_name") or signer.signing_cert.subject.human_friendly
        return SignedBy(str(name), datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"), level)
    finally:
        for session in opened:
            session.close()
