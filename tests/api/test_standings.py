"""GET /api/rounds/{id}/scores: each appraised person's levels, weighted scores and totals."""

from decimal import Decimal

import pytest

from kpi.results.models import Competency, Result
from kpi.rounds.models import Round


def scores(api_as, username: str, round_id: int):  # type: ignore[no-untyped-def]
    response = api_as(username).get(f"/api/rounds/{round_id}/scores")
    assert response.status_code == 200, response.content
    return response.json()


def test_the_provincial_head_sees_every_district_head(opened, api_as) -> None:
    rows = scores(api_as, "evaluator", opened.round)

    assert len(rows) == 25
    assert [row["district"] for row in rows] == sorted(row["district"] for row in rows)


@pytest.mark.parametrize("username", ["d3401", "d3402"])
def test_a_district_head_sees_only_their_own(opened, api_as, username: str) -> None:
    rows = scores(api_as, username, opened.round)

    assert [row["district"] for row in rows] == [username[1:]]


def test_an_indicator_owner_is_not_appraised_and_sees_no_one(opened, api_as) -> None:
    assert scores(api_as, "info", opened.round) == []


def test_each_line_is_the_level_that_counts_times_its_weight_over_5(opened, api_as) -> None:
    row = next(r for r in scores(api_as, "evaluator", opened.round) if r["district"] == "3401")

    results = Result.objects.in_bulk([line["result"] for line in row["lines"]])
    assert {line["kind"] for line in row["lines"]} == {"team", "individual"}
    for line in row["lines"]:
        level = results[line["result"]].final_level
        if level is None:
            assert line["level"] is line["weighted_score"] is None
        else:
            weighted = Decimal(line["level"]) * Decimal(line["weight"]) / 5
            assert Decimal(line["weighted_score"]) == weighted
    complete = all(line["level"] is not None for line in row["lines"])
    if complete:
        weighted = [Decimal(line["weighted_score"]) for line in row["lines"]]
        assert Decimal(row["achievement"]) == sum(weighted)
    else:
        assert row["achievement"] is None and row["total"] is None


def test_the_total_and_rating_need_the_competency_score(opened, api_as) -> None:
    row = next(r for r in scores(api_as, "evaluator", opened.round) if r["district"] == "3401")
    person = row["person"]
    Result.objects.filter(pk__in=[line["result"] for line in row["lines"]]).update(
        level=Decimal(5), verified_level=None
    )
    Competency.objects.update_or_create(
        round_id=opened.round, person_id=person, defaults={"score": Decimal(80)}
    )

    row = next(r for r in scores(api_as, "evaluator", opened.round) if r["person"] == person)

    assert Decimal(row["achievement"]) == 100
    assert (row["achievement_share"], row["competency_share"]) == ("70", "30")
    assert Decimal(row["total"]) == 94  # 100 × 70 % + 80 × 30 %
    assert row["rating"] == {"code": "outstanding", "label": "ดีเด่น"}
    assert row["final"] is (Round.objects.get(pk=opened.round).status in ("approved", "archived"))


def test_the_rounds_own_shares_make_the_total(opened, api_as) -> None:
    Round.objects.filter(pk=opened.round).update(achievement_share=Decimal(60))
    row = next(r for r in scores(api_as, "evaluator", opened.round) if r["district"] == "3401")
    Result.objects.filter(pk__in=[line["result"] for line in row["lines"]]).update(
        level=Decimal(5), verified_level=None
    )
    Competency.objects.update_or_create(
        round_id=opened.round, person_id=row["person"], defaults={"score": Decimal(80)}
    )

    row = next(r for r in scores(api_as, "evaluator", opened.round) if r["district"] == "3401")

    assert (row["achievement_share"], row["competency_share"]) == ("60", "40")
    assert Decimal(row["total"]) == 92  # 100 × 60 % + 80 × 40 %


def test_a_share_outside_0_to_100_is_refused_by_the_database(opened) -> None:
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Round.objects.filter(pk=opened.round).update(achievement_share=Decimal(101))


def test_the_rounds_own_rating_bands_name_the_rating(opened, api_as) -> None:
    from kpi.rounds.ratings import RatingBand

    RatingBand.objects.create(round_id=opened.round, code="pass", label="ผ่าน", minimum=60)
    RatingBand.objects.create(round_id=opened.round, code="fail", label="ไม่ผ่าน", minimum=0)
    row = next(r for r in scores(api_as, "evaluator", opened.round) if r["district"] == "3401")
    Result.objects.filter(pk__in=[line["result"] for line in row["lines"]]).update(
        level=Decimal(5), verified_level=None
    )
    Competency.objects.update_or_create(
        round_id=opened.round, person_id=row["person"], defaults={"score": Decimal(80)}
    )

    row = next(r for r in scores(api_as, "evaluator", opened.round) if r["district"] == "3401")

    assert row["rating"] == {"code": "pass", "label": "ผ่าน"}
