"""The dashboard's figures for one filter, as the dictionary `stats --json` prints."""

import json
from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from ctpat_desktop.analytics import queries
from ctpat_desktop.analytics.anomalies import PACE_MIN_EDITS, ValidationFacts, find_anomalies
from ctpat_desktop.analytics.queries import StatsFilter
from ctpat_desktop.analytics.rounding import largest_remainder_percents
from ctpat_desktop.analytics.significance import welch
from ctpat_desktop.catalog import Category, Reason, criterion_sort_key
from ctpat_desktop.store import Store

TOP = 10
MIN_REVIEWS_FOR_RATE = 5
MODES = ("virtual", "in-person", "hybrid")
BASELINE_MODE = "in-person"

__all__ = ["StatsFilter", "compute_stats"]


def _quarter(day: str) -> str:
    return f"{day[:4]}-Q{(int(day[5:7]) - 1) // 3 + 1}"


def _per(count: int, of: int) -> float:
    return round(count / of, 2) if of else 0.0


class _Catalogs:
    """Levels, titles, names and categories from the catalogs the validations pinned."""

    def __init__(self, documents: dict[tuple[str, str], dict[str, Any]]) -> None:
        self.level: dict[tuple[str, str, str], str] = {}
        self.part_levels: dict[tuple[str, str, str], dict[str, str]] = {}
        self.title: dict[str, str] = {}
        self.name: dict[str, str] = {}
        self.categories: dict[tuple[str, str], list[int]] = {}
        # Titles from the Importer catalog first: it is the reference wording.
        for (entity, version), doc in sorted(
            documents.items(), key=lambda i: i[0][0] != "importer"
        ):
            self.name.setdefault(entity, doc.get("name", entity))
            self.categories[(entity, version)] = sorted({c["category"] for c in doc["criteria"]})
            for c in doc["criteria"]:
                self.level[(entity, version, c["id"])] = c["level"]
                if c.get("parts"):
                    parts = {p["key"]: p["level"] for p in c["parts"]}
                    self.part_levels[(entity, version, c["id"])] = parts
                self.title.setdefault(c["id"], c["title"])

    def must(self, entity: str, version: str, criterion: str, unmet_parts: str) -> bool:
        """Whether a not-met with these parts (JSON list; empty: the whole) is a Must."""
        key = (entity, version, criterion)
        parts = self.part_levels.get(key)
        if not parts:
            return self.level.get(key) == "must"
        named = json.loads(unmet_parts) if unmet_parts != "[]" else list(parts)
        return any(parts.get(p) == "must" for p in named)


def compute_stats(
    store: Store,
    categories: Sequence[Category],
    reasons: Sequence[Reason],
    filters: StatsFilter | None = None,
) -> dict[str, Any]:
    """Every figure of the dashboard for the validations the filters select."""
    filters = filters or StatsFilter()
    where, params = filters.where()
    catalogs = _Catalogs(store.pinned_documents())
    names = {c.number: c.name for c in categories}

    facts: dict[str, ValidationFacts] = {}
    mode_of: dict[str, str] = {}
    version_of: dict[str, tuple[str, str]] = {}
    for r in store.read(queries.validations_sql(where), params):
        facts[r["id"]] = ValidationFacts(
            r["id"],
            r["member"],
            r["entity"],
            catalogs.name.get(r["entity"], r["entity"]),
            r["date"],
            r["status"],
        )
        mode_of[r["id"]], version_of[r["id"]] = r["mode"], (r["entity"], r["catalog_version"])

    by_category = [0] * 13
    mode_category: dict[str, list[int]] = defaultdict(lambda: [0] * 13)
    for r in store.read(queries.by_validation_category_sql(where), params):
        f = facts[r["vid"]]
        f.reviewed += r["reviewed"]
        f.deficient += r["deficient"]
        f.reviewed_by_category[r["category"]] = r["reviewed"]
        by_category[r["category"]] += r["deficient"]
        mode_category[mode_of[r["vid"]]][r["category"]] += r["deficient"]

    criteria: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    required = recommended = 0
    for r in store.read(queries.by_criterion_sql(where), params):
        counts = criteria[r["criterion"]]
        counts[0] += r["reviewed"]
        counts[1] += r["deficient"]
        if catalogs.must(r["entity"], r["version"], r["criterion"], r["unmet_parts"]):
            required += r["deficient"]
        else:
            recommended += r["deficient"]

    reason_counts: dict[str, int] = defaultdict(int)
    reason_by_category: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for r in store.read(queries.reasons_sql(where), params):
        reason_counts[r["reason"]] += r["n"]
        reason_by_category[r["category"]][r["reason"]] += r["n"]

    pace = {
        r["vid"]: (r["edits"], r["seconds"])
        for r in store.read(queries.pace_sql(where), params | {"pace_min": PACE_MIN_EDITS})
    }

    validations = len(facts)
    deficiencies = sum(f.deficient for f in facts.values())
    counts = by_category[1:]
    labels = {r.code: r.label for r in reasons}
    order = {r.code: i for i, r in enumerate(reasons)}
    return {
        "filters": filters.as_dict(),
        "generated_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "validations": validations,
        "findings_reviewed": sum(f.reviewed for f in facts.values()),
        "deficiencies": deficiencies,
        "required_actions": required,
        "recommendations": recommended,
        "deficiencies_per_validation": _per(deficiencies, validations),
        "share_without_deficiencies": round(
            100 * sum(f.deficient == 0 for f in facts.values()) / validations, 2
        )
        if validations
        else 0.0,
        "trend": _trend(facts),
        "by_category": [
            {"category": n, "name": names[n], "count": c, "percent": p}
            for n, c, p in zip(
                range(1, 13), counts, largest_remainder_percents(counts), strict=True
            )
        ],
        "top_criteria": _top(criteria, catalogs, by_rate=False),
        "top_rates": _top(criteria, catalogs, by_rate=True),
        "by_reason": _reason_rows(reason_counts, labels, order),
        "reasons_by_category": [
            {
                "category": n,
                "name": names[n],
                "reasons": _reason_rows(reason_by_category[n], labels, order),
            }
            for n in sorted(reason_by_category)
        ],
        "by_mode": _by_mode(facts, mode_of, mode_category),
        "mode_comparison": _compare_modes(facts, mode_of),
        "anomalies": find_anomalies(
            list(facts.values()),
            {vid: catalogs.categories.get(version_of[vid], []) for vid in facts},
            names,
            pace,
        ),
    }


def _trend(facts: dict[str, ValidationFacts]) -> list[dict[str, Any]]:
    quarters: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for f in facts.values():
        entry = quarters[_quarter(f.date)]
        entry[0] += 1
        entry[1] += f.deficient
    return [
        {"quarter": q, "validations": v, "deficiencies": d, "per_validation": _per(d, v)}
        for q, (v, d) in sorted(quarters.items())
    ]


def _top(
    criteria: dict[str, list[int]], catalogs: _Catalogs, by_rate: bool
) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = [
        {
            "criterion": cid,
            "title": catalogs.title.get(cid, ""),
            "count": deficient,
            "reviewed": reviewed,
            "rate": round(deficient / reviewed, 4) if reviewed else 0.0,
        }
        for cid, (reviewed, deficient) in criteria.items()
        if deficient and (not by_rate or reviewed >= MIN_REVIEWS_FOR_RATE)
    ]
    if by_rate:
        rows.sort(key=lambda r: (-r["rate"], -r["count"], criterion_sort_key(r["criterion"])))
    else:
        rows.sort(key=lambda r: (-r["count"], -r["rate"], criterion_sort_key(r["criterion"])))
    return rows[:TOP]


def _reason_rows(
    counts: dict[str, int], labels: dict[str, str], order: dict[str, int]
) -> list[dict[str, Any]]:
    ranked = sorted(counts.items(), key=lambda i: (-i[1], order.get(i[0], len(order)), i[0]))
    percents = largest_remainder_percents([n for _, n in ranked])
    return [
        {"reason": code, "label": labels.get(code, code), "count": n, "percent": p}
        for (code, n), p in zip(ranked, percents, strict=True)
    ]


def _by_mode(
    facts: dict[str, ValidationFacts], mode_of: dict[str, str], mode_category: dict[str, list[int]]
) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for mode in MODES:
        members = [f for f in facts.values() if mode_of[f.id] == mode]
        if not members:
            continue
        deficient = sum(f.deficient for f in members)
        result[mode] = {
            "validations": len(members),
            "deficiencies": deficient,
            "per_validation": _per(deficient, len(members)),
            "by_category": {
                str(n): _per(mode_category[mode][n], len(members)) for n in range(1, 13)
            },
        }
    return result


def _compare_modes(
    facts: dict[str, ValidationFacts], mode_of: dict[str, str]
) -> list[dict[str, Any]]:
    counts: dict[str, list[float]] = defaultdict(list)
    for f in facts.values():
        counts[mode_of[f.id]].append(f.deficient)
    baseline = counts.get(BASELINE_MODE, [])
    rows = []
    for mode in MODES:
        if mode == BASELINE_MODE or mode not in counts:
            continue
        result = welch(counts[mode], baseline)
        row: dict[str, Any] = {"mode": mode, "baseline": BASELINE_MODE}
        if result is None:
            row |= {"difference": None, "ci_low": None, "ci_high": None, "p_value": None}
            row["verdict"] = (
                f"Not enough data to compare {mode} and {BASELINE_MODE} validations: each needs "
                f"at least two validations with some variation (now {len(counts[mode])} and "
                f"{len(baseline)})."
            )
        else:
            row |= {
                "difference": round(result.difference, 2),
                "ci_low": round(result.ci_low, 2),
                "ci_high": round(result.ci_high, 2),
                "p_value": round(result.p_value, 4),
            }
            row["verdict"] = _verdict(
                mode, result.difference, result.ci_low, result.ci_high, result.p_value
            )
        rows.append(row)
    return rows


def _verdict(mode: str, difference: float, low: float, high: float, p: float) -> str:
    more = "more" if difference > 0 else "fewer"
    numbers = (
        f"{mode.capitalize()} validations found {abs(difference):.2f} {more} deficiencies per "
        f"validation than {BASELINE_MODE} ones (95% confidence interval {low:+.2f} to "
        f"{high:+.2f}; p = {p:.3f})."
    )
    if p < 0.05:
        return (
            f"{numbers} A difference this large is unlikely to be chance: compare how the two "
            "kinds of validation are conducted before relying on either alone."
        )
    return (
        f"{numbers} The data do not show a real difference between {mode} and "
        f"{BASELINE_MODE} validations."
    )
