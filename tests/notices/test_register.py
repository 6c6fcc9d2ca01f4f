"""The ``/ว`` register: one sequence per office and BE calendar year, never a serial twice."""

import pytest
from django.db import transaction

from kpi.notices.models import Notice, Register
from kpi.notices.register import take_serial
from kpi.org.models import Province

# The demo's imported circulars (ว 2548, ว 536) are of 2567; these tests are about the
# register's own sequence, so they number 2568 and later, where nothing was imported
# (tests/notices/test_register_imported.py has the imported documents' part).
YEAR = 2568


def _take(province, year):
    with transaction.atomic():
        return take_serial(province, year, by=None, reason="test")[1]


def test_serials_follow_each_other_within_an_office_and_year(ubon):
    assert [_take(ubon, YEAR) for _ in range(3)] == [1, 2, 3]


def test_a_new_year_starts_again_at_one(ubon):
    _take(ubon, YEAR)
    _take(ubon, YEAR)
    assert _take(ubon, YEAR + 1) == 1
    assert _take(ubon, YEAR) == 3


def test_each_office_has_its_own_sequence(ubon, world):
    other = Province.objects.get(pk=world.other_province)
    assert _take(ubon, YEAR) == 1
    assert _take(other, YEAR) == 1
    assert _take(ubon, YEAR) == 2


def test_it_continues_from_a_serial_set_by_hand(ubon):
    Register.objects.create(
        province=ubon, letter_prefix="อบ", office_code="0019", year=YEAR, last_serial=536
    )
    assert _take(ubon, YEAR) == 537


def test_a_serial_set_back_by_hand_never_gives_a_used_number_again(ubon, world):
    register = Register.objects.create(
        province=ubon, letter_prefix="อบ", office_code="0019", year=YEAR, last_serial=10
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
    assert _take(ubon, YEAR) == 12


def test_a_rolled_back_issue_gives_its_serial_back(ubon):
    with pytest.raises(RuntimeError), transaction.atomic():
        take_serial(ubon, YEAR, by=None, reason="test")
        raise RuntimeError("rendering failed")
    assert _take(ubon, YEAR) == 1
