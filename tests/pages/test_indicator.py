import re

from django.urls import reverse

from kpi.rounds.actions import add_version
from kpi.rounds.models import Indicator, Round
from tests.base import add_districts, add_indicators, milestone_version


def url(pk: int) -> str:
    return reverse("indicator", args=[pk])


def size_section(html: str, label: str) -> str:
    """The comparison table of one district size."""
    start = html.index(f"{label}\n")
    end = html.index("</section>", start)
    return html[start:end]


def test_it_sends_an_anonymous_visitor_to_the_login_page(anonymous, world):
    response = anonymous.get(url(world.individual_8))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_another_province_gets_a_404(as_other_province, world):
    assert as_other_province.get(url(world.individual_8)).status_code == 404


def test_an_indicator_that_does_not_exist_is_a_404(as_province, world):
    assert as_province.get(url(world.individual_8 + 999)).status_code == 404


def test_a_district_head_may_read_it(as_head_3401, world):
    assert as_head_3401.get(url(world.individual_8)).status_code == 200


def test_it_shows_the_version_in_force_and_the_earlier_one(as_province, world):
    response = as_province.get(url(world.individual_8))
    assert response.context["in_force"].version.status == "revised"
    # The earlier version came from the round's first circular ("current" there).
    assert [view.version.status for view in response.context["versions"]] == [
        "revised",
        "current",
    ]
    assert [view.version.in_force for view in response.context["versions"]] == [True, False]
    html = response.content.decode()
    assert "ฉบับที่ใช้บังคับ: แก้ไข" in html
    assert "ไม่ใช้บังคับแล้ว" in html


def test_revised_indicator_8_shows_three_sizes_against_the_single_original(as_province, world):
    response = as_province.get(url(world.individual_8))
    (comparison,) = response.context["comparisons"]
    sizes = [(size.label, size.old_label) for size in comparison.sizes]
    assert sizes == [
        ("อำเภอขนาดใหญ่", "อำเภอทุกขนาด"),
        ("อำเภอขนาดกลาง", "อำเภอทุกขนาด"),
        ("อำเภอขนาดเล็ก", "อำเภอทุกขนาด"),
    ]
    assert [size.changed for size in comparison.sizes] == [False, True, True]
    html = response.content.decode()
    for anchor in ("compare-large-1", "compare-medium-1", "compare-small-1"):
        assert f'href="#{anchor}"' in html and f'id="{anchor}"' in html


def test_it_highlights_the_changed_bands_and_shows_their_bounds(as_province, world):
    html = as_province.get(url(world.individual_8)).content.decode()
    medium = size_section(html, "อำเภอขนาดกลาง")
    # level 3: 51 - 80 became 51 - 70; level 5: 91 became 81
    assert 'ระหว่างร้อยละ 51 - <del class="diff">80</del>' in medium
    assert 'ระหว่างร้อยละ 51 - <ins class="diff">70</ins>' in medium
    assert 'ไม่น้อยกว่าร้อยละ <ins class="diff">81</ins> ขึ้นไป' in medium
    assert '≥ <ins class="diff">81</ins>' in medium
    small = size_section(html, "อำเภอขนาดเล็ก")
    assert '≥ <ins class="diff">71</ins>' in small
    large = size_section(html, "อำเภอขนาดใหญ่")
    assert "<ins" not in large and "<del" not in large
    assert "≥ 91" in large


def test_it_shows_the_added_contact_person_as_a_change(as_province, world):
    response = as_province.get(url(world.individual_8))
    (comparison,) = response.context["comparisons"]
    changed = {row.label: row for row in comparison.changed_fields}
    assert set(changed) == {"ผู้ประสานงาน"}
    assert str(changed["ผู้ประสานงาน"].diff.new_html) == (
        '<ins class="diff">นายสภาวุฒิชัย บุญประเสริฐศรี</ins>'
    )


def test_indicator_5_shows_the_phrase_added_at_level_4(as_province, world):
    html = as_province.get(url(world.team_5)).content.decode()
    rows = re.findall(r'<tr class="changed">.*?</tr>', html, re.S)
    level_rows = [row for row in rows if 'data-label="ระดับ">4<' in row]
    assert len(level_rows) == 1
    assert (
        'จำนวน 1 เรื่อง <ins class="diff">และบุคลากรในหน่วยงานทุกคนมีการสรุปองค์ความรู้'
        "บุคคลคุณธรรมภายใน 1 คุณธรรม</ins>"
    ) in level_rows[0]
    assert "<del" not in level_rows[0]
    assert len([row for row in rows if 'data-label="ระดับ">' in row]) == 1


def test_it_links_each_versions_source_document(as_province, world):
    html = as_province.get(url(world.individual_8)).content.decode()
    assert reverse("document_file", args=[world.document]) in html
    assert "อบ 0019/ว 536" in html
    # the notice cites the first circular, dated 4 June 2567
    assert "อ้างถึง อบ 0019/ว 2548 ลงวันที่ 4 มิ.ย. 2567" in html


def test_an_indicator_with_one_version_shows_its_criteria_without_a_comparison(as_province, world):
    (indicator,) = add_indicators(Round.objects.get(pk=world.round), 1)
    response = as_province.get(url(indicator.pk))
    assert response.context["comparisons"] == []
    html = response.content.decode()
    assert "ขั้นตอนที่ 5" in html and "เกณฑ์การให้คะแนน" in html
    assert "<ins" not in html.split("</header>", 1)[1]


def test_a_third_version_is_compared_with_the_second(as_province, world):
    indicator = Indicator.objects.get(pk=world.team_5)
    add_version(indicator, milestone_version("revised", weight=15), by=None, reason="test")
    comparisons = as_province.get(url(indicator.pk)).context["comparisons"]
    assert len(comparisons) == 2
    newest = comparisons[0]
    weight = next(row for row in newest.fields if row.label == "น้ำหนัก (ร้อยละ)")
    assert (str(weight.diff.old_html), str(weight.diff.new_html)) == (
        '<del class="diff">10</del>',
        '<ins class="diff">15</ins>',
    )


def test_its_query_count_does_not_grow_with_indicators_districts_or_versions(
    as_province, ubon, world, django_assert_num_queries
):
    # session, user, person, groups, indicator, versions, contacts, criteria, levels,
    # demo flag of the header
    with django_assert_num_queries(10):
        as_province.get(url(world.team_5))
    add_indicators(Round.objects.get(pk=world.round), 20)
    add_districts(ubon, 250)
    indicator = Indicator.objects.get(pk=world.team_5)
    for weight in range(11, 21):
        add_version(indicator, milestone_version("revised", weight), by=None, reason="test")
    with django_assert_num_queries(10):
        response = as_province.get(url(world.team_5))
    assert len(response.context["versions"]) == 12
