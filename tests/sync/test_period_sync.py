"""Session time through a real hub: a colleague sees it, other offices don't, and the hub
refuses a stretch that means nothing."""

import uuid
from datetime import UTC, datetime, timedelta

from ctpat_desktop.sync.client import HubClient
from ctpat_desktop.sync.protocol import Mutation
from tests.hubkit import ServedHub
from tests.sync.conftest import Laptop, sync
from tests.sync.helpers import planned, session

START = datetime(2026, 11, 2, 14, 0, tzinfo=UTC)


def test_session_time_reaches_a_colleague_with_its_end_moving_on(
    hub_server: ServedHub, miami: dict[str, str], laptop: Laptop
) -> None:
    ana, ben = laptop("ana"), laptop("ben")
    validation_id = planned(ana)
    mine = session(ana, validation_id)
    stretch = mine.start_period(1, now=START)
    mine.extend_period(stretch.id, now=START + timedelta(minutes=25))
    first = sync(ana, hub_server.url, miami["ana"])
    assert first.rejected == []
    sync(ben, hub_server.url, miami["ben"])
    assert session(ben, validation_id).session_times().by_category() == {1: 25 * 60}

    mine.extend_period(stretch.id, now=START + timedelta(minutes=40))  # it ran on
    mine.start_period(2, now=START + timedelta(minutes=40))
    again = sync(ana, hub_server.url, miami["ana"])
    assert again.pushed == 2 and again.rejected == []
    sync(ben, hub_server.url, miami["ben"])
    times = session(ben, validation_id).session_times()
    assert times.by_category() == {1: 40 * 60, 2: 0}
    assert [p.recorded_by for p in times.periods] == ["ana", "ana"]

    chicago = hub_server.add_user("cy", "scss", "Chicago")
    with HubClient(hub_server.url, chicago) as client:
        seen, _next, _more = client.changes(0, 500)
    assert not [c for c in seen if c.kind == "period"]


def test_a_stretch_that_means_nothing_is_refused(
    hub_server: ServedHub, miami: dict[str, str], laptop: Laptop
) -> None:
    ana = laptop("ana")
    validation_id = planned(ana)
    sync(ana, hub_server.url, miami["ana"])
    fields = {
        "validation_id": validation_id,
        "category": 1,
        "started_at": "2026-11-02T14:00:00Z",
        "recorded_by": "ana",
    }
    backwards = fields | {"ended_at": "2026-11-02T13:00:00Z"}
    overnight = fields | {"ended_at": "2026-11-03T09:00:00Z"}
    garbled = fields | {"ended_at": "yesterday"}
    with HubClient(hub_server.url, miami["ana"]) as client:
        results = client.push(
            [
                Mutation(uuid.uuid4().hex, "period", str(uuid.uuid4()), 0, bad)
                for bad in (backwards, overnight, garbled)
            ]
        )
    assert [r["outcome"] for r in results] == ["rejected"] * 3
    assert "before it starts" in results[0]["error"]
    assert "14 hours" in results[1]["error"]
    assert "timestamps" in results[2]["error"]
