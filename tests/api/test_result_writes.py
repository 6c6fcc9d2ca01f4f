"""PATCH /api/results/{id}, POST …/submit, evidence: the district writes its own results
through the workflow's actions; everyone else is refused."""

import datetime

import pytest

from kpi.results.models import Evidence, Result
from tests.api.workflow import untouched
from tests.results.files import PDF


def patch(client, pk: int, **body):
    return client.patch(f"/api/results/{pk}", body, content_type="application/json")


def test_a_medium_districts_head_reports_40_of_50_and_gets_level_4(opened, api_as):
    pk, head, _code = untouched(opened.individual_8, size="medium")
    response = patch(api_as(head), pk, expected_version=1, done=40, planned=50, note="ข่าว")
    body = response.json()
    assert response.status_code == 200, body
    # The scenario: 80 % under revised indicator 8 for a medium district is level 4.
    assert (body["done"], body["planned"], body["level"]) == ("40", "50", "4")
    assert body["note"] == "ข่าว" and body["version"] == 2
    stored = Result.objects.get(pk=pk)
    assert (stored.done, stored.planned, stored.version) == (40, 50, 2)


def test_steps_are_saved_with_their_dates_and_give_the_level(opened, api_as):
    pk, head, _code = untouched(opened.team_5)
    steps = [
        {"step": 1, "done": "2024-05-01", "note": "ประชุม"},
        {"step": 2, "done": "2024-05-10"},
        {"step": 4, "done": "2024-06-01"},
    ]
    body = patch(api_as(head), pk, expected_version=1, steps=steps).json()
    assert body["level"] == "2"
    assert [(s["step"], s["done"]) for s in body["steps"]] == [
        (1, "2024-05-01"),
        (2, "2024-05-10"),
        (4, "2024-06-01"),
    ]
    cleared = patch(api_as(head), pk, expected_version=2, steps=[{"step": 2}]).json()
    assert [s["step"] for s in cleared["steps"]] == [1, 4]
    assert cleared["level"] == "1"


def test_a_stale_version_is_a_409_conflict_and_changes_nothing(opened, api_as):
    pk, head, _code = untouched(opened.individual_8)
    client = api_as(head)
    assert patch(client, pk, expected_version=1, value="60").status_code == 200
    response = patch(client, pk, expected_version=1, value="99")
    assert response.status_code == 409
    assert response.json()["code"] == "conflict"
    assert Result.objects.get(pk=pk).value == 60


def test_a_value_the_engine_refuses_is_a_400_with_its_code(opened, api_as):
    pk, head, _code = untouched(opened.individual_8)
    response = patch(api_as(head), pk, expected_version=1, done=1, planned=0)
    assert response.status_code == 400
    assert response.json()["code"] == "measure_invalid"
    assert Result.objects.get(pk=pk).version == 1


def test_more_decimals_than_stored_are_refused_before_the_action(opened, api_as):
    pk, head, _code = untouched(opened.individual_8)
    response = patch(api_as(head), pk, expected_version=1, value="80.00001")
    assert response.status_code == 422
    assert response.json()["where"] == "body.value"


@pytest.mark.parametrize(
    ("persona", "status"), [("neighbour", 404), ("info", 403), ("evaluator", 403)]
)
def test_nobody_else_writes_the_districts_result(opened, api_as, persona, status):
    pk, head, _code = untouched(opened.individual_8)
    if persona == "neighbour":
        persona = "d3401" if head != "d3401" else "d3402"
    assert patch(api_as(persona), pk, expected_version=1, value="99").status_code == status
    submitted = api_as(persona).post(
        f"/api/results/{pk}/submit", {}, content_type="application/json"
    )
    assert submitted.status_code == status
    assert Result.objects.get(pk=pk).version == 1


def test_submitting_sends_it_for_verification_and_ends_editing(opened, api_as):
    pk, head, _code = untouched(opened.individual_8, size="medium")
    client = api_as(head)
    patch(client, pk, expected_version=1, value="85")
    response = client.post(
        f"/api/results/{pk}/submit", {"expected_version": 2}, content_type="application/json"
    )
    body = response.json()
    assert response.status_code == 200, body
    # 85 % for a medium district: 81 and over is level 5.
    assert body["state"] == "submitted" and body["level"] == "5"
    assert body["permissions"]["edit"] is False
    assert patch(client, pk, expected_version=3, value="90").status_code == 403


def test_submitting_without_a_level_is_refused_plainly(opened, api_as):
    pk, head, _code = untouched(opened.individual_8)
    response = api_as(head).post(f"/api/results/{pk}/submit", {}, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["code"] == "cannot_score"


def test_links_and_files_are_added_and_removed_as_evidence(opened, api_as, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    pk, head, _code = untouched(opened.individual_8)
    client = api_as(head)
    link = client.post(
        f"/api/results/{pk}/evidence/links",
        {"url": "https://www.facebook.com/cdd.ubon/posts/1", "title": "ข่าว"},
        content_type="application/json",
    )
    assert link.status_code == 201, link.content
    upload = client.post(
        f"/api/results/{pk}/evidence/files",
        {"file": _named(tmp_path / "report.pdf", PDF), "title": "รายงาน"},
    )
    assert upload.status_code == 201, upload.content
    assert upload.json()["content_type"] == "application/pdf"
    listed = client.get(f"/api/results/{pk}").json()["evidence"]
    assert [e["kind"] for e in listed] == ["link", "file"]
    neighbour = "d3401" if head != "d3401" else "d3402"
    assert api_as(neighbour).delete(f"/api/evidence/{link.json()['id']}").status_code == 404
    assert client.delete(f"/api/evidence/{link.json()['id']}").status_code == 204
    assert list(Evidence.objects.filter(result_id=pk).values_list("kind", flat=True)) == ["file"]


def test_a_file_that_is_not_evidence_is_refused_by_its_content(opened, api_as, tmp_path):
    pk, head, _code = untouched(opened.individual_8)
    response = api_as(head).post(
        f"/api/results/{pk}/evidence/files",
        {"file": _named(tmp_path / "fake.pdf", b"#!/bin/sh\necho not a pdf\n")},
    )
    assert response.status_code == 415
    assert response.json()["code"] == "evidence_type_refused"


def test_an_invalid_link_is_a_400(opened, api_as):
    pk, head, _code = untouched(opened.individual_8)
    response = api_as(head).post(
        f"/api/results/{pk}/evidence/links", {"url": "ftp://x"}, content_type="application/json"
    )
    assert (response.status_code, response.json()["code"]) == (400, "link_invalid")


def _named(path, data: bytes):  # type: ignore[no-untyped-def]
    path.write_bytes(data)
    return path.open("rb")


def test_dates_are_iso(opened, api_as):
    pk, head, _code = untouched(opened.team_5)
    body = patch(
        api_as(head), pk, expected_version=1, steps=[{"step": 1, "done": "2024-04-02"}]
    ).json()
    assert datetime.date.fromisoformat(body["steps"][0]["done"]) == datetime.date(2024, 4, 2)
