"""The contract's normalisation of every string the parser outputs.

Thai digits become Arabic, whitespace runs (tabs, NBSP, line breaks) become one space, strings
are trimmed, and spelling artefacts of PDF-extracted Thai are repaired: nikhahit + sara aa
(``ํา``) becomes sara am (``ำ``), zero-width characters go. The Thai repairs are PyThaiNLP's
``normalize`` (already imported by ``kpi.thai``, so it adds nothing to the CLI's start-up);
it also merges doubled vowels (``เเ`` → ``แ``) and drops tone marks stranded after a space,
which are likewise extraction artefacts, never intended text.
"""

import re
import unicodedata

from pythainlp.util import normalize as thai_normalize

from kpi.thai import to_arabic

__all__ = ["clean", "split_lines"]

# \s covers NBSP and the Unicode spaces; the rest are invisible characters that Word and PDF
# extraction leave behind (BOM, soft hyphen, word joiner, zero-width joiners).
_INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u00ad\u2060\u200b\u200c\u200d"), None)
_SPACES = re.compile(r"\s+")
_LINE_BREAKS = re.compile(r"\r\n|[\r\n\v\x85\u2028\u2029]")


def _drop_controls(text: str) -> str:
    # C0/C1 control characters other than whitespace never belong in a value; a damaged or
    # mis-decoded file can contain them.
    return "".join(
        ch for ch in text if ch.isspace() or unicodedata.category(ch) not in ("Cc", "Cs")
    )


def clean(text: str) -> str:
    """Normalise one value: Arabic digits, single spaces, trimmed, Thai artefacts repaired.

    ``"ที่  อบ ๐๐๑๙/ว\\u00a0๕๓๖ "`` → ``"ที่ อบ 0019/ว 536"``; ``"กําหนด"`` → ``"กำหนด"``.
    """
    text = _drop_controls(text.translate(_INVISIBLE))
    text = _SPACES.sub(" ", to_arabic(text)).strip()
    if not text:
        return ""
    # PyThaiNLP collapses spaces but not tabs or newlines, which are gone by now.
    return thai_normalize(text)


def split_lines(text: str) -> list[str]:
    """Split *text* at hard line breaks (``\\n``, ``\\r\\n``, ``\\r``, U+2028 …).

    Form feeds (``\\f``, page breaks in ``pdftotext`` output) are kept for the caller.
    """
    return _LINE_BREAKS.split(text)
