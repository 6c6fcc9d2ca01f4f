import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from kpi.org.actions import find_or_create_unit, set_district_size
from kpi.org.models import District, DistrictSize, Person, Province, Size, Unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def info_unit(ubon: Province) -> Unit:
    return Unit.objects.create(
        province=ubon,
        name="กลุ่มงานสารสนเทศการพัฒนาชุมชน",
        abbreviations="ก.ง.สารสนเทศ\nกง.สารสนเทศ",
    )


@pytest.mark.parametrize(
    "written", ["ก.ง.สารสนเทศ", "กง.สารสนเทศ", "กง สารสนเทศ", "กลุ่มงานสารสนเทศการพัฒนาชุมชน"]
)
def test_it_finds_a_unit_by_any_spelling_of_its_abbreviations(
    ubon: Province, info_unit: Unit, written: str
) -> None:
    assert Unit.objects.for_province(ubon).find(written) == info_unit


def test_it_finds_no_unit_for_an_unknown_abbreviation(ubon: Province, info_unit: Unit) -> None:
    assert Unit.objects.for_province(ubon).find("กง.ประสาน") is None
    assert Unit.objects.for_province(ubon).find("  ") is None


def test_it_does_not_find_a_unit_of_another_province(info_unit: Unit) -> None:
    other = Province.objects.create(name="ศรีสะเกษ", letter_prefix="ศก", office_code="0019")
    assert Unit.objects.for_province(other).find("ก.ง.สารสนเทศ") is None


def test_find_or_create_unit_creates_one_unit_named_by_the_abbreviation(
    ubon: Province, officer
) -> None:
    unit, created = find_or_create_unit(ubon, "กง.ประสาน", by=officer, reason="ทดสอบ")
    again, created_again = find_or_create_unit(ubon, "กง. ประสาน", by=officer, reason="ทดสอบ")

    assert (created, created_again) == (True, False)
    assert again == unit
    assert unit.name == "กง.ประสาน"
    assert unit.history.get().history_user == officer


def test_people_are_matched_by_given_name_or_surname(ubon: Province) -> None:
    person = Person.objects.create(province=ubon, first_name="สภาวุฒิชัย", last_name="บุญประเสริฐศรี")
    Person.objects.create(province=ubon, first_name="กุลวดี", last_name="แสงทองคำ")

    people = Person.objects.for_province(ubon)
    assert list(people.matching_name("สภาวุฒิชัย")) == [person]
    assert list(people.matching_name("บุญประเสริฐศรี")) == [person]
    assert list(people.matching_name("สภาวุฒิชัย  บุญประเสริฐศรี")) == [person]
    assert not people.matching_name("สมชาย").exists()
    assert not people.matching_name("").exists()


def test_a_person_without_a_district_belongs_to_the_provincial_office(ubon: Province) -> None:
    district = District.objects.create(province=ubon, dopa_code="3401", name="เมืองอุบลราชธานี")
    head = Person.objects.create(province=ubon, first_name="ก", position="พัฒนาการจังหวัด")
    district_head = Person.objects.create(province=ubon, district=district, first_name="ข")

    assert list(Person.objects.provincial()) == [head]
    assert head.office_name == "สำนักงานพัฒนาชุมชนจังหวัดอุบลราชธานี"
    assert district_head.office_name == "สำนักงานพัฒนาชุมชนอำเภอเมืองอุบลราชธานี"


def test_a_person_cannot_work_in_a_district_of_another_province(ubon: Province) -> None:
    other = Province.objects.create(name="ศรีสะเกษ", letter_prefix="ศก", office_code="0019")
    district = District.objects.create(province=other, dopa_code="3301", name="เมืองศรีสะเกษ")
    person = Person(province=ubon, district=district, first_name="ค")

    with pytest.raises(ValidationError) as raised:
        person.full_clean()
    assert "district" in raised.value.message_dict


def test_the_province_is_found_from_a_letter_number(ubon: Province) -> None:
    assert Province.objects.for_letter_number("อบ 0019/ว 536").get() == ubon
    assert not Province.objects.for_letter_number("ศก 0019/ว 1").exists()
    assert not Province.objects.for_letter_number("").exists()


def test_a_district_has_one_size_per_fiscal_year(ubon: Province) -> None:
    district = District.objects.create(province=ubon, dopa_code="3401", name="เมืองอุบลราชธานี")
    DistrictSize.objects.create(district=district, fiscal_year=2567, size=Size.LARGE)
    DistrictSize.objects.create(district=district, fiscal_year=2568, size=Size.MEDIUM)

    with pytest.raises(IntegrityError):
        DistrictSize.objects.create(district=district, fiscal_year=2567, size=Size.SMALL)


def test_set_district_size_replaces_the_size_of_that_year_and_keeps_history(
    ubon: Province, officer
) -> None:
    district = District.objects.create(province=ubon, dopa_code="3401", name="เมืองอุบลราชธานี")
    set_district_size(district, 2567, Size.MEDIUM, by=officer, reason="ประกาศจังหวัด")
    size = set_district_size(district, 2567, Size.LARGE, by=officer, reason="แก้ไขประกาศ")

    assert DistrictSize.objects.get(district=district, fiscal_year=2567).size == Size.LARGE
    reasons = [h.history_change_reason for h in size.history.order_by("history_date")]
    assert reasons == ["ประกาศจังหวัด", "แก้ไขประกาศ"]


def test_size_labels_are_the_thai_names_of_the_contract_codes() -> None:
    assert dict(Size.choices) == {
        "large": "อำเภอขนาดใหญ่",
        "medium": "อำเภอขนาดกลาง",
        "small": "อำเภอขนาดเล็ก",
    }
