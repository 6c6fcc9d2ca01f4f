from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kpi.thai.dates import (
    THAI_MONTHS,
    THAI_MONTHS_ABBR,
    be_year,
    ce_year,
    find_thai_dates,
    fiscal_year,
    format_document_date,
    format_screen_date,
    parse_thai_date,
    round_dates,
    round_of,
)

JUNE_4_2024 = date(2024, 6, 4)


def test_it_lists_the_twelve_months_in_order() -> None:
    assert len(THAI_MONTHS) == len(THAI_MONTHS_ABBR) == 12
    assert (THAI_MONTHS[0], THAI_MONTHS[5], THAI_MONTHS[11]) == ("มกราคม", "มิถุนายน", "ธันวาคม")
    assert (THAI_MONTHS_ABBR[0], THAI_MONTHS_ABBR[5], THAI_MONTHS_ABBR[11]) == (
        "ม.ค.",
        "มิ.ย.",
        "ธ.ค.",
    )


def test_it_converts_years_between_eras_both_ways() -> None:
    assert be_year(2024) == 2567
    assert ce_year(2567) == 2024
    assert ce_year(be_year(1999)) == 1999


def test_it_formats_a_document_date_with_thai_digits_by_default() -> None:
    assert format_document_date(JUNE_4_2024) == "๔ มิถุนายน ๒๕๖๗"
    assert format_document_date(JUNE_4_2024, thai_digits=False) == "4 มิถุนายน 2567"


def test_it_formats_a_screen_date_with_the_abbreviated_month() -> None:
    assert format_screen_date(JUNE_4_2024) == "4 มิ.ย. 2567"
    assert format_screen_date(date(2024, 2, 29)) == "29 ก.พ. 2567"
    assert format_screen_date(date(2023, 10, 1)) == "1 ต.ค. 2566"


@pytest.mark.parametrize(
    "text",
    [
        "๔ มิถุนายน ๒๕๖๗",
        "4 มิถุนายน 2567",
        "4 มิ.ย. 2567",
        "4 มิ.ย. 67",
        "๔ มิ.ย.๖๗",
        "  ๔   มิถุนายน\u00a0 ๒๕๖๗ ",
        "4มิถุนายน2567",
        "4 มิ. ย. 2567",
        "4 มิ.ย 2567",
        "4 มิถุนายน พ.ศ. 2567",
        "๔ มิ.ย. พ.ศ.๒๕๖๗",
        "04 มิ.ย. 2567",
    ],
)
def test_it_parses_the_ways_a_thai_date_is_written(text: str) -> None:
    assert parse_thai_date(text) == JUNE_4_2024


def test_it_parses_29_february_only_in_a_leap_year() -> None:
    assert parse_thai_date("29 กุมภาพันธ์ 2567") == date(2024, 2, 29)
    with pytest.raises(ValueError, match="no day 29"):
        parse_thai_date("29 กุมภาพันธ์ 2566")


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("", "not a Thai date"),
        ("4 June 2024", "not a Thai date"),
        ("4 มิถุนายน", "not a Thai date"),
        ("4 มิ.ย. 567", "not a Thai date"),
        ("วันที่ 4 มิ.ย. 2567", "not a Thai date"),
        ("31 มิถุนายน 2567", "no day 31"),
        ("4 มิถุนายน 2024", "not a Buddhist Era year"),
    ],
)
def test_it_refuses_what_is_not_a_thai_date(text: str, complaint: str) -> None:
    with pytest.raises(ValueError, match=complaint):
        parse_thai_date(text)


def test_it_finds_every_date_in_a_text_with_its_span() -> None:
    text = "ตามหนังสือ ลงวันที่ ๔ มิถุนายน ๒๕๖๗ รอบ 1 ต.ค. 66 - 31 มี.ค.2567 และ 31 มิ.ย. 2567"
    found = find_thai_dates(text)
    assert [d for d, _ in found] == [JUNE_4_2024, date(2023, 10, 1), date(2024, 3, 31)]
    assert [text[start:end] for _, (start, end) in found] == [
        "๔ มิถุนายน ๒๕๖๗",
        "1 ต.ค. 66",
        "31 มี.ค.2567",
    ]


@pytest.mark.parametrize(
    ("day", "fiscal", "number"),
    [
        (date(2023, 10, 1), 2567, 1),
        (date(2023, 9, 30), 2566, 2),
        (date(2024, 3, 31), 2567, 1),
        (date(2024, 4, 1), 2567, 2),
        (date(2024, 6, 4), 2567, 2),
        (date(2024, 9, 30), 2567, 2),
        (date(2024, 10, 1), 2568, 1),
        (date(2024, 2, 29), 2567, 1),
        (date(2024, 1, 1), 2567, 1),
        (date(2023, 12, 31), 2567, 1),
    ],
)
def test_it_names_the_fiscal_year_and_round_of_a_day(day: date, fiscal: int, number: int) -> None:
    assert fiscal_year(day) == fiscal
    assert round_of(day) == (fiscal, number)


def test_it_gives_the_dates_of_each_round() -> None:
    assert round_dates(2567, 1) == (date(2023, 10, 1), date(2024, 3, 31))
    assert round_dates(2567, 2) == (date(2024, 4, 1), date(2024, 9, 30))


@pytest.mark.parametrize("number", [0, 3, -1, True])
def test_it_refuses_a_round_other_than_1_or_2(number: int) -> None:
    with pytest.raises(ValueError, match="1 or 2"):
        round_dates(2567, number)


dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2400, 12, 31))


@given(dates)
def test_a_formatted_date_parses_back_to_itself(day: date) -> None:
    assert parse_thai_date(format_document_date(day)) == day
    assert parse_thai_date(format_document_date(day, thai_digits=False)) == day
    assert parse_thai_date(format_screen_date(day)) == day


@given(dates)
def test_every_day_lies_in_the_round_it_is_said_to_be_in(day: date) -> None:
    start, end = round_dates(*round_of(day))
    assert start <= day <= end
