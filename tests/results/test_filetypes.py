"""filetypes.detect: the type by content, never by name."""

import io

import pytest

from kpi.results import filetypes
from tests.results import files


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (files.PDF, "pdf"),
        (files.PNG, "png"),
        (files.JPEG, "jpeg"),
        (files.GIF, "gif"),
        (files.WEBP, "webp"),
        (files.docx(), "docx"),
        (files.xlsx(), "xlsx"),
    ],
)
def test_it_recognises_each_accepted_type(content: bytes, code: str) -> None:
    stream = io.BytesIO(content)

    kind = filetypes.detect(stream)

    assert kind is not None and kind.code == code
    assert stream.tell() == 0


@pytest.mark.parametrize(
    "content",
    [
        files.EXE,
        b"",
        b"just text, named report.pdf",
        files.MACRO_DOCUMENT,
        files.zip_with(None),
        b"PK\x03\x04 not really a zip",
        b"RIFF\x24\x00\x00\x00WAVEfmt ",
    ],
)
def test_it_refuses_everything_else(content: bytes) -> None:
    assert filetypes.detect(io.BytesIO(content)) is None


def test_each_type_has_its_own_extension_and_mime_type() -> None:
    assert len({kind.extension for kind in filetypes.ACCEPTED}) == len(filetypes.ACCEPTED)
    assert filetypes.DOCX.content_type.endswith("wordprocessingml.document")
