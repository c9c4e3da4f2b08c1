"""`ctpat-desktop evidence add|list|caption`: once per content, captions, the JSON contract."""

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import CliResult, dump_database

Cli = Callable[..., CliResult]


@pytest.fixture
def planned(cli: Cli) -> str:
    result = cli(
        "validation",
        "new",
        "--member",
        "Great Lakes Home Goods",
        "--account",
        "US-22871",
        "--entity",
        "importer",
        "--date",
        "2026-05-18",
        "--json",
    )
    assert result.code == 0, result.err
    return str(result.json()["id"])


@pytest.fixture
def shot(tmp_path: Path) -> Path:
    path = tmp_path / "seal-log.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n seal log of dock 3")
    return path


def test_adding_the_same_file_twice_keeps_one_and_says_where(
    cli: Cli, planned: str, shot: Path, tmp_path: Path
) -> None:
    first = cli("evidence", "add", planned, "4.8", str(shot), "--json")
    assert first.code == 0, first.err
    assert first.json()["already_attached"] is False
    copy = tmp_path / "again.png"
    copy.write_bytes(shot.read_bytes())

    again = cli("evidence", "add", planned, "4.8", str(copy), "--json")
    assert again.code == 0, again.err
    assert again.json()["already_attached"] is True
    assert again.json()["id"] == first.json()["id"]
    assert again.json()["filename"] == "seal-log.png"

    human = cli("evidence", "add", planned, "4.8", str(copy))
    assert human.code == 0
    assert human.out.startswith("Already attached to 4.8 as seal-log.png")
    assert "nothing was added" in human.out

    listed = cli("evidence", "list", planned, "--json").json()
    assert [e["id"] for e in listed] == [first.json()["id"]]
    elsewhere = cli("evidence", "add", planned, "4.9", str(copy), "--json")
    assert elsewhere.json()["already_attached"] is False


def test_captions_on_add_and_changed_later(
    cli: Cli, planned: str, shot: Path, data_dir: Path
) -> None:
    added = cli("evidence", "add", planned, "4.8", str(shot), "--caption", "Seal log", "--json")
    assert added.code == 0, added.err
    assert added.json()["caption"] == "Seal log"
    evidence_id = added.json()["id"]

    changed = cli("evidence", "caption", evidence_id[:8], "Seal log, dock 3", "--json")
    assert changed.code == 0, changed.err
    assert changed.json()["caption"] == "Seal log, dock 3"
    assert cli("validation", "show", planned, "--json").json()["evidence"][0]["caption"] == (
        "Seal log, dock 3"
    )
    listed = cli("evidence", "list", planned)
    assert "Seal log, dock 3" in listed.out and evidence_id[:8] in listed.out

    again = cli("evidence", "add", planned, "4.8", str(shot), "--caption", "Other")
    assert "caption was not changed" in again.out
    assert cli("evidence", "list", planned, "--json").json()[0]["caption"] == "Seal log, dock 3"

    cleared = cli("evidence", "caption", evidence_id, "")
    assert cleared.code == 0 and "(none)" in cleared.out


def test_bad_caption_commands_are_one_line_and_change_nothing(
    cli: Cli, planned: str, shot: Path, data_dir: Path
) -> None:
    evidence_id = cli("evidence", "add", planned, "4.8", str(shot), "--json").json()["id"]
    before = dump_database(data_dir)
    for args, message in (
        (("evidence", "caption", evidence_id, "x" * 201), "at most 200 characters"),
        (("evidence", "caption", evidence_id, "two\nlines"), "one line"),
        (("evidence", "caption", "ffffffff", "Seal"), "no evidence with ID"),
        (("evidence", "caption", "zz", "Seal"), "not an evidence ID"),
        (("evidence", "add", planned, "4.8", str(shot), "--caption", "a\x07b"), "one line"),
    ):
        result = cli(*args)
        assert result.code == 1, args
        assert result.err.count("\n") == 1 and message in result.err, result.err
    assert dump_database(data_dir) == before


def test_a_signed_validation_refuses_evidence_commands(
    cli: Cli, planned: str, shot: Path, data_dir: Path, tmp_path: Path
) -> None:
    from ctpat_desktop.app import AppContext
    from ctpat_desktop.settings import Settings
    from ctpat_desktop.worksheet import Lifecycle

    evidence_id = cli("evidence", "add", planned, "4.8", str(shot), "--json").json()["id"]
    ctx = AppContext(data_dir, Settings(user="tester"))
    ctx.store.set_status(planned, Lifecycle.SIGNED, "supervisor")
    ctx.close()
    other = tmp_path / "other.png"
    other.write_bytes(b"another")
    before = dump_database(data_dir)
    for args in (
        ("evidence", "add", planned, "4.9", str(other)),
        ("evidence", "caption", evidence_id, "Seal"),
    ):
        result = cli(*args)
        assert result.code == 1 and "signed and locked" in result.err, result.err
    assert dump_database(data_dir) == before
