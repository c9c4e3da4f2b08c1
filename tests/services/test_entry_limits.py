"""What the hub would refuse is refused where it is typed, with one clear message."""

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from ctpat_desktop.errors import RuleError
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.sync.protocol import MAX_BLOB_BYTES
from ctpat_desktop.worksheet.rules import MAX_TYPED
from tests.conftest import CliResult


@pytest.fixture
def work(ctx) -> ValidationSession:  # type: ignore[no-untyped-def]
    validation = plan_validation(ctx, member="Acme", account="US-100", entity="importer")
    return ValidationSession(ctx, validation.id)


def test_a_note_longer_than_the_hub_takes_is_refused_on_entry(work: ValidationSession) -> None:
    with pytest.raises(RuleError, match=f"note is longer than {MAX_TYPED} characters"):
        work.record_finding("1.1", status="met", note="x" * (MAX_TYPED + 1))
    assert "1.1" not in work.findings()
    work.record_finding("1.1", status="met", note="x" * MAX_TYPED)


def test_evidence_over_the_hub_s_limit_is_refused_before_it_is_read(
    work: ValidationSession, tmp_path: Path
) -> None:
    big = tmp_path / "walkthrough.mp4"
    with big.open("wb") as handle:
        handle.truncate(MAX_BLOB_BYTES + 1)  # sparse: nothing is written or read
    with pytest.raises(
        RuleError, match=r"walkthrough\.mp4 has 67,108,865 bytes; .* at most 67,108,864"
    ):
        work.attach_evidence(big, "1.1")
    assert work.evidence() == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_or_a_device_is_not_evidence(work: ValidationSession, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(RuleError, match="not a regular file"):
        work.attach_evidence(fifo)  # before: blocked forever waiting for a writer
    with pytest.raises(RuleError, match="not a regular file"):
        work.attach_evidence(Path("/dev/zero"))  # before: read until memory ran out


def test_a_member_name_with_control_characters_is_refused(ctx) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(RuleError, match="name contains control characters"):
        plan_validation(ctx, member="Acme\x00 Imports", account="US-100", entity="importer")
    assert ctx.store.list_validations() == []


def test_the_cli_says_it_in_one_line(cli: Callable[..., CliResult], tmp_path: Path) -> None:
    vid = cli(
        "validation",
        "new",
        "--member",
        "Acme",
        "--account",
        "US-7",
        "--entity",
        "importer",
        "--json",
    ).json()["id"]
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    refused = cli("evidence", "add", vid, "1.1", str(fifo))
    assert (
        refused.code != 0 and refused.err.count("\n") == 1 and "not a regular file" in (refused.err)
    )
