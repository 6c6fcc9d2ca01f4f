"""``kpi parse`` of the written notice gives back the data it was written from.

This is the test that the writer and the parser agree: for the seed and for every parser
fixture, in Thai and in Arabic digits, for the DOCX and for the HTML the PDF is made from.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from kpi.circulars import parse_bytes
from kpi.documents.writing import (
    Emblem,
    NoticeOptions,
    compose_notice,
    read_json,
    render_html,
    write_docx,
)

TESTS = Path(__file__).resolve().parent.parent
EXPECTED = [
    *sorted((TESTS / "circulars" / "fixtures").glob("*.expected.json")),
    TESTS / "seeds" / "000_83c347e598ee7ce5.expected.json",
]
SEED = EXPECTED[-1]


def _expected(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_every_parser_fixture_takes_part() -> None:
    assert len(EXPECTED) >= 13
    assert all(path.name.endswith(".expected.json") for path in EXPECTED)


@pytest.mark.parametrize("thai_digits", [True, False], ids=["thai-digits", "arabic-digits"])
@pytest.mark.parametrize("path", EXPECTED, ids=lambda path: path.name.split(".")[0])
def test_kpi_parse_of_the_docx_gives_back_the_json(path: Path, thai_digits: bool) -> None:
    notice = compose_notice(read_json(path.read_bytes()), NoticeOptions(thai_digits=thai_digits))

    parsed = parse_bytes(write_docx(notice), "notice.docx")

    assert parsed.to_dict() == _expected(path)


@pytest.mark.parametrize("path", EXPECTED, ids=lambda path: path.name.split(".")[0])
def test_kpi_parse_of_the_html_gives_back_the_json(path: Path) -> None:
    notice = compose_notice(read_json(path.read_bytes()))

    parsed = parse_bytes(render_html(notice, embed_fonts=False).encode(), "notice.html")

    assert parsed.to_dict() == _expected(path)


def make_png(folder: Path) -> bytes:
    """A small PNG made by the tools the tests use anyway (no image in the repository)."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("poppler-utils (pdftoppm) is not installed")
    import weasyprint

    pdf = weasyprint.HTML(
        string="<style>@page{size:1cm 1cm;margin:0}</style><div style='height:1cm;background:#c00'>"
    ).write_pdf()
    (folder / "emblem.pdf").write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "30", "-singlefile", "emblem.pdf", "emblem"],
        cwd=folder,
        check=True,
    )
    return (folder / "emblem.png").read_bytes()


@pytest.fixture(scope="module")
def emblem_png(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return make_png(tmp_path_factory.mktemp("emblem"))


@pytest.mark.parametrize("path", [SEED, EXPECTED[0]], ids=lambda path: path.name.split(".")[0])
def test_the_round_trip_holds_with_the_office_s_own_parts(path: Path, emblem_png: bytes) -> None:
    options = NoticeOptions(
        address=("ศาลากลางจังหวัด ถนนแจ้งสนิท", "อำเภอเมือง 34000"),
        signer_name="นายสมชาย ใจดี",
        signer_position=("พัฒนาการจังหวัด", "ปฏิบัติราชการแทนผู้ว่าราชการจังหวัด"),
        emblem=Emblem(emblem_png, "image/png"),
    )
    notice = compose_notice(read_json(path.read_bytes()), options)

    from_docx = parse_bytes(write_docx(notice), "notice.docx")
    from_html = parse_bytes(render_html(notice, embed_fonts=False).encode(), "notice.html")

    assert from_docx.to_dict() == _expected(path)
    assert from_html.to_dict() == _expected(path)
