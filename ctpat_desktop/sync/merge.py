"""Three-way merge of one record, field by field, against the base the client kept."""

from collections.abc import Mapping
from typing import Any


def merge(
    base: Mapping[str, Any],
    local: Mapping[str, Any],
    server: Mapping[str, Any],
    strict: bool = False,
) -> tuple[dict[str, Any], dict[str, tuple[Any, Any]]]:
    """The merged record and the fields changed on both sides, as (local, server) values.

    A field changed on one side only takes that side's value; a field changed on both
    sides to different values is a conflict: the merged record keeps the local value and
    the conflict keeps both, so neither is lost until the SCSS chooses.

    strict (after the hub was restored from an older copy, when the base may be newer
    than the hub's value): a field only the hub changed is a conflict too, never taken.
    """
    merged: dict[str, Any] = {}
    conflicts: dict[str, tuple[Any, Any]] = {}
    for name, theirs in server.items():
        mine = local.get(name, theirs)
        was = base.get(name)
        if mine == theirs or (mine == was and not strict):
            merged[name] = theirs
        elif theirs == was:
            merged[name] = mine
        else:
            merged[name] = mine
            conflicts[name] = (mine, theirs)
    return merged, conflicts
