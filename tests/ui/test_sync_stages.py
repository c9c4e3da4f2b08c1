"""Every stage a sync tells its progress with has a name the window translates: a stage
left out of the controller's table showed as the client's English word in a Spanish
window (the signed documents' upload and download, added after the table)."""

import ast
from pathlib import Path

from ctpat_desktop.sync import client
from ctpat_desktop.ui.sync.controller import _STAGES


def _told_stages() -> set[str]:
    tree = ast.parse(Path(client.__file__).read_text(encoding="utf-8"))
    return {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "tell"
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    }


def test_every_stage_the_sync_tells_is_translatable() -> None:
    told = _told_stages()
    assert {"push", "pull", "upload evidence"} <= told  # the scan finds the calls
    assert told <= set(_STAGES), sorted(told - set(_STAGES))
