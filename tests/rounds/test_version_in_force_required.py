"""PostgreSQL refuses, at commit, an indicator left with versions but none in force.

Runs on PostgreSQL only (``DATABASE_URL=postgres://postgres@127.0.0.1:5432/<name>``): the check
is a DEFERRABLE INITIALLY DEFERRED constraint trigger (migration rounds 0004), and SQLite has no
deferred triggers, so there only the partial unique index ("at most one") is the database's.

A test runs inside a transaction that is rolled back, never committed: ``check_now`` fires the
deferred checks with ``SET CONSTRAINTS ALL IMMEDIATE``, as COMMIT would (Django's test teardown
does the same, so every test run on PostgreSQL checks what it wrote). A refused write is made in
a savepoint that is rolled back, so the teardown's check does not meet it. The last test
commits for real.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal

import pytest
from django.db import IntegrityError, connection, transaction

from kpi.notices.actions import issue_notice, revise_in_draft, start_revision
from kpi.org.models import Province
from kpi.rounds.actions import add_version, create_indicator, create_round, put_in_force
from kpi.rounds.importing import import_circular
from kpi.rounds.models import Indicator, IndicatorVersion
from tests.notices.helpers import values_of
from tests.rounds.builders import make_indicator, make_round, make_version

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL's deferred constraint triggers: set DATABASE_URL=postgres://…",
)


def check_now() -> None:
    """Run the deferred checks now, as COMMIT would, then defer again."""
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")


@contextmanager
def refused() -> Iterator[None]:
    """The writes in the block are refused by the check, and rolled back."""
    with (
        pytest.raises(IntegrityError, match="has versions but none in force"),
        transaction.atomic(),
    ):
        yield
        check_now()


@pytest.mark.django_db
def test_taking_the_only_version_out_of_force_is_refused(ubon: Province) -> None:
    version = make_version(make_indicator(make_round(ubon)), in_force=True)
    check_now()

    with refused():
        IndicatorVersion.objects.filter(pk=version.pk).update(in_force=False)


@pytest.mark.django_db
def test_a_version_added_out_of_force_to_an_indicator_without_one_is_refused(
    ubon: Province,
) -> None:
    indicator = make_indicator(make_round(ubon))

    with refused():
        make_version(indicator, in_force=False, status="original")


@pytest.mark.django_db
def test_deleting_the_version_in_force_while_others_remain_is_refused(ubon: Province) -> None:
    indicator = make_indicator(make_round(ubon))
    in_force = make_version(indicator, in_force=True)
    make_version(indicator, in_force=False, status="original")
    check_now()

    with refused():
        in_force.delete()


@pytest.mark.django_db
def test_an_indicator_without_versions_and_a_deleted_one_are_allowed(ubon: Province) -> None:
    round = create_round(province=ubon, fiscal_year=2567, number=2, by=None, reason="r")
    create_indicator(round, kind="team", number=1, name="ยังไม่มีฉบับ", by=None, reason="r")
    gone = make_indicator(round, 8)
    make_version(gone, in_force=True)
    make_version(gone, in_force=False, status="original")

    gone.delete()

    check_now()
    assert Indicator.objects.filter(round=round).count() == 1


@pytest.mark.django_db
def test_the_actions_flip_versions_within_one_check(ubon: Province, seed_dict) -> None:
    original, revised = seed_dict["indicators"][1]["versions"]
    round = create_round(province=ubon, fiscal_year=2567, number=2, by=None, reason="r")
    indicator = create_indicator(round, kind="individual", number=8, name="n", by=None, reason="r")
    first = add_version(indicator, original, by=None, reason="r")
    check_now()

    add_version(indicator, revised, by=None, reason="r")
    check_now()
    put_in_force(first, by=None, reason="ย้อนกลับ")
    check_now()

    assert list(IndicatorVersion.objects.in_force()) == [first]


@pytest.mark.django_db
def test_importing_and_issuing_a_revision_pass_the_check(ubon: Province, seed_bytes) -> None:
    ubon.address = "ศาลากลางจังหวัดอุบลราชธานี"
    ubon.save()
    result = import_circular(seed_bytes, "seed.txt", by=None, province=ubon, create_missing=True)
    check_now()
    item = Indicator.objects.get(round=result.round, kind="individual", number=8)

    notice = start_revision(result.round, by=None)
    notice = revise_in_draft(notice, item, by=None, **values_of(item, weight=Decimal(6)))
    issue_notice(notice, by=None, date=date(2024, 7, 1))
    check_now()

    assert item.versions.in_force().get().weight == Decimal(6)


@pytest.mark.django_db(transaction=True)
def test_a_commit_leaving_no_version_in_force_is_rolled_back(ubon: Province) -> None:
    version = make_version(make_indicator(make_round(ubon)), in_force=True)

    with (
        pytest.raises(IntegrityError, match="has versions but none in force"),
        transaction.atomic(),
    ):
        IndicatorVersion.objects.filter(pk=version.pk).update(in_force=False)

    version.refresh_from_db()
    assert version.in_force
