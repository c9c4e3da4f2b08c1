"""Shared pieces of the fuzz tests: how many examples, hostile values, snapshots of data.

CTPAT_FUZZ_EXAMPLES=N runs every fuzz test with N examples (``make fuzz``); without it
each test runs its own small default so ``make test`` stays quick.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from ctpat_desktop.app import AppContext
from ctpat_desktop.errors import CtpatError
from ctpat_desktop.settings import Settings

EXAMPLES_ENV = "CTPAT_FUZZ_EXAMPLES"
# Inputs each entry point was called with in this run (the terminal summary prints them).
GENERATED: Counter[str] = Counter()


def fuzz(default: int) -> settings:
    """Hypothesis settings: default examples, or CTPAT_FUZZ_EXAMPLES for a long run."""
    wanted = int(os.environ.get(EXAMPLES_ENV) or 0)
    return settings(
        max_examples=wanted or default,
        deadline=None,
        # make test runs the same examples every time (a red CI is then reproducible);
        # the long run (make fuzz) draws new ones each time.
        derandomize=not wanted,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.filter_too_much,
            HealthCheck.function_scoped_fixture,
        ],
    )


def counted(entry_point: str) -> None:
    """Note one generated input for an entry point."""
    GENERATED[entry_point] += 1


# Hostile values ----------------------------------------------------------------------------

NASTY_STRINGS = [
    "",
    " ",
    "\n",
    "a\nb",
    "\r\n",
    "\x00",
    "nul\x00inside",
    "\ufeff",
    "\u202e",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "=cmd|' /C calc'!A0",
    "'; DROP TABLE findings; --",
    "../../etc/passwd",
    "2024-05-01\n",
    "2024-13-45",
    "0000-00-00",
    "9999-99-99",
    "1.1\n",
    "0" * 64 + "\n",
    "x" * 5000,
    "%s%n",
    "{}",
    "null",
]
NASTY_NUMBERS = [
    0,
    -1,
    1,
    2**31,
    2**63,
    -(2**63) - 1,
    10**100,
    1e308,
    -0.0,
    0.5,
    True,
    False,
]
JSON_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
    st.sampled_from(NASTY_STRINGS),
    st.sampled_from(NASTY_NUMBERS),
)
JSON = st.recursive(
    JSON_SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5), st.dictionaries(st.text(max_size=12), inner, max_size=5)
    ),
    max_leaves=20,
)


def paths_of(document: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every path (keys and indexes) into a JSON document, the document itself first."""
    yield prefix
    if isinstance(document, dict):
        for key, value in document.items():
            yield from paths_of(value, (*prefix, key))
    elif isinstance(document, list):
        for index, value in enumerate(document):
            yield from paths_of(value, (*prefix, index))


@st.composite
def mutated(draw: st.DrawFn, document: Any, max_changes: int = 3) -> Any:
    """A copy of a JSON document with a few values replaced, removed, or keys added."""
    copy = json.loads(json.dumps(document))
    for _ in range(draw(st.integers(1, max_changes))):
        paths = list(paths_of(copy))
        path = draw(st.sampled_from(paths[1:] if len(paths) > 1 else paths))
        if not path:
            return draw(JSON)
        parent = copy
        for step in path[:-1]:
            parent = parent[step]
        last = path[-1]
        action = draw(st.sampled_from(["replace", "replace", "remove", "add", "dup"]))
        if action == "replace":
            parent[last] = draw(JSON)
        elif action == "remove":
            del parent[last]
        elif action == "add" and isinstance(parent, dict):
            parent[draw(st.text(max_size=10))] = draw(JSON)
        elif action == "dup" and isinstance(parent, list):
            parent.append(json.loads(json.dumps(parent[last])))
        else:
            parent[last] = draw(JSON)
    return copy


@st.composite
def mutated_bytes(draw: st.DrawFn, original: bytes) -> bytes:
    """original with a few bytes flipped, cut, inserted or removed."""
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 4))):
        action = draw(st.sampled_from(["flip", "cut", "insert", "delete"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if action == "flip" and data:
            data[at] ^= draw(st.integers(1, 255))
        elif action == "cut":
            del data[at:]
        elif action == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif data:
            del data[at : at + draw(st.integers(1, 64))]
    return bytes(data)


# What a refusal must look like -------------------------------------------------------------


def assert_one_line(exc: BaseException) -> None:
    """A CtpatError (or subclass) whose message is one non-empty line."""
    assert isinstance(exc, CtpatError), f"{type(exc).__name__}: {exc}"
    message = str(exc)
    assert message.strip(), "an empty error message"
    assert "\n" not in message and "\r" not in message, repr(message)


def refused(call: Callable[[], Any]) -> CtpatError | None:
    """Run call; the CtpatError it raised (checked to be one line), or None if it worked."""
    try:
        call()
    except CtpatError as exc:
        assert_one_line(exc)
        return exc
    return None


# Snapshots of a data folder ----------------------------------------------------------------


def sqlite_dump(path: Path) -> str:
    """Every table's schema and rows, read through a read-only connection."""
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        return "\n".join(conn.iterdump())


def files_under(folder: Path) -> dict[str, str]:
    """Relative path → SHA-256 of every file below folder."""
    if not folder.exists():
        return {}
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def database_dump(ctx: AppContext) -> str:
    """Every table's rows, read through the store (which knows how to open the database)."""
    tables = [
        row[0]
        for row in ctx.store.read(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        )
    ]
    lines = []
    for table in tables:
        rows = [tuple(row) for row in ctx.store.read(f'SELECT * FROM "{table}"')]
        lines.append(f"{table}: {sorted(rows, key=repr)!r}")
    return "\n".join(lines)


def folder_state(ctx: AppContext) -> tuple[str, dict[str, str]]:
    """A data folder's database content and its evidence files."""
    return database_dump(ctx), files_under(ctx.data_dir / "evidence")


def folder_secret(folder: Path) -> str | None:
    """The keyring entry holding a data folder's key (None for a folder without one)."""
    from ctpat_desktop.secrets import stored_secret
    from ctpat_desktop.store.keys import keyring_name

    return stored_secret(keyring_name(folder))


@contextmanager
def copied_folder(template: Path, secret: str | None) -> Iterator[tuple[AppContext, Path]]:
    """A fresh copy of a template data folder, its key put in the test's keyring, opened.

    Yields (context, a scratch folder for other files).
    """
    from ctpat_desktop.secrets import store_secret
    from ctpat_desktop.store.keys import keyring_name

    with tempfile.TemporaryDirectory(prefix="ctpat-fuzz-") as tmp:
        folder = Path(tmp)
        shutil.copytree(template, folder / "data")
        if secret is not None:
            assert store_secret(keyring_name(folder / "data"), secret)
        ctx = AppContext(folder / "data", Settings(user="fuzzer"))
        try:
            yield ctx, folder
        finally:
            ctx.close()


@st.composite
def mutated_part(draw: st.DrawFn, document: dict[str, Any], parts: list[str]) -> Any:
    """document with one of its top-level parts mutated (or the whole, for "")."""
    part = draw(st.sampled_from(parts))
    if not part:
        return draw(mutated(document))
    copy = dict(document)
    copy[part] = draw(mutated(document[part]))
    return copy


def run_cli(main: Callable[[list[str]], int], capsys: Any, args: list[str]) -> tuple[int, str, str]:
    """Run a command line in-process; (exit code, stdout, stderr)."""
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def assert_cli_refused(code: int, err: str, prog: str) -> None:
    """Exit code 1 and exactly one line on stderr, naming the program."""
    assert code == 1, (code, err)
    assert err.endswith("\n") and err.count("\n") == 1, repr(err)
    assert err.startswith(f"{prog}: "), repr(err)
