"""A signed report for 100 criteria, 30 findings and 20 images.

Target (DESIGN.md): < 2 s. Timed in-process for a fresh validation each round (the report
is built, signed with a PKCS#12 key and recorded); the first round includes importing
reportlab and pyHanko, as the first report of a session does.
"""

import random
import statistics
import struct
import tempfile
import time
import zlib
from datetime import date
from pathlib import Path

from ctpat_desktop.app import AppContext
from ctpat_desktop.report.certificates import create_test_identity
from ctpat_desktop.report.model import SignatureBox
from ctpat_desktop.report.signing import Pkcs12Key, sign_pdf
from ctpat_desktop.services.report_io import build_report, issue_report
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.settings import Settings
from ctpat_desktop.worksheet import Lifecycle

TARGET = 2.0
ROUNDS = 3
SIGNER = "Bench Signer"


def _png(width: int, height: int, seed: int) -> bytes:
    """A screenshot-sized PNG with some texture, so it is not trivially small."""
    rng = random.Random(seed)
    row = bytes(rng.randrange(256) for _ in range(width * 3))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    pixels = b"".join(b"\x00" + row[y % 7 :] + row[: y % 7] for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(pixels, 6))
        + chunk(b"IEND", b"")
    )


def _prepare(ctx: AppContext, n: int, images: list[Path]) -> str:
    validation = plan_validation(
        ctx,
        member=f"Bench Manufacturing {n}",
        account=f"MX-9{n:04d}",
        entity="highway-carrier",
        on=date(2026, 3, 10),
        scss=SIGNER,  # signing checks that the certificate names the validation's SCSS
    )
    session = ValidationSession(ctx, validation.id)
    criteria = [c.id for c in session.catalog.criteria]
    for i, cid in enumerate(criteria[:30]):
        if i % 3 == 0:
            session.record_finding(
                cid,
                status="not-met",
                reasons=["training-gap"],
                action="Train the staff and keep records",
            )
        else:
            session.record_finding(cid, status="met")
    for i, image in enumerate(images):
        session.attach_evidence(image, criteria[i])
    ctx.store.set_status(validation.id, Lifecycle.APPROVED, "Bench Supervisor")
    return validation.id


def main() -> None:
    """Time issue_report (build + sign + record) over a few fresh validations."""
    with tempfile.TemporaryDirectory(dir=Path.cwd()) as tmp:
        folder = Path(tmp)
        identity = create_test_identity(folder / "id", SIGNER)
        images = []
        for i in range(20):
            image = folder / f"screen-{i:02d}.png"
            image.write_bytes(_png(800, 600, i))
            images.append(image)
        ctx = AppContext(folder / "data", Settings(user="bench"))
        times = []
        for n in range(ROUNDS):
            vid = _prepare(ctx, n, images)
            start = time.perf_counter()
            built = issue_report(
                ctx, vid, folder / f"report-{n}.pdf", Pkcs12Key(identity.pkcs12), lambda: None
            )
            times.append(time.perf_counter() - start)
        pages = built.path.stat().st_size
        signing = _signing_alone(ctx, identity.pkcs12, folder, images)
        ctx.close()
    warm = statistics.median(times[1:])
    for name, seconds in (("first (cold imports)", times[0]), ("warm", warm)):
        verdict = "PASS" if seconds < TARGET else "FAIL"
        print(
            f"signed report, 100 criteria/30 findings/20 images, {name}: {seconds:.2f} s; "
            f"ratio to {TARGET} s {seconds / TARGET:.2f} {verdict}"
        )
    print(f"signed report size {pages / 1e6:.1f} MB")
    print(
        f"of which signing alone (certifying, embedded-font stamp), warm: {signing:.2f} s "
        "(informational)"
    )


def _signing_alone(ctx: AppContext, pkcs12: Path, folder: Path, images: list[Path]) -> float:
    """The median time of sign_pdf on one unsigned report of the same size (no build)."""
    vid = _prepare(ctx, ROUNDS, images)
    draft = build_report(ctx, vid, folder / "draft.pdf").path
    box = SignatureBox(0, 72, 72, 300, 160)
    times = []
    for n in range(ROUNDS):
        start = time.perf_counter()
        sign_pdf(
            draft,
            folder / f"signed-{n}.pdf",
            Pkcs12Key(pkcs12),
            box,
            secret=lambda: None,
            reason="Benchmark",
            location="Laredo",
        )
        times.append(time.perf_counter() - start)
    return statistics.median(times)


if __name__ == "__main__":
    main()
