"""The sample validations' records around the checklist: their sites, the documents asked
for, who took part (over one or two days), the tour log, interviews, the team, the outcome
proposed and, once approved, the supervisor's decision."""

import random
from datetime import date, timedelta

from ctpat_desktop.app import AppContext
from ctpat_desktop.records.kinds import (
    DECISION,
    DOCUMENT_REQUEST,
    INTERVIEW,
    OUTCOME,
    PARTICIPANT,
    SITE,
    TEAM_MEMBER,
    TOUR_STOP,
)
from ctpat_desktop.records.values import check
from ctpat_desktop.services import visit
from ctpat_desktop.store import utc_now
from ctpat_desktop.store import visit as stored
from ctpat_desktop.worksheet import Lifecycle

_SITES = {
    "importer": (("Distribution center", "warehouse"), ("Head office", "office")),
    "highway-carrier": (("Truck yard", "terminal"), ("Dispatch office", "office")),
    "sea-carrier": (("Container terminal", "terminal"),),
    "foreign-manufacturer": (("Plant", "facility"), ("Finished-goods warehouse", "warehouse")),
}
_DOCUMENTS = (
    "Security risk assessment (latest)",
    "Seal log, last three months",
    "Business partner screening records",
    "Visitor and badge log, last month",
)
_PEOPLE = (
    ("Security manager", "María Elena Treviño", "Robert Hayes"),
    ("IT manager", "Jorge Salinas", "Emily Chen"),
    ("Shipping supervisor", "Luis Alberto Cantú", "Marcus Bell"),
)
_TOUR = ("Main gate and guard house", "Loading dock", "Container and seal storage", "CCTV room")
_TOPICS = ("Seal procedures and VVTT", "Cybersecurity and passwords", "Badge issue and return")
_CO_SCSS = {"Laura Méndez": "Daniel Okafor", "Priya Raman": "Grace Whitfield"}


def add_sample_visit(
    ctx: AppContext,
    validation_id: str,
    *,
    member: str,
    account: str,
    entity: str,
    on: date,
    scss: str,
    status: Lifecycle,
) -> None:
    """Give a sample validation its records (before it is moved to its status)."""
    rng = random.Random(f"visit:{account}")
    country = account[:2] if account[:2] in ("MX", "US", "CA") else ""
    sites = [
        visit.add(
            ctx,
            validation_id,
            SITE,
            {"name": f"{member}: {name}", "type": kind, "country": country},
        )
        for name, kind in _SITES.get(entity, (("Main site", "facility"),))
    ]
    visit.add(ctx, validation_id, TEAM_MEMBER, {"name": scss, "role": "scss"})
    if scss in _CO_SCSS:
        visit.add(ctx, validation_id, TEAM_MEMBER, {"name": _CO_SCSS[scss], "role": "co-scss"})
    started = status is not Lifecycle.PLANNED
    for what in _DOCUMENTS[: rng.randint(2, 4)]:
        received = (on - timedelta(days=rng.randint(3, 9))).isoformat() if started else None
        request = {"what": what, "requested_on": (on - timedelta(days=21)).isoformat()}
        visit.add(ctx, validation_id, DOCUMENT_REQUEST, request | {"received_on": received})
    # A longer session is split over two days; not everyone joins both.
    days = [on.isoformat(), (on + timedelta(days=1)).isoformat()] if rng.random() < 0.5 else []
    people = []
    for role, spanish, english in _PEOPLE:
        days_present = days[: rng.randint(1, 2)] if days else [on.isoformat()]
        values = {"name": spanish if country == "MX" else english, "role": role}
        people.append(visit.add(ctx, validation_id, PARTICIPANT, values | {"days": days_present}))
    if not started:
        return
    for index, area in enumerate(_TOUR[: rng.randint(2, 4)]):
        at = f"{on.isoformat()}T{10 + index:02d}:{rng.choice((0, 15, 30, 45)):02d}"
        stop = {"area": area, "at": at, "site_id": sites[0].id}
        visit.add(ctx, validation_id, TOUR_STOP, stop)
    for index, topic in enumerate(_TOPICS[: rng.randint(1, 3)]):
        at = f"{on.isoformat()}T{14 + index:02d}:00"
        talk = {"topic": topic, "participant_id": people[index].id, "held_at": at}
        visit.add(ctx, validation_id, INTERVIEW, talk)
    if status in (Lifecycle.IN_REVIEW, Lifecycle.APPROVED, Lifecycle.SIGNED):
        result = "tier-2" if entity == "importer" else "continued-certification"
        reason = "Required actions are few and have a plan; no finding calls for more."
        visit.put(ctx, validation_id, OUTCOME, {"result": result, "reason": reason})
        if status is not Lifecycle.IN_REVIEW:
            _decided(ctx, validation_id, result, on + timedelta(days=30))


def _decided(ctx: AppContext, validation_id: str, result: str, on: date) -> None:
    """The supervisor's decision, as sample data: written as it would arrive from the hub
    (the demo's approvals are, too), not through the supervisor's own check."""
    values = check(
        DECISION,
        {"decision": "agreed", "result": result, "decided_on": on.isoformat()},
        whole=True,
    )
    record_id = visit.single_id(DECISION, validation_id)
    with ctx.store.transaction() as conn:
        stored.insert(
            conn, DECISION, validation_id, record_id, values, actor=ctx.actor, now=utc_now()
        )
