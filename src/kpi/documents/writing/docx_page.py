"""What every Word document of the office shares: page, font, paragraphs, table rows.

Layout (ระเบียบงานสารบรรณ): A4, margins left 3, right 2, top 2.5, bottom 2 cm, 16 pt
``TH Sarabun New``, the font Thai government PCs have. Word picks a run's font by script, so
the styles name it for the Latin (``w:ascii``, ``w:hAnsi``) and the complex-script (``w:cs``)
runs, with ``w:szCs`` beside ``w:sz`` and bold as ``w:b`` plus ``w:bCs``; theme fonts are
removed from the defaults because a theme attribute overrides a named font.

Used by the notice (``docx``) and the agreement form (``agreement_form_docx``).
"""

from io import BytesIO

import docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.text.font import CT_RPr
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Length, Pt
from docx.styles.style import BaseStyle
from docx.table import _Cell, _Row
from docx.text.paragraph import Paragraph

__all__ = [
    "FONT",
    "SIZE",
    "cant_split",
    "new_document",
    "page_field",
    "paragraph",
    "run",
    "saved",
    "set_fonts",
    "setup_page",
    "setup_styles",
    "width",
]

#: The font Thai offices have installed (TH SarabunPSK before it).
FONT = "TH Sarabun New"
SIZE = Pt(16)

# Elements that follow w:szCs and w:lang inside w:rPr (ECMA-376 CT_RPr order).
_AFTER_SZ_CS = (
    "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign",
    "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath",
)  # fmt: skip
_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")


def _child(parent: CT_RPr, tag: str, successors: tuple[str, ...]) -> BaseOxmlElement:
    element: BaseOxmlElement | None = parent.find(qn(tag))
    if element is None:
        element = parent.insert_element_before(OxmlElement(tag), *successors)
    return element


def set_fonts(rpr: CT_RPr) -> None:
    """Name the font for every script and set the complex-script size next to the size."""
    fonts = rpr.get_or_add_rFonts()
    for attribute in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attribute}"), None)
    for attribute in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attribute}"), FONT)
    half_points = str(int(SIZE.pt * 2))
    rpr.get_or_add_sz().set(qn("w:val"), half_points)
    _child(rpr, "w:szCs", _AFTER_SZ_CS).set(qn("w:val"), half_points)
    lang = _child(rpr, "w:lang", _AFTER_LANG)
    lang.set(qn("w:val"), "th-TH")
    lang.set(qn("w:bidi"), "th-TH")


def _style_fonts(style: BaseStyle) -> None:
    set_fonts(style.element.get_or_add_rPr())


def setup_styles(document: DocxDocument) -> None:
    """The defaults, ``Normal`` and ``Table Grid`` in the office's font, no paragraph spacing."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr)
    normal = document.styles["Normal"]
    _style_fonts(normal)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    _style_fonts(document.styles["Table Grid"])


def setup_page(document: DocxDocument, thai_digits: bool) -> None:
    """A4 with the official margins; pages after the first numbered ``- ๒ -`` at the top."""
    section = document.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2)
    section.header_distance = Cm(1.25)
    # Word's ``\* ThaiArabic`` switch prints the field in Thai digits.
    section.different_first_page_header_footer = True
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    header.add_run("- ")
    page_field(header, r"PAGE \* ThaiArabic" if thai_digits else "PAGE")
    header.add_run(" -")


def new_document(*, title: str, author: str, thai_digits: bool) -> DocxDocument:
    """An empty A4 document in the office's font, its properties in Thai."""
    document = docx.Document()
    setup_styles(document)
    setup_page(document, thai_digits)
    properties = document.core_properties
    properties.title = title
    properties.language = "th-TH"
    properties.author = author
    return document


def saved(document: DocxDocument) -> bytes:
    """The document's ``.docx`` bytes."""
    output = BytesIO()
    document.save(output)
    return output.getvalue()


def page_field(target: Paragraph, instruction: str) -> None:
    """A Word field (``PAGE``) at the end of *target*."""
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None), ("end", None)):
        element_run = target.add_run()
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {text} "
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        element_run._r.append(element)


def run(target: Paragraph, text: str, *, bold: bool = False) -> None:
    """*text* at the end of *target*; bold for the Latin and the complex-script runs."""
    added = target.add_run(text)
    if bold:
        added.bold = True
        added._r.get_or_add_rPr().get_or_add_bCs()  # Thai is complex script: bold it too


def paragraph(
    container: DocxDocument | _Cell,
    text: str = "",
    *,
    bold: bool = False,
    align: WD_ALIGN_PARAGRAPH | None = None,
    left: Length | None = None,
    first_line: Length | None = None,
    before: Pt | None = None,
    keep_with_next: bool = False,
    keep_together: bool = False,
    reuse: bool = False,
) -> Paragraph:
    """A paragraph at the end of *container* (or its first, empty one when *reuse*)."""
    added = container.paragraphs[0] if reuse else container.add_paragraph()
    if text:
        run(added, text, bold=bold)
    layout = added.paragraph_format
    if align is not None:
        added.alignment = align
    if left is not None:
        layout.left_indent = left
    if first_line is not None:
        layout.first_line_indent = first_line
    if before is not None:
        layout.space_before = before
    layout.keep_with_next = keep_with_next or None
    layout.keep_together = keep_together or None
    return added


def width(cell: _Cell, value: Length) -> None:
    cell.width = value


def cant_split(row: _Row, *, header: bool = False) -> None:
    """Keep *row* on one page; a *header* row repeats on every page (``w:tblHeader``)."""
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))
    if header:
        properties.append(OxmlElement("w:tblHeader"))
