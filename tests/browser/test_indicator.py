"""Indicator 8 of the demo round: เดิม and แก้ไข side by side, per district size."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.browser.conftest import Demo, Site, log_in, screenshot

pytestmark = pytest.mark.browser

SIZES = ("อำเภอขนาดใหญ่", "อำเภอขนาดกลาง", "อำเภอขนาดเล็ก")


def size_section(page: Page, size: str) -> Locator:
    return page.get_by_role("region", name=re.compile(f"^{size}"))


def marked(section: Locator, tag: str) -> list[str]:
    return [text.strip() for text in section.locator(f"{tag}.diff").all_inner_texts()]


def test_indicator_8_shows_three_size_classes_with_the_changed_bands_highlighted(
    page: Page, site: Site, demo: Demo
) -> None:
    log_in(page, site.url, "province")
    page.goto(f"{site.url}/rounds/{demo.round}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("2567")
    screenshot(page, "round")
    page.get_by_role("link", name="ความสำเร็จการส่งข่าวประชาสัมพันธ์").first.click()

    expect(page).to_have_url(f"{site.url}/indicators/{demo.individual_8}/")
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_contain_text("ตัวชี้วัดที่ 8")
    expect(heading).to_contain_text("ความสำเร็จการส่งข่าวประชาสัมพันธ์")
    tabs = page.get_by_role("navigation", name="ขนาดอำเภอ").get_by_role("link")
    expect(tabs).to_have_count(3)
    for size in SIZES:
        expect(tabs.filter(has_text=size)).to_have_count(1)
        expect(size_section(page, size)).to_be_visible()

    # Medium districts: 51-80 became 51-70, 81-90 became 71-80, 91+ became 81+.
    medium = size_section(page, "อำเภอขนาดกลาง")
    expect(medium.get_by_role("heading", level=4)).to_contain_text("มีการเปลี่ยนแปลง")
    added = marked(medium, "ins")
    for number in ("70", "71", "80", "81"):
        assert any(number in text for text in added), (number, added)
    removed = marked(medium, "del")
    for number in ("80", "81", "90", "91"):
        assert any(number in text for text in removed), (number, removed)
    # The highlight is visible, not only in the markup.
    first_added = medium.locator("ins.diff").first
    expect(first_added).to_be_visible()
    background = first_added.evaluate("node => getComputedStyle(node).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent"), background

    # Large districts keep the original bands.
    large = size_section(page, "อำเภอขนาดใหญ่")
    expect(large.get_by_role("heading", level=4)).to_contain_text("ไม่เปลี่ยน")
    expect(large.locator("ins.diff, del.diff")).to_have_count(0)
    expect(large.locator("tbody tr")).to_have_count(5)
    expect(large).to_contain_text("ระหว่างร้อยละ 81 - 90")

    small = size_section(page, "อำเภอขนาดเล็ก")
    expect(small.get_by_role("heading", level=4)).to_contain_text("มีการเปลี่ยนแปลง")
    assert any("61" in text for text in marked(small, "ins"))
    screenshot(page, "indicator-8")
