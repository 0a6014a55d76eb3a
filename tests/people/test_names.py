"""Tests for ptdv.people.names: search folding and Vietnamese name sort keys.

Pure Python: no Django settings and no database are needed.
"""

import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from ptdv.people.names import (
    SORT_KEY_MAX_LENGTH,
    TONE_MARKS,
    VIETNAMESE_ALPHABET,
    fold,
    sort_key,
    split_name,
)

# --------------------------------------------------------------------------
# An independent reference, written from tables of precomposed characters
# rather than from Unicode decomposition as the module does.

REF_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"

# Each vowel with its tones, in sort order: none, huyền, hỏi, ngã, sắc, nặng.
REF_VOWELS = {
    "a": "aàảãáạ",
    "ă": "ăằẳẵắặ",
    "â": "âầẩẫấậ",
    "e": "eèẻẽéẹ",
    "ê": "êềểễếệ",
    "i": "iìỉĩíị",
    "o": "oòỏõóọ",
    "ô": "ôồổỗốộ",
    "ơ": "ơờởỡớợ",
    "u": "uùủũúụ",
    "ư": "ưừửữứự",
    "y": "yỳỷỹýỵ",
}
REF_CONSONANTS = "bcdđfghjklmnpqrstvwxz"

# precomposed lower-case character -> (index in the alphabet, tone 0..5)
REF_CHARS = {c: (REF_ALPHABET.index(c), 0) for c in REF_CONSONANTS}
for _base, _toned in REF_VOWELS.items():
    for _tone, _char in enumerate(_toned):
        REF_CHARS[_char] = (REF_ALPHABET.index(_base), _tone)

ALL_LETTERS = "".join(REF_CHARS) + "".join(REF_CHARS).upper()


def ref_word(word):
    chars = [REF_CHARS[c] for c in word.lower()]
    return tuple(i for i, _ in chars), tuple(t for _, t in chars)


def ref_key(name):
    """Given name, then middle names word by word, then family name; each
    word by its letters, then (only if they tie) its tones; a missing part
    (an empty tuple) sorts first."""
    words = name.split()
    family = words[:1] if len(words) > 1 else []
    middle = words[1:-1]
    given_name = words[-1:]
    return (
        tuple(map(ref_word, given_name)),
        tuple(map(ref_word, middle)),
        tuple(map(ref_word, family)),
    )


def cmp(a, b):
    return (a > b) - (a < b)


SYLLABLES = [
    "an", "anh", "ánh", "ăn", "ân", "ấn", "bình", "bính", "dũng", "dung", "đức",
    "đào", "hoàng", "hoang", "lê", "lệ", "nguyễn", "nguyên", "phạm", "phan",
    "thị", "thi", "thư", "thu", "trần", "văn", "vân", "vũ", "vu", "ơn", "ôn",
    "on", "hải", "hai", "hà", "ha", "hạ", "hả", "hã", "há", "y", "ý", "yến",
    "kiều", "quốc", "quang", "gia", "giang", "đỗ", "do", "dỗ", "khánh", "khanh",
]  # fmt: skip


def cased(words):
    return st.tuples(*(st.sampled_from([w, w.title(), w.upper()]) for w in words))


words_strategy = st.one_of(
    st.sampled_from(SYLLABLES),
    st.text(alphabet="".join(REF_CHARS), min_size=1, max_size=7),
)
names_strategy = st.lists(words_strategy, min_size=1, max_size=5).flatmap(cased).map(" ".join)

vietnamese_text = st.text(alphabet=ALL_LETTERS + " \t\n\u00a0-'0123456789", max_size=40)


# --------------------------------------------------------------------------
# fold


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chúc Văn Dất", "chuc van dat"),
        ("ĐINH Thị Ánh", "dinh thi anh"),
        ("  Nguyễn\tThị \n Minh   Khai  ", "nguyen thi minh khai"),
        ("Ngô Thị Ngọc Ẩn", "ngo thi ngoc an"),
        ("ƯỚC ƠN đỖ", "uoc on do"),
        ("H'Hen Niê", "h'hen nie"),
        ("", ""),
        ("   ", ""),
        # decomposed input (as typed on some keyboards) folds the same
        (unicodedata.normalize("NFD", "Chúc Văn Dất"), "chuc van dat"),
        # the look-alike eth (U+00D0), a full-width L, a soft hyphen (U+00AD)
        ("\u00d0inh \uff2can Ho\u00ada", "dinh lan hoa"),
    ],
)
def test_fold_examples(text, expected):
    assert fold(text) == expected


@pytest.mark.parametrize("query", ["chuc van dat", "CHUC VAN DAT", "văn dất", "Dat", "c v"])
def test_folded_query_is_substring_of_folded_name(query):
    assert fold(query) in fold("Chúc Văn Dất")


@given(st.text())
@example("İ")
@example("℡ ﬁ ǅ")
@example("\u1d9e")  # modifier letter small eth: NFKD gives ð
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


@given(vietnamese_text)
def test_fold_of_vietnamese_is_ascii_and_normalised(text):
    folded = fold(text)
    assert folded.isascii()
    assert folded == folded.lower() == folded.strip()
    assert "  " not in folded


# --------------------------------------------------------------------------
# split_name


@pytest.mark.parametrize(
    ("full_name", "expected"),
    [
        ("Nguyễn Văn Bình", ("Nguyễn", "Văn", "Bình")),
        ("Nguyễn Thị Minh Khai", ("Nguyễn", "Thị Minh", "Khai")),
        ("Hoàng Anh", ("Hoàng", "", "Anh")),
        ("Mai", ("", "", "Mai")),
        ("  Tôn  Nữ   Thị\tNinh ", ("Tôn", "Nữ Thị", "Ninh")),
        ("", ("", "", "")),
        ("  ", ("", "", "")),
        (unicodedata.normalize("NFD", "Lê Lợi"), ("Lê", "", "Lợi")),
    ],
)
def test_split_name(full_name, expected):
    assert split_name(full_name) == expected


# --------------------------------------------------------------------------
# sort_key: examples


def test_sort_order_example():
    names = [
        "Nguyễn Văn Bình",
        "Trần Thị An",
        "Lê Văn An",
        "Hoàng Anh",
        "Đỗ Thị Ánh",
        "Phạm Văn Đức",
        "Vũ Văn Dũng",
    ]
    expected = [
        # Given names first: An, An, Anh, Ánh, Bình, Dũng, Đức.
        # The two "An" tie on the given name, so the middle name decides:
        # "Thị" < "Văn" because t < v (the family names Trần/Lê never count).
        "Trần Thị An",
        "Lê Văn An",
        # "An" < "Anh": a word sorts before the longer words it begins.
        # "Anh" vs "Ánh": the same letters, so the tone decides:
        # no tone < sắc.  (That the next part would be "" vs "Thị" does not
        # matter: the given name is compared completely first.)
        "Hoàng Anh",
        "Đỗ Thị Ánh",
        # b < d < đ: Bình, then Dũng, then Đức (đ is a letter of its own,
        # after d, not a d with a mark).
        "Nguyễn Văn Bình",
        "Vũ Văn Dũng",
        "Phạm Văn Đức",
    ]
    assert sorted(names, key=sort_key) == expected


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("A", "Ă"),
        ("Ă", "Â"),
        ("Â", "B"),
        ("D", "Đ"),
        ("Đ", "E"),
        ("E", "Ê"),
        ("Ô", "Ơ"),
        ("Ơ", "P"),
        ("U", "Ư"),
        ("Ư", "V"),
        ("Ạ", "Ă"),  # letters outrank tones
        ("Dz", "Đa"),
        ("Zung", "Ân Zung"),  # one-word name before two-word name
        ("An", "Anh"),
        ("Anh", "Ánh"),
        ("Ánh", "Ăn"),
        ("Nguyễn Anh", "Lê Ánh"),  # the given name decides, tone included
        ("Hoàng Anh", "Đỗ An Anh"),  # no middle name sorts first
        ("Anh", "Hoàng Anh"),  # no family name sorts first
        ("Lê Thị Anh", "Lê Thị Minh Anh"),  # fewer middle words first
        ("Lê Thị Anh", "Lê Thu Anh"),  # i < u in the middle name
        ("Đỗ Thị Anh", "Hồ Thị Anh"),  # and finally the family name
        ("Ha", "Hà"),
        ("Hà", "Hả"),
        ("Hả", "Hã"),
        ("Hã", "Há"),
        ("Há", "Hạ"),
        ("Nguyễn Văn 2", "Nguyễn Văn A"),  # digits before letters
    ],
)
def test_pairs_in_order(before, after):
    assert sort_key(before) < sort_key(after)


def test_alphabet_and_tones_are_in_order():
    assert "".join(VIETNAMESE_ALPHABET) == REF_ALPHABET
    letter_keys = [sort_key(letter) for letter in VIETNAMESE_ALPHABET]
    assert letter_keys == sorted(letter_keys)
    assert len(set(letter_keys)) == len(letter_keys)
    tone_keys = [sort_key("a" + mark) for mark in ("", *TONE_MARKS)]
    assert tone_keys == sorted(tone_keys)
    assert len(set(tone_keys)) == len(tone_keys)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Nguyễn Văn An", "NGUYỄN VĂN AN"),
        ("Nguyễn Văn An", "  nguyễn   văn\tan "),
        ("Nguyễn Văn An", unicodedata.normalize("NFD", "Nguyễn Văn An")),
        ("\u00d0ỗ Anh", "Đỗ Anh"),  # look-alike eth counts as Đ
        ("H'Hen Niê", "HHen Niê"),  # apostrophe skipped
        ("Lò-Văn Pá", "LòVăn Pá"),  # hyphen skipped
        ("Müller Anh", "Muller Anh"),  # foreign marks ignored
    ],
)
def test_equal_keys(a, b):
    assert sort_key(a) == sort_key(b)


def test_key_is_bounded():
    long_name = "Nguyễn " + "Thị " * 100 + "An"
    key = sort_key(long_name)
    assert len(key) == SORT_KEY_MAX_LENGTH
    # The given name still comes first.
    assert key.startswith(sort_key("An")[:6])
    assert sort_key("") == "0000"


# --------------------------------------------------------------------------
# sort_key: properties


@given(names_strategy, names_strategy)
@example("Hoàng Anh", "Đỗ Thị Ánh")
@example("An", "Anh")
@example("Lê An", "An Lê")
def test_sort_key_agrees_with_reference(a, b):
    assert cmp(sort_key(a), sort_key(b)) == cmp(ref_key(a), ref_key(b))


@given(st.lists(names_strategy, max_size=12))
def test_sorting_by_key_equals_sorting_by_reference(names):
    by_key = sorted(names, key=sort_key)
    by_ref = sorted(names, key=ref_key)
    # Names that differ only in case tie under both orders; compare the
    # sequences of reference keys, which do not depend on how ties fall.
    assert [ref_key(n) for n in by_key] == [ref_key(n) for n in by_ref]


@given(names_strategy)
def test_key_is_digits_only_and_ignores_case_and_normal_form(name):
    key = sort_key(name)
    assert key.isascii()
    assert key.isdigit()
    assert len(key) <= SORT_KEY_MAX_LENGTH
    assert sort_key(name.upper()) == key
    assert sort_key(name.lower()) == key
    assert sort_key(unicodedata.normalize("NFD", name)) == key


@given(st.text(max_size=300))
def test_key_of_any_text_is_digits_only(text):
    key = sort_key(text)
    assert key.isdigit()
    assert len(key) <= SORT_KEY_MAX_LENGTH
