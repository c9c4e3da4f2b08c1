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


def test_a_laptop_of_an_earlier_release_is_never_sent_a_kind_it_does_not_know(
    hub_server: ServedHub, miami: dict[str, str], laptop: Laptop
) -> None:
    """Before, the hub sent session time (a kind added later) to every laptop: one of an
    earlier release, which cannot read it, stopped syncing at that page for good."""
    import httpx

    ana, ben = laptop("ana"), laptop("ben")
    validation_id = planned(ana)
    mine = session(ana, validation_id)
    stretch = mine.start_period(1, now=START)
    mine.extend_period(stretch.id, now=START + timedelta(minutes=25))
    assert sync(ana, hub_server.url, miami["ana"]).rejected == []

    # An earlier release asks without saying which kinds it knows.
    headers = {"Authorization": f"Bearer {miami['ben']}"}
    old = httpx.get(f"{hub_server.url}/v1/changes", params={"since": 0}, headers=headers).json()
    kinds = {change["kind"] for change in old["changes"]}
    assert "period" not in kinds and {"validation", "catalog"} <= kinds
    # This release says, and gets the session time.
    with HubClient(hub_server.url, miami["ben"]) as client:
        seen, _next, _more = client.changes(0, 500)
    assert [c.kind for c in seen].count("period") == 1

    # A laptop that synced with an earlier release (which never said) reads the feed again
    # from the start once it is upgraded, so what was held back from it arrives.
    sync(ben, hub_server.url, miami["ben"])
    assert session(ben, validation_id).session_times().by_category() == {1: 25 * 60}
    with ben.store.transaction() as conn:  # as an earlier release left it: never sent them
        conn.execute("DELETE FROM session_periods")
        conn.execute("DELETE FROM sync_base WHERE kind = 'period'")
        conn.execute("DELETE FROM sync_state WHERE key = 'kinds'")
    assert session(ben, validation_id).session_times().periods == ()
    sync(ben, hub_server.url, miami["ben"])
    assert session(ben, validation_id).session_times().by_category() == {1: 25 * 60}
