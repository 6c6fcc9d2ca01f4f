"""Uploaded circulars waiting between the preview and the confirmation.

Why a store on the server: the confirmation must import exactly the bytes that were previewed,
and nothing the browser sends back can be trusted to be those bytes (a hidden field could carry
another file). So the upload is kept on the server under its SHA-256, in a folder of the user's
own, and the session lists which hashes this user staged together with the options previewed
(province, create-missing). The confirm form sends only the hash; the view accepts it only if
it is in the session, re-reads the bytes and checks their hash again before importing.

The folder lives under MEDIA_ROOT, which is never served directly (settings.py). Files older
than a day are removed whenever the user stages another one; a confirmed or abandoned import
removes its own.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import asdict, dataclass
from typing import Any

from django.contrib.sessions.backends.base import SessionBase
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

SESSION_KEY = "kpi_import_staged"
FOLDER = "import-staging"
MAX_AGE_SECONDS = 24 * 60 * 60


@dataclass(frozen=True)
class Staged:
    """One staged upload: its hash, the name it was uploaded under, the options previewed."""

    sha256: str
    filename: str
    province: int | None = None
    create_missing: bool = False
    #: a preview was shown for these options (a refused one is kept only to retry it)
    previewed: bool = False


def _path(user_id: int, sha256: str) -> str:
    return f"{FOLDER}/{user_id}/{sha256}"


def _entries(session: SessionBase) -> dict[str, dict[str, Any]]:
    return dict(session.get(SESSION_KEY) or {})


def stage(
    session: SessionBase,
    user_id: int,
    data: bytes,
    filename: str,
    *,
    province: int | None,
    create_missing: bool,
    previewed: bool,
) -> Staged:
    """Keep *data* for this user and session; returns what the confirm form refers to."""
    sha256 = hashlib.sha256(data).hexdigest()
    _sweep(user_id)
    name = _path(user_id, sha256)
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(data))
    staged = Staged(sha256, filename, province, create_missing, previewed)
    entries = _entries(session)
    entries[sha256] = asdict(staged)
    session[SESSION_KEY] = entries
    return staged


def find(session: SessionBase, sha256: str | None) -> Staged | None:
    """The staged upload *sha256* if this session staged it."""
    if not sha256:
        return None
    entry = _entries(session).get(sha256)
    return Staged(**entry) if entry else None


def read(user_id: int, staged: Staged) -> bytes | None:
    """The staged bytes, or None when they are gone or no longer match their hash."""
    name = _path(user_id, staged.sha256)
    if not default_storage.exists(name):
        return None
    with default_storage.open(name, "rb") as handle:
        data = handle.read()
    if hashlib.sha256(data).hexdigest() != staged.sha256:
        return None
    return data


def discard(session: SessionBase, user_id: int, sha256: str) -> None:
    entries = _entries(session)
    entries.pop(sha256, None)
    session[SESSION_KEY] = entries
    name = _path(user_id, sha256)
    if default_storage.exists(name):
        default_storage.delete(name)


def _sweep(user_id: int) -> None:
    folder = f"{FOLDER}/{user_id}"
    if not default_storage.exists(folder):
        return
    limit = time.time() - MAX_AGE_SECONDS
    _, files = default_storage.listdir(folder)
    for filename in files:
        name = f"{folder}/{filename}"
        if default_storage.get_modified_time(name).timestamp() < limit:
            default_storage.delete(name)
