"""Evidence files the demo's districts attach, made when the demo is loaded (nothing binary is
kept in the repository): a one-page PDF report in Sarabun, through the PDF pipeline the
printed documents use, and a PNG chart drawn with Pillow (WeasyPrint's own dependency; the
chart is left out if Pillow is missing). Both say they are demo documents.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.files.base import ContentFile
from django.utils import timezone

from kpi.documents.writing.printing import font_file, html_to_pdf
from kpi.thai.dates import format_document_date

if TYPE_CHECKING:
    from kpi.results.models import Result

DEMO_STAMP = "เอกสารสาธิต ข้อมูลสมมุติ"
#: month abbreviations in fiscal-year order, October first
MONTHS = (
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
)


@dataclass(frozen=True)
class Attachment:
    """An evidence file with its title, made for the result it is attached to, when it is
    attached (``make`` returns None to leave it out)."""

    title: str
    make: Callable[[Result], ContentFile | None]


def report(name: str, title: str, *paragraphs: str) -> Attachment:
    """A one-page PDF report of the result's office, titled *title*."""

    def make(result: Result) -> ContentFile:
        return report_pdf(Report(title, result.district.office_name, paragraphs), name)

    return Attachment(title, make)


def chart(title: str, months: Sequence[str], counts: Sequence[int], name: str) -> Attachment:
    """A PNG bar chart of *counts* per month."""
    return Attachment(title, lambda result: chart_png(title, months, counts, name))


@dataclass(frozen=True)
class Report:
    """What a district's one-page report says; it is dated the day it is made, which is the
    day of the demo's clock it is attached on."""

    title: str
    office: str
    paragraphs: Sequence[str]


_PAGE = """<!doctype html><html lang="th"><head><meta charset="utf-8"><style>
@font-face {{ font-family: Sarabun; src: url("{regular}"); }}
@font-face {{ font-family: Sarabun; font-weight: bold; src: url("{bold}"); }}
@page {{ size: A4; margin: 2.5cm 2cm 2cm 3cm; }}
body {{ font-family: Sarabun; font-size: 16pt; line-height: 1.45; }}
h1 {{ font-size: 20pt; text-align: center; margin: 0 0 0.3cm; }}
.office, .date {{ text-align: center; margin: 0; }}
.stamp {{ text-align: right; margin: 0 0 0.4cm; }}
.stamp span {{ color: #9b1c1c; border: 1.5pt solid #9b1c1c; padding: 0.05cm 0.3cm;
  font-weight: bold; }}
p.body {{ text-indent: 2.5cm; text-align: justify; }}
</style></head><body>
<p class="stamp"><span>{stamp}</span></p>
<h1>{title}</h1><p class="office">{office}</p><p class="date">{date}</p>
{paragraphs}
</body></html>"""


def report_pdf(report: Report, name: str) -> ContentFile:
    """*report* as a one-page A4 PDF named *name*, Sarabun embedded."""
    page = _PAGE.format(
        regular=font_file("Regular").as_uri(),
        bold=font_file("Bold").as_uri(),
        stamp=html.escape(DEMO_STAMP),
        title=html.escape(report.title),
        office=html.escape(report.office),
        date=html.escape(format_document_date(timezone.localdate())),
        paragraphs="\n".join(f'<p class="body">{html.escape(p)}</p>' for p in report.paragraphs),
    )
    return ContentFile(html_to_pdf(page), name=name)


def chart_png(
    title: str, months: Sequence[str], counts: Sequence[int], name: str
) -> ContentFile | None:
    """A bar chart of *counts* per month as a PNG named *name*; None without Pillow."""
    try:
        from PIL import Image, ImageDraw, ImageFont
    except ImportError:  # pragma: no cover - Pillow comes with WeasyPrint
        return None
    import io

    width, height, left, bottom, top = 960, 600, 90, 520, 110
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    heading = ImageFont.truetype(str(font_file("Bold")), 30)
    label = ImageFont.truetype(str(font_file("Regular")), 22)
    draw.text((width // 2, 40), title, font=heading, fill="#1f2937", anchor="mm")
    draw.text((width - 30, 80), DEMO_STAMP, font=label, fill="#9b1c1c", anchor="rm")
    highest = max(max(counts, default=1), 1)
    draw.line((left, top, left, bottom), fill="#6b7280", width=2)
    draw.line((left, bottom, width - 40, bottom), fill="#6b7280", width=2)
    step = (width - 40 - left) // max(len(counts), 1)
    for index, (month, count) in enumerate(zip(months, counts, strict=True)):
        x = left + index * step + step // 4
        y = bottom - (bottom - top - 30) * count // highest
        draw.rectangle((x, y, x + step // 2, bottom - 1), fill="#2563eb")
        draw.text((x + step // 4, y - 8), str(count), font=label, fill="#111827", anchor="mb")
        draw.text((x + step // 4, bottom + 12), month, font=label, fill="#374151", anchor="mt")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return ContentFile(out.getvalue(), name=name)
