"""The demo signs one validation for real and records follow-up on it (issue 18): shown by
`validation show --json`, verified by `verify`, with no key left behind."""

import hashlib
import tempfile
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from ctpat_desktop.app import AppContext
from ctpat_desktop.services.approval import recorded_approval, review_history
from ctpat_desktop.services.demo import SAMPLES, create_demo
from ctpat_desktop.services.demo_signed import DEMO_SUPERVISOR, EXTENSION_DAYS, demo_ca
from ctpat_desktop.settings import DEFAULT_RESPONSE_DAYS
from ctpat_desktop.sync.local import LocalSync
from ctpat_desktop.worksheet import Lifecycle
from tests.conftest import CliResult

Cli = Callable[..., CliResult]
SIGNED = next(s for s in SAMPLES if s.status is Lifecycle.SIGNED)


@pytest.fixture
def temp_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The system's temporary folder, for this test alone (where private folders go)."""
    folder = tmp_path / "tmp"
    folder.mkdir(mode=0o700)
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def _signed_id(cli: Cli) -> str:
    listed = cli("validation", "list", "--json").json()["validations"]
    signed = [v["id"] for v in listed if v["status"] == "signed"]
    assert len(signed) == 1 and len(listed) == len(SAMPLES)
    return str(signed[0])


def _events(shown: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    by_criterion: dict[str, list[dict[str, Any]]] = {}
    for record in sorted(shown["followups"], key=lambda r: (r["criterion"], r["number"])):
        by_criterion.setdefault(record["criterion"], []).append(record)
    return by_criterion


def test_the_demo_shows_a_signed_validation_with_its_follow_up(cli: Cli, temp_dir: Path) -> None:
    """Before, no demo validation was signed: no report, no follow-up records."""
    assert cli("demo", "--json").code == 0
    shown = cli("validation", "show", _signed_id(cli), "--json").json()
    validation = shown["validation"]
    assert validation["member"] == SIGNED.member and validation["status"] == "signed"
    (report,) = shown["reports"]
    assert report["version"] == 1 and report["signer"] == SIGNED.scss
    # Everything around the checklist is still there.
    assert shown["sites"] and shown["document_requests"] and shown["participants"]
    assert shown["tour_log"] and shown["outcome"] and shown["decision"]
    assert shown["session_time"]["seconds"] > 3600

    events = _events(shown)
    kinds = {
        c: [(r["event"], r["implemented"], r["accepted"]) for r in records]
        for c, records in events.items()
    }
    closed = [c for c, k in kinds.items() if k[-1][0] == "closure"]
    extended = [c for c, k in kinds.items() if k[-1][0] == "extension"]
    assert len(closed) == 1 and len(extended) == 1
    assert kinds[closed[0]] == [
        ("response", True, None),
        ("decision", None, True),
        ("closure", None, None),
    ]
    assert kinds[extended[0]] == [("response", False, None), ("extension", None, None)]
    extension = events[extended[0]][-1]
    assert extension["days"] == EXTENSION_DAYS and extension["note"].strip()
    required = [f["criterion"] for f in shown["findings"] if f["outcome"] == "required-action"]
    assert set(events) < set(required)  # at least one required action is left open
    signed_at = datetime.fromisoformat(report["signed_at"])  # to the second
    assert all(datetime.fromisoformat(r["recorded_at"]) >= signed_at for r in shown["followups"])

    # Due dates counted from the issue date, the extension on top of the signed one.
    issued = date.fromisoformat(report["signed_at"][:10])
    visited = date.fromisoformat(validation["date"])
    assert visited < issued and issued - visited < timedelta(days=90)
    listed = cli("followup", "list", validation["id"], "--json").json()
    items = {i["criterion"]: i for i in listed["items"]}
    signed_due = date.fromisoformat(items[extended[0]]["signed_due"])
    assert signed_due == issued + timedelta(days=DEFAULT_RESPONSE_DAYS)
    assert items[extended[0]]["due"] == (signed_due + timedelta(days=EXTENSION_DAYS)).isoformat()
    assert items[closed[0]]["state"] == "closed"
    open_items = [c for c in required if not items[c]["closed"]]
    assert len(open_items) == len(required) - 1
    assert any(items[c]["state"] == "awaiting the member's response" for c in open_items)


def test_the_stored_signed_report_verifies_and_no_key_is_left(
    cli: Cli, data_dir: Path, tmp_path: Path, temp_dir: Path
) -> None:
    assert cli("demo").code == 0
    validation_id = _signed_id(cli)
    (report,) = cli("validation", "show", validation_id, "--json").json()["reports"]
    ctx = AppContext(data_dir)
    try:
        content = ctx.store.blobs.read_bytes(report["sha256"])
    finally:
        ctx.close()
    pdf = tmp_path / report["file"]
    pdf.write_bytes(content)
    assert hashlib.sha256(content).hexdigest() == report["sha256"]

    verified = cli("verify", str(pdf), "--trust", str(demo_ca(data_dir)), "--json")
    assert verified.code == 0, verified.out
    (signature,) = verified.json()["signatures"]
    assert signature["ok"] and signature["signer"] == SIGNED.scss
    assert signature["certification"] == "no-changes"

    # Nothing in clear: no key file, no PDF in the data folder; the private folder is gone.
    assert list(temp_dir.iterdir()) == []
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert path.suffix.lower() not in (".p12", ".pfx", ".key"), path
            data = path.read_bytes()
            assert b"PRIVATE KEY" not in data and b"%PDF-" not in data, path
    assert demo_ca(data_dir).stat().st_mode & 0o777 == 0o600

    # The dashboard still counts every started sample, the signed one included.
    stats = cli("stats", "--json")
    assert stats.code == 0 and stats.json()["validations"] == len(SAMPLES) - 1


def test_the_approval_is_the_demo_supervisors(ctx: AppContext, temp_dir: Path) -> None:
    create_demo(ctx)
    listed = [s.validation for s in ctx.store.list_validations()]
    validation_id = next(v.id for v in listed if v.status is Lifecycle.SIGNED)
    moves = [(e["action"], e["by"]) for e in review_history(ctx, validation_id)]
    assert moves == [("submit", ctx.actor), ("approve", DEMO_SUPERVISOR), ("sign", ctx.actor)]
    approval = recorded_approval(ctx, validation_id)
    assert approval is not None and approval.by == DEMO_SUPERVISOR
    signed_at = ctx.store.reports(validation_id)[0].signed_at
    approved_at = datetime.fromisoformat(approval.at).replace(microsecond=0)
    assert approved_at <= datetime.fromisoformat(signed_at)


def test_every_sample_in_review_or_approved_went_through_review(
    ctx: AppContext, temp_dir: Path
) -> None:
    """An approved sample's report names the demo supervisor as its approver (before, it
    was seeded as approved by whoever ran the demo: "Approved by root, supervisor")."""
    create_demo(ctx)
    seen = set()
    for listed in ctx.store.list_validations():
        validation = listed.validation
        if validation.status not in (Lifecycle.IN_REVIEW, Lifecycle.APPROVED):
            continue
        seen.add(validation.status)
        moves = [(e["action"], e["by"]) for e in review_history(ctx, validation.id)]
        approval = recorded_approval(ctx, validation.id)
        if validation.status is Lifecycle.APPROVED:
            assert moves == [("submit", ctx.actor), ("approve", DEMO_SUPERVISOR)]
            assert approval is not None and approval.by == DEMO_SUPERVISOR
        else:
            assert moves == [("submit", ctx.actor)] and approval is None
    assert seen == {Lifecycle.IN_REVIEW, Lifecycle.APPROVED}


def test_a_second_demo_signs_nothing_more(cli: Cli, temp_dir: Path) -> None:
    assert cli("demo").code == 0
    validation_id = _signed_id(cli)
    before = cli("validation", "show", validation_id, "--json").json()
    assert cli("demo", "--json").json()["created"] == []
    after = cli("validation", "show", validation_id, "--json").json()
    assert after["reports"] == before["reports"] and after["followups"] == before["followups"]


def test_on_a_laptop_with_a_hub_the_sample_stays_approved(ctx: AppContext, temp_dir: Path) -> None:
    """Signing there rests on an approval the hub recorded, which the demo's is not."""
    LocalSync(ctx.store).set_state({"server": "https://hub.example:8765"})
    create_demo(ctx)
    statuses = {s.validation.member.name: s.validation.status for s in ctx.store.list_validations()}
    assert statuses[SIGNED.member] is Lifecycle.APPROVED
    assert Lifecycle.SIGNED not in statuses.values()
    assert not demo_ca(ctx.data_dir).exists()
