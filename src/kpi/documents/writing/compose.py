"""From ``kpi-circular/1`` data to the printed parts of a notice."""

import dataclasses
import json
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from kpi.circulars.model import Circular
from kpi.documents.writing.attachment import compose_tables
from kpi.documents.writing.body import is_revision
from kpi.documents.writing.errors import UnreadableInput
from kpi.documents.writing.letter import compose_letter
from kpi.documents.writing.parts import Notice, NoticeOptions
from kpi.documents.writing.wording import Numerals

__all__ = ["compose_notice", "read_json"]


def read_json(data: bytes) -> dict[str, Any]:
    """The JSON object in *data*, numbers as ``Decimal`` (no float on the way to the page).

    Raises:
        UnreadableInput: *data* is not UTF-8 JSON (``where`` gives line and column).
    """
    try:
        loaded = json.loads(data.decode("utf-8-sig"), parse_float=Decimal)
    except UnicodeDecodeError as error:
        raise UnreadableInput(detail=f"not UTF-8 ({error.reason})") from None
    except json.JSONDecodeError as error:
        raise UnreadableInput(
            f"line {error.lineno} column {error.colno}", detail=error.msg
        ) from None
    if not isinstance(loaded, dict):
        raise UnreadableInput(detail="expected a JSON object")
    return loaded


def _body_of(data: Mapping[str, Any]) -> tuple[str, ...] | None:
    """``document.body`` when the data carries one (a string or a list of paragraphs).

    ``kpi-circular/1`` has no body; an application that stores the office's own wording may
    add it, and the notice then prints it instead of the body written from the data.
    """
    document = data.get("document")
    body = document.get("body") if isinstance(document, Mapping) else None
    if isinstance(body, str) and body.strip():
        return (body.strip(),)
    if isinstance(body, list) and all(isinstance(p, str) for p in body) and body:
        return tuple(p.strip() for p in body if p.strip())
    return None


def _title(circular: Circular, numerals: Numerals) -> str:
    if circular.document.subject:
        return numerals(circular.document.subject)
    what = "แจ้งการปรับแก้ไขตัวชี้วัด" if is_revision(circular) else "แจ้งตัวชี้วัด"
    return " ".join(filter(None, (what, numerals.round_phrase(circular.round))))


def compose_notice(
    circular: Circular | Mapping[str, Any], options: NoticeOptions | None = None
) -> Notice:
    """The notice of *circular*: its letter and the attachment's tables.

    Args:
        circular: a parsed :class:`Circular` or the contract's JSON object (as loaded by
            :func:`read_json`); an object's ``document.body``, if any, is used as the body.
        options: what the office adds (digits, address, signer, emblem, body).

    Raises:
        InvalidCircularData: *circular* is a mapping that is not ``kpi-circular/1``.
    """
    options = options or NoticeOptions()
    if isinstance(circular, Mapping):
        body = _body_of(circular)
        if options.body is None and body is not None:
            options = dataclasses.replace(options, body=body)
        circular = Circular.from_dict(circular)
    numerals = Numerals(options.thai_digits)
    return Notice(
        title=_title(circular, numerals),
        letter=compose_letter(circular, options),
        tables=compose_tables(circular, numerals),
        thai_digits=options.thai_digits,
    )
