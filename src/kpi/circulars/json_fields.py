"""Reading the fields of a ``kpi-circular/1`` JSON object; each error names the bad key."""

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from kpi.circulars.errors import InvalidCircularData

# Every function raises InvalidCircularData when the value at *key* has the wrong type.

__all__ = [
    "choice_field",
    "date_field",
    "decimal_field",
    "int_field",
    "list_field",
    "mapping_field",
    "required_int_field",
    "text_field",
]


def mapping_field(data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    """The object at *key* (``{}`` when absent or null)."""
    value = data.get(key)
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise InvalidCircularData(detail=f"{key} must be an object")
    return value


def list_field(data: Mapping[str, Any], key: str, *, of_objects: bool = True) -> Sequence[Any]:
    """The list at *key* (``[]`` when absent or null); its items objects unless told not."""
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list | tuple):
        raise InvalidCircularData(detail=f"{key} must be a list")
    for item in value:
        if of_objects and not isinstance(item, Mapping):
            raise InvalidCircularData(detail=f"each item of {key} must be an object")
    return value


def text_field(data: Mapping[str, Any], key: str) -> str | None:
    """The string or null at *key*."""
    value = data.get(key)
    if value is None or isinstance(value, str):
        return value
    raise InvalidCircularData(detail=f"{key} must be a string or null")


def int_field(data: Mapping[str, Any], key: str) -> int | None:
    """The integer or null at *key* (an integral ``Decimal`` counts)."""
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise InvalidCircularData(detail=f"{key} must be an integer or null")
    if value != int(value):
        raise InvalidCircularData(detail=f"{key} must be an integer or null")
    return int(value)


def required_int_field(data: Mapping[str, Any], key: str) -> int:
    """The integer at *key*, which must be present."""
    value = int_field(data, key)
    if value is None:
        raise InvalidCircularData(detail=f"{key} is required")
    return value


def decimal_field(data: Mapping[str, Any], key: str) -> Decimal | None:
    """The number at *key* as a ``Decimal`` built from its text (``69.99`` stays exact)."""
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal | str):
        raise InvalidCircularData(detail=f"{key} must be a number or null")
    try:
        number = value if isinstance(value, Decimal) else Decimal(str(value))
    except InvalidOperation:
        raise InvalidCircularData(detail=f"{key} must be a number or null") from None
    if not number.is_finite():
        raise InvalidCircularData(detail=f"{key} must be a finite number")
    return number


def date_field(data: Mapping[str, Any], key: str) -> dt.date | None:
    """The ISO date (``2024-06-04``) or null at *key*."""
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidCircularData(detail=f"{key} must be an ISO date or null")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidCircularData(detail=f"{key} must be an ISO date, not {value!r}") from None


def choice_field(
    data: Mapping[str, Any], key: str, choices: tuple[str, ...], *, optional: bool = False
) -> str | None:
    """One of *choices* at *key* (or null when *optional*)."""
    value = data.get(key)
    if value is None and optional:
        return None
    if value not in choices:
        raise InvalidCircularData(detail=f"{key} must be one of {', '.join(choices)}")
    return str(value)
