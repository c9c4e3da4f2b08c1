"""Probes of the hub's meaning check of a finding: every field of today's finding given a
wrong type, an over-limit or meaningless value, nothing or null, on a met and a not-met
finding; and what finding_from_fields made of each (a Finding or the refusal's message).

finding_meaning_today.json holds the outcomes of the hand-written check the derived one
replaced (as of commit 77735f6); `python -m tests.sync.finding_probes OUT` writes the
outcomes of the check as it is, to compare with them.
"""

import json
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from ctpat_desktop.errors import RuleError
from ctpat_desktop.sync.meaning import finding_from_fields

TODAY = Path(__file__).with_name("finding_meaning_today.json")
MISSING = object()  # the field left out of the pushed fields

# Sent by laptops of today: every field, a met finding and a not-met one.
MET: dict[str, Any] = {
    "validation_id": "6e8409a7-0b19-4066-8f86-2877b9752b7d",
    "criterion": "4.8",
    "status": "met",
    "reasons": "[]",
    "unmet_parts": "[]",
    "verified": None,
    "note": "",
    "report_text": "",
    "action": "",
    "due": None,
    "profile_answer": "",
    "response_implemented": None,
    "response_note": "",
    "extension_days": None,
    "extension_reason": "",
    "response_accepted": None,
}
NOT_MET = MET | {"status": "not-met", "reasons": '["other"]', "due": "2026-12-31"}

# Any field: nothing, null, each JSON type, an empty and a plain text, limits and controls.
ANY: tuple[Any, ...] = (
    MISSING,
    None,
    5,
    30.0,
    True,
    False,
    [],
    {},
    "",
    "x",
    "x" * 20_000,
    "x" * 20_001,
    "a\x00b",
    "a\x1bb",
    "a\nb\tc",
    "[]",
    '["other"]',
    "2026-12-31",
    30,
    60,
)
# Values that mean something (or nearly) to one field.
OWN: dict[str, tuple[Any, ...]] = {
    "criterion": ("13.1", "1.0", "4.8 ", "12.99", "10.10", "4.8\n"),
    "status": ("not-reviewed", "met", "not-met", "exceeds", "not-applicable", "bogus", "MET"),
    "reasons": (
        '["because"]',
        '"other"',
        '["other", "other"]',
        "[1]",
        "[",
        '["other", "training-gap"]',
        '{"a": 1}',
    ),
    "unmet_parts": ('["a"]', '["A"]', '["a", "a"]', '["a", "b"]', '["ab"]', "[3]", "x"),
    "verified": ("document-verified", "process-observed", "described", "other", "bogus"),
    "due": ("31/12/2026", "2026-02-30", 20261231, "2026-1-01", "2026-12-31T00:00"),
    "extension_days": (7, 90, 120, -30, 0, "30", 30.5),
    "response_implemented": ("yes", 1, 0),
    "response_accepted": ("no", 1, 0),
}
FIELDS = tuple(name for name in MET if name != "validation_id")


def probes() -> Iterator[tuple[str, dict[str, Any]]]:
    """(a name, the pushed fields) for every probe."""
    for base_name, base in (("met", MET), ("not-met", NOT_MET)):
        for name in FIELDS:
            for index, value in enumerate((*ANY, *OWN.get(name, ()))):
                fields = dict(base)
                if value is MISSING:
                    del fields[name]
                else:
                    fields[name] = value
                yield f"{base_name} {name} #{index} {_shown(value)}", fields


def _shown(value: Any) -> str:
    if value is MISSING:
        return "(missing)"
    text = repr(value)
    return text if len(text) < 40 else text[:37] + "..."


def outcome(fields: Mapping[str, Any]) -> list[str]:
    """["made", the Finding's repr] or ["refused", the message] (another exception: raised)."""
    try:
        made = repr(finding_from_fields(fields))
        return ["made", made.replace("x" * 20_000, "<x * 20000>")]
    except RuleError as exc:
        return ["refused", str(exc).replace("x" * 20_000, "<x * 20000>")]


def outcomes() -> dict[str, list[str]]:
    """Every probe's outcome by its name."""
    return {name: outcome(fields) for name, fields in probes()}


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else TODAY
    out.write_text(json.dumps(outcomes(), indent=1, ensure_ascii=True) + "\n", encoding="utf-8")
