"""Headless Debian chromium driven by Playwright against a live server of the app.

Playwright's own browser download does not work here: ``make browser`` installs Debian's
``chromium`` and the tests launch that binary. Every test gets a fresh browser context (no
cookies left over) and asks for the data it needs: the demo (``demo``) or the demo without
its round (``demo_without_round``); see ``Site`` for how it is shared between tests.

Screenshots go to ``docs/screenshots/`` only when ``KPI_SCREENSHOTS=1``, so that a test run
never rewrites the repository's pictures.
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import connections
from django.test.utils import override_settings
from playwright.sync_api import Browser, Page, Playwright, sync_playwright
from pytest_django.live_server_helper import LiveServer

from kpi.demo import loading
from kpi.org.models import DistrictSize
from kpi.rounds.models import Indicator, Round

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
HERE = Path(__file__).resolve().parent
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
# A wrong selector or a missing element fails in seconds, not after Playwright's 30 s.
TIMEOUT_MS = 10_000
#: how long loading or flushing the data waits for the requests still being served
IDLE_TIMEOUT_S = 30
#: and how long the server must then stay idle
QUIET_S = 0.2


@pytest.fixture(scope="package")
def playwright() -> Iterator[Playwright]:
    """Playwright for the tests of this package only.

    Its sync API keeps an asyncio loop marked as running in the main thread, and Django
    refuses ORM calls from a thread with a running loop. The fixtures here load data and
    flush it in the main thread while no request is served from it, so the check is
    switched off, for as long as the browser runs; the package scope ends both before any
    other package's tests run on this worker.

    Django keeps its connections in context variables, and the main thread's context is not
    the same while the loop runs: a connection opened before would stay open, unseen, and
    PostgreSQL would refuse to drop the test database at the end. So this thread's
    connections are closed when the loop starts and when it stops (closing an in-memory
    SQLite database is a no-op: its data stays).
    """
    if not shutil.which(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is missing: `make browser` installs Debian's chromium")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        connections.close_all()
        try:
            with sync_playwright() as driver:
                try:
                    yield driver
                finally:
                    connections.close_all()
        finally:
            connections.close_all()


@pytest.fixture(scope="package")
def browser(playwright: Playwright) -> Iterator[Browser]:
    chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()


def _new_page(browser: Browser, viewport: dict[str, int]) -> Page:
    context = browser.new_context(viewport=viewport, locale="th-TH", timezone_id="Asia/Bangkok")
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS * 3)
    return context.new_page()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A desktop-sized page in a fresh context."""
    opened = _new_page(browser, DESKTOP)
    yield opened
    opened.context.close()


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    """A page 390 × 844 CSS pixels, the size of a common phone."""
    opened = _new_page(browser, PHONE)
    yield opened
    opened.context.close()


@dataclass(frozen=True)
class Demo:
    """Keys of what the tests open, read once the demo is loaded."""

    round: int
    team_5: int
    individual_8: int
    medium_district: int
    medium_district_name: str


def _demo_keys() -> Demo:
    round = Round.objects.get(province__is_demo=True, fiscal_year=2567, number=2)
    indicators = Indicator.objects.filter(round=round)
    medium = (
        DistrictSize.objects.filter(fiscal_year=round.fiscal_year, size="medium")
        .select_related("district")
        .order_by("district__dopa_code")
        .first()
    )
    assert medium is not None, "the demo has no medium district"
    return Demo(
        round=round.pk,
        team_5=indicators.get(kind="team", number=5).pk,
        individual_8=indicators.get(kind="individual", number=8).pk,
        medium_district=medium.district.pk,
        medium_district_name=medium.district.name,
    )


def _load_without_round() -> None:
    """The demo loader with its list of circulars emptied: province, districts, sizes,
    units, people and accounts, and no round."""
    data = loading.demo_data()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(loading, "demo_data", lambda: {**data, "circulars": []})
        loading.load_demo()


class InFlight:
    """The requests the live server is serving, counted by Django's request signals.

    The server thread shares this thread's in-memory SQLite connection, and with it the
    transactions open on it. A request a finished test left behind (such as the round
    page's summary, which htmx fetches once the page has loaded) must not run while the
    data is flushed and loaded (in CI a test once found the demo's indicators gone halfway
    through, most likely so). Loading and flushing wait until no request is being served.
    """

    def __init__(self) -> None:
        self._count = 0
        self._idle = threading.Condition()

    def started(self, **_: Any) -> None:
        with self._idle:
            self._count += 1
            self._idle.notify_all()

    def finished(self, **_: Any) -> None:
        with self._idle:
            self._count -= 1
            self._idle.notify_all()

    def wait_until_idle(self) -> None:
        deadline = time.monotonic() + IDLE_TIMEOUT_S
        with self._idle:
            while True:
                left = deadline - time.monotonic()
                idle = self._idle.wait_for(lambda: self._count <= 0, timeout=left)
                assert idle, f"the live server still serves {self._count} request(s)"
                # A request sent just before its page closed may not have started yet.
                if not self._idle.wait_for(lambda: self._count > 0, timeout=QUIET_S):
                    return


class Site:
    """The live server and the data it serves, shared by the tests of this package.

    Loading the demo takes seconds (two imports, then the round run through the actions),
    too long to repeat for every test, so the data is committed once and kept while the
    tests only read it. A test that changes it (``demo_without_round``: an import) leaves
    the site dirty, and the next test that wants the demo gets the database flushed and
    loaded again.
    """

    EMPTY, DEMO, WITHOUT_ROUND, DIRTY = "empty", "demo", "without round", "dirty"

    def __init__(self, server: LiveServer, requests: InFlight) -> None:
        self.server = server
        self.requests = requests
        self.url: str = server.url
        self.state = self.EMPTY
        self.demo: Demo | None = None

    def load(self, state: str) -> None:
        if self.state == state:
            return
        if self.state != self.EMPTY:
            self.flush()  # waits for the server first
        else:
            self.requests.wait_until_idle()
        if state == self.DEMO:
            loading.load_demo()
            self.demo = _demo_keys()
        elif state == self.WITHOUT_ROUND:
            _load_without_round()
        self.state = state

    def flush(self) -> None:
        self.requests.wait_until_idle()
        call_command("flush", interactive=False, verbosity=0)
        self.state, self.demo = self.EMPTY, None


@pytest.fixture(scope="package")
def live_server(
    django_db_setup: None, django_db_blocker: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Site]:
    """pytest-django's live server thread, for the tests of this package, serving the data
    ``Site`` keeps (replaces pytest-django's session fixture of the same name, whose name
    is also what makes pytest-django create the test database for these tests).

    The database is open to the tests of this package (and to the server thread) until the
    package is done, then flushed, so the next package on this worker finds it empty. An
    in-memory SQLite database is shared with the server thread by the helper.
    """
    overrides = override_settings(
        MEDIA_ROOT=tmp_path_factory.mktemp("browser-media"),
        # The demo's accounts are hashed once when loaded, and checked at every login.
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
    )
    overrides.enable()
    requests = InFlight()
    request_started.connect(requests.started)
    request_finished.connect(requests.finished)
    with django_db_blocker.unblock():
        server = LiveServer("localhost")
        server._live_server_modified_settings.enable()
        shared = Site(server, requests)
        try:
            yield shared
        finally:
            shared.flush()
            server._live_server_modified_settings.disable()
            server.stop()
            request_started.disconnect(requests.started)
            request_finished.disconnect(requests.finished)
    overrides.disable()


@pytest.fixture(autouse=True)
def _live_server_helper() -> None:
    """Replaces pytest-django's helper, which flushes the database after every test using
    ``live_server``: here the data is kept between tests (see ``Site``)."""


@pytest.fixture
def site(live_server: Site) -> Site:
    return live_server


@pytest.fixture
def demo(site: Site) -> Demo:
    """The demo: Ubon Ratchathani with round 2/2567 from its two circulars, under way."""
    site.load(Site.DEMO)
    assert site.demo is not None
    return site.demo


@pytest.fixture
def demo_without_round(site: Site) -> Iterator[None]:
    """The demo's province, districts, sizes, units, people and accounts, but no round."""
    site.load(Site.WITHOUT_ROUND)
    assert not Round.objects.exists()
    yield
    site.state = Site.DIRTY


@pytest.fixture
def demo_to_change(site: Site) -> Iterator[Demo]:
    """The demo, for a test that changes it (reports results, imports a notice): the next
    test that wants the demo gets it loaded afresh."""
    site.load(Site.DEMO)
    assert site.demo is not None
    yield site.demo
    site.state = Site.DIRTY


#: the order the tests of this package run in on a worker, by the data they ask for: each
#: change of data costs a flush and a load, the demo's taking seconds
DATA_ORDER = ("demo_without_round", "demo", "demo_to_change")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run the tests of this package that start from a province without a round first,
    then those that only read the demo, then those that change it, so that a worker loads
    the demo once rather than load, flush and load it again."""
    ours = [i for i, item in enumerate(items) if Path(str(item.path)).parent == HERE]
    if not ours:
        return

    def rank(item: pytest.Item) -> int:
        names = set(getattr(item, "fixturenames", ()))
        return max((n for n, name in enumerate(DATA_ORDER) if name in names), default=1)

    tests = sorted((items[i] for i in ours), key=rank)
    for index, item in zip(ours, tests, strict=True):
        items[index] = item


# ---------------------------------------------------------------------------------------------
# Steps shared by the tests


def log_in(page: Page, base_url: str, username: str, password: str | None = None) -> None:
    """Log in through the login form, as a user would."""
    from kpi.accounts.demo import DEMO_PASSWORD

    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("ชื่อผู้ใช้").fill(username)
    page.get_by_label("รหัสผ่าน").fill(password or DEMO_PASSWORD)
    page.get_by_role("button", name="เข้าสู่ระบบ").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def fonts_ready(page: Page) -> None:
    page.evaluate("document.fonts.ready.then(() => true)")


def screenshot(page: Page, name: str) -> None:
    """Save the whole page as docs/screenshots/<name>.png when KPI_SCREENSHOTS=1."""
    if os.environ.get("KPI_SCREENSHOTS") != "1":
        return
    fonts_ready(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True, animations="disabled")


def horizontal_overflow(page: Page) -> int:
    """How many CSS pixels the page is wider than the window (0: no sideways scrolling)."""
    return page.evaluate("Math.max(0, document.documentElement.scrollWidth - window.innerWidth)")


def sarabun_faces(page: Page) -> list[dict[str, str]]:
    """The Sarabun font faces the page declared, with their load status."""
    fonts_ready(page)
    return page.evaluate(
        """[...document.fonts]
             .filter(face => face.family.replace(/["']/g, '') === 'Sarabun')
             .map(face => ({weight: String(face.weight), status: face.status}))"""
    )


def rendered_fonts(page: Page, selector: str) -> dict[str, int]:
    """The fonts chromium really drew the text of *selector* with, and how many glyphs
    each: a Thai text drawn with a fallback font (or as boxes) shows up here, where the
    CSS ``font-family`` would still say Sarabun."""
    fonts_ready(page)
    cdp = page.context.new_cdp_session(page)
    try:
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        assert node, f"nothing matches {selector}"
        fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    finally:
        cdp.detach()
    return {font["familyName"]: int(font["glyphCount"]) for font in fonts}
