"""A word-level diff that understands Thai, for showing เดิม and แก้ไข side by side.

Thai writes no spaces between words, so splitting on spaces would mark a whole clause as
changed when one word was added. The texts are segmented into words with PyThaiNLP
(``newmm``, dictionary-based maximal matching, which never cuts inside a Thai character
cluster), then compared token by token with ``difflib``.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from pythainlp.tokenize import word_tokenize

Change = Literal["same", "added", "removed"]

__all__ = ["Piece", "WordDiff", "diff_words", "pieces_html", "words"]


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of text, and whether it is in both texts or only in one of them."""

    text: str
    change: Change


@dataclass(frozen=True, slots=True)
class WordDiff:
    """The two sides of a comparison.

    Attributes:
        old: the old text as pieces ``same`` and ``removed``; joined, it is the old text.
        new: the new text as pieces ``same`` and ``added``; joined, it is the new text.
    """

    old: tuple[Piece, ...]
    new: tuple[Piece, ...]

    @property
    def changed(self) -> bool:
        return any(piece.change != "same" for piece in (*self.old, *self.new))

    @property
    def old_html(self) -> SafeString:
        return pieces_html(self.old)

    @property
    def new_html(self) -> SafeString:
        return pieces_html(self.new)


@lru_cache(maxsize=2048)
def words(text: str) -> tuple[str, ...]:
    """*text* cut into words and the spaces between them; ``"".join(words(t)) == t``."""
    if not text:
        return ()
    return tuple(word_tokenize(text, engine="newmm", keep_whitespace=True))


def diff_words(old: str, new: str) -> WordDiff:
    """Compare *old* and *new* word by word.

    A space between two changes is counted as changed too, so that a replaced phrase shows
    as one highlight rather than a run of fragments; spaces at the edges of a change are left
    unmarked.
    """
    a, b = words(old), words(new)
    old_side: list[Piece] = []
    new_side: list[Piece] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            text = "".join(a[i1:i2])
            old_side.append(Piece(text, "same"))
            new_side.append(Piece(text, "same"))
            continue
        if i2 > i1:
            old_side.append(Piece("".join(a[i1:i2]), "removed"))
        if j2 > j1:
            new_side.append(Piece("".join(b[j1:j2]), "added"))
    return WordDiff(_tidy(old_side), _tidy(new_side))


def _tidy(pieces: list[Piece]) -> tuple[Piece, ...]:
    # 1. A blank "same" piece between two changes joins them.
    joined: list[Piece] = []
    for index, piece in enumerate(pieces):
        between_changes = (
            piece.change == "same"
            and not piece.text.strip()
            and 0 < index < len(pieces) - 1
            and pieces[index - 1].change != "same"
            and pieces[index + 1].change != "same"
        )
        joined.append(Piece(piece.text, pieces[index - 1].change) if between_changes else piece)
    # 2. Spaces at the edges of a change move out of it.
    edged: list[Piece] = []
    for piece in joined:
        if piece.change == "same" or not piece.text.strip():
            edged.append(Piece(piece.text, "same") if not piece.text.strip() else piece)
            continue
        core = piece.text.strip()
        start = piece.text.index(core)
        lead, trail = piece.text[:start], piece.text[start + len(core) :]
        if lead:
            edged.append(Piece(lead, "same"))
        edged.append(Piece(core, piece.change))
        if trail:
            edged.append(Piece(trail, "same"))
    # 3. Neighbours of the same kind become one piece.
    merged: list[Piece] = []
    for piece in edged:
        if merged and merged[-1].change == piece.change:
            merged[-1] = Piece(merged[-1].text + piece.text, piece.change)
        else:
            merged.append(piece)
    return tuple(merged)


_TAGS = {"added": "ins", "removed": "del"}


def pieces_html(pieces: tuple[Piece, ...]) -> SafeString:
    """The pieces as HTML: added text in ``<ins class="diff">``, removed in ``<del>``."""
    html = []
    for piece in pieces:
        tag = _TAGS.get(piece.change)
        text = escape(piece.text)
        html.append(f'<{tag} class="diff">{text}</{tag}>' if tag else text)
    return mark_safe("".join(html))
