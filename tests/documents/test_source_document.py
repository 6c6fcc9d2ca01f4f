from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction

from kpi.documents.models import SourceDocument, circular_path
from kpi.org.models import Province
from kpi.rounds.importing import import_circular
from tests.rounds.fixtures import SEED_NAME

pytestmark = pytest.mark.django_db


def make_document(province: Province, sha: str) -> SourceDocument:
    document = SourceDocument(
        province=province,
        original_filename="ว536.TXT",
        sha256=sha,
        parsed={},
        kind=SourceDocument.Kind.FIRST,
    )
    document.file.save("ว536.TXT", ContentFile(b"data"), save=False)
    document.save()
    return document


def test_a_stored_circular_is_named_by_its_hash_and_suffix(ubon: Province, media: Path) -> None:
    document = make_document(ubon, "ab" * 32)

    assert document.file.name == f"circulars/{'ab' * 32}.txt"
    assert (media / document.file.name).read_bytes() == b"data"
    assert circular_path(document, "หนังสือ.docx") == f"circulars/{'ab' * 32}.docx"


def test_one_content_is_stored_once(ubon: Province) -> None:
    make_document(ubon, "cd" * 32)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_document(ubon, "cd" * 32)


def test_a_file_left_by_a_rolled_back_import_is_reused(
    ubon: Province, media: Path, seed_bytes, seed_dict
) -> None:
    with pytest.raises(RuntimeError), transaction.atomic():
        import_circular(seed_bytes, SEED_NAME, by=None, parsed=seed_dict, create_missing=True)
        raise RuntimeError("rolled back after the file was written")
    assert not SourceDocument.objects.exists()

    result = import_circular(seed_bytes, SEED_NAME, by=None, parsed=seed_dict, create_missing=True)

    assert result.document.file.name == f"circulars/{result.document.sha256}.txt"
    assert len(list((media / "circulars").iterdir())) == 1


def test_documents_of_a_round_and_revisions_are_found_by_name(
    ubon: Province, seed_bytes, seed_dict
) -> None:
    result = import_circular(seed_bytes, SEED_NAME, by=None, parsed=seed_dict, create_missing=True)

    assert list(SourceDocument.objects.for_round(result.round)) == [result.document]
    assert list(SourceDocument.objects.revisions()) == [result.document]
