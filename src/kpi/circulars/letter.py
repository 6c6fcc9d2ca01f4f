"""The letter before the tables → :class:`~kpi.circulars.model.Document`.

ระเบียบงานสารบรรณ orders a letter's parts: ``ที่`` with the office opposite, the date,
``เรื่อง``, ``เรียน``/``ถึง``, ``อ้างถึง``, ``สิ่งที่ส่งมาด้วย``, the body, ``ขอแสดงความนับถือ``,
the signature, then the owner unit with ``โทร.``/``โทรสาร``. A stamped circular (หนังสือ
ประทับตรา) has no signature: the office's name and the date stand under the body. Lines
without a label continue the part before them (a wrapped subject or body line).
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from kpi.circulars.letter_numbers import find_letter_number, read_references
from kpi.circulars.model import Document
from kpi.thai import parse_thai_date

__all__ = ["Letter", "read_letter"]

_LABELS: list[tuple[str, re.Pattern[str]]] = [
    ("number", re.compile(r"^ที่\s*(?=[ก-ฮ]{1,3}\.?\s*\d)")),
    ("subject", re.compile(r"^เรื่อง\s*:?\s*")),
    ("to", re.compile(r"^(?:เรียน|ถึง)\s*:?\s*")),
    ("references", re.compile(r"^อ้างถึง\s*:?\s*")),
    ("enclosures", re.compile(r"^สิ่งที่ส่งมาด้วย\s*:?\s*")),
    ("closing", re.compile(r"^ขอแสดงความนับถือ")),
    ("phone", re.compile(r"^โทร")),
    ("email", re.compile(r"^(?:ไปรษณีย์อิเล็กทรอนิกส์|e-?mail|อีเมล)", re.IGNORECASE)),
]
# Body paragraphs open with these (ตามที่…, ตามหนังสือ…, ด้วย…, จึง… closes).
_BODY_START = re.compile(r"^(?:ตามที่|ตามหนังสือ|ด้วย|ตาม|จึง|บัดนี้|ในการนี้|เพื่อ|อนึ่ง)")
_OFFICE = re.compile(r"^(?:สำนักงาน|กรม|จังหวัด|กระทรวง|ศาลากลาง|ที่ว่าการ|ที่ทำการ)")
_SIGNER = re.compile(r"^\(.*\)$")
_DATE_LINE = re.compile(r"^(?:วันที่\s*)?(?P<date>.+)$")
_PHONE = re.compile(
    r"(?P<label>โทรศัพท์\s*/\s*โทรสาร|โทร\.?\s*/\s*โทรสาร|โทรศัพท์|โทรสาร|โทร\.?)\s*:?\s*"
    r"(?P<number>\d[\d\s\-]*\d)"
)


@dataclass(frozen=True)
class Letter:
    """What the letter says besides the document fields: texts where a round may be named."""

    document: Document
    texts: tuple[str, ...] = ()


def _is_office_line(text: str) -> bool:
    # An office's name stands alone on its line: short, at most a couple of spaces
    # (``สำนักงานพัฒนาชุมชนจังหวัดอุบลราชธานี``), unlike a body paragraph that opens with it.
    return bool(_OFFICE.match(text)) and len(text) <= 70 and text.count(" ") <= 2


def _date_of(text: str) -> date | None:
    match = _DATE_LINE.match(text)
    if match is None:
        return None
    try:
        return parse_thai_date(match["date"])
    except ValueError:
        return None


def _phones(text: str) -> tuple[str | None, str | None]:
    phone = fax = None
    for match in _PHONE.finditer(text):
        label, number = match["label"], re.sub(r"\s+", " ", match["number"]).strip()
        if "/" in label:
            phone = phone or number
            fax = fax or number
        elif label == "โทรสาร":
            fax = fax or number
        else:
            phone = phone or number
    return phone, fax


def _label(text: str) -> tuple[str | None, str]:
    for name, pattern in _LABELS:
        match = pattern.match(text)
        if match:
            return name, text[match.end() :].strip()
    return None, text


_HEADER_PARTS = (None, "letterhead", "date", "subject", "to", "references", "enclosures")
_HEADER_LABELS = ("subject", "to", "references", "enclosures")
_CONTINUED_PARTS = ("subject", "to", "references", "enclosures", "body")
# The owner unit (ส่วนราชการเจ้าของเรื่อง) is a unit of the office, never a signer's position.
_UNIT = re.compile(r"^(?:กลุ่มงาน|กลุ่ม|ฝ่าย|งาน|ส่วน|สำนักงาน|ศูนย์|กอง|ก\.?ง\.|กง\.)")


class _Reader:
    """Walks the letter's lines once, remembering which part each line belongs to."""

    def __init__(self) -> None:
        self.part: str | None = None
        self.parts: dict[str, list[str]] = {name: [] for name in _CONTINUED_PARTS}
        self.number: str | None = None
        self.letterhead: list[str] = []
        self.date: date | None = None
        self.phone: str | None = None
        self.fax: str | None = None
        self.foot_offices: list[str] = []
        self.before_phone: str | None = None

    def feed(self, text: str) -> None:
        name, rest = _label(text)
        if name in _HEADER_LABELS and self.part not in _HEADER_PARTS:
            # ``ถึง…``/``เรียน…`` opening a wrapped body line is not a new addressee.
            name, rest = None, text
        if name == "phone":
            phone, fax = _phones(text)
            self.phone, self.fax = self.phone or phone, self.fax or fax
            self.part = name
            return
        if self.phone is None and self.fax is None:
            self.before_phone = text
        if name == "number" and self.number is None and (found := find_letter_number(rest)):
            self.number = found[0]
            beside = rest[found[1][1] :].strip()
            self.letterhead += [beside] if beside else []
            self.part = "letterhead"
        elif name is not None and name != "number":
            self.part = name
            if name in self.parts and rest:
                self.parts[name].append(rest)
        elif self.date is None and (printed := _date_of(text)) is not None:
            self.date = printed
            self.part = "date"
        elif self.part in _HEADER_LABELS and not self.parts[self.part]:
            # The label stood alone (``ถึง`` in its own cell): this line is its value.
            self.parts[self.part].append(text)
        elif _SIGNER.match(text):
            self.part = "signature"
        elif self.part in _HEADER_PARTS and _BODY_START.match(text):
            self.parts["body"].append(text)
            self.part = "body"
        elif _is_office_line(text):
            if self.part in (None, "letterhead"):
                self.letterhead.append(text)
                self.part = "letterhead"
            else:
                self.foot_offices.append(text)
                self.part = "foot"
        elif self.part in _CONTINUED_PARTS:
            # A wrapped line of the part above, or an อ้างถึง block's next item (``๒. …``).
            self.parts[self.part].append(text)

    def joined(self, name: str) -> str | None:
        return " ".join(self.parts[name]).strip() or None

    def document(self) -> Document:
        owner_unit = self.before_phone if (self.phone or self.fax) else None
        if owner_unit is not None and not _UNIT.match(owner_unit):
            owner_unit = None
        offices = [line for line in self.letterhead if _OFFICE.match(line)]
        foot = [line for line in self.foot_offices if line != owner_unit]
        issuer = offices[0] if offices else (foot[-1] if foot else None)
        return Document(
            number=self.number,
            date=self.date,
            issuer=issuer,
            to=self.joined("to"),
            subject=self.joined("subject"),
            references=read_references(self.joined("references"), self.parts["body"]),
            owner_unit=owner_unit,
            phone=self.phone,
            fax=self.fax,
        )


def read_letter(lines: Sequence[str]) -> Letter:
    """Read the letter's lines (normalised, in order) into a Document.

    Returns:
        The document, with the subject and body paragraphs (where the round may be named).
    """
    reader = _Reader()
    for text in lines:
        reader.feed(text)
    texts = tuple(t for t in (reader.joined("subject"), *reader.parts["body"]) if t)
    return Letter(document=reader.document(), texts=texts)
