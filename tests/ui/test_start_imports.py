"""The GUI's start imports only what opening a workspace needs: the dashboard's and the
hub's libraries wait until used. A shared helper for translated sentences once sat in the
analytics package, whose first import loads SQLAlchemy (about 250 ms), and the GUI start
went from 2.6 to 4.1 times a bare window."""

import subprocess
import sys
import textwrap

# Libraries the start must not load: each costs tens to hundreds of milliseconds.
_LATER = ("sqlalchemy", "openpyxl", "pyhanko", "typst", "httpx", "reportlab", "pikepdf")


def test_opening_a_workspace_loads_no_heavy_library() -> None:
    code = textwrap.dedent(
        f"""
        import sys
        import ctpat_desktop.ui.main_window
        import ctpat_desktop.ui.workspace_open
        import ctpat_desktop.ui.workspace.workspace_window
        loaded = sorted(n for n in {_LATER!r} if n in sys.modules)
        print(",".join(loaded) or "-")
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "-", f"loaded at the GUI's start: {done.stdout.strip()}"
