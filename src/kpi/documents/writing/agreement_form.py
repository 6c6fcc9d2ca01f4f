"""The agreement form (คำรับรองการปฏิบัติราชการ) of a district, as the two heads sign it.

One form per appraised person of the district: the title (the two parties, the round), the
clauses, the table of indicators (the office's team indicators, then the person's own) with
each weight and the responsible unit, the total of 100, and the two signature blocks with
their dates. The parts are printed strings (numerals and dates already chosen), composed from
the database by ``kpi.documents.reports``; this module and ``agreement_form_docx`` only lay
them out, so the PDF and the DOCX cannot disagree.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from kpi.documents.writing.printing import html_to_pdf, render_template
from kpi.documents.writing.signature import Signature

__all__ = [
    "AgreementForm",
    "AgreementForms",
    "FormRow",
    "agreement_forms_html",
    "agreement_forms_pdf",
]

TEMPLATE = "documents/print/agreement_form.html"
#: The table's columns, as the notice's attachment prints them; "\n" where a header wraps.
HEADER = ("ตัวชี้วัด", "น้ำหนัก\n(ร้อยละ)", "หน่วยงาน\nรับผิดชอบ")


@dataclass(frozen=True)
class FormRow:
    """A row of the form's table.

    Attributes:
        role: ``section`` (a kind's heading across the table), ``item`` or ``total``.
        text: the indicator (``ตัวชี้วัดที่ ๕ …``), the heading, or ``รวม``.
        weight: the printed weight (``๖๐``); the sum on the ``total`` row.
        unit: the responsible unit (items only).
    """

    role: Literal["section", "item", "total"]
    text: str
    weight: str = ""
    unit: str = ""


@dataclass(frozen=True)
class AgreementForm:
    """One signed agreement: an evaluatee and the provincial head.

    Attributes:
        title: the centred title lines.
        clauses: the numbered clauses above the table.
        rows: the table's rows, sections and items, the ``total`` last.
        signatures: the evaluator's block, then the evaluatee's.
        phrases: names and terms the PDF keeps on one line (a line may break between
            Thai dictionary words, even inside a name).
    """

    title: tuple[str, ...]
    clauses: tuple[str, ...]
    rows: tuple[FormRow, ...]
    signatures: tuple[Signature, Signature]
    header: tuple[str, str, str] = HEADER
    phrases: tuple[str, ...] = ()


@dataclass(frozen=True)
class AgreementForms:
    """The forms of one district, printed one after another (each from a new page).

    Attributes:
        title: the document's title (file properties).
        author: the provincial office's name.
        forms: the forms.
        thai_digits: whether the numerals are Thai (page numbers follow).
    """

    title: str
    author: str
    forms: Sequence[AgreementForm]
    thai_digits: bool = True


def agreement_forms_html(document: AgreementForms, *, embed_fonts: bool = True) -> str:
    """The forms as one HTML page, the source of the PDF."""
    return render_template(TEMPLATE, {"document": document}, embed_fonts=embed_fonts)


def agreement_forms_pdf(document: AgreementForms) -> bytes:
    """The forms as PDF bytes: A4, Sarabun embedded, text searchable as printed."""
    return html_to_pdf(agreement_forms_html(document))
