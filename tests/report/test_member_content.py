"""What a member needs to act on the report: whom it is for, how and by when to answer,
whom to ask, what each criterion requires, the evidence beside its finding, a marking on
every page, due dates counted from the issue and how to check the signature."""

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from ctpat_desktop.catalog import CatalogLibrary
from ctpat_desktop.paths import resources_dir
from ctpat_desktop.report.builder import build_report
from ctpat_desktop.report.labels import EN, ES, format_date
from ctpat_desktop.report.model import EvidenceItem, ReportData
from tests.report.test_builder import (
    ACTION_48,
    BAJIO,
    _data,
    _evidence,
    _findings,
    _flat,
    _pages,
    _png,
    _text,
)

SIGNED_ON = "2026-11-30T15:00:00Z"  # six months after the visit of May 18, 2026


@pytest.fixture(scope="module")
def library() -> CatalogLibrary:
    return CatalogLibrary(resources_dir())


@pytest.fixture
def images(tmp_path: Path) -> list[EvidenceItem]:
    """Two small pictures: one of criterion 9.1, one of the whole validation."""
    return [
        _evidence(_png(tmp_path / f"camera-{n}.png", 160, 120, n), where, "image/png")
        for n, where in enumerate(("9.1", None))
    ]


def _built(data: ReportData, path: Path) -> str:
    build_report(data, path)
    return _text(path)


def test_the_report_is_addressed_to_the_recorded_point_of_contact_only(
    library: CatalogLibrary, tmp_path: Path
) -> None:
    data = _data(library, _findings())
    people = ("Ana Ruiz (security manager, point of contact)", "Luis Peña (warehouse)")
    named = replace(data, validation=replace(data.validation, participants=people))
    cover = _flat(_pages(_built(named, tmp_path / "named.pdf"))[0])
    assert f"Addressed to Ana Ruiz (security manager, point of contact) {BAJIO}" in cover
    assert "Luis Peña" not in cover

    # Nobody recorded as the contact: the company alone, no one picked in their place.
    others = replace(data, validation=replace(data.validation, participants=people[1:]))
    cover = _flat(_pages(_built(others, tmp_path / "company.pdf"))[0])
    assert f"Addressed to {BAJIO} CTPAT account number" in cover
    assert "Luis Peña" not in cover


@pytest.mark.parametrize(("language", "text"), [("en", EN), ("es", ES)])
def test_every_page_carries_the_sensitivity_marking(
    library: CatalogLibrary, tmp_path: Path, language: str, text: dict[str, object]
) -> None:
    data = _data(library, _findings(), language=language)
    pages = _pages(_built(data, tmp_path / "default.pdf"))
    marking = str(text["sensitivity_default"])
    assert len(pages) > 5
    assert all(_flat(page).count(marking) == 2 for page in pages)  # top and bottom
    configured = replace(data, sensitivity_marking="CUI//SP-PROPIN", draft=True)
    pages = _pages(_built(configured, tmp_path / "configured.pdf"))
    assert all("CUI//SP-PROPIN" in page and marking not in _flat(page) for page in pages)


def test_each_box_prints_the_requirement_and_the_evidence_beside_the_finding(
    library: CatalogLibrary, images: list[EvidenceItem], tmp_path: Path
) -> None:
    c48 = library.catalog("importer").get("4.8")
    assert c48 is not None
    shot = replace(images[0], criterion="4.8", caption="Shared admin login on screen")
    text = _flat(_built(_data(library, _findings(), [shot, *images[1:]]), tmp_path / "r.pdf"))
    actions = text[text.index("Required actions A required") : text.index("Recommendations A")]
    box = actions[actions.index("4.8 ") :]
    box = box[: box.index("Evidence", box.index("Due date")) + 200]
    assert f"Requirement {c48.text[:60]}" in box
    assert box.index("Requirement") < box.index("Finding") < box.index(ACTION_48[:30])
    assert "Shared admin login on screen" in box and shot.filename in box
    assert text.count(shot.filename) >= 3  # beside its finding, in the index, in the grid
    recommendations = text[text.index("Recommendations A") : text.index("Best practices A")]
    c55 = library.catalog("importer").get("5.5")
    assert c55 is not None and f"Requirement {c55.text[:40]}" in recommendations


def test_due_dates_count_from_the_issue_and_are_never_past_at_signing(
    library: CatalogLibrary, tmp_path: Path
) -> None:
    """Before, due dates were the validation date + 90 days: a report signed in November
    told the member to respond by August."""
    data = replace(_data(library, _findings()), generated_at=SIGNED_ON)
    flat = _flat(_built(data, tmp_path / "late.pdf"))
    issued = date(2026, 11, 30)
    first = format_date(issued + timedelta(days=90), EN)  # 4.8 and 3.1: 90 days granted
    later = format_date(issued + timedelta(days=135), EN)  # 6.2: 135 days granted
    assert f"The member must respond in writing by {first}" in flat
    assert f"Respond through the CTPAT Portal by {first}, the earliest due date" in flat
    assert flat.count(f"Due date {first}") == 2 and f"Due date {later}" in flat
    for past in ("August 16, 2026", "September 30, 2026"):
        assert past not in flat

    draft = _flat(_built(replace(data, draft=True), tmp_path / "draft.pdf"))
    assert "Due date 90 days from issue" in draft and "Due date 135 days from issue" in draft
    assert "Respond through the CTPAT Portal within 90 days of the report's issue" in draft
    assert first not in draft


def test_how_to_respond_and_whom_to_ask_come_from_what_is_recorded(
    library: CatalogLibrary, tmp_path: Path
) -> None:
    data = _data(library, _findings())
    plain = _flat(_built(data, tmp_path / "plain.pdf"))
    respond = plain[plain.index("How to respond") : plain.index("Deficiencies by category")]
    assert "through the CTPAT Portal" in respond
    assert "Contacts Supply Chain Security Specialist Laura Méndez Field office Laredo" in respond
    assert "@" not in respond  # no contact details were recorded: none are made up

    contacts = {"laura méndez": "lmendez@cbp.example", "Laredo Field Office": "+1 956 555 0100"}
    told = _flat(_built(replace(data, contacts=contacts), tmp_path / "told.pdf"))
    assert "Laura Méndez — lmendez@cbp.example" in told
    assert "Laredo Field Office — +1 956 555 0100" in told

    nothing = _flat(_built(_data(library, {}), tmp_path / "none.pdf"))
    assert "How to respond No written response is required." in nothing


@pytest.mark.parametrize(
    ("language", "reader"),
    [
        ("en", "open this file in Adobe Acrobat Reader and click Signature Panel"),
        ("es", "abra este archivo en Adobe Acrobat Reader y pulse Panel de firma"),
    ],
)
def test_the_member_is_told_to_check_the_signature_in_a_common_reader(
    library: CatalogLibrary, tmp_path: Path, language: str, reader: str
) -> None:
    data = replace(
        _data(library, _findings(), language=language),
        signer="Laura Méndez",
        approved_by="Sam Supervisor",
        approved_at="2026-05-19T21:30:00Z",
    )
    flat = _flat(_built(data, tmp_path / "signed.pdf"))
    assert reader in flat
    assert "verify with ctpat-desktop verify" not in flat and "verifíquelo" not in flat
    approved = {"en": "on May 19, 2026.", "es": "el 19 de mayo de 2026."}[language]
    assert f"Sam Supervisor, supervisor, {approved}" in flat
    # Nothing recorded, nothing printed: no signer or approval line is made up.
    bare = _flat(_built(_data(library, _findings(), language=language), tmp_path / "bare.pdf"))
    signed_with = {"en": "Signed with the certificate", "es": "Firmado con el certificado"}
    assert signed_with[language] in flat
    assert "Sam Supervisor" not in bare and signed_with[language] not in bare
