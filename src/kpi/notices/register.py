"""Taking the next ``/ว`` serial of an office's register (ทะเบียนหนังสือส่ง).

The register's row is locked (``SELECT … FOR UPDATE``) inside the issuing transaction and
stays locked until that transaction ends, so two notices issued at the same moment wait for
each other and never share a serial; a transaction that fails gives its serial back. The first
notice of a year creates the row: when two try at once, the database's unique constraint
refuses one, which then locks the row the other created.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.db.models import Max

from kpi.notices.models import Notice, Register
from kpi.org.audit import save_audited
from kpi.org.models import Province


def _locked(province: Province, year: int) -> Register | None:
    return (
        Register.objects.select_for_update()
        .filter(letter_prefix=province.letter_prefix, office_code=province.office_code, year=year)
        .first()
    )


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
    # A serial set back by hand in the admin must not give out a number already used.
    used = Notice.objects.filter(register=register).aggregate(top=Max("serial"))["top"] or 0
    register.last_serial = max(register.last_serial, used) + 1
    save_audited(register, by=by, reason=reason, update_fields=["last_serial"])
    return register, register.last_serial
