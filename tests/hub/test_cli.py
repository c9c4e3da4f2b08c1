"""The ctpat-hub command line: users, where the data lives, errors, a fast --help."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ctpat_desktop.hub import cli
from ctpat_desktop.hub.service import Hub
from tests.hub.conftest import HubCli


def test_user_add_prints_only_a_token_that_authenticates(hub_cli: HubCli) -> None:
    code, out, err = hub_cli("user", "add", "ana", "--role", "scss", "--office", "Miami")
    assert (code, err) == (0, "")
    token = out.strip()
    assert out == token + "\n" and len(token) >= 40
    hub = hub_cli.hub()
    try:
        user = hub.authenticate(token)
        assert user is not None and (user.name, user.role, user.office) == ("ana", "scss", "Miami")
        assert hub.authenticate(token + "x") is None
    finally:
        hub.close()


def test_user_list_and_disable(hub_cli: HubCli) -> None:
    hub_cli("user", "add", "boss", "--role", "admin")
    token = hub_cli("user", "add", "ana", "--role", "supervisor", "--office", "Miami")[1].strip()
    assert hub_cli("user", "disable", "ana")[0] == 0
    code, out, _ = hub_cli("user", "list", "--json")
    listed = [{k: u[k] for k in ("name", "role", "office", "disabled")} for u in json.loads(out)]
    assert code == 0
    assert listed == [
        {"name": "ana", "role": "supervisor", "office": "Miami", "disabled": True},
        {"name": "boss", "role": "admin", "office": None, "disabled": False},
    ]
    assert token not in out
    hub = hub_cli.hub()
    try:
        assert hub.authenticate(token) is None
    finally:
        hub.close()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("user", "add", "ana", "--role", "scss"), "a scss user needs an office"),
        (("user", "disable", "nobody-here"), "no user named 'nobody-here'"),
        (("bundle", "import", "/no/such/file"), "cannot read the bundle"),
    ],
)
def test_errors_are_one_line_and_exit_1(
    hub_cli: HubCli, args: tuple[str, ...], message: str
) -> None:
    code, out, err = hub_cli(*args)
    assert (code, out) == (1, "")
    assert err.startswith("ctpat-hub: error: ") and message in err and err.count("\n") == 1


def test_duplicate_user_is_refused(hub_cli: HubCli) -> None:
    assert hub_cli("user", "add", "ana", "--role", "admin")[0] == 0
    code, _, err = hub_cli("user", "add", "ana", "--role", "admin")
    assert code == 1 and "user 'ana' already exists" in err


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(["user", "add", "ana", "--role", "king"])
    assert exited.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_data_folder_and_database_resolution(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("CTPAT_HUB_DATA", raising=False)
    monkeypatch.delenv("CTPAT_HUB_DB", raising=False)
    assert cli.resolve_hub_data_dir(None).name == "ctpat-desktop-hub"
    monkeypatch.setenv("CTPAT_HUB_DATA", str(tmp_path / "env"))
    assert cli.resolve_hub_data_dir(None) == tmp_path / "env"
    assert cli.resolve_hub_data_dir(str(tmp_path / "flag")) == tmp_path / "flag"
    assert cli.resolve_db_url(None, tmp_path) == f"sqlite:///{tmp_path / 'hub.db'}"
    monkeypatch.setenv("CTPAT_HUB_DB", "postgresql+psycopg://h/db")
    assert cli.resolve_db_url(None, tmp_path) == "postgresql+psycopg://h/db"
    assert cli.resolve_db_url("sqlite:///x.db", tmp_path) == "sqlite:///x.db"


def test_default_database_is_sqlite_in_the_data_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CTPAT_HUB_DB", raising=False)
    assert cli.main(["user", "add", "boss", "--role", "admin", "--data-dir", str(tmp_path)]) == 0
    token = capsys.readouterr().out.strip()
    hub = Hub.open(f"sqlite:///{tmp_path / 'hub.db'}", tmp_path)
    try:
        assert hub.authenticate(token) is not None
    finally:
        hub.close()


def test_help_and_version_import_no_server_or_database_code() -> None:
    probe = (
        "import sys\nfrom ctpat_desktop.hub.cli import main\n"
        "for args in (['--help'], ['--version']):\n"
        "    try:\n        main(args)\n    except SystemExit:\n        pass\n"
        "print(sorted({m.split('.')[0] for m in sys.modules}"
        " & {'uvicorn', 'starlette', 'sqlalchemy', 'psycopg', 'PySide6'}))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert "ctpat-hub 0." in done.stdout and "serve" in done.stdout
    assert done.stdout.rstrip().endswith("[]")
