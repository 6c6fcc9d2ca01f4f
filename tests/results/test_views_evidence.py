"""Evidence through the page: files checked by content and size, links, taking one off, and
the download view that asks access first."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from kpi.results.actions import add_evidence_file, add_evidence_link, save_result, submit_result
from kpi.results.models import Evidence
from tests.agreements.builders import World
from tests.results import files
from tests.results.view_helpers import client_for, result_8

pytestmark = pytest.mark.django_db


def upload(world: World, username: str, result, name: str, data: bytes, **extra):  # type: ignore[no-untyped-def]
    return client_for(world, username).post(
        reverse("results:upload", args=[result.pk]),
        {
            "file": SimpleUploadedFile(name, data, content_type="application/pdf"),
            "expected_version": result.version,
            **extra,
        },
    )


def test_a_pdf_is_attached_and_listed(opened: World) -> None:
    result = result_8(opened, opened.d3402)

    response = upload(opened, "d3402", result, "สรุปข่าว.pdf", files.PDF, title="สรุปข่าว 40 เรื่อง")

    assert response.status_code == 302
    assert response["Location"].endswith("#evidence")
    evidence = Evidence.objects.get(result=result)
    assert (evidence.content_type, evidence.title) == ("application/pdf", "สรุปข่าว 40 เรื่อง")
    page = client_for(opened, "d3402").get(reverse("results:detail", args=[result.pk]))
    assert reverse("results:evidence", args=[evidence.pk]) in page.content.decode()
    assert "สรุปข่าว 40 เรื่อง" in page.content.decode()


def test_a_program_renamed_pdf_is_refused_in_thai_beside_the_file_field(opened: World) -> None:
    result = result_8(opened, opened.d3402)

    response = upload(opened, "d3402", result, "report.pdf", files.EXE, title="รายงาน")

    assert response.status_code == 415
    page = response.content.decode()
    errors = page[page.index('id="file-file-errors"') :]
    assert "ไม่ใช่ไฟล์ PDF" in errors[: errors.index("</div>")]
    assert 'value="รายงาน"' in page  # the description typed is kept
    assert not Evidence.objects.exists()


@override_settings(UPLOAD_MAX_BYTES=64)
def test_a_file_over_the_configured_limit_is_refused(opened: World) -> None:
    result = result_8(opened, opened.d3402)

    response = upload(opened, "d3402", result, "big.pdf", files.PDF + b"%" * 100)

    assert response.status_code == 413
    assert "เกินขนาดที่รับได้ 64 ไบต์" in response.content.decode()
    assert not Evidence.objects.exists()


def test_uploading_without_a_file_asks_for_one(opened: World) -> None:
    result = result_8(opened, opened.d3402)

    response = client_for(opened, "d3402").post(
        reverse("results:upload", args=[result.pk]), {"expected_version": 1}
    )

    assert response.status_code == 400
    assert "เลือกไฟล์ที่จะแนบ" in response.content.decode()


def test_a_link_is_added_and_a_bad_one_refused_with_what_was_typed(opened: World) -> None:
    result = result_8(opened, opened.d3402)
    client = client_for(opened, "d3402")
    url = reverse("results:add_link", args=[result.pk])

    bad = client.post(url, {"url": "ftp://example.org/x", "title": "ข่าว", "expected_version": 1})
    good = client.post(url, {"url": "https://example.org/news/1", "expected_version": 1})

    assert bad.status_code == 400
    assert "ไม่ใช่ที่อยู่เว็บ" in bad.content.decode()
    assert 'value="ftp://example.org/x"' in bad.content.decode()
    assert good.status_code == 302
    assert list(Evidence.objects.values_list("kind", "url")) == [
        ("link", "https://example.org/news/1")
    ]


def test_the_district_takes_evidence_off_while_it_may_edit(opened: World) -> None:
    result = result_8(opened, opened.d3402)
    link = add_evidence_link(result, "https://example.org/news/1", by=None)

    response = client_for(opened, "d3402").post(
        reverse("results:remove_evidence", args=[link.pk]), {"expected_version": 1}
    )

    assert response.status_code == 302
    assert not Evidence.objects.exists()


def test_once_submitted_evidence_cannot_be_added(opened: World) -> None:
    result = result_8(opened, opened.d3402)
    save_result(result, by=None, expected_version=1, value="75")
    submit_result(result, by=None)
    result.refresh_from_db()

    response = upload(opened, "d3402", result, "late.pdf", files.PDF)
    page = client_for(opened, "d3402").get(reverse("results:detail", args=[result.pk]))

    assert response.status_code == 403
    assert reverse("results:upload", args=[result.pk]) not in page.content.decode()
    assert not Evidence.objects.exists()


def stored(world: World, data: bytes, name: str) -> Evidence:
    result = result_8(world, world.d3402)
    return add_evidence_file(result, SimpleUploadedFile(name, data), by=None)


@pytest.mark.parametrize("username", ["d3402", "info", "viewer", "evaluator"])
def test_those_who_see_the_result_download_its_pdf_as_an_attachment(
    opened: World, username
) -> None:
    evidence = stored(opened, files.PDF, "สรุปข่าว.pdf")

    response = client_for(opened, username).get(reverse("results:evidence", args=[evidence.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == files.PDF


def test_an_image_opens_in_the_browser_with_its_checked_type(opened: World) -> None:
    evidence = stored(opened, files.PNG, "photo.pdf")  # a PNG whatever its name says

    response = client_for(opened, "d3402").get(reverse("results:evidence", args=[evidence.pk]))

    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("inline;")
    assert "photo.png" in response["Content-Disposition"]


@pytest.mark.parametrize("username", ["d3401", "coord", "nobody"])
def test_others_get_404_for_the_file(opened: World, username) -> None:
    evidence = stored(opened, files.PDF, "สรุปข่าว.pdf")

    response = client_for(opened, username).get(reverse("results:evidence", args=[evidence.pk]))

    assert response.status_code == 404


def test_a_link_has_no_file_to_download(opened: World) -> None:
    link = add_evidence_link(result_8(opened, opened.d3402), "https://example.org/1", by=None)

    response = client_for(opened, "d3402").get(reverse("results:evidence", args=[link.pk]))

    assert response.status_code == 404
