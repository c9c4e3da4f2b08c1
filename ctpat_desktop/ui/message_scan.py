"""The core's messages, found in its code, so that windows can say them in their language.

The core (everything outside ctpat_desktop/ui) raises its errors with one English line, as
the command line prints them, and never imports Qt. This module reads the core's source,
finds every message it raises (the text of `raise SomeError(f"…")` for the app's error
classes, the hub's refusals and its error replies), turns each into a template with
numbered placeholders ("validation {0} not found"), adds the texts it writes for windows
with said()/term() (backlog reasons, anomaly flags: named placeholders) and writes them, marked
for translation, to ui/core_messages.py. `make ts` runs it before pyside6-lupdate, so a new
message shows up in the .ts files to be translated; tests/ui/test_core_messages.py fails
while the table is out of date or a message has no translation.

    python -m ctpat_desktop.ui.message_scan          # rewrite ui/core_messages.py
"""

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]
TABLE = PACKAGE / "ui" / "core_messages.py"
CONTEXT = "Core"
# The exception classes whose text reaches a user: the app's own errors (CtpatError and every
# class derived from it, found in the code) and the hub's refusals, which laptops show.
_ROOTS = {"CtpatError", "Rejected", "ApiError", "ProtocolError"}
_REPLIES = {"_error"}  # the hub's error replies: _error(status, "message")
# Texts the core writes for windows but raises in no error, such as the backlog's reasons and
# the anomaly flags (ctpat_desktop/said.py): said("… {name} …", name=…), term("overdue"); each is
# kept as written, named placeholders (with their format specs) and short words alike.
_SAID = {"said", "term"}
# A template needs this many letters of its own to be told from others ("{0}: {1}" is not).
MIN_LETTERS = 8


def _source_files() -> Iterator[Path]:
    """The core's modules, without the windows and the command lines (whose messages about
    their own options and arguments no window shows)."""
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.relative_to(PACKAGE).parts[0] != "ui" and not path.name.startswith("cli"):
            yield path


def _error_classes(trees: list[ast.Module]) -> set[str]:
    """The names of the classes derived, however far, from one of _ROOTS."""
    bases: dict[str, set[str]] = {}
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases[node.name] = {_name(b) for b in node.bases}
    found = set(_ROOTS)
    grew = True
    while grew:
        grew = False
        for name, parents in bases.items():
            if name not in found and parents & found:
                found.add(name)
                grew = True
    return found


def _name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def template(node: ast.expr) -> str | None:
    """The message an expression spells, placeholders numbered in order; None if it is not
    written out where it is raised (a variable, a call)."""
    parts: list[str] = []
    count = 0

    def add(piece: ast.expr) -> bool:
        nonlocal count
        if isinstance(piece, ast.Constant) and isinstance(piece.value, str):
            parts.append(piece.value.replace("{", "{{").replace("}", "}}"))
            return True
        if isinstance(piece, ast.JoinedStr):
            return all(add(value) for value in piece.values)
        if isinstance(piece, ast.FormattedValue):
            parts.append(f"{{{count}}}")
            count += 1
            return True
        if isinstance(piece, ast.BinOp) and isinstance(piece.op, ast.Add):
            return add(piece.left) and add(piece.right)
        return False

    if not add(node):
        return None
    text = "".join(parts)
    letters = sum(ch.isalpha() for ch in text.replace("{{", "").replace("}}", ""))
    return text if letters >= MIN_LETTERS else None


def _messages(tree: ast.Module, classes: set[str]) -> Iterator[str]:
    for node in ast.walk(tree):
        call = None
        if isinstance(node, ast.Call) and _name(node.func) in _SAID and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                yield first.value
            continue
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            if _name(node.exc.func) in classes:
                call = node.exc
        elif isinstance(node, ast.Call) and _name(node.func) in _REPLIES:
            call = node
        if call is None:
            continue
        for argument in call.args:
            text = template(argument)
            if text is not None:
                yield text
                break


def core_messages() -> list[str]:
    """Every message template the core raises, once each, sorted."""
    trees = [ast.parse(path.read_text(encoding="utf-8")) for path in _source_files()]
    classes = _error_classes(trees)
    return sorted({text for tree in trees for text in _messages(tree, classes)})


def _quoted(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def table_source(messages: list[str]) -> str:
    """ui/core_messages.py for these templates (ruff formats it afterwards)."""
    lines = [
        '"""The core\'s messages as windows say them: written by ui/message_scan.py (run',
        "`make ts`), never by hand. Each is an English template with numbered placeholders.",
        '"""',
        "",
        "from PySide6.QtCore import QT_TRANSLATE_NOOP",
        "",
        "MESSAGES = (",
    ]
    lines += [f'    QT_TRANSLATE_NOOP("{CONTEXT}", {_quoted(text)}),' for text in messages]
    lines += [")", ""]
    return "\n".join(lines)


def main() -> int:
    TABLE.write_text(table_source(core_messages()), encoding="utf-8")
    ruff = Path(sys.executable).with_name("ruff")
    if ruff.exists():
        subprocess.run([str(ruff), "format", "--quiet", str(TABLE)], check=False)
    print(f"wrote {TABLE.relative_to(PACKAGE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
