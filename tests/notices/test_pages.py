"""The notice pages: revise an indicator, preview the draft with its changes, issue, discard,
download; each as the provincial administrator (the only one who changes anything)."""

import re
from datetime import date

from django.urls import reverse

from kpi.notices.actions import issue_notice
from kpi.notices.models import Notice
from kpi.rounds.actions import create_round
from kpi.rounds.models import IndicatorVersion
from tests.base import add_indicators
from tests.notices.helpers import admin, indicator
from tests.notices.pages import form_data

MEDIUM_3 = "ร้อยละการเผยแพร่ผลงานพัฒนาชุมชนสู่สาธารณะ ระหว่างร้อยละ 51 - 75"
MEDIUM_4 = "ร้อยละการเผยแพร่ผลงานพัฒนาชุมชนสู่สาธารณะ ระหว่างร้อยละ 76 - 80"


def revise_url(item) -> str:
    return reverse("notice_revise", args=[item.pk])


def post_revision(client, item, **changes):
    return client.post(revise_url(item), form_data(item, **changes))


def drafted(client, world) -> Notice:
    item = indicator(world)
    response = post_revision(client, item, medium_3_text=MEDIUM_3, medium_4_text=MEDIUM_4)
    assert response.status_code == 302, response.content.decode()[:2000]
    return Notice.objects.get(round_id=world.round, state="draft")


def test_the_revise_form_starts_from_the_version_in_force(as_province, world):
    item = indicator(world)
    response = as_province.get(revise_url(item))
    html = response.content.decode()

    assert response.status_code == 200
    form = response.context["form"]
    assert form["sized"].value() is True
    assert form["medium_3_text"].value() == (
        "ร้อยละการเผยแพร่ผลงานพัฒนาชุมชนสู่สาธารณะ ระหว่างร้อยละ 51 - 70"
    )
    assert form["weight"].value() == 5
    assert "สภาวุฒิชัย" in form["contacts"].value()
    assert 'name="large_5_text"' in html and 'name="all_1_text"' in html


def test_saving_a_revision_puts_it_in_the_draft_and_shows_the_preview(as_province, world):
    item = indicator(world)
    response = post_revision(as_province, item, medium_3_text=MEDIUM_3, medium_4_text=MEDIUM_4)

    notice = Notice.objects.get(round_id=world.round, state="draft")
    assert response["Location"] == reverse("notice", args=[notice.pk]) + "#change-individual-8"
    assert notice.indicator_keys == [("individual", 8)]
    assert notice.created_by == admin()
    # nothing is in force until the notice is issued
    assert indicator(world).version_in_force.pk == item.version_in_force.pk


def test_invalid_criteria_get_a_thai_message_and_the_form_keeps_what_was_typed(as_province, world):
    item = indicator(world)
    typed = "ร้อยละการเผยแพร่ผลงานพัฒนาชุมชนสู่สาธารณะ ระหว่างร้อยละ 10 - 20"
    response = post_revision(as_province, item, large_3_text=typed, weight="6.5")
    html = response.content.decode()

    assert response.status_code == 400
    assert "ระดับคะแนน 3 ไม่ได้ยากกว่าระดับคะแนน 2" in html
    assert response.context["form"].errors["large_3_text"]
    assert re.search(rf">\s*{typed}</textarea>", html)
    assert 'value="6.5"' in html
    assert not Notice.objects.filter(round_id=world.round).exists()


def test_a_text_that_disagrees_with_the_bounds_typed_is_refused(as_province, world):
    item = indicator(world)
    response = post_revision(as_province, item, small_2_min="25", small_2_max="50")

    assert response.status_code == 400
    errors = response.context["form"].errors["small_2_text"]
    assert "ข้อความที่จะพิมพ์ในหนังสืออ่านได้ว่า ≥ 21, ≤ 50 แต่ค่าที่กรอกคือ ≥ 25, ≤ 50" in errors[0]


def test_the_preview_highlights_every_change_and_shows_the_letter(as_province, world):
    notice = drafted(as_province, world)
    response = as_province.get(reverse("notice", args=[notice.pk]))
    html = response.content.decode()

    assert response.status_code == 200
    change = response.context["changes"][0]
    assert [size.label for size in change.comparison.sizes if size.changed] == ["อำเภอขนาดกลาง"]
    assert '<del class="diff">70</del>' in html and '<ins class="diff">75</ins>' in html
    assert '<ins class="diff">76</ins>' in html
    # the letter and its table as they will be printed, in Thai digits
    assert "อ้างถึง" in html and "อบ ๐๐๑๙/ว ๕๓๖" in html
    assert 'ระหว่างร้อยละ <span class="range">๕๑ - ๗๕</span>' in html
    assert f'action="{reverse("notice_issue", args=[notice.pk])}"' in html


def test_issuing_from_the_preview_numbers_stores_and_puts_in_force(as_province, world):
    notice = drafted(as_province, world)
    response = as_province.post(reverse("notice_issue", args=[notice.pk]), {"date": "2024-07-15"})

    issued = Notice.objects.get(pk=notice.pk)
    assert response.status_code == 302
    assert response["Location"] == reverse("notice", args=[notice.pk])
    assert (issued.state, issued.number) == ("issued", "อบ 0019/ว 2549")
    version = IndicatorVersion.objects.get(indicator=indicator(world), in_force=True)
    assert version.source_document == issued.source_document
    page = as_province.get(reverse("notice", args=[notice.pk])).content.decode()
    assert reverse("notice_file", args=[notice.pk, "docx"]) in page
    assert f'action="{reverse("notice_issue", args=[notice.pk])}"' not in page


def test_an_issued_notice_is_not_issued_twice(as_province, world):
    notice = drafted(as_province, world)
    issue_notice(notice, by=admin(), date=date(2024, 7, 15))

    response = as_province.post(
        reverse("notice_issue", args=[notice.pk]), {"date": "2024-07-16"}, follow=True
    )

    assert "ไม่ใช่ร่างแล้ว" in response.content.decode()
    assert Notice.objects.get(pk=notice.pk).date == date(2024, 7, 15)


def test_discarding_without_a_reason_is_refused_on_the_page(as_province, world):
    notice = drafted(as_province, world)
    response = as_province.post(reverse("notice_discard", args=[notice.pk]), {"reason": " "})

    assert response.status_code == 400
    assert response.context["discard_form"].errors["reason"]
    assert Notice.objects.get(pk=notice.pk).state == "draft"


def test_discarding_with_a_reason_keeps_the_draft_on_record(as_province, world):
    notice = drafted(as_province, world)
    response = as_province.post(
        reverse("notice_discard", args=[notice.pk]), {"reason": "แก้ไขผิดตัวชี้วัด"}
    )

    assert response.status_code == 302
    stored = Notice.objects.get(pk=notice.pk)
    assert (stored.state, stored.discard_reason) == ("discarded", "แก้ไขผิดตัวชี้วัด")
    listing = as_province.get(reverse("notices", args=[world.round])).content.decode()
    assert "แก้ไขผิดตัวชี้วัด" in listing


def test_the_files_download_with_the_letter_number_as_their_name(as_province, world):
    notice = issue_notice(drafted(as_province, world), by=admin(), date=date(2024, 7, 15))

    docx = as_province.get(reverse("notice_file", args=[notice.pk, "docx"]))
    pdf = as_province.get(reverse("notice_file", args=[notice.pk, "pdf"]))

    assert b"".join(docx.streaming_content).startswith(b"PK")
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")
    assert pdf["Content-Type"] == "application/pdf"
    assert "attachment" in pdf["Content-Disposition"]
    assert re.search(r"filename\*=utf-8''%E0%B8%AD%E0%B8%9A%200019-", pdf["Content-Disposition"])
    assert as_province.get(reverse("notice_file", args=[notice.pk, "txt"])).status_code == 404


def test_the_first_circular_page_explains_that_the_round_has_one(as_province, world):
    response = as_province.get(reverse("notice_first", args=[world.round]))
    assert response.status_code == 200
    assert "อบ 0019/ว 536" in response.content.decode()

    refused = as_province.post(
        reverse("notice_first", args=[world.round]), {"date": "2024-07-15"}, follow=True
    )
    assert "มีหนังสือแจ้งตัวชี้วัดแล้ว" in refused.content.decode()
    assert not Notice.objects.filter(round_id=world.round).exists()


def test_the_list_offers_revising_each_indicator(as_province, world):
    html = as_province.get(reverse("notices", args=[world.round])).content.decode()
    assert revise_url(indicator(world)) in html
    assert reverse("notice_first", args=[world.round]) not in html  # it has a circular


def test_the_first_circular_is_previewed_and_issued_from_its_page(as_province, ubon):
    round = create_round(province=ubon, fiscal_year=2568, number=1, by=None, reason="test")
    add_indicators(round, 2, start=1)
    url = reverse("notice_first", args=[round.pk])
    assert url in as_province.get(reverse("notices", args=[round.pk])).content.decode()

    preview = as_province.get(url).content.decode()
    assert "ที่ อบ ๐๐๑๙/ว …" in preview and "ตัวชี้วัดที่ ๒" in preview

    response = as_province.post(url, {"date": "2024-10-03"})
    notice = Notice.objects.get(round=round)
    assert response["Location"] == reverse("notice", args=[notice.pk])
    assert (notice.kind, notice.state, notice.date) == ("first", "issued", date(2024, 10, 3))
