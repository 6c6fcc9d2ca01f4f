import inspect
import re

from kpi.scoring import errors
from kpi.scoring.errors import (
    InvalidCriteria,
    InvalidValue,
    ScoringError,
    SizeNotCovered,
    SizeRequired,
)

ERRORS = [
    cls for _, cls in inspect.getmembers(errors, inspect.isclass) if issubclass(cls, ScoringError)
]


def test_every_error_has_its_own_code() -> None:
    codes = [cls.code for cls in ERRORS]
    assert len(codes) == len(set(codes))


def test_the_module_docstring_draws_every_error() -> None:
    assert errors.__doc__ is not None
    for cls in ERRORS:
        assert re.search(rf"(^|[─ ]){cls.__name__} ", errors.__doc__, re.M), cls.__name__
    assert set(errors.__all__) >= {cls.__name__ for cls in ERRORS}


def test_the_brief_s_four_branches_hang_from_scoring_error() -> None:
    for cls in (SizeRequired, SizeNotCovered, InvalidCriteria, InvalidValue):
        assert cls.__bases__ == (ScoringError,)
    assert issubclass(ScoringError, Exception)


def test_an_error_gives_its_message_in_english_with_where_it_happened() -> None:
    error = SizeNotCovered("district_size", size="tiny", sizes="large, small")
    assert (
        error.message == "This indicator has no criteria for tiny districts (only for large, small)"
    )
    assert str(error) == f"{error.message} (district_size)"
    assert str(SizeNotCovered(size="tiny", sizes="large")) == (
        "This indicator has no criteria for tiny districts (only for large)"
    )


def test_an_error_is_translated_by_the_caller_s_gettext() -> None:
    error = SizeRequired("district_size", sizes="large, medium, small")
    catalogue = {SizeRequired.template: "ตัวชี้วัดนี้ให้คะแนนตามขนาดอำเภอ (%(sizes)s) แต่อำเภอยังไม่มีขนาด"}
    assert error.translated(lambda text: catalogue.get(text, text)) == (
        "ตัวชี้วัดนี้ให้คะแนนตามขนาดอำเภอ (large, medium, small) แต่อำเภอยังไม่มีขนาด"
    )
