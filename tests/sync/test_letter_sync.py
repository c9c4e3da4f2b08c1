"""Renditions and follow-up letters through a real hub: signed on one laptop after the
report, seen on a colleague's, out of other offices' sight, and refused by the hub when
they do not render or follow a signed report it holds."""

import uuid
from pathlib import Path
from typing import Any

import pytest

from ctpat_desktop.app import AppContext
from ctpat_desktop.report.certificates import create_test_identity
from ctpat_desktop.report.signing import Pkcs12Key
from ctpat_desktop.services import approval, followup, letters, report_io
from ctpat_desktop.store.repository import report_id
from ctpat_desktop.sync.client import HubClient
from ctpat_desktop.sync.letter_rules import rendition_id
from ctpat_desktop.sync.local import LocalSync
from ctpat_desktop.sync.protocol import Mutation
from ctpat_desktop.worksheet import Finding, FindingStatus
from tests.hubkit import ServedHub
from tests.sync.conftest import Laptop, sync
from tests.sync.helpers import planned, session

PASSPHRASE = "correct horse"
STAMP = "2026-12-01T10:00:00Z"


def _issued(
    hub_server: ServedHub, miami: dict[str, str], laptop: Laptop, ana: AppContext, tmp: Path
) -> tuple[str, Pkcs12Key, str]:
    """A validation with a required action (4.8), approved on the hub, its English report
    signed on ana's laptop (not synced since): (ID, ana's key, the report's SHA-256)."""
    sam_token = hub_server.add_user("sam", "supervisor", "Miami")
    sam = laptop("sam")
    validation_id = planned(ana)
    work = session(ana, validation_id)
    required = Finding("4.8", FindingStatus.NOT_MET, ("training-gap",), action="Enforce MFA")
    work.replace_findings(
        [
            required if c.id == "4.8" else Finding(c.id, FindingStatus.MET)
            for c in work.catalog.criteria
        ]
    )
    approval.submit_for_review(ana, validation_id)
    sync(ana, hub_server.url, miami["ana"])
    sync(sam, hub_server.url, sam_token)
    approval.approve(sam, validation_id)
    sync(sam, hub_server.url, sam_token)
    sync(ana, hub_server.url, miami["ana"])
    identity = create_test_identity(tmp / "id", "ana", PASSPHRASE)
    key = Pkcs12Key(identity.pkcs12)
    built = report_io.issue_report(ana, validation_id, tmp / "v1.pdf", key, lambda: PASSPHRASE)
    assert built.record is not None
    return validation_id, key, built.record.sha256


def test_a_rendition_and_a_letter_reach_a_colleague(
    hub_server: ServedHub, miami: dict[str, str], laptop: Laptop, tmp_path: Path
) -> None:
    ana, ben = laptop("ana"), laptop("ben")
    validation_id, key, sha = _issued(hub_server, miami, laptop, ana, tmp_path)
    followup.respond(ana, validation_id, "4.8", implemented=False, note="Next quarter")
    rendition = letters.issue_rendition(
        ana,
        validation_id,
        tmp_path / "v1-es.pdf",
        key,
        lambda: PASSPHRASE,
        language="es",
        version=1,
    )
    letter = letters.issue_letter(
        ana, validation_id, tmp_path / "letter.pdf", key, lambda: PASSPHRASE
    ).record
    assert letter is not None and letter.letter_type.value == "status"
    # One sync carries the signature, the report, the rendition, the letter and follow-up.
    first = sync(ana, hub_server.url, miami["ana"])
    assert first.rejected == [] and first.pending == 0
    assert hub_server.hub.record("rendition", rendition.id) is not None

    sync(ben, hub_server.url, miami["ben"])
    seen = letters.issued_view(ben, validation_id)
    assert [(r["id"], r["sha256"], r["original_sha256"]) for r in seen["renditions"]] == [
        (rendition.id, rendition.sha256, sha)
    ]
    assert [(r["id"], r["letter_type"], r["report_sha256"]) for r in seen["letters"]] == [
        (letter.id, "status", sha)
    ]
    assert ben.store.validation(validation_id).status.value == "signed"
    pulled = [e for e in ben.store.audit_events(validation_id) if e["kind"] == "rendition"]
    assert pulled, "a pulled rendition is audited on the colleague's laptop"
    assert LocalSync(ana.store).pending_count() == 0

    chicago = hub_server.add_user("cy", "scss", "Chicago")
    with HubClient(hub_server.url, chicago) as client:
        feed, _next, _more = client.changes(0, 500)
    assert not [c for c in feed if c.kind in ("rendition", "letter")]


def _rendition(validation_id: str, sha: str, **fields: Any) -> dict[str, Any]:
    return {
        "validation_id": validation_id,
        "report_version": 1,
        "language": "es",
        "original_language": "en",
        "original_sha256": sha,
        "sha256": "cd" * 32,
        "signer": "ana",
        "signed_at": STAMP,
        "file_name": "v1-es.pdf",
    } | fields


def _letter(validation_id: str, sha: str, **fields: Any) -> dict[str, Any]:
    return {
        "validation_id": validation_id,
        "report_version": 1,
        "report_sha256": sha,
        "language": "en",
        "letter_type": "status",
        "open_actions": 1,
        "sha256": "ef" * 32,
        "signer": "ana",
        "signed_at": STAMP,
        "file_name": "letter.pdf",
    } | fields


@pytest.mark.parametrize("hub_db_url", ["sqlite"], indirect=True)
def test_the_hub_refuses_what_renders_or_follows_no_signed_report(
    hub_server: ServedHub, miami: dict[str, str], laptop: Laptop, tmp_path: Path
) -> None:
    ana = laptop("ana")
    validation_id, _key, sha = _issued(hub_server, miami, laptop, ana, tmp_path)
    assert sync(ana, hub_server.url, miami["ana"]).rejected == []
    es_id = rendition_id(report_id(validation_id, 1), "es")
    en_id = rendition_id(report_id(validation_id, 1), "en")
    v2_id = rendition_id(report_id(validation_id, 2), "es")
    bad = {
        "other sha": (
            "rendition",
            es_id,
            _rendition(validation_id, sha, original_sha256="00" * 32),
        ),
        "same language": (
            "rendition",
            en_id,
            _rendition(validation_id, sha, language="en", original_language="es"),
        ),
        "its own original": (
            "rendition",
            es_id,
            _rendition(validation_id, sha, original_language="es"),
        ),
        "no version 2": ("rendition", v2_id, _rendition(validation_id, sha, report_version=2)),
        "made-up id": ("rendition", str(uuid.uuid4()), _rendition(validation_id, sha)),
        "bad hash": ("rendition", es_id, _rendition(validation_id, sha, sha256="XYZ")),
        "letter sha": ("letter", str(uuid.uuid4()), _letter(validation_id, "00" * 32)),
        "closure open": (
            "letter",
            str(uuid.uuid4()),
            _letter(validation_id, sha, letter_type="closure"),
        ),
        "a path": ("letter", str(uuid.uuid4()), _letter(validation_id, sha, file_name="../x.pdf")),
    }
    with HubClient(hub_server.url, miami["ana"]) as client:
        results = client.push(
            [Mutation(uuid.uuid4().hex, kind, rid, 0, fields) for kind, rid, fields in bad.values()]
        )
        errors = dict(zip(bad, (r.get("error", "") for r in results), strict=True))
        assert [r["outcome"] for r in results] == ["rejected"] * len(bad), errors
        assert "another SHA-256 than the one rendered" in errors["other sha"]
        assert "is in en already" in errors["same language"]
        assert "in another language than its original" in errors["its own original"]
        assert "no signed report version 2" in errors["no version 2"]
        assert "ID is derived from its report's" in errors["made-up id"]
        assert "SHA-256 in lowercase hex" in errors["bad hash"]
        assert "another SHA-256 than the letter names" in errors["letter sha"]
        assert "a closure letter has no open required action" in errors["closure open"]
        assert "a name, not a path" in errors["a path"]

        good = [
            Mutation(uuid.uuid4().hex, "rendition", es_id, 0, _rendition(validation_id, sha)),
            Mutation(uuid.uuid4().hex, "letter", str(uuid.uuid4()), 0, _letter(validation_id, sha)),
        ]
        assert [r["outcome"] for r in client.push(good)] == ["applied", "applied"]
        # Written once: the same ID with other content is refused.
        again = Mutation(
            uuid.uuid4().hex,
            "rendition",
            es_id,
            0,
            _rendition(validation_id, sha, sha256="aa" * 32),
        )
        [result] = client.push([again])
        assert result["outcome"] == "rejected"
