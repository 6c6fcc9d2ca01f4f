"""The labels that structure the indicator tables, shared by the table reader and the cut.

A label counts only at the start of a line, cell or paragraph: ``ระดับคะแนน 1`` opens a level,
``ระดับอำเภอ`` inside a sentence is text.
"""

import re

from kpi.circulars.model import DistrictSize, Kind

__all__ = [
    "HEADER_WORDS",
    "HEADING",
    "KIND_LINE",
    "KIND_WORDS",
    "LEVEL",
    "NOTE",
    "SIZE",
    "SIZES",
    "STATUS",
    "TOTAL",
    "is_header",
    "is_title",
]

HEADING = re.compile(r"^ตัวชี้วัดที่\s*(?P<number>\d+)\s*[:.\-]?\s*(?P<name>.*)$")
LEVEL = re.compile(
    r"^ระดับ(?:คะแนน)?(?:ที่)?\s*(?P<level>\d{1,2})(?![\d.,])\s*[:.)=\-]?\s*(?P<text>.*)$"
)
STATUS = re.compile(
    r"^[(\[]?\s*(?P<status>เดิม|ฉบับเดิม|แก้ไขเป็น|ขอแก้ไขเป็น|แก้ไข|ฉบับแก้ไข|ปรับแก้ไขเป็น)\s*[)\]]?\s*:?"
    # What follows on the same line: the heading, or (text out of a PDF) the row's weight
    # and responsible cells.
    r"\s*(?:(?P<rest>ตัวชี้วัดที่.*)|(?P<cells>\d{1,3}(?:\.\d+)?(?:\s+\S.*)?))?$"
)
SIZE = re.compile(
    r"^(?:สำหรับ)?(?:อำเภอ)?\s*ขนาด\s*(?P<size>ใหญ่|กลาง|เล็ก)\s*(?:\([^)]*\))?\s*:?\s*(?P<rest>ระดับ.*)?$"
)
SIZES: dict[str, DistrictSize] = {"ใหญ่": "large", "กลาง": "medium", "เล็ก": "small"}
KIND_WORDS: dict[str, Kind] = {"รายทีม": "team", "รายบุคคล": "individual"}
KIND_LINE = re.compile(r"^ตัวชี้วัด(?P<kind>รายทีม|รายบุคคล)\s*:?$")
HEADER_WORDS = re.compile(
    r"^(?:น้ำหนัก(?:\s*\(ร้อยละ\))?|หน่วยงาน|รับผิดชอบ|หน่วยงาน\s*รับผิดชอบ|ผู้รับผิดชอบ|หน่วยงาน/ผู้รับผิดชอบ)$"
)
TOTAL = re.compile(r"^รวม(?:\s*น้ำหนัก)?(?:\s*(?:ทั้งสิ้น|ทั้งหมด))?\s*(?:\d+(?:\.\d+)?\s*%?)?$")
# Labels of notes printed between or after indicators; their lines are not level text.
NOTE = re.compile(
    r"^(?:หมายเหตุ|เกณฑ์การ|เกณฑ์การให้คะแนน|ค่าเป้าหมาย|หน่วยนับ|คำอธิบาย|นิยาม|สูตร|วิธีการคำนวณ|"
    r"แหล่งข้อมูล|เงื่อนไข|ระดับคะแนน\s*:?$)"
)
TITLE_START = re.compile(
    r"^(?:การกำหนดตัวชี้วัด|ตัวชี้วัดและค่าเป้าหมาย|ประจำปีงบประมาณ|คำรับรอง|เอกสารแนบ|"
    r"สิ่งที่ส่งมาด้วย|รายละเอียดตัวชี้วัด|สรุปตัวชี้วัด|แบบ\s*\S*\s*การกำหนด)"
)


# A header row is short; a body sentence naming an indicator "(ปรับน้ำหนัก)" is not one.
_HEADER_MAX_LENGTH = 100


def is_header(text: str) -> bool:
    """A table header row: ``ตัวชี้วัดรายทีม น้ำหนัก หน่วยงาน รับผิดชอบ``."""
    return (
        len(text) <= _HEADER_MAX_LENGTH
        and "ตัวชี้วัด" in text
        and "น้ำหนัก" in text
        and HEADING.match(text) is None
    )


def is_title(text: str) -> bool:
    """A line of the title block above a table (not the ``X กับ Y`` line)."""
    return bool(TITLE_START.match(text)) or (
        "รอบการประเมิน" in text and HEADING.match(text) is None and LEVEL.match(text) is None
    )
