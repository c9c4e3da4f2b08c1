"""Fuzz the visit records' commands: any options end in exit 0, 1 or 2, one line on an
error, and a refusal leaves the data folder as it was."""

import contextlib
import io
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from ctpat_desktop.cli import main
from ctpat_desktop.records.kinds import VISIT_KINDS
from tests.conftest import dump_database
from tests.fuzz.support import NASTY_STRINGS, fuzz

FITTING = ["2026-03-10", "2026-03-10T10:15", "facility", "member", "co-scss", "tier-2", "agreed"]
VALUES = st.one_of(st.sampled_from(NASTY_STRINGS + FITTING), st.text(max_size=30))


def _run(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(args)
        except SystemExit as stopped:  # argparse: a usage mistake
            code = int(stopped.code or 0)
    return code, out.getvalue(), err.getvalue()


@st.composite
def _command_lines(draw: st.DrawFn, vid: str, records: dict[str, str]) -> list[str]:
    kind = draw(st.sampled_from(VISIT_KINDS))
    actions = ("set", "show", "remove") if kind.single else ("add", "list", "edit", "remove")
    action = draw(st.sampled_from(actions))
    line = [kind.command, action, draw(st.sampled_from([vid, vid[:6], "zzzz", ""]))]
    if action in ("edit", "remove") and not kind.single:
        line.append(draw(st.sampled_from([records.get(kind.name, "abcd"), "0000", "-x"])))
    if action in ("add", "edit", "set"):
        for f in draw(st.lists(st.sampled_from(kind.fields), max_size=4, unique=True)):
            line += [f.option, draw(VALUES)]
    return line


def test_any_visit_command_exits_0_1_or_2(tmp_path: Path) -> None:
    data = tmp_path / "data"
    base = ["--data-dir", str(data), "--json"]
    code, out, _err = _run(["validation", "new", "--member", "Acme", "--account", "IM-1001",
                            "--entity", "importer", *base])  # fmt: skip
    assert code == 0
    vid = out.split('"id": "')[1][:36]
    records = {}
    for kind, options in (("site", ["--name", "Plant", "--type", "office"]),
                          ("participant", ["--name", "Luis"])):  # fmt: skip
        code, out, _err = _run([kind, "add", vid, *options, *base])
        records[kind] = out.split('"id": "')[1][:36]

    @fuzz(60)
    @given(_command_lines(vid, records))
    def one(line: list[str]) -> None:
        before = dump_database(data)
        code, _out, err = _run([*line, *base])
        assert code in (0, 1, 2), (line, err)
        assert "internal error" not in err and "Traceback" not in err
        if code == 1:
            assert err.count("\n") == 1, err
            assert dump_database(data) == before

    one()
