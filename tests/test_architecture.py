"""Layering rules of DESIGN.md: Qt only in ui/, a pure core."""

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "ctpat_desktop"


def _imports(path: Path, top_level_only: bool = False) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in tree.body if top_level_only else ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _modules(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.py"))


def test_only_ui_imports_qt() -> None:
    offenders = [
        str(p.relative_to(PACKAGE))
        for p in _modules(PACKAGE)
        if PACKAGE / "ui" not in p.parents
        and any(n.split(".")[0] == "PySide6" for n in _imports(p))
    ]
    assert offenders == []


def _offenders(folder: str, banned: set[str], top_level_only: bool) -> dict[str, list[str]]:
    found = {
        str(p.relative_to(PACKAGE)): sorted(
            n for n in _imports(p, top_level_only) if n.split(".")[0] in banned
        )
        for p in _modules(PACKAGE / folder)
    }
    return {k: v for k, v in found.items() if v}


@pytest.mark.parametrize("pure", ["catalog", "worksheet"])
def test_catalog_and_worksheet_import_neither_qt_nor_sqlalchemy(pure: str) -> None:
    assert _offenders(pure, {"PySide6", "sqlalchemy", "alembic", "reportlab"}, False) == {}


def test_openpyxl_is_imported_lazily() -> None:
    assert _offenders("worksheet", {"openpyxl"}, True) == {}
    assert _offenders("catalog", {"openpyxl"}, False) == {}


def test_the_rule_checker_sees_a_qt_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("from PySide6.QtCore import QObject\nimport os\n")
    assert _imports(sample) == {"PySide6.QtCore", "os"}


# Where a lifecycle state may be named: the lifecycle itself, the enum, the words for it
# (windows, worksheet) and the demo's seeding. Everywhere else asks worksheet/lifecycle.py
# (is_locked, check_move, may_reach, MOVE_BY_NAME ...), so the moves live in one place.
_STATE_NAMES = re.compile(r"Lifecycle\.(PLANNED|IN_PROGRESS|IN_REVIEW|APPROVED|SIGNED)\b")
_MAY_NAME_STATES = {
    "worksheet/lifecycle.py",
    "worksheet/model.py",
    "worksheet/xlsx_layout.py",
    "ui/i18n.py",
    "services/demo.py",
    "services/demo_visit.py",
}


def test_lifecycle_states_are_named_in_one_place() -> None:
    named = sorted(
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if _STATE_NAMES.search(path.read_text(encoding="utf-8"))
    )
    assert set(named) <= _MAY_NAME_STATES, set(named) - _MAY_NAME_STATES
