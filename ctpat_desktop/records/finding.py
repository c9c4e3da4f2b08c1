"""The finding on one criterion, declared once: its table, sync Kind, exchange items and
their schema, JSON view and `finding set` options derive from FINDING.

Its domain object stays worksheet.model.Finding (tests/records/test_finding_declaration.py
holds the two to the same fields) and its rules stay in worksheet/rules.py; this module
imports neither, so the command line builds its options without loading the worksheet.
"""

from ctpat_desktop.records.declare import Declaration, Field, Type

CRITERION_PATTERN = r"(1[0-2]|[1-9])\.[1-9][0-9]?"
# worksheet.model's FindingStatus and Verification, worksheet.rules' EXTENSION_DAYS and
# MAX_TYPED (a test holds them equal).
STATUSES = ("not-reviewed", "met", "not-met", "exceeds", "not-applicable")
VERIFICATIONS = ("document-verified", "process-observed", "described", "other")
EXTENSION_DAYS = (30, 60, 90, 120)
MAX_TYPED = 20_000


def _typed(name: str, label: str) -> Field:
    """A text a person types: a note, a response."""
    return Field(name, Type.TEXT, label, max_length=MAX_TYPED, multiline=True)


FINDING = Declaration(
    name="finding",
    table="findings",
    label="finding",
    key="findings",
    command="finding",
    summary="the SCSS's finding on each criterion recorded",
    fields=(
        Field(
            "criterion",
            Type.TEXT,
            "criterion",
            required=True,
            pattern=CRITERION_PATTERN,
            max_length=8,
        ),
        Field(
            "status",
            Type.TEXT,
            "status",
            required=True,
            choices=STATUSES,
            max_length=16,
            default="not-reviewed",
        ),
        Field("reasons", Type.CODES, "deficiency reason code", flag="reason"),
        Field(
            "unmet_parts",
            Type.CODES,
            "key of a part not met, for a criterion with parts ('all': the whole)",
            item_pattern="[a-z]",
            flag="part",
            added=True,
        ),
        Field(
            "verified",
            Type.TEXT,
            "how it was verified",
            nullable=True,
            choices=VERIFICATIONS,
            max_length=24,
        ),
        _typed("note", "internal note"),
        _typed("report_text", "the finding as it reads in the report"),
        _typed("action", "required action text"),
        Field("due", Type.DATE, "response due date", nullable=True),
        _typed("profile_answer", "the member's security-profile answer"),
        Field(
            "response_implemented",
            Type.BOOL,
            "member's response: required action implemented",
            nullable=True,
        ),
        _typed("response_note", "member's response narrative"),
        Field(
            "extension_days",
            Type.INT,
            "extension of the due date, in days",
            nullable=True,
            int_choices=EXTENSION_DAYS,
        ),
        _typed("extension_reason", "why the due date is extended"),
        Field("response_accepted", Type.BOOL, "member's response accepted", nullable=True),
    ),
    unique_by=("criterion",),
    carries_id=False,
    in_every_file=True,
)
# The finding's recorded fields (its criterion is its key), in one order for storage and diffs.
RECORDED = tuple(f.name for f in FINDING.fields if f.name not in FINDING.unique_by)
