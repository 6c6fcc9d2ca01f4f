"""The reporting workflow end to end, in the browser, on the demo (issue 5's scenario).

The head of the first medium district reports individual indicator 8 as 40 of 50 items
(80 %: level 4 for a medium district, shown while typing) with a news link and a PDF, and
submits; ``info`` returns it with a comment; the district adds what was asked and resubmits;
``info`` verifies; ``evaluator`` approves; another district's head gets a 404 for it. Then the
province imports a revision notice of indicator 8 (new bands for medium districts) and the
result's page shows its level before and after.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from kpi.demo.reporting import SCENARIO_DISTRICT
from kpi.org.models import District
from kpi.results.models import LevelChange, Result
from tests.browser.conftest import DESKTOP, TIMEOUT_MS, Demo, Site, log_in, screenshot
from tests.conftest import SEED
from tests.results.files import PDF

pytestmark = pytest.mark.browser

NEWS_URL = "https://cdd-ubon.example/news/3402/2567-07-oTOP-fair"
SECOND_NEWS_URL = "https://cdd-ubon.example/news/3402/2567-08-community-market"
COMMENT = "กรุณาแนบลิงก์ข่าวตลาดนัดชุมชนเดือนสิงหาคมเพิ่มอีก 1 เรื่อง"
NOTICE = "อบ 0019/ว 601"
# The revision's bands for medium districts: 80 % moves from level 4 (71–80) to 5 (≥ 71).
MEDIUM = (
    "ระหว่างร้อยละ 1 - 20",
    "ระหว่างร้อยละ 21 - 40",
    "ระหว่างร้อยละ 41 - 55",
    "ระหว่างร้อยละ 56 - 70",
    "ไม่น้อยกว่าร้อยละ 71 ขึ้นไป",
)
ITEM = "ร้อยละการเผยแพร่ผลงานพัฒนาชุมชนสู่สาธารณะ"


LETTER = """


ที่ อบ ๐๐๑๙/ว ๖๐๑

ถึง สำนักงานพัฒนาชุมชนอำเภอ ทุกอำเภอ

ด้วยสำนักงานพัฒนาชุมชนจังหวัดอุบลราชธานี ขอแจ้งการปรับแก้ไขเกณฑ์ของอำเภอขนาดกลาง \
ตัวชี้วัดรายบุคคล : ตัวชี้วัดที่ ๘ ความสำเร็จการส่งข่าวประชาสัมพันธ์ รายละเอียดตามเอกสารแนบ

สำนักงานพัฒนาชุมชนจังหวัดอุบลราชธานี

๑๕ กรกฎาคม ๒๕๖๗

กลุ่มงานยุทธศาสตร์การพัฒนาชุมชน

โทร ๐๔๕-๓๔๔๖๒๘

"""


def revision_notice() -> str:
    """A revision notice in the seed's format: indicator 8 as in force (the seed's แก้ไข)
    as เดิม, and the same with new bands for medium districts as แก้ไข."""
    seed = SEED.read_text(encoding="utf-8")
    in_force = next(
        line for line in seed.splitlines() if line.startswith("<p>แก้ไข</p> <p>ตัวชี้วัดที่ 8")
    )
    cells, weight, responsible = in_force.split("\t")
    large, rest = cells.split(" <p>อำเภอขนาดกลาง</p> ")
    _, small = rest.split(" <p>อำเภอขนาดเล็ก</p> ")
    medium = " ".join(
        f"<p>ระดับคะแนน {level} {ITEM} {band}</p>" for level, band in enumerate(MEDIUM, 1)
    )
    revised = f"{large} <p>อำเภอขนาดกลาง</p> {medium} <p>อำเภอขนาดเล็ก</p> {small}"
    original = in_force.replace("<p>แก้ไข</p>", "<p>เดิม</p>", 1)
    # The individual table's title and header row, as the seed prints them.
    table = seed[seed.rindex("การกำหนดตัวชี้วัด") : seed.index("<p>เดิม</p> <p>ตัวชี้วัดที่ 8")]
    return f"{LETTER}{table}{original}\n{revised}\t{weight}\t{responsible}\n"


@pytest.fixture
def scenario(demo: Demo, site: Site) -> Iterator[Demo]:
    """The demo, marked dirty afterwards: the scenario writes results and imports a notice."""
    yield demo
    site.state = Site.DIRTY


@pytest.fixture
def sign_in(browser: Browser, site: Site) -> Iterator[Callable[[str], Page]]:
    """A page of its own for each persona (each keeps its browser context), closed after
    the test so that no request is left open when the live server stops."""
    contexts: list[BrowserContext] = []

    def signed_in(username: str) -> Page:
        context = browser.new_context(viewport=DESKTOP, locale="th-TH", timezone_id="Asia/Bangkok")
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        opened = context.new_page()
        log_in(opened, site.url, username)
        return opened

    yield signed_in
    for context in contexts:
        context.close()


def state(page: Page, text: str) -> None:
    region = page.get_by_role("region", name="สถานะและการดำเนินการ")
    expect(region.locator(".badge")).to_have_text(text)


def test_a_medium_district_reports_indicator_8_through_review_approval_and_a_revision(
    sign_in: Callable[[str], Page], site: Site, scenario: Demo, tmp_path: Path
) -> None:
    district = District.objects.get(pk=scenario.medium_district)
    assert district.dopa_code == SCENARIO_DISTRICT, "the demo left another district clean"
    head = sign_in(f"d{district.dopa_code}")

    # The district finds indicator 8 among its results and reports 40 of 50 items.
    head.goto(f"{site.url}/results/")
    head.get_by_role("link", name="ความสำเร็จการส่งข่าวประชาสัมพันธ์").click()
    expect(head.get_by_role("heading", level=1)).to_contain_text("ความสำเร็จการส่งข่าวประชาสัมพันธ์")
    result_url = head.url
    measure = head.get_by_role("region", name="ผลการดำเนินงาน", exact=True)
    measure.get_by_label("จำนวนที่ทำได้").fill("40")
    measure.get_by_label("จำนวนทั้งหมดตามแผน").fill("50")
    live = head.locator("#live-level")
    expect(live.locator(".level-result")).to_have_text("4")
    expect(live).to_contain_text("40 ÷ 50 × 100 = 80")
    expect(live).to_contain_text("อำเภอขนาดกลาง")
    measure.get_by_role("button", name="บันทึก", exact=True).click()
    expect(head.locator(".messages")).to_contain_text("บันทึกผลการดำเนินงานแล้ว")

    evidence = head.get_by_role("region", name=re.compile("หลักฐาน"))
    link = evidence.get_by_role("form", name="เพิ่มลิงก์")
    link.get_by_label("ลิงก์").fill(NEWS_URL)
    link.get_by_label("คำอธิบาย").fill("ข่าวงานแสดงสินค้า OTOP อำเภอศรีเมืองใหม่")
    link.get_by_role("button", name="เพิ่มลิงก์").click()
    pdf = tmp_path / "สรุปข่าวประชาสัมพันธ์.pdf"
    pdf.write_bytes(PDF)
    upload = evidence.get_by_role("form", name="แนบไฟล์")
    upload.get_by_label("ไฟล์หลักฐาน").set_input_files(pdf)
    upload.get_by_role("button", name="แนบไฟล์").click()
    expect(evidence.get_by_role("link", name=re.compile("ข่าวงานแสดงสินค้า OTOP"))).to_be_visible()
    expect(evidence.get_by_role("link", name=re.compile("สรุปข่าวประชาสัมพันธ์"))).to_be_visible()

    head.get_by_role("button", name="ส่งผลการดำเนินงาน").click()
    state(head, "ส่งแล้ว")
    screenshot(head, "result-submitted")

    # The owner (ก.ง.สารสนเทศ) sends it back, saying what is missing.
    info = sign_in("info")
    info.goto(result_url)
    info.get_by_label("สิ่งที่อำเภอต้องแก้ไข").fill(COMMENT)
    info.get_by_role("button", name="ส่งกลับให้แก้ไข").click()
    state(info, "ส่งกลับให้แก้ไข")

    # The district reads the comment, adds the news link asked for and sends it again.
    head.goto(result_url)
    expect(head.get_by_role("note").filter(has_text="ส่งกลับให้แก้ไข")).to_contain_text(COMMENT)
    link = head.get_by_role("form", name="เพิ่มลิงก์")
    link.get_by_label("ลิงก์").fill(SECOND_NEWS_URL)
    link.get_by_label("คำอธิบาย").fill("ข่าวตลาดนัดชุมชน เดือนสิงหาคม 2567")
    link.get_by_role("button", name="เพิ่มลิงก์").click()
    head.get_by_role("button", name="ส่งผลที่แก้ไขแล้ว").click()
    state(head, "ส่งใหม่แล้ว")

    # info verifies at the computed level; the evaluator approves.
    info.goto(result_url)
    expect(info.get_by_role("region", name="สถานะและการดำเนินการ")).to_contain_text(
        "ระบบคำนวณได้ระดับคะแนน 4"
    )
    info.get_by_role("button", name="ยืนยันผลการตรวจสอบ").click()
    state(info, "ตรวจสอบแล้ว")
    evaluator = sign_in("evaluator")
    evaluator.goto(result_url)
    evaluator.get_by_role("button", name="อนุมัติ", exact=True).click()
    state(evaluator, "อนุมัติแล้ว")

    # Another district's head cannot open it.
    other = sign_in("d3401")
    response = other.goto(result_url)
    assert response is not None and response.status == 404

    result = Result.objects.get(pk=int(result_url.rstrip("/").rsplit("/", 1)[1]))
    assert (result.state, result.done, result.planned, result.level) == ("approved", 40, 50, 4)
    assert result.evidence.count() == 3

    # The province imports a revision of indicator 8: medium districts get new bands.
    notice = tmp_path / "ubon-2567-2-revision-601.txt"
    notice.write_text(revision_notice(), encoding="utf-8")
    province = sign_in("province")
    province.get_by_role("link", name="นำเข้าหนังสือเวียน").click()
    province.get_by_label("ไฟล์หนังสือเวียน").set_input_files(notice)
    province.get_by_role("button", name="ตรวจสอบก่อนบันทึก").click()
    preview = province.get_by_role("region", name="สิ่งที่ระบบอ่านได้จากหนังสือ")
    expect(preview).to_contain_text(NOTICE)
    expect(preview).to_contain_text("ระหว่างร้อยละ 56 - 70")
    province.get_by_role("button", name="ยืนยันและบันทึก").click()
    expect(province.locator(".messages")).to_contain_text(f"นำเข้าหนังสือ {NOTICE} แล้ว")

    # The result shows its level before and after, and which notice changed it.
    head.goto(result_url)
    change = head.get_by_role("note").filter(has_text="ได้รับการแก้ไขระหว่างรอบ")
    expect(change).to_contain_text(f"ระดับคะแนนของผลนี้เปลี่ยนจาก 4 เป็น 5 ตามหนังสือ {NOTICE}")
    head.get_by_role("link", name="ประวัติการแก้ไข").click()
    changes = head.get_by_role("region", name="ระดับคะแนนที่เปลี่ยนเพราะตัวชี้วัดได้รับการแก้ไข")
    expect(changes).to_contain_text("ระดับ 4 → 5")
    expect(changes).to_contain_text(NOTICE)
    screenshot(head, "result-level-changed")
    assert LevelChange.objects.filter(result=result, before=4, after=5).exists()
