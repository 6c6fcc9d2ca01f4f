"""The agreement form as PDF: Sarabun embedded, the Thai text searchable as printed (names,
ความสำเร็จ, Thai digits), A4 pages that are not blank, each form numbered from its first page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kpi.agreements.models import Agreement
from kpi.documents import reports
from kpi.documents.writing.agreement_form import agreement_forms_pdf
from kpi.thai import to_thai
from tests.documents import report_builders
from tests.documents.report_builders import (
    dark_share_per_page,
    embedded_fonts,
    head,
    needs_poppler,
    page_count,
    pdf_text,
    round_of,
    squash,
)

pytestmark = [pytest.mark.django_db, needs_poppler]
approved = report_builders.approved  # the module's approved round (a fixture)


def pdf_of(world, codes: tuple[str, ...] = ("3401",), *, thai_digits: bool = True) -> bytes:  # type: ignore[no-untyped-def]
    round = round_of(world)
    agreements = Agreement.objects.filter(round=round, district__dopa_code__in=codes)
    return agreement_forms_pdf(reports.agreement_forms(round, agreements, thai_digits=thai_digits))


@pytest.fixture(scope="module")
def form_pdf(approved, django_db_blocker) -> bytes:  # type: ignore[no-untyped-def]
    with django_db_blocker.unblock():
        return pdf_of(approved)


def test_the_pdf_embeds_sarabun(form_pdf: bytes, tmp_path: Path) -> None:
    fonts = embedded_fonts(form_pdf, tmp_path)

    assert fonts
    for name, embedded, subset, unicode_map in fonts:
        assert "Sarabun" in name
        assert (embedded, subset, unicode_map) == ("yes", "yes", "yes")


def test_the_text_layer_holds_names_sara_am_and_thai_digits(
    approved, form_pdf: bytes, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    text = squash(pdf_text(form_pdf, tmp_path))

    for person in (approved.person("evaluator"), head(approved, "3401")):
        assert squash(to_thai(person.full_name)) in text
    assert "ความสำเร็จการส่งข่าวประชาสัมพันธ์" in text  # sara am and tone marks intact
    assert "ผลสำเร็จของการขับเคลื่อน" in text
    assert "คำรับรองการปฏิบัติราชการ" in text
    assert "รอบที่๒ประจำปีงบประมาณพ.ศ.๒๕๖๗" in text
    assert text.count("(ลงชื่อ)") == 2
    layout = pdf_text(form_pdf, tmp_path, "-layout")
    assert re.search(r"^\s*รวม\s+๑๐๐\s*$", layout, re.M)  # the total row


def test_every_item_prints_its_weight_in_thai_digits(approved, form_pdf: bytes, tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = squash(pdf_text(form_pdf, tmp_path, "-layout"))

    assert "ประชาสัมพันธ์" in text
    for agreement in Agreement.objects.filter(round_id=approved.round.pk, district=approved.d3401):
        for item in agreement.items.all():
            weight = to_thai(str(int(item.weight)))
            assert f"{squash(to_thai(f'ตัวชี้วัดที่ {item.indicator.number}'))}" in text
            assert weight in text


def test_the_pages_are_a4_and_not_blank(form_pdf: bytes, tmp_path: Path) -> None:
    shares = dark_share_per_page(form_pdf, tmp_path)

    assert len(shares) == page_count(form_pdf, tmp_path) >= 1
    assert all(share > 0.005 for share in shares)


def test_each_form_starts_a_page_numbered_from_its_own_first(approved, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pdf = pdf_of(approved, ("3401", "3402"))
    pages = [
        pdf_text(pdf, tmp_path, "-f", str(n), "-l", str(n))
        for n in range(1, page_count(pdf, tmp_path) + 1)
    ]

    starts = [n for n, page in enumerate(pages) if page.lstrip().startswith("คำรับรองการปฏิบัติราชการ")]
    assert len(starts) == 2
    for start in starts:  # a form's first page carries no number, its second "- ๒ -"
        assert not pages[start].lstrip().startswith("-")
        if start + 1 < len(pages) and start + 1 not in starts:
            assert re.match(r"\s*-\s*๒", pages[start + 1])


def test_arabic_digits_leave_no_thai_digit(approved, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = pdf_text(pdf_of(approved, thai_digits=False), tmp_path)

    assert "100" in text
    assert not any("๐" <= char <= "๙" for char in text)
