"""Evidence for a result: files checked by content and stored under their hash, and links.

Evidence changes with the result it supports: only while the district may edit the result
(draft or returned, round open). A removed file stays on disk, since the history row of the
evidence still points at it.
"""

from __future__ import annotations

import hashlib
import os

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.validators import URLValidator
from django.db import transaction

from kpi.org.audit import save_audited
from kpi.results import states
from kpi.results.actions.results import lock, require_round, require_state
from kpi.results.errors import EvidenceEmpty, EvidenceTooLarge, EvidenceTypeRefused, LinkInvalid
from kpi.results.filetypes import detect
from kpi.results.models import URL_MAX_LENGTH, Evidence, Result, evidence_path
from kpi.results.storage import evidence_storage

User = AbstractBaseUser

FILE_ADDED = "เพิ่มไฟล์หลักฐาน"
LINK_ADDED = "เพิ่มลิงก์หลักฐาน"
REMOVED = "นำหลักฐานออก"
DEFAULT_LIMIT = 20 * 1024 * 1024


def upload_limit() -> int:
    return int(getattr(settings, "UPLOAD_MAX_BYTES", DEFAULT_LIMIT))


def _editable(result: Result) -> Result:
    locked = lock(result)
    require_state(locked, states.EDITABLE)
    require_round(locked, states.REPORTING)
    return locked


@transaction.atomic
def add_evidence_file(
    result: Result, upload: File, *, by: User | None, title: str = ""
) -> Evidence:
    """Attach *upload* (an uploaded file, or any Django ``File``) to *result*.

    The type is read from the content (``filetypes.detect``): a PNG named ``.pdf`` is stored
    and served as the PNG it is; the file is stored once per content as
    ``MEDIA_ROOT/evidence/<sha256><extension>``.

    Raises:
        EvidenceEmpty: the file has no bytes.
        EvidenceTooLarge: it is over ``settings.UPLOAD_MAX_BYTES``.
        EvidenceTypeRefused: it is not PDF, PNG, JPEG, GIF, WebP, DOCX or XLSX.
        WrongState, RoundStatusRefused: the result cannot be edited now.
    """
    name = os.path.basename(upload.name or "")[:255]
    size = upload.size or 0
    if size <= 0:
        raise EvidenceEmpty("file", name=name)
    limit = upload_limit()
    if size > limit:
        raise EvidenceTooLarge("file", name=name, size=size, limit=limit)
    kind = detect(upload)
    if kind is None:
        raise EvidenceTypeRefused("file", name=name)
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    result = _editable(result)
    evidence = Evidence(
        result=result,
        kind=Evidence.Kind.FILE,
        sha256=digest.hexdigest(),
        original_name=name,
        content_type=kind.content_type,
        extension=kind.extension,
        size=size,
        title=title.strip()[:300],
        added_by=by,
    )
    path = evidence_path(evidence, name)
    if evidence_storage.exists(path):
        # Same hash, same bytes: stored for another result, or left by a rolled-back upload.
        evidence.file.name = path
    else:
        evidence.file.save(path, upload, save=False)
    save_audited(evidence, by=by, reason=FILE_ADDED)
    return evidence


@transaction.atomic
def add_evidence_link(result: Result, url: str, *, by: User | None, title: str = "") -> Evidence:
    """Attach a web address (a news post, usually) to *result*.

    Raises:
        LinkInvalid: *url* is not an http or https address.
        WrongState, RoundStatusRefused: the result cannot be edited now.
    """
    url = (url or "").strip()
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        raise LinkInvalid("url", url=url) from None
    if len(url) > URL_MAX_LENGTH:
        raise LinkInvalid("url", url=url[:80] + "…")
    result = _editable(result)
    evidence = Evidence(
        result=result, kind=Evidence.Kind.LINK, url=url, title=title.strip()[:300], added_by=by
    )
    save_audited(evidence, by=by, reason=LINK_ADDED)
    return evidence


@transaction.atomic
def remove_evidence(evidence: Evidence, *, by: User | None, reason: str = REMOVED) -> None:
    """Take evidence off its result (the history keeps the record and the file).

    Raises:
        WrongState, RoundStatusRefused: the result cannot be edited now.
    """
    _editable(evidence.result)
    evidence._history_user = by  # type: ignore[attr-defined]
    evidence._change_reason = reason  # type: ignore[attr-defined]
    evidence.delete()
