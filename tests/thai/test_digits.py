from hypothesis import given
from hypothesis import strategies as st

from kpi.thai.digits import to_arabic, to_thai

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"


def test_it_converts_each_thai_digit_to_its_arabic_digit() -> None:
    assert to_arabic(THAI_DIGITS) == "0123456789"


def test_it_converts_each_arabic_digit_to_its_thai_digit() -> None:
    assert to_thai("0123456789") == THAI_DIGITS


def test_it_leaves_everything_else_untouched() -> None:
    assert to_arabic("อบ ๐๐๑๙/ว ๕๓๖ (x9)") == "อบ 0019/ว 536 (x9)"
    assert to_thai("อบ 0019/ว 536 (๙)") == "อบ ๐๐๑๙/ว ๕๓๖ (๙)"
    assert to_arabic("") == ""


@given(st.text())
def test_converting_to_thai_and_back_gives_the_arabic_text(text: str) -> None:
    assert to_arabic(to_thai(text)) == to_arabic(text)
    assert len(to_thai(text)) == len(text)
    assert not any(c in THAI_DIGITS for c in to_arabic(text))
