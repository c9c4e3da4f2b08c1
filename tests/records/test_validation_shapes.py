"""The validation's outside shapes stay byte for byte what they were before it was declared
once (records/validation.py): `validation show/list/edit --json`, the exchange file and a
sync push. The expectations in validation_shapes/ were written by this test on the code as
it was before (CTPAT_WRITE_SHAPES=1), from the fixed data set below."""

import functools
import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ctpat_desktop.app import AppContext
from ctpat_desktop.cli import main
from ctpat_desktop.settings import Settings
from ctpat_desktop.sync.local import LocalSync

SHAPES = Path(__file__).parent / "validation_shapes"
VALIDATION = "6e8409a7-0b19-4066-8f86-2877b9752b7d"
_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z")
_KEY = re.compile(r'"key": "[0-9a-f-]{36}"')


def _steady(text: str) -> str:
    """The text with the moments it was made at, and random idempotency keys, masked."""
    return _KEY.sub('"key": "<key>"', _STAMP.sub("<stamp>", text))


def _same(name: str, text: str, vid: str, actor: str) -> None:
    # The random ID a new validation gets made the fixed one, and the user running the
    # test (the actor) a fixed name (the list's order needs neither).
    text = text.replace(vid, VALIDATION).replace(json.dumps(actor), '"<actor>"')
    path = SHAPES / name
    if os.environ.get("CTPAT_WRITE_SHAPES"):
        SHAPES.mkdir(exist_ok=True)
        path.write_text(_steady(text), encoding="utf-8")
    assert _steady(text) == path.read_text(encoding="utf-8"), name


def test_the_validation_reads_as_it_did(
    cli: Callable[..., Any],
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    made = cli(
        "validation", "new", "--member", "Sierra Madre Textiles", "--account", "MX-40117",
        "--entity", "foreign-manufacturer", "--mode", "hybrid", "--date", "2026-03-10",
        "--scss", "Laura Méndez", "--office", "Laredo", "--webex", "https://cbp.webex.com/m/1",
        "--participant", "Ana Ruiz", "--participant", "Luis Ortega",
        "--planned-minutes", "300", "--json",
    )  # fmt: skip
    assert made.code == 0, made.err
    vid = made.json()["id"]
    actor = AppContext(data_dir, Settings()).actor
    same = functools.partial(_same, vid=vid, actor=actor)
    same("new.json", made.out)
    edited = cli(
        "validation", "edit", vid[:8], "--member", "Sierra Madre Textiles SA",
        "--scss", "Laura Mendez", "--office", "El Paso", "--mode", "virtual", "--json",
    )  # fmt: skip
    assert edited.code == 0, edited.err
    same("edit.json", edited.out)
    done = cli("finding", "set", vid, "4.8", "--status", "not-met", "--reason", "training-gap")
    assert done.code == 0, done.err
    same("show.json", cli("validation", "show", vid, "--json").out)
    same("list.json", cli("validation", "list", "--all", "--json").out)
    out = tmp_path / "exported.json"
    assert cli("validation", "export", vid, str(out)).code == 0
    exported = json.loads(out.read_text(encoding="utf-8"))
    del exported["catalog"]  # the shipped catalog's own text, not the validation's
    same("exported.json", json.dumps(exported, indent=1, ensure_ascii=False))
    ctx = AppContext(data_dir, Settings(user="tester"))
    try:
        sync = LocalSync(ctx.store)
        sync.prepare()
        pushed = [m.to_json() for m in sync.outbox() if m.kind in ("member", "validation")]
    finally:
        ctx.close()
    same("push.json", json.dumps(pushed, indent=1, ensure_ascii=False))
    # The file imports again into another folder, as it did.
    other = str(tmp_path / "other")
    assert main(["validation", "import", str(out), "--json", "--data-dir", other]) == 0
    same("imported.json", capsys.readouterr().out)
