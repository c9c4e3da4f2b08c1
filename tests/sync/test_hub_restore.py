"""A hub restored from an older copy of its database: laptops notice, send again what it
lost, and the hub and every laptop end up agreeing with nothing lost."""

import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from ctpat_desktop.app import AppContext
from ctpat_desktop.settings import Settings
from ctpat_desktop.sync.client import HubError
from tests.hubkit import serve_hub
from tests.sync.conftest import sync
from tests.sync.helpers import findings_of, planned, session

NAMES = ("ana", "ben", "cid")


def _admin(url: str) -> tuple[Any, str]:
    """A connection to a PostgreSQL cluster's maintenance database, and the hub's name."""
    import psycopg

    parsed = sa.make_url(url)
    conn = psycopg.connect(
        host=parsed.host, port=parsed.port, user=parsed.username, dbname="postgres"
    )
    conn.autocommit = True
    return conn, str(parsed.database)


def _backup(url: str, copy: Path) -> None:
    """A consistent copy of the (stopped) hub's database, as last night's backup."""
    if url.startswith("sqlite"):
        source, target = sqlite3.connect(sa.make_url(url).database or ""), sqlite3.connect(copy)
        try:
            source.backup(target)
        finally:
            source.close()
            target.close()
        return
    conn, name = _admin(url)
    with conn:
        conn.execute(f'CREATE DATABASE "{name}_backup" TEMPLATE "{name}"')


def _restore(url: str, copy: Path) -> None:
    """Put last night's copy back in place of the hub's database."""
    if url.startswith("sqlite"):
        database = Path(sa.make_url(url).database or "")
        for stale in database.parent.glob(database.name + "*"):
            stale.unlink()
        shutil.copy(copy, database)
        return
    conn, name = _admin(url)
    with conn:
        conn.execute(f'DROP DATABASE "{name}"')
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{name}_backup"')


def test_three_laptops_heal_a_hub_restored_from_an_older_copy(
    hub_db_url: str, tmp_path: Path
) -> None:
    folder, backup, url = tmp_path / "hub-data", tmp_path / "backup.db", hub_db_url
    laptops = {n: AppContext(tmp_path / n, Settings(user=n, office="Miami")) for n in NAMES}
    ana, ben, cid = (laptops[n] for n in NAMES)
    try:
        with serve_hub(url, folder) as served:
            tokens = {n: served.add_user(n, "scss", "Miami") for n in NAMES}
            validation = planned(ana)
            session(ana, validation).record_finding("1.1", status="met", note="first look")
            for name in NAMES:
                sync(laptops[name], served.url, tokens[name])
            old_epoch = served.hub.epoch
        _backup(url, backup)  # last night's backup
        with serve_hub(url, folder) as served:
            # A day's work after the backup, all of it reaching the hub.
            session(ana, validation).record_finding("1.1", note="policy seen on screen")
            sync(ana, served.url, tokens["ana"])
            session(ben, validation).record_finding(
                "1.2", status="not-met", reasons=["no-written-procedure"], action="Write it"
            )
            sync(ben, served.url, tokens["ben"])
            session(cid, validation).record_finding("1.3", status="exceeds", note="Drills")
            sync(cid, served.url, tokens["cid"])
            expected = findings_of(cid, validation)
            assert set(expected) == {"1.1", "1.2", "1.3"}

        _restore(url, backup)  # the disk failed; the operator restores last night's copy
        with serve_hub(url, folder) as restored:
            assert restored.hub.epoch != old_epoch  # the hub noticed it went back
            assert restored.hub.record("finding", _finding(validation, "1.2")) is None
            session(ben, validation).record_finding("1.4", status="met")  # work goes on
            expected["1.4"] = session(ben, validation).findings()["1.4"].finding
            reports = [sync(laptops[n], restored.url, tokens[n]) for n in ("ben", "ana", "cid")]
            assert all(r.rebased for r in reports)
            for _round in range(2):
                for name in NAMES:
                    report = sync(laptops[name], restored.url, tokens[name])
                    assert report.rejected == [] and not report.rebased
            for name in NAMES:
                assert findings_of(laptops[name], validation) == expected, name
                again = sync(laptops[name], restored.url, tokens[name])
                assert (again.pending, again.conflicts) == (0, 0)
            on_hub = {
                criterion: restored.hub.record("finding", _finding(validation, criterion))
                for criterion in expected
            }
            assert all(record is not None for record in on_hub.values())
            assert on_hub["1.1"] is not None
            assert on_hub["1.1"].fields["note"] == "policy seen on screen"
    finally:
        for ctx in laptops.values():
            ctx.close()


def _finding(validation: str, criterion: str) -> str:
    from ctpat_desktop.store.repository import finding_id

    return finding_id(validation, criterion)


def test_another_hub_at_the_same_address_is_refused(tmp_path: Path) -> None:
    ctx = AppContext(tmp_path / "ana", Settings(user="ana", office="Miami"))
    try:
        with serve_hub(f"sqlite:///{tmp_path / 'one' / 'hub.db'}", tmp_path / "one") as one:
            sync(ctx, one.url, one.add_user("ana", "scss", "Miami"))
        with serve_hub(f"sqlite:///{tmp_path / 'two' / 'hub.db'}", tmp_path / "two") as two:
            token = two.add_user("ana", "scss", "Miami")
            with pytest.raises(HubError, match="another hub than the one this data folder"):
                sync(ctx, two.url, token)
    finally:
        ctx.close()
