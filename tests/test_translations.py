"""Both catalogues are complete and compiled.

UI strings are Thai msgids that the English catalogue translates; the pure packages' error
templates are English msgids that the Thai catalogue translates (see scripts/messages.sh).
"""

import ast
import gettext
import re
from pathlib import Path

import pytest

LOCALE = Path(__file__).parent.parent / "src" / "kpi" / "locale"
THAI = re.compile(r"[\u0e00-\u0e7f]")


def read_po(path: Path) -> dict[str, str]:
    """msgid → msgstr of a PO file (plural forms keep their first msgstr; fuzzy ones count as
    untranslated, as msgfmt leaves them out)."""
    entries: dict[str, str] = {}
    msgid = msgstr = context = None
    field = None
    fuzzy = False

    def flush() -> None:
        if msgid:  # the header has an empty msgid
            # gettext keys an entry with a context (pgettext) as "context\x04msgid".
            key = f"{context}\x04{msgid}" if context is not None else msgid
            entries[key] = "" if fuzzy else (msgstr or "")

    for raw in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        line = raw.strip()
        if not line:
            flush()
            msgid = msgstr = context = field = None
            fuzzy = False
        elif line.startswith("#,") and "fuzzy" in line:
            fuzzy = True
        elif line.startswith("#"):
            continue
        elif line.startswith("msgctxt "):
            context, field = ast.literal_eval(line[8:]), "msgctxt"
        elif line.startswith(("msgid ", "msgid_plural ")):
            if line.startswith("msgid "):
                msgid, field = ast.literal_eval(line[6:]), "msgid"
        elif line.startswith(("msgstr ", "msgstr[0] ")):
            msgstr, field = ast.literal_eval(line.split(" ", 1)[1]), "msgstr"
        elif line.startswith("msgstr["):
            field = None
        elif line.startswith('"') and field == "msgid":
            msgid += ast.literal_eval(line)
        elif line.startswith('"') and field == "msgstr":
            msgstr += ast.literal_eval(line)
    return entries


@pytest.mark.parametrize("language", ["th", "en"])
def test_the_compiled_catalogue_matches_its_source(language: str) -> None:
    folder = LOCALE / language / "LC_MESSAGES"
    with (folder / "django.mo").open("rb") as compiled:
        catalogue = gettext.GNUTranslations(compiled)._catalog  # type: ignore[attr-defined]
    for msgid, msgstr in read_po(folder / "django.po").items():
        if msgstr:
            # gettext keys a plural entry by (msgid, 0), a singular one by its msgid.
            compiled = catalogue.get(msgid, catalogue.get((msgid, 0)))
            assert compiled == msgstr, f"{language}: run `make messages` ({msgid!r})"


def test_every_english_message_has_its_thai() -> None:
    entries = read_po(LOCALE / "th" / "LC_MESSAGES" / "django.po")
    missing = [m for m, s in entries.items() if not THAI.search(m) and not THAI.search(s)]
    assert missing == []


def test_every_thai_message_has_its_english() -> None:
    entries = read_po(LOCALE / "en" / "LC_MESSAGES" / "django.po")
    missing = [m for m, s in entries.items() if THAI.search(m) and (not s or THAI.search(s))]
    assert missing == []
