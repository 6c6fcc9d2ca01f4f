"""GET /api/districts: the districts a caller may see, with their size for a fiscal year."""

from kpi.org.models import District, DistrictSize
from tests.base import OTHER_PROVINCE


def test_the_province_sees_all_its_districts_with_their_sizes(world, api_as):
    rows = api_as("province").get("/api/districts").json()
    districts = District.objects.filter(province_id=world.ubon).order_by("dopa_code")
    assert [row["dopa_code"] for row in rows] == [d.dopa_code for d in districts]
    assert len(rows) == 25
    sizes = dict(
        DistrictSize.objects.filter(fiscal_year=2567).values_list("district__dopa_code", "size")
    )
    assert {row["dopa_code"]: row["size"] for row in rows} == sizes
    assert {row["fiscal_year"] for row in rows} == {2567}


def test_a_district_head_sees_only_their_own_district(world, api_as):
    rows = api_as("d3401").get("/api/districts").json()
    assert [(row["dopa_code"], row["size"]) for row in rows] == [("3401", "large")]
    assert [row["dopa_code"] for row in api_as("d3402").get("/api/districts").json()] == ["3402"]


def test_another_province_sees_none_of_ubon(world, api_as):
    rows = api_as(OTHER_PROVINCE).get("/api/districts").json()
    assert [row["dopa_code"] for row in rows] == ["3301"]
    assert rows[0]["size"] is None


def test_a_year_without_sizes_gives_none(world, api_as):
    rows = api_as("province").get("/api/districts?fiscal_year=2570").json()
    assert len(rows) == 25
    assert {(row["fiscal_year"], row["size"]) for row in rows} == {(2570, None)}


def test_filtering_by_another_province_gives_nothing_rather_than_its_districts(world, api_as):
    rows = api_as("province").get(f"/api/districts?province={world.other_province}").json()
    assert rows == []


def test_anonymous_callers_get_401(world, api_as):
    response = api_as(None).get("/api/districts")
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"
