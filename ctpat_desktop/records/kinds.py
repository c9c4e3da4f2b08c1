"""The records around the checklist, each declared once: sites, document requests,
participants, interviews, the tour log, the team, the outcome and its decision."""

from collections.abc import Mapping
from typing import Any

from ctpat_desktop.errors import RuleError
from ctpat_desktop.records.declare import Declaration, Field, Type

SITE_TYPES = ("facility", "warehouse", "office", "terminal", "other")
ORGANISATIONS = ("member", "cbp")
TEAM_ROLES = ("scss", "co-scss", "observer")
# What the SCSS proposes; a tier is an importer's (Tier 2 validated, Tier 3 exceeds).
RESULTS = (
    "continued-certification",
    "tier-2",
    "tier-3",
    "suspension-proposal",
    "removal-proposal",
)
TIERS = ("tier-2", "tier-3")
DECISIONS = ("agreed", "changed")


def _received_after_request(values: Mapping[str, Any]) -> None:
    requested, received = values.get("requested_on"), values.get("received_on")
    if requested and received and received < requested:
        raise RuleError(f"a document received on {received} was requested later ({requested})")


def _decision_names_a_result(values: Mapping[str, Any]) -> None:
    if values.get("decision") == "changed" and not values.get("result"):
        raise RuleError("a changed outcome needs the result decided")


SITE = Declaration(
    name="site",
    table="visit_sites",
    label="site",
    key="sites",
    command="site",
    summary="sites of the validation (facilities, warehouses, offices …)",
    fields=(
        Field("name", Type.TEXT, "name", required=True),
        Field("type", Type.TEXT, "type", required=True, choices=SITE_TYPES, max_length=16),
        Field("address", Type.TEXT, "address", max_length=500),
        Field(
            "country", Type.TEXT, "country (ISO code, e.g. MX)", pattern="[A-Z]{2}", max_length=2
        ),
    ),
)

DOCUMENT_REQUEST = Declaration(
    name="document_request",
    table="visit_document_requests",
    label="document request",
    key="document_requests",
    command="docreq",
    summary="documents asked of the member, and when they came",
    fields=(
        Field("what", Type.TEXT, "document asked for", required=True, max_length=500),
        Field("requested_on", Type.DATE, "requested on", nullable=True),
        Field("received_on", Type.DATE, "received on", nullable=True),
        Field("evidence_id", Type.REF, "evidence received", nullable=True, refers_to="evidence"),
    ),
    rules=(_received_after_request,),
)

PARTICIPANT = Declaration(
    name="participant",
    table="visit_participants",
    label="participant",
    key="participants",
    command="participant",
    summary="people who took part, with their role and organisation",
    fields=(
        Field("name", Type.TEXT, "name", required=True),
        Field("role", Type.TEXT, "role (e.g. security manager)"),
        Field(
            "organisation",
            Type.TEXT,
            "organisation",
            required=True,
            choices=ORGANISATIONS,
            max_length=16,
            default="member",
        ),
        Field("days", Type.DATES, "day present"),
    ),
)

INTERVIEW = Declaration(
    name="interview",
    table="visit_interviews",
    label="interview",
    key="interviews",
    command="interview",
    summary="interviews held, with whom and on what",
    fields=(
        Field("topic", Type.TEXT, "topic", required=True),
        Field(
            "participant_id",
            Type.REF,
            "who (a participant)",
            required=True,
            nullable=True,
            refers_to="participant",
        ),
        Field("held_at", Type.MOMENT, "when", nullable=True),
        Field("notes", Type.TEXT, "notes", max_length=4000, multiline=True),
    ),
)

TOUR_STOP = Declaration(
    name="tour_stop",
    table="visit_tour_stops",
    label="tour stop",
    key="tour_log",
    command="tour",
    summary="the tour log: areas shown, when, where, with what evidence",
    fields=(
        Field("area", Type.TEXT, "area shown", required=True),
        Field("at", Type.MOMENT, "time", nullable=True),
        Field("site_id", Type.REF, "site", nullable=True, refers_to="site"),
        Field("evidence_id", Type.REF, "evidence", nullable=True, refers_to="evidence"),
        Field("note", Type.TEXT, "note", max_length=2000, multiline=True),
    ),
)

TEAM_MEMBER = Declaration(
    name="team_member",
    table="visit_team",
    label="team member",
    key="team",
    command="team",
    summary="the CBP team: the SCSS, co-SCSSs and observers",
    fields=(
        Field("name", Type.TEXT, "name", required=True, max_length=120),
        Field("role", Type.TEXT, "role", required=True, choices=TEAM_ROLES, max_length=16),
    ),
)

FINDING_SITE = Declaration(
    name="finding_site",
    table="visit_finding_sites",
    label="finding site",
    key="finding_sites",
    command="finding-site",
    summary="the site a criterion's finding was made at",
    fields=(
        Field(
            "criterion",
            Type.TEXT,
            "criterion",
            required=True,
            pattern=r"(1[0-2]|[1-9])\.[1-9][0-9]?",
            max_length=8,
        ),
        Field("site_id", Type.REF, "site", required=True, nullable=True, refers_to="site"),
    ),
    unique_by=("criterion",),
)

OUTCOME = Declaration(
    name="outcome",
    table="visit_outcomes",
    label="outcome",
    key="outcome",
    command="outcome",
    summary="the result the SCSS proposes (part of the signed report)",
    fields=(
        Field(
            "result", Type.TEXT, "proposed result", required=True, choices=RESULTS, max_length=32
        ),
        Field("reason", Type.TEXT, "reason", max_length=4000, multiline=True),
    ),
    single=True,
)

DECISION = Declaration(
    name="decision",
    table="visit_decisions",
    label="decision",
    key="decision",
    command="decision",
    summary="the supervisor's decision on the proposed outcome (also after signing)",
    fields=(
        Field("decision", Type.TEXT, "decision", required=True, choices=DECISIONS, max_length=16),
        Field("result", Type.TEXT, "result decided", choices=RESULTS, max_length=32),
        Field("decided_on", Type.DATE, "decided on", required=True, nullable=True),
        Field("note", Type.TEXT, "note", max_length=4000, multiline=True),
    ),
    single=True,
    locked_by_signing=False,
    rules=(_decision_names_a_result,),
)

# In dependency order (a push sends them so, referenced kinds first).
VISIT_KINDS: tuple[Declaration, ...] = (
    SITE,
    PARTICIPANT,
    TEAM_MEMBER,
    DOCUMENT_REQUEST,
    INTERVIEW,
    TOUR_STOP,
    FINDING_SITE,
    OUTCOME,
    DECISION,
)
BY_NAME: dict[str, Declaration] = {kind.name: kind for kind in VISIT_KINDS}
LOCKED_BY_SIGNING: tuple[str, ...] = tuple(k.name for k in VISIT_KINDS if k.locked_by_signing)
