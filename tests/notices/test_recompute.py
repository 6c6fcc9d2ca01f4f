"""Issuing a revision rescores what districts already reported (the workflow's recompute runs
inside ``add_version``, which issuing reaches through the importer).

The story of the seed, told in the app: a round announced with indicator 8's single set of
bands, a medium district reporting 75 %, and the province revising indicator 8 into bands
per district size.
"""

import json
from datetime import date
from decimal import Decimal

import pytest

from kpi.agreements.actions import create_agreements_for_round, set_item_weight
from kpi.notices.actions import issue_notice, revise_in_draft, start_revision
from kpi.notices.criteria import LevelInput
from kpi.org.models import District
from kpi.results.actions import open_round, save_result
from kpi.results.models import LevelChange, Result
from kpi.rounds.importing import import_circular
from kpi.rounds.models import Indicator
from tests.agreements.builders import first_circular, revised_version
from tests.notices.helpers import admin, values_of


@pytest.fixture
def reported(ubon):
    """Round 1/2567 announced by a first circular (the seed's เดิม versions); 3402, a medium
    district, reports 75 %: level 3 under the single set of bands (51 - 80)."""
    circular = first_circular()
    circular["round"].update(number=1, start=None, end=None)
    data = json.dumps(circular, ensure_ascii=False).encode()
    round = import_circular(
        data, "first.json", by=admin(), province=ubon, parsed=circular, create_missing=True
    ).round
    for agreement in create_agreements_for_round(round, by=admin()):
        for item in agreement.items.all():
            set_item_weight(item, 60 if agreement.is_team else 40, by=admin())
    open_round(round, by=admin())
    item = Indicator.objects.get(round=round, kind="individual", number=8)
    result = Result.objects.get(
        item__indicator=item, district=District.objects.get(dopa_code="3402")
    )
    return save_result(result, by=None, expected_version=result.version, value="75"), item


def _seed_revision(item: Indicator) -> dict:
    """The seed's revised indicator 8 as the form sends it: bands per district size."""
    revised = revised_version("individual", 8)
    criteria = {
        c["district_size"]: [LevelInput(level["level"], level["text"]) for level in c["levels"]]
        for c in revised["criteria"]
    }
    return values_of(item, criteria=criteria, contacts=revised["responsible_persons"])


def test_the_issued_revision_rescores_the_reported_result(reported):
    result, item = reported
    assert result.level == Decimal(3)
    notice = revise_in_draft(
        start_revision(item.round, by=admin()), item, by=admin(), **_seed_revision(item)
    )
    assert Result.objects.get(pk=result.pk).level == Decimal(3)  # a draft changes nothing

    notice = issue_notice(notice, by=admin(), date=date(2024, 6, 20))

    assert Result.objects.get(pk=result.pk).level == Decimal(4)  # medium: 71 - 80
    change = LevelChange.objects.get(result=result)
    assert (change.before, change.after) == (Decimal(3), Decimal(4))
    assert change.source_document == notice.source_document
    assert notice.references == [{"number": "อบ 0019/ว 2548", "date": None}]
