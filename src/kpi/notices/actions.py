"""Writes to notices. Each is atomic and audited (who, why) through django-simple-history.

Issuing reuses the importer (``kpi.rounds.importing.import_circular``) on the notice's own
DOCX: the file is stored as the round's ``SourceDocument`` and each revised version is put in
force through ``kpi.rounds.actions.add_version``, which rescores the results (the workflow's
recomputation). There is no second way of creating versions.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from datetime import date as Date
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from kpi.circulars import CircularError, parse_bytes
from kpi.circulars.normalise import clean
from kpi.notices import states
from kpi.notices.content import (
    FIRST,
    REVISION,
    contract,
    earlier_circular,
    first_circular_content,
    first_difference,
    indicator_entry,
    new_content,
    references_to,
    sort_entries,
    version_dict,
)
from kpi.notices.criteria import LevelInput, build_version
from kpi.notices.errors import (
    FirstCircularExists,
    NoChange,
    NoEarlierCircular,
    NoIndicators,
    NotADraft,
    NothingToIssue,
    NoticeUnreadable,
    OtherRound,
    ReasonRequired,
    RoundNotRevisable,
    StaleOriginal,
    VersionMissing,
)
from kpi.notices.models import Notice
from kpi.notices.register import take_serial
from kpi.notices.rendering import compose, write_files
from kpi.org.audit import save_audited
from kpi.org.models import Unit
from kpi.rounds.contract import same_content
from kpi.rounds.importing import import_circular
from kpi.rounds.models import Indicator, IndicatorVersion, Round
from kpi.thai import be_year

User = AbstractBaseUser

__all__ = [
    "discard_notice",
    "edit_letter",
    "issue_first_circular",
    "issue_notice",
    "revise_in_draft",
    "revise_indicator",
    "start_revision",
    "withdraw_from_draft",
]


def _label(indicator: Indicator) -> str:
    return f"{indicator.get_kind_display()} {indicator.number}"


def _lock_round(round: Round, allowed: frozenset[str]) -> Round:
    locked = (
        Round.objects.select_for_update(of=("self",)).select_related("province").get(pk=round.pk)
    )
    if locked.status not in allowed:
        raise RoundNotRevisable(
            "round", round=f"{locked.number}/{locked.fiscal_year}", status=locked.status
        )
    return locked


def _lock_draft(notice: Notice) -> Notice:
    locked = Notice.objects.select_for_update().get(pk=notice.pk)
    if not locked.is_draft:
        raise NotADraft(None, notice=locked.number or locked.get_state_display())
    return locked


def _save(notice: Notice, *, by: User | None, reason: str, fields: list[str] | None = None) -> None:
    if fields is None:
        save_audited(notice, by=by, reason=reason)
    else:
        save_audited(notice, by=by, reason=reason, update_fields=fields)


@transaction.atomic
def start_revision(round: Round, *, by: User | None) -> Notice:
    """The round's draft revision notice: the one being written, or a new, empty one.

    A round has one draft at a time, so every revision goes into the same notice.

    Raises:
        RoundNotRevisable: the round is approved or archived.
    """
    round = _lock_round(round, states.REVISABLE)
    draft = Notice.objects.for_round(round).drafts().first()
    if draft is not None:
        return draft
    content = new_content(round, REVISION, earlier_circular(round))
    notice = Notice(
        round=round,
        kind=Notice.Kind.REVISION,
        subject=content["document"]["subject"] or "",
        recipients=content["document"]["to"] or "",
        references=content["document"]["references"],
        content=content,
        created_by=by,
    )
    _save(notice, by=by, reason="เริ่มร่างหนังสือแจ้งการปรับแก้ไขตัวชี้วัด")
    return notice


def printed_unit(unit: Unit | None, in_force: IndicatorVersion) -> str | None:
    """How the responsible unit is printed: as before when it is the same unit, else by its
    short name (which the importer finds it by)."""
    if unit is None:
        return None
    if unit.pk == in_force.responsible_unit_id and in_force.responsible_unit_text:
        return in_force.responsible_unit_text
    return unit.short_name


@transaction.atomic
def revise_in_draft(
    notice: Notice,
    indicator: Indicator,
    *,
    weight: Decimal,
    unit: Unit | None,
    contacts: Sequence[str],
    method: str,
    measure_unit: str | None,
    direction: str | None,
    criteria: dict[str | None, Sequence[LevelInput]],
    interpolation: bool | None = None,
    by: User | None,
) -> Notice:
    """Put *indicator*'s revision in the draft: its version in force as เดิม, the values given
    as แก้ไข (replacing an earlier revision of it in this draft).

    Args:
        criteria: district size (``None`` for every size) → levels 1 to 5 as typed.
        interpolation: the revised scoring mode; by default the version in force's.

    Raises:
        NotADraft, OtherRound, RoundNotRevisable, VersionMissing, NoChange, and the errors
        of ``kpi.notices.criteria.build_version`` (nothing is written).
    """
    notice = _lock_draft(notice)
    if indicator.round_id != notice.round_id:
        raise OtherRound("indicator", indicator=_label(indicator), round=str(notice.round))
    _lock_round(notice.round, states.REVISABLE)
    in_force = IndicatorVersion.objects.filter(indicator=indicator).in_force().first()
    if in_force is None:
        raise VersionMissing("indicator", indicator=_label(indicator))
    original = version_dict(in_force, "original")
    revised = build_version(
        status="revised",
        weight=weight,
        unit_text=printed_unit(unit, in_force),
        contacts=contacts,
        method=method,
        measure_unit=measure_unit,
        direction=direction,
        interpolation=in_force.interpolation if interpolation is None else interpolation,
        criteria=criteria,
    )
    if same_content(original, revised) and original["interpolation"] == revised["interpolation"]:
        raise NoChange(None, indicator=_label(indicator))
    content = copy.deepcopy(notice.content)
    others = [
        entry
        for entry in content["indicators"]
        if (entry["kind"], entry["number"]) != (indicator.kind, indicator.number)
    ]
    content["indicators"] = sort_entries([*others, indicator_entry(indicator, [original, revised])])
    notice.content = content
    _save(
        notice,
        by=by,
        reason=f"ปรับแก้ไข{indicator.get_kind_display()} ตัวชี้วัดที่ {indicator.number} ในร่าง",
        fields=["content"],
    )
    return notice


@transaction.atomic
def revise_indicator(indicator: Indicator, *, by: User | None, **values: Any) -> Notice:
    """``revise_in_draft`` into the round's draft, started when there is none; a refused
    revision leaves no empty draft behind (both happen in one transaction)."""
    notice = start_revision(indicator.round, by=by)
    return revise_in_draft(notice, indicator, by=by, **values)


@transaction.atomic
def withdraw_from_draft(notice: Notice, indicator: Indicator, *, by: User | None) -> Notice:
    """Take *indicator*'s revision out of the draft (it stays as it is in force)."""
    notice = _lock_draft(notice)
    content = copy.deepcopy(notice.content)
    key = (indicator.kind, indicator.number)
    content["indicators"] = [
        entry for entry in content["indicators"] if (entry["kind"], entry["number"]) != key
    ]
    notice.content = content
    _save(
        notice,
        by=by,
        reason=f"นำ{indicator.get_kind_display()} ตัวชี้วัดที่ {indicator.number} ออกจากร่าง",
        fields=["content"],
    )
    return notice


@transaction.atomic
def edit_letter(
    notice: Notice,
    *,
    subject: str,
    recipients: str,
    owner_unit: str | None,
    phone: str | None,
    fax: str | None,
    by: User | None,
) -> Notice:
    """Change the letter's own parts of a draft: เรื่อง, ถึง, the owner unit and telephone."""
    notice = _lock_draft(notice)
    content = copy.deepcopy(notice.content)
    document = content["document"]
    document.update(
        subject=clean(subject) or None,
        to=clean(recipients) or None,
        owner_unit=clean(owner_unit or "") or None,
        phone=clean(phone or "") or None,
        fax=clean(fax or "") or None,
    )
    notice.content = content
    notice.subject = document["subject"] or ""
    notice.recipients = document["to"] or ""
    _save(
        notice, by=by, reason="แก้ไขรายละเอียดหนังสือในร่าง", fields=["content", "subject", "recipients"]
    )
    return notice


@transaction.atomic
def discard_notice(notice: Notice, *, by: User | None, reason: str) -> Notice:
    """Discard a draft; it stays on record with *reason*.

    Raises:
        ReasonRequired: *reason* is blank.
        NotADraft: the notice was issued or discarded already.
    """
    reason = " ".join((reason or "").split())
    if not reason:
        raise ReasonRequired("reason")
    notice = _lock_draft(notice)
    notice.state = Notice.State.DISCARDED
    notice.discard_reason = reason
    _save(notice, by=by, reason=f"ยกเลิกร่าง: {reason}", fields=["state", "discard_reason"])
    return notice


@transaction.atomic
def issue_notice(notice: Notice, *, by: User | None, date: Date | None = None) -> Notice:
    """Issue a draft revision notice dated *date* (today by default).

    It takes the next number of its office's register for the date's year, cites the round's
    latest circular, is written as DOCX and PDF, and its revised versions come into force
    (results are rescored). All of it happens, or none of it.

    Raises:
        NotADraft, RoundNotRevisable, NothingToIssue, NoEarlierCircular, StaleOriginal,
        NoticeUnreadable; ``kpi.rounds.errors.ImportRefused`` should the importer refuse.
    """
    notice = _lock_draft(notice)
    round = _lock_round(notice.round, states.REVISABLE)
    if not notice.content.get("indicators"):
        raise NothingToIssue(None)
    earlier = earlier_circular(round)
    if earlier is None:
        raise NoEarlierCircular(None, round=f"{round.number}/{round.fiscal_year}")
    indicators = {
        (indicator.kind, indicator.number): indicator
        for indicator in Indicator.objects.for_round(round).with_version_in_force()
    }
    for entry in notice.content["indicators"]:
        indicator = indicators.get((entry["kind"], entry["number"]))
        in_force = indicator.version_in_force if indicator is not None else None
        if in_force is None or not same_content(
            entry["versions"][0], version_dict(in_force, "original")
        ):
            label = _label(indicator) if indicator else f"{entry['kind']} {entry['number']}"
            raise StaleOriginal(None, indicator=label)
    return _issue(notice, round, date or timezone.localdate(), earlier, by=by)


@transaction.atomic
def issue_first_circular(round: Round, *, by: User | None, date: Date | None = None) -> Notice:
    """Issue the round's first circular: every indicator with its version in force, once.

    The versions are not changed; they now name the circular as where they come from.

    Raises:
        RoundNotRevisable: the round is past opening.
        FirstCircularExists: the round has a circular already (imported or issued).
        NoIndicators, VersionMissing.
    """
    round = _lock_round(round, states.FIRST_CIRCULAR)
    earlier = earlier_circular(round)
    if earlier is not None:
        raise FirstCircularExists(
            None, round=f"{round.number}/{round.fiscal_year}", number=earlier.number or "-"
        )
    indicators = list(
        Indicator.objects.for_round(round).with_version_in_force().order_by("-kind", "number")
    )
    if not indicators:
        raise NoIndicators(None, round=f"{round.number}/{round.fiscal_year}")
    for indicator in indicators:
        if indicator.version_in_force is None:
            raise VersionMissing(None, indicator=_label(indicator))
    content = first_circular_content(round, indicators)
    notice = Notice(
        round=round,
        kind=Notice.Kind.FIRST,
        subject=content["document"]["subject"] or "",
        recipients=content["document"]["to"] or "",
        content=content,
        created_by=by,
    )
    notice = _issue(notice, round, date or timezone.localdate(), None, by=by)
    document = notice.source_document
    for indicator in indicators:
        version = indicator.version_in_force
        version.source_document = document
        version.effective_date = version.effective_date or notice.date
        save_audited(
            version,
            by=by,
            reason=f"ประกาศในหนังสือ {notice.number}",
            update_fields=["source_document", "effective_date"],
        )
    return notice


def _file_stem(number: str) -> str:
    """``อบ 0019/ว 537`` → ``อบ 0019-ว 537``: the number as a file name."""
    return number.replace("/", "-")


def _issue(notice: Notice, round: Round, date: Date, earlier: Any, *, by: User | None) -> Notice:
    year = be_year(date.year)
    register, serial = take_serial(
        round.province, year, by=by, reason=f"ออกเลขที่หนังสือ{notice.get_kind_display()}"
    )
    number = register.number(serial)
    content = copy.deepcopy(notice.content)
    content["document"].update(
        number=number, date=date.isoformat(), references=references_to(earlier)
    )
    printed = compose(content, round.province)
    docx, pdf = write_files(printed)
    _check_round_trip(docx, content)

    kind = "แจ้งการปรับแก้ไขตัวชี้วัด" if notice.kind == REVISION else "แจ้งตัวชี้วัด"
    result = import_circular(
        docx, f"{_file_stem(number)}.docx", by=by, province=round.province, parsed=content
    )
    notice.register = register
    notice.serial = serial
    notice.number = number
    notice.date = date
    notice.references = content["document"]["references"]
    notice.content = content
    notice.state = Notice.State.ISSUED
    notice.source_document = result.document
    notice.issued_by = by
    notice.issued_at = timezone.now()
    stem = f"{year}-{serial}"
    notice.docx.save(f"{stem}.docx", ContentFile(docx), save=False)
    notice.pdf.save(f"{stem}.pdf", ContentFile(pdf), save=False)
    _save(notice, by=by, reason=f"ออกหนังสือ{kind} {number}")
    return notice


def _check_round_trip(docx: bytes, content: dict[str, Any]) -> None:
    """What the districts' systems (and ``kpi parse``) read from the DOCX is the content."""
    try:
        parsed = parse_bytes(docx, "notice.docx").to_dict()
    except CircularError as error:
        raise NoticeUnreadable(None, part=error.code) from error
    part = first_difference(contract(content), parsed)
    if part is not None:
        raise NoticeUnreadable(part, part=part)


# Kept here so that callers need one import for the kinds.
__all__ += ["FIRST", "REVISION"]
