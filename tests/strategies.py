"""Hypothesis strategies shared by the property tests: findings the rules accept."""

from datetime import date, timedelta

from hypothesis import strategies as st

from ctpat_desktop.catalog import Catalog, Level

TEXT = st.text(
    st.one_of(
        st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
        st.sampled_from(["\n", "\t", "\r", "=", "+", "-", "@", " "]),
    ),
    max_size=40,
)
STATUSES = ["met", "not-met", "exceeds", "not-applicable"]


@st.composite
def recorded_findings(
    draw: st.DrawFn, catalog: Catalog, reasons: list[str], on: date
) -> dict[str, dict[str, object]]:
    """Keyword arguments for record_finding, by criterion, valid under the rules."""
    chosen = draw(st.lists(st.sampled_from(catalog.criteria), unique=True, max_size=12))
    result: dict[str, dict[str, object]] = {}
    for criterion in chosen:
        status = draw(st.sampled_from(STATUSES))
        fields: dict[str, object] = {
            "status": status,
            "verified": draw(st.sampled_from([None, "document-verified", "described", "other"])),
            "note": draw(TEXT),
            "report_text": draw(TEXT),
            "profile_answer": draw(TEXT),
        }
        if status == "not-met":
            fields["reasons"] = draw(st.lists(st.sampled_from(reasons), min_size=1, unique=True))
            fields["action"] = draw(TEXT)
            if criterion.level is Level.SHOULD or draw(st.booleans()):
                fields["due"] = on + timedelta(days=draw(st.integers(0, 400)))
            fields["response_implemented"] = draw(st.sampled_from([None, True, False]))
            fields["response_note"] = draw(TEXT)
        if status == "exceeds":
            fields["note"] = "Practice: " + str(fields["note"])
        result[criterion.id] = fields
    return result
