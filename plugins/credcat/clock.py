"""What "today" is for credcat: the one clock every time-aware rule and renderer reads.

Owns :func:`today`. When the environment variable ``SOURCE_DATE_EPOCH`` is set (the
reproducible-builds convention: seconds since 1970-01-01 UTC), today is that moment's date in
UTC, so a build for a given date is byte-identical wherever and whenever it runs; otherwise it is
the real date in UTC. Nothing else in credcat asks the system for the date.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime

from .errors import CredcatError

SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH"


class ClockError(CredcatError):
    """``SOURCE_DATE_EPOCH`` is set but is not a whole number of seconds."""


def today() -> date:
    """The date credcat treats as today, in UTC.

    Returns:
        The date of ``SOURCE_DATE_EPOCH`` when it is set, else the current date.

    Raises:
        ClockError: When ``SOURCE_DATE_EPOCH`` is set but is not a whole number of seconds
            within the range of dates Python can represent.
    """
    epoch = os.environ.get(SOURCE_DATE_EPOCH, "").strip()
    if not epoch:
        return datetime.now(UTC).date()
    try:
        return datetime.fromtimestamp(int(epoch), UTC).date()
    except (ValueError, OverflowError, OSError):
        raise ClockError(
            f"{SOURCE_DATE_EPOCH}={epoch!r} is not a time: set it to a whole number of seconds "
            "since 1970-01-01 UTC (e.g. $(git log -1 --format=%ct)), or unset it"
        ) from None
