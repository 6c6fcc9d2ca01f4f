"""`kpi notice INPUT.json -o OUT.docx|OUT.pdf [--arabic-digits]`: writes the notice; bad input
or output exits 2 with one line on standard error, never a traceback."""

import io
import json
import sys
from pathlib import Path

import pytest

from kpi.circulars import parse_path
from kpi.cli import main

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_83c347e598ee7ce5.expected.json"


def _expected() -> dict:
    return json.loads(SEED.read_text(encoding="utf-8"))


def test_it_writes_a_docx_that_kpi_parse_reads_back(tmp_path: Path, capsys) -> None:
    output = tmp_path / "notice.docx"

    assert main(["notice", str(SEED), "-o", str(output)]) == 0

    assert capsys.readouterr() == ("", "")
    assert parse_path(output).to_dict() == _expected()


def test_it_writes_a_pdf(tmp_path: Path) -> None:
    output = tmp_path / "notice.PDF"

    assert main(["notice", str(SEED), "-o", str(output)]) == 0

    assert output.read_bytes().startswith(b"%PDF-")


def test_it_reads_the_json_from_standard_input(tmp_path: Path, monkeypatch) -> None:
    output = tmp_path / "notice.docx"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SEED.read_bytes())))

    assert main(["notice", "-", "-o", str(output)]) == 0

    assert parse_path(output).to_dict() == _expected()


def test_arabic_digits_are_printed_on_request(tmp_path: Path) -> None:
    thai, arabic = tmp_path / "thai.docx", tmp_path / "arabic.docx"

    assert main(["notice", str(SEED), "-o", str(thai)]) == 0
    assert main(["notice", str(SEED), "-o", str(arabic), "--arabic-digits"]) == 0

    import docx

    assert "ที่ อบ ๐๐๑๙/ว ๕๓๖" in docx.Document(thai).tables[0].rows[0].cells[0].text
    assert "ที่ อบ 0019/ว 536" in docx.Document(arabic).tables[0].rows[0].cells[0].text
    assert parse_path(arabic).to_dict() == _expected()


@pytest.mark.parametrize(
    ("content", "output", "needle"),
    [
        (None, "notice.odt", "notice.odt"),
        (b'{"schema": ', "notice.pdf", "line 1 column 12"),
        (b'{"schema": "kpi-circular/9"}', "notice.docx", "kpi-circular/1"),
        (b'{"schema": "kpi-circular/1", "indicators": [{"kind": "both"}]}', "n.docx", "kind"),
    ],
    ids=["unknown-format", "not-json", "other-schema", "bad-field"],
)
def test_it_refuses_bad_input_or_output_with_status_2(
    tmp_path: Path, capsys, content: bytes | None, output: str, needle: str
) -> None:
    source = SEED
    if content is not None:
        source = tmp_path / "input.json"
        source.write_bytes(content)

    assert main(["notice", str(source), "-o", str(tmp_path / output)]) == 2

    out, err = capsys.readouterr()
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert needle in err
    assert not (tmp_path / output).exists()


def test_a_missing_input_file_is_reported_in_one_line(tmp_path: Path, capsys) -> None:
    assert main(["notice", str(tmp_path / "missing.json"), "-o", str(tmp_path / "n.pdf")]) == 2

    _, err = capsys.readouterr()
    assert len(err.strip().splitlines()) == 1
    assert "missing.json" in err
