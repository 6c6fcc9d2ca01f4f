"""Two administrators issuing at the same moment never get the same ``/ว`` number.

Runs on PostgreSQL only (``DATABASE_URL=postgres://postgres@127.0.0.1:5432/kpi_notices``):
SQLite locks the whole database file for a write and ignores ``SELECT … FOR UPDATE``, so it
cannot show that the register's row lock is what keeps the numbers apart.

Each thread has its own database connection and commits for real, so the data is made and
removed by threads too, outside the test's own (rolled back) transaction, and so are the
history rows that making and removing it wrote.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar

import pytest
from django.apps import apps
from django.db import connection, connections, transaction
from django.db.models import Max, Model
from simple_history.models import HistoricalChanges

from kpi.demo.loading import DATA
from kpi.documents.models import SourceDocument
from kpi.notices.actions import issue_notice, revise_in_draft, start_revision
from kpi.notices.models import Notice, Register
from kpi.notices.register import take_serial
from kpi.org.models import Person, Province, Unit
from kpi.rounds.importing import import_circular, parse_circular
from kpi.rounds.models import Indicator, Round
from tests.notices.helpers import values_of

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL's row locks: set DATABASE_URL=postgres://…/kpi_notices",
)

T = TypeVar("T")
PREFIX, OFFICE = "ทพ", "0099"


def in_thread(work: Callable[[], T]) -> T:
    """Run *work* on a thread of its own (its own connection, committed for real)."""
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = work()
        except BaseException as error:  # handed to the test's thread
            box["error"] = error
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if "error" in box:
        raise box["error"]
    return box["value"]


def race(works: list[Callable[[], T]]) -> list[T]:
    """Start every work at once (a barrier), each on its own thread; their results."""
    barrier = threading.Barrier(len(works))
    results: list[Any] = [None] * len(works)
    errors: list[BaseException] = []

    def run(index: int) -> None:
        try:
            barrier.wait()
            results[index] = works[index]()
        except BaseException as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(works))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    return results


def _history_marks() -> dict[type[Model], int]:
    """The newest history row of every audited model."""
    return {
        model: model.objects.aggregate(last=Max("history_id"))["last"] or 0
        for model in apps.get_models()
        if issubclass(model, HistoricalChanges)
    }


def _forget_history(marks: dict[type[Model], int]) -> None:
    """Remove the history rows written since *marks*: the threads' commits and removals are
    audited like any write, and rows left behind would show up in later tests' history."""
    for model, last in marks.items():
        model.objects.filter(history_id__gt=last).delete()


def _remove_province() -> None:
    province = Province.objects.filter(letter_prefix=PREFIX).first()
    if province is None:
        return
    Notice.objects.filter(round__province=province).delete()
    Round.objects.filter(province=province).delete()
    SourceDocument.objects.filter(province=province).delete()
    Register.objects.filter(province=province).delete()
    Person.objects.filter(province=province).delete()
    Unit.objects.filter(province=province).delete()
    province.delete()


@pytest.fixture
def province(db, settings, tmp_path) -> Iterator[int]:
    settings.MEDIA_ROOT = tmp_path
    marks = in_thread(_history_marks)
    in_thread(_remove_province)
    made = in_thread(
        lambda: (
            Province.objects.create(
                name="ทดสอบพร้อมกัน", letter_prefix=PREFIX, office_code=OFFICE, address="ที่ทดสอบ"
            ).pk
        )
    )
    yield made
    in_thread(_remove_province)
    in_thread(lambda: _forget_history(marks))


def test_many_threads_taking_serials_at_once_get_each_their_own(province):
    def take() -> int:
        with transaction.atomic():
            serial = take_serial(Province.objects.get(pk=province), 2567, by=None, reason="test")[1]
            # Held a moment, so that without the row lock a second reader would see the same
            # last serial before this one commits.
            time.sleep(0.05)
            return serial

    serials = race([take] * 8)

    assert sorted(serials) == list(range(1, 9))
    assert in_thread(lambda: Register.objects.get(letter_prefix=PREFIX).last_serial) == 8


def _round_with_draft(province_pk: int, number: int) -> int:
    """A round of the test province from the seed notice, with a draft revising indicator 8."""
    data = DATA.joinpath("ubon-2567-2-revision.txt").read_bytes()
    parsed = parse_circular(data, "seed.txt")
    parsed["round"].update(number=number, start=None, end=None)
    province = Province.objects.get(pk=province_pk)
    # A byte more per round: the importer knows a file by its hash.
    result = import_circular(
        data + b"\n" * number,
        f"seed-{number}.txt",
        by=None,
        province=province,
        parsed=parsed,
        create_missing=True,
    )
    item = Indicator.objects.get(round=result.round, kind="individual", number=8)
    notice = start_revision(result.round, by=None)
    revise_in_draft(notice, item, by=None, **values_of(item, weight=Decimal(6)))
    return notice.pk


def test_two_notices_issued_at_once_get_different_numbers(province):
    drafts = [in_thread(lambda n=n: _round_with_draft(province, n)) for n in (1, 2)]
    # The register exists (the office numbered up to 536 by hand): both threads find its row,
    # and only its lock keeps them from reading the same last serial.
    in_thread(
        lambda: Register.objects.create(
            province_id=province,
            letter_prefix=PREFIX,
            office_code=OFFICE,
            year=2567,
            last_serial=536,
        )
    )

    def issue(pk: int) -> Callable[[], str]:
        return lambda: (
            issue_notice(Notice.objects.get(pk=pk), by=None, date=date(2024, 7, 1)).number
        )

    numbers = race([issue(pk) for pk in drafts])

    assert sorted(numbers) == [f"{PREFIX} {OFFICE}/ว 537", f"{PREFIX} {OFFICE}/ว 538"]
    serials = in_thread(
        lambda: sorted(Notice.objects.filter(pk__in=drafts).values_list("serial", flat=True))
    )
    assert serials == [537, 538]
