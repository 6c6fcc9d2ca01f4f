import re
from decimal import Decimal

from django.urls import reverse

from kpi.org.models import Unit
from kpi.rounds.models import Round
from tests.base import add_districts, add_indicators


def url(world) -> str:
    return reverse("round", args=[world.round])


def test_it_sends_an_anonymous_visitor_to_the_login_page(anonymous, world):
    response = anonymous.get(url(world))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_another_province_gets_a_404(as_other_province, world):
    assert as_other_province.get(url(world)).status_code == 404


def test_a_round_that_does_not_exist_is_a_404(as_province, world):
    assert as_province.get(reverse("round", args=[world.round + 999])).status_code == 404


def test_a_district_head_may_read_it(as_head_3402, world):
    assert as_head_3402.get(url(world)).status_code == 200


def test_it_shows_team_and_individual_indicators_in_two_tables(as_province, world):
    response = as_province.get(url(world))
    html = response.content.decode()
    tables = response.context["tables"]
    assert [table.kind for table in tables] == ["team", "individual"]
    assert [row.indicator.number for row in tables[0].rows] == [1, 2, 3, 4, 5]
    assert [row.indicator.number for row in tables[1].rows] == [1, 2, 3, 4, 5, 6, 7, 8]
    assert "ผลสำเร็จของการขับเคลื่อนองค์กรคุณธรรมของหน่วยงาน" in html
    assert "ความสำเร็จการส่งข่าวประชาสัมพันธ์" in html
    # method, unit and contact of indicator 8's revised version
    assert "ช่วงค่า" in html and "ขั้นตอน" in html
    assert "กลุ่มงานสารสนเทศการพัฒนาชุมชน" in html
    assert "นายสภาวุฒิชัย บุญประเสริฐศรี" in html


def test_it_sums_the_weights_of_each_kind(as_province, world):
    tables = as_province.get(url(world)).context["tables"]
    # The demo's team and individual weights: 55 + 45, a district head's 100.
    assert [table.shown_weight for table in tables] == [Decimal(55), Decimal(45)]
    assert [table.total_weight for table in tables] == [Decimal(55), Decimal(45)]
    html = as_province.get(url(world)).content.decode()
    totals = re.findall(r'<td class="num" data-label="รวมน้ำหนัก">([^<]+)</td>', html)
    assert totals == ["55", "45"]


def test_it_marks_revised_indicators_with_the_notice_that_revised_them(as_province, world):
    html = as_province.get(url(world)).content.decode()
    rows = re.findall(r'<tr class="revised">.*?</tr>', html, re.S)
    assert len(rows) == 2
    indicator_8 = next(row for row in rows if "ความสำเร็จการส่งข่าว" in row)
    assert "ปรับแก้ไข" in indicator_8
    assert "ตามหนังสือ อบ 0019/ว 536" in indicator_8
    assert f'href="{reverse("indicator", args=[world.individual_8])}"' in indicator_8


def test_an_indicator_never_revised_has_no_revised_mark(as_province, world):
    add_indicators(Round.objects.get(pk=world.round), 1)
    html = as_province.get(url(world)).content.decode()
    assert len(re.findall(r'<tr class="revised">', html)) == 2
    assert "ตัวชี้วัดเพิ่ม 0" in html


def test_it_lists_the_rounds_source_documents_with_a_download_link(as_province, world):
    html = as_province.get(url(world)).content.decode()
    assert reverse("document_file", args=[world.document]) in html
    assert "ubon-2567-2-revision.txt" in html


def test_it_filters_by_kind(as_province, world):
    response = as_province.get(url(world), {"kind": "team"})
    assert [table.kind for table in response.context["tables"]] == ["team"]
    assert "ความสำเร็จการส่งข่าวประชาสัมพันธ์" not in response.content.decode()


def test_it_filters_by_responsible_unit(as_province, world, ubon):
    info = Unit.objects.get(province=ubon, name="กลุ่มงานสารสนเทศการพัฒนาชุมชน")
    other = Unit.objects.get(province=ubon, name="ฝ่ายอำนวยการ")
    add_indicators(Round.objects.get(pk=world.round), 1, unit=other)  # individual, weight 5
    response = as_province.get(url(world), {"unit": info.pk})
    tables = response.context["tables"]
    # ก.ง.สารสนเทศ owns team 2 (weight 10) and individual 7 and 8 (5 each) in the demo.
    assert [[row.indicator.number for row in table.rows] for table in tables] == [[2], [7, 8]]
    # the filtered sum is what is shown; the round's total for the kind stays beside it
    html = response.content.decode()
    assert "รวมน้ำหนักที่แสดง" in html and "ทั้งรอบ 55" in html and "ทั้งรอบ 50" in html
    assert [table.shown_weight for table in tables] == [Decimal(10), Decimal(10)]


def test_a_filter_value_that_is_not_a_choice_shows_everything(as_province, world):
    response = as_province.get(url(world), {"kind": "nonsense", "unit": "x"})
    assert response.status_code == 200
    assert [len(table.rows) for table in response.context["tables"]] == [5, 8]


def test_the_filter_form_works_without_javascript(as_province, world):
    html = as_province.get(url(world)).content.decode()
    form = re.search(r'<form class="filters" method="get" action="([^"]+)"', html)
    assert form and form.group(1) == url(world)
    assert 'name="kind"' in html and 'name="unit"' in html
    assert 'hx-get="' in html and 'hx-target="#indicator-tables"' in html


def test_an_htmx_request_gets_only_the_tables(as_province, world):
    response = as_province.get(url(world), {"kind": "individual"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<div id="indicator-tables"')
    assert "<html" not in html and "หนังสือต้นเรื่อง" not in html
    assert "ความสำเร็จการส่งข่าวประชาสัมพันธ์" in html
    assert "ผลสำเร็จของการขับเคลื่อนองค์กรคุณธรรม" not in html
    # the way back to every indicator comes with the fragment, so it follows the filter
    assert f'<a href="{url(world)}">ล้างตัวกรอง</a>' in html


def test_an_unfiltered_page_offers_no_way_to_clear_filters(as_province, world):
    assert "ล้างตัวกรอง" not in as_province.get(url(world)).content.decode()


def test_its_query_count_does_not_grow_with_indicators_or_districts(
    as_province, ubon, world, django_assert_num_queries
):
    # session, user, person, groups, round, indicators, versions in force, their contacts,
    # weight totals, units of the filter, documents, demo flag of the header
    with django_assert_num_queries(12):
        as_province.get(url(world))
    add_indicators(Round.objects.get(pk=world.round), 20)
    add_districts(ubon, 250)
    with django_assert_num_queries(12):
        response = as_province.get(url(world))
    assert sum(len(table.rows) for table in response.context["tables"]) == 13 + 20


def test_the_htmx_partial_costs_no_header_queries(as_province, world, django_assert_num_queries):
    # session, user, person, groups, round, indicators, versions, contacts, totals: the
    # header and the filter form are not rendered
    with django_assert_num_queries(9):
        as_province.get(url(world), {"kind": "team"}, headers={"HX-Request": "true"})
