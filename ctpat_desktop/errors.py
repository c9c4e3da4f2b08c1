"""Errors a user can act on: each carries one clear line of text."""


class CtpatError(Exception):
    """A problem caused by input or state that the user can fix; str() is the message."""


class CatalogError(CtpatError):
    """A catalog or reasons file is missing or malformed."""


class RuleError(CtpatError):
    """A finding or validation breaks a worksheet rule."""


class NotFoundError(CtpatError):
    """A validation, criterion or file named by the user does not exist."""


class StoreError(CtpatError):
    """The database cannot be opened or used as it is."""


class ExchangeError(CtpatError):
    """An exchange file (JSON) cannot be read or does not match its schema."""
