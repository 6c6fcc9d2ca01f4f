"""Bad input is refused with one documented error: a stable code, where, and a message."""

import os
import re
import zipfile
from io import BytesIO
from pathlib import Path

import pytest

from kpi.circulars import (
    BinaryInput,
    CircularError,
    DamagedFile,
    EmptyInput,
    NotACircular,
    parse_bytes,
    parse_path,
)
from kpi.circulars import errors as errors_module

BAD = Path(__file__).parent / "fixtures" / "bad"


def _documented_bad_inputs() -> list[tuple[str, str]]:
    """``(file, code)`` rows of the table in fixtures/bad/README.md."""
    readme = BAD / "README.md"
    if not readme.exists():
        return []
    rows = re.findall(r"^\|\s*`([^`]+)`\s*\|\s*`([^`]+)`\s*\|", readme.read_text(), re.M)
    return [(name, code) for name, code in rows if (BAD / name).exists()]


@pytest.mark.parametrize(("name", "code"), _documented_bad_inputs())
def test_each_documented_bad_fixture_is_refused_with_its_code(name: str, code: str) -> None:
    with pytest.raises(CircularError) as raised:
        parse_path(BAD / name)

    assert raised.value.code == code
    assert raised.value.where  # the file name at least, so the user knows what failed


def test_every_bad_fixture_is_documented() -> None:
    present = {p.name for p in BAD.iterdir() if p.name != "README.md"} if BAD.exists() else set()

    assert present <= {name for name, _ in _documented_bad_inputs()}


def test_an_empty_file_is_empty_input_located_by_its_name() -> None:
    with pytest.raises(EmptyInput) as raised:
        parse_bytes(b"", "circular.txt")

    assert (raised.value.code, raised.value.where) == ("empty", "circular.txt")


def test_whitespace_only_is_empty_input() -> None:
    with pytest.raises(EmptyInput):
        parse_bytes(" \n\t\r\n\u00a0\u200b\n".encode())


def test_a_thai_letter_without_indicator_table_is_not_a_circular() -> None:
    letter = (
        "ที่ อบ ๐๐๑๙/ว ๕๐๐\nเรื่อง ขอเชิญประชุม\nเรียน พัฒนาการอำเภอ ทุกอำเภอ\n"
        "ด้วยจังหวัดจะจัดประชุมชี้แจงการจัดทำตัวชี้วัด รอบที่ ๒ ระดับอำเภอ\n"
        "จึงเรียนมาเพื่อโปรดทราบ\n"
    )

    with pytest.raises(NotACircular) as raised:
        parse_bytes(letter.encode(), "invitation.txt")

    assert raised.value.where == "invitation.txt"


def test_a_truncated_docx_is_a_damaged_file(tmp_path: Path) -> None:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>" * 200)
        archive.writestr("word/document.xml", "<w:document/>" * 500)
    path = tmp_path / "circular.docx"
    path.write_bytes(buffer.getvalue()[: len(buffer.getvalue()) // 2])

    with pytest.raises(DamagedFile) as raised:
        parse_path(path)

    assert raised.value.code == "damaged_file"
    assert raised.value.where == "circular.docx"
    assert "DOCX" in raised.value.message


def test_a_png_is_binary_at_byte_0() -> None:
    with pytest.raises(BinaryInput) as raised:
        parse_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(64))

    assert raised.value.where == "byte 0"
    assert "PNG" in raised.value.message


def test_random_bytes_are_binary() -> None:
    noise = bytes((i * 97 + 13) % 256 for i in range(4096))

    with pytest.raises(BinaryInput):
        parse_bytes(noise)


def _error_classes() -> list[type[CircularError]]:
    return [
        getattr(errors_module, name)
        for name in errors_module.__all__
        if isinstance(getattr(errors_module, name), type)
    ]


def test_every_error_has_its_own_stable_code() -> None:
    codes = [cls.code for cls in _error_classes()]

    assert len(codes) == len(set(codes))
    assert all(issubclass(cls, CircularError) for cls in _error_classes())


def test_the_module_docstring_draws_every_error_of_the_tree() -> None:
    doc = errors_module.__doc__ or ""

    for cls in _error_classes():
        assert f"{cls.__name__}" in doc and f'"{cls.code}"' in doc, cls.__name__


def test_an_error_renders_in_english_and_through_a_translation() -> None:
    error = errors_module.MissingLevel("table 1 row 3", indicator="ตัวชี้วัดที่ 8", level=4)
    thai = {error.template: "%(indicator)s ไม่มีระดับคะแนน %(level)s"}

    assert error.message == "ตัวชี้วัดที่ 8 has no level 4"
    assert error.translated(lambda text: thai.get(text, text)) == "ตัวชี้วัดที่ 8 ไม่มีระดับคะแนน 4"
    assert str(error) == "ตัวชี้วัดที่ 8 has no level 4 (table 1 row 3)"
