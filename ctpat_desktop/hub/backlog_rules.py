"""The backlog's rules: the revalidation cycle, how risk is scored (each point explained in
words) and when an office validates a member virtually. Plain Python, no SQL.

The rules are the hub's settings file ``backlog.json`` in its data folder (or a file given
with ``ctpat-hub backlog --rules``); every key is optional and falls back to the defaults
here. DOMAIN.md: revalidation at least every 4 years; the weights are the program's to
set, these are a starting point. Example::

    {"cycle_years": 4, "horizon_days": 92,
     "entity_points": {"mexican-long-haul-carrier": 20},
     "points": {"per_deficiency": 2, "per_open_action": 5},
     "virtual": {"default": {"max_risk": 40},
                 "offices": {"Laredo": {"max_risk": 30, "entities": ["importer"]}}}}
"""

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date
from pathlib import Path
from typing import Any

from ctpat_desktop.errors import CtpatError
from ctpat_desktop.said import ENGLISH, Speaker, said
from ctpat_desktop.said import term as term  # noqa: PLC0414 (hub/backlog.py takes it)

RULES_FILE = "backlog.json"
# Entity types whose goods cross a land border on their own conveyances, or are made abroad,
# weigh more; the rest weigh ENTITY_DEFAULT.
ENTITY_POINTS = {
    "mexican-long-haul-carrier": 20,
    "highway-carrier": 15,
    "foreign-manufacturer": 15,
    "consolidator": 10,
    "third-party-logistics": 10,
    "rail-carrier": 8,
    "sea-carrier": 8,
    "air-carrier": 8,
}
ENTITY_DEFAULT = 5


@dataclass(frozen=True, slots=True)
class Points:
    """How many points each fact adds to a member's risk, and the most it may add."""

    per_overdue_month: int = 1
    overdue_max: int = 30
    never_validated: int = 30
    per_deficiency: int = 2
    deficiencies_max: int = 20
    per_open_action: int = 5
    open_actions_max: int = 20
    anomaly: int = 10


@dataclass(frozen=True, slots=True)
class VirtualRules:
    """When an office validates a member virtually."""

    max_risk: int = 40
    open_required_actions: bool = False  # allowed with required actions not closed?
    anomalies: bool = False  # allowed when the last validation was flagged?
    consecutive_virtual: bool = False  # allowed when the last one was virtual too?
    first_validation: bool = False  # allowed for a member never validated?
    entities: tuple[str, ...] | None = None  # entity types allowed (None: every type)


@dataclass(frozen=True, slots=True)
class BacklogRules:
    """Every rule of the backlog, with where they were read from."""

    cycle_years: int = 4
    horizon_days: int = 92  # the planning window after today: about a quarter
    entity_points: Mapping[str, int] = field(default_factory=lambda: dict(ENTITY_POINTS))
    points: Points = Points()
    virtual: VirtualRules = VirtualRules()
    offices: Mapping[str, VirtualRules] = field(default_factory=dict)
    source: str | None = None

    def virtual_for(self, office: str) -> VirtualRules:
        """The office's virtual-validation rules (the default where it has none)."""
        return self.offices.get(office, self.virtual)

    def entity_weight(self, entity: str) -> int:
        """The points an entity type adds."""
        return self.entity_points.get(entity, ENTITY_DEFAULT)


def _whole(raw: Mapping[str, Any], name: str, default: int, where: str) -> int:
    value = raw.get(name, default)
    if type(value) is not int or not 0 <= value <= 100_000:
        raise CtpatError(f"{where}: {name} must be a whole number from 0, not {value!r}")
    return value


def _object(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise CtpatError(f"{where} must be a JSON object")
    return value


def _known(raw: Mapping[str, Any], allowed: Sequence[str], where: str) -> None:
    unknown = sorted(set(raw) - set(allowed))
    if unknown:
        raise CtpatError(f"{where}: unknown key {unknown[0]!r}; known: {', '.join(allowed)}")


def _virtual(raw: Any, base: VirtualRules, where: str) -> VirtualRules:
    raw = _object(raw, where)
    names = [f.name for f in fields(VirtualRules)]
    _known(raw, names, where)
    values: dict[str, Any] = {}
    for name in names:
        if name not in raw:
            continue
        value = raw[name]
        if name == "max_risk":
            values[name] = _whole(raw, name, base.max_risk, where)
        elif name == "entities":
            if value is not None and not (
                isinstance(value, list) and all(isinstance(v, str) for v in value)
            ):
                raise CtpatError(f"{where}: entities must be a list of entity types or null")
            values[name] = None if value is None else tuple(value)
        elif type(value) is not bool:
            raise CtpatError(f"{where}: {name} must be true or false")
        else:
            values[name] = value
    return replace(base, **values)


def parse_rules(raw: Any, source: str) -> BacklogRules:
    """The rules of a settings document (CtpatError naming the first wrong value)."""
    raw = _object(raw, source)
    _known(raw, ("cycle_years", "horizon_days", "entity_points", "points", "virtual"), source)
    rules = BacklogRules(source=source)
    cycle = _whole(raw, "cycle_years", rules.cycle_years, source)
    horizon = _whole(raw, "horizon_days", rules.horizon_days, source)
    if cycle < 1:
        raise CtpatError(f"{source}: cycle_years must be at least 1")
    entity_raw = _object(raw.get("entity_points", {}), f"{source}: entity_points")
    entity_points = dict(ENTITY_POINTS)
    for entity in entity_raw:
        entity_points[entity] = _whole(entity_raw, entity, 0, f"{source}: entity_points")
    points_raw = _object(raw.get("points", {}), f"{source}: points")
    names = [f.name for f in fields(Points)]
    _known(points_raw, names, f"{source}: points")
    points = Points(
        **{n: _whole(points_raw, n, getattr(rules.points, n), f"{source}: points") for n in names}
    )
    virtual_raw = _object(raw.get("virtual", {}), f"{source}: virtual")
    _known(virtual_raw, ("default", "offices"), f"{source}: virtual")
    default = _virtual(virtual_raw.get("default", {}), VirtualRules(), f"{source}: virtual")
    offices = {
        office: _virtual(value, default, f"{source}: virtual office {office}")
        for office, value in _object(virtual_raw.get("offices", {}), source).items()
    }
    return replace(
        rules,
        cycle_years=cycle,
        horizon_days=horizon,
        entity_points=entity_points,
        points=points,
        virtual=default,
        offices=offices,
    )


def load_rules(path: Path | None, folder: Path | None = None) -> BacklogRules:
    """The rules of a file given (it must exist), else of the hub's data folder's
    backlog.json when there is one, else the defaults."""
    if path is None and folder is not None and (folder / RULES_FILE).is_file():
        path = folder / RULES_FILE
    if path is None:
        return BacklogRules()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CtpatError(f"{path}: no such rules file") from None
    except (OSError, ValueError, RecursionError) as exc:
        raise CtpatError(f"{path}: the backlog rules are not readable JSON ({exc})") from None
    return parse_rules(raw, str(path))


def add_years(day: date, years: int) -> date:
    """The same day so many years on (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


@dataclass(frozen=True, slots=True)
class MemberFacts:
    """What the backlog knows of one member when it scores them."""

    entity: str
    entity_name: str
    office: str
    last_date: date | None  # the last validation's date (None: never validated)
    last_mode: str | None
    deficiencies: int
    reviewed: int
    open_actions: Sequence[str]  # required actions of the last signed report not closed
    overdue_actions: int  # of which past their due date
    # The anomaly flags of the last validation, each as the figures give it (its English
    # `reason`, template and values: analytics/anomalies.py), so each can be said in turn.
    anomalies: Sequence[Mapping[str, Any]]


def anomaly_flags(member: Mapping[str, Any], speaker: Speaker = ENGLISH) -> list[str]:
    """A backlog member's anomaly flags as the speaker says them (in English where the hub
    sent them without their templates)."""
    for factor in member["risk"]["factors"]:
        if factor["factor"] == "anomalies" and isinstance(factor.get("flags"), list):
            return [speaker.said(flag) for flag in factor["flags"]]
    return [str(flag) for flag in member["anomalies"]]


def why_not_virtual(member: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """A backlog member's reasons not to validate virtually, each as said() made it (only
    its English `reason` from a hub older than the templates)."""
    virtual = member["virtual"]
    return list(virtual.get("why_not") or ({"reason": r} for r in virtual["reasons"]))


def score(rules: BacklogRules, facts: MemberFacts, due: date | None, today: date) -> list[Any]:
    """The risk factors of a member as {factor, points, reason, message, values}: the reason
    in English words, and its template with the values for a window's language."""
    p = rules.points
    entity = rules.entity_weight(facts.entity)
    found: list[dict[str, Any]] = [
        {
            "factor": term("entity"),
            "points": entity,
            **said(
                "{entity_name}: this entity type weighs {points} points",
                entity_name=facts.entity_name,
                points=entity,
            ),
        }
    ]
    if facts.last_date is None or due is None:
        found.append(
            {
                "factor": term("time"),
                "points": p.never_validated,
                **said("never validated: no validation of this member is on the hub"),
            }
        )
    else:
        months = max((today - due).days, 0) // 30
        found.append(
            {
                "factor": term("time"),
                "points": min(months * p.per_overdue_month, p.overdue_max),
                **_time_reason(facts.last_date, due, today),
            }
        )
        found.append(
            {
                "factor": term("deficiencies"),
                "points": min(facts.deficiencies * p.per_deficiency, p.deficiencies_max),
                **(
                    said(
                        "{deficiencies} deficiencies at the last validation ({reviewed} criteria "
                        "reviewed)",
                        deficiencies=facts.deficiencies,
                        reviewed=facts.reviewed,
                    )
                    if facts.deficiencies
                    else said(
                        "no deficiencies at the last validation ({reviewed} criteria reviewed)",
                        reviewed=facts.reviewed,
                    )
                ),
            }
        )
    if facts.open_actions:
        found.append(
            {
                "factor": term("open_actions"),
                "points": min(len(facts.open_actions) * p.per_open_action, p.open_actions_max),
                **_open_actions_reason(facts),
            }
        )
    if facts.anomalies:
        found.append(
            {
                "factor": term("anomalies"),
                "points": p.anomaly,
                **said(
                    "the last validation was flagged: {flags}",
                    flags="; ".join(str(flag["reason"]) for flag in facts.anomalies),
                ),
                "flags": [dict(flag) for flag in facts.anomalies],  # each said in turn
            }
        )
    return found


def _time_reason(last: date, due: date, today: date) -> dict[str, Any]:
    late = (today - due).days
    if late > 0:
        return said(
            "last validated {last} ({years} years ago); revalidation was due {due}, "
            "{days} days ago",
            last=last.isoformat(),
            years=f"{(today - last).days / 365.25:.1f}",
            due=due.isoformat(),
            days=late,
        )
    return said(
        "last validated {last}; revalidation is due {due}, in {days} days",
        last=last.isoformat(),
        due=due.isoformat(),
        days=-late,
    )


def _open_actions_reason(facts: MemberFacts) -> dict[str, Any]:
    count, criteria = len(facts.open_actions), ", ".join(facts.open_actions)
    if facts.overdue_actions:
        return said(
            "{count} required action(s) of the last signed report not closed ({criteria}, "
            "{overdue} past their due date)",
            count=count,
            criteria=criteria,
            overdue=facts.overdue_actions,
        )
    return said(
        "{count} required action(s) of the last signed report not closed ({criteria})",
        count=count,
        criteria=criteria,
    )


def virtual_verdict(
    rules: BacklogRules, facts: MemberFacts, risk: int
) -> tuple[bool, list[dict[str, Any]]]:
    """Whether the member's office would validate them virtually, and why not: each reason
    as {rule, reason, message, values}, the rule being the VirtualRules field it comes from."""
    office = facts.office
    v = rules.virtual_for(office)
    own = office in rules.offices
    why: list[dict[str, Any]] = []
    if risk > v.max_risk:
        limit = {"risk": risk, "limit": v.max_risk}
        why.append(
            {
                "rule": "max_risk",
                **(
                    said(
                        "risk {risk} is above the limit of {limit} for a virtual one "
                        "(office {office}'s rules)",
                        office=office,
                        **limit,
                    )
                    if own
                    else said(
                        "risk {risk} is above the limit of {limit} for a virtual one "
                        "(the default rules)",
                        **limit,
                    )
                ),
            }
        )
    if facts.open_actions and not v.open_required_actions:
        why.append(
            {
                "rule": "open_required_actions",
                **said("required actions are not closed; they are checked on site"),
            }
        )
    if facts.anomalies and not v.anomalies:
        why.append({"rule": "anomalies", **said("the last validation was flagged as unusual")})
    if facts.last_date is None and not v.first_validation:
        why.append({"rule": "first_validation", **said("a first validation is done in person")})
    if facts.last_mode == "virtual" and not v.consecutive_virtual:
        why.append(
            {
                "rule": "consecutive_virtual",
                **said("the last validation was virtual; the next one is in person"),
            }
        )
    if v.entities is not None and facts.entity not in v.entities:
        why.append(
            {
                "rule": "entities",
                **(
                    said(
                        "{entity_name} are validated in person (office {office}'s rules)",
                        entity_name=facts.entity_name,
                        office=office,
                    )
                    if own
                    else said(
                        "{entity_name} are validated in person (the default rules)",
                        entity_name=facts.entity_name,
                    )
                ),
            }
        )
    return not why, why
