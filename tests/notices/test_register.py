"""The ``/ว`` register: one sequence per office and BE calendar year, never a serial twice."""

import pytest
from django.db import transaction

from kpi.notices.models import Notice, Register
from kpi.notices.register import take_serial
from kpi.org.models import Province


def _take(province, year):
    with transaction.atomic():
        return take_serial(province, year, by=None, reason="test")[1]


def test_serials_follow_each_other_within_an_office_and_year(ubon):
    assert [_take(ubon, 2567) for _ in range(3)] == [1, 2, 3]


def test_a_new_year_starts_again_at_one(ubon):
    _take(ubon, 2567)
    _take(ubon, 2567)
    assert _take(ubon, 2568) == 1
    assert _take(ubon, 2567) == 3


def test_each_office_has_its_own_sequence(ubon, world):
    other = Province.objects.get(pk=world.other_province)
    assert _take(ubon, 2567) == 1
    assert _take(other, 2567) == 1
    assert _take(ubon, 2567) == 2


def test_it_continues_from_a_serial_set_by_hand(ubon):
    Register.objects.create(
        province=ubon, letter_prefix="อบ", office_code="0019", year=2567, last_serial=536
    )
    assert _take(ubon, 2567) == 537


def test_a_serial_set_back_by_hand_never_gives_a_used_number_again(ubon, world):
    register = Register.objects.create(
        province=ubon, letter_prefix="อบ", office_code="0019", year=2567, last_serial=10
    )
    Notice.objects.create(
        round_id=world.round,
        kind="first",
        state="discarded",
        register=register,
        serial=11,
        content={},
    )
    register.last_serial = 3
    register.save()
    assert _take(ubon, 2567) == 12


def test_a_rolled_back_issue_gives_its_serial_back(ubon):
    with pytest.raises(RuntimeError), transaction.atomic():
        take_serial(ubon, 2567, by=None, reason="test")
        raise RuntimeError("rendering failed")
    assert _take(ubon, 2567) == 1
