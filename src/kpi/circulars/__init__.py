"""Reading KPI circulars (text, HTML, DOCX) into the ``kpi-circular/1`` contract.

Pure: no Django. ``parse_path``/``parse_bytes`` return a :class:`Circular`; ``dumps`` writes
the contract's JSON; every failure is a :class:`CircularError` (see ``errors``).
"""

from kpi.circulars.errors import (
    BinaryInput,
    CircularError,
    DamagedFile,
    DuplicateLevel,
    EmptyInput,
    InvalidCircularData,
    LevelOutOfRange,
    MalformedIndicator,
    MissingLevel,
    NotACircular,
    OrphanLevel,
    UndecodableText,
    UnsupportedFormat,
)
from kpi.circulars.model import (
    SCHEMA,
    Agreement,
    Circular,
    Criterion,
    Document,
    Indicator,
    Level,
    Reference,
    Round,
    Version,
    dumps,
)
from kpi.circulars.parse import parse_bytes, parse_path

__all__ = [
    "SCHEMA",
    "Agreement",
    "BinaryInput",
    "Circular",
    "CircularError",
    "Criterion",
    "DamagedFile",
    "Document",
    "DuplicateLevel",
    "EmptyInput",
    "Indicator",
    "InvalidCircularData",
    "Level",
    "LevelOutOfRange",
    "MalformedIndicator",
    "MissingLevel",
    "NotACircular",
    "OrphanLevel",
    "Reference",
    "Round",
    "UndecodableText",
    "UnsupportedFormat",
    "Version",
    "dumps",
    "parse_bytes",
    "parse_path",
]
