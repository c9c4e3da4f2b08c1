"""Fuzz `validation import FILE`: any file is imported whole or refused with one line."""

import base64
import hashlib
import json
from datetime import date
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from ctpat_desktop.app import AppContext
from ctpat_desktop.cli import main
from ctpat_desktop.services.exchange import export_validation, import_validation
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.settings import Settings
from tests.fuzz.conftest import Template
from tests.fuzz.support import (
    JSON,
    assert_cli_refused,
    counted,
    folder_state,
    fuzz,
    mutated_part,
    refused,
    run_cli,
)

PARTS = ["", "validation", "findings", "evidence", "catalog", "validation", "findings"]


_MADE: dict[str, dict[str, Any]] = {}


@pytest.fixture
def document(tmp_path_factory: pytest.TempPathFactory, memory_keyring: object) -> dict[str, Any]:
    """A valid exchange document of a validation the template folder does not hold."""
    if "document" not in _MADE:
        _MADE["document"] = _exported_document(tmp_path_factory)
    return _MADE["document"]


def _exported_document(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("exchange-source")
    ctx = AppContext(folder / "data", Settings(user="other"))
    try:
        validation = plan_validation(
            ctx,
            member="Other Freight",
            account="MX-8888",
            entity="highway-carrier",
            on=date(2026, 5, 4),
        )
        session = ValidationSession(ctx, validation.id)
        session.record_finding("1.2", status="exceeds", note="Practice: drills")
        session.record_finding(
            "2.2", status="not-met", reasons=["training-gap"], action="Train", due=date(2026, 8, 1)
        )
        photo = folder / "dock.png"
        photo.write_bytes(b"\x89PNG dock " * 30)
        session.attach_evidence(photo, "2.2")
        exported: dict[str, Any] = export_validation(ctx, validation.id, folder / "v.json")
    finally:
        ctx.close()
    return exported


def _check_import(template: Template, content: bytes) -> None:
    """Import content into a copy of the template: all of it, or nothing and one line."""
    counted("validation import (exchange.py)")
    with template.copy() as (ctx, folder):
        source = folder / "in.json"
        source.write_bytes(content)
        before = folder_state(ctx)
        imported: list[Any] = []
        error = refused(lambda: imported.append(import_validation(ctx, source)))
        if error is None:
            # Accepted data must read back: the validation opens and exports again.
            export_validation(ctx, imported[0].id, folder / "again.json")
        else:
            assert folder_state(ctx) == before, str(error)


def _encoded(document: Any) -> bytes:
    return json.dumps(document, ensure_ascii=False).encode("utf-8", "surrogatepass")


@fuzz(60)
@given(content=st.binary(max_size=200))
@example(content=b"[" * 100_000)
@example(content=b'{"format": "ctpat-validation", "x": ' + b"[" * 5000 + b"]" * 5000 + b"}")
@example(content=b"\xff\xfe{}")
def test_any_bytes(template: Template, content: bytes) -> None:
    _check_import(template, content)


@fuzz(40)
@given(value=JSON)
def test_any_json(template: Template, value: Any) -> None:
    _check_import(template, _encoded(value))


@fuzz(120)
@given(data=st.data())
def test_mutated_exports(template: Template, document: dict[str, Any], data: st.DataObject) -> None:
    changed = data.draw(mutated_part(document, PARTS))
    _check_import(template, _encoded(changed))


def _with(document: dict[str, Any], part: str, **values: Any) -> dict[str, Any]:
    copy = json.loads(json.dumps(document))
    target = {"finding": copy["findings"][-1], "evidence": copy["evidence"][0]}.get(part)
    target = copy[part] if target is None else target
    target.update(values)
    return copy


@pytest.mark.parametrize(
    ("part", "values"),
    [
        ("validation", {"date": "2026-02-30"}),
        ("validation", {"date": "2026-05-04\n"}),
        ("finding", {"due": "2026-13-01"}),
        ("finding", {"due": "2026-08-01\n"}),
        ("validation", {"catalog_version": "2023.1\n"}),
        ("finding", {"reasons": ["no-evidence", "a\nb"]}),
        ("evidence", {"filename": "two\nlines", "size": 1}),
    ],
)
def test_dates_that_pass_the_schema_pattern(
    template: Template, document: dict[str, Any], part: str, values: dict[str, Any]
) -> None:
    """$ in a JSON-schema pattern also matches before a final newline; dates must be real."""
    _check_import(template, _encoded(_with(document, part, **values)))


def test_a_refused_import_leaves_no_evidence_behind(
    template: Template, document: dict[str, Any]
) -> None:
    """Evidence content of a validation that is refused at the last step is not kept."""
    with template.copy() as (ctx, folder):
        source = folder / "first.json"
        source.write_bytes(_encoded(document))
        import_validation(ctx, source)
        before = folder_state(ctx)
        again = json.loads(json.dumps(document))
        for number, old in enumerate(again["evidence"]):
            old["id"] = f"{number:036d}"  # new evidence IDs: only the validation is taken
        content = b"new evidence, same validation"
        item = dict(again["evidence"][0])
        item.update(
            id="e" * 36,
            content_base64=base64.b64encode(content).decode(),
            sha256=hashlib.sha256(content).hexdigest(),
            size=len(content),
        )
        again["evidence"].append(item)
        source.write_bytes(_encoded(again))
        error = refused(lambda: import_validation(ctx, source))
        assert error is not None and "already exists" in str(error)
        assert folder_state(ctx) == before


@fuzz(15)
@given(data=st.data())
def test_cli_refuses_with_one_line(
    template: Template,
    document: dict[str, Any],
    capsys: pytest.CaptureFixture[str],
    data: st.DataObject,
) -> None:
    counted("ctpat-desktop validation import (CLI)")
    changed = data.draw(st.one_of(mutated_part(document, PARTS), JSON))
    with template.copy() as (ctx, folder):
        source = folder / "in.json"
        source.write_bytes(_encoded(changed))
        before = folder_state(ctx)
        code, _out, err = run_cli(
            main, capsys, ["validation", "import", str(source), "--data-dir", str(ctx.data_dir)]
        )
        if code != 0:
            assert_cli_refused(code, err, "ctpat-desktop")
            assert folder_state(ctx) == before


@pytest.mark.parametrize("clash", ["twice in the file", "already in the folder"])
def test_an_evidence_id_that_is_taken_is_refused(
    template: Template, document: dict[str, Any], clash: str
) -> None:
    """Found by fuzzing: a taken evidence ID was a database IntegrityError (an internal error)."""
    copy = json.loads(json.dumps(document))
    if clash == "twice in the file":
        copy["evidence"].append(dict(copy["evidence"][0]))
    else:
        with template.copy() as (ctx, _folder):
            (taken,) = ctx.store.read("SELECT id FROM evidence")
        copy["evidence"][0]["id"] = taken[0]
    _check_import(template, _encoded(copy))
    with template.copy() as (ctx, folder):
        source = folder / "in.json"
        source.write_bytes(_encoded(copy))
        error = refused(lambda: import_validation(ctx, source))
        assert error is not None and "evidence" in str(error)
