"""Evidence in the store: an older data folder gains captions, duplicates stay single."""

from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from ctpat_desktop.app import AppContext
from ctpat_desktop.services.evidence import attach_bytes
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.settings import Settings
from ctpat_desktop.store import database
from ctpat_desktop.store.driver import connect, sqlite
from ctpat_desktop.store.keys import load_key
from tests.conftest import raw_connection

PNG = b"\x89PNG\r\n\x1a\n gate camera"


def _downgrade(data_dir: Path, revision: str) -> None:
    """Take a data folder's database back to an older schema, as an older release left it."""
    path, key = data_dir / database.DB_FILE, load_key(data_dir, None)
    config = Config()
    config.set_main_option("script_location", str(database.MIGRATIONS))
    engine = sa.create_engine("sqlite://", module=sqlite, creator=lambda: connect(path, key))
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            for name in database.LOCK_TRIGGERS:
                conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
            config.attributes["connection"] = conn
            command.downgrade(config, revision)
    finally:
        engine.dispose()


def _columns(data_dir: Path) -> list[str]:
    conn = raw_connection(data_dir)
    try:
        return [r[1] for r in conn.execute("PRAGMA table_info(evidence)")]
    finally:
        conn.close()


def test_a_data_folder_from_before_captions_opens_with_empty_captions(tmp_path: Path) -> None:
    data = tmp_path / "data"
    ctx = AppContext(data, Settings(user="tester"))
    validation = plan_validation(ctx, member="Acme", account="US-1001", entity="importer")
    first = ValidationSession(ctx, validation.id).attach_evidence_bytes(PNG, "gate.png", "1.1")
    ctx.close()
    _downgrade(data, "0009_finding_parts")
    assert "caption" not in _columns(data)

    again = AppContext(data, Settings(user="tester"))
    try:
        session = ValidationSession(again, validation.id)
        assert [(e.id, e.caption) for e in session.evidence()] == [(first.id, "")]
        assert "caption" in _columns(data)
        assert (data / f"{database.DB_FILE}.before-0009_finding_parts.bak").exists()
        # Still once per content, and the old item takes a caption.
        assert attach_bytes(again, session, PNG, "gate-2.png", "1.1").already_attached
        session_caption = again.store.set_evidence_caption(
            validation.id, first.id, "Gate camera", "tester"
        )
        assert session_caption.caption == "Gate camera"
        assert again.store.verify_audit() is None
    finally:
        again.close()


def test_evidence_ids_are_found_by_a_prefix(ctx: AppContext) -> None:
    validation = plan_validation(ctx, member="Acme", account="US-1001", entity="importer")
    record = ValidationSession(ctx, validation.id).attach_evidence_bytes(PNG, "gate.png", "1.1")
    assert ctx.store.evidence_owner(record.id[:8]) == (record.id, validation.id)
    assert ctx.store.evidence_owner(record.id.upper()) == (record.id, validation.id)


def test_evidence_removed_comes_back_unless_attached_again(ctx: AppContext) -> None:
    from ctpat_desktop.errors import RuleError

    validation = plan_validation(ctx, member="Acme", account="US-1234", entity="importer")
    session = ValidationSession(ctx, validation.id)
    first = session.attach_evidence_bytes(PNG, "gate.png", "1.1")
    session.remove_evidence(first.id)
    assert session.restore_evidence(first.id).id == first.id
    assert [e.id for e in session.evidence()] == [first.id]
    session.remove_evidence(first.id)
    again = session.attach_evidence_bytes(PNG, "gate (1).png", "1.1")  # the same picture
    try:
        session.restore_evidence(first.id)
    except RuleError as refused:
        assert "attached again as gate (1).png" in str(refused)
    else:
        raise AssertionError("restored a second copy of the same content")
    assert [e.id for e in session.evidence()] == [again.id]
