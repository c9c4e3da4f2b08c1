"""The hub's meaning check of a finding, derived from its declaration (records/finding.py):
today's refusals word for word, a wrong JSON type refused, a field declared later checked."""

import dataclasses
import enum
import json
from datetime import date
from typing import Any

import pytest

from ctpat_desktop.errors import RuleError
from ctpat_desktop.records.declare import Field, Type
from ctpat_desktop.records.finding import FINDING
from ctpat_desktop.sync import meaning, protocol
from ctpat_desktop.worksheet.model import Finding, FindingStatus
from tests.sync.finding_probes import MET, NOT_MET, TODAY, outcome, probes

KIND = protocol.KIND_BY_NAME["finding"]


def _well_typed(name: str, fields: dict[str, Any]) -> bool:
    """Whether the probed field has the JSON type the protocol lets through (or is left out)."""
    field = name.split()[1]
    if field not in fields:
        return True
    expected, nullable = KIND.fields[field]
    value = fields[field]
    return (value is None and nullable) or type(value) is expected


def test_every_probe_of_a_well_typed_value_ends_as_before_word_for_word() -> None:
    """Each field's wrong value, over-limit text, control characters, absence and null, on a
    met and a not-met finding: what the hand-written check made or said, the derived one
    makes or says (the probes' outcomes were captured from it)."""
    today = json.loads(TODAY.read_text(encoding="utf-8"))
    made = list(probes())
    assert set(today) == {name for name, _fields in made}
    checked = 0
    for name, fields in made:
        if _well_typed(name, fields):
            assert outcome(fields) == today[name], name
            checked += 1
    assert checked > 350
    refused = {message for kind, message in today.values() if kind == "refused"}
    assert "an extension is 30, 60, 90 or 120 days" in refused
    assert "note is longer than 20000 characters" in refused
    assert "criterion 4.8: due belongs only to a not-met finding" in refused


def test_a_value_of_another_json_type_is_refused_not_turned_into_text() -> None:
    """Before, a note of 5 or null became the text '5' or 'None', a response of "yes" stood
    in a bool's place and 30.0 days passed as an extension (the protocol refuses them first
    on the hub; the meaning check no longer relies on it)."""
    wrong = [(name, fields) for name, fields in probes() if not _well_typed(name, fields)]
    assert len(wrong) > 150
    for name, fields in wrong:
        assert outcome(fields)[0] == "refused", name
    cases = {
        "note": (5, "note 5 is not valid"),
        "profile_answer": (None, "profile answer None is not valid"),
        "response_accepted": ("yes", "response accepted 'yes' is not valid"),
        "response_implemented": (1, "response implemented 1 is not valid"),
        "extension_days": (30.0, "an extension is 30, 60, 90 or 120 days"),
    }
    for field, (value, message) in cases.items():
        with pytest.raises(RuleError) as refused:
            meaning.finding_from_fields(NOT_MET | {field: value})
        assert str(refused.value) == message


def test_a_finding_pushed_right_is_the_finding_typed() -> None:
    pushed = NOT_MET | {
        "unmet_parts": '["b", "a"]',
        "verified": "process-observed",
        "note": "Seen\ton screen\n",
        "extension_days": 60,
        "extension_reason": "Vendor delay",
        "response_implemented": True,
        "response_accepted": False,
    }
    finding = meaning.finding_from_fields(pushed)
    assert finding.unmet_parts == ("b", "a") and finding.extension_days == 60
    assert (finding.response_implemented, finding.response_accepted) == (True, False)
    met = Finding("4.8", FindingStatus.MET)
    assert meaning.finding_from_fields(MET) == met
    older = {k: v for k, v in MET.items() if k != "unmet_parts"}  # an earlier release's laptop
    assert meaning.finding_from_fields(older) == met


# Fields a later release might declare, one of each kind of check.
ADDED = (
    Field("photos_shown", Type.INT, "photos shown", nullable=True, minimum=0, maximum=500),
    Field("camera", Type.TEXT, "camera", choices=("laptop", "phone"), max_length=8),
    Field("tour_days", Type.DATES, "days of the tour"),
    Field("tags", Type.CODES, "tag", item_pattern="[a-z]+"),
    Field("sound", Type.INT, "sound", int_choices=(1, 2, 3), default=1),
    Field("checked_on", Type.DATE, "checked on"),
)
TOY = dataclasses.replace(FINDING, fields=(*FINDING.fields, *ADDED))


@dataclasses.dataclass(frozen=True, slots=True)
class ToyFinding(Finding):
    photos_shown: int | None = None
    camera: str = ""
    tour_days: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    sound: int = 1
    checked_on: date = date(2026, 3, 1)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("photos_shown", 501, "photos shown must be between 0 and 500"),
        ("photos_shown", -1, "photos shown must be between 0 and 500"),
        ("photos_shown", "3", "photos shown '3' is not valid"),
        ("photos_shown", True, "photos shown True is not valid"),
        ("camera", "tablet", "camera 'tablet' is not valid"),
        ("camera", "phone\n", "camera 'phone\\n' is not valid"),
        ("tour_days", '["2026-02-30"]', "finding days of the tour '2026-02-30' is not a date"),
        ("tour_days", "2026-03-01", "finding days of the tour must be a JSON list of dates"),
        ("tags", '["Night"]', "tag 'Night' is not valid"),
        ("tags", '["a", "a"]', "tags: a code is given twice"),
        ("sound", 4, "sound is 1, 2 or 3"),
        ("sound", None, "sound is 1, 2 or 3"),
        ("checked_on", None, "checked on None is not valid"),
        ("checked_on", "1/3/2026", "checked on '1/3/2026' is not valid"),
    ],
)
def test_a_field_declared_later_is_checked_with_no_edit_to_the_check(
    monkeypatch: pytest.MonkeyPatch, field: str, value: Any, message: str
) -> None:
    monkeypatch.setattr(meaning, "FINDING_CHECKS", meaning.finding_checks(TOY, ToyFinding))
    right = MET | {
        "photos_shown": 3,
        "camera": "phone",
        "tour_days": '["2026-03-02", "2026-03-01"]',
        "tags": '["night"]',
        "sound": 2,
        "checked_on": "2026-03-01",
    }
    made = meaning.finding_from_fields(right)
    assert isinstance(made, ToyFinding)
    assert (made.photos_shown, made.camera, made.sound, made.tags) == (3, "phone", 2, ("night",))
    assert made.tour_days == ("2026-03-01", "2026-03-02")
    with pytest.raises(RuleError) as refused:
        meaning.finding_from_fields(right | {field: value})
    assert str(refused.value).startswith(message)


def test_a_field_holding_an_enumeration_that_is_no_vocabulary_is_refused_at_once() -> None:
    class Light(enum.StrEnum):
        ON = "on"

    @dataclasses.dataclass(frozen=True, slots=True)
    class Lit(Finding):
        light: Light = Light.ON

    lit = dataclasses.replace(FINDING, fields=(*FINDING.fields, Field("light", Type.TEXT, "l")))
    with pytest.raises(TypeError, match="finding light: Light is not a Vocabulary"):
        meaning.finding_checks(lit, Lit)
