"""All errors hadath raises on purpose. Each message says how to fix the problem."""


class HadathError(Exception):
    """Base class: an error with a message meant for the user."""


class InputError(HadathError):
    """An input could not be read or is not usable (the batch skips it and goes on)."""


class SkipArticle(InputError):
    """An article is skipped on purpose; `reason` is a short machine-readable key."""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason


class DataError(HadathError):
    """A packaged data file is malformed (a bug in hadath's data, not in the input)."""


class StoreError(HadathError):
    """The database cannot be opened or written."""


class GoldFormatError(HadathError):
    """A gold file does not follow the format of the annotation guide."""


class MissingExtraError(HadathError):
    """An optional dependency is not installed."""

    def __init__(self, extra: str, module: str):
        super().__init__(
            f"this needs the optional dependency '{module}': "
            f"install it with  pip install 'hadath[{extra}]'"
        )
