"""The report PDF: built from the shipped catalog into real files and read back with poppler."""

import hashlib
import random
import re
import shutil
import struct
import subprocess
import time
import zlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

import pikepdf
import pytest

from ctpat_desktop.catalog import CatalogLibrary
from ctpat_desktop.errors import CtpatError
from ctpat_desktop.paths import resources_dir
from ctpat_desktop.report.builder import build_report
from ctpat_desktop.report.labels import EN, format_date, format_moment
from ctpat_desktop.report.model import EvidenceItem, ReportData, SignatureBox
from ctpat_desktop.worksheet import Finding, FindingStatus, Lifecycle, Member, Mode, Validation

BAJIO = "Transportes del Bajío S.A. de C.V."
SCSS = "Laura Méndez"
VALIDATION_ID = "6f1c2b9e-4d3a-4e5f-9a7b-2c8d1e0f3a4b"
SECTIONS = [
    "Executive summary",
    "Deficiencies by category",
    "Required actions",
    "Recommendations",
    "Best practices",
    "Results by criterion",
    "Evidence index",
    "Methodology",
    "Signature",
]
ACTION_48 = "Give every user an individual account and require multi-factor authentication."
MARKUP = "Seal log <b>not</b> kept & no VVTT check"
CM = 72 / 2.54

NOT_MET, MET, EXCEEDS, NA = (
    FindingStatus.NOT_MET,
    FindingStatus.MET,
    FindingStatus.EXCEEDS,
    FindingStatus.NOT_APPLICABLE,
)


@pytest.fixture(scope="module")
def library() -> CatalogLibrary:
    return CatalogLibrary(resources_dir())


def _png(path: Path, width: int, height: int, seed: int) -> Path:
    """A valid RGB PNG: a noisy row, shifted a little on each line so it compresses."""
    noise = random.Random(seed).randbytes(3 * width)
    rows = b"".join(
        b"\x00" + noise[3 * (y % width) :] + noise[: 3 * (y % width)] for y in range(height)
    )

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 1))
        + chunk(b"IEND", b"")
    )
    return path


def _evidence(path: Path, criterion: str | None, media_type: str) -> EvidenceItem:
    content = path.read_bytes()
    return EvidenceItem(
        criterion=criterion,
        filename=path.name,
        media_type=media_type,
        sha256=hashlib.sha256(content).hexdigest(),
        size=len(content),
        captured_at="2026-05-18T16:42:07.250000Z",
        content=content,
    )


def _data(
    library: CatalogLibrary,
    findings: Mapping[str, Finding],
    evidence: Sequence[EvidenceItem] = (),
    *,
    entity: str = "importer",
    mode: Mode = Mode.VIRTUAL,
    language: str = "en",
    member: str = BAJIO,
) -> ReportData:
    catalog = library.catalog(entity)
    validation = Validation(
        id=VALIDATION_ID,
        member=Member(member, "IMP-48213"),
        entity=entity,
        catalog_version=catalog.version,
        mode=mode,
        date=date(2026, 5, 18),
        scss=SCSS,
        status=Lifecycle.APPROVED,
        office="Laredo Field Office",
    )
    return ReportData(
        validation=validation,
        entity_name=catalog.name,
        catalog=catalog,
        categories=library.categories,
        reasons=library.reasons,
        findings=findings,
        evidence=tuple(evidence),
        version=2,
        generated_at="2026-05-20T15:04:05.123456Z",
        language=language,
    )


def _findings() -> dict[str, Finding]:
    """Three required actions, two recommendations, a best practice, N/A and met findings."""
    found = [
        Finding(
            "4.8",
            NOT_MET,
            reasons=("no-written-procedure", "training-gap"),
            report_text="Warehouse staff share one administrator account; passwords never change.",
            action=ACTION_48,
            due=date(2026, 8, 16),
        ),
        Finding(
            "3.1",
            NOT_MET,
            reasons=("partner-not-screened",),
            action="Screen every business partner before contracting and yearly after.",
            due=date(2026, 8, 16),
        ),
        Finding(
            "6.2",
            NOT_MET,
            reasons=("procedure-not-followed", "other"),
            report_text=MARKUP,
            action="Record every seal and check it with VVTT at stuffing and arrival.",
            due=date(2026, 9, 30),
        ),
        Finding(
            "1.1",
            NOT_MET,
            reasons=("no-evidence",),
            report_text="The signed statement of support is not posted anywhere.",
            action="Post the signed statement in the lobby and on the intranet.",
        ),
        Finding("5.5", NOT_MET, reasons=("technology-gap",), action="Add GPS tracking."),
        Finding(
            "12.1",
            EXCEEDS,
            note="Quarterly unannounced drills, scored and reported to the board.",
        ),
        Finding("2.4", NA),
        Finding("8.1", NA),
        *(Finding(cid, MET) for cid in ("1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "4.1", "4.2")),
    ]
    return {f.criterion: f for f in found}


@pytest.fixture
def images(tmp_path: Path) -> list[EvidenceItem]:
    """Three small PNGs, one file that claims to be a PNG and is not, and a PDF."""
    folder = tmp_path / "evidence"
    folder.mkdir()
    items = [
        _evidence(_png(folder / f"camera-{n}.png", 160 + 40 * n, 120, n), cid, "image/png")
        for n, cid in enumerate(("9.1", "10.2", None))
    ]
    broken = folder / "gate-photo.png"
    broken.write_bytes(b"this is not a PNG at all")
    policy = folder / "security-policy.pdf"
    policy.write_bytes(b"%PDF-1.4 a document shared on screen")
    return [
        *items,
        _evidence(broken, "9.4", "image/png"),
        _evidence(policy, "1.1", "application/pdf"),
    ]


def _run(*args: str) -> str:
    if shutil.which(args[0]) is None:
        pytest.fail(f"{args[0]} is missing: `make test` installs poppler-utils")
    return subprocess.run(args, capture_output=True, check=True, text=True).stdout


def _text(path: Path) -> str:
    return _run("pdftotext", "-layout", str(path), "-")


def _pages(text: str) -> list[str]:
    """The text of each page (pdftotext separates pages with a form feed)."""
    return [page for page in text.split("\f") if page.strip()]


def _info(path: Path) -> dict[str, str]:
    lines = _run("pdfinfo", str(path)).splitlines()
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in lines)}


def _flat(text: str) -> str:
    """Text with runs of white space made one space, so wrapped sentences can be searched."""
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def report(
    library: CatalogLibrary, images: list[EvidenceItem], tmp_path: Path
) -> tuple[Path, ReportData, SignatureBox]:
    data = _data(library, _findings(), images)
    path = tmp_path / "report.pdf"
    box = build_report(data, path)
    return path, data, box


def test_report_shows_every_section_and_the_findings(
    report: tuple[Path, ReportData, SignatureBox],
) -> None:
    path, data, _box = report
    assert path.read_bytes().startswith(b"%PDF-")
    text = _text(path)
    flat = _flat(text)
    cover = _pages(text)[0]
    assert "CTPAT Validation Report" in cover
    assert BAJIO in cover
    for label, value in [
        ("CTPAT account number", "IMP-48213"),
        ("Entity type", "U.S. Importers"),
        ("Validation mode", "Virtual"),
        ("Validation date", "May 18, 2026"),
        ("Supply Chain Security Specialist", SCSS),
        ("Field office", "Laredo Field Office"),
        ("Minimum Security Criteria", f"U.S. Importers, version {data.catalog.version}"),
        ("Report version", "Version 2"),
        ("Generated", "May 20, 2026, 15:04 UTC"),
        ("Validation ID", VALIDATION_ID),
    ]:
        assert re.search(rf"{re.escape(label)}\s+{re.escape(value)}", cover), label
    for section in SECTIONS:
        assert section in text
    # Due dates count from the issue (May 20), not the visit (May 18): the earliest first.
    assert (
        "The validation found 3 required actions and 2 recommendations. The member must "
        "respond in writing by August 18, 2026" in flat
    )
    assert "The validation also recognised 1 best practice." in flat
    assert f"Criteria not reviewed: {93 - 16} of 93." in flat
    assert re.search(r"Met\s+8\n", text)
    assert re.search(r"Not met\s+5\n", text)
    assert re.search(r"Not applicable\s+2\n", text)
    assert ACTION_48 in flat
    assert "Warehouse staff share one administrator account" in flat
    assert "No written procedure; Training gap" in flat
    assert "Due date August 18, 2026" in flat and "Due date October 2, 2026" in flat
    assert "August 16, 2026" not in flat and "September 30, 2026" not in flat
    # A finding without report text says what the criterion asks.
    assert "The member did not show that this requirement is in place." in flat
    assert MARKUP in flat
    assert "Quarterly unannounced drills, scored and reported to the board." in flat
    assert re.search(r"4\. Cybersecurity\s+1\s+0\s+1\n", text)
    assert re.search(r"Total\s+3\s+2\s+5\n", text)


def test_results_list_every_criterion_with_level_and_result(
    report: tuple[Path, ReportData, SignatureBox],
) -> None:
    path, data, _box = report
    text = _text(path)
    results = text[text.index("Results by criterion") : text.index("Evidence index")]
    for criterion in data.catalog.criteria:
        assert re.search(rf"^\s*{re.escape(criterion.id)}\s", results, re.M), criterion.id
    assert re.search(r"4\.8\s+Individual accounts.*Must\s+Not met", results)
    assert re.search(r"12\.1\s.*Must\s+Exceeds \(best practice\)", results)
    assert re.search(r"2\.4\s.*Should\s+Not applicable", results)
    assert re.search(r"11\.5\s.*Must\s+Not reviewed", results)


def test_evidence_index_lists_fingerprints_and_thumbnails(
    report: tuple[Path, ReportData, SignatureBox], images: list[EvidenceItem]
) -> None:
    path, _data, _box = report
    text = _text(path)
    for item in images:
        assert item.sha256 in text
        assert item.filename in text
    assert "(image could not be read)" in text
    listed = _run("pdfimages", "-list", str(path)).splitlines()[2:]
    # The three readable PNGs are embedded as small copies; the broken one is not.
    assert len(listed) == 3
    assert all(int(row.split()[3]) <= 400 for row in listed)


def test_captions_are_printed_under_the_picture_and_in_the_index(
    library: CatalogLibrary, images: list[EvidenceItem], tmp_path: Path
) -> None:
    picture, _broken, policy = images[0], images[3], images[4]
    captioned = [
        replace(picture, caption="Seal log, dock 3"),
        replace(policy, caption="Written <seal> procedure"),
    ]
    path = tmp_path / "captioned.pdf"
    build_report(_data(library, _findings(), captioned), path)
    flat = _flat(_text(path))
    assert "Seal log, dock 3" in flat and "Written <seal> procedure" in flat
    # Under the picture: the caption, then its file name and criterion.
    grid = flat[flat.rindex("Seal log, dock 3") :]
    assert grid.index(picture.filename) < grid.index("Criterion 9.1")


def test_every_page_has_header_footer_and_number(
    report: tuple[Path, ReportData, SignatureBox],
) -> None:
    path, _data, _box = report
    pages = _pages(_text(path))
    assert 8 <= len(pages) <= 16
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page
        assert f"Validation ID {VALIDATION_ID}" in page
        assert re.search(rf"{re.escape(BAJIO)}\s+CTPAT Validation Report · Version 2", page)


def test_document_names_itself_embeds_fonts_and_has_bookmarks(
    report: tuple[Path, ReportData, SignatureBox],
) -> None:
    path, _data, _box = report
    info = _info(path)
    assert info["Title"] == f"CTPAT Validation Report — {BAJIO}"
    assert info["Author"] == SCSS
    assert info["Creator"].startswith("Typst")  # reportlab wrote "ctpat-desktop" here
    assert BAJIO in info["Subject"]
    assert info["Page size"].startswith("612 x 792")
    fonts = _run("pdffonts", str(path)).splitlines()[2:]
    assert fonts
    assert all(row.split()[-5] == "yes" for row in fonts), fonts
    assert any("DejaVuSansMono" in row for row in fonts)
    with pikepdf.open(path) as pdf, pdf.open_outline() as outline:
        top = {item.title: item for item in outline.root}
    for section in SECTIONS:
        assert section in top, section
        assert top[section].destination is not None, section
    categories = [item.title for item in top["Results by criterion"].children]
    assert categories[3] == "4. Cybersecurity"


def test_signature_box_is_on_the_last_page_above_its_note(
    report: tuple[Path, ReportData, SignatureBox],
) -> None:
    path, _data, box = report
    pages = int(_info(path)["Pages"])
    assert box.page == pages - 1
    assert 0 <= box.x1 < box.x2 <= 612
    assert 0 <= box.y1 < box.y2 <= 792
    assert box.x2 - box.x1 == pytest.approx(8 * CM)
    assert box.y2 - box.y1 == pytest.approx(3 * CM)
    # Where the words really are on that page (pdftotext measures y from the top).
    words = _run("pdftotext", "-f", str(pages), "-l", str(pages), "-bbox", str(path), "-")
    tops: dict[str, float] = {}
    for m in re.finditer(r'<word xMin="[\d.]+" yMin="([\d.]+)"[^>]*>([^<]+)</word>', words):
        tops.setdefault(m[2], 792 - float(m[1]))  # the first one: the note says it again
    assert tops["Signature"] > box.y2
    assert tops["Méndez"] < box.y1
    assert tops["Digitally"] < tops["Méndez"]


def test_unknown_language_is_refused(library: CatalogLibrary, tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    with pytest.raises(CtpatError, match=r"no report texts in language 'xx'; use one of: en, es"):
        build_report(_data(library, _findings(), language="xx"), path)
    assert not path.exists()


def test_validation_without_findings_still_builds(library: CatalogLibrary, tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    box = build_report(_data(library, {}, mode=Mode.IN_PERSON), path)
    text = _text(path)
    flat = _flat(text)
    assert "The validation found no deficiencies" in flat
    assert "Criteria not reviewed: 93 of 93." in flat
    assert "No criterion was found not met, so there is nothing to chart." in flat
    assert "The validation found no required actions." in flat
    assert "The validation found no recommendations." in flat
    assert "The validation recognised no best practices." in flat
    assert "No evidence was recorded for this validation." in flat
    assert "the Supply Chain Security Specialist visited the member's facilities" in flat
    assert "WebEx" not in flat
    assert box.page == int(_info(path)["Pages"]) - 1


def test_a_long_member_name_with_markup_is_escaped_and_shortened_in_the_header(
    library: CatalogLibrary, tmp_path: Path
) -> None:
    member = "Méndez Logística & Hijos <Norte> " + "Servicios Integrales de Transporte " * 3
    path = tmp_path / "long.pdf"
    build_report(_data(library, {}, member=member.strip()), path)
    pages = _pages(_text(path))
    assert "Méndez Logística & Hijos <Norte>" in pages[0]
    header = next(line for line in pages[1].splitlines() if "CTPAT Validation Report" in line)
    assert header.startswith("Méndez Logística & Hijos <Norte> Servicios")
    assert re.search(r"…\s+CTPAT Validation Report · Version 2$", header)
    assert _info(path)["Title"].startswith("CTPAT Validation Report — Méndez Logística & Hijos")


def test_a_failed_write_names_the_file_and_keeps_the_previous_one(
    library: CatalogLibrary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = _data(library, _findings())
    with pytest.raises(CtpatError, match=r"missing/report.pdf: cannot be written \(No such"):
        build_report(data, tmp_path / "missing" / "report.pdf")
    assert list(tmp_path.iterdir()) == []
    path = tmp_path / "report.pdf"
    path.write_bytes(b"previous report")

    def full_disk(source: Path, target: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("ctpat_desktop.report.pdf_common.os.replace", full_disk)
    with pytest.raises(CtpatError, match=r"report.pdf: cannot be written \(No space left"):
        build_report(data, path)
    assert path.read_bytes() == b"previous report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]


def test_dates_and_times_read_as_english() -> None:
    assert format_date(date(2026, 5, 18), EN) == "May 18, 2026"
    assert format_moment("2026-05-20T15:04:05.123456Z", EN) == "May 20, 2026, 15:04 UTC"
    assert format_moment("2026-05-20T10:04:05-05:00", EN) == "May 20, 2026, 15:04 UTC"
    assert format_moment("yesterday", EN) == "yesterday"


def _timed(build: Callable[[], SignatureBox]) -> float:
    start = time.perf_counter()
    build()
    return time.perf_counter() - start


def test_a_full_report_builds_well_within_the_signing_budget(
    library: CatalogLibrary, tmp_path: Path
) -> None:
    """100+ criteria, 30 findings, 20 photos of 800 × 600: the signed report must take < 2 s."""
    catalog = library.catalog("highway-carrier")
    assert len(catalog.criteria) >= 100
    rng = random.Random(7)
    statuses = [NOT_MET] * 14 + [EXCEEDS] * 3 + [NA] * 3 + [MET] * 10
    findings = {
        c.id: Finding(
            c.id,
            status,
            reasons=("no-written-procedure",) if status is NOT_MET else (),
            report_text=f"Finding on {c.id}: " + "what was seen on the tour. " * 4,
            action="Write the procedure, train the staff and keep records."
            if status is NOT_MET
            else "",
            due=date(2026, 8, 16) if status is NOT_MET else None,
            note="A documented, audited practice." if status is EXCEEDS else "",
        )
        for c, status in zip(rng.sample(catalog.criteria, 30), statuses, strict=True)
    }
    folder = tmp_path / "photos"
    folder.mkdir()
    photos = [
        _evidence(
            _png(folder / f"photo-{n:02}.png", 800, 600, n), catalog.criteria[n].id, "image/png"
        )
        for n in range(20)
    ]
    data = _data(library, findings, photos, entity="highway-carrier")
    elapsed = _timed(lambda: build_report(data, tmp_path / "full.pdf"))
    print(f"\nreport build, 100 criteria, 30 findings, 20 images: {elapsed:.3f} s")
    assert int(_info(tmp_path / "full.pdf")["Pages"]) >= 10
    assert elapsed < 1.5


def test_a_not_met_on_only_a_should_part_is_reported_as_a_recommendation(
    library: CatalogLibrary, tmp_path: Path
) -> None:
    c31 = library.catalog("importer").get("3.1")
    assert c31 is not None
    should = next(p for p in c31.parts if p.level.value == "should")
    must = next(p for p in c31.parts if p.level.value == "must")
    base = Finding("3.1", NOT_MET, reasons=("partner-not-screened",), action="Add ML checks.")
    texts = {}
    for name, parts in (("should", (should.key,)), ("must", (must.key,))):
        path = tmp_path / f"{name}.pdf"
        build_report(_data(library, {"3.1": replace(base, unmet_parts=parts)}), path)
        texts[name] = _flat(_text(path))
    assert "found no required actions and 1 recommendation" in texts["should"]
    assert "1 required action" in texts["must"]
    assert "1 required action" not in texts["should"]
    assert "Parts not met" in texts["should"]
    assert f"{should.key}) {should.text[:40]}" in texts["should"]
    assert f"{must.key}) {must.text[:40]}" in texts["must"]


@pytest.mark.parametrize(
    ("language", "header", "cover"),
    [
        ("en", "DRAFT — not signed, not issued: for review only", "Draft: 92 of 93 criteria"),
        ("es", "BORRADOR — sin firmar ni emitir: solo para revisión", "Borrador: 92 de 93"),
    ],
)
def test_a_draft_says_so_on_every_page_and_never_reads_as_signed(
    library: CatalogLibrary, tmp_path: Path, language: str, header: str, cover: str
) -> None:
    path = tmp_path / "draft.pdf"
    findings = {"1.1": Finding("1.1", FindingStatus.MET)}
    data = replace(_data(library, findings, language=language), draft=True)
    assert build_report(data, path) is None  # no signature box: a draft is never signed
    text = _text(path)
    pages = text.split("\f")[:-1]
    assert len(pages) == int(_info(path)["Pages"])
    assert all(header in page for page in pages)
    assert cover in _flat(pages[0])
    assert "ctpat-desktop verify" not in text and "verifíquelo" not in text
    assert _info(path)["Title"].startswith(("DRAFT — ", "BORRADOR — "))

    final = tmp_path / "final.pdf"
    assert build_report(replace(data, draft=False), final) is not None
    assert "DRAFT" not in _text(final) and "BORRADOR" not in _text(final)


def test_the_methodology_says_only_what_was_recorded(
    library: CatalogLibrary, tmp_path: Path
) -> None:
    """Before, every report said documents were sent ahead, the site was toured by
    livestream and department heads interviewed, whatever happened."""
    bare = tmp_path / "bare.pdf"
    data = _data(library, {})
    build_report(replace(data, validation=replace(data.validation, participants=())), bare)
    flat = _flat(_text(bare))
    for claim in ("toured", "interviewed", "sent the policies", "livestream", "several days"):
        assert claim not in flat, claim
    assert "The session time recorded" not in flat and "Taking part" not in flat

    recorded = tmp_path / "recorded.pdf"
    build_report(
        replace(
            data,
            validation=replace(data.validation, participants=("Ana Ruiz (security)",)),
            session_seconds=3 * 3600 + 25 * 60,
            session_days=(date(2026, 5, 18), date(2026, 5, 19)),
        ),
        recorded,
    )
    flat = _flat(_text(recorded))
    assert "The session time recorded was 3 h 25 min, on May 18, 2026, May 19, 2026." in flat
    assert "Taking part for the member: Ana Ruiz (security)." in flat
