"""The field-by-field three-way merge."""

from hypothesis import given
from hypothesis import strategies as st

from ctpat_desktop.sync.merge import merge

FIELDS = ("status", "note", "reasons")
values = st.sampled_from(["a", "b", "c", None])
records = st.fixed_dictionaries({name: values for name in FIELDS})


def test_one_sided_changes_merge_and_a_two_sided_clash_keeps_both() -> None:
    base = {"status": "not_reviewed", "note": "", "reasons": "[]"}
    local = {"status": "not_met", "note": "", "reasons": '["procedures"]'}
    server = {"status": "met", "note": "seen on screen", "reasons": "[]"}
    merged, conflicts = merge(base, local, server)
    assert merged == {"status": "not_met", "note": "seen on screen", "reasons": '["procedures"]'}
    assert conflicts == {"status": ("not_met", "met")}


@given(records, records, records)
def test_merge_never_loses_a_value(base: dict, local: dict, server: dict) -> None:
    merged, conflicts = merge(base, local, server)
    for name in FIELDS:
        if name in conflicts:
            # Both sides changed it differently: the record keeps mine, the list both.
            assert conflicts[name] == (local[name], server[name])
            assert merged[name] == local[name]
            assert local[name] != base[name] != server[name] != local[name]
        elif local[name] == base[name]:
            assert merged[name] == server[name]
        else:
            assert merged[name] == local[name]
            assert server[name] in (base[name], local[name])


@given(records, records)
def test_merging_with_no_local_change_takes_the_hub(base: dict, server: dict) -> None:
    assert merge(base, base, server) == (server, {})


def test_strict_merge_keeps_a_hub_only_change_as_a_conflict() -> None:
    """After a restore the hub's value may be older than the base: never taken blindly."""
    base = {"note": "newer", "status": "met"}
    local = {"note": "newer", "status": "met"}
    server = {"note": "older", "status": "met"}
    assert merge(base, local, server) == ({"note": "older", "status": "met"}, {})
    assert merge(base, local, server, strict=True) == (
        {"note": "newer", "status": "met"},
        {"note": ("newer", "older")},
    )
