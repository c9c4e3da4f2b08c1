"""The cycle collector is paused for the GUI's start and resumes, with what the start
made set aside, once the first window has settled; nothing changes where it was not
paused by the start."""

import gc
from collections.abc import Iterator

import pytest

from ctpat_desktop import startup


@pytest.fixture
def collector() -> Iterator[None]:
    """Leave the collector as it was: on, nothing frozen by the test."""
    frozen = gc.get_freeze_count()
    yield
    startup._Start.holding = False
    if gc.get_freeze_count() > frozen:
        gc.unfreeze()
    gc.enable()


def test_paused_for_the_start_then_resumed_with_the_start_set_aside(collector: None) -> None:
    made_at_start = [[] for _ in range(1000)]
    startup.hold_collector()
    assert not gc.isenabled()
    frozen = gc.get_freeze_count()
    startup.release_collector()
    assert gc.isenabled() and gc.get_freeze_count() >= frozen + len(made_at_start)
    startup.release_collector()  # once only
    assert gc.isenabled()


def test_nothing_changes_where_the_start_did_not_pause_it(collector: None) -> None:
    frozen = gc.get_freeze_count()
    startup.release_collector()  # a MainWindow in a test, an embedding program
    assert gc.isenabled() and gc.get_freeze_count() == frozen
    gc.disable()  # someone else's pause is theirs to end
    startup.hold_collector()
    startup.release_collector()
    assert not gc.isenabled()


def test_the_gui_command_pauses_it_before_qt_is_imported(
    monkeypatch: pytest.MonkeyPatch, tmp_path: object, collector: None
) -> None:
    from ctpat_desktop import cli

    seen: list[bool] = []

    def run_gui(_ctx: object, quit_after: float | None = None) -> int:
        seen.append(gc.isenabled())
        return 0

    import ctpat_desktop.ui.main as gui_main

    monkeypatch.setattr(gui_main, "run_gui", run_gui)
    assert cli.main(["--data-dir", str(tmp_path)]) == 0
    assert seen == [False]
