"""The core's messages in the windows' language: found in the code, translated, matched.

Before, a Spanish window showed every error that was not a worksheet rule in English: a
locked data folder, a file too large to attach, a hub's refusal, a damaged backup.
"""

import ast
import re
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from ctpat_desktop.app import AppContext
from ctpat_desktop.errors import CtpatError, NotFoundError
from ctpat_desktop.paths import resources_dir
from ctpat_desktop.services.validations import ValidationSession
from ctpat_desktop.ui import i18n
from ctpat_desktop.ui.core_messages import MESSAGES
from ctpat_desktop.ui.message_scan import PACKAGE, core_messages, template


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[None]:
    assert i18n.install_translations(qapp, resources_dir(), "es") == "es"
    yield
    i18n.install_translations(qapp, resources_dir(), "en")


def test_the_table_holds_every_message_the_core_raises_today() -> None:
    """`make ts` rewrites ui/core_messages.py; a message added to the core without it
    fails here, and then in the .ts tests until it is translated."""
    assert list(MESSAGES) == core_messages()
    assert len(MESSAGES) > 200


def test_the_scan_reads_f_strings_concatenation_and_braces() -> None:
    def first_argument(source: str) -> ast.expr:
        call = ast.parse(source, mode="eval").body
        assert isinstance(call, ast.Call)
        return call.args[0]

    assert template(first_argument('E(f"{path.name}: not valid JSON (line {n})")')) == (
        "{0}: not valid JSON (line {1})"
    )
    assert template(first_argument('E("a {brace} " f"and {x!r:>3}")')) == "a {{brace}} and {0}"
    assert template(first_argument('E(f"{a}: {b}")')) is None  # no words of its own
    assert template(first_argument("E(message)")) is None


def test_a_core_error_is_said_in_spanish(spanish: None, ctx: AppContext) -> None:
    with pytest.raises(CtpatError) as caught:
        ValidationSession(ctx, "0badc0de")
    english = str(caught.value)
    said = i18n.error_text(caught.value)
    assert english == "no validation with ID '0badc0de'"
    assert said != english
    assert "'0badc0de'" in said  # the values stay as they were
    assert not {"validation", "with"} & set(said.split())


def test_a_hub_refusal_quoting_another_message_is_said_in_spanish_throughout(
    spanish: None,
) -> None:
    inner = "criterion 3.1: a not-met finding needs at least one reason"
    line = f"finding v1/3.1: {inner}"
    said = i18n.core_text(line)
    # The record it names stays as the hub wrote it; what it says about it is translated.
    assert said == f"finding v1/3.1: {i18n.core_text(inner)}"
    assert "reason" not in said and i18n.core_text(inner) != inner


def test_an_unknown_line_stays_as_it_is(spanish: None) -> None:
    assert i18n.core_text("something no template says") == "something no template says"
    assert i18n.error_text(NotFoundError("x")) == "x"


def test_english_windows_show_the_core_line_unchanged() -> None:
    line = "criterion 3.1: a not-met finding needs at least one reason"
    assert i18n.core_text(line) == line


_SHOWN_RAW = re.compile(r"str\(exc\)|(error|reason)=exc\b")


def test_windows_show_errors_through_error_text() -> None:
    """A window that shows str(exc) shows the core's English line in any language."""
    raw = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in sorted((PACKAGE / "ui").rglob("*.py"))
        if path.name != "i18n.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if _SHOWN_RAW.search(line) and "isinstance" not in line
    ]
    assert raw == []
