"""Worksheet rules: reasons, due dates, best practices, progress."""

from dataclasses import replace
from datetime import date

import pytest

from ctpat_desktop.catalog import CatalogLibrary, Criterion, Level, Part
from ctpat_desktop.errors import RuleError
from ctpat_desktop.paths import resources_dir
from ctpat_desktop.worksheet import (
    Finding,
    FindingStatus,
    Outcome,
    apply_finding_rules,
    classify,
    progress_by_category,
)
from ctpat_desktop.worksheet.rules import finding_breaches

CODES = frozenset({"no-written-procedure", "training-gap"})
ON = date(2026, 3, 2)
MUST = Criterion("4.8", 4, Level.MUST, "Passwords", "Strong passwords.", "Check the policy.")
SHOULD = Criterion("4.4", 4, Level.SHOULD, "Security tests", "Run tests.", "Ask for reports.")


def _apply(finding: Finding, criterion: Criterion = MUST) -> Finding:
    return apply_finding_rules(finding, criterion, CODES, ON, 90)


def test_not_met_needs_a_reason() -> None:
    with pytest.raises(RuleError, match="needs at least one reason"):
        _apply(Finding("4.8", FindingStatus.NOT_MET))


def test_not_met_must_is_a_required_action_due_in_90_days() -> None:
    finding = _apply(Finding("4.8", FindingStatus.NOT_MET, reasons=("training-gap",)))
    assert finding.due == date(2026, 5, 31)
    assert classify(finding, MUST) is Outcome.REQUIRED_ACTION


def test_response_days_is_a_setting() -> None:
    finding = apply_finding_rules(
        Finding("4.8", FindingStatus.NOT_MET, reasons=("training-gap",)), MUST, CODES, ON, 30
    )
    assert finding.due == date(2026, 4, 1)


def test_not_met_should_is_a_recommendation_without_default_due() -> None:
    finding = _apply(Finding("4.4", FindingStatus.NOT_MET, reasons=("training-gap",)), SHOULD)
    assert finding.due is None
    assert classify(finding, SHOULD) is Outcome.RECOMMENDATION


def test_given_due_date_is_kept_but_not_before_the_validation() -> None:
    base = Finding("4.8", FindingStatus.NOT_MET, reasons=("training-gap",), due=date(2026, 4, 1))
    assert _apply(base).due == date(2026, 4, 1)
    with pytest.raises(RuleError, match="before the validation date"):
        _apply(replace(base, due=date(2026, 3, 1)))


def test_exceeds_needs_a_note() -> None:
    with pytest.raises(RuleError, match="needs a note"):
        _apply(Finding("4.8", FindingStatus.EXCEEDS, note="  "))
    finding = _apply(Finding("4.8", FindingStatus.EXCEEDS, note="Automated MFA rollout"))
    assert classify(finding, MUST) is Outcome.BEST_PRACTICE


def test_reasons_only_on_not_met_and_known() -> None:
    with pytest.raises(RuleError, match="apply only to a not-met"):
        _apply(Finding("4.8", FindingStatus.MET, reasons=("training-gap",)))
    with pytest.raises(RuleError, match="unknown reason 'lazy'"):
        _apply(Finding("4.8", FindingStatus.NOT_MET, reasons=("lazy",)))
    with pytest.raises(RuleError, match="given twice"):
        _apply(Finding("4.8", FindingStatus.NOT_MET, reasons=("training-gap", "training-gap")))


def test_status_vocabulary_lists_allowed_values() -> None:
    with pytest.raises(
        RuleError, match="'passed' is not a valid finding status; use one of: not-reviewed, met"
    ):
        FindingStatus.parse("passed")


def test_progress_by_category_counts_and_incomplete_required_actions() -> None:
    catalog = CatalogLibrary(resources_dir()).catalog("importer")
    findings = [
        Finding("1.1", FindingStatus.MET),
        Finding("1.3", FindingStatus.NOT_MET, reasons=("training-gap",), action="Train staff"),
        Finding("1.4", FindingStatus.NOT_MET, reasons=("training-gap",)),
        Finding("1.2", FindingStatus.NOT_REVIEWED),
        Finding("4.1", FindingStatus.NOT_APPLICABLE),
    ]
    progress = {p.category: p for p in progress_by_category(catalog, findings)}
    assert list(progress) == list(range(1, 13))
    first = progress[1]
    assert (first.total, first.reviewed, first.deficiencies) == (4, 3, 2)
    assert first.incomplete == ("1.4",)
    assert not first.complete
    assert progress[4].reviewed == 1
    done = progress_by_category(
        catalog, [Finding(c.id, FindingStatus.MET) for c in catalog.in_category(8)]
    )
    assert [p.complete for p in done if p.category == 8] == [True]


def test_line_breaks_are_normalised_and_control_characters_refused() -> None:
    finding = _apply(Finding("4.8", FindingStatus.MET, note="one\r\ntwo\rthree\tfour"))
    assert finding.note == "one\ntwo\nthree\tfour"
    with pytest.raises(RuleError, match="report text contains control characters"):
        _apply(Finding("4.8", FindingStatus.MET, report_text="bell\x07"))


def test_member_response_only_on_not_met() -> None:
    with pytest.raises(RuleError, match="response applies only to a not-met"):
        _apply(Finding("4.8", FindingStatus.MET, response_implemented=True))
    finding = _apply(
        Finding("4.8", FindingStatus.NOT_MET, reasons=("training-gap",), response_note="Done")
    )
    assert finding.response_note == "Done"


# One finding breaking each rule, with the code its RuleError carries (windows word the
# error in their language from the code; the CLI prints the English line).
NOT_MET = Finding("4.8", FindingStatus.NOT_MET, reasons=("training-gap",))
MUST_WITH_PARTS = Criterion(
    "4.8",
    4,
    Level.MUST,
    "Passwords",
    "Strong passwords; a password manager.",
    "Check the policy.",
    parts=(
        Part("a", Level.MUST, "Strong passwords for every account."),
        Part("b", Level.SHOULD, "A password manager for the staff."),
    ),
)
BROKEN_RULES = {
    "control-characters": replace(NOT_MET, note="bell\x07"),
    "unknown-reason": replace(NOT_MET, reasons=("made-up",)),
    "reason-twice": replace(NOT_MET, reasons=("training-gap", "training-gap")),
    "reason-needed": Finding("4.8", FindingStatus.NOT_MET),
    "due-before-validation": replace(NOT_MET, due=date(2026, 3, 1)),
    "extension-days": replace(NOT_MET, extension_days=45, extension_reason="Parts"),
    "extension-needs-reason": replace(NOT_MET, extension_days=30),
    "extension-reason-alone": replace(NOT_MET, extension_reason="Parts"),
    "no-response": replace(NOT_MET, response_accepted=True),
    "not-met-only": Finding("4.8", FindingStatus.MET, action="Train"),
    "response-not-met-only": Finding("4.8", FindingStatus.MET, response_note="Done"),
    "extension-not-met-only": Finding("4.8", FindingStatus.MET, extension_days=30),
    "exceeds-needs-note": Finding("4.8", FindingStatus.EXCEEDS),
    "text-too-long": replace(NOT_MET, note="x" * 20_001),
    "no-parts": replace(NOT_MET, unmet_parts=("a",)),
    "unknown-part": replace(NOT_MET, unmet_parts=("z",)),
    "part-twice": replace(NOT_MET, unmet_parts=("a", "a")),
}
# The rules about parts need a criterion that has some.
_WITH_PARTS = ("unknown-part", "part-twice")


def broken(code: str) -> RuleError:
    """The RuleError of the finding that breaks one rule."""
    with pytest.raises(RuleError) as caught:
        criterion = MUST_WITH_PARTS if code in _WITH_PARTS else MUST
        apply_finding_rules(BROKEN_RULES[code], criterion, CODES, ON, 90)
    return caught.value


@pytest.mark.parametrize("code", sorted(BROKEN_RULES))
def test_every_broken_rule_says_which_rule_it_is(code: str) -> None:
    error = broken(code)
    assert error.code == code
    assert error.values["criterion"] == "4.8"
    assert str(error).startswith("criterion 4.8: ")


MIXED = Criterion(
    "3.1",
    3,
    Level.MUST,
    "Partner screening",
    "Screen partners; check for money laundering.",
    "Ask for the procedure.",
    parts=(
        Part("a", Level.MUST, "A written, risk-based partner screening process."),
        Part("b", Level.SHOULD, "Checks for money laundering and terrorism financing."),
    ),
)


def test_not_met_on_only_a_should_part_is_a_recommendation() -> None:
    finding = _apply(
        Finding("3.1", FindingStatus.NOT_MET, reasons=("training-gap",), unmet_parts=("b",)),
        MIXED,
    )
    assert classify(finding, MIXED) is Outcome.RECOMMENDATION
    assert finding.due is None  # a recommendation gets no default response date


@pytest.mark.parametrize("parts", [("a",), ("a", "b"), ()])
def test_not_met_on_a_must_part_or_the_whole_is_a_required_action(
    parts: tuple[str, ...],
) -> None:
    finding = _apply(
        Finding("3.1", FindingStatus.NOT_MET, reasons=("training-gap",), unmet_parts=parts), MIXED
    )
    assert classify(finding, MIXED) is Outcome.REQUIRED_ACTION
    assert finding.due == date(2026, 5, 31)


@pytest.mark.parametrize(
    ("criterion", "parts", "message"),
    [
        (MIXED, ("c",), "has no part 'c'; its parts are a, b"),
        (MIXED, ("a", "a"), "a part is given twice"),
        (MUST, ("a",), "has no parts"),
    ],
)
def test_parts_must_be_the_criterions_own(
    criterion: Criterion, parts: tuple[str, ...], message: str
) -> None:
    finding = Finding(criterion.id, FindingStatus.NOT_MET, reasons=("training-gap",))
    with pytest.raises(RuleError, match=message):
        _apply(replace(finding, unmet_parts=parts), criterion)


def test_parts_belong_to_a_not_met_finding_only() -> None:
    with pytest.raises(RuleError, match="parts not met"):
        _apply(Finding("3.1", FindingStatus.MET, unmet_parts=("b",)), MIXED)


def test_every_broken_rule_is_found_with_the_field_to_fix() -> None:
    """apply_finding_rules says the first; finding_breaches all of them, each with its field."""
    finding = Finding(
        "4.8",
        FindingStatus.NOT_MET,
        reasons=("training-gap", "made-up", "training-gap"),
        due=date(2026, 3, 1),
        note="bell\x07",
        response_accepted=True,
    )
    found = finding_breaches(finding, MUST, CODES, ON)
    assert [(b.code, b.fields[0], b.index) for b in found] == [
        ("control-characters", "note", None),
        ("unknown-reason", "reasons", 1),
        ("reason-twice", "reasons", 2),
        ("due-before-validation", "due", None),
        ("no-response", "response_accepted", None),
    ]
    with pytest.raises(RuleError) as caught:
        _apply(finding)
    assert (caught.value.code, str(caught.value)) == ("control-characters", found[0].message)


def test_each_field_only_a_not_met_finding_carries_is_its_own_breach() -> None:
    finding = Finding(
        "4.8", FindingStatus.MET, reasons=("training-gap",), action="Train", due=date(2026, 9, 1)
    )
    found = finding_breaches(finding, MUST, CODES, ON)
    assert [(b.code, b.fields) for b in found] == [
        ("not-met-only", ("reasons", "status")),
        ("not-met-only", ("action", "status")),
        ("not-met-only", ("due", "status")),
    ]
    assert found[1].message == "criterion 4.8: a required action applies only to a not-met finding"


@pytest.mark.parametrize("code", sorted(BROKEN_RULES))
def test_no_rule_speaks_of_command_line_options(code: str) -> None:
    """The worksheet, the windows and the hub show these lines too: no "(--reason)"."""
    assert "--" not in str(broken(code))


def test_a_finding_that_breaks_no_rule_has_no_breach() -> None:
    assert finding_breaches(NOT_MET, MUST, CODES, ON) == []
