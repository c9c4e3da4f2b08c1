"""The feedback figures of the hub's dashboard: the laptop's summary (sync/feedback_rules.py)
over the answers of the validations the filters select, as the hub holds them (JSON)."""

import json
from typing import Any

import sqlalchemy as sa

from ctpat_desktop.analytics.figures import conditions
from ctpat_desktop.analytics.queries import StatsFilter
from ctpat_desktop.errors import RuleError
from ctpat_desktop.hub.tables import hub_records, hub_stat_validations
from ctpat_desktop.sync.feedback_rules import Feedback, feedback_from_fields, summarise


def hub_feedback(conn: sa.Connection, filters: StatsFilter) -> dict[str, Any]:
    """The `feedback` figures over the (already scoped) filters."""
    from ctpat_desktop.catalog import CatalogLibrary
    from ctpat_desktop.paths import resources_dir

    r, v = hub_records, hub_stat_validations
    query = (
        sa.select(r.c.id, r.c.fields, v.c.mode)
        .select_from(r.join(v, v.c.id == r.c.validation_id))
        .where(r.c.kind == "feedback", r.c.deleted == sa.false(), *conditions(filters, v))
    )
    pairs: list[tuple[Feedback, str]] = []
    for row in conn.execute(query):
        try:
            pairs.append((feedback_from_fields(row.id, json.loads(row.fields)), row.mode))
        except RuleError:
            continue  # the hub refuses such answers; one held from before counts as none
    catalog = CatalogLibrary(resources_dir()).catalog("importer")
    return summarise(pairs, {c.id: c.title for c in catalog.criteria})
