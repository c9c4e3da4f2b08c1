"""Fuzz every CLI command: any arguments and input files end in exit 0, 1 or 2, never a crash.

Each example runs one command line on a fresh copy of a real data folder. A refusal (exit
1) leaves the folder's database and evidence as they were; nothing says "internal error"
or prints a traceback (exit 70).
"""

import io
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from ctpat_desktop.app import AppContext
from ctpat_desktop.cli import main
from ctpat_desktop.services.exchange import export_validation
from ctpat_desktop.services.worksheet_io import export_worksheet
from ctpat_desktop.settings import Settings
from tests.fuzz.conftest import Template
from tests.fuzz.support import NASTY_STRINGS, counted, folder_state, fuzz, mutated_bytes

# Argument slots, filled with a fitting value or a hostile one. ------------------------------
COMMANDS = [
    line.split()
    for line in (
        "catalog list",
        "catalog show ENTITY ?--version ?TEXT",
        "catalog reasons",
        "validation new --member TEXT --account TEXT --entity ENTITY ?--mode ?MODE ?--date ?DATE"
        " ?--planned-minutes ?NUM ?--webex ?TEXT",
        "validation edit ID ?--member ?TEXT ?--date ?DATE ?--entity ?ENTITY",
        "validation list ?--all",
        "validation show ID",
        "validation reopen ID --reason TEXT",
        "validation upgrade-catalog ID ?--to ?TEXT ?--dry-run",
        "validation export ID OUT",
        "validation import IN:json",
        "validation submit ID",
        "validation approve ID --note TEXT",
        "validation return ID --reason TEXT",
        "finding set ID CRITERION --status STATUS ?--reason ?TEXT ?--note ?TEXT ?--due ?DATE"
        " ?--part ?TEXT ?--verified ?TEXT",
        "evidence add ID CRITERION IN:any ?--caption ?TEXT",
        "evidence list ID",
        "evidence caption TEXT TEXT",
        "worksheet export ID OUT ?--lang ?LANG",
        "worksheet import ID IN:xlsx ?--dry-run",
        "report ID OUT ?--lang ?LANG",
        "report ID OUT ?--lang ?LANG ?--rendition-of ?NUM",
        "report ID OUT ?--lang ?LANG --copy-of NUM",
        "followup list ID",
        "followup letter ID OUT ?--lang ?LANG",
        "followup letter ID OUT --copy-of NUM",
        "followup extend ID CRITERION --days NUM --reason TEXT",
        "followup respond ID CRITERION --note TEXT",
        "feedback add ID ?--quality ?NUM ?--minutes-lost ?NUM ?--comments ?TEXT",
        "feedback list ID",
        "site add ID --name TEXT ?--type ?TEXT ?--country ?TEXT",
        "site list ID",
        "participant add ID --name TEXT ?--role ?TEXT",
        "outcome set ID --result TEXT ?--reason ?TEXT",
        "verify IN:pdf",
        "stats ?--from ?DATE ?--to ?DATE ?--mode ?MODE ?--status ?TEXT",
        "sync --status",
        "conflict list",
        "conflict resolve NUM --keep ?TEXT",
        "bundle export OUT",
        "bundle import IN:any",
        "audit verify",
        "backup list ?--check",
        "backup restore TEXT",
        "rekey ?--keyring",
        "recovery-code ?--new",
        "recover",
        "test-certificate OUT ?--name ?TEXT",
    )
]
# Commands whose refusal may follow work already done (the hub took part of a sync...).
PARTLY = {"bundle", "sync", "demo"}
HOSTILE = st.one_of(
    st.sampled_from(NASTY_STRINGS),
    # Lone surrogates: what Python makes of argv bytes that are not UTF-8.
    st.text(st.characters(codec=None, categories=["Cs", "Lo", "Cc", "Zs"]), max_size=12),
    st.text(max_size=20),
    st.just("-h-not-an-option"),
)


class Inputs:
    """Files a command line can be handed: real exports, mutated or not, and odd paths."""

    def __init__(self, template: Template, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        with template.copy() as (ctx, _scratch):
            self.json = folder / "export.json"
            export_validation(ctx, template.validation_id, self.json)
            self.xlsx = folder / "sheet.xlsx"
            export_worksheet(ctx, template.validation_id, self.xlsx)
        self.pdf = folder / "report.pdf"
        self.pdf.write_bytes(
            b"%PDF-1.7\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
        )


_INPUTS: dict[str, Inputs] = {}


@pytest.fixture
def inputs(template: Template, tmp_path_factory: pytest.TempPathFactory) -> Inputs:
    if "inputs" not in _INPUTS:
        _INPUTS["inputs"] = Inputs(template, tmp_path_factory.mktemp("cli-inputs"))
    return _INPUTS["inputs"]


def _fitting(slot: str, validation_id: str) -> st.SearchStrategy[str]:
    return {
        "ID": st.sampled_from([validation_id, validation_id[:8]]),
        "CRITERION": st.sampled_from(["1.1", "2.1", "3.4"]),
        "STATUS": st.sampled_from(["met", "not-met", "exceeds", "not-applicable"]),
        "ENTITY": st.sampled_from(["importer", "highway-carrier"]),
        "MODE": st.sampled_from(["virtual", "in-person", "hybrid"]),
        "DATE": st.sampled_from(["2026-05-01", "2026-06-30"]),
        "LANG": st.sampled_from(["en", "es"]),
        "NUM": st.sampled_from(["1", "60", "0", "-5", "99999999999999999999"]),
        "TEXT": st.sampled_from(["Seal log checked", "Acme", "x"]),
    }[slot]


@st.composite
def command_lines(draw: st.DrawFn, validation_id: str) -> list[str]:
    """One command line: each slot a fitting value or a hostile one; optional parts maybe."""
    shape = draw(st.sampled_from(COMMANDS))
    line: list[str] = []
    keep_optional = True
    for token in shape:
        optional = token.startswith("?")
        slot = token.removeprefix("?")
        if optional and slot.startswith("--"):
            keep_optional = draw(st.booleans())
        if optional and not keep_optional:
            continue
        if slot.startswith(("IN:", "OUT")) or not slot.isupper():
            line.append(slot)  # a word of the command, or a file resolved per example
        else:
            hostile = draw(st.integers(0, 3)) == 0
            line.append(draw(HOSTILE if hostile else _fitting(slot, validation_id)))
    if draw(st.integers(0, 9)) == 0:
        line.insert(draw(st.integers(0, len(line))), draw(HOSTILE))
    return line


FILE_KINDS = ["as-made", "mutated", "empty", "random", "folder", "missing", "devnull"]


def _input(kind: str, original: Path, scratch: Path, data: st.DataObject) -> str:
    target = scratch / f"in-{original.name}"
    if kind == "as-made":
        target.write_bytes(original.read_bytes())
    elif kind == "mutated":
        target.write_bytes(data.draw(mutated_bytes(original.read_bytes())))
    elif kind == "empty":
        target.write_bytes(b"")
    elif kind == "random":
        target.write_bytes(data.draw(st.binary(max_size=300)))
    elif kind == "folder":
        target.mkdir()
    elif kind == "devnull":
        return "/dev/null"  # read only: outputs never go outside the scratch folder
    return str(target)


def _output(kind: str, scratch: Path) -> str:
    if kind == "folder":
        (scratch / "out-folder").mkdir(exist_ok=True)
        return str(scratch / "out-folder")
    if kind == "missing":
        return str(scratch / "no such folder" / "out")
    return str(scratch / "out.file")


def _resolved(line: list[str], inputs: Inputs, scratch: Path, data: st.DataObject) -> list[str]:
    originals = {"IN:json": inputs.json, "IN:xlsx": inputs.xlsx, "IN:pdf": inputs.pdf}
    done = []
    for part in line:
        if part.startswith("IN:"):
            original = originals.get(part) or data.draw(st.sampled_from(list(originals.values())))
            done.append(_input(data.draw(st.sampled_from(FILE_KINDS)), original, scratch, data))
        elif part == "OUT":
            done.append(_output(data.draw(st.sampled_from(["file", "folder", "missing"])), scratch))
        else:
            done.append(part)
    return done


def run(args: list[str], capsys: pytest.CaptureFixture[str], stdin: str = "") -> tuple[int, str]:
    """Exit code and stderr of one command line (argparse's exits included)."""
    old = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        code = main(args)
    except SystemExit as stop:  # argparse: --help (0), a bad option (2)
        code = stop.code if isinstance(stop.code, int) else 2
    finally:
        sys.stdin = old
    return code, capsys.readouterr().err


def _assert_clean_exit(code: int, err: str, args: list[str]) -> None:
    assert code in (0, 1, 2), (code, args, err)
    assert "Traceback" not in err and "internal error" not in err, (args, err)
    if code == 1:
        assert err.strip(), f"exit 1 without a word: {args}"


@pytest.fixture
def quiet_hub(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No hub token from the environment, no terminal to ask on."""
    monkeypatch.delenv("CTPAT_HUB_TOKEN", raising=False)
    yield


@fuzz(70)
@given(data=st.data())
def test_any_command_line_exits_0_1_or_2(
    template: Template,
    inputs: Inputs,
    quiet_hub: None,
    capsys: pytest.CaptureFixture[str],
    data: st.DataObject,
) -> None:
    with template.copy() as (ctx, scratch):
        line = _resolved(data.draw(command_lines(template.validation_id)), inputs, scratch, data)
        known = {shape[0] for shape in COMMANDS}
        counted(f"cli {line[0] if line[0] in known else '(junk first)'}")
        before = folder_state(ctx)
        stdin = data.draw(st.sampled_from(["", "garbage\n", "\udcff"]))
        code, err = run([*line, "--data-dir", str(ctx.data_dir)], capsys, stdin)
        _assert_clean_exit(code, err, line)
        if code != 0 and line[0] not in PARTLY:
            assert folder_state(ctx) == before, (line, err)


@fuzz(12)
@given(name=st.one_of(st.sampled_from(NASTY_STRINGS), st.text(max_size=16)), env=st.booleans())
@example(name="x" * 300, env=False)  # longer than a file name may be: was exit 70
@example(name="a-file", env=True)
def test_any_data_folder_name_exits_0_1_or_2(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    name: str,
    env: bool,
) -> None:
    """--data-dir or CTPAT_DATA_DIR as typed, relative to the working folder (kept inside
    the test's own folder: no separators, no parent steps)."""
    counted("cli --data-dir")
    # No separators or parent steps; no NUL, which no environment variable can hold.
    safe = name.replace("/", "_").replace("..", "_").replace("\x00", "_" if env else "\x00")
    monkeypatch.chdir(tmp_path)
    if env:
        monkeypatch.setenv("CTPAT_DATA_DIR", safe)
        args = ["validation", "list"]
    else:
        monkeypatch.delenv("CTPAT_DATA_DIR", raising=False)
        args = ["validation", "list", "--data-dir", safe]
    if safe == "a-file":
        (tmp_path / safe).write_text("not a folder")
    code, err = run(args, capsys)
    _assert_clean_exit(code, err, args)


def test_a_relative_data_folder_opens_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    made = AppContext(Path("rel"), Settings(user="scss"))
    made.unlock()
    made.close()
    code, err = run(["validation", "list", "--data-dir", "rel"], capsys)
    assert code == 0, err


def test_verify_of_a_folder_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = run(["verify", str(tmp_path), "--data-dir", str(tmp_path / "data")], capsys)
    _assert_clean_exit(code, err, ["verify", "FOLDER"])
