"""Pushing a text to a LINE group through the Messaging API (standard library only).

Settings: ``KPI_LINE_CHANNEL_TOKEN`` (empty: LINE is off) and ``KPI_LINE_API_URL`` (the push
endpoint; tests point it at a local stand-in server).
"""

from __future__ import annotations

import json
import urllib.request
import uuid
from dataclasses import dataclass

from django.conf import settings

DEFAULT_URL = "https://api.line.me/v2/bot/message/push"
# The Messaging API refuses text messages over 5,000 characters.
MAX_TEXT = 5000


@dataclass(frozen=True)
class LineChannel:
    token: str
    url: str = DEFAULT_URL
    timeout: float = 10.0

    def push(self, to: str, text: str) -> None:
        """Send *text* to the group (or user) *to*.

        Raises:
            OSError: the request failed (``urllib.error.URLError``, ``HTTPError`` for a
                status other than 2xx, or a timeout).
        """
        body = json.dumps(
            {"to": to, "messages": [{"type": "text", "text": text[:MAX_TEXT]}]},
            ensure_ascii=False,
        ).encode("utf-8")
        request = urllib.request.Request(
            self.url,
            data=body,
            method="POST",
            headers={
                "Authorization": f"Bearer {self.token}",
                "Content-Type": "application/json",
                # LINE ignores a retried push with the same key: no double reminders.
                "X-Line-Retry-Key": str(uuid.uuid4()),
            },
        )
        with urllib.request.urlopen(request, timeout=self.timeout) as response:
            response.read()


def channel() -> LineChannel | None:
    """The configured channel, or None when no token is set."""
    token = getattr(settings, "KPI_LINE_CHANNEL_TOKEN", "")
    if not token:
        return None
    return LineChannel(token, getattr(settings, "KPI_LINE_API_URL", "") or DEFAULT_URL)
