"""The SQL the store runs for a declared kind, derived from its declaration."""

from collections.abc import Iterable

from ctpat_desktop.records.declare import Declaration

STAMPS = ("updated_at", "updated_by")


def insert_columns(kind: Declaration) -> tuple[str, ...]:
    """The columns a new record is written with (the rest have their defaults)."""
    return ("id", kind.scope, *(f.name for f in kind.fields), *STAMPS)


def insert_sql(kind: Declaration) -> str:
    """INSERT of a whole record, with named parameters."""
    names = insert_columns(kind)
    return (
        f"INSERT INTO {kind.table} ({', '.join(names)}) "
        f"VALUES ({', '.join(':' + n for n in names)})"
    )


def update_sql(kind: Declaration, names: Iterable[str]) -> str:
    """UPDATE of some fields (a new revision), with named parameters and :id."""
    sets = [f"{n} = :{n}" for n in (*names, *STAMPS)]
    return f"UPDATE {kind.table} SET {', '.join(sets)}, rev = rev + 1 WHERE id = :id"


def remove_sql(kind: Declaration) -> str:
    """Mark a record deleted (a new revision; sync carries the tombstone)."""
    return (
        f"UPDATE {kind.table} SET deleted = 1, updated_at = :updated_at, "
        "updated_by = :updated_by, rev = rev + 1 WHERE id = :id"
    )


def select_sql(kind: Declaration) -> str:
    """A validation's live records, in the order they were made."""
    return f"SELECT * FROM {kind.table} WHERE {kind.scope} = ? AND deleted = 0 ORDER BY rowid"


def select_one_sql(kind: Declaration) -> str:
    """One record by ID, removed or not."""
    return f"SELECT * FROM {kind.table} WHERE id = ?"
