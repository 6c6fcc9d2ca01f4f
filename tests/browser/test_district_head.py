"""What a district head (d3402, ศรีเมืองใหม่) may not do, and sees only of their own."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from kpi.org.models import District
from tests.browser.conftest import Demo, Site, log_in

pytestmark = pytest.mark.browser


def test_a_district_head_gets_a_403_page_for_import_and_only_their_district_in_the_calculator(
    page: Page, site: Site, demo: Demo
) -> None:
    log_in(page, site.url, "d3402")

    expect(page.get_by_role("link", name="รอบที่ 2/2567")).to_be_visible()
    expect(page.get_by_role("link", name="นำเข้าหนังสือเวียน")).to_have_count(0)
    response = page.goto(f"{site.url}/documents/import/")
    assert response is not None and response.status == 403
    expect(page.get_by_label("ไฟล์หนังสือเวียน")).to_have_count(0)

    page.goto(f"{site.url}/calculator/")
    page.get_by_label("ตัวชี้วัด", exact=True).select_option(
        label=page.locator("option", has_text="8. ความสำเร็จการส่งข่าวประชาสัมพันธ์").inner_text()
    )
    expect(page.get_by_label("ผลการดำเนินงาน")).to_be_visible()
    districts = page.get_by_label("อำเภอ", exact=True).locator("option")
    expect(districts).to_have_count(1)
    expect(districts).to_contain_text("3402 ศรีเมืองใหม่")
    # A deep link to another district's calculation does not widen the list.
    other = District.objects.get(dopa_code="3401").pk
    page.goto(f"{site.url}/calculator/?indicator={demo.individual_8}&district={other}")
    expect(page.get_by_label("อำเภอ", exact=True).locator("option")).to_have_text(
        ["3402 ศรีเมืองใหม่ (อำเภอขนาดกลาง)"]
    )
    expect(page.get_by_text("เลือกอำเภอจากรายการ")).to_be_visible()
    expect(page.get_by_text("เมืองอุบลราชธานี")).to_have_count(0)
