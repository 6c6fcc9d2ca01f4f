from django.urls import reverse

from kpi.demo.loading import DATA
from kpi.documents.models import SourceDocument


def url(world) -> str:
    return reverse("document_file", args=[world.document])


def test_it_sends_an_anonymous_visitor_to_the_login_page(anonymous, world):
    response = anonymous.get(url(world))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_another_province_gets_a_404(as_other_province, world):
    assert as_other_province.get(url(world)).status_code == 404


def test_it_sends_the_stored_file_as_received(as_head_3402, world):
    response = as_head_3402.get(url(world))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == (
        DATA.joinpath("ubon-2567-2-revision.txt").read_bytes()
    )
    assert response["Content-Disposition"].startswith("attachment;")
    assert 'filename="ubon-2567-2-revision.txt"' in response["Content-Disposition"]
    assert response["Content-Type"].startswith("text/plain")


def test_a_document_whose_file_is_gone_is_a_404(as_province, world):
    document = SourceDocument.objects.get(pk=world.document)
    document.file.storage.delete(document.file.name)
    try:
        assert as_province.get(url(world)).status_code == 404
    finally:
        document.file.storage.save(
            document.file.name, DATA.joinpath("ubon-2567-2-revision.txt").open("rb")
        )


def test_it_refuses_post(as_province, world):
    assert as_province.post(url(world)).status_code == 405
