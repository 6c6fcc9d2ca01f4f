"""Importing circulars into an empty database, the way a user would, beside bulk inserts.

Each run gets a fresh database holding only the province (Ubon Ratchathani, as the demo
creates it), then imports through ``kpi.rounds.importing.import_circular``, which finds the
province by the letter number (``อบ 0019/…``):

- the demo's order: the round's first circular อบ 0019/ว 2548 (creates the round), then the
  seed revision notice อบ 0019/ว 536 (revises team 5 and individual 8);
- the seed alone, creating its round (``kpi import seed.txt --create-round``).

The baseline writes as many rows as the import did (history rows included) with one
``bulk_create`` in one transaction, in a fresh database too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial

from bench.paths import SEED
from bench.scratch import ScratchDatabases
from bench.timing import Runs, measure, report

REASON = "benchmark"


def _add_province() -> None:
    from kpi.demo.loading import demo_data
    from kpi.org.audit import save_audited
    from kpi.org.models import Province

    save_audited(Province(**demo_data()["province"]), by=None, reason=REASON)


@contextmanager
def _empty_with_province(databases: ScratchDatabases) -> Iterator[None]:
    with databases.fresh():
        _add_province()
        yield


def _rows() -> int:
    from django.apps import apps

    return sum(model._default_manager.count() for model in apps.get_models())


def _import_demo_order() -> None:
    from kpi.demo.loading import DATA
    from kpi.rounds.importing import import_circular

    first = DATA.joinpath("ubon-2567-2-first.txt")
    import_circular(first.read_bytes(), first.name, by=None)
    import_circular(SEED.read_bytes(), SEED.name, by=None)


def _import_seed_alone() -> None:
    from kpi.rounds.importing import import_circular

    import_circular(SEED.read_bytes(), SEED.name, by=None, create_missing=True)


def _rows_written(databases: ScratchDatabases, importer: Callable[[], None]) -> int:
    with _empty_with_province(databases):
        before = _rows()
        importer()
        return _rows() - before


def run(runs: Runs, databases: ScratchDatabases) -> None:
    from django.db import transaction

    from kpi.org.models import Province, Unit

    around = partial(_empty_with_province, databases)
    figures = (
        ("import first circular, then the seed (demo order)", _import_demo_order),
        ("import the seed alone (--create-round)", _import_seed_alone),
    )
    for name, importer in figures:
        rows = _rows_written(databases, importer)

        def bare_rows(rows: int = rows) -> None:
            province = Province.objects.get()
            with transaction.atomic():
                Unit.objects.bulk_create(
                    Unit(province=province, name=f"หน่วยงาน {n}") for n in range(rows)
                )

        report(
            name,
            measure(importer, repeat=runs(7), warmup=runs.warmup, around=around),
            f"{rows} bare rows, one bulk_create",
            measure(bare_rows, repeat=runs(7), warmup=runs.warmup, around=around),
        )
