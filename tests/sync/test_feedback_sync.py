"""Feedback syncs: an answer goes up to the hub (SQLite and PostgreSQL) and down to the
office's other laptops, each written once; the hub refuses one that means nothing, or
that names a validation not started or a criterion outside its catalog."""

import uuid
from datetime import date
from typing import Any

from ctpat_desktop.app import AppContext
from ctpat_desktop.services.feedback import feedback_answers, record_feedback
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.sync.client import HubClient
from ctpat_desktop.sync.local import LocalSync
from ctpat_desktop.sync.protocol import PREFIX, Change, Mutation
from tests.hubkit import ServedHub
from tests.sync.conftest import Laptop, sync

STAMP = "2026-03-10T12:00:00Z"


def _started(ctx: AppContext, account: str) -> str:
    validation = plan_validation(
        ctx, member="Acme", account=account, entity="importer", on=date(2026, 3, 10)
    )
    ValidationSession(ctx, validation.id).record_finding("4.8", status="met")
    return validation.id


def _fields(validation_id: str, **more: Any) -> dict[str, Any]:
    return {
        "validation_id": validation_id,
        "source": "scss",
        "technology_quality": 4,
        "not_verifiable": "[]",
        "not_verifiable_note": "",
        "minutes_lost": None,
        "comments": "",
        "recorded_at": STAMP,
        "recorded_by": "ana",
    } | more


def test_an_answer_reaches_the_hub_and_the_office(
    hub_server: ServedHub, miami: dict[str, str], laptop: Laptop
) -> None:
    ana, ben = laptop("ana"), laptop("ben")
    vid = _started(ana, "IM-1001")
    answer = record_feedback(
        ana, vid, technology_quality=2, not_verifiable=["9.4"], minutes_lost=15
    )
    report = sync(ana, hub_server.url, miami["ana"])
    assert not report.rejected and LocalSync(ana.store).pending_count() == 0
    held = hub_server.hub.record("feedback", answer.id)
    assert held is not None and held.fields["not_verifiable"] == '["9.4"]'
    assert held.fields["minutes_lost"] == 15

    sync(ben, hub_server.url, miami["ben"])
    (pulled,) = feedback_answers(ben, vid)
    assert pulled == answer
    events = [e for e in ben.store.audit_events(vid) if e["kind"] == "feedback"]
    assert [e["action"] for e in events] == ["sync"]
    # Written once: syncing again sends and changes nothing.
    again = sync(ana, hub_server.url, miami["ana"])
    assert again.pushed == 0 and len(feedback_answers(ana, vid)) == 1


def test_the_hub_refuses_feedback_that_means_nothing(
    hub_server: ServedHub, miami: dict[str, str], laptop: Laptop
) -> None:
    ana = laptop("ana")
    vid = _started(ana, "IM-1002")
    planned = plan_validation(ana, member="Beta", account="IM-1003", entity="importer").id
    sync(ana, hub_server.url, miami["ana"])
    bad = {
        "planned": _fields(planned),
        "quality": _fields(vid, technology_quality=9),
        "criterion": _fields(vid, not_verifiable='["4.99"]'),
        "member": _fields(vid, source="member", not_verifiable='["4.8"]'),
        "empty": _fields(vid, technology_quality=None),
        "source": _fields(vid, source="auditor"),
        "stamp": _fields(vid, recorded_at="yesterday"),
    }
    with HubClient(hub_server.url, miami["ana"]) as client:
        results = client.push(
            [Mutation(uuid.uuid4().hex, "feedback", str(uuid.uuid4()), 0, f) for f in bad.values()]
        )
        errors = dict(zip(bad, (r.get("error", "") for r in results), strict=True))
        assert [r["outcome"] for r in results] == ["rejected"] * len(bad), errors
        assert "once its work has started" in errors["planned"]
        assert "rated 1 to 5, not 9" in errors["quality"]
        assert "criterion 4.99 is not in the validation's catalog" in errors["criterion"]
        assert "the SCSS's judgement" in errors["member"]
        assert "the feedback is empty" in errors["empty"]
        assert "is not scss or member" in errors["source"]
        assert "not a UTC timestamp" in errors["stamp"]
        good = Mutation(uuid.uuid4().hex, "feedback", "f-1", 0, _fields(vid))
        assert client.push([good])[0]["outcome"] == "applied"
        changed = Mutation(uuid.uuid4().hex, "feedback", "f-1", 1, {"technology_quality": 1})
        assert "written once" in client.push([changed])[0]["error"]


def test_a_laptop_parks_a_pulled_answer_that_means_nothing(laptop: Laptop) -> None:
    """A record the hub should have refused never reaches the laptop's table."""
    ana = laptop("ana")
    vid = _started(ana, "IM-1004")
    local = LocalSync(ana.store)
    change = Change("feedback", "f-bad", 1, 1, False, _fields(vid, minutes_lost=5000), STAMP, "x")
    done = local.apply_page([change], 1, "ana")
    assert (done.applied, done.parked) == (0, 1)
    assert "time lost is 0 to 1440 minutes" in local.parked()[0]["problem"]
    assert feedback_answers(ana, vid) == []


def test_the_hub_s_dashboard_sums_up_feedback_as_the_laptop_does(
    hub_server: ServedHub, miami: dict[str, str], laptop: Laptop
) -> None:
    from ctpat_desktop.services.dashboard import dashboard

    ana = laptop("ana")
    first, second = _started(ana, "IM-2001"), _started(ana, "IM-2002")
    record_feedback(ana, first, technology_quality=2, not_verifiable=["9.4", "10.2"])
    record_feedback(ana, second, technology_quality=5, not_verifiable=["9.4"], minutes_lost=20)
    record_feedback(ana, second, source="member", technology_quality=3)
    sync(ana, hub_server.url, miami["ana"])
    with hub_server.client(miami["ana"]) as client:
        hub = client.get(f"{PREFIX}/stats").json()["feedback"]
    here = dashboard(ana)["feedback"]
    assert hub == here
    assert (hub["answers"], hub["not_verifiable"][0]["criterion"]) == (3, "9.4")
    with hub_server.client(hub_server.add_user("lu", "scss", "Laredo")) as client:
        laredo = client.get(f"{PREFIX}/stats").json()["feedback"]
    assert laredo["answers"] == 0  # another office's answers stay there
