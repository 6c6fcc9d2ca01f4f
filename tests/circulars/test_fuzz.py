"""Mutated circulars only ever give a Circular or a CircularError, never another exception."""

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kpi.circulars import Circular, CircularError, parse_bytes

SEED = Path(__file__).parent.parent / "seeds" / "000_83c347e598ee7ce5.txt"
FIXTURES = Path(__file__).parent / "fixtures"
SOURCES = [SEED.read_bytes()] + [
    path.read_bytes()
    for path in sorted(FIXTURES.glob("*"))
    if path.is_file() and not path.name.endswith((".json", ".md"))
]
THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """One source with a few line- and byte-level mutations applied."""
    data = draw(st.sampled_from(SOURCES))
    for _ in range(draw(st.integers(1, 4))):
        operation = draw(
            st.sampled_from(["delete", "duplicate", "swap", "insert", "truncate", "digits"])
        )
        lines = data.split(b"\n")
        at = draw(st.integers(0, max(len(lines) - 1, 0)))
        if operation == "delete" and len(lines) > 1:
            del lines[at]
        elif operation == "duplicate":
            lines.insert(at, lines[at])
        elif operation == "swap" and len(lines) > 1:
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        elif operation == "digits":
            text = lines[at].decode("utf-8", errors="ignore")
            shuffled = draw(st.permutations(list(THAI_DIGITS + "0123456789")))
            table = str.maketrans(THAI_DIGITS + "0123456789", "".join(shuffled))
            lines[at] = text.translate(table).encode()
        data = b"\n".join(lines)
        if operation == "insert":
            position = draw(st.integers(0, len(data)))
            data = data[:position] + draw(st.binary(min_size=1, max_size=16)) + data[position:]
        elif operation == "truncate":
            data = data[: draw(st.integers(0, len(data)))]
    return data


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(mutated())
def test_mutated_circulars_give_a_circular_or_a_circular_error(data: bytes) -> None:
    try:
        result = parse_bytes(data, "mutated")
    except CircularError as error:
        assert error.code and error.message
    else:
        assert isinstance(result, Circular)
