"""The letter's body, written from the data when the office has not written one.

Modelled on the seed (a revision notice)::

    ตามหนังสือจังหวัดอุบลราชธานี ที่ อบ ๐๐๑๙/ว ๒๕๔๘ ลงวันที่ ๔ มิถุนายน ๒๕๖๗ แจ้งการกำหนด
    ตัวชี้วัด… รอบที่ ๒ … นั้น สำนักงานพัฒนาชุมชนจังหวัดอุบลราชธานี ขอแจ้งการปรับแก้ไขรายละเอียด
    ตามเอกสารสรุปตัวชี้วัดพัฒนาการอำเภอ รอบที่ ๒ … ตัวชี้วัดรายทีม : ตัวชี้วัดที่ ๕ … และ
    ตัวชี้วัดรายบุคคล : ตัวชี้วัดที่ ๘ … รายละเอียดตามสิ่งที่ส่งมาด้วย

    จึงเรียนมาเพื่อโปรดทราบและถือปฏิบัติ

A first circular (no เดิม/แก้ไข) says that the indicators are set and how many of each kind.
The body cites a letter (``ตามหนังสือ … ที่ … ลงวันที่ …``) only when it is the one reference
and both its number and date are known; otherwise the references stand under ``อ้างถึง`` and
the body opens ``ตามที่อ้างถึง``, which cites nothing new (the contract's convention), so
``kpi parse`` reads every reference exactly once. Without references it opens ``ด้วย``.
"""

import re

from kpi.circulars.model import Circular, Indicator, Reference
from kpi.documents.writing.wording import KIND_TITLES, Numerals

__all__ = ["CLOSING", "body_cites", "issuer_of", "write_body"]

#: The body's last paragraph (ระเบียบงานสารบรรณ: the closing states what is asked).
CLOSING = "จึงเรียนมาเพื่อโปรดทราบและถือปฏิบัติ"

_PROVINCE = re.compile(r"จังหวัด\S+")


def _prefix(number: str | None) -> str | None:
    return number.split(" ", 1)[0] if number else None


def issuer_of(reference: Reference, circular: Circular) -> str:
    """Who wrote *reference*, when the data says so: the same office prefix as this letter.

    A letter of the province's own office is ``หนังสือจังหวัด…`` (the seed); a letter of
    another office is cited by its number alone, since the data does not name its writer.
    """
    document = circular.document
    if not document.issuer or _prefix(reference.number) != _prefix(document.number):
        return ""
    province = _PROVINCE.search(document.issuer)
    return province[0] if province else document.issuer


def cited_letter(reference: Reference, circular: Circular, numerals: Numerals) -> str:
    """``หนังสือจังหวัดอุบลราชธานี ที่ อบ ๐๐๑๙/ว ๒๕๔๘ ลงวันที่ ๔ มิถุนายน ๒๕๖๗``."""
    text = "หนังสือ" + issuer_of(reference, circular)
    if reference.number:
        text += f" ที่ {numerals(reference.number)}"
    if reference.date:
        text += f" ลงวันที่ {numerals.date(reference.date)}"
    return text


def body_cites(circular: Circular) -> bool:
    """Whether the body cites the one reference itself (no ``อ้างถึง`` line is printed)."""
    references = circular.document.references
    return len(references) == 1 and bool(references[0].number and references[0].date)


def is_revision(circular: Circular) -> bool:
    """A revision notice prints เดิม/แก้ไข versions."""
    return any(
        version.status != "current"
        for indicator in circular.indicators
        for version in indicator.versions
    )


def _join(items: list[str]) -> str:
    """Thai list: ``ก ข และค``."""
    if len(items) <= 1:
        return "".join(items)
    return " ".join(items[:-1]) + " และ" + items[-1]


def _revised_list(indicators: tuple[Indicator, ...], numerals: Numerals) -> str:
    """``ตัวชี้วัดรายทีม : ตัวชี้วัดที่ ๕ … และตัวชี้วัดรายบุคคล : ตัวชี้วัดที่ ๘ …``."""
    by_kind: dict[str, list[str]] = {}
    for indicator in indicators:
        if any(version.status == "revised" for version in indicator.versions):
            name = numerals(f"ตัวชี้วัดที่ {indicator.number} {indicator.name}".strip())
            by_kind.setdefault(indicator.kind, []).append(name)
    return _join([f"{KIND_TITLES[kind]} : {_join(names)}" for kind, names in by_kind.items()])


def _counts(indicators: tuple[Indicator, ...], numerals: Numerals) -> str:
    """``ตัวชี้วัดรายทีม จำนวน ๓ ตัวชี้วัด และตัวชี้วัดรายบุคคล จำนวน ๓ ตัวชี้วัด``."""
    counts: dict[str, int] = {}
    for indicator in indicators:
        counts[indicator.kind] = counts.get(indicator.kind, 0) + 1
    return _join(
        [f"{KIND_TITLES[kind]} จำนวน {numerals.number(n)} ตัวชี้วัด" for kind, n in counts.items()]
    )


def _of(evaluatee: str | None) -> str:
    return f"ของ{evaluatee}" if evaluatee else ""


def write_body(circular: Circular, numerals: Numerals) -> tuple[str, ...]:
    """The body's paragraphs for *circular*, the closing sentence last."""
    document, agreement = circular.document, circular.agreement
    round_phrase = numerals.round_phrase(circular.round)
    office = document.issuer or ""
    subject = "การกำหนดตัวชี้วัดและค่าเป้าหมายการประเมินผลการปฏิบัติราชการ"
    if is_revision(circular):
        matter = " ".join(
            part
            for part in (
                "ขอแจ้งการปรับแก้ไขรายละเอียดตามเอกสารสรุปตัวชี้วัด" + (agreement.evaluatee or ""),
                round_phrase,
                _revised_list(circular.indicators, numerals),
                "รายละเอียดตามสิ่งที่ส่งมาด้วย",
            )
            if part
        )
    else:
        matter = " ".join(
            part
            for part in (
                f"ขอแจ้ง{subject}{_of(agreement.evaluatee)}",
                round_phrase,
                "ประกอบด้วย " + _counts(circular.indicators, numerals),
                "รายละเอียดตามสิ่งที่ส่งมาด้วย",
            )
            if part
        )
    if body_cites(circular):
        reference = cited_letter(document.references[0], circular, numerals)
        opening = f"ตาม{reference} แจ้ง{subject} {round_phrase} นั้น".replace("  ", " ")
        first = f"{opening} {office} {matter}".replace("  ", " ")
    elif document.references:
        first = f"ตามที่อ้างถึง แจ้ง{subject} {round_phrase} นั้น {office} {matter}"
        first = first.replace("  ", " ")
    else:
        first = f"ด้วย{office} {matter}" if office else f"ด้วย{matter}"
    return (first, CLOSING)
