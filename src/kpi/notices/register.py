"""Taking the next ``/ว`` serial of an office's register (ทะเบียนหนังสือส่ง).

The register's row is locked (``SELECT … FOR UPDATE``) inside the issuing transaction and
stays locked until that transaction ends, so two notices issued at the same moment wait for
each other and never share a serial; a transaction that fails gives its serial back. The first
notice of a year creates the row: when two try at once, the database's unique constraint
refuses one, which then locks the row the other created.

The next serial is greater than every serial the office is known to have used that year:
the register's own notices and the circulars imported into the app (``SourceDocument``, the
office's first circular ว 2548 say, numbered outside the app). Both are read while the row is
locked, so a notice issued meanwhile (which is imported as a document too) is seen.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.db.models import Max

from kpi.circulars.letter_numbers import LETTER_NUMBER
from kpi.documents.models import SourceDocument
from kpi.notices.models import Notice, Register
from kpi.org.audit import save_audited
from kpi.org.models import Province
from kpi.thai import to_arabic


def _locked(province: Province, year: int) -> Register | None:
    return (
        Register.objects.select_for_update()
        .filter(letter_prefix=province.letter_prefix, office_code=province.office_code, year=year)
        .first()
    )


def imported_top(register: Register) -> int:
    """The highest ``/ว`` serial of *register*'s office and year among imported documents.

    Only circulars (``/ว``) of the same prefix and office code count: an ordinary letter's
    number (``อบ 0019/1234``) comes from another register. Which year an undated document
    belongs to is ``SourceDocumentQuerySet.in_register_year``'s rule.
    """
    office = (to_arabic(register.letter_prefix), to_arabic(register.office_code))
    top = 0
    numbers = SourceDocument.objects.in_register_year(register.year).exclude(number="")
    for number in numbers.values_list("number", flat=True):
        match = LETTER_NUMBER.search(to_arabic(number))
        if match and match["circular"] and (match["prefix"], match["code"]) == office:
            top = max(top, int(match["serial"]))
    return top


def take_serial(
    province: Province, year: int, *, by: AbstractBaseUser | None, reason: str
) -> tuple[Register, int]:
    """The register of *province*'s office for the BE calendar *year*, and its next serial.

    Call it inside the transaction that uses the serial: the register stays locked until that
    transaction commits (the serial is used) or rolls back (the serial was never given).
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("take_serial must run inside the issuing transaction")
    register = _locked(province, year)
    if register is None:
        try:
            with transaction.atomic():  # a savepoint: a lost race leaves the transaction usable
                register = Register(
                    province=province,
                    letter_prefix=province.letter_prefix,
                    office_code=province.office_code,
                    year=year,
                )
                save_audited(register, by=by, reason=reason)
        except IntegrityError:
            register = _locked(province, year)
            if register is None:  # pragma: no cover - the constraint named another row
                raise
    # A serial set back by hand in the admin must not give out a number already used, nor
    # may one the office used before the app (an imported circular).
    used = Notice.objects.filter(register=register).aggregate(top=Max("serial"))["top"] or 0
    register.last_serial = max(register.last_serial, used, imported_top(register)) + 1
    save_audited(register, by=by, reason=reason, update_fields=["last_serial"])
    return register, register.last_serial
