"""Fuzz fixtures: one template data folder per session; the count of inputs per entry point."""

from contextlib import AbstractContextManager
from datetime import date
from pathlib import Path

import pytest

from ctpat_desktop.app import AppContext
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.settings import Settings
from tests.fuzz.support import EXAMPLES_ENV, GENERATED, copied_folder, folder_secret

TEMPLATE_ON = date(2026, 4, 20)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not GENERATED:
        return
    terminalreporter.section("fuzz inputs per entry point")
    for entry_point, count in sorted(GENERATED.items()):
        terminalreporter.write_line(f"{entry_point:<40} {count:>7}")
    terminalreporter.write_line(f"(set {EXAMPLES_ENV}=N for N examples per test)")


class Template:
    """A data folder holding one validation with findings and evidence; never changed."""

    def __init__(self, folder: Path) -> None:
        ctx = AppContext(folder, Settings(user="scss"))
        try:
            validation = plan_validation(
                ctx,
                member="Fuzz Freight",
                account="MX-7777",
                entity="highway-carrier",
                on=TEMPLATE_ON,
                office="Miami",
            )
            session = ValidationSession(ctx, validation.id)
            session.record_finding("1.1", status="met", note="Policy signed")
            session.record_finding(
                "2.1",
                status="not-met",
                reasons=["no-evidence"],
                action="Write the procedure",
                due=date(2026, 7, 1),
            )
            photo = folder.parent / "gate.jpg"
            photo.write_bytes(b"\xff\xd8 gate photo " * 40)
            session.attach_evidence(photo, "1.1")
            self.validation_id = validation.id
        finally:
            ctx.close()
        self.folder = folder
        self.secret = folder_secret(folder)

    def copy(self) -> "AbstractContextManager[tuple[AppContext, Path]]":
        """A fresh copy of the folder, opened: (context, a scratch folder)."""
        return copied_folder(self.folder, self.secret)


_TEMPLATES: dict[str, Template] = {}


@pytest.fixture
def template(tmp_path_factory: pytest.TempPathFactory, memory_keyring: object) -> Template:
    """The template data folder (copy it before use), made once, in the first test's keyring."""
    if "template" not in _TEMPLATES:
        _TEMPLATES["template"] = Template(tmp_path_factory.mktemp("fuzz-template") / "data")
    return _TEMPLATES["template"]
