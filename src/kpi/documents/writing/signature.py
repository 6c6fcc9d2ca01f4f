"""A signature block, as the agreement form and the scorecard print it.

::

    (ลงชื่อ) ........................................
              (นายวีระพงษ์ ทดสอบ)
          พัฒนาการจังหวัดอุบลราชธานี
                  ผู้ประเมิน
          วันที่ ๑๐ เมษายน ๒๕๖๗

A name or date not known yet prints as a dotted line, to be written by hand.
"""

from dataclasses import dataclass

__all__ = ["DOTS", "SIGN_LINE", "Signature"]

DOTS = "." * 32
SIGN_LINE = f"(ลงชื่อ) {DOTS}"


@dataclass(frozen=True)
class Signature:
    """One party's signature block.

    Attributes:
        name: the signer's full name; empty when nobody is named yet.
        position: the signer's position lines.
        role: what the signer is in this document (``ผู้ประเมิน``).
        date: the date, already printed (``๑๐ เมษายน ๒๕๖๗``); empty to be written by hand.
    """

    name: str
    position: tuple[str, ...]
    role: str
    date: str = ""

    @property
    def lines(self) -> tuple[str, ...]:
        """Every line of the block, from ``(ลงชื่อ)`` to the date."""
        name = f"({self.name})" if self.name else f"({DOTS})"
        date = f"วันที่ {self.date}" if self.date else f"วันที่ {DOTS[:26]}"
        return (SIGN_LINE, name, *self.position, self.role, date)
