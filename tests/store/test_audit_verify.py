"""`audit verify`: every link of the chain, and anchors that show events cut off the end."""

from collections.abc import Callable
from pathlib import Path

from ctpat_desktop.app import AppContext
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.settings import Settings
from tests.conftest import CliResult, raw_connection
from tests.hubkit import ServedHub, hub_db_url, hub_server, pg_cluster
from tests.sync.conftest import sync

Cli = Callable[..., CliResult]
__all__ = ["hub_db_url", "hub_server", "pg_cluster"]  # fixtures


def _work(data_dir: Path) -> str:
    ctx = AppContext(data_dir, Settings(user="ana", office="Miami"))
    validation = plan_validation(ctx, member="Acme", account="US-1001", entity="importer")
    session = ValidationSession(ctx, validation.id)
    for criterion in ("1.1", "1.2", "1.3"):
        session.record_finding(criterion, status="met")
    ctx.close()
    return validation.id


def _execute(data_dir: Path, sql: str) -> None:
    conn = raw_connection(data_dir)
    conn.execute(sql)
    conn.close()


def test_an_intact_trail_passes(cli: Cli, data_dir: Path) -> None:
    _work(data_dir)
    result = cli("audit", "verify", "--json")
    assert result.code == 0 and result.json()["ok"] is True
    assert result.json()["events"] >= 5
    assert "intact" in cli("audit", "verify").out


def test_an_edited_event_is_found_with_its_number(cli: Cli, data_dir: Path) -> None:
    _work(data_dir)
    _execute(data_dir, "UPDATE audit_events SET actor = 'mallory' WHERE seq = 3")
    result = cli("audit", "verify")
    assert result.code == 1
    assert result.err.strip() == (
        "audit trail broken at event 3: content changed after it was recorded"
    )
    assert cli("audit", "verify", "--json").json()["first_break"]["seq"] == 3


def test_events_cut_off_the_end_are_found_by_the_anchors(
    hub_server: ServedHub, cli: Cli, data_dir: Path
) -> None:
    token = hub_server.add_user("ana", "scss", "Miami")
    _work(data_dir)
    ctx = AppContext(data_dir, Settings(user="ana"))
    first = sync(ctx, hub_server.url, token)
    assert first.audit == ""
    count, _head = ctx.store.audit_head()
    ctx.close()
    # The newest two events removed together: every remaining link is still valid …
    _execute(data_dir, f"DELETE FROM audit_events WHERE seq > {count - 2}")
    ctx = AppContext(data_dir, Settings(user="ana"))
    assert ctx.store.verify_audit() is None
    ctx.close()
    # … but the anchor left at the last sync says what was there.
    result = cli("audit", "verify")
    assert result.code == 1 and "events are missing" in result.err
    ctx = AppContext(data_dir, Settings(user="ana"))
    again = sync(ctx, hub_server.url, token)
    ctx.close()
    assert "lacks events the hub saw" in again.audit
    # And the hub does not take a shorter trail as the new anchor.
    with hub_server.client(token) as client:
        refused = client.post(
            "/v1/anchor", json={"install": _install(data_dir), "events": 1, "hash": "0" * 64}
        )
    assert refused.status_code == 409 and "removed or rewritten" in refused.json()["error"]


def _install(data_dir: Path) -> str:
    conn = raw_connection(data_dir)
    try:
        return str(conn.execute("SELECT value FROM sync_state WHERE key = 'install'").fetchone()[0])
    finally:
        conn.close()
