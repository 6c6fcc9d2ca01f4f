"""Repairs the text layer of WeasyPrint's PDFs for Thai, so officers can search and copy.

Why it is wrong. HarfBuzz's Thai shaper (``hb-ot-shaper-thai.cc``) draws SARA AM (``ำ``,
U+0E33) as two glyphs, NIKHAHIT (U+0E4D) then SARA AA (U+0E32), and moves NIKHAHIT in front
of a tone mark before it (``น้ำ`` is drawn น ํ ้ า; Sarabun even has a NIKHAHIT+tone ligature,
``uni0E4D0E49``). One character, several glyphs: a cluster. WeasyPrint 70
(``draw/text.py``) writes a glyph's ToUnicode entry the first time it draws the glyph, as the
text from the glyph's cluster offset to the next glyph's; every glyph of a cluster but the
last gets ``""`` and the last gets the whole cluster. So NIKHAHIT maps to nothing and
``ความสำเร็จ`` reads ``ความสาเร็จ`` (the CEO's measurement, with Sarabun and Laksaman alike); if
the first SARA AA drawn belonged to a ``ำ``, every ``า`` reads ``ำ`` (``สำนักงำน``); a consonant
first met inside a merged cluster reads as nothing everywhere.

Why ToUnicode alone cannot fix it. A ToUnicode CMap maps each glyph to text, whatever its
neighbours: SARA AA must read ``า`` alone and nothing after NIKHAHIT. PDF's answer for such
clusters is marked content with ``/ActualText`` (ISO 32000-1, 14.9.4), which poppler
(pdftotext, most Linux viewers) and Acrobat honour; Chromium's PDF backend (Skia) writes it
for every cluster drawn by more than one glyph, which is why its print-out of the same page
reads correctly.

What :func:`repair_text_layer` does, as a WeasyPrint ``finisher`` (after the pages are drawn,
before the file is written):

1. ToUnicode: each glyph used maps to the character the font's own ``cmap`` gives it, else to
   its glyph name read by the Adobe Glyph List (``uni0E4D0E49`` → ``ํ้``), else to the text of
   the glyph a single substitution made it from (``yoYingthai.less`` → ``ญ``), else to what
   WeasyPrint wrote.
2. Content streams: as Skia does, each cluster drawn by more than one glyph (a base and its
   combining marks, plus the SARA AA of a decomposed ``ำ``) is wrapped in
   ``/Span <</ActualText …>> BDC … EMC`` with its logical text: the glyphs' texts with
   NIKHAHIT … SARA AA put back as ``ำ`` after the marks (the only reordering HarfBuzz's Thai
   shaper does). Marks raised or shifted left no longer confuse an extractor's reading order
   (without spans pdftotext reads ``ส่ง`` as ``สง่``). Extractors that ignore ActualText still
   get each glyph's own character, ``ํา`` for ``ำ`` (the same text under NFKC).

The content streams it edits are WeasyPrint's own (``[<gid…> kern …] TJ`` items of pydyf
streams, ``Tf`` and ``Ts`` between them), not arbitrary PDF. The tests check the result with
``pdftotext``. It reads WeasyPrint's font objects (``Document.fonts``: ``hash``, ``name``,
``to_unicode``, ``hb_face``): a WeasyPrint upgrade is checked by the same tests.
"""

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from io import BytesIO
from typing import Any

import pydyf  # type: ignore[import-untyped]
from fontTools import agl  # type: ignore[import-untyped]
from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

__all__ = ["glyph_texts", "repair_text_layer"]

NIKHAHIT, SARA_AA, SARA_AM = "\u0e4d", "\u0e32", "\u0e33"
_MARKS = frozenset(("Mn", "Mc", "Me"))
# HarfBuzz's output for SARA AM: NIKHAHIT moved before the above-base marks, then SARA AA.
_DECOMPOSED_AM = re.compile("\u0e4d([\u0e31\u0e34-\u0e37\u0e47-\u0e4c\u0e4e]*)\u0e32")
_TF = re.compile(rb"^/(\S+) \S+ Tf$")
_TOKEN = re.compile(rb"<([0-9a-fA-F]*)>|([-+]?[0-9.]+(?:[eE][-+]?\d+)?)")


# --- glyph → text ---------------------------------------------------------------------------


def _single_substitutions(font: TTFont) -> Iterator[tuple[str, str]]:
    """``(input, output)`` glyph names of the font's single and alternate substitutions."""
    if "GSUB" not in font or font["GSUB"].table.LookupList is None:
        return
    for lookup in font["GSUB"].table.LookupList.Lookup:
        for subtable in lookup.SubTable:
            if lookup.LookupType == 7:  # extension: the real subtable is inside
                subtable = subtable.ExtSubTable
            if subtable.LookupType == 1:
                yield from subtable.mapping.items()
            elif subtable.LookupType == 3:
                for source, alternates in subtable.alternates.items():
                    yield from ((source, alternate) for alternate in alternates)


@lru_cache(maxsize=16)
def _font_texts(data: bytes, index: int) -> dict[int, str]:
    font = TTFont(BytesIO(data), fontNumber=index, lazy=True)
    order = font.getGlyphOrder()
    by_name: dict[str, str] = {}
    for codepoint, name in sorted(font.getBestCmap().items()):
        by_name.setdefault(name, chr(codepoint))
    for name in order:
        if name not in by_name and name != ".notdef" and (text := agl.toUnicode(name)):
            by_name[name] = text
    # Alternates of alternates: repeat until nothing new is learnt.
    pairs = list(_single_substitutions(font))
    learnt = True
    while learnt:
        learnt = False
        for source, output in pairs:
            if output not in by_name and source in by_name:
                by_name[output] = by_name[source]
                learnt = True
    return {gid: by_name[name] for gid, name in enumerate(order) if name in by_name}


def glyph_texts(data: bytes, index: int = 0) -> dict[int, str]:
    """The text each glyph of the font file *data* stands for, by glyph id.

    From the ``cmap`` first, then Adobe Glyph List names, then single substitutions; glyphs
    none of them explains are absent. Cached per font file.
    """
    return _font_texts(data, index)


# --- content streams ------------------------------------------------------------------------


@dataclass
class _Glyph:
    item: int  # index of the TJ item in the stream
    piece: int  # index of the glyph among the item's pieces
    font: str
    text: str


def _pieces(item: bytes) -> list[bytes]:
    """A ``TJ`` item's glyphs (one per 4-digit hex code) and positioning numbers, in order.

    ``[<00010002>-12<>3<0003>] TJ`` → ``<0001>``, ``<0002>``, ``-12``, ``<>``, ``3``, ``<0003>``.
    """
    pieces = []
    for match in _TOKEN.finditer(item[1 : item.rindex(b"]")]):
        if match[2] is not None:
            pieces.append(match[2])
        elif not match[1]:
            pieces.append(b"<>")
        else:
            hexa = match[1]
            pieces.extend(b"<" + hexa[i : i + 4] + b">" for i in range(0, len(hexa), 4))
    return pieces


def _is_glyph(piece: bytes) -> bool:
    return piece.startswith(b"<") and piece != b"<>"


def _glyphs(stream: list[Any], texts: dict[str, dict[int, str]]) -> Iterator[_Glyph]:
    font = ""
    for index, item in enumerate(stream):
        if not isinstance(item, bytes):
            continue
        if match := _TF.match(item):
            font = match[1].decode("latin-1")
        elif _shows_text(item) and font in texts:
            for position, piece in enumerate(_pieces(item)):
                if _is_glyph(piece):
                    gid = int(piece[1:-1], 16)
                    yield _Glyph(index, position, font, texts[font].get(gid, ""))


def _joins(glyph: _Glyph, font: str) -> bool:
    """A combining mark of the same font: part of the cluster before it."""
    text = glyph.text
    return (
        glyph.font == font and bool(text) and all(unicodedata.category(c) in _MARKS for c in text)
    )


def logical_text(shaped: str) -> str:
    """The characters a cluster's glyph texts stand for: NIKHAHIT, marks, SARA AA → marks, ำ.

    >>> logical_text("\u0e19\u0e4d\u0e49\u0e32") == "น้ำ"
    True
    """
    return _DECOMPOSED_AM.sub(lambda match: match[1] + SARA_AM, shaped)


def _clusters(glyphs: list[_Glyph]) -> Iterator[tuple[int, int, str]]:
    """``(first, last, actual text)`` of each cluster drawn by more than one glyph.

    A cluster is a glyph and the combining marks drawn after it, in one font, plus the SARA
    AA that ends a decomposed ``ำ``.
    """
    first = 0
    while first < len(glyphs):
        font = glyphs[first].font
        last = first
        while last + 1 < len(glyphs) and _joins(glyphs[last + 1], font):
            last += 1
        drawn = "".join(glyph.text for glyph in glyphs[first : last + 1])
        following = glyphs[last + 1] if last + 1 < len(glyphs) else None
        if NIKHAHIT in drawn and following and following.font == font and following.text == SARA_AA:
            last += 1
        if last > first:
            shaped = "".join(glyph.text for glyph in glyphs[first : last + 1])
            yield first, last, logical_text(shaped)
        first = last + 1


def _actual_text(text: str) -> bytes:
    return (
        b"/Span <</ActualText <FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">>> BDC"
    )


def _tj(pieces: Iterable[bytes]) -> bytes:
    return b"[" + b"".join(pieces) + b"] TJ"


def _span_end(stream: list[Any], item: int, piece: int) -> tuple[int, int]:
    """Where a span ending with the glyph at (*item*, *piece*) closes: after the positioning
    numbers that follow the glyph, so the span's width is the cluster's advance (a mark's
    negative offset would otherwise end it inside its base and extractors see a gap).

    WeasyPrint draws a raised mark in a ``TJ`` of its own between ``Ts`` operators: the
    numbers then open the next ``TJ``, which the span may reach across ``Ts`` only.
    """
    pieces = _pieces(stream[item])
    end = piece
    while end + 1 < len(pieces) and not _is_glyph(pieces[end + 1]):
        end += 1
    if end + 1 < len(pieces):
        return item, end
    following = item + 1
    while following < len(stream) and _sets_rise(stream[following]):
        following += 1
    if following < len(stream) and following > item + 1 and _shows_text(stream[following]):
        pieces = _pieces(stream[following])
        if pieces and not _is_glyph(pieces[0]):
            end = 0
            while end + 1 < len(pieces) and not _is_glyph(pieces[end + 1]):
                end += 1
            return following, end
    return item, end


def _shows_text(item: Any) -> bool:
    """A ``[…] TJ`` item."""
    return isinstance(item, bytes) and item.startswith(b"[") and item.endswith(b"] TJ")


def _sets_rise(item: Any) -> bool:
    """A ``… Ts`` item (text rise, how WeasyPrint raises a mark)."""
    return isinstance(item, bytes) and item.endswith(b" Ts")


def _mark(stream: list[Any], texts: dict[str, dict[int, str]]) -> list[Any]:
    """*stream* with each multi-glyph cluster inside an ActualText span."""
    glyphs = list(_glyphs(stream, texts))
    before: dict[tuple[int, int], bytes] = {}  # (item, piece) → operator put before it
    after: dict[tuple[int, int], bytes] = {}  # (item, piece) → operator put after it
    for first, last, text in _clusters(glyphs):
        before[glyphs[first].item, glyphs[first].piece] = _actual_text(text)
        after[_span_end(stream, glyphs[last].item, glyphs[last].piece)] = b"EMC"
    if not before:
        return stream
    edited = {item for item, _ in (*before, *after)}
    result: list[Any] = []
    for index, item in enumerate(stream):
        if index not in edited:
            result.append(item)
            continue
        current: list[bytes] = []
        for position, piece in enumerate(_pieces(item)):
            if (operator := before.get((index, position))) is not None:
                if current:
                    result.append(_tj(current))
                    current = []
                result.append(operator)
            current.append(piece)
            if (operator := after.get((index, position))) is not None:
                result.append(_tj(current))
                result.append(operator)
                current = []
        if current:
            result.append(_tj(current))
    return result


# --- ToUnicode ------------------------------------------------------------------------------

_CMAP_HEAD = (
    b"/CIDInit /ProcSet findresource begin",
    b"12 dict begin",
    b"begincmap",
    b"/CIDSystemInfo",
    b"<< /Registry (Adobe)",
    b"/Ordering (UCS)",
    b"/Supplement 0",
    b">> def",
    b"/CMapName /Adobe-Identity-UCS def",
    b"/CMapType 2 def",
    b"1 begincodespacerange",
    b"<0000> <ffff>",
    b"endcodespacerange",
)
_CMAP_TAIL = (b"endcmap", b"CMapName currentdict /CMap defineresource pop", b"end", b"end")


def _to_unicode_lines(mapping: dict[int, str]) -> list[bytes]:
    lines = list(_CMAP_HEAD)
    entries = [(gid, text) for gid, text in sorted(mapping.items()) if text]
    for start in range(0, len(entries), 100):  # a bfchar block holds at most 100 entries
        batch = entries[start : start + 100]
        lines.append(f"{len(batch)} beginbfchar".encode())
        lines.extend(
            f"<{gid:04x}> <{text.encode('utf-16-be').hex()}>".encode() for gid, text in batch
        )
        lines.append(b"endbfchar")
    lines.extend(_CMAP_TAIL)
    return lines


def _font_data(font: Any) -> bytes:
    # The face WeasyPrint shaped with: the whole font, before WeasyPrint subsets it.
    from weasyprint.text.fonts import get_hb_object_data  # type: ignore[import-untyped]

    return bytes(get_hb_object_data(font.hb_face))


def repair_text_layer(document: Any, pdf: pydyf.PDF) -> None:
    """WeasyPrint finisher: correct ToUnicode maps and give multi-glyph clusters ActualText.

    Pass it as ``write_pdf(finisher=repair_text_layer)``; it edits *pdf* in place.
    """
    fonts = [font for font in document.fonts.values() if not font.bitmap]
    texts: dict[str, dict[int, str]] = {}
    by_name = {}
    for font in fonts:
        known = glyph_texts(_font_data(font), font.index)
        texts[font.hash] = {gid: known.get(gid) or weasy for gid, weasy in font.to_unicode.items()}
        if not font.used_in_forms:  # forms get WeasyPrint's full map, from the cmap already
            by_name[font.name] = font.hash
    for obj in list(pdf.objects):
        if isinstance(obj, pydyf.Dictionary) and obj.get("Subtype") == "/Type0":
            name = obj.get("BaseFont")
            if name in by_name and isinstance(obj.get("ToUnicode"), bytes):
                cmap = pdf.objects[int(obj["ToUnicode"].split()[0])]
                cmap.stream = _to_unicode_lines(texts[by_name[name]])
    for obj in pdf.objects:
        if isinstance(obj, pydyf.Stream):
            obj.stream = _mark(obj.stream, texts)
