"""Where evidence files live: ``MEDIA_ROOT/evidence/``, named by their content hash.

MEDIA_ROOT is outside the static root; the storage has no public URL, so a file is reachable
only through a view that asks ``kpi.access`` first.
"""

from __future__ import annotations

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible
from django.utils.functional import cached_property

FOLDER = "evidence"


@deconstructible(path="kpi.results.storage.EvidenceStorage")
class EvidenceStorage(FileSystemStorage):
    # Read from settings on first use (and again when a test changes MEDIA_ROOT), not at import.
    @cached_property
    def base_location(self) -> str:
        return os.path.join(settings.MEDIA_ROOT, FOLDER)

    def url(self, name: str | None) -> str:
        raise ValueError("evidence files have no public URL; serve them through an access check")


evidence_storage = EvidenceStorage()
