"""Errors a user can act on: each carries one clear line of text."""


class CtpatError(Exception):
    """A problem caused by input or state that the user can fix; str() is the message."""


class CatalogError(CtpatError):
    """A catalog or reasons file is missing or malformed."""


class RuleError(CtpatError):
    """A finding or validation breaks a worksheet rule.

    code and values, where given, name the rule and its particulars, so that a window can
    say the same in its own language (str() stays the English line the CLI prints).
    """

    def __init__(
        self, message: str, *, code: str = "", values: dict[str, object] | None = None
    ) -> None:
        super().__init__(message)
        self.code = code
        self.values = dict(values or {})


class NotFoundError(CtpatError):
    """A validation, criterion or file named by the user does not exist."""


class StoreError(CtpatError):
    """The database cannot be opened or used as it is."""


class ExchangeError(CtpatError):
    """An exchange file (JSON) cannot be read or does not match its schema."""


class PartlyDone(CtpatError):
    """A command did its work but some of it was refused; `document` is what it did."""

    def __init__(self, message: str, document: object) -> None:
        super().__init__(message)
        self.document = document


class StaleEdit(RuleError):
    """An edit made on a copy that is no longer current: nothing was saved."""
