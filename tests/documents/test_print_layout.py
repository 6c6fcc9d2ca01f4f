"""How the printed pages look, measured on the PDFs as poppler draws them.

The notice: the body is not justified (Thai has no spaces between words, so justifying
stretches the few it has into gaps); the owner unit and โทร./โทรสาร stay on the signature's page
with some of the letter's text above; the attachment title keeps its period ``(… ๒๕๖๗)`` on one
line. The agreement form and the scorecard: no Thai mark touches a table rule."""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
from collections import defaultdict
from pathlib import Path

import pytest

from kpi.agreements.models import Agreement
from kpi.documents import reports
from kpi.documents.writing import Notice, compose_notice, read_json, write_pdf
from kpi.documents.writing.agreement_form import agreement_forms_pdf
from kpi.documents.writing.scorecard import scorecards_pdf
from tests.documents import report_builders
from tests.documents.report_builders import head, round_of, squash

TESTS = Path(__file__).resolve().parent.parent
FIXTURES = {
    "seed": TESTS / "seeds" / "000_83c347e598ee7ce5.expected.json",
    "khonkaen": TESTS / "circulars" / "fixtures" / "khonkaen_first_round1_2567.expected.json",
    "udonthani": TESTS / "circulars" / "fixtures" / "udonthani_first.expected.json",
}
pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext, pdftoppm) not installed"
)
approved = report_builders.approved  # the module's approved round (a fixture)

#: a space of Sarabun at 16 pt is about 4 pt wide; a justified Thai line had gaps of 60 pt
WIDEST_GAP = 8.0
#: 150 dpi: a pixel is about half a point
DPI = 150
#: pixels of white between a table rule and the nearest ink in a cell (1 pt)
CLEARANCE = 2


def _run(*arguments: str) -> str:
    return subprocess.run(arguments, capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module", params=sorted(FIXTURES))
def notice(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    composed = compose_notice(read_json(FIXTURES[request.param].read_bytes()))
    path = tmp_path_factory.mktemp(request.param) / "notice.pdf"
    path.write_bytes(write_pdf(composed))
    return composed, path


def _page_texts(pdf: Path) -> list[str]:
    count = int(re.search(r"^Pages:\s+(\d+)", _run("pdfinfo", str(pdf)), re.M)[1])
    return [
        _run("pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-") for n in range(1, count + 1)
    ]


def _lines_of_words(pdf: Path, page: int) -> list[list[tuple[float, float, str]]]:
    """The words of *page* (``pdftotext -bbox``) grouped into lines, left to right."""
    xml = _run("pdftotext", "-f", str(page), "-l", str(page), "-bbox", str(pdf), "-")
    lines: dict[float, list[tuple[float, float, str]]] = defaultdict(list)
    for x_min, y_min, x_max, word in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', xml
    ):
        lines[round(float(y_min))].append((float(x_min), float(x_max), word))
    return [sorted(words) for _, words in sorted(lines.items())]


def test_the_letters_lines_are_not_stretched(notice) -> None:  # type: ignore[no-untyped-def]
    composed, pdf = notice
    # A label and its value, the number opposite the office, the signer's brackets: set apart
    # on purpose.
    apart = {"ที่", *(field.label for field in composed.letter.fields)}
    gaps = []
    for words in _lines_of_words(pdf, 1):
        if words[0][2] in apart or words[0][2].startswith("("):
            continue
        gaps += [
            (round(right[0] - left[1], 1), left[2], right[2])
            for left, right in itertools.pairwise(words)
        ]

    assert gaps
    assert max(gaps)[0] <= WIDEST_GAP, max(gaps)


def test_the_owner_unit_stays_on_the_signatures_page_below_some_text(notice) -> None:  # type: ignore[no-untyped-def]
    composed, pdf = notice
    letter: Notice = composed.letter
    pages = [squash(text) for text in _page_texts(pdf)]
    signed = next(i for i, text in enumerate(pages) if squash(letter.closing) in text)

    page = pages[signed]
    for line in (letter.owner_unit, *letter.contacts):
        assert squash(line) in page
    if signed > 0:  # the page above the closing carries more than the closing sentence
        above = page[: page.index(squash(letter.body[-1]))]
        assert len(re.sub(r"-[๐-๙0-9]+-", "", above)) > 10, above


def test_the_attachment_title_keeps_its_period_on_one_line(notice) -> None:  # type: ignore[no-untyped-def]
    composed, pdf = notice
    periods = {
        period
        for table in composed.tables
        for title in table.titles
        for period in re.findall(r"\([^()]+\)", title)
    }
    lines = {" ".join(line.split()) for text in _page_texts(pdf)[1:] for line in text.splitlines()}

    assert periods
    for period in periods:
        assert any(period in line for line in lines), period


# --- Room for Thai marks in the reports' tables -------------------------------------------


def _gray_pages(pdf: bytes, folder: Path) -> list[list[bytes]]:
    path = folder / "report.pdf"
    path.write_bytes(pdf)
    _run("pdftoppm", "-r", str(DPI), "-gray", str(path), str(folder / "page"))
    pages = []
    for image in sorted(folder.glob("page-*.pgm")):
        data = image.read_bytes()
        header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
        assert header is not None
        width, height = int(header[1]), int(header[2])
        pixels = data[header.end() :]
        pages.append([pixels[y * width : (y + 1) * width] for y in range(height)])
    return pages


def _clearances(rows: list[bytes]) -> list[int]:
    """For each side of each horizontal table rule, how many white rows lie between it and
    the first ink in the cells (vertical rules left out)."""
    dark = [[value < 128 for value in row] for row in rows]
    width = len(rows[0])
    rules = {y for y, row in enumerate(dark) if sum(row) > 0.45 * width}
    found = []
    for y in sorted(rules):
        row = dark[y]
        left, right = row.index(True), width - 1 - row[::-1].index(True)
        for step in (-1, 1):
            if y + step in rules:
                continue  # the other row of a rule drawn two pixels thick
            span = [y + step * n for n in range(1, 40) if 0 <= y + step * n < len(dark)]
            # a vertical rule is dark in each of the first rows off the horizontal one
            columns = {x for x in range(left, right + 1) if all(dark[r][x] for r in span[:6])}
            columns |= {x + 1 for x in columns} | {x - 1 for x in columns}
            for distance, r in enumerate(span):
                if r in rules:
                    break
                if any(dark[r][x] for x in range(left, right + 1) if x not in columns):
                    found.append(distance)
                    break
    return found


@pytest.mark.django_db
@pytest.mark.parametrize("report", ["agreement form", "scorecard"])
def test_no_thai_mark_touches_a_table_rule(approved, report: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    round = round_of(approved)
    if report == "agreement form":
        agreements = Agreement.objects.filter(round=round, district__dopa_code="3401")
        pdf = agreement_forms_pdf(reports.agreement_forms(round, agreements))
    else:
        pdf = scorecards_pdf(reports.scorecards(round, [head(approved, "3401")]))

    clearances = [c for page in _gray_pages(pdf, tmp_path) for c in _clearances(page)]

    # ตัวชี้วัด's stacked tone mark is the tallest ink of every first row
    assert len(clearances) >= 6
    assert min(clearances) >= CLEARANCE, sorted(clearances)
