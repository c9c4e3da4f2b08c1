"""Evidence captions through a real hub: they travel, and laptops without them still sync."""

import hashlib
import json
import uuid

from ctpat_desktop.services.evidence import attach_bytes, set_caption
from ctpat_desktop.sync.client import HubClient
from ctpat_desktop.sync.local import LocalSync
from ctpat_desktop.sync.protocol import Mutation
from tests.hubkit import ServedHub
from tests.sync.conftest import Laptop, sync
from tests.sync.helpers import planned, session

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 30


def test_captions_and_their_changes_reach_a_colleague(
    hub_server: ServedHub, miami: dict[str, str], laptop: Laptop
) -> None:
    ana, ben = laptop("ana"), laptop("ben")
    validation_id = planned(ana)
    item = attach_bytes(ana, session(ana, validation_id), PNG, "seal.png", "1.2", "Seal log")
    sync(ana, hub_server.url, miami["ana"])
    sync(ben, hub_server.url, miami["ben"])
    (theirs,) = session(ben, validation_id).evidence()
    assert (theirs.id, theirs.caption) == (item.record.id, "Seal log")

    set_caption(ben, session(ben, validation_id), theirs.id, "Seal log, dock 3")
    pushed = sync(ben, hub_server.url, miami["ben"])
    assert pushed.pushed == 1 and pushed.rejected == []
    got = sync(ana, hub_server.url, miami["ana"])
    assert got.conflicts == 0
    assert [e.caption for e in session(ana, validation_id).evidence()] == ["Seal log, dock 3"]
    record = hub_server.hub.record("evidence", item.record.id)
    assert record is not None and record.fields["caption"] == "Seal log, dock 3"


def test_a_caption_the_hub_would_refuse_is_refused(
    hub_server: ServedHub, miami: dict[str, str], laptop: Laptop
) -> None:
    ana = laptop("ana")
    validation_id = planned(ana)
    attach_bytes(ana, session(ana, validation_id), PNG, "seal.png", "1.2")
    sync(ana, hub_server.url, miami["ana"])
    record_id = session(ana, validation_id).evidence()[0].id
    current = hub_server.hub.record("evidence", record_id)
    assert current is not None
    bad = Mutation(uuid.uuid4().hex, "evidence", record_id, current.rev, {"caption": "a\nb"})
    with HubClient(hub_server.url, miami["ana"]) as client:
        (result,) = client.push([bad])
    assert result["outcome"] == "rejected" and "one line" in result["error"]


def test_an_older_laptop_without_captions_still_syncs(
    hub_server: ServedHub, miami: dict[str, str], laptop: Laptop
) -> None:
    ana = laptop("ana")
    validation_id = planned(ana)
    sync(ana, hub_server.url, miami["ana"])
    sha = hashlib.sha256(PNG).hexdigest()
    # Ben's laptop runs an earlier release: its evidence has no caption field at all.
    older = Mutation(
        uuid.uuid4().hex,
        "evidence",
        str(uuid.uuid4()),
        0,
        {
            "validation_id": validation_id,
            "criterion": "1.2",
            "sha256": sha,
            "filename": "gate.png",
            "media_type": "image/png",
            "captured_at": "2026-11-02T15:00:00Z",
            "captured_by": "ben",
        },
    )
    with HubClient(hub_server.url, miami["ben"]) as client:
        client.put_blob(sha, PNG)
        (result,) = client.push([older])
    assert result["outcome"] == "applied", result

    got = sync(ana, hub_server.url, miami["ana"])
    assert got.pulled >= 1 and got.rejected == []
    (theirs,) = session(ana, validation_id).evidence()
    assert (theirs.id, theirs.caption) == (older.id, "")
    # The older laptop's record takes a caption from a newer one.
    set_caption(ana, session(ana, validation_id), theirs.id, "Gate camera")
    assert sync(ana, hub_server.url, miami["ana"]).rejected == []
    record = hub_server.hub.record("evidence", older.id)
    assert record is not None and record.fields["caption"] == "Gate camera"
    # And the older laptop can still change its record without naming the caption.
    rename = Mutation(uuid.uuid4().hex, "evidence", older.id, record.rev, {"filename": "g.png"})
    with HubClient(hub_server.url, miami["ben"]) as client:
        (renamed,) = client.push([rename])
    assert renamed["outcome"] == "applied", renamed
    stored = hub_server.hub.record("evidence", older.id)
    assert stored is not None and stored.fields["caption"] == "Gate camera"


def test_a_base_kept_before_captions_existed_merges_without_a_false_conflict(
    hub_server: ServedHub, miami: dict[str, str], laptop: Laptop
) -> None:
    ana, ben = laptop("ana"), laptop("ben")
    validation_id = planned(ana)
    item = attach_bytes(ana, session(ana, validation_id), PNG, "seal.png", "1.2")
    sync(ana, hub_server.url, miami["ana"])
    sync(ben, hub_server.url, miami["ben"])
    # Ana's laptop kept the hub's copy before its update added captions.
    with ana.store.transaction() as conn:
        row = conn.execute(
            "SELECT fields FROM sync_base WHERE kind = 'evidence' AND id = ?", (item.record.id,)
        ).fetchone()
        fields = json.loads(row["fields"])
        del fields["caption"]
        conn.execute(
            "UPDATE sync_base SET fields = ? WHERE kind = 'evidence' AND id = ?",
            (json.dumps(fields), item.record.id),
        )
    set_caption(ben, session(ben, validation_id), item.record.id, "Seal log")
    sync(ben, hub_server.url, miami["ben"])
    session(ana, validation_id).remove_evidence(item.record.id)  # pending here

    result = sync(ana, hub_server.url, miami["ana"])

    assert result.conflicts == 0 and LocalSync(ana.store).conflicts() == []
    assert result.rejected == []
    record = hub_server.hub.record("evidence", item.record.id)
    assert record is not None and record.deleted and record.fields["caption"] == "Seal log"


def test_evidence_removed_then_restored_comes_back_for_a_colleague(
    hub_server: ServedHub, miami: dict[str, str], laptop: Laptop
) -> None:
    ana, ben = laptop("ana"), laptop("ben")
    validation_id = planned(ana)
    item = attach_bytes(ana, session(ana, validation_id), PNG, "seal.png", "1.2")
    sync(ana, hub_server.url, miami["ana"])
    session(ana, validation_id).remove_evidence(item.record.id)
    sync(ana, hub_server.url, miami["ana"])
    sync(ben, hub_server.url, miami["ben"])
    assert session(ben, validation_id).evidence() == []
    session(ana, validation_id).restore_evidence(item.record.id)  # an undo
    pushed = sync(ana, hub_server.url, miami["ana"])
    assert pushed.rejected == []
    sync(ben, hub_server.url, miami["ben"])
    assert [e.id for e in session(ben, validation_id).evidence()] == [item.record.id]
