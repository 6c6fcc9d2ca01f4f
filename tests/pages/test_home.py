from django.urls import reverse

from kpi.rounds.models import Indicator, Round
from tests.base import add_districts, add_indicators

HOME = reverse("home")


def test_it_sends_an_anonymous_visitor_to_the_login_page(anonymous):
    response = anonymous.get(HOME)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_it_lists_the_provinces_round_with_be_dates_status_and_counts(as_province, world):
    response = as_province.get(HOME)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'href="{reverse("round", args=[world.round])}"' in html
    assert "รอบที่ 2/2567" in html
    assert "1 เม.ย. 2567 – 30 ก.ย. 2567" in html
    assert 'class="badge open"' in html
    round = response.context["rounds"][0][0]
    indicators = Indicator.objects.for_round(round)
    counts = (indicators.filter(kind="team").count(), indicators.filter(kind="individual").count())
    assert (round.team_count, round.individual_count) == counts == (5, 8)
    assert round.revised_count == 2


def test_a_district_head_sees_the_rounds_of_their_province(as_head_3401, world):
    rounds = [round.pk for round, _ in as_head_3401.get(HOME).context["rounds"]]
    assert rounds == [world.round]


def test_another_province_sees_only_its_own_round(as_other_province, world):
    response = as_other_province.get(HOME)
    rounds = [round.pk for round, _ in response.context["rounds"]]
    assert rounds == [world.other_round]
    assert reverse("round", args=[world.round]) not in response.content.decode()


def test_it_lists_the_newest_round_first(as_province, ubon, world):
    Round.objects.create(
        province=ubon, fiscal_year=2568, number=1, start="2024-10-01", end="2025-03-31"
    )
    rounds = [(r.fiscal_year, r.number) for r, _ in as_province.get(HOME).context["rounds"]]
    assert rounds == [(2568, 1), (2567, 2)]


def test_a_user_without_an_office_is_told_why_the_list_is_empty(world, client, django_user_model):
    client.force_login(django_user_model.objects.create_user("nobody", password="x"))
    response = client.get(HOME)
    assert response.context["rounds"] == []
    assert "ยังไม่มีรอบการประเมินที่ท่านดูได้" in response.content.decode()


def test_its_query_count_does_not_grow_with_indicators_or_districts(
    as_province, ubon, world, django_assert_num_queries
):
    # session, user, person, groups, rounds with counts, unread notifications, demo flag of
    # the header (nothing waits for an administrator: that count needs no query)
    with django_assert_num_queries(7):
        as_province.get(HOME)
    round = Round.objects.get(pk=world.round)
    teams = Indicator.objects.for_round(round).filter(kind="team").count()
    add_indicators(round, 20)
    add_districts(ubon, 250)
    with django_assert_num_queries(7):
        response = as_province.get(HOME)
    assert response.context["rounds"][0][0].team_count == teams + 10


def test_it_tells_an_owner_how_many_results_wait_for_them(world, client, db):
    from kpi import access
    from kpi.results.models import Result
    from tests.base import user

    info = user("info")
    waiting = access.visible_results(info).filter(access.waiting_for(info)).count()
    client.force_login(info)
    page = client.get(HOME).content.decode()

    assert waiting > 0  # the demo has submitted results of ก.ง.สารสนเทศ's indicators
    assert f"ผลการดำเนินงานรอท่านดำเนินการ {waiting} รายการ" in page
    assert Result.objects.filter(state="submitted").count() >= waiting


def test_it_says_nothing_waits_when_nothing_does(world, client, django_user_model):
    client.force_login(django_user_model.objects.create_user("nobody", password="x"))
    assert "งานของฉัน" not in client.get(HOME).content.decode()
