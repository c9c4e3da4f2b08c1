"""The dashboard's figures for one filter, as the dictionary `stats --json` prints."""

import json
from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from ctpat_desktop.analytics import figures, queries
from ctpat_desktop.analytics.anomalies import (
    COMPLETE,
    MIN_REVIEWED,
    PACE_MIN_EDITS,
    ValidationFacts,
    find_anomalies,
    outlying,
    rate_baselines,
    too_fast,
)
from ctpat_desktop.analytics.figures import Rows, StatsSource, deficiency_rows, finding_totals
from ctpat_desktop.analytics.groups import Group, fold, total
from ctpat_desktop.analytics.modes import mode_metrics
from ctpat_desktop.analytics.outcomes import outcome_figures
from ctpat_desktop.analytics.queries import StatsFilter
from ctpat_desktop.analytics.rounding import largest_remainder_percents
from ctpat_desktop.analytics.significance import Sample, welch_samples
from ctpat_desktop.catalog import Category, Reason, criterion_sort_key
from ctpat_desktop.store import Store

TOP = 10
MIN_REVIEWS_FOR_RATE = 5
MODES = ("virtual", "in-person", "hybrid")
BASELINE_MODE = "in-person"
_CHUNK = 500

__all__ = ["StatsFilter", "compute_figures", "compute_stats", "laptop_source"]


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


def laptop_source() -> StatsSource:
    """The laptop's tables as the figures read them (finding totals computed inline)."""
    from ctpat_desktop.store.tables import (
        findings,
        followups,
        members,
        reports,
        session_periods,
        validations,
        visit_tables,
    )

    totals = finding_totals(findings).subquery("t")
    summary = (
        sa.select(
            validations,
            members.c.name.label("member"),
            totals.c.reviewed,
            totals.c.deficient,
            totals.c.reviewed_categories,
            totals.c.reviewed_criteria,
        )
        .select_from(
            validations.join(members, members.c.id == validations.c.member_id).outerjoin(
                totals, totals.c.validation_id == validations.c.id
            )
        )
        .subquery("s")
    )
    return StatsSource(
        validations,
        summary,
        deficiency_rows(findings).subquery("d"),
        session_periods,
        reports,
        followups,
        visit_tables["outcome"],
        visit_tables["decision"],
    )


def sqlite_text(statement: sa.Select[Any]) -> tuple[str, dict[str, Any]]:
    """A statement as the laptop's driver takes it: SQL text and named parameters."""
    from sqlalchemy.dialects import sqlite

    compiled = statement.compile(
        dialect=sqlite.dialect(paramstyle="named"), compile_kwargs={"render_postcompile": True}
    )
    return str(compiled), compiled.params


def store_rows(store: Store) -> Rows:
    """Run a statement on the laptop's store (its driver takes SQL text)."""

    def rows(statement: sa.Select[Any]) -> list[Any]:
        return store.read(*sqlite_text(statement))

    return rows


def compute_stats(
    store: Store,
    categories: Sequence[Category],
    reasons: Sequence[Reason],
    filters: StatsFilter | None = None,
) -> dict[str, Any]:
    """Every figure of the dashboard for the laptop's validations the filters select."""
    filters = filters or StatsFilter()
    where, params = filters.where()
    pace = {
        r["vid"]: (r["edits"], r["seconds"])
        for r in store.read(queries.pace_sql(where), params | {"pace_min": PACE_MIN_EDITS})
    }
    return compute_figures(
        store_rows(store),
        laptop_source(),
        store.pinned_documents(),
        categories,
        reasons,
        filters,
        pace=pace,
    )


def compute_figures(
    rows: Rows,
    source: StatsSource,
    documents: dict[tuple[str, str], dict[str, Any]],
    categories: Sequence[Category],
    reasons: Sequence[Reason],
    filters: StatsFilter,
    *,
    pace: Mapping[str, tuple[int, float]] | None = None,
    by_office: bool = False,
) -> dict[str, Any]:
    """Every figure of the dashboard from a source (the laptop's or the hub's). The database
    does the counting: what comes back is a few rows per group, never one per validation."""
    catalogs = _Catalogs(documents)
    names = {c.number: c.name for c in categories}
    groups = [Group.of(row) for row in rows(figures.groups_query(source, filters))]

    criteria: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for reviewed_criteria, times in rows(figures.reviewed_sets_query(source, filters)):
        for cid in reviewed_criteria.split(","):
            criteria[cid][0] += int(times)

    by_category = [0] * 13
    mode_category: dict[str, list[int]] = defaultdict(lambda: [0] * 13)
    required = recommended = 0
    reason_counts: dict[str, int] = defaultdict(int)
    reason_by_category: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    # Few distinct reason lists and levels: each worked out once, not once per row.
    cited_lists: dict[str, list[str]] = {}
    levels: dict[tuple[str, str, str, str], bool] = {}
    for mode, entity, version, criterion, category, parts, cited, n in rows(
        figures.deficiencies_query(source, filters)
    ):
        criteria[criterion][1] += n
        by_category[category] += n
        mode_category[mode][category] += n
        must = levels.get((entity, version, criterion, parts))
        if must is None:
            must = levels[(entity, version, criterion, parts)] = catalogs.must(
                entity, version, criterion, parts
            )
        if must:
            required += n
        else:
            recommended += n
        codes = cited_lists.get(cited)
        if codes is None:
            codes = cited_lists[cited] = _cited(cited)
        for reason in codes:
            reason_counts[reason] += n
            reason_by_category[category][reason] += n

    overall, modes = total(groups), fold(groups, _mode)
    counts = by_category[1:]
    labels = {r.code: r.label for r in reasons}
    order = {r.code: i for i, r in enumerate(reasons)}
    result: dict[str, Any] = {
        "filters": filters.as_dict(),
        "generated_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "validations": overall.n,
        "findings_reviewed": overall.reviewed,
        "deficiencies": overall.deficient,
        "required_actions": required,
        "recommendations": recommended,
        "deficiencies_per_validation": _per(overall.deficient, overall.n),
        "share_without_deficiencies": overall.share_without,
        "trend": [
            {
                "quarter": quarter,
                "validations": g.n,
                "deficiencies": g.deficient,
                "per_validation": _per(g.deficient, g.n),
            }
            for quarter, g in fold(groups, _quarter).items()
        ],
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
        "by_mode": _by_mode(modes, mode_category),
        "mode_comparison": _compare_modes(modes),
        "anomalies": _anomalies(rows, source, filters, catalogs, names, pace or {}),
        "mode_metrics": mode_metrics(
            groups,
            rows(figures.session_query(source, filters)),
            rows(figures.session_category_query(source, filters)),
            rows(figures.closure_query(source, filters)),
            rows(figures.extension_query(source, filters)),
            names,
        ),
        "outcomes": outcome_figures(rows(figures.outcome_query(source, filters))),
    }
    if by_office:
        result["by_office"] = [
            {
                "office": office,
                "validations": g.n,
                "findings_reviewed": g.reviewed,
                "deficiencies": g.deficient,
                "per_validation": _per(g.deficient, g.n),
                "share_without_deficiencies": g.share_without,
            }
            for office, g in fold(groups, _office).items()
        ]
    return result


def _mode(g: Group) -> str:
    return g.mode


def _office(g: Group) -> str:
    return g.office


def _quarter(g: Group) -> str:
    return g.quarter


def anomaly_flags(
    rows: Rows,
    source: StatsSource,
    documents: dict[tuple[str, str], dict[str, Any]],
    categories: Sequence[Category],
    filters: StatsFilter,
) -> list[dict[str, object]]:
    """compute_figures' "anomalies" alone (no pace), for a reader that needs no other figure."""
    names = {c.number: c.name for c in categories}
    return _anomalies(rows, source, filters, _Catalogs(documents), names, {})


def _anomalies(
    rows: Rows,
    source: StatsSource,
    filters: StatsFilter,
    catalogs: _Catalogs,
    names: Mapping[int, str],
    pace: Mapping[str, tuple[int, float]],
) -> list[dict[str, object]]:
    """The flagged validations: the peers' spread summed by SQL, then only the validations
    that may stand out read one by one."""
    spread = [tuple(row) for row in rows(figures.rate_spread_query(source, filters, MIN_REVIEWED))]
    baselines = rate_baselines(spread)
    bits = {key: sum(1 << n for n in found) for key, found in catalogs.categories.items()}
    query = figures.candidates_query(source, filters, outlying(spread, baselines), bits, COMPLETE)
    facts = {row[0]: row for row in rows(query)}
    wanted = sorted(too_fast(pace) - facts.keys())
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        query = figures.facts_query(source, filters).where(source.summary.c.id.in_(chunk))
        facts.update((row[0], row) for row in rows(query))
    candidates = []
    version_of = {}
    for (
        vid,
        member,
        entity,
        version,
        _m,
        day,
        status,
        _o,
        reviewed,
        deficient,
        mask,
    ) in facts.values():
        candidates.append(
            ValidationFacts(
                vid,
                member,
                entity,
                catalogs.name.get(entity, entity),
                day,
                status,
                reviewed=int(reviewed),
                deficient=int(deficient),
                reviewed_categories=int(mask),
            )
        )
        version_of[vid] = (entity, version)
    return find_anomalies(
        candidates,
        baselines,
        {vid: catalogs.categories.get(key, []) for vid, key in version_of.items()},
        names,
        pace,
    )


def _cited(reasons: str) -> list[str]:
    """The reason codes a deficiency cites (a JSON list; anything else cites none)."""
    try:
        codes = json.loads(reasons)
    except ValueError:
        return []
    return [c for c in codes if isinstance(c, str)] if isinstance(codes, list) else []


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


def _by_mode(modes: dict[str, Group], mode_category: dict[str, list[int]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for mode in MODES:
        g = modes.get(mode)
        if g is None:
            continue
        result[mode] = {
            "validations": g.n,
            "deficiencies": g.deficient,
            "per_validation": _per(g.deficient, g.n),
            "by_category": {str(n): _per(mode_category[mode][n], g.n) for n in range(1, 13)},
        }
    return result


def _compare_modes(modes: dict[str, Group]) -> list[dict[str, Any]]:
    empty = Sample(0, 0, 0)
    baseline = modes[BASELINE_MODE].deficiencies if BASELINE_MODE in modes else empty
    rows = []
    for mode in MODES:
        if mode == BASELINE_MODE or mode not in modes:
            continue
        sample = modes[mode].deficiencies
        result = welch_samples(sample, baseline)
        row: dict[str, Any] = {"mode": mode, "baseline": BASELINE_MODE}
        if result is None:
            row |= {"difference": None, "ci_low": None, "ci_high": None, "p_value": None}
            row["verdict"] = (
                f"Not enough data to compare {mode} and {BASELINE_MODE} validations: each needs "
                f"at least two validations with some variation (now {sample.n} and "
                f"{baseline.n})."
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
