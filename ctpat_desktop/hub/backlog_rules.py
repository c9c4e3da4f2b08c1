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
    anomalies: Sequence[str]  # the anomaly flags of the last validation


def score(rules: BacklogRules, facts: MemberFacts, due: date | None, today: date) -> list[Any]:
    """The risk factors of a member as {factor, points, reason} (reason in words)."""
    p = rules.points
    entity = rules.entity_weight(facts.entity)
    found: list[dict[str, Any]] = [
        {
            "factor": "entity",
            "points": entity,
            "reason": f"{facts.entity_name}: this entity type weighs {entity} points",
        }
    ]
    if facts.last_date is None or due is None:
        found.append(
            {
                "factor": "time",
                "points": p.never_validated,
                "reason": "never validated: no validation of this member is on the hub",
            }
        )
    else:
        late = (today - due).days
        months = max(late, 0) // 30
        found.append(
            {
                "factor": "time",
                "points": min(months * p.per_overdue_month, p.overdue_max),
                "reason": (
                    f"last validated {facts.last_date.isoformat()} "
                    f"({_years(facts.last_date, today)} ago); revalidation was due "
                    f"{due.isoformat()}, {late} days ago"
                    if late > 0
                    else f"last validated {facts.last_date.isoformat()}; revalidation is due "
                    f"{due.isoformat()}, in {-late} days"
                ),
            }
        )
        found.append(
            {
                "factor": "deficiencies",
                "points": min(facts.deficiencies * p.per_deficiency, p.deficiencies_max),
                "reason": (
                    f"{facts.deficiencies} deficiencies at the last validation "
                    f"({facts.reviewed} criteria reviewed)"
                    if facts.deficiencies
                    else f"no deficiencies at the last validation ({facts.reviewed} criteria "
                    "reviewed)"
                ),
            }
        )
    if facts.open_actions:
        late_part = (
            f", {facts.overdue_actions} past their due date" if facts.overdue_actions else ""
        )
        found.append(
            {
                "factor": "open_actions",
                "points": min(len(facts.open_actions) * p.per_open_action, p.open_actions_max),
                "reason": (
                    f"{len(facts.open_actions)} required action(s) of the last signed report not "
                    f"closed ({', '.join(facts.open_actions)}{late_part})"
                ),
            }
        )
    if facts.anomalies:
        found.append(
            {
                "factor": "anomalies",
                "points": p.anomaly,
                "reason": "the last validation was flagged: " + "; ".join(facts.anomalies),
            }
        )
    return found


def _years(since: date, today: date) -> str:
    years = (today - since).days / 365.25
    return f"{years:.1f} years"


def virtual_verdict(rules: BacklogRules, facts: MemberFacts, risk: int) -> tuple[bool, list[str]]:
    """Whether the member's office would validate them virtually, and why not (in words)."""
    office = facts.office
    v = rules.virtual_for(office)
    whose = f"office {office}'s rules" if office in rules.offices else "the default rules"
    why: list[str] = []
    if risk > v.max_risk:
        why.append(f"risk {risk} is above the limit of {v.max_risk} for a virtual one ({whose})")
    if facts.open_actions and not v.open_required_actions:
        why.append("required actions are not closed; they are checked on site")
    if facts.anomalies and not v.anomalies:
        why.append("the last validation was flagged as unusual")
    if facts.last_date is None and not v.first_validation:
        why.append("a first validation is done in person")
    if facts.last_mode == "virtual" and not v.consecutive_virtual:
        why.append("the last validation was virtual; the next one is in person")
    if v.entities is not None and facts.entity not in v.entities:
        why.append(f"{facts.entity_name} are validated in person ({whose})")
    return not why, why
