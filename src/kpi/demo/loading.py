"""The demo data set: Ubon Ratchathani, its districts and sizes, units, fictional people, and
round 2/2567 under way, imported and run the way users would.

Round 2/2567 comes from two circulars, imported in order through ``import_circular``:

1. ``data/ubon-2567-2-first.txt``, the round's first circular อบ 0019/ว 2548 of 4 June 2567.
   It is a RECONSTRUCTION made for the demo, not a real document: the seed (below) cites it,
   but only its team indicator 5 and individual indicator 8 are known (the seed's เดิม
   versions, copied exactly). Team indicators 1–4 and individual indicators 1–7 are plausible
   CDD indicators written for the demo, weighted so that a district head's team and
   individual weights make 100 (55 + 45).
2. ``data/ubon-2567-2-revision.txt``, the real revision notice อบ 0019/ว 536 (the seed, a
   byte-for-byte copy of ``tests/seeds/000_83c347e598ee7ce5.txt``), which revises those two.

Then ``reporting.run_round`` creates the agreements, opens the round and reports results in
every state (see there). Loading twice changes nothing: every row is looked up by its natural
key first, circulars are recognised by their hash, and an open round is left alone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, TypeVar

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import models, transaction

from kpi.accounts.actions import create_account
from kpi.accounts.demo import DEMO_PASSWORD, ensure_demo_accounts
from kpi.demo.reporting import run_round
from kpi.org.actions import set_district_size
from kpi.org.audit import save_audited
from kpi.org.models import District, Person, Province, Unit
from kpi.rounds.importing import ImportResult, import_circular

DATA = resources.files("kpi.demo.data")
REASON = "ข้อมูลสาธิต"
ADMIN_USERNAME = "admin"
# A demo password, printed in the README and on the login page: the demo runs on a laptop,
# never in production. Every demo account has it.
ADMIN_PASSWORD = DEMO_PASSWORD

M = TypeVar("M", bound=models.Model)


@dataclass
class DemoSummary:
    created: dict[str, int] = field(default_factory=dict)
    imports: list[ImportResult] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(self.created.values()) or any(not r.already_imported for r in self.imports)


def demo_data() -> dict[str, Any]:
    return json.loads(DATA.joinpath("ubon.json").read_text(encoding="utf-8"))


@transaction.atomic
def load_demo() -> DemoSummary:
    data = demo_data()
    summary = DemoSummary()
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
    # province, evaluator, info and d<DOPA code>, through the code path of real accounts.
    accounts = ensure_demo_accounts(province, by=admin)
    if accounts:
        summary.created["users"] = summary.created.get("users", 0) + accounts
    # The first circular creates the round; the revision notice then finds its round and
    # indicators, as when a user imports it (no create_missing).
    for circular in data["circulars"]:
        payload = DATA.joinpath(circular["file"]).read_bytes()
        summary.imports.append(import_circular(payload, circular["file"], by=admin))
    round = summary.imports[-1].round if summary.imports else None
    if round is not None:
        for key, count in run_round(round, admin=admin).items():
            summary.created[key] = summary.created.get(key, 0) + count
    return summary


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
