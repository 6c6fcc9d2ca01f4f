"""A damaged or binary file is explained in Thai words in the Thai message, not in English."""

import re
import zipfile
from io import BytesIO

import pytest

from kpi.circulars import BinaryInput, DamagedFile, UnsupportedFormat, parse_bytes
from kpi.circulars.errors import WORDS

LATIN_WORDS = re.compile(r"\b[a-z]{3,}\b")  # a lowercase English word, as in "its zip archive"


def test_a_truncated_docx_is_explained_in_thai() -> None:
    with pytest.raises(DamagedFile) as raised:
        parse_bytes(b"PK\x03\x04 this is not a zip archive", "circular.docx")
    error = raised.value

    assert error.message == "The DOCX file is damaged: its zip archive is truncated or corrupt"
    assert error.message_th == "ไฟล์ DOCX เสียหาย: ข้อมูลในไฟล์ขาดหายหรือเสียหาย จึงเปิดไฟล์ไม่ได้"
    assert not LATIN_WORDS.search(error.message_th)


def test_a_docx_without_its_document_part_is_explained_in_thai() -> None:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(DamagedFile) as raised:
        parse_bytes(buffer.getvalue(), "circular.docx")

    assert raised.value.message_th == "ไฟล์ DOCX เสียหาย: ไม่มีส่วนเนื้อหาของเอกสาร (word/document.xml)"


@pytest.mark.parametrize(
    ("data", "english", "thai"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "PNG image", "ภาพ PNG"),
        (b"hello\x00world", "NUL bytes", "มีไบต์ NUL"),
    ],
)
def test_binary_input_names_what_it_is_in_each_language(data, english, thai) -> None:
    with pytest.raises(BinaryInput) as raised:
        parse_bytes(data, "picture.txt")

    assert raised.value.message.endswith(f"({english})")
    assert raised.value.message_th == f"ไฟล์นี้เป็นข้อมูลไบนารี ไม่ใช่เอกสาร ({thai})"


def test_an_old_word_file_is_named_in_thai() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 50
    with pytest.raises(UnsupportedFormat) as raised:
        parse_bytes(ole, "circular.doc")

    assert "Word 97-2003 (.doc) or another OLE file" in raised.value.message
    assert "Word 97-2003 (.doc) หรือไฟล์ OLE อื่น" in (raised.value.message_th or "")


def test_words_go_through_the_callers_gettext() -> None:
    error = DamagedFile(format="DOCX", detail="zip_damaged")
    catalogue = {
        DamagedFile.template: "ไฟล์ %(format)s เสียหาย: %(detail)s",
        WORDS["zip_damaged"][0]: "ไฟล์ไม่ครบ",
    }

    assert error.translated(lambda text: catalogue.get(text, text)) == "ไฟล์ DOCX เสียหาย: ไฟล์ไม่ครบ"
    assert error.params["detail"] == "zip_damaged"  # the code stays for callers


def test_a_library_s_own_explanation_is_shown_as_it_is() -> None:
    error = DamagedFile(format="DOCX", detail="There is no item named 'x' in the archive")

    assert error.message_th == "ไฟล์ DOCX เสียหาย: There is no item named 'x' in the archive"
