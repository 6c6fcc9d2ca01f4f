"""Logging in and out through the pages, as a provincial officer does."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Demo, Site, log_in, screenshot

pytestmark = pytest.mark.browser


def test_the_province_logs_in_sees_round_2_2567_and_logs_out(
    page: Page, site: Site, demo: Demo
) -> None:
    page.goto(site.url)
    # Anonymous: sent to the login page, which lists the demo accounts.
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    expect(page.get_by_role("heading", name="บัญชีทดลองใช้ (ข้อมูลสาธิต)")).to_be_visible()
    expect(page.get_by_role("rowheader", name="province", exact=True)).to_be_visible()
    screenshot(page, "login")

    log_in(page, site.url, "province")

    expect(page).to_have_url(f"{site.url}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("รอบการประเมิน")
    round_link = page.get_by_role("link", name="รอบที่ 2/2567")
    expect(round_link).to_be_visible()
    expect(round_link).to_have_attribute("href", f"/rounds/{demo.round}/")
    expect(page.get_by_role("row").filter(has=round_link)).to_contain_text("อุบลราชธานี")
    screenshot(page, "home")

    page.get_by_role("button", name="ออกจากระบบ").click()

    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    expect(page.get_by_role("button", name="ออกจากระบบ")).to_have_count(0)
    # Logged out for real: the home page sends us back to the login form.
    page.goto(site.url)
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/"))


def test_a_wrong_password_keeps_the_user_on_the_login_page_with_a_thai_message(
    page: Page, site: Site, demo: Demo
) -> None:
    page.goto(f"{site.url}/accounts/login/")
    page.get_by_label("ชื่อผู้ใช้").fill("province")
    page.get_by_label("รหัสผ่าน").fill("not-the-password")
    page.get_by_role("button", name="เข้าสู่ระบบ").click()

    expect(page.get_by_role("alert")).to_contain_text(re.compile("[ก-๙]"))
    expect(page.get_by_label("ชื่อผู้ใช้")).to_have_value("province")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
