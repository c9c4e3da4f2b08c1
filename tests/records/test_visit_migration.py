"""A data folder of the release before the visit records (schema 0012) opens, migrates and
keeps its validations: their participants stay the names they had, their sites are none,
and a signed one stays locked for the new records too."""

from pathlib import Path

import pytest

from ctpat_desktop.app import AppContext
from ctpat_desktop.errors import RuleError
from ctpat_desktop.records.kinds import PARTICIPANT, SITE
from ctpat_desktop.services import visit
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.settings import Settings
from ctpat_desktop.store import ReportRecord, database
from ctpat_desktop.store.driver import connect, sqlite
from ctpat_desktop.store.keys import load_key
from ctpat_desktop.worksheet import Lifecycle


def _as_release_0012(data: Path) -> None:
    """Take the folder back to what the previous release left (Alembic's downgrade to
    0012), with that release's lock triggers (findings and evidence only)."""
    import sqlalchemy as sa
    from alembic import command
    from alembic.config import Config

    key = load_key(data, None)
    config = Config()
    config.set_main_option("script_location", str(database.MIGRATIONS))
    engine = sa.create_engine(
        "sqlite://", module=sqlite, creator=lambda: connect(data / database.DB_FILE, key)
    )
    try:
        with engine.begin() as conn:
            for name in database.LOCK_TRIGGERS:
                conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
            config.attributes["connection"] = conn
            command.downgrade(config, "0012_followups")
            for statement in database.lock_trigger_sql():
                if " ON findings " in statement or " ON evidence " in statement:
                    conn.exec_driver_sql(statement)
    finally:
        engine.dispose()


def test_a_folder_of_the_previous_release_migrates(tmp_path: Path) -> None:
    data = tmp_path / "data"
    ctx = AppContext(data, Settings(user="tester"))
    made = [
        plan_validation(
            ctx,
            member="Acme",
            account=account,
            entity="importer",
            participants=("Ana Ruiz", "Beto Gómez"),
        ).id
        for account in ("US-1001", "US-1002")
    ]
    ValidationSession(ctx, made[0]).record_finding("1.1", status="met")
    ctx.store.set_status(made[1], Lifecycle.APPROVED, "Sam Supervisor")
    ctx.store.issue_report(
        made[1], ReportRecord(1, "ab" * 32, "T", "2026-06-01T10:00:00Z", "r.pdf", "en"), "t"
    )
    ctx.close()
    _as_release_0012(data)

    ctx = AppContext(data, Settings(user="tester"))
    try:
        [version] = ctx.store.read("SELECT version_num FROM alembic_version")
        assert version[0] == database.HEAD
        assert (data / f"{database.DB_FILE}.before-0012_followups.bak").exists()
        open_one, signed = made
        assert ctx.store.validation(open_one).participants == ("Ana Ruiz", "Beto Gómez")
        assert all(not v for v in ValidationSession(ctx, open_one).visit_records().values())
        assert ValidationSession(ctx, open_one).findings()["1.1"].finding.status.value == "met"
        with pytest.raises(RuleError, match="signed and locked"):
            visit.add(ctx, signed, SITE, {"name": "Plant", "type": "facility"})
        visit.add(ctx, open_one, PARTICIPANT, {"name": "Carla Díaz", "role": "IT manager"})
        names = [p.values["name"] for p in visit.records(ctx, open_one, PARTICIPANT)]
        assert names == ["Ana Ruiz", "Beto Gómez", "Carla Díaz"]
        assert ctx.store.verify_audit() is None
    finally:
        ctx.close()
