"""Checking the audit trail: every link of the hash chain, and that none was cut off.

The chain shows an edited or deleted event, but not the newest events removed together.
For that, each sync leaves an anchor at the hub (how many events, the last one's hash),
which this laptop cannot change afterwards; a copy is kept here too, which catches an
older database put back by mistake. `audit verify` checks the chain against both.
"""

from typing import Any

from ctpat_desktop.app import AppContext

ANCHOR = "audit_anchor"  # sync_state key: the last anchor left at the hub, as JSON


def verify(ctx: AppContext, hub_anchor: dict[str, Any] | None = None) -> dict[str, Any]:
    """The verdict: ok, events, first break, and the anchors checked."""
    import json

    from ctpat_desktop.sync.local import LocalSync

    store = ctx.store
    count, head = store.audit_head()
    broken = store.verify_audit()
    result: dict[str, Any] = {
        "ok": broken is None,
        "events": count,
        "last_hash": head,
        "first_break": None if broken is None else {"seq": broken.seq, "problem": broken.problem},
        "anchors": [],
    }
    kept = LocalSync(store).state(ANCHOR)
    anchors = [("this laptop's last sync", json.loads(kept))] if kept else []
    if hub_anchor:
        anchors.append(("the hub", hub_anchor))
    for where, anchor in anchors:
        seen = store.audit_hash_at(int(anchor["events"])) if anchor["events"] else ""
        expected = anchor["hash"] if anchor["events"] else ""
        intact = seen == expected
        result["anchors"].append({"where": where, **anchor, "ok": intact})
        if not intact:
            result["ok"] = False
            if result["first_break"] is None:
                result["first_break"] = {
                    "seq": min(count + 1, int(anchor["events"])),
                    "problem": (
                        f"events are missing: {where} saw {anchor['events']} events up to "
                        f"{str(anchor['hash'])[:12]}…, this laptop has {count}"
                    ),
                }
    return result


def describe(result: dict[str, Any]) -> str:
    """The verdict in one or two lines."""
    if result["ok"]:
        checked = ", ".join(a["where"] for a in result["anchors"])
        return f"audit trail intact: {result['events']} events, each chained to the one before" + (
            f"; none missing since {checked}" if checked else ""
        )
    first = result["first_break"]
    return f"audit trail broken at event {first['seq']}: {first['problem']}"
