"""On a phone (390 × 844): no page scrolls sideways, and Thai is drawn with Sarabun."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, Response, expect

from tests.browser.conftest import (
    Demo,
    Site,
    horizontal_overflow,
    log_in,
    rendered_fonts,
    sarabun_faces,
    screenshot,
)

pytestmark = pytest.mark.browser


def font_problems(page: Page) -> list[str]:
    """What is wrong with the font of the page, as sentences (empty: nothing)."""
    problems = []
    family = page.evaluate("getComputedStyle(document.body).fontFamily")
    if not family.strip("\"' ").startswith("Sarabun"):
        problems.append(f"body font-family is {family}")
    faces = sarabun_faces(page)
    if not any(face["status"] == "loaded" for face in faces):
        problems.append(f"no Sarabun face loaded: {faces}")
    if not page.evaluate("document.fonts.check('16px Sarabun')"):
        problems.append("document.fonts.check('16px Sarabun') is false")
    drawn = rendered_fonts(page, "h1")
    if set(drawn) != {"Sarabun"}:
        problems.append(f"the heading is drawn with {drawn}")
    return problems


def test_round_indicator_and_other_pages_fit_a_phone_and_use_sarabun(
    phone: Page, site: Site, demo: Demo
) -> None:
    fonts: list[Response] = []
    phone.on("response", lambda r: fonts.append(r) if "/static/fonts/" in r.url else None)
    pages = {
        "round": f"/rounds/{demo.round}/",
        "indicator-8": f"/indicators/{demo.individual_8}/",
        "home": "/",
        "calculator": (
            f"/calculator/?indicator={demo.individual_8}&district={demo.medium_district}&value=75"
        ),
        "import": "/documents/import/",
    }
    problems: dict[str, list[str]] = {}

    phone.goto(f"{site.url}/accounts/login/")
    problems["login"] = font_problems(phone)
    overflow = horizontal_overflow(phone)
    if overflow:
        problems["login"].append(f"{overflow}px wider than the screen")
    screenshot(phone, "login-phone")

    log_in(phone, site.url, "province")
    for name, path in pages.items():
        phone.goto(f"{site.url}{path}")
        expect(phone.get_by_role("heading", level=1)).to_be_visible()
        problems[name] = font_problems(phone)
        overflow = horizontal_overflow(phone)
        if overflow:
            problems[name].append(f"{overflow}px wider than the screen")
        screenshot(phone, f"{name}-phone")

    assert {name: found for name, found in problems.items() if found} == {}
    assert fonts, "no font file was requested"
    assert all(r.ok for r in fonts), [(r.url, r.status) for r in fonts]
    assert any("Sarabun-Regular" in r.url for r in fonts), [r.url for r in fonts]
