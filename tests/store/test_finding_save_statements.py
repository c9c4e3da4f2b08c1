"""A durable finding save is one short transaction of as few statements as it can be:
what the save benchmark (benchmarks/bench_finding_save.py) measures against a bare INSERT."""

from collections.abc import Callable
from datetime import date

from ctpat_desktop.app import AppContext
from ctpat_desktop.services.validations import ValidationSession, plan_validation


def _traced(ctx: AppContext, save: Callable[[], object]) -> list[str]:
    """The SQL statements the store's connection ran for one call (a trigger the statement
    fires is traced as that statement again: counted once)."""
    traced: list[str] = []
    connection = ctx.store._conn  # the store's one connection, traced for this check only
    connection.set_trace_callback(traced.append)
    try:
        save()
    finally:
        connection.set_trace_callback(None)
    return [sql for i, sql in enumerate(traced) if i == 0 or sql != traced[i - 1]]


def test_a_changed_finding_is_saved_in_five_statements(ctx: AppContext) -> None:
    validation = plan_validation(
        ctx, member="Bench Co", account="US-0001", entity="importer", on=date(2026, 1, 5)
    )
    session = ValidationSession(ctx, validation.id)
    session.record_finding("1.1", status="met")  # the first: the validation starts too

    traced = _traced(ctx, lambda: session.record_finding("1.1", status="not-applicable"))

    # Before, the audit event read the last hash in a statement of its own, and the UPDATE
    # wrote every field of the finding.
    assert [" ".join(sql.split()[:3]) for sql in traced] == [
        "BEGIN IMMEDIATE",
        "SELECT f.*, v.status",
        "UPDATE findings SET",
        "INSERT INTO audit_events",
        "COMMIT",
    ]
    assert "status = 'not-applicable'" in traced[2] and "note =" not in traced[2]
    assert ctx.store.verify_audit() is None
    record = session.findings()["1.1"]
    assert record.finding.status.value == "not-applicable" and record.rev == 2
    [event] = [e for e in ctx.store.audit_events(validation.id) if e["kind"] == "finding"][-1:]
    assert '"status": ["met", "not-applicable"]' in event["changes"]
