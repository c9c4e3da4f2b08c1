"""Feedback after a validation: the SCSS answers a short form (technology quality 1-5, the
criteria and anything else that could not be verified remotely, minutes lost to technical
problems, free text) and records the member's feedback; both go on the dashboard.

Each answer is checked (sync/feedback_rules.py, as the hub checks it), stored with its
audit event in one transaction and synced (kind "feedback"). A later answer of the same
person for the same validation and source replaces the earlier one in every summary. The
CLI (`feedback add|list`), the GUI's Feedback dialog and the tests call these functions.
"""

import uuid
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ctpat_desktop.store import feedback as stored
from ctpat_desktop.store import utc_now
from ctpat_desktop.sync.feedback_rules import Feedback, Source, check_feedback, check_target

if TYPE_CHECKING:
    from ctpat_desktop.analytics.queries import StatsFilter
    from ctpat_desktop.app import AppContext
    from ctpat_desktop.store import Store


def record_feedback(
    ctx: "AppContext",
    validation_id: str,
    *,
    source: str = Source.SCSS.value,
    technology_quality: int | None = None,
    not_verifiable: Iterable[str] = (),
    not_verifiable_note: str = "",
    minutes_lost: int | None = None,
    comments: str = "",
) -> Feedback:
    """Check and store one answer for a validation whose work has started."""
    from ctpat_desktop.errors import RuleError

    store = ctx.store
    validation = store.validation(store.resolve_id(validation_id))
    try:
        kind = Source(source)
    except ValueError:
        raise RuleError(f"feedback source {source!r}: use scss or member") from None
    answer = Feedback(
        id=str(uuid.uuid4()),
        validation_id=validation.id,
        source=kind,
        technology_quality=technology_quality,
        not_verifiable=tuple(c.strip() for c in not_verifiable if c.strip()),
        not_verifiable_note=_lines(not_verifiable_note),
        minutes_lost=minutes_lost,
        comments=_lines(comments),
        recorded_at=utc_now(),
        recorded_by=ctx.actor,
    )
    check_feedback(answer)
    catalog = store.pinned_catalog(validation.entity, validation.catalog_version)
    with store.transaction() as conn:
        status = conn.execute(
            "SELECT status FROM validations WHERE id = ? AND deleted = 0", (validation.id,)
        ).fetchone()
        check_target(answer, status[0] if status else None, [c.id for c in catalog.criteria])
        stored.append(conn, answer, ctx.actor)
    return answer


def _lines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def feedback_answers(ctx: "AppContext", validation_id: str) -> list[Feedback]:
    """Every answer recorded for a validation, oldest first."""
    store = ctx.store
    full_id = store.validation(store.resolve_id(validation_id)).id
    with store.transaction() as conn:
        return stored.answers(conn, full_id)


def answer_view(answer: Feedback) -> dict[str, Any]:
    """One answer as `feedback list --json` prints it."""
    fields = answer.fields()
    return {"id": answer.id} | fields | {"not_verifiable": list(answer.not_verifiable)}


def feedback_summary(store: "Store", filters: "StatsFilter") -> dict[str, Any]:
    """The dashboard's `feedback` figures over the validations the filters select."""
    import sqlalchemy as sa

    from ctpat_desktop.analytics.figures import conditions
    from ctpat_desktop.analytics.stats import store_rows
    from ctpat_desktop.store.tables import feedback, validations
    from ctpat_desktop.sync.feedback_rules import summarise

    query = (
        sa.select(feedback, validations.c.mode.label("validation_mode"))
        .select_from(feedback.join(validations, validations.c.id == feedback.c.validation_id))
        .where(*conditions(filters, validations))
    )
    rows = store_rows(store)(query)
    return summarise(
        ((stored.from_row(row), row["validation_mode"]) for row in rows),
        _titles(store.pinned_documents()),
    )


def _titles(documents: dict[tuple[str, str], dict[str, Any]]) -> dict[str, str]:
    """Criterion titles, the Importer catalog's wording first (as the dashboard names them)."""
    titles: dict[str, str] = {}
    for _name, document in sorted(documents.items(), key=lambda i: i[0][0] != "importer"):
        for criterion in document.get("criteria", []):
            titles.setdefault(criterion["id"], criterion["title"])
    return titles
