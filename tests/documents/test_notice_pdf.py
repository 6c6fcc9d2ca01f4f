"""The PDF: Sarabun embedded, A4, a text layer officers can search and copy (sara am, tone
marks and Thai digits intact), header rows repeated, no level split across pages, and pages
that are not blank. Checked with poppler's own tools, as an officer's viewer would read it."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from kpi.documents.writing import Notice, NoticeOptions, compose_notice, read_json, write_pdf

TESTS = Path(__file__).resolve().parent.parent
SEED = TESTS / "seeds" / "000_83c347e598ee7ce5.expected.json"
FIXTURES = [*sorted((TESTS / "circulars" / "fixtures").glob("*.expected.json")), SEED]

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext, pdffonts) not installed"
)
# The indicator column of the attachment, in points from the page's left edge (72 dpi):
# the 3 cm margin to the end of the 9.9 cm column, minus the cell borders.
CONTENT_COLUMN = ("-x", "86", "-W", "278", "-y", "0", "-H", "842")
# The page below the page number (``- ๒ -``, in the 2.5 cm top margin): a paragraph that goes
# on to the next page then reads on without the number inside it.
BELOW_PAGE_NUMBER = ("-x", "0", "-W", "595", "-y", "60", "-H", "782")


def _poppler(*arguments: str) -> str:
    return subprocess.run(arguments, capture_output=True, text=True, check=True).stdout


def _text(pdf: Path, *options: str) -> str:
    return _poppler("pdftotext", *options, str(pdf), "-")


def _squash(text: str) -> str:
    """Text without whitespace or hyphens: line wraps (and pdftotext's removal of a hyphen
    at a line's end) change neither the characters nor their order."""
    return re.sub(r"[\s\-]", "", text)


def _page_count(pdf: Path) -> int:
    return int(re.search(r"^Pages:\s+(\d+)", _poppler("pdfinfo", str(pdf)), re.M)[1])


def _write(notice: Notice, folder: Path, name: str = "notice.pdf") -> Path:
    path = folder / name
    path.write_bytes(write_pdf(notice))
    return path


@pytest.fixture(scope="module")
def seed_notice() -> Notice:
    return compose_notice(read_json(SEED.read_bytes()))


@pytest.fixture(scope="module")
def seed_pdf(seed_notice: Notice, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _write(seed_notice, tmp_path_factory.mktemp("pdf"))


def test_the_pdf_embeds_sarabun(seed_pdf: Path) -> None:
    rows = _poppler("pdffonts", str(seed_pdf)).splitlines()[2:]

    assert len(rows) == 2  # regular and bold
    for row in rows:
        name, *_, embedded, subset, unicode_map, _number, _generation = row.split()
        assert "Sarabun" in name
        assert (embedded, subset, unicode_map) == ("yes", "yes", "yes")


def test_the_pages_are_a4(seed_pdf: Path) -> None:
    info = _poppler("pdfinfo", "-f", "1", "-l", "99", str(seed_pdf))

    sizes = re.findall(r"size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert sizes and all((round(float(w)), round(float(h))) == (595, 842) for w, h in sizes)


def test_the_text_layer_keeps_sara_am_tone_marks_and_thai_digits(seed_pdf: Path) -> None:
    text = _text(seed_pdf)

    assert "ความสำเร็จการส่งข่าวประชาสัมพันธ์" in text
    assert "ความสาเร็จ" not in text and "\u0e4d\u0e32" not in text
    assert "ที่ อบ ๐๐๑๙/ว ๕๓๖" in text
    assert "โทร./โทรสาร ๐๔๕-๓๔๔๖๒๘" in text
    assert "น้ำหนัก" in text
    assert "ไม่น้อยกว่าร้อยละ๘๑ขึ้นไป" in _squash(text)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda path: path.name.split(".")[0])
def test_every_printed_string_is_in_the_text_layer(path: Path, tmp_path: Path) -> None:
    notice = compose_notice(read_json(path.read_bytes()))
    pdf = _write(notice, tmp_path)

    whole = _squash(_text(pdf, *BELOW_PAGE_NUMBER))
    for line in (*notice.letter.body, *notice.tables[0].titles, notice.letter.office[0]):
        assert _squash(line) in whole
    # Cell by cell, in the indicator column; every word whole (no space inside it).
    column = _text(pdf, *CONTENT_COLUMN).replace("\n", "")
    for table in notice.tables:
        for row in table.rows:
            for paragraph in row.paragraphs:
                for word in paragraph.plain.split():
                    assert word.strip("-") == "" or word in column, (word, paragraph.plain)


def test_no_level_is_split_across_pages(seed_notice: Notice, seed_pdf: Path) -> None:
    pages = [
        _squash(_text(seed_pdf, "-f", str(n), "-l", str(n), *CONTENT_COLUMN))
        for n in range(1, _page_count(seed_pdf) + 1)
    ]
    levels = [
        _squash(paragraph.plain)
        for table in seed_notice.tables
        for row in table.rows
        for paragraph in row.paragraphs
        if paragraph.role == "level"
    ]

    assert len(levels) == 30
    for level in levels:
        assert any(level in page for page in pages), level


def test_the_header_row_repeats_on_every_attachment_page(seed_pdf: Path) -> None:
    count = _page_count(seed_pdf)

    assert count >= 4
    for page in range(2, count + 1):
        text = _squash(_text(seed_pdf, "-f", str(page), "-l", str(page)))
        assert "น้ำหนัก" in text and "หน่วยงานรับผิดชอบ" in text, page


def test_pages_after_the_first_are_numbered_in_thai_digits(seed_pdf: Path) -> None:
    first = _text(seed_pdf, "-f", "1", "-l", "1")
    second = _text(seed_pdf, "-f", "2", "-l", "2")

    assert not re.match(r"\s*-\s*๑", first)
    assert first.lstrip().startswith("ที่ อบ")
    assert re.match(r"\s*-\s*๒", second)


def test_the_rendered_pages_are_not_blank(seed_pdf: Path, tmp_path: Path) -> None:
    _poppler("pdftoppm", "-r", "60", "-gray", str(seed_pdf), str(tmp_path / "page"))
    pages = sorted(tmp_path.glob("page-*.pgm"))

    assert len(pages) == _page_count(seed_pdf)
    for page in pages:
        data = page.read_bytes()
        # Binary PGM: "P5\n<width> <height>\n<max>\n" then one byte per pixel.
        header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
        pixels = data[header.end() :]
        dark = sum(1 for value in pixels if value < 128)
        assert dark / len(pixels) > 0.005, page.name


def test_arabic_digits_leave_no_thai_digit_in_the_text(tmp_path: Path) -> None:
    notice = compose_notice(read_json(SEED.read_bytes()), NoticeOptions(thai_digits=False))

    text = _text(_write(notice, tmp_path))

    assert "อบ 0019/ว 536" in text
    assert not re.search("[๐-๙]", text)
