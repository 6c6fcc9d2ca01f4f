"""The demo's clock: what the demo does is dated inside its round, not on the day it is loaded.

The actions stamp their writes with ``django.utils.timezone.now()`` (``acknowledged_at``,
``submitted_at``, ``verified_at``, the ``auto_now`` fields, and django-simple-history's
``history_date``) and take no time of their own, since a user's click happens now. The demo
replays months of work in seconds, so while it calls an action, ``at`` makes ``now()`` answer
the moment the click would have happened: the stamps and the history rows then agree.

Defaults written ``default=timezone.now`` hold the function itself, taken at import, and do
not follow the clock; the loader sets those few fields afterwards (``SourceDocument.
imported_at``, the account events). Only the demo loader uses this, in one thread, before the
server starts or while no request is served.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time
from unittest import mock

from django.utils import timezone


def moment(day: date, hour: int = 9, minute: int = 0) -> datetime:
    """*day* at *hour*:*minute* in the project's time zone (Asia/Bangkok)."""
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


@contextmanager
def at(when: datetime) -> Iterator[datetime]:
    """``timezone.now()`` is *when* inside the block (and what it was again after)."""
    with mock.patch.object(timezone, "now", lambda: when):
        yield when
