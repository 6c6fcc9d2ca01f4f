"""One agreement's page: the familiar table form, who may open it, and the administrator's
changes (weights with the running total as one types, extra indicators, removal, reset)."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kpi.agreements.actions import add_indicator_to_agreements, create_agreements_for_round
from kpi.agreements.models import Agreement, AgreementItem
from kpi.results.actions import open_round, reopen_round, save_result
from kpi.results.models import Result
from kpi.rounds.actions import add_version, create_indicator
from tests.agreements.builders import World, agreements_adding_up
from tests.agreements.test_views_round_agreements import client, other_province_admin
from tests.base import add_indicators, milestone_version

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true"}


@pytest.fixture
def made(world: World) -> World:
    """The round's agreements as created: team 5 at 10, individual 8 at 5 (15 each)."""
    create_agreements_for_round(world.round, by=world.user("province"))
    return world


def own(world: World, district) -> Agreement:  # type: ignore[no-untyped-def]
    return Agreement.objects.get(round=world.round, kind="individual", district=district)


def team(world: World, district) -> Agreement:  # type: ignore[no-untyped-def]
    return Agreement.objects.get(round=world.round, kind="team", district=district)


def page(agreement: Agreement) -> str:
    return reverse("agreement", args=[agreement.pk])


def weight_key(item: AgreementItem) -> str:
    return f"w{item.pk}-weight"


def item_8(world: World, district) -> AgreementItem:  # type: ignore[no-untyped-def]
    return AgreementItem.objects.get(agreement=own(world, district), indicator=world.individual_8)


def test_it_sends_an_anonymous_visitor_to_the_login_page(made: World) -> None:
    response = Client().get(page(own(made, made.d3401)))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_another_districts_agreements_are_a_404(made: World) -> None:
    head = client(made, "d3402")

    assert head.get(page(own(made, made.d3401))).status_code == 404
    assert head.get(page(team(made, made.d3401))).status_code == 404
    assert head.get(page(own(made, made.d3402))).status_code == 200


def test_another_province_gets_a_404(made: World) -> None:
    assert other_province_admin(made).get(page(own(made, made.d3401))).status_code == 404


def test_it_reads_like_the_table_form(made: World) -> None:
    response = client(made, "d3401").get(page(own(made, made.d3401)))

    html = response.content.decode()
    assert "รอบการประเมินที่ 2 ประจำปีงบประมาณ พ.ศ. 2567" in html
    assert "พัฒนาการจังหวัดอุบลราชธานี" in html and "พัฒนาการอำเภอเมืองอุบลราชธานี" in html
    header = html[html.index("<thead>") : html.index("</thead>")]
    assert [h in header for h in ("ตัวชี้วัดรายบุคคล", "น้ำหนัก", "หน่วยงานรับผิดชอบ")] == [True] * 3
    assert "ความสำเร็จการส่งข่าวประชาสัมพันธ์" in html
    assert "กลุ่มงานสารสนเทศการพัฒนาชุมชน" in html
    assert "ผู้รับการประเมิน" in html and "ผู้ประเมิน" in html and "ยังไม่รับทราบ" in html
    # The district head reads it; only the administrator edits.
    assert "weight-input" not in html and "นำออก" not in html


def test_the_team_agreement_names_the_office_and_totals_each_of_its_people(made: World) -> None:
    response = client(made, "province").get(page(team(made, made.d3401)))

    html = response.content.decode()
    assert "พัฒนาการจังหวัดอุบลราชธานี" in html
    assert "สำนักงานพัฒนาชุมชนอำเภอเมืองอุบลราชธานี" in html
    assert "ตัวชี้วัดรายทีม" in html
    [total] = response.context["totals"]
    assert (total.person.full_name, total.total) == ("นายหัวหน้า3401 ทดสอบ", Decimal(15))


def test_the_running_total_follows_what_is_typed_without_saving(made: World) -> None:
    agreement = own(made, made.d3401)
    item = item_8(made, made.d3401)

    response = client(made, "province").get(page(agreement), {weight_key(item): "95"}, headers=HTMX)

    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<div id="weight-totals"')
    assert "<html" not in html and "<table" not in html
    assert "= <strong>105</strong>" in html and "เกิน 5" in html
    assert item_8(made, made.d3401).weight == Decimal(5)


def test_the_running_total_says_when_it_adds_up_and_when_a_weight_is_not_a_number(
    made: World,
) -> None:
    admin = client(made, "province")
    agreement = own(made, made.d3401)
    item = item_8(made, made.d3401)

    adds_up = admin.get(page(agreement), {weight_key(item): "90"}, headers=HTMX)
    garbled = admin.get(page(agreement), {weight_key(item): "เก้าสิบ"}, headers=HTMX)

    assert '<li class="ok">' in adds_up.content.decode()
    assert "ครบ 100" in adds_up.content.decode()
    assert "น้ำหนักที่พิมพ์ต้องเป็นตัวเลขมากกว่า 0" in garbled.content.decode()


def test_the_administrator_saves_a_weight_and_gets_the_items_section_back(made: World) -> None:
    item = item_8(made, made.d3401)

    response = client(made, "province").post(
        reverse("agreement_item_weight", args=[item.pk]), {weight_key(item): "90"}, headers=HTMX
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<section id="agreement-items"')
    assert "บันทึกน้ำหนักตัวชี้วัดที่ 8 แล้ว" in html and "ครบ 100" in html
    saved = item_8(made, made.d3401)
    assert (saved.weight, saved.custom_weight) == (Decimal(90), True)
    assert saved.history.latest().history_user == made.user("province")


def test_without_javascript_saving_a_weight_goes_back_to_the_page(made: World) -> None:
    item = item_8(made, made.d3401)

    response = client(made, "province").post(
        reverse("agreement_item_weight", args=[item.pk]), {weight_key(item): "12.5"}
    )

    assert response.status_code == 302
    assert response["Location"] == page(own(made, made.d3401)) + "#items"
    assert item_8(made, made.d3401).weight == Decimal("12.5")


@pytest.mark.parametrize("typed", ["0", "-3", "abc", "", "1234567"])
def test_a_weight_that_is_not_above_0_is_refused_on_its_field(made: World, typed: str) -> None:
    item = item_8(made, made.d3401)

    response = client(made, "province").post(
        reverse("agreement_item_weight", args=[item.pk]), {weight_key(item): typed}, headers=HTMX
    )

    assert response.status_code == 422  # htmx swaps it in (agreements/_head.html)
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="agreement-items"')
    assert 'aria-invalid="true"' in html and 'class="field-error"' in html
    assert item_8(made, made.d3401).weight == Decimal(5)


def test_only_the_administrator_changes_weights(made: World) -> None:
    item = item_8(made, made.d3401)
    path = reverse("agreement_item_weight", args=[item.pk])

    assert client(made, "d3401").post(path, {weight_key(item): "90"}).status_code == 403
    assert client(made, "evaluator").post(path, {weight_key(item): "90"}).status_code == 403
    assert client(made, "d3402").post(path, {weight_key(item): "90"}).status_code == 404
    assert other_province_admin(made).post(path, {weight_key(item): "90"}).status_code == 404
    missing = reverse("agreement_item_weight", args=[item.pk + 999])
    assert client(made, "province").post(missing, {}).status_code == 404
    assert item_8(made, made.d3401).weight == Decimal(5)


def test_resetting_brings_back_the_weight_of_the_notice(made: World) -> None:
    admin = client(made, "province")
    item = item_8(made, made.d3401)
    admin.post(reverse("agreement_item_weight", args=[item.pk]), {weight_key(item): "90"})

    response = admin.post(reverse("agreement_item_reset", args=[item.pk]), headers=HTMX)

    assert response.status_code == 200
    assert "ใช้น้ำหนักตามหนังสือแจ้งแล้ว" in response.content.decode()
    reset = item_8(made, made.d3401)
    assert (reset.weight, reset.custom_weight) == (Decimal(5), False)


def test_an_indicator_is_removed_and_added_back_as_an_extra(made: World) -> None:
    admin = client(made, "province")
    agreement = own(made, made.d3401)
    item = item_8(made, made.d3401)

    removed = admin.post(reverse("agreement_item_remove", args=[item.pk]), headers=HTMX)
    assert removed.status_code == 200
    assert not agreement.items.exists()
    assert "นำตัวชี้วัดที่ 8 ออกจากคำรับรองแล้ว" in removed.content.decode()

    added = admin.post(
        reverse("agreement_item_add", args=[agreement.pk]),
        {"indicator": made.individual_8.pk, "weight": "85"},
        follow=True,
    )
    assert added.status_code == 200
    back = agreement.items.get()
    assert (back.indicator, back.weight, back.extra, back.custom_weight) == (
        made.individual_8,
        Decimal(85),
        True,
        True,
    )
    assert "เพิ่มเฉพาะฉบับนี้" in added.content.decode()


def test_only_indicators_of_the_agreements_kind_not_yet_listed_can_be_added(made: World) -> None:
    extra = create_indicator(
        made.round, kind="individual", number=9, name="ตัวชี้วัดใหม่", by=None, reason="test"
    )
    add_version(extra, milestone_version(), by=None, reason="test")
    agreement = own(made, made.d3401)

    response = client(made, "province").get(page(agreement))
    choices = list(response.context["add_form"].fields["indicator"].queryset)
    assert choices == [extra]

    refused = client(made, "province").post(
        reverse("agreement_item_add", args=[agreement.pk]), {"indicator": made.team_5.pk}
    )
    assert refused.status_code == 400
    assert not agreement.items.filter(indicator=made.team_5).exists()


def test_an_item_a_district_has_reported_on_cannot_be_removed(world: World) -> None:
    agreements_adding_up(world)
    open_round(world.round, by=None)
    result = Result.objects.get(item__indicator=world.individual_8, district=world.d3401)
    save_result(result, by=None, expected_version=1, value="75")
    reopen_round(world.round, by=None, reason="แก้น้ำหนัก")
    item = item_8(world, world.d3401)

    response = client(world, "province").post(
        reverse("agreement_item_remove", args=[item.pk]), headers=HTMX
    )

    assert response.status_code == 409
    assert "นำตัวชี้วัดที่ 8 ออกไม่ได้ เนื่องจากมีการรายงานผลแล้ว" in response.content.decode()
    assert AgreementItem.objects.filter(pk=item.pk).exists()


def test_nothing_is_edited_once_the_round_is_open(world: World) -> None:
    agreements_adding_up(world)
    open_round(world.round, by=None)
    item = item_8(world, world.d3401)
    admin = client(world, "province")

    assert "weight-input" not in admin.get(page(own(world, world.d3401))).content.decode()
    path = reverse("agreement_item_weight", args=[item.pk])
    assert admin.post(path, {weight_key(item): "1"}).status_code == 403
    assert admin.post(reverse("agreement_item_remove", args=[item.pk])).status_code == 403


def count_queries(signed_in: Client, path: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert signed_in.get(path).status_code == 200
    return len(queries)


def test_its_query_count_does_not_grow_with_items(made: World) -> None:
    admin = client(made, "province")
    agreement = own(made, made.d3401)
    for indicator in add_indicators(made.round, 2):
        add_indicator_to_agreements(indicator, by=None)
    few = count_queries(admin, page(agreement))

    for indicator in add_indicators(made.round, 20, start=200):
        add_indicator_to_agreements(indicator, by=None)
    many = count_queries(admin, page(agreement))

    assert agreement.items.count() == 12
    # session, user, person, groups, agreement, items, versions in force, contacts,
    # totals (agreements, items), any indicator left to add, demo flag, province
    assert few == many == 13


def test_without_javascript_a_refused_weight_comes_back_on_the_whole_page(made: World) -> None:
    item = item_8(made, made.d3401)

    response = client(made, "province").post(
        reverse("agreement_item_weight", args=[item.pk]), {weight_key(item): "0"}
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "<h1>" in html and 'aria-invalid="true"' in html
    assert 'value="0"' in html  # what was typed stays in the field
