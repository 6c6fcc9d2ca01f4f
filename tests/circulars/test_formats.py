"""The seed rendered as HTML, as a Word file and as text copied out of a PDF reads the same.

The renderings are built here from the seed's own lines, so each format reader is checked
against the one interpreter's output for the original text.
"""

import html
import re
import zipfile
from io import BytesIO
from pathlib import Path

import docx
import pytest

from kpi.circulars import (
    BinaryInput,
    DamagedFile,
    UndecodableText,
    UnsupportedFormat,
    parse_bytes,
    parse_path,
)
from kpi.thai import to_thai


def _seed_parts(seed_path: Path) -> list[str | list[list[str]]]:
    """The seed as a list of letter lines (str) and tables (rows of cell strings)."""
    parts: list[str | list[list[str]]] = []
    for line in seed_path.read_text(encoding="utf-8").splitlines():
        if "\t" in line:
            if not parts or isinstance(parts[-1], str):
                parts.append([])
            table = parts[-1]
            assert isinstance(table, list)
            table.append(line.split("\t"))
        elif line.strip():
            parts.append(line)
    return parts


def _paragraphs(cell: str) -> list[str]:
    found = re.findall(r"<p>(.*?)</p>", cell)
    return found or [cell]


def _as_html(seed_path: Path) -> bytes:
    out = ["<!DOCTYPE html><html><head><meta charset='utf-8'><title>ว 536</title>"]
    out.append("<style>td { border: 1px solid }</style></head><body>")
    for part in _seed_parts(seed_path):
        if isinstance(part, str):
            out.append(f"<p>{html.escape(part)}</p>")
            continue
        out.append("<table>")
        for row in part:
            cells = "".join(
                "<td>" + "".join(f"<p>{html.escape(p)}</p>" for p in _paragraphs(c)) + "</td>"
                for c in row
            )
            out.append(f"<tr>{cells}</tr>")
        out.append("</table>")
    out.append("</body></html>")
    # &nbsp; between words must read as a space.
    return "\n".join(out).replace("ทุกอำเภอ", "&nbsp;ทุกอำเภอ").encode("utf-8")


def _as_docx(seed_path: Path) -> bytes:
    document = docx.Document()
    for part in _seed_parts(seed_path):
        if isinstance(part, str):
            document.add_paragraph(part)
            continue
        table = document.add_table(rows=len(part), cols=max(len(row) for row in part))
        for row, cells in zip(table.rows, part, strict=True):
            for cell, text in zip(row.cells, cells, strict=False):
                paragraphs = _paragraphs(text)
                cell.paragraphs[0].add_run(paragraphs[0])
                for more in paragraphs[1:]:
                    cell.add_paragraph(more)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _wrapped(text: str, width: int = 60) -> list[str]:
    """Break *text* at spaces into lines of about *width* characters, as a PDF prints it."""
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return lines


def _as_pdf_text(seed_path: Path) -> bytes:
    """Flattened cells, wrapped lines, ``ํา`` for ``ำ``, page breaks with furniture."""
    out: list[str] = []
    page = 1
    running = "ตัวชี้วัดพัฒนาการอำเภอ รอบที่ ๒/๒๕๖๗ สำนักงานพัฒนาชุมชนจังหวัดอุบลราชธานี"
    header = ""
    for part in _seed_parts(seed_path):
        if isinstance(part, str):
            out.append(part)
            continue
        for row in part:
            if "น้ำหนัก" in row[1]:
                header = "    ".join(row)
                out.append(header)
                continue
            for index, paragraph in enumerate(_paragraphs(row[0])):
                out.extend(_wrapped(paragraph))
                if index == 3:  # a page break in the middle of the levels
                    page += 1
                    out += [f"\f{' ' * 30}- {to_thai(str(page))} -", running, header]
            out += [row[1], row[2]]
    text = "\n".join(out).replace("ำ", "\u0e4d\u0e32")
    return f"{running}\n{text}\n".encode()


@pytest.mark.parametrize(
    ("render", "suffix"),
    [(_as_html, ".html"), (_as_docx, ".docx"), (_as_pdf_text, ".pdf.txt")],
    ids=["html", "docx", "pdf-text"],
)
def test_every_rendering_of_the_seed_reads_the_same(
    seed_path: Path, tmp_path: Path, render, suffix: str
) -> None:
    path = tmp_path / f"seed{suffix}"
    path.write_bytes(render(seed_path))

    assert parse_path(path).to_dict() == parse_path(seed_path).to_dict()


def test_a_tis620_text_file_reads_like_its_utf8_original(seed_path: Path) -> None:
    original = seed_path.read_text(encoding="utf-8")

    assert parse_bytes(original.encode("cp874")) == parse_path(seed_path)


def test_utf8_with_bom_and_utf16_with_bom_read_like_the_original(seed_path: Path) -> None:
    original = seed_path.read_text(encoding="utf-8")

    assert parse_bytes(original.encode("utf-8-sig")) == parse_path(seed_path)
    assert parse_bytes(original.encode("utf-16")) == parse_path(seed_path)


def test_windows_line_endings_change_nothing(seed_path: Path) -> None:
    original = seed_path.read_text(encoding="utf-8")

    assert parse_bytes(original.replace("\n", "\r\n").encode()) == parse_path(seed_path)


def test_a_pdf_is_refused_as_unsupported_with_a_hint() -> None:
    with pytest.raises(UnsupportedFormat) as raised:
        parse_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "circular.pdf")

    assert "PDF" in raised.value.message
    assert raised.value.where == "byte 0"


def test_a_spreadsheet_is_refused_as_unsupported() -> None:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")

    with pytest.raises(UnsupportedFormat) as raised:
        parse_bytes(buffer.getvalue(), "kpi.xlsx")

    assert "XLSX" in raised.value.message


def test_a_zip_claiming_to_be_word_without_its_document_is_damaged() -> None:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/styles.xml", "<styles/>")

    with pytest.raises(DamagedFile) as raised:
        parse_bytes(buffer.getvalue(), "circular.docx")

    assert "document.xml" in raised.value.message


def test_a_docx_whose_document_is_not_xml_is_damaged(seed_path: Path) -> None:
    original = zipfile.ZipFile(BytesIO(_as_docx(seed_path)))
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for item in original.infolist():
            data = original.read(item)
            archive.writestr(item, b"<w:document" if item.filename == "word/document.xml" else data)

    with pytest.raises(DamagedFile) as raised:
        parse_bytes(buffer.getvalue(), "broken.docx")

    assert raised.value.where == "broken.docx"


def test_text_in_an_unknown_encoding_says_at_which_byte() -> None:
    prefix = "ที่ อบ ".encode()
    # 0x81 and 0xDB are undefined in both UTF-8 (here) and Windows-874.
    with pytest.raises(UndecodableText) as raised:
        parse_bytes(prefix + b"\x81\xdb")

    assert raised.value.where == f"byte {len(prefix)}"


def test_text_full_of_control_characters_is_binary() -> None:
    with pytest.raises(BinaryInput):
        parse_bytes(bytes(range(1, 32)) * 20)


LETTER = "ที่ อบ 0019/ว 536\nถึง สำนักงานพัฒนาชุมชนอำเภอ ทุกอำเภอ\n"
STEPS = [f"ระดับคะแนน {n} ขั้นตอนที่ {n}" for n in range(1, 6)]


def test_an_html_weight_spanning_the_original_and_revised_rows_belongs_to_both() -> None:
    def cell(status: str) -> str:
        paragraphs = [status, "ตัวชี้วัดที่ 2 การขับเคลื่อนงาน", *STEPS]
        return "<td>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</td>"

    markup = (
        "<html><body>"
        + "".join(f"<p>{line}</p>" for line in LETTER.splitlines())
        + "<table><tr><th>ตัวชี้วัดรายทีม</th><th>น้ำหนัก</th><th>หน่วยงาน รับผิดชอบ</th></tr>"
        + f"<tr>{cell('เดิม')}<td rowspan='2'>10</td><td rowspan='2'>กง.ประสาน /กุลวดี</td></tr>"
        + f"<tr>{cell('แก้ไข')}</tr></table></body></html>"
    )

    original, revised = parse_bytes(markup.encode()).indicators[0].versions

    assert (original.status, revised.status) == ("original", "revised")
    assert (original.weight, revised.weight) == (10, 10)
    assert revised.responsible_persons == ("กุลวดี",)


def test_a_word_cell_merged_down_over_two_rows_belongs_to_both_versions() -> None:
    document = docx.Document()
    for line in LETTER.splitlines():
        document.add_paragraph(line)
    table = document.add_table(rows=3, cols=3)
    for cell, text in zip(table.rows[0].cells, ["ตัวชี้วัดรายทีม", "น้ำหนัก", "หน่วยงาน"], strict=True):
        cell.text = text
    for row, status in zip(table.rows[1:], ["เดิม", "แก้ไข"], strict=True):
        first = row.cells[0]
        first.text = status
        for paragraph in ["ตัวชี้วัดที่ 2 การขับเคลื่อนงาน", *STEPS]:
            first.add_paragraph(paragraph)
    table.cell(1, 1).merge(table.cell(2, 1)).text = "15"
    table.cell(1, 2).merge(table.cell(2, 2)).text = "ก.ง.สารสนเทศ"
    buffer = BytesIO()
    document.save(buffer)

    original, revised = parse_bytes(buffer.getvalue()).indicators[0].versions

    assert (original.weight, revised.weight) == (15, 15)
    assert revised.responsible_unit == "ก.ง.สารสนเทศ"
    assert len(revised.criteria[0].levels) == 5


def test_a_text_cut_inside_its_last_character_loses_only_that_character(seed_path) -> None:
    data = seed_path.read_bytes()

    assert parse_bytes(data[:-1]).indicators == parse_bytes(data[:-3]).indicators
