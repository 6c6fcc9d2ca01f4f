"""import_circular with the seed revision notice (parsed data from the contract's JSON)."""

import copy
import hashlib
from datetime import date
from decimal import Decimal

import pytest

from kpi.documents.models import SourceDocument
from kpi.org.models import Person, Province, Unit
from kpi.rounds.errors import IndicatorMissing, RoundMissing, UnreadableCircular
from kpi.rounds.importing import import_circular, preview_import
from kpi.rounds.models import Criterion, CriterionLevel, Indicator, IndicatorVersion, Round
from tests.rounds.fixtures import SEED_NAME, first_circular, row_counts

pytestmark = pytest.mark.django_db


def import_seed(seed_bytes, seed_dict, by=None, **kwargs):
    return import_circular(seed_bytes, SEED_NAME, by=by, parsed=seed_dict, **kwargs)


def test_it_imports_the_seed_notice_into_a_new_round_when_asked(
    ubon: Province, seed_bytes, seed_dict, officer
) -> None:
    result = import_seed(seed_bytes, seed_dict, by=officer, create_missing=True)

    round = Round.objects.get()
    assert (round.province, round.fiscal_year, round.number) == (ubon, 2567, 2)
    assert (round.start, round.end) == (date(2024, 4, 1), date(2024, 9, 30))
    assert result.round == round and result.round_created
    assert Indicator.objects.count() == 2
    assert IndicatorVersion.objects.count() == 4
    in_force = IndicatorVersion.objects.in_force().order_by("indicator__number")
    assert [(v.indicator.number, v.status) for v in in_force] == [(5, "revised"), (8, "revised")]
    originals = IndicatorVersion.objects.filter(status="original")
    assert originals.count() == 2 and not originals.filter(in_force=True).exists()
    assert dict(result.created) == {
        "rounds": 1,
        "indicators": 2,
        "versions": 4,
        "criteria": 6,
        "levels": 30,
        "units": 2,
    }


def test_the_revised_individual_indicator_has_bands_per_district_size(
    ubon: Province, seed_bytes, seed_dict
) -> None:
    import_seed(seed_bytes, seed_dict, create_missing=True)

    revised = IndicatorVersion.objects.in_force().get(indicator__number=8)
    criteria = {c.district_size: c for c in revised.criteria.all()}
    assert set(criteria) == {"large", "medium", "small"}
    small = {level.level: level for level in criteria["small"].levels.all()}
    assert sorted(small) == [1, 2, 3, 4, 5]
    assert (small[3].min, small[3].max) == (Decimal("51"), Decimal("60"))
    assert (small[5].min, small[5].max) == (Decimal("71"), None)
    assert revised.measure_unit == "percent" and revised.direction == "higher"
    assert revised.weight == Decimal("5")
    original = IndicatorVersion.objects.get(indicator__number=8, status="original")
    assert [c.district_size for c in original.criteria.all()] == [None]


def test_it_stores_the_file_named_by_its_hash(ubon: Province, seed_bytes, seed_dict) -> None:
    result = import_seed(seed_bytes, seed_dict, create_missing=True)

    document = SourceDocument.objects.get()
    digest = hashlib.sha256(seed_bytes).hexdigest()
    assert result.document == document
    assert document.sha256 == digest
    assert document.file.name == f"circulars/{digest}.txt"
    assert document.file.read() == seed_bytes
    assert document.original_filename == SEED_NAME
    assert document.number == "อบ 0019/ว 536"
    assert document.kind == SourceDocument.Kind.REVISION
    assert document.parsed == seed_dict
    assert document.round == Round.objects.get()
    assert set(IndicatorVersion.objects.values_list("source_document", flat=True)) == {document.pk}


def test_the_same_file_twice_changes_nothing(ubon: Province, seed_bytes, seed_dict) -> None:
    first = import_seed(seed_bytes, seed_dict, create_missing=True)
    before = row_counts()

    again = import_seed(seed_bytes, seed_dict, create_missing=True)

    assert row_counts() == before
    assert again.already_imported and not first.already_imported
    assert again.document == first.document
    assert not again.changed


def test_it_refuses_a_notice_for_a_round_that_does_not_exist(
    ubon: Province, seed_bytes, seed_dict
) -> None:
    before = row_counts()

    with pytest.raises(RoundMissing) as refused:
        import_seed(seed_bytes, seed_dict)

    assert refused.value.code == "round_missing"
    assert "2/2567" in refused.value.message and "2/2567" in refused.value.message_th
    assert row_counts() == before


def test_it_refuses_a_notice_for_an_indicator_the_round_does_not_have(
    ubon: Province, seed_bytes, seed_dict
) -> None:
    only_team = copy.deepcopy(seed_dict)
    only_team["indicators"] = only_team["indicators"][:1]
    import_circular(b"first", "first.txt", by=None, parsed=first_circular(only_team))
    before = row_counts()

    with pytest.raises(IndicatorMissing) as refused:
        import_seed(seed_bytes, seed_dict)

    assert refused.value.code == "indicator_missing"
    assert refused.value.where == "indicators[1]"
    assert "รายบุคคล" in refused.value.message_th
    assert row_counts() == before


def test_a_notice_revises_the_round_of_a_first_circular(
    ubon: Province, seed_bytes, seed_dict, officer
) -> None:
    first = import_circular(b"first", "first.txt", by=officer, parsed=first_circular(seed_dict))
    stored = {v.indicator.number: v for v in IndicatorVersion.objects.in_force()}

    result = import_seed(seed_bytes, seed_dict, by=officer)

    assert result.round == first.round and not result.round_created
    assert Round.objects.count() == 1 and Indicator.objects.count() == 2
    assert IndicatorVersion.objects.count() == 4
    in_force = IndicatorVersion.objects.in_force()
    assert {v.status for v in in_force} == {"revised"}
    for version in stored.values():
        version.refresh_from_db()
        assert version.status == "current" and not version.in_force
    assert result.created["versions"] == 2 and result.unchanged["versions"] == 2
    assert [step.outcome for step in result.steps] == ["revised", "revised"]
    assert {w.code for w in result.warnings} == {"person_unknown"}  # no person in this test


def test_it_keeps_the_stored_original_when_the_notice_differs(
    ubon: Province, seed_bytes, seed_dict
) -> None:
    circular = first_circular(seed_dict)
    circular["indicators"][0]["versions"][0]["weight"] = 15
    import_circular(b"first", "first.txt", by=None, parsed=circular)

    result = import_seed(seed_bytes, seed_dict)

    differs = [w for w in result.warnings if w.code == "original_differs"]
    assert [w.where for w in differs] == ["indicators[0]"]
    assert IndicatorVersion.objects.filter(status="original").count() == 0
    kept = IndicatorVersion.objects.get(indicator__number=5, status="current")
    assert kept.weight == Decimal("15") and not kept.in_force


def test_a_notice_already_in_force_changes_nothing_but_the_document(
    ubon: Province, seed_bytes, seed_dict
) -> None:
    import_seed(seed_bytes, seed_dict, create_missing=True)
    versions = IndicatorVersion.objects.count()

    # The same notice retyped: other bytes, same content.
    result = import_circular(b"retyped", "retyped.txt", by=None, parsed=seed_dict)

    assert IndicatorVersion.objects.count() == versions
    assert result.created.get("versions", 0) == 0
    assert result.unchanged == {"indicators": 2, "versions": 4}
    assert SourceDocument.objects.count() == 2


def test_preview_predicts_the_import_and_writes_nothing(
    ubon: Province, seed_bytes, seed_dict
) -> None:
    before = row_counts()

    preview = preview_import(seed_bytes, SEED_NAME, parsed=seed_dict, create_missing=True)

    assert row_counts() == before
    assert preview.dry_run and preview.round is None and preview.round_key == (2567, 2)
    done = import_seed(seed_bytes, seed_dict, create_missing=True)
    assert (preview.created, preview.unchanged) == (done.created, done.unchanged)
    assert [w.code for w in preview.warnings] == [w.code for w in done.warnings]


def test_preview_refuses_what_the_import_would_refuse(ubon: Province, seed_bytes, seed_dict):
    with pytest.raises(RoundMissing):
        preview_import(seed_bytes, SEED_NAME, parsed=seed_dict)


def test_preview_of_an_imported_file_says_so(ubon: Province, seed_bytes, seed_dict) -> None:
    import_seed(seed_bytes, seed_dict, create_missing=True)
    assert preview_import(seed_bytes, SEED_NAME, parsed=seed_dict).already_imported


def test_it_matches_units_by_abbreviation_and_contacts_by_name(
    ubon: Province, seed_bytes, seed_dict
) -> None:
    info = Unit.objects.create(
        province=ubon, name="กลุ่มงานสารสนเทศการพัฒนาชุมชน", abbreviations="กง.สารสนเทศ"
    )
    contact = Person.objects.create(
        province=ubon, first_name="สภาวุฒิชัย", last_name="บุญประเสริฐศรี", unit=info
    )

    result = import_seed(seed_bytes, seed_dict, create_missing=True)

    revised = IndicatorVersion.objects.in_force().get(indicator__number=8)
    assert revised.responsible_unit == info
    assert revised.responsible_unit_text == "ก.ง.สารสนเทศ"
    assert list(revised.contact_persons.all()) == [contact]
    assert revised.history.latest().contact_persons.count() == 1  # the audit keeps them too
    assert revised.contact_names == ["สภาวุฒิชัย"]
    # กง.ประสาน is unknown: created under its abbreviation, and the import says so.
    created = Unit.objects.get(name="กง.ประสาน")
    team = IndicatorVersion.objects.in_force().get(indicator__number=5)
    assert team.responsible_unit == created
    codes = {(w.code, next(iter(w.params.values()))) for w in result.warnings}
    assert ("unit_created", "กง.ประสาน") in codes
    assert ("person_unknown", "กุลวดี") in codes
    assert Unit.objects.count() == 2


def test_the_province_comes_from_the_letter_number_or_the_argument(
    ubon: Province, seed_bytes, seed_dict
) -> None:
    other = Province.objects.create(name="ศรีสะเกษ", letter_prefix="ศก", office_code="0019")

    result = import_seed(seed_bytes, seed_dict, province=other, create_missing=True)

    assert result.round.province == other
    assert not Round.objects.filter(province=ubon).exists()


def test_history_names_the_importer_and_the_letter(ubon: Province, seed_bytes, seed_dict, officer):
    import_seed(seed_bytes, seed_dict, by=officer, create_missing=True)

    for model in (Round, Indicator, IndicatorVersion, Criterion, CriterionLevel, SourceDocument):
        records = model.history.all()
        assert records.exists()
        assert {r.history_user for r in records} == {officer}, model
        assert {r.history_change_reason for r in records} == {"นำเข้าจากหนังสือ อบ 0019/ว 536"}


def test_it_parses_the_file_when_no_parsed_data_is_given(ubon: Province, seed_bytes) -> None:
    result = import_circular(seed_bytes, SEED_NAME, by=None, create_missing=True)

    assert result.document.parsed["schema"] == "kpi-circular/1"
    assert result.round.fiscal_year == 2567
    assert Indicator.objects.count() == 2 and IndicatorVersion.objects.count() == 4


def test_it_refuses_a_file_the_parser_cannot_read(ubon: Province) -> None:
    before = row_counts()

    with pytest.raises(UnreadableCircular) as refused:
        import_circular("สวัสดีครับ".encode(), "hello.txt", by=None)

    assert refused.value.code == "unreadable_circular"
    assert refused.value.cause.code  # the parser's own code travels with it
    assert row_counts() == before


def test_the_summary_names_the_letter_the_round_and_the_counts(
    ubon: Province, seed_bytes, seed_dict
) -> None:
    preview = preview_import(seed_bytes, SEED_NAME, parsed=seed_dict, create_missing=True)
    done = import_seed(seed_bytes, seed_dict, create_missing=True)
    again = import_seed(seed_bytes, seed_dict, create_missing=True)

    assert preview.summary().startswith(
        "ตรวจสอบก่อนนำเข้า / preview: อบ 0019/ว 536 → รอบที่ 2/2567 (ใหม่ / new)"
    )
    text = done.summary()
    assert text.startswith("นำเข้าแล้ว / imported: อบ 0019/ว 536 → รอบที่ 2/2567 อุบลราชธานี")
    assert "ตัวชี้วัด / indicators 2" in text and "ระดับคะแนน / levels 30" in text
    assert again.summary().startswith("หนังสือ อบ 0019/ว 536 นำเข้าแล้ว")
