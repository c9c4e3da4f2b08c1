"""The main window's work by subject (report, review, worksheet transfer), each a QObject the
window wires to its actions, like ui/sync/controller.py; and what they share."""

import re

from ctpat_desktop.ui.i18n import error_text

# A command-line option a shared core message names ("(--reason)"): a window has no options.
_OPTION = re.compile(r"\s*\(--[a-z][a-z-]*\)")


def error_sentence(exc: Exception) -> str:
    """A refusal as the main window and its dialogs show it: a sentence, first letter capital
    (the core's lines start in lower case to read well after a file name on the command line),
    without the command line's option names."""
    text = _OPTION.sub("", error_text(exc))
    return text[:1].upper() + text[1:]


def counted(text: str, n: int) -> str:
    """A count from tr("%n thing(s)", "", n) as English says it.

    A translation gives each count its plural form (Qt's numerus forms); English is the
    source language and has no translation file, so its "(s)" is settled here: "1 thing",
    "2 things". A translated text has no "(s)" and passes unchanged.
    """
    return text.replace("(s)", "" if n == 1 else "s")
