"""A round taken through the workflow to approval, for the report tests (agreement forms,
scorecards, the workbook). Built on ``tests.agreements.builders.make_world``: districts 3401
and 3402, team indicator 5 at 60 and individual indicator 8 at 40 for each head.

Levels reached (the levels that count): 3401 team 5 verified at 4, own 8 from 95 % (the
engine's level); 3402 team 5 verified at 3, own 8 from 62.5 %. Competency is entered for the
head of 3401 only, so 3402's card has no total.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from django.db import transaction

from kpi import access
from kpi.agreements.actions import acknowledge
from kpi.agreements.models import Agreement
from kpi.org.models import District, DistrictSize, Person
from kpi.results.actions import (
    approve_result,
    approve_round,
    close_round,
    open_round,
    save_result,
    set_competency,
    submit_result,
    verify_result,
)
from kpi.results.models import Result
from kpi.rounds.models import Round
from tests.agreements.builders import World, agreements_adding_up, make_world, person

TEAM_LEVELS = {"3401": 4, "3402": 3}
VALUES = {"3401": "95", "3402": "62.5"}
COMPETENCY_3401 = Decimal("85.50")


def add_districts(world: World, count: int) -> None:
    """*count* more districts (3451, 3452, …), each with a head, before agreements exist."""
    for index in range(count):
        code = str(3451 + index)
        district = District.objects.create(
            province=world.province, dopa_code=code, name=f"อำเภอทดสอบ{code}"
        )
        DistrictSize.objects.create(district=district, fiscal_year=2567, size="small")
        person(
            world.province,
            f"d{code}",
            first_name=f"หัวหน้า{code}",
            roles=(access.DISTRICT_HEAD,),
            district=district,
            position=f"พัฒนาการอำเภอ{district.name}",
        )


def open_world(world: World) -> World:
    agreements_adding_up(world)
    open_round(world.round, by=world.user("province"))
    world.round.refresh_from_db()
    return world


def report_all(world: World) -> None:
    """Every result submitted, verified and approved (the round stays open)."""
    for result in Result.objects.for_round(world.round).with_related().order_by("pk"):
        code = result.district.dopa_code
        if result.person_id is None:
            result = submit_result(result, by=None)
            result = verify_result(
                result, by=None, level=TEAM_LEVELS.get(code, 2), reason="ตรวจหลักฐานแล้ว"
            )
        else:
            result = save_result(
                result, by=None, expected_version=result.version, value=VALUES.get(code, "80")
            )
            result = submit_result(result, by=None)
            result = verify_result(result, by=None)
        approve_result(result, by=None)


def approve(world: World) -> World:
    close_round(world.round, by=None)
    approve_round(world.round, by=None)
    world.round.refresh_from_db()
    return world


def approved_world(extra_districts: int = 0) -> World:
    world = make_world()
    add_districts(world, extra_districts)
    open_world(world)
    acknowledge_3401(world)
    report_all(world)
    approve(world)
    set_competency(world.round, world.person("d3401"), str(COMPETENCY_3401), by=None)
    return world


def acknowledge_3401(world: World) -> None:
    """Both parties acknowledge 3401's agreements (team and individual)."""
    for agreement in Agreement.objects.for_round(world.round).filter(district=world.d3401):
        for username in ("evaluator", "d3401"):
            acknowledge(agreement, by=world.user(username))


def head(world: World, code: str) -> Person:
    return Person.objects.get(district__dopa_code=code, user__username=f"d{code}")


def round_of(world: World) -> Round:
    return Round.objects.select_related("province").get(pk=world.round.pk)


@pytest.fixture(scope="module")
def approved(django_db_setup, django_db_blocker) -> Iterator[World]:  # type: ignore[no-untyped-def]
    """``approved_world()`` built once per test module, rolled back after it; each test runs
    in a savepoint of it (request ``db`` too). Re-read objects by primary key in tests."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        built = approved_world()
    try:
        yield built
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


# --- Reading the files back -----------------------------------------------------------------

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext, pdffonts) not installed"
)


def poppler(*arguments: str) -> str:
    return subprocess.run(arguments, capture_output=True, text=True, check=True).stdout


def pdf_text(pdf: bytes, folder: Path, *options: str) -> str:
    path = folder / "document.pdf"
    path.write_bytes(pdf)
    return poppler("pdftotext", *options, str(path), "-")


def squash(text: str) -> str:
    """Text without whitespace: line wraps change neither the characters nor their order."""
    return re.sub(r"\s", "", text)


def embedded_fonts(pdf: bytes, folder: Path) -> list[tuple[str, str, str, str]]:
    """``(name, embedded, subset, unicode map)`` of each font of the PDF (``pdffonts``)."""
    path = folder / "fonts.pdf"
    path.write_bytes(pdf)
    fonts = []
    for row in poppler("pdffonts", str(path)).splitlines()[2:]:
        name, *_, embedded, subset, unicode_map, _number, _generation = row.split()
        fonts.append((name, embedded, subset, unicode_map))
    return fonts


def dark_share_per_page(pdf: bytes, folder: Path) -> list[float]:
    """The share of dark pixels on each rendered page (``pdftoppm``, grey, 60 dpi)."""
    path = folder / "pages.pdf"
    path.write_bytes(pdf)
    poppler("pdftoppm", "-r", "60", "-gray", str(path), str(folder / "page"))
    shares = []
    for page in sorted(folder.glob("page-*.pgm")):
        data = page.read_bytes()
        # Binary PGM: "P5\n<width> <height>\n<max>\n" then one byte per pixel.
        header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
        assert header is not None
        pixels = data[header.end() :]
        shares.append(sum(1 for value in pixels if value < 128) / len(pixels))
    return shares


def page_count(pdf: bytes, folder: Path) -> int:
    path = folder / "count.pdf"
    path.write_bytes(pdf)
    return int(re.search(r"^Pages:\s+(\d+)", poppler("pdfinfo", str(path)), re.M)[1])


def add_reported_districts(world: World, count: int) -> None:
    """*count* more districts in the approved round, written straight to the tables (the
    actions refuse new agreements once a round is open): a head, the team and individual
    agreements of 3401's items and weights, locked results with levels, a competency score.
    For counting queries, not for testing the workflow."""
    from kpi.agreements.models import AgreementItem
    from kpi.results.models import Competency

    add_districts(world, count)
    templates = {
        agreement.kind: list(agreement.items.all())
        for agreement in Agreement.objects.for_round(world.round).filter(district=world.d3401)
    }
    evaluator = world.person("evaluator")
    for district in District.objects.filter(dopa_code__gte="3451", province=world.province):
        someone = Person.objects.get(district=district)
        for kind, items in templates.items():
            agreement = Agreement.objects.create(
                round=world.round,
                kind=kind,
                district=district,
                evaluatee=someone,
                evaluator=evaluator,
            )
            for item in items:
                copy = AgreementItem.objects.create(
                    agreement=agreement, indicator=item.indicator, weight=item.weight
                )
                Result.objects.create(
                    item=copy,
                    district=district,
                    person=someone if kind == "individual" else None,
                    state="locked",
                    level=Decimal(3),
                )
        Competency.objects.create(round=world.round, person=someone, score=Decimal("75"))
