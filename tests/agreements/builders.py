"""Personas and a round to run the workflow on, for the agreements and results tests.

``make_world()`` builds a small province: districts 3401 (large) and 3402 (medium) with their
sizes for 2567; the units ก.ง.สารสนเทศ (owns individual indicator 8) and กง.ประสาน (owns team
indicator 5); round 2/2567 imported from the seed's first circular (the originals in force).

Who may do what (``kpi.access``):
- ``province``: province_admin; manages agreements and rounds, re-opens results.
- ``evaluator``: the provincial head; approves verified results.
- ``info``: indicator_owner of ก.ง.สารสนเทศ; sees and verifies only indicator 8.
- ``coord``: indicator_owner of กง.ประสาน; sees and verifies only indicator 5.
- ``viewer``: provincial viewer; reads everything, changes nothing.
- ``d3401``, ``s3401``: head and staff of 3401; see and edit only 3401's results.
- ``d3402``: head of 3402 (medium); sees nothing of 3401.
- ``nobody``: an account without a person or role; sees nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.contrib.auth import get_user_model

from kpi import access
from kpi.accounts.actions import create_account
from kpi.agreements.actions import create_agreements_for_round, set_item_weight
from kpi.agreements.models import Agreement
from kpi.org.models import District, DistrictSize, Person, Province, Unit
from kpi.rounds.importing import import_circular
from kpi.rounds.models import Indicator, Round

SEEDS = Path(__file__).parents[1] / "seeds"
SEED_TEXT = SEEDS / "000_83c347e598ee7ce5.txt"
SEED_JSON = SEEDS / "000_83c347e598ee7ce5.expected.json"
#: team 5 and individual 8 at these weights make 100 for each head
TEAM_WEIGHT = Decimal(60)
INDIVIDUAL_WEIGHT = Decimal(40)


@dataclass
class World:
    province: Province
    d3401: District
    d3402: District
    info_unit: Unit
    coord_unit: Unit
    round: Round
    team_5: Indicator
    individual_8: Indicator

    def user(self, username: str):  # type: ignore[no-untyped-def]
        return get_user_model()._default_manager.get(username=username)

    def person(self, username: str) -> Person:
        return Person.objects.get(user__username=username)


def seed_dict() -> dict:
    return json.loads(SEED_JSON.read_text(encoding="utf-8"))


def first_circular() -> dict:
    """The seed as a first circular: each indicator once, its original version as current."""
    circular = seed_dict()
    circular["document"]["number"] = "อบ 0019/ว 2548"
    for indicator in circular["indicators"]:
        original = next(v for v in indicator["versions"] if v["status"] == "original")
        indicator["versions"] = [{**original, "status": "current"}]
    return circular


def revised_version(kind: str, number: int) -> dict:
    """The seed's revised version of one indicator, as a ``kpi-circular/1`` dict."""
    indicator = next(
        i for i in seed_dict()["indicators"] if (i["kind"], i["number"]) == (kind, number)
    )
    return next(v for v in indicator["versions"] if v["status"] == "revised")


def import_revision(by=None):  # type: ignore[no-untyped-def]
    """The seed revision notice อบ 0019/ว 536, imported into the existing round."""
    return import_circular(SEED_TEXT.read_bytes(), SEED_TEXT.name, by=by, parsed=seed_dict())


def person(
    province: Province,
    username: str | None,
    *,
    first_name: str,
    roles: tuple[str, ...] = (),
    district: District | None = None,
    unit: Unit | None = None,
    position: str = "",
) -> Person:
    someone = Person.objects.create(
        province=province,
        district=district,
        unit=unit,
        title="นาย",
        first_name=first_name,
        last_name="ทดสอบ",
        position=position,
    )
    if username is not None:
        user = create_account(
            username, password_hash="!", by=None, reason="test", roles=roles, person=someone
        )
        user.email = f"{username}@example.org"
        user.save(update_fields=["email"])
        someone.refresh_from_db()
    return someone


def make_world() -> World:
    province = Province.objects.create(name="อุบลราชธานี", letter_prefix="อบ", office_code="0019")
    d3401 = District.objects.create(province=province, dopa_code="3401", name="เมืองอุบลราชธานี")
    d3402 = District.objects.create(province=province, dopa_code="3402", name="ศรีเมืองใหม่")
    DistrictSize.objects.create(district=d3401, fiscal_year=2567, size="large")
    DistrictSize.objects.create(district=d3402, fiscal_year=2567, size="medium")
    info_unit = Unit.objects.create(
        province=province, name="กลุ่มงานสารสนเทศการพัฒนาชุมชน", abbreviations="ก.ง.สารสนเทศ"
    )
    coord_unit = Unit.objects.create(
        province=province, name="กลุ่มงานประสานและบริหารทั่วไป", abbreviations="กง.ประสาน"
    )
    person(province, "province", first_name="ผู้ดูแล", roles=(access.PROVINCE_ADMIN,))
    person(
        province,
        "evaluator",
        first_name="วีระพงษ์",
        roles=(access.EVALUATOR,),
        position=province.head_position,
    )
    person(province, "info", first_name="สภาวุฒิชัย", roles=(access.INDICATOR_OWNER,), unit=info_unit)
    person(province, "coord", first_name="กุลวดี", roles=(access.INDICATOR_OWNER,), unit=coord_unit)
    person(province, "viewer", first_name="ผู้ชม", roles=(access.VIEWER,))
    for district, head, staff in ((d3401, "d3401", "s3401"), (d3402, "d3402", None)):
        person(
            province,
            head,
            first_name=f"หัวหน้า{district.dopa_code}",
            roles=(access.DISTRICT_HEAD,),
            district=district,
            position=f"พัฒนาการอำเภอ{district.name}",
        )
        if staff:
            person(
                province,
                staff,
                first_name=f"เจ้าหน้าที่{district.dopa_code}",
                roles=(access.DISTRICT_STAFF,),
                district=district,
            )
    get_user_model()._default_manager.create_user("nobody", password=None)
    data = json.dumps(first_circular(), ensure_ascii=False).encode("utf-8")
    result = import_circular(
        data, "first.json", by=None, parsed=first_circular(), create_missing=True
    )
    round = result.round
    return World(
        province=province,
        d3401=d3401,
        d3402=d3402,
        info_unit=info_unit,
        coord_unit=coord_unit,
        round=round,
        team_5=Indicator.objects.get(round=round, kind="team", number=5),
        individual_8=Indicator.objects.get(round=round, kind="individual", number=8),
    )


def agreements_adding_up(world: World) -> list[Agreement]:
    """The round's agreements, with team 5 at 60 and individual 8 at 40 for everyone."""
    by = world.user("province")
    agreements = create_agreements_for_round(world.round, by=by)
    for agreement in agreements:
        weight = TEAM_WEIGHT if agreement.is_team else INDIVIDUAL_WEIGHT
        for item in agreement.items.all():
            set_item_weight(item, weight, by=by)
    return agreements
