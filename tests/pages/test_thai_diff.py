"""The word-level diff of เดิม and แก้ไข (no database)."""

import json
import re
import unicodedata
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from kpi.rounds.diff import diff_words, pieces_html, words

SEED = json.loads(
    (Path(__file__).parents[1] / "seeds" / "000_83c347e598ee7ce5.expected.json").read_text(
        encoding="utf-8"
    )
)


def level_text(kind: str, number: int, status: str, level: int, size=None) -> str:
    indicator = next(i for i in SEED["indicators"] if i["kind"] == kind and i["number"] == number)
    version = next(v for v in indicator["versions"] if v["status"] == status)
    criterion = next(c for c in version["criteria"] if c["district_size"] == size)
    return next(item["text"] for item in criterion["levels"] if item["level"] == level)


def starts_mid_cluster(text: str) -> bool:
    """A Thai vowel sign or tone mark (or ะ า ำ) cannot start a word: text starting with one
    was cut from the syllable before it."""
    first = text[0]
    return unicodedata.category(first) == "Mn" or first in "ะาำๅๆ"


def test_the_phrase_added_to_indicator_5_level_4_is_one_insertion():
    old = level_text("team", 5, "original", 4)
    new = level_text("team", 5, "revised", 4)
    diff = diff_words(old, new)
    added = [piece.text for piece in diff.new if piece.change == "added"]
    assert added == ["และบุคลากรในหน่วยงานทุกคนมีการสรุปองค์ความรู้บุคคลคุณธรรมภายใน 1 คุณธรรม"]
    assert all(piece.change == "same" for piece in diff.old)
    assert str(diff.new_html).endswith(f'จำนวน 1 เรื่อง <ins class="diff">{added[0]}</ins>')


def test_no_thai_word_is_cut_at_the_edge_of_a_change():
    pairs = [
        (level_text("team", 5, "original", 4), level_text("team", 5, "revised", 4)),
        (
            level_text("individual", 8, "original", 3),
            level_text("individual", 8, "revised", 3, "small"),
        ),
        ("ผลสำเร็จของการขับเคลื่อน", "ผลสำเร็จของการดำเนินงาน"),
        ("มีการสรุปองค์ความรู้", "มีการถอดบทเรียน"),
    ]
    for old, new in pairs:
        diff = diff_words(old, new)
        for side, text in ((diff.old, old), (diff.new, new)):
            boundaries = {0}
            for token in words(text):
                boundaries.add(max(boundaries) + len(token))
            position = 0
            for piece in side:
                assert position in boundaries, (piece, text)
                assert not starts_mid_cluster(piece.text), piece
                position += len(piece.text)


def test_a_replaced_word_is_marked_on_both_sides_and_nothing_else():
    diff = diff_words("ผลสำเร็จของการขับเคลื่อนองค์กร", "ผลสำเร็จของการดำเนินงานองค์กร")
    assert [(p.text, p.change) for p in diff.old] == [
        ("ผลสำเร็จของการ", "same"),
        ("ขับเคลื่อน", "removed"),
        ("องค์กร", "same"),
    ]
    assert [(p.text, p.change) for p in diff.new] == [
        ("ผลสำเร็จของการ", "same"),
        ("ดำเนินงาน", "added"),
        ("องค์กร", "same"),
    ]


def test_a_changed_number_is_marked_alone():
    old = level_text("individual", 8, "original", 3)
    new = level_text("individual", 8, "revised", 3, "medium")
    diff = diff_words(old, new)
    assert [p.text for p in diff.old if p.change == "removed"] == ["80"]
    assert [p.text for p in diff.new if p.change == "added"] == ["70"]


def test_equal_texts_have_no_change():
    text = level_text("individual", 8, "original", 5)
    assert not diff_words(text, text).changed
    assert str(diff_words(text, text).new_html) == text


def test_text_is_escaped_in_html():
    diff = diff_words("a <b>", "a <b> & c")
    assert str(diff.new_html) == 'a &lt;b&gt; <ins class="diff">&amp; c</ins>'
    assert str(pieces_html(diff.old)) == "a &lt;b&gt;"


def test_spaces_between_two_changes_join_them_into_one_highlight():
    diff = diff_words("ก ข ค", "ก ง จ ค")
    assert [(p.text, p.change) for p in diff.new] == [
        ("ก ", "same"),
        ("ง จ", "added"),
        (" ค", "same"),
    ]


THAI_WORDS = ["การ", "พัฒนา", "ชุมชน", "ร้อยละ", "คุณธรรม", "หน่วยงาน", "ไม่น้อยกว่า", "91", " "]


@given(
    st.lists(st.sampled_from(THAI_WORDS), max_size=12),
    st.lists(st.sampled_from(THAI_WORDS), max_size=12),
)
def test_each_side_joined_is_its_text(old_words, new_words):
    old, new = "".join(old_words), "".join(new_words)
    diff = diff_words(old, new)
    assert "".join(p.text for p in diff.old) == old
    assert "".join(p.text for p in diff.new) == new
    assert {p.change for p in diff.old} <= {"same", "removed"}
    assert {p.change for p in diff.new} <= {"same", "added"}
    # Spacing alone is not a change worth highlighting; any other difference is.
    visible = (re.sub(r"\s", "", old), re.sub(r"\s", "", new))
    if visible[0] != visible[1]:
        assert diff.changed
    if old == new:
        assert not diff.changed
