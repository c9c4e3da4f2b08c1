"""The command line as scripts use it: the contract's names, JSON keys and exit codes."""

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from ctpat_desktop.app import AppContext
from ctpat_desktop.cli import main
from ctpat_desktop.store.database import DB_FILE
from tests.conftest import CliResult, dump_database

Cli = Callable[..., CliResult]


def _dump(data_dir: Path) -> str:
    return dump_database(data_dir)


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
        "--scss",
        "Daniel Okafor",
        "--json",
    )
    assert result.code == 0, result.err
    return str(result.json()["id"])


def test_catalog_commands(cli: Cli) -> None:
    listed = cli("catalog", "list", "--json").json()["entities"]
    assert len(listed) == 12
    importer = next(e for e in listed if e["entity"] == "importer")
    assert importer["criteria"] == importer["must"] + importer["should"] == 93
    shown = cli("catalog", "show", "importer", "--json").json()
    assert [c["number"] for c in shown["categories"]] == list(range(1, 13))
    assert shown["categories"][0]["criteria"][0]["id"] == "1.1"
    reasons = cli("catalog", "reasons", "--json").json()["reasons"]
    assert {"code", "label", "description"} <= set(reasons[0])
    text = cli("catalog", "show", "importer")
    assert "4.8" in text.out and text.code == 0


def test_new_list_show_and_finding_set(cli: Cli, planned: str) -> None:
    listed = cli("validation", "list", "--json").json()["validations"]
    assert [v["id"] for v in listed] == [planned]
    assert listed[0]["member"] == "Great Lakes Home Goods" and listed[0]["reviewed"] == 0

    result = cli(
        "finding",
        "set",
        planned[:8],
        "4.8",
        "--status",
        "not-met",
        "--reason",
        "training-gap",
        "--reason",
        "no-evidence",
        "--note",
        "MFA missing for VPN",
        "--action",
        "Enforce MFA",
        "--json",
    )
    assert result.code == 0, result.err
    saved = result.json()
    assert saved["outcome"] == "required-action" and saved["due"] == "2026-08-16"

    shown = cli("validation", "show", planned, "--json").json()
    finding = next(f for f in shown["findings"] if f["criterion"] == "4.8")
    assert finding["reasons"] == ["training-gap", "no-evidence"]
    assert finding["note"] == "MFA missing for VPN" and finding["level"] == "must"
    cyber = next(p for p in shown["progress"] if p["category"] == 4)
    assert (cyber["reviewed"], cyber["deficiencies"]) == (1, 1)
    assert len(shown["findings"]) == 93

    human = cli(
        "finding", "set", planned, "4.4", "--status", "not-met", "--reason", "technology-gap"
    )
    assert human.out.strip() == "Saved 4.4: not-met (recommendation)"


def test_export_import_round_trip_through_the_cli(cli: Cli, planned: str, tmp_path: Path) -> None:
    cli("finding", "set", planned, "1.1", "--status", "met")
    shot = tmp_path / "policy.pdf"
    shot.write_bytes(b"%PDF-1.4 policy")
    added = cli("evidence", "add", planned, "1.1", str(shot), "--json")
    assert added.code == 0 and added.json()["filename"] == "policy.pdf"
    out = tmp_path / "v.json"
    assert cli("validation", "export", planned, str(out)).code == 0
    fresh = tmp_path / "fresh"
    code = subprocess.run(
        [
            sys.executable,
            "-m",
            "ctpat_desktop",
            "validation",
            "import",
            str(out),
            "--data-dir",
            str(fresh),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert code.returncode == 0, code.stderr
    shown = subprocess.run(
        [
            sys.executable,
            "-m",
            "ctpat_desktop",
            "--data-dir",
            str(fresh),
            "validation",
            "show",
            planned,
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    original = cli("validation", "show", planned, "--json").json()
    assert json.loads(shown.stdout) == original


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("validation", "new", "--member", "X Co", "--account", "US-9", "--entity", "importers"),
            "unknown entity type 'importers'",
        ),
        (
            (
                "validation",
                "new",
                "--member",
                "X Co",
                "--account",
                "US-99",
                "--entity",
                "importer",
                "--date",
                "2026-13-40",
            ),
            "--date '2026-13-40' is not a valid date",
        ),
        (
            (
                "validation",
                "new",
                "--member",
                "X Co",
                "--account",
                "US-99",
                "--entity",
                "importer",
                "--mode",
                "zoom",
            ),
            "'zoom' is not a valid validation mode",
        ),
        (("finding", "set", "{id}", "5.7", "--status", "met"), "criterion '5.7' is not in"),
        (
            ("finding", "set", "{id}", "4.8", "--status", "passed"),
            "'passed' is not a valid finding status",
        ),
        (("finding", "set", "{id}", "4.8", "--status", "not-met"), "needs at least one reason"),
        (
            ("finding", "set", "{id}", "4.8", "--status", "not-met", "--reason", "x"),
            "unknown reason 'x'",
        ),
        (
            (
                "finding",
                "set",
                "{id}",
                "4.8",
                "--status",
                "not-met",
                "--reason",
                "other",
                "--due",
                "31/12/2026",
            ),
            "--due '31/12/2026' is not a valid date",
        ),
        (
            ("finding", "set", "abcdef12", "4.8", "--status", "met"),
            "no validation with ID 'abcdef12'",
        ),
        (("evidence", "add", "{id}", "4.8", "/nonexistent/shot.png"), "file not found"),
        (("validation", "import", "{bad_json}"), "does not match the exchange schema"),
    ],
)
def test_bad_input_is_one_line_non_zero_and_changes_nothing(
    cli: Cli, planned: str, data_dir: Path, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    bad_json = tmp_path / "bad.json"
    bad_json.write_text(json.dumps({"format": "ctpat-validation", "format_version": 1}))
    before = _dump(data_dir)
    result = cli(*(a.format(id=planned, bad_json=bad_json) for a in args))
    assert result.code == 1
    assert result.out == ""
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("ctpat-desktop: error: ")
    assert message in lines[0]
    assert _dump(data_dir) == before


def test_database_that_is_not_a_database(cli: Cli, data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / DB_FILE).write_bytes(b"not a database at all" * 50)
    result = cli("validation", "list")
    assert result.code == 1
    expected = (
        f"{data_dir / DB_FILE}: cannot be opened with this data folder's key, or is not a "
        "ctpat-desktop database; it was not changed"
    )
    assert result.err.strip() == f"ctpat-desktop: error: {expected}"
    assert (data_dir / DB_FILE).read_bytes() == b"not a database at all" * 50


def test_data_dir_from_environment_and_option_before_command(
    planned: str, data_dir: Path, tmp_path: Path
) -> None:
    env_run = subprocess.run(
        [sys.executable, "-m", "ctpat_desktop", "validation", "list", "--json"],
        capture_output=True,
        text=True,
        check=True,
        env={
            "CTPAT_DATA_DIR": str(data_dir),
            "PATH": "/usr/bin:/bin",
            "HOME": str(tmp_path),
            # the folder's key is in the test keyring, which the child reads as a file
            "PYTHON_KEYRING_BACKEND": os.environ["PYTHON_KEYRING_BACKEND"],
            "CTPAT_TEST_KEYRING": os.environ["CTPAT_TEST_KEYRING"],
        },
    )
    assert [v["id"] for v in json.loads(env_run.stdout)["validations"]] == [planned]
    before_command = subprocess.run(
        [
            sys.executable,
            "-m",
            "ctpat_desktop",
            "--data-dir",
            str(data_dir),
            "validation",
            "list",
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(before_command.stdout) == json.loads(env_run.stdout)


def test_cli_commands_never_import_qt(planned: str, data_dir: Path) -> None:
    probe = (
        "import sys; from ctpat_desktop.cli import main; "
        f"codes = [main(['validation', 'list', '--data-dir', {str(data_dir)!r}]), "
        f"main(['validation', 'show', {planned!r}, '--data-dir', {str(data_dir)!r}]), "
        "main(['catalog', 'list'])]; "
        "assert codes == [0, 0, 0], codes; "
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt imported'"
    )
    subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True)


def test_demo_then_list(cli: Cli) -> None:
    created = cli("demo", "--json").json()["created"]
    assert len(created) == 9
    listed = cli("validation", "list", "--json").json()["validations"]
    assert {v["id"] for v in listed} == set(created)
    assert {v["mode"] for v in listed} == {"virtual", "in-person", "hybrid"}
    assert len({v["entity"] for v in listed}) >= 5
    assert cli("demo", "--json").json()["created"] == []


def test_hub_command_is_installed_and_answers_help() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from ctpat_desktop.hub.cli import main; raise SystemExit(main())",
            "--help",
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0
    for command in ("serve", "user", "bundle"):
        assert command in result.stdout


def test_worksheet_export_and_import_through_the_cli(
    cli: Cli, planned: str, tmp_path: Path, data_dir: Path
) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "w.xlsx"
    exported = cli("worksheet", "export", planned, str(out), "--json")
    assert exported.code == 0 and exported.json()["criteria"] == 93
    book = load_workbook(out)
    sheet = book["Worksheet"]
    headers = [c.value for c in sheet[1]]
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 2).value == "4.8")
    sheet.cell(row, headers.index("Finding") + 1).value = "Not met"
    sheet.cell(row, headers.index("Reason 1") + 1).value = "Training gap"
    book.save(out)

    before = _dump(data_dir)
    dry = cli("worksheet", "import", planned, str(out), "--dry-run")
    assert dry.code == 0 and "Would change 1 finding(s)" in dry.out
    assert "4.8    status: not-reviewed -> not-met" in dry.out
    assert _dump(data_dir) == before

    applied = cli("worksheet", "import", planned, str(out), "--json").json()
    assert applied["applied"] is True
    assert applied["changes"][0]["fields"]["reasons"] == [[], ["training-gap"]]
    shown = cli("validation", "show", planned, "--json").json()
    assert next(f for f in shown["findings"] if f["criterion"] == "4.8")["status"] == "not-met"


def test_worksheet_import_lists_every_problem(
    cli: Cli, planned: str, tmp_path: Path, data_dir: Path
) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "w.xlsx"
    cli("worksheet", "export", planned, str(out))
    book = load_workbook(out)
    sheet = book["Worksheet"]
    sheet["G2"] = "Maybe"
    sheet["G3"] = "Not met"
    book.save(out)
    before = _dump(data_dir)
    result = cli("worksheet", "import", planned, str(out))
    assert result.code == 1 and result.out == ""
    lines = result.err.strip().splitlines()
    assert lines[0] == f"ctpat-desktop: error: {out}: 2 problem(s); nothing was applied"
    assert lines[1] == "  Worksheet!G2: 'Maybe' is not a valid finding"
    assert lines[2].startswith("  Worksheet!J3: criterion 1.2: a not-met finding needs")
    assert _dump(data_dir) == before
    as_json = cli("worksheet", "import", planned, str(out), "--json")
    assert as_json.code == 1 and len(as_json.json()["problems"]) == 2


def test_worksheet_import_of_a_text_file(cli: Cli, planned: str, tmp_path: Path) -> None:
    fake = tmp_path / "fake.xlsx"
    fake.write_text("name,status\n")
    result = cli("worksheet", "import", planned, str(fake))
    assert result.code == 1
    assert result.err.strip() == f"ctpat-desktop: error: {fake}: not an Excel workbook (.xlsx)"


def test_archived_validations_are_listed_only_with_all(
    cli: Cli, planned: str, data_dir: Path
) -> None:
    from ctpat_desktop.app import AppContext
    from ctpat_desktop.services.validations import update_validation
    from ctpat_desktop.settings import Settings

    ctx = AppContext(data_dir, Settings(user="tester"))
    try:
        update_validation(ctx, planned, archived=True)
    finally:
        ctx.close()
    assert cli("validation", "list", "--json").json()["validations"] == []
    everything = cli("validation", "list", "--all", "--json").json()["validations"]
    assert [(v["id"], v["archived"]) for v in everything] == [(planned, True)]


def test_a_relative_data_folder_works_on_the_second_run_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before, `--data-dir data` (or CTPAT_DATA_DIR=data) on an existing folder crashed with
    "relative path can't be expressed as a file URI" (exit 70)."""
    monkeypatch.chdir(tmp_path)
    assert main(["demo", "--data-dir", "data"]) == 0
    assert main(["validation", "list", "--data-dir", "data", "--json"]) == 0
    monkeypatch.setenv("CTPAT_DATA_DIR", "data")
    assert main(["validation", "list", "--json"]) == 0
    out = capsys.readouterr().out
    assert out.count("Transportes del Baj") >= 2


def test_validation_show_gives_the_session_time_recorded(
    cli: Cli, planned: str, ctx: AppContext
) -> None:
    from datetime import UTC, datetime, timedelta

    from ctpat_desktop.services.validations import ValidationSession

    session = ValidationSession(ctx, planned)
    start = datetime(2026, 5, 18, 14, 0, tzinfo=UTC)
    for category, minutes, offset in ((1, 40, 0), (4, 25, 50)):
        stretch = session.start_period(category, now=start + timedelta(minutes=offset))
        session.extend_period(stretch.id, now=start + timedelta(minutes=offset + minutes))
    shown = cli("validation", "show", planned, "--json").json()["session_time"]
    assert shown["seconds"] == 65 * 60
    assert shown["by_category"] == {"1": 40 * 60, "4": 25 * 60}
    assert shown["days"] == ["2026-05-18"]
    assert [s["category"] for s in shown["stretches"]] == [1, 4]
    assert "session time 1:05 on 2026-05-18" in cli("validation", "show", planned).out
