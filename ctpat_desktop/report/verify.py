"""Verify a signed report: the whole pyHanko verdict, not only whether the bytes are intact."""

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ctpat_desktop.errors import CtpatError


@dataclass(frozen=True, slots=True)
class SignatureCheck:
    """What pyHanko found about one signature."""

    field: str
    signer: str
    signed_at: str | None
    timestamped: bool
    intact: bool
    valid: bool
    trusted: bool
    coverage: str
    modification_level: str
    problems: tuple[str, ...]
    certification: str | None = None  # a certifying signature's DocMDP level, else None
    level: str = "B-B"  # PAdES baseline level: B-B, B-T (timestamp), B-LT (+ revocation data)

    @property
    def ok(self) -> bool:
        """Intact, valid, trusted and covering the whole file (nothing added after signing)."""
        return not self.problems


@dataclass(frozen=True)
class Verification:
    """The verdict on one file."""

    file: str
    signatures: list[SignatureCheck] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True only when the file is signed and every signature is good."""
        return bool(self.signatures) and all(s.ok for s in self.signatures)

    def as_dict(self) -> dict[str, Any]:
        """The verdict as `verify --json` prints it."""
        return {
            "file": self.file,
            "ok": self.ok,
            "signatures": [asdict(s) | {"ok": s.ok} for s in self.signatures],
        }

    def summary(self) -> str:
        """One line saying whether the report can be trusted, and if not, why."""
        if not self.signatures:
            return f"{self.file}: NOT VERIFIED: the PDF carries no signature"
        if self.ok:
            s = self.signatures[-1]
            return (
                f"{self.file}: VERIFIED: signed by {s.signer} on {s.signed_at}; intact, "
                "trusted, and unchanged since signing"
            )
        problems = "; ".join(p for s in self.signatures for p in s.problems)
        return f"{self.file}: NOT VERIFIED: {problems}"


def _load_roots(paths: list[Path]) -> list[Any]:
    from pyhanko.keys import load_certs_from_pemder

    roots: list[Any] = []
    for path in paths:
        try:
            roots.extend(load_certs_from_pemder([str(path)]))  # type: ignore[no-untyped-call]
        except (OSError, ValueError) as exc:
            raise CtpatError(f"{path}: not a readable certificate ({exc})") from None
    return roots


_CERTIFICATIONS = {1: "no-changes", 2: "form-filling", 3: "annotations"}


def has_revocation_data(root: Any) -> bool:
    """Whether a PDF's document security store (pyHanko's catalog) holds CRLs or OCSPs."""
    if "/DSS" not in root:
        return False
    dss = root["/DSS"]
    return any(key in dss and len(dss[key]) > 0 for key in ("/CRLs", "/OCSPs"))


def _level(embedded: Any, timestamped: bool) -> str:
    """The PAdES baseline level the signature reaches."""
    if not timestamped:
        return "B-B"
    return "B-LT" if has_revocation_data(embedded.reader.root) else "B-T"


def _check(embedded: Any, roots: list[Any]) -> SignatureCheck:
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    context = ValidationContext(trust_roots=roots, allow_fetching=False)
    status = validate_pdf_signature(embedded, context)
    coverage = status.coverage.name if status.coverage is not None else "UNKNOWN"
    level = status.modification_level
    problems = []
    if not status.intact:
        problems.append("the signed content was changed")
    if not status.valid:
        problems.append("the signature does not match the signer's key")
    if status.intact and status.valid and not status.trusted:
        problems.append("the signer's certificate is not trusted (give its CA with --trust)")
    if status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
        problems.append("content was added to the file after it was signed")
    certification = embedded.docmdp_level
    if certification is not None and status.docmdp_ok is False:
        problems.append("the document was modified after it was certified (not allowed)")
    cert = status.signing_cert
    name = cert.subject.native.get("common_name") if cert is not None else None
    signed_at = status.signer_reported_dt or (
        status.timestamp_validity.timestamp if status.timestamp_validity else None
    )
    return SignatureCheck(
        field=str(embedded.field_name),
        signer=str(name or (cert.subject.human_friendly if cert is not None else "unknown")),
        signed_at=signed_at.isoformat() if signed_at else None,
        timestamped=status.timestamp_validity is not None,
        intact=bool(status.intact),
        valid=bool(status.valid),
        trusted=bool(status.trusted),
        coverage=coverage,
        modification_level=level.name if level is not None else "UNKNOWN",
        problems=tuple(problems),
        certification=(
            _CERTIFICATIONS.get(certification.value) if certification is not None else None
        ),
        level=_level(embedded, status.timestamp_validity is not None),
    )


def verify_pdf(path: Path, trust: list[Path]) -> Verification:
    """Check every signature of a PDF against the trusted certificates given."""
    import logging

    from pyhanko.pdf_utils.misc import PdfReadError

    # pyHanko logs each suspicious change with a traceback; the verdict says it in one line.
    logging.getLogger("pyhanko").setLevel(logging.CRITICAL)
    from pyhanko.pdf_utils.reader import PdfFileReader

    roots = _load_roots(trust)
    try:
        with path.open("rb") as handle:
            if handle.read(5) != b"%PDF-":
                raise CtpatError(f"{path}: not a PDF file")
            handle.seek(0)
            reader = PdfFileReader(handle, strict=False)
            checks = [_check(sig, roots) for sig in reader.embedded_signatures]
    except FileNotFoundError:
        raise CtpatError(f"{path}: file not found") from None
    except IsADirectoryError:
        raise CtpatError(f"{path}: is a folder, not a PDF file") from None
    except OSError as exc:
        raise CtpatError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    except (PdfReadError, ValueError, KeyError) as exc:
        raise CtpatError(f"{path}: the PDF cannot be read ({exc})") from None
    return Verification(str(path), checks)
