"""The command line's feedback after a validation: `feedback add|list`.

An answer is written once (services/feedback.py); a later one of the same person and
source replaces it on the dashboard. A refusal is one line and exit 1; a usage mistake
exit 2 (argparse).
"""

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ctpat_desktop.app import AppContext

Command = Callable[..., argparse.ArgumentParser]


def add_feedback_commands(commands: Any, command: Command) -> None:
    """Register `feedback …` with the CLI's parser."""
    group = commands.add_parser("feedback", help="feedback after a validation").add_subparsers(
        dest="feedback_command", metavar="ACTION", required=True
    )
    add = command(group, "add", feedback_add, "record the SCSS's (or the member's) feedback")
    add.add_argument("id", help="the validation (its ID or first characters)")
    add.add_argument(
        "--member", action="store_true", help="the member's feedback (else the SCSS's own)"
    )
    add.add_argument("--quality", type=int, help="technology quality, 1 (unusable) to 5")
    add.add_argument(
        "--not-verifiable",
        action="append",
        default=[],
        metavar="CRITERION",
        help="a criterion that could not be verified remotely (repeat, or 4.8,9.4)",
    )
    add.add_argument("--not-verifiable-note", default="", help="what else could not be verified")
    add.add_argument("--minutes-lost", type=int, help="minutes lost to technical problems")
    add.add_argument("--comments", default="", help="anything else, in words")
    listing = command(group, "list", feedback_list, "the feedback recorded for a validation")
    listing.add_argument("id", help="the validation (its ID or first characters)")


def feedback_add(ctx: "AppContext", args: argparse.Namespace) -> Any:
    """Record one answer."""
    from ctpat_desktop.services import feedback

    criteria = [c for given in args.not_verifiable for c in given.split(",")]
    answer = feedback.record_feedback(
        ctx,
        args.id,
        source="member" if args.member else "scss",
        technology_quality=args.quality,
        not_verifiable=criteria,
        not_verifiable_note=args.not_verifiable_note,
        minutes_lost=args.minutes_lost,
        comments=args.comments,
    )
    if not args.json:
        print(f"Recorded the {answer.source.value}'s feedback on {answer.validation_id[:8]}")
    return feedback.answer_view(answer)


def feedback_list(ctx: "AppContext", args: argparse.Namespace) -> Any:
    """Every answer recorded for a validation."""
    from ctpat_desktop.services import feedback

    answers = [feedback.answer_view(a) for a in feedback.feedback_answers(ctx, args.id)]
    if not args.json:
        if not answers:
            print("No feedback recorded for this validation.")
        for answer in answers:
            quality = answer["technology_quality"]
            rated = f"quality {quality}/5" if quality is not None else "quality not rated"
            lost = answer["minutes_lost"]
            print(
                f"{answer['recorded_at'][:16]}  {answer['source']:<6} {answer['recorded_by']}: "
                f"{rated}" + (f", {lost} min lost" if lost is not None else "")
            )
            if answer["not_verifiable"]:
                print(f"    not verifiable remotely: {', '.join(answer['not_verifiable'])}")
            for name in ("not_verifiable_note", "comments"):
                if answer[name]:
                    print(f"    {answer[name]}")
    return {"answers": answers}
