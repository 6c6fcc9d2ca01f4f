"""Personas for view tests, built once per test package on the demo data.

``world`` loads the demo (Ubon Ratchathani, round 2/2567 from its first circular and the
seed notice, opened with results reported in every state, the demo accounts) plus a second
province with its own round and administrator, inside a transaction rolled back when the
package's tests are done; each test runs in a savepoint of it, as Django's ``setUpTestData``
does. Fetch users by the fixtures below, never keep ORM objects
between tests.

Who may do what (``kpi.access``):
- ``province`` (province_admin, provincial office of Ubon): sees every round, indicator and
  document of Ubon; may import circulars.
- ``evaluator`` (the provincial head) and ``info`` (the contact of ก.ง.สารสนเทศ): see all
  of Ubon; may not import.
- ``d3401``, ``d3402`` (district heads): see Ubon's rounds and indicators; each sees only
  their own district's data.
- ``sisaket`` (province_admin of another province): sees only that province; Ubon is a 404.
- anonymous: sent to the login page.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client
from django.test.utils import override_settings

from kpi import access
from kpi.accounts.actions import create_account
from kpi.accounts.demo import DEMO_PASSWORD
from kpi.demo.loading import load_demo
from kpi.org.audit import save_audited
from kpi.org.models import District, Person, Province, Unit
from kpi.rounds.actions import add_version, create_indicator, create_round
from kpi.rounds.models import Indicator, IndicatorVersion, Round

FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]
OTHER_PROVINCE = "sisaket"


@dataclass(frozen=True)
class World:
    """Primary keys of what the tests look at (objects are re-read in each test)."""

    ubon: int
    round: int
    team_5: int
    individual_8: int
    document: int
    other_province: int
    other_round: int
    media: Path


def build_world(media: Path) -> World:
    # Round 2/2567 only: these tests read "the demo's round" as Ubon's only round (the
    # approved round 1/2567 is tests/demo's).
    load_demo(rounds={(2567, 2)})
    ubon = Province.objects.get(is_demo=True)
    other = Province.objects.create(name="ศรีสะเกษ", letter_prefix="ศก", office_code="0019")
    district = District.objects.create(province=other, dopa_code="3301", name="เมืองศรีสะเกษ")
    person = Person(province=other, title="นาย", first_name="ทดสอบ", last_name="ต่างจังหวัด")
    save_audited(person, by=None, reason="test")
    create_account(
        OTHER_PROVINCE,
        password=DEMO_PASSWORD,
        by=None,
        reason="test",
        roles=[access.PROVINCE_ADMIN],
        person=person,
    )
    other_round = create_round(province=other, fiscal_year=2567, number=2, by=None, reason="test")
    round = Round.objects.get(province=ubon)
    indicators = Indicator.objects.filter(round=round)
    # The seed (the revision notice): its versions are the ones in force with a status of
    # "revised"; the demo's first circular holds the others.
    version = IndicatorVersion.objects.filter(
        indicator__round=round, in_force=True, status="revised"
    ).first()
    assert district.pk and version is not None and version.source_document_id is not None
    return World(
        ubon=ubon.pk,
        round=round.pk,
        team_5=indicators.get(kind="team", number=5).pk,
        individual_8=indicators.get(kind="individual", number=8).pk,
        document=version.source_document_id,
        other_province=other.pk,
        other_round=other_round.pk,
        media=media,
    )


@pytest.fixture(scope="package")
def world(django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[World]:
    media = tmp_path_factory.mktemp("media")
    overrides = override_settings(MEDIA_ROOT=media, PASSWORD_HASHERS=FAST_HASHER)
    overrides.enable()
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        built = build_world(media)
    try:
        yield built
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
        overrides.disable()


@pytest.fixture
def ubon(world: World, db) -> Province:
    return Province.objects.get(pk=world.ubon)


def user(username: str):
    return get_user_model()._default_manager.get(username=username)


def client_for(username: str | None) -> Client:
    client = Client()
    if username is not None:
        client.force_login(user(username))
    return client


@pytest.fixture
def as_province(world: World, db) -> Client:
    """The provincial administrator of Ubon."""
    return client_for("province")


@pytest.fixture
def as_evaluator(world: World, db) -> Client:
    return client_for("evaluator")


@pytest.fixture
def as_info(world: World, db) -> Client:
    return client_for("info")


@pytest.fixture
def as_head_3401(world: World, db) -> Client:
    return client_for("d3401")


@pytest.fixture
def as_head_3402(world: World, db) -> Client:
    return client_for("d3402")


@pytest.fixture
def as_other_province(world: World, db) -> Client:
    return client_for(OTHER_PROVINCE)


@pytest.fixture
def anonymous(world: World, db) -> Client:
    return Client()


#: Every persona, for tests that walk each URL against each of them.
PERSONAS = ("province", "evaluator", "info", "d3401", "d3402", OTHER_PROVINCE, None)


def add_indicators(
    round: Round, count: int, *, start: int = 100, unit: Unit | None = None
) -> list[Indicator]:
    """*count* more indicators (individual first, then alternating) in *round*, each with a
    version in force (weight 5), two contact persons and a unit (the province's first by
    name unless given), so that every relation a page reads is populated."""
    contacts = list(Person.objects.for_province(round.province).provincial()[:2])
    unit = unit or Unit.objects.for_province(round.province).order_by("name").first()
    made = []
    for offset in range(count):
        kind = "team" if offset % 2 else "individual"
        indicator = create_indicator(
            round,
            kind=kind,
            number=start + offset,
            name=f"ตัวชี้วัดเพิ่ม {offset}",
            by=None,
            reason="test",
        )
        add_version(
            indicator,
            milestone_version(),
            by=None,
            reason="test",
            unit=unit,
            persons=contacts,
        )
        made.append(indicator)
    return made


def add_districts(province: Province, count: int, *, start: int = 9000) -> None:
    for offset in range(count):
        District.objects.create(
            province=province, dopa_code=str(start + offset), name=f"อำเภอทดสอบ {offset}"
        )


def milestone_version(status: str = "current", weight: int = 5) -> dict:
    return {
        "status": status,
        "weight": weight,
        "responsible_unit": "กง.ประสาน",
        "responsible_persons": [],
        "method": "milestone",
        "unit": None,
        "direction": None,
        "criteria": [
            {
                "district_size": None,
                "levels": [
                    {"level": level, "text": f"ขั้นตอนที่ {level}", "min": None, "max": None}
                    for level in range(1, 6)
                ],
            }
        ],
    }
