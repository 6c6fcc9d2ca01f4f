"""Thai is the default whatever the browser asks; English is chosen with the switch."""

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def test_an_english_browser_still_gets_thai_by_default(client) -> None:
    response = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.headers["Content-Language"] == "th"
    assert 'lang="th"' in response.content.decode()


def test_the_language_switch_turns_the_pages_english(client) -> None:
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/accounts/login/"})
    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    page = client.get("/accounts/login/")
    assert page.headers["Content-Language"] == "en"
    assert 'lang="en"' in page.content.decode()
