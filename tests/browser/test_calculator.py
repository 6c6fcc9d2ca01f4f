"""The score calculator, live as the user types (htmx), for a medium district."""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Locator, Page, Response, expect

from tests.browser.conftest import Demo, Site, log_in, screenshot

pytestmark = pytest.mark.browser

INDICATOR_8 = "8. ความสำเร็จการส่งข่าวประชาสัมพันธ์"


def choose(select: Locator, text: str) -> str:
    """Choose the option of *select* whose label contains *text*; return that label."""
    option = select.locator("option", has_text=text)
    expect(option).to_have_count(1)
    label = option.inner_text().strip()
    select.select_option(label=label)
    return label


def level(page: Page, heading: str) -> Locator:
    return page.get_by_role("region", name=re.compile(f"^{heading}")).locator(".level-result")


def asks_for(name: str, value: str) -> Callable[[Response], bool]:
    """Whether a response answers the calculator's live update with *name* = *value*."""

    def matches(response: Response) -> bool:
        url = urlsplit(response.url)
        return url.path == "/calculator/" and parse_qs(url.query).get(name) == [value]

    return matches


def type_value(page: Page, text: str) -> None:
    """Type *text* as the result and wait for the live update of that very text (an
    earlier update arriving late must not stand in for it)."""
    field = page.get_by_label("ผลการดำเนินงาน")
    with page.expect_response(asks_for("value", text)) as sent:
        field.fill(text)
    assert sent.value.ok
    assert sent.value.request.headers.get("hx-request") == "true"


def test_the_calculator_updates_the_level_while_typing_for_a_medium_district(
    page: Page, site: Site, demo: Demo
) -> None:
    log_in(page, site.url, "province")
    page.get_by_role("link", name="คำนวณคะแนน").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("คำนวณระดับคะแนน")

    choose(page.get_by_label("ตัวชี้วัด", exact=True), INDICATOR_8)
    # Choosing the indicator brings its inputs (a percentage) without leaving the page.
    value = page.get_by_label("ผลการดำเนินงาน")
    expect(value).to_be_visible()
    with page.expect_response(asks_for("district", str(demo.medium_district))):
        district = choose(
            page.get_by_label("อำเภอ", exact=True), f"{demo.medium_district_name} (อำเภอขนาดกลาง)"
        )
    assert demo.medium_district_name in district
    # A full page load would drop this marker: the levels must come without one.
    page.evaluate("window.stillTheSamePage = true")

    type_value(page, "75")

    revised, original = level(page, "ตามเกณฑ์ที่แก้ไข"), level(page, "ตามเกณฑ์เดิม")
    expect(revised).to_have_text("4")
    # The original criteria (51-80 for every size) give their own level.
    expect(original).to_have_text("3")
    expect(page.get_by_text("ขนาดอำเภอที่ใช้คำนวณ:")).to_contain_text("อำเภอขนาดกลาง")
    expect(page.get_by_text("ขนาดอำเภอที่ใช้คำนวณ:")).to_contain_text(demo.medium_district_name)
    screenshot(page, "calculator")

    type_value(page, "71")
    expect(revised).to_have_text("4")
    expect(original).to_have_text("3")

    type_value(page, "70.9")
    expect(revised).to_have_text("3")
    expect(original).to_have_text("3")
    assert page.evaluate("window.stillTheSamePage") is True
    expect(page).to_have_url(re.compile(r"value=70\.9"))

    type_value(page, "abc")
    message = "กรอกเป็นตัวเลข เช่น 75 หรือ 70.5"
    expect(page.get_by_text(message, exact=True)).to_be_visible()
    # Tied to the field, so a screen reader reads it with the field.
    expect(value).to_have_accessible_description(re.compile(re.escape(message)))
    expect(value).to_have_value("abc")
    expect(value).to_have_attribute("aria-invalid", "true")
    expect(page.locator(".level-result")).to_have_count(0)
    assert page.evaluate("window.stillTheSamePage") is True
