"""Codes among an error's parameters are put into words: Thai reads Thai, never ``ขนาดmedium``.

The engine keeps codes in ``params`` (callers and the API read them) and never picks a
language: English words go through the caller's ``gettext``, Thai ones come with
``template_th`` / ``message_th``.
"""

import inspect
import re

import pytest

from kpi.scoring import circular, errors
from kpi.scoring.circular import IndicatorMeasureMismatch, IndicatorNotFound, VersionNotFound
from kpi.scoring.errors import (
    WORDS,
    DuplicateSize,
    MeasureMismatch,
    ScoringError,
    SizeNotCovered,
    SizeRequired,
)

CODES = re.compile(r"\b(" + "|".join(code for code in WORDS if code.isalpha()) + r")\b")
PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def _classes() -> list[type[ScoringError]]:
    found = inspect.getmembers(errors, inspect.isclass) + inspect.getmembers(
        circular, inspect.isclass
    )
    return [cls for _, cls in found if issubclass(cls, ScoringError)]


@pytest.mark.parametrize("cls", [c for c in _classes() if c.template_th], ids=lambda c: c.__name__)
def test_a_thai_template_fills_the_same_parameters_as_the_english(cls) -> None:
    assert set(PLACEHOLDER.findall(cls.template_th)) == set(PLACEHOLDER.findall(cls.template))
    assert re.search(r"[\u0e00-\u0e7f]", cls.template_th)


def test_a_missing_size_lists_the_sizes_in_words_and_fits_any_caller() -> None:
    error = SizeRequired("district_size", sizes="large, medium, small")

    assert error.params["sizes"] == "large, medium, small"  # still codes for callers
    assert error.message == (
        "This indicator is scored by district size (large, medium, small): a size is needed to"
        " score it"
    )
    assert error.message_th == (
        "ตัวชี้วัดนี้ให้คะแนนตามขนาดอำเภอ (ขนาดใหญ่, กลาง, เล็ก) จึงต้องระบุขนาดอำเภอก่อนคำนวณคะแนน"
    )
    # The CLI has no district: the message must not speak of one.
    assert "the district" not in error.message
    assert "อำเภอนี้" not in error.message_th


def test_a_size_without_criteria_reads_as_thai_without_stray_spaces() -> None:
    error = SizeNotCovered("district_size", size="medium", sizes="large, small")

    assert error.message_th == "ตัวชี้วัดนี้ไม่มีเกณฑ์สำหรับอำเภอขนาดกลาง (มีเฉพาะขนาดใหญ่, เล็ก)"
    assert DuplicateSize(size="small").message_th == "อำเภอขนาดเล็กมีเกณฑ์การให้คะแนนมากกว่าหนึ่งชุด"


def test_an_unknown_size_code_is_shown_as_given() -> None:
    assert SizeNotCovered(size="tiny", sizes="large").message_th == (
        "ตัวชี้วัดนี้ไม่มีเกณฑ์สำหรับอำเภอขนาดtiny (มีเฉพาะขนาดใหญ่)"
    )


def test_words_are_translated_by_the_callers_gettext() -> None:
    catalogue = {
        SizeNotCovered.template: "ไม่มีเกณฑ์สำหรับอำเภอขนาด%(size)s (มี %(sizes)s)",
        "large": "L",
        "medium": "M",
    }
    error = SizeNotCovered(size="medium", sizes="large, small")

    assert error.translated(lambda text: catalogue.get(text, text)) == (
        "ไม่มีเกณฑ์สำหรับอำเภอขนาดM (มี L, small)"
    )


def test_version_and_indicator_refusals_name_status_and_kind_in_thai() -> None:
    version = VersionNotFound("--status", number=5, status="current", known="original, revised")
    indicator = IndicatorNotFound(
        "--indicator", kind="individual", number=9, known="team/5, individual/8"
    )

    assert version.message_th == "ตัวชี้วัดที่ 5 ไม่มีฉบับที่ประกาศ (ที่มีอยู่: ฉบับเดิม, แก้ไข)"
    assert version.message == "Indicator 5 has no current version (it has: original, revised)"
    assert indicator.message_th == ("เอกสารนี้ไม่มีตัวชี้วัดรายบุคคลที่ 9 (ที่มีอยู่: รายทีมที่ 5, รายบุคคลที่ 8)")
    assert indicator.message == (
        "The document has no individual indicator 9 (it has: team/5, individual/8)"
    )


def test_a_mismatch_for_the_cli_names_the_indicator_and_the_option_to_use() -> None:
    error = IndicatorMeasureMismatch(
        "--value",
        kind="team",
        number=5,
        option="--steps 1,2,3",
        expected="steps",
        given="value",
    )

    assert isinstance(error, MeasureMismatch) and error.code == "measure_mismatch"
    assert error.message == "Indicator team/5 is scored by steps (--steps 1,2,3), not by a value"
    assert error.message_th == ("ตัวชี้วัดรายทีมที่ 5 ให้คะแนนตามขั้นตอนที่ทำแล้ว (--steps 1,2,3) ไม่ใช่ค่าที่วัดได้")


@pytest.mark.parametrize(
    "error",
    [
        SizeRequired(sizes="large, medium, small"),
        SizeNotCovered(size="medium", sizes="large, small"),
        DuplicateSize(size="large"),
        VersionNotFound(number=8, status="revised", known="current"),
        IndicatorNotFound(kind="team", number=2, known="team/5, individual/8"),
        MeasureMismatch(expected="value", given="steps"),
    ],
    ids=lambda error: type(error).__name__,
)
def test_no_thai_message_carries_an_english_code(error: ScoringError) -> None:
    assert error.message_th is not None
    assert not CODES.search(error.message_th), error.message_th
    assert not re.search(r"[\u0e00-\u0e7f][a-z]|[a-z][\u0e00-\u0e7f]", error.message_th)
