"""The letter's parts from a :class:`~kpi.circulars.model.Circular` and the office's options.

Only what the data states is printed (a letter with no date in the data has no date line):
``kpi parse`` of the written notice must give the data back, and a part invented here would
come back as a value the data never had. The parts the contract does not carry (address,
signer, Garuda image, the enclosure's wording) come from :class:`NoticeOptions` or are
written from the data.
"""

import re

from kpi.circulars.model import Circular
from kpi.documents.writing.body import CLOSING, body_cites, cited_letter, is_revision, write_body
from kpi.documents.writing.parts import Field, Letter, NoticeOptions
from kpi.documents.writing.wording import Numerals

__all__ = ["SIGNATURE_SLOT", "compose_letter", "salutation"]

#: The signer's name in brackets, left blank for the signer to fill in.
SIGNATURE_SLOT = "(" + "\u00a0" * 40 + ")"

# ระเบียบงานสารบรรณ: ``เรียน`` addresses a person or position; a circular stamped to offices
# (หนังสือประทับตรา, the seed) uses ``ถึง``.
_OFFICE = re.compile(r"^(?:สำนักงาน|กรม|กอง|จังหวัด|อำเภอ|ศาลากลาง|ที่ว่าการ|หน่วยงาน|ส่วนราชการ)")


def salutation(addressee: str) -> str:
    """``ถึง`` for an office (``สำนักงานพัฒนาชุมชนอำเภอ ทุกอำเภอ``), ``เรียน`` otherwise."""
    return "ถึง" if _OFFICE.match(addressee) else "เรียน"


def _references(circular: Circular, numerals: Numerals) -> Field | None:
    references = circular.document.references
    if not references or body_cites(circular):
        return None
    cited = [cited_letter(reference, circular, numerals) for reference in references]
    if len(cited) == 1:
        return Field("อ้างถึง", (cited[0],))
    return Field("อ้างถึง", tuple(f"{numerals(str(n))}. {text}" for n, text in enumerate(cited, 1)))


def _enclosure(circular: Circular, numerals: Numerals) -> Field:
    what = "สรุปการปรับแก้ไขตัวชี้วัด" if is_revision(circular) else "ตัวชี้วัดและค่าเป้าหมาย"
    return Field("สิ่งที่ส่งมาด้วย", (f"{what} จำนวน {numerals('1')} ชุด",))


def _contacts(phone: str | None, fax: str | None, numerals: Numerals) -> tuple[str, ...]:
    if phone and phone == fax:
        return (numerals(f"โทร./โทรสาร {phone}"),)
    lines = []
    if phone:
        lines.append(numerals(f"โทร. {phone}"))
    if fax:
        lines.append(numerals(f"โทรสาร {fax}"))
    return tuple(lines)


def compose_letter(circular: Circular, options: NoticeOptions) -> Letter:
    """The letter of *circular*, its strings in the options' numerals."""
    numerals = Numerals(options.thai_digits)
    document = circular.document
    fields: list[Field] = []
    if document.subject:
        fields.append(Field("เรื่อง", (numerals(document.subject),)))
    if document.to:
        fields.append(Field(salutation(document.to), (numerals(document.to),)))
    if (references := _references(circular, numerals)) is not None:
        fields.append(references)
    fields.append(_enclosure(circular, numerals))
    if options.body is not None:
        body = tuple(numerals(paragraph) for paragraph in options.body)
        if not body or body[-1] != CLOSING:
            body += (CLOSING,)
    else:
        body = write_body(circular, numerals)
    office = tuple(numerals(line) for line in (document.issuer, *options.address) if line)
    return Letter(
        number=numerals(document.number) if document.number else None,
        office=office,
        date=numerals.date(document.date) if document.date else None,
        fields=tuple(fields),
        body=body,
        signer=f"({options.signer_name})" if options.signer_name else SIGNATURE_SLOT,
        signer_position=tuple(numerals(line) for line in options.signer_position),
        owner_unit=numerals(document.owner_unit) if document.owner_unit else None,
        contacts=_contacts(document.phone, document.fax, numerals),
        emblem=options.emblem,
    )
