"""Python's cycle collector during the GUI's start.

Starting the GUI makes several hundred thousand objects that live as long as the app
(modules, classes, Qt's enumerations, the windows), and none is garbage yet; the cycle
collector would walk them all again and again (seven full passes before the first
validation is on screen, about 3% of the start). It is paused from the start of the GUI
until the first window has settled, then the objects made so far are set aside for good
(gc.freeze: no pass walks them again, which keeps later passes short for the whole
session) and collecting resumes. Reference counting frees everything else meanwhile.
"""

import gc


class _Start:
    """Whether the start has the collector paused."""

    holding = False


def hold_collector() -> None:
    """Pause the cycle collector for the start (cli.main, before the GUI is imported)."""
    if gc.isenabled():
        gc.disable()
        _Start.holding = True


def release_collector() -> None:
    """The start is over: what it made is set aside, and collecting resumes. Nothing if
    hold_collector did not pause it (a test, an embedding program)."""
    if _Start.holding:
        _Start.holding = False
        gc.freeze()
        gc.enable()
