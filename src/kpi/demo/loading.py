"""The demo data set: Ubon Ratchathani, its districts and sizes, units, fictional people and
their accounts, round 2/2567 under way and round 1/2567 approved, imported and run the way
users would.

The circulars listed in ``ubon.json`` are imported in order through ``import_circular``:

1. ``data/ubon-2567-2-first.txt``, round 2's first circular อบ 0019/ว 2548 of 4 June 2567.
   It is a RECONSTRUCTION made for the demo, not a real document: the seed (below) cites it,
   but only its team indicator 5 and individual indicator 8 are known (the seed's เดิม
   versions, copied exactly). Team indicators 1–4 and individual indicators 1–7 are plausible
   CDD indicators written for the demo, weighted so that a district head's team and
   individual weights make 100 (55 + 45).
2. ``data/ubon-2567-2-revision.txt``, the real revision notice อบ 0019/ว 536 (the seed, a
   byte-for-byte copy of ``tests/seeds/000_83c347e598ee7ce5.txt``), which revises those two.
3. ``data/ubon-2567-1-first.txt``, round 1's first circular อบ 0019/ว 4512 of 17 October 2566,
   written for the demo (4 team and 4 individual indicators, 60 + 40).

Round 2 is imported first although it is the later round: rows get their keys in that order,
so code that takes "the demo's first round, result or indicator" by key keeps finding round 2.

Then each round of ``rounds`` is run by its story: ``under_way`` (``reporting.run_round``:
agreements, the round opened, results in every state) and ``approved`` (``approved.
run_approved_round``: every result approved, the round approved and its results locked).
Everything is dated inside its round (``kpi.demo.clock``); the province, its people and
accounts are dated ``setup``, before round 1. Loading twice changes nothing: every row is
looked up by its natural key first, circulars are recognised by their hash, and a round that
is no longer a draft is left alone.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import models, transaction
from django.utils import timezone

from kpi.accounts.actions import create_account
from kpi.accounts.demo import DEMO_PASSWORD, ensure_demo_accounts
from kpi.accounts.models import AccountEvent
from kpi.demo.approved import run_approved_round
from kpi.demo.clock import at
from kpi.demo.dataset import DATA, demo_data
from kpi.demo.reporting import run_round
from kpi.documents.models import SourceDocument
from kpi.org.actions import set_district_size
from kpi.org.audit import save_audited
from kpi.org.models import District, Person, Province, Unit
from kpi.rounds.importing import ImportResult, import_circular, parse_circular
from kpi.rounds.models import Round

__all__ = ["ADMIN_PASSWORD", "ADMIN_USERNAME", "DATA", "DemoSummary", "demo_data", "load_demo"]

REASON = "ข้อมูลสาธิต"
ADMIN_USERNAME = "admin"
# A demo password, printed in the README and on the login page: the demo runs on a laptop,
# never in production. Every demo account has it.
ADMIN_PASSWORD = DEMO_PASSWORD
STORIES: dict[str, Callable[..., dict[str, int]]] = {
    "under_way": run_round,
    "approved": run_approved_round,
}

M = TypeVar("M", bound=models.Model)


@dataclass
class DemoSummary:
    created: dict[str, int] = field(default_factory=dict)
    imports: list[ImportResult] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(self.created.values()) or any(not r.already_imported for r in self.imports)

    def add(self, counts: dict[str, int]) -> None:
        for key, count in counts.items():
            self.created[key] = self.created.get(key, 0) + count


@transaction.atomic
def load_demo(*, rounds: Collection[tuple[int, int]] | None = None) -> DemoSummary:
    """Load the demo (what exists already is left as it is).

    Args:
        rounds: only these rounds, as (fiscal year, number): their circulars are imported and
            their stories run, the others' not. None: every round of ``ubon.json``.
    """
    data = demo_data()
    summary = DemoSummary()
    started = timezone.now()
    with at(_when(data["setup"])) as setup:
        admin, province = _organisation(data, summary)
    # The first circulars create the rounds; the revision notice then finds its round and
    # indicators, as when a user imports it (no create_missing).
    for circular in data["circulars"]:
        payload = DATA.joinpath(circular["file"]).read_bytes()
        parsed = parse_circular(payload, circular["file"])
        if rounds is not None and _round_key(parsed["round"]) not in rounds:
            continue
        with at(_when(circular["imported"])) as imported:
            result = import_circular(payload, circular["file"], by=admin, parsed=parsed)
        if not result.already_imported and result.document is not None:
            # ``imported_at`` defaults to the function timezone.now, which the clock misses.
            SourceDocument.objects.filter(pk=result.document.pk).update(imported_at=imported)
        summary.imports.append(result)
    for story in data.get("rounds", []):
        if rounds is not None and _round_key(story) not in rounds:
            continue
        round = Round.objects.filter(
            province=province, fiscal_year=story["fiscal_year"], number=story["number"]
        ).first()
        if round is not None:
            summary.add(STORIES[story["story"]](round, admin=admin))
    _date_accounts(started, setup)
    return summary


def _organisation(data: dict[str, Any], summary: DemoSummary) -> tuple[AbstractBaseUser, Province]:
    """The province, its districts and their sizes, units, people and accounts."""
    admin = _admin(summary)
    province = _ensure(
        summary,
        Province,
        {"letter_prefix": data["province"]["letter_prefix"]},
        {**data["province"], "is_demo": True},
        by=admin,
    )
    districts: dict[str, District] = {}
    for row in data["districts"]:
        districts[row["dopa_code"]] = _ensure(
            summary,
            District,
            {"dopa_code": row["dopa_code"]},
            {"province": province, "name": row["name"]},
            by=admin,
        )
        set_district_size(
            districts[row["dopa_code"]],
            data["size_fiscal_year"],
            row["size"],
            by=admin,
            reason=REASON,
        )
    units = {
        row["name"]: _ensure(
            summary,
            Unit,
            {"province": province, "name": row["name"]},
            {"abbreviations": "\n".join(row["abbreviations"])},
            by=admin,
        )
        for row in data["units"]
    }
    for row in data["provincial_people"]:
        _person(summary, province, row, unit=units.get(row["unit"]), by=admin)
    for row in data["district_heads"]:
        district = districts[row["dopa_code"]]
        head = {**row, "position": f"พัฒนาการอำเภอ{district.name}"}
        _person(summary, province, head, district=district, by=admin)
    for row in data.get("district_staff", []):
        _person(summary, province, row, district=districts[row["dopa_code"]], by=admin)
    # The accounts ubon.json names and d<DOPA code>, through the code path of real accounts.
    summary.add({"users": ensure_demo_accounts(province, by=admin, accounts=data["accounts"])})
    return admin, province


def _round_key(round: dict[str, Any]) -> tuple[int, int]:
    return (int(round["fiscal_year"]), int(round["number"]))


def _when(text: str) -> datetime:
    return timezone.make_aware(datetime.fromisoformat(text))


def _date_accounts(started: datetime, setup: datetime) -> None:
    """Accounts made by this load are dated ``setup`` too: ``date_joined`` and the account
    event default to the function ``timezone.now``, which the clock misses."""
    made = get_user_model()._default_manager.filter(date_joined__gte=started)
    AccountEvent.objects.filter(
        user__in=made, kind=AccountEvent.Kind.CREATED, time__gte=started
    ).update(time=setup)
    made.update(date_joined=setup)


def _admin(summary: DemoSummary) -> AbstractBaseUser:
    user_model = get_user_model()
    admin = user_model.objects.filter(username=ADMIN_USERNAME).first()
    if admin is None:
        admin = create_account(
            ADMIN_USERNAME, password=ADMIN_PASSWORD, by=None, reason=REASON, superuser=True
        )
        summary.created["users"] = summary.created.get("users", 0) + 1
    return admin


def _person(
    summary: DemoSummary,
    province: Province,
    row: dict[str, Any],
    *,
    by: AbstractBaseUser,
    district: District | None = None,
    unit: Unit | None = None,
) -> Person:
    return _ensure(
        summary,
        Person,
        {"province": province, "first_name": row["first_name"], "last_name": row["last_name"]},
        {
            "title": row["title"],
            "position": row["position"],
            "district": district,
            "unit": unit,
        },
        by=by,
    )


def _ensure(
    summary: DemoSummary,
    model: type[M],
    lookup: dict[str, Any],
    defaults: dict[str, Any],
    *,
    by: AbstractBaseUser,
) -> M:
    """The row matching *lookup*, created with *defaults* (audited) when missing; an existing
    row is left as it is, edits included."""
    found = model._default_manager.filter(**lookup).first()
    if found is not None:
        return found
    obj = model(**lookup, **{k: v for k, v in defaults.items() if k not in lookup})
    save_audited(obj, by=by, reason=REASON)
    key = model._meta.model_name
    summary.created[key] = summary.created.get(key, 0) + 1
    return obj
