"""Logging for failures the app catches and lives with: what went wrong,
never where or whose.  An error's text can name a file, and a file or folder
can be named after the family, so only the kind of error and its errno are
logged.  Records go to Python's logging (stderr by default), never to disk."""
from __future__ import annotations

import logging


def describe(err: BaseException) -> str:
    """'FileNotFoundError (errno 2)': the kind of failure without its text."""
    number = getattr(err, "errno", None)
    return type(err).__name__ + (f" (errno {number})" if number else "")


def caught(logger: logging.Logger, what: str, err: BaseException) -> None:
    """One warning for a failure that was handled: *what* is a fixed phrase."""
    logger.warning("%s: %s", what, describe(err))
