"""Feedback after a validation: the SCSS's form and the member's feedback are checked,
stored once each with an audit event, listed, and summarised by `stats --json`."""

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from ctpat_desktop.app import AppContext
from ctpat_desktop.errors import RuleError
from ctpat_desktop.services.feedback import feedback_answers, record_feedback
from ctpat_desktop.services.validations import ValidationSession, plan_validation
from ctpat_desktop.sync.feedback_rules import Feedback, Source, summarise
from ctpat_desktop.worksheet import Lifecycle
from tests.conftest import CliResult

Cli = Callable[..., CliResult]


def _started(ctx: AppContext, account: str, mode: str = "virtual", day: int = 10) -> str:
    validation = plan_validation(
        ctx,
        member=f"Member {account}",
        account=account,
        entity="importer",
        mode=mode,
        on=date(2026, 3, day),
    )
    ValidationSession(ctx, validation.id).record_finding("1.1", status="met")
    return validation.id


def test_an_answer_is_stored_once_with_its_audit_event(ctx: AppContext) -> None:
    vid = _started(ctx, "US-1001")
    answer = record_feedback(
        ctx,
        vid[:8],
        technology_quality=3,
        not_verifiable=["9.4", " 10.2 "],
        not_verifiable_note="The perimeter fence at night",
        minutes_lost=25,
        comments="Video froze\r\ntwice",
    )
    assert answer.not_verifiable == ("9.4", "10.2") and answer.comments == "Video froze\ntwice"
    member = record_feedback(ctx, vid, source="member", technology_quality=5, comments="Smooth")
    assert [a.id for a in feedback_answers(ctx, vid)] == [answer.id, member.id]
    events = [e for e in ctx.store.audit_events(vid) if e["kind"] == "feedback"]
    assert [e["action"] for e in events] == ["feedback", "feedback"]
    assert '"minutes_lost": 25' in events[0]["changes"] and '"9.4"' in events[0]["changes"]
    assert ctx.store.verify_audit() is None


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"technology_quality": 6}, "technology quality is rated 1 to 5, not 6"),
        ({"technology_quality": 0}, "rated 1 to 5"),
        ({"minutes_lost": -5}, "time lost is 0 to 1440 minutes"),
        ({"not_verifiable": ["4.99"]}, "criterion 4.99 is not in the validation's catalog"),
        ({"not_verifiable": ["cyber"]}, "criterion 'cyber' is not valid"),
        ({"not_verifiable": ["4.8", "4.8"]}, "named twice"),
        ({"source": "member", "not_verifiable": ["4.8"]}, "the SCSS's judgement"),
        ({"source": "auditor", "comments": "x"}, "use scss or member"),
        ({"comments": "   "}, "the feedback is empty"),
        ({"comments": "bell\x07"}, "control characters"),
    ],
)
def test_answers_that_mean_nothing_are_refused(
    ctx: AppContext, given: dict[str, Any], message: str
) -> None:
    vid = _started(ctx, "US-1002")
    with pytest.raises(RuleError, match=message):
        record_feedback(ctx, vid, **given)
    assert feedback_answers(ctx, vid) == []


def test_a_planned_validation_takes_no_feedback_yet(ctx: AppContext) -> None:
    planned = plan_validation(ctx, member="Acme", account="US-1003", entity="importer")
    assert ctx.store.validation(planned.id).status is Lifecycle.PLANNED
    with pytest.raises(RuleError, match="once its work has started"):
        record_feedback(ctx, planned.id, technology_quality=4)


def test_the_dashboard_sums_up_the_answers_that_count(ctx: AppContext, cli: Cli) -> None:
    first = _started(ctx, "US-2001", "virtual", 2)
    second = _started(ctx, "US-2002", "virtual", 3)
    hybrid = _started(ctx, "US-2003", "hybrid", 4)
    record_feedback(ctx, first, technology_quality=1, not_verifiable=["9.4"])
    # The same SCSS answers again for the first validation: the later answer counts.
    record_feedback(ctx, first, technology_quality=2, not_verifiable=["9.4", "10.2"])
    record_feedback(ctx, second, technology_quality=5, not_verifiable=["9.4"], minutes_lost=30)
    record_feedback(ctx, second, source="member", technology_quality=4, minutes_lost=10)
    record_feedback(ctx, hybrid, technology_quality=4, not_verifiable_note="Gate camera")
    ctx.close()

    result = cli("stats", "--json")
    assert result.code == 0, result.err
    summary = result.json()["feedback"]
    assert (summary["answers"], summary["scss_answers"], summary["member_answers"]) == (4, 3, 1)
    assert summary["validations"] == 3
    assert summary["by_mode"] == [
        {
            "mode": "hybrid",
            "source": "scss",
            "answers": 1,
            "rated": 1,
            "mean_quality": 4.0,
            "minutes_lost": 0,
            "mean_minutes_lost": None,
        },
        {
            "mode": "virtual",
            "source": "member",
            "answers": 1,
            "rated": 1,
            "mean_quality": 4.0,
            "minutes_lost": 10,
            "mean_minutes_lost": 10.0,
        },
        {
            "mode": "virtual",
            "source": "scss",
            "answers": 2,
            "rated": 2,
            "mean_quality": 3.5,  # 2 and 5: the first answer (1) was replaced
            "minutes_lost": 30,
            "mean_minutes_lost": 30.0,
        },
    ]
    named = summary["not_verifiable"]
    assert [(r["criterion"], r["count"], r["percent"]) for r in named] == [
        ("9.4", 2, 66.67),
        ("10.2", 1, 33.33),
    ]
    assert named[0]["title"]  # the catalog's wording
    assert summary["not_verifiable_notes"] == 1
    only_hybrid = cli("stats", "--json", "--mode", "hybrid").json()["feedback"]
    assert only_hybrid["answers"] == 1 and only_hybrid["not_verifiable"] == []


def test_the_command_line(ctx: AppContext, cli: Cli) -> None:
    vid = _started(ctx, "US-3001")
    ctx.close()
    added = cli(
        "feedback", "add", vid[:8], "--quality", "2", "--not-verifiable", "9.4,10.2",
        "--not-verifiable", "4.8", "--minutes-lost", "40", "--comments", "Audio dropped", "--json",
    )  # fmt: skip
    assert added.code == 0, added.err
    assert added.json()["not_verifiable"] == ["9.4", "10.2", "4.8"]
    member = cli("feedback", "add", vid[:8], "--member", "--quality", "5")
    assert member.code == 0 and "member's feedback" in member.out
    listed = cli("feedback", "list", vid[:8], "--json").json()["answers"]
    assert [(a["source"], a["technology_quality"]) for a in listed] == [("scss", 2), ("member", 5)]
    text = cli("feedback", "list", vid[:8]).out
    assert "quality 2/5, 40 min lost" in text and "9.4, 10.2, 4.8" in text
    refused = cli("feedback", "add", vid[:8], "--quality", "9")
    assert (refused.code, refused.out) == (1, "")
    assert refused.err.strip().endswith("technology quality is rated 1 to 5, not 9")
    assert len(cli("feedback", "list", vid[:8], "--json").json()["answers"]) == 2
    with pytest.raises(SystemExit) as usage:
        cli("feedback", "add", vid[:8], "--quality", "good")
    assert usage.value.code == 2


def test_summarise_counts_only_the_latest_of_each_person() -> None:
    def answer(n: int, who: str, quality: int, source: Source = Source.SCSS) -> Feedback:
        return Feedback(
            f"f{n}", "v1", source, quality, recorded_at=f"2026-01-0{n}T00:00:00Z", recorded_by=who
        )

    pairs = [
        (answer(2, "ana", 5), "virtual"),
        (answer(1, "ana", 1), "virtual"),  # older, though read later
        (answer(3, "ben", 3), "virtual"),  # a co-SCSS's own answer counts too
        (answer(4, "ana", 2, Source.MEMBER), "virtual"),
    ]
    summary = summarise(pairs)
    assert summary["answers"] == 3
    scss = next(r for r in summary["by_mode"] if r["source"] == "scss")
    assert scss["mean_quality"] == 4.0
    assert summarise([])["not_verifiable"] == [] and summarise([])["answers"] == 0
