from datetime import UTC, date, datetime

from django.template import Context, Template


def render(source: str, **context) -> str:
    return Template("{% load thai %}" + source).render(Context(context))


def test_thai_date_prints_the_be_year_and_short_month():
    assert render("{{ d|thai_date }}", d=date(2024, 6, 4)) == "4 มิ.ย. 2567"


def test_thai_date_shows_an_aware_datetime_on_the_bangkok_calendar_day():
    # 20:00 UTC on 3 June is 03:00 on 4 June in Bangkok.
    moment = datetime(2024, 6, 3, 20, 0, tzinfo=UTC)
    assert render("{{ d|thai_date }}", d=moment) == "4 มิ.ย. 2567"


def test_thai_date_of_nothing_is_empty():
    assert render("[{{ d|thai_date }}]", d=None) == "[]"
    assert render("[{{ d|thai_date }}]", d="") == "[]"


def test_thai_long_date_spells_the_month():
    assert render("{{ d|thai_long_date }}", d=date(2024, 6, 4)) == "4 มิถุนายน 2567"


def test_thai_date_range_joins_two_dates():
    html = render("{% thai_date_range a b %}", a=date(2024, 4, 1), b=date(2024, 9, 30))
    assert html == "1 เม.ย. 2567 – 30 ก.ย. 2567"
