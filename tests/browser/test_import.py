"""Importing the seed notice through the upload page into a province with no round yet."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from kpi.rounds.models import IndicatorVersion, Round
from tests.browser.conftest import Site, log_in, screenshot
from tests.conftest import SEED

pytestmark = pytest.mark.browser

CREATE_ROUND = "สร้างรอบการประเมินและตัวชี้วัดที่ยังไม่มีจากหนังสือนี้"
CHECK = "ตรวจสอบก่อนบันทึก"


def test_the_province_imports_the_seed_into_an_empty_round_after_a_preview(
    page: Page, site: Site, demo_without_round: None
) -> None:
    log_in(page, site.url, "province")
    page.get_by_role("link", name="นำเข้าหนังสือเวียน").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("นำเข้าหนังสือเวียนตัวชี้วัด")

    page.get_by_label("ไฟล์หนังสือเวียน").set_input_files(SEED)
    page.get_by_role("button", name=CHECK).click()

    # The notice revises a round nobody imported: the page says so and offers to create it,
    # keeping the uploaded file.
    refusal = page.get_by_role("alert")
    expect(refusal).to_contain_text("นำเข้าไม่ได้")
    expect(refusal).to_contain_text("ยังไม่มีการบันทึกข้อมูลใด")
    expect(page.get_by_text(f"ไฟล์ที่อัปโหลดไว้: {SEED.name}")).to_be_visible()
    assert not Round.objects.exists()

    page.get_by_label(CREATE_ROUND).check()
    page.get_by_role("button", name=CHECK).click()

    preview = page.get_by_role("region", name="สิ่งที่ระบบอ่านได้จากหนังสือ")
    expect(preview).to_be_visible()
    expect(preview.get_by_role("definition").filter(has_text="อบ 0019/ว 536")).to_have_count(1)
    expect(preview).to_contain_text("รอบที่ 2/2567")
    expect(preview).to_contain_text("จะสร้างใหม่")
    indicators = preview.locator("article")
    expect(indicators).to_have_count(2)
    team, individual = indicators.nth(0), indicators.nth(1)
    expect(team.get_by_role("heading", level=3)).to_contain_text("ตัวชี้วัดรายทีมที่ 5")
    expect(team).to_contain_text("ผลสำเร็จของการขับเคลื่อนองค์กรคุณธรรมของหน่วยงาน")
    expect(individual.get_by_role("heading", level=3)).to_contain_text("ตัวชี้วัดรายบุคคลที่ 8")
    expect(individual).to_contain_text("ความสำเร็จการส่งข่าวประชาสัมพันธ์")
    for indicator in (team, individual):
        expect(indicator.get_by_role("heading", level=4, name=re.compile("ฉบับเดิม"))).to_be_visible()
        expect(
            indicator.get_by_role("heading", level=4, name=re.compile("ฉบับแก้ไข"))
        ).to_be_visible()
    # The revised indicator 8 has criteria per district size; medium districts reach 4 at 71.
    revised_8 = individual.locator("section").filter(
        has=page.get_by_role("heading", level=4, name=re.compile("ฉบับแก้ไข"))
    )
    medium = revised_8.locator("details").filter(has_text="อำเภอขนาดกลาง")
    expect(medium).to_contain_text("ระหว่างร้อยละ 71 - 80")
    for size in ("อำเภอขนาดใหญ่", "อำเภอขนาดกลาง", "อำเภอขนาดเล็ก"):
        expect(revised_8.get_by_text(f"เกณฑ์: {size}")).to_be_visible()
    # Nothing is saved before the confirmation.
    assert not Round.objects.exists()
    screenshot(page, "import-preview")

    page.get_by_role("button", name="ยืนยันและบันทึก").click()

    expect(page).to_have_url(re.compile(r"/rounds/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("รอบการประเมินที่ 2 ปีงบประมาณ พ.ศ. 2567")
    expect(page.locator(".messages")).to_contain_text("นำเข้าหนังสือ อบ 0019/ว 536 แล้ว")
    expect(
        page.get_by_role("link", name="ผลสำเร็จของการขับเคลื่อนองค์กรคุณธรรมของหน่วยงาน")
    ).to_be_visible()
    expect(page.get_by_role("link", name="ความสำเร็จการส่งข่าวประชาสัมพันธ์")).to_be_visible()
    round = Round.objects.get()
    assert (round.fiscal_year, round.number) == (2567, 2)
    in_force = IndicatorVersion.objects.filter(indicator__round=round, in_force=True)
    assert sorted(in_force.values_list("status", flat=True)) == ["revised", "revised"]
