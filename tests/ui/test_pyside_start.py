"""PySide6 is told which modules use it by their names, instead of reading each module's
source after its import (about a tenth of the GUI's start)."""

import subprocess
import sys
import textwrap


def test_the_gui_package_answers_pysides_question_by_name() -> None:
    # In a fresh interpreter, as `ctpat-desktop` starts: the GUI package before Qt's own.
    code = textwrap.dedent(
        """
        import inspect, sys
        read = []
        real = inspect.getsource
        inspect.getsource = lambda obj: read.append(getattr(obj, "__name__", "?")) or real(obj)
        import ctpat_desktop.ui.main_window
        import ctpat_desktop.ui.workspace_open
        feature = sys.modules["PySide6.support.feature"]
        seen = feature.pyside_feature_dict
        assert seen["ctpat_desktop.ui.workspace.workspace_window"] == 0, seen  # uses PySide6
        assert seen["ctpat_desktop.services.validations"] == -1, seen
        print(len(read), len(seen), any(name.startswith("ctpat_desktop") for name in read))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60
    )
    assert done.returncode == 0, done.stderr
    sources_read, modules_seen, ours_read = done.stdout.split()
    assert int(modules_seen) > 30  # PySide did ask about the modules imported after it
    # and read no source but of the few modules it imports itself (about 100 before)
    assert int(sources_read) < 10 and ours_read == "False"
