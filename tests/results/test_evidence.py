"""Evidence: files checked by content, stored under their hash outside the static root, and
links; only while the result may be edited."""

import hashlib
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from kpi.results.actions import (
    add_evidence_file,
    add_evidence_link,
    remove_evidence,
    save_result,
    submit_result,
)
from kpi.results.errors import (
    EvidenceEmpty,
    EvidenceTooLarge,
    EvidenceTypeRefused,
    LinkInvalid,
    WrongState,
)
from kpi.results.models import Evidence, Result
from tests.agreements.builders import World
from tests.results import files

pytestmark = pytest.mark.django_db


@pytest.fixture
def result(opened: World) -> Result:
    return Result.objects.get(item__indicator=opened.individual_8, district=opened.d3402)


def upload(name: str, content: bytes, content_type: str = "application/pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def test_a_pdf_is_stored_under_its_hash_in_the_evidence_folder(
    opened: World, result: Result, media: Path
) -> None:
    evidence = add_evidence_file(
        result, upload("ข่าว.pdf", files.PDF), by=opened.user("d3402"), title="สรุปข่าว"
    )

    digest = hashlib.sha256(files.PDF).hexdigest()
    assert evidence.file.name == f"{digest}.pdf"
    stored = Path(evidence.file.path)
    assert stored == media / "evidence" / f"{digest}.pdf"
    assert stored.read_bytes() == files.PDF
    assert Path(settings.STATIC_ROOT) not in stored.parents
    assert (evidence.content_type, evidence.size, evidence.original_name) == (
        "application/pdf",
        len(files.PDF),
        "ข่าว.pdf",
    )
    record = Evidence.history.get()
    assert (record.history_user, record.history_change_reason) == (
        opened.user("d3402"),
        "เพิ่มไฟล์หลักฐาน",
    )


def test_the_storage_has_no_public_url(result: Result) -> None:
    evidence = add_evidence_file(result, upload("a.pdf", files.PDF), by=None)

    with pytest.raises(ValueError):
        evidence.file.url  # noqa: B018


def test_a_png_named_pdf_is_stored_and_served_as_the_png_it_is(result: Result) -> None:
    evidence = add_evidence_file(result, upload("รายงาน.pdf", files.PNG), by=None)

    assert evidence.content_type == "image/png"
    assert evidence.file.name.endswith(".png")
    assert evidence.download_name == "รายงาน.png"


def test_an_exe_renamed_pdf_is_refused(result: Result, media: Path) -> None:
    with pytest.raises(EvidenceTypeRefused) as refused:
        add_evidence_file(result, upload("ผลงาน.pdf", files.EXE), by=None)

    assert refused.value.params == {"name": "ผลงาน.pdf"}
    assert refused.value.status == 415
    assert "ตรวจจากเนื้อไฟล์" in refused.value.message_th
    assert not Evidence.objects.exists()
    assert not (media / "evidence").exists() or not any((media / "evidence").iterdir())


def test_office_files_are_accepted_by_their_content_types(result: Result) -> None:
    document = add_evidence_file(result, upload("สรุป.docx", files.docx()), by=None)
    workbook = add_evidence_file(result, upload("ตาราง.bin", files.xlsx()), by=None)

    assert document.extension == ".docx" and workbook.extension == ".xlsx"
    with pytest.raises(EvidenceTypeRefused):
        add_evidence_file(result, upload("มาโคร.docx", files.MACRO_DOCUMENT), by=None)


def test_the_size_limit_comes_from_the_settings(result: Result, settings) -> None:  # type: ignore[no-untyped-def]
    settings.UPLOAD_MAX_BYTES = len(files.PDF) - 1

    with pytest.raises(EvidenceTooLarge) as refused:
        add_evidence_file(result, upload("ใหญ่.pdf", files.PDF), by=None)

    assert refused.value.params["limit"] == len(files.PDF) - 1
    settings.UPLOAD_MAX_BYTES = len(files.PDF)
    assert add_evidence_file(result, upload("พอดี.pdf", files.PDF), by=None).size == len(files.PDF)


def test_an_empty_file_is_refused(result: Result) -> None:
    with pytest.raises(EvidenceEmpty):
        add_evidence_file(result, upload("ว่าง.pdf", b""), by=None)


def test_the_same_content_twice_is_stored_once(result: Result, media: Path) -> None:
    first = add_evidence_file(result, upload("a.pdf", files.PDF), by=None)
    second = add_evidence_file(result, upload("b.pdf", files.PDF), by=None)

    assert first.file.name == second.file.name
    assert len(list((media / "evidence").iterdir())) == 1


def test_a_news_link_is_evidence(opened: World, result: Result) -> None:
    link = add_evidence_link(
        result, " https://www.facebook.com/cdd.ubon/posts/1 ", by=None, title="ข่าวประชุม"
    )

    assert (link.kind, link.url, link.title) == (
        "link",
        "https://www.facebook.com/cdd.ubon/posts/1",
        "ข่าวประชุม",
    )


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.org/x", "not a url", ""])
def test_only_web_addresses_are_links(result: Result, url: str) -> None:
    with pytest.raises(LinkInvalid):
        add_evidence_link(result, url, by=None)


def test_evidence_changes_only_while_the_result_may_be_edited(result: Result) -> None:
    link = add_evidence_link(result, "https://example.org/news/1", by=None)
    save_result(result, by=None, expected_version=1, value="75")
    submit_result(result, by=None)

    with pytest.raises(WrongState):
        add_evidence_link(result, "https://example.org/news/2", by=None)
    with pytest.raises(WrongState):
        add_evidence_file(result, upload("a.pdf", files.PDF), by=None)
    with pytest.raises(WrongState):
        remove_evidence(link, by=None)
    assert Evidence.objects.count() == 1


def test_removing_keeps_the_record_in_the_history(opened: World, result: Result) -> None:
    link = add_evidence_link(result, "https://example.org/news/1", by=None)

    remove_evidence(link, by=opened.user("d3402"), reason="ลิงก์ผิด")

    assert not Evidence.objects.exists()
    deleted = Evidence.history.get(history_type="-")
    assert (deleted.url, deleted.history_change_reason) == ("https://example.org/news/1", "ลิงก์ผิด")
