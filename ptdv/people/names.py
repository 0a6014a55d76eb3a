"""Vietnamese personal names: search folding and dictionary sort keys.

Why this module exists
----------------------
Vietnamese officials expect lists of people in the Vietnamese way: by the
given name (tên, the *last* word), then the middle name(s) (tên đệm), then
the family name (họ, the *first* word), with letters in the Vietnamese
alphabet (``a ă â b c d đ e ê ...``) rather than in code-point order, and
the tone of a syllable deciding only between syllables whose letters are
the same.  Neither Python's default ordering nor a database collation does
that, so :func:`sort_key` produces a string that does, and that is made of
the digits ``0``-``9`` only: every collation (SQLite ``BINARY``,
PostgreSQL ``en_US.UTF-8``, ``C``, ICU ...) orders strings of ASCII digits
the same way, so the key can be stored in a column and used in
``ORDER BY``.

Search, on the other hand, must ignore diacritics and case: people type
"chuc van dat", "CHUC VAN DAT" or "văn dất" and expect to find
"Chúc Văn Dất".  :func:`fold` is applied both to the stored search column
and to the user's query, and a plain substring match then does the rest.

The module is pure Python (standard library only, no Django).
"""

from __future__ import annotations

import unicodedata

__all__ = [
    "SORT_KEY_MAX_LENGTH",
    "TONE_MARKS",
    "VIETNAMESE_ALPHABET",
    "fold",
    "place_key",
    "sort_key",
    "split_name",
]

#: The 29 letters of the Vietnamese alphabet, in order, plus ``f j w z``
#: (used in foreign and ethnic-minority names) where the Latin alphabet
#: puts them.  33 letters in all.
VIETNAMESE_ALPHABET: tuple[str, ...] = (
    "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j",
    "k", "l", "m", "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư",
    "v", "w", "x", "y", "z",
)  # fmt: skip

#: Combining marks of the five tones, in sort order; the level tone
#: (thanh ngang, no mark) sorts before all of them:
#: huyền (grave) < hỏi (hook above) < ngã (tilde) < sắc (acute) < nặng (dot below).
TONE_MARKS: tuple[str, ...] = ("\u0300", "\u0309", "\u0303", "\u0301", "\u0323")

#: :func:`sort_key` never returns more characters than this (it fits a
#: ``CharField(max_length=240)``); see :func:`sort_key` for what is lost.
SORT_KEY_MAX_LENGTH = 240

# Letters that have no Unicode decomposition but must fold to "d".  U+00D0/
# U+00F0 (Icelandic eth) look like Đ/đ and turn up in names typed with
# legacy encodings or the wrong keyboard layout.
_D_LIKE = str.maketrans(dict.fromkeys("\u0110\u0111\u00d0\u00f0", "d"))
_DJ_LIKE = str.maketrans(dict.fromkeys("\u00d0\u00f0", "\u0111"))

# Combining marks that turn a Latin letter into a Vietnamese letter.
_BREVE, _CIRCUMFLEX, _HORN = "\u0306", "\u0302", "\u031b"
_MODIFIED = {
    ("a", _BREVE): "ă",
    ("a", _CIRCUMFLEX): "â",
    ("e", _CIRCUMFLEX): "ê",
    ("o", _CIRCUMFLEX): "ô",
    ("o", _HORN): "ơ",
    ("u", _HORN): "ư",
}

# Two digits per character.  "00" is reserved for separators and sorts
# before every character; the digits 0-9 come next ("01".."10"), then the
# letters in Vietnamese order ("11".."43").
_SEPARATOR = "00"
_CODES = {str(d): f"{d + 1:02d}" for d in range(10)}
_CODES.update({ch: f"{i + 11:02d}" for i, ch in enumerate(VIETNAMESE_ALPHABET)})
# Numbers in place names are compared as numbers by padding them to this many digits.
_NUMBER_WIDTH = 6
_TONE_DIGITS = {mark: str(i + 1) for i, mark in enumerate(TONE_MARKS)}


def _invisible(ch: str) -> bool:
    """Combining marks, format characters and control characters such as NUL (which
    PostgreSQL refuses in text) carry nothing a person searches for."""
    return bool(unicodedata.combining(ch)) or unicodedata.category(ch) in ("Cf", "Cc")


def fold(text: str) -> str:
    """Return *text* lower-cased, without diacritics, for searching.

    ``đ``/``Đ`` become ``d``, every combining mark is dropped, invisible
    format and control characters (soft hyphens, zero-width spaces, NUL) are removed, runs
    of whitespace become one space and the ends are stripped.  Compatibility
    characters are unfolded too (full-width letters, ligatures).  Punctuation
    is kept.  The result is ASCII for any Vietnamese text, and
    ``fold(fold(x)) == fold(x)``.

    >>> fold("  Chúc  Văn Dất ")
    'chuc van dat'
    >>> fold("ĐINH Thị Ánh")
    'dinh thi anh'
    """
    # Lower-casing can both produce combining marks ("İ" -> "i" + U+0307)
    # and be needed after decomposition ("℡" -> "TEL"), hence lower, NFKD,
    # lower again; đ goes last, as NFKD can produce it (U+1D9E -> ð).
    text = unicodedata.normalize("NFKD", text.lower()).lower().translate(_D_LIKE)
    text = "".join(ch for ch in text if ch.isspace() or not _invisible(ch))
    return " ".join(unicodedata.normalize("NFC", text).split())


def split_name(full_name: str) -> tuple[str, str, str]:
    """Split a full name in Vietnamese order into ``(family, middle, given)``.

    The first word is the family name (họ), the last word the given name
    (tên), and whatever lies between is the middle name (tên đệm, possibly
    several words, joined by single spaces).  A one-word name is a given
    name only; an empty or blank name gives three empty strings.  Words are
    separated by any whitespace and returned in NFC form, with case and
    diacritics untouched.

    >>> split_name("Nguyễn Thị Minh Khai")
    ('Nguyễn', 'Thị Minh', 'Khai')
    >>> split_name("Hoàng Anh")
    ('Hoàng', '', 'Anh')
    >>> split_name("Mai")
    ('', '', 'Mai')
    """
    words = unicodedata.normalize("NFC", full_name).split()
    if not words:
        return "", "", ""
    if len(words) == 1:
        return "", "", words[0]
    return words[0], " ".join(words[1:-1]), words[-1]


def _encode_word(word: str) -> str:
    """Encode one word as letter codes, ``"00"``, then one tone digit per letter.

    Returns ``""`` for a word without letters or digits.
    """
    letters: list[str] = []
    tones: list[str] = []
    for ch in unicodedata.normalize("NFD", word.translate(_DJ_LIKE).lower()):
        if not unicodedata.combining(ch):
            if ch in _CODES:
                letters.append(ch)
                tones.append("0")
            else:
                # Not a letter we can place (hyphen, apostrophe, other
                # scripts): skipped, and so are the marks that follow it.
                letters.append("")
                tones.append("")
            continue
        if not letters or not letters[-1]:
            continue
        if (letters[-1], ch) in _MODIFIED:
            letters[-1] = _MODIFIED[letters[-1], ch]
        elif ch in _TONE_DIGITS:
            tones[-1] = _TONE_DIGITS[ch]
        # Any other mark (diaeresis, cedilla ...) is ignored: ü sorts as u.
    if not any(letters):
        return ""
    return "".join(_CODES[ch] for ch in letters if ch) + _SEPARATOR + "".join(tones)


def sort_key(full_name: str) -> str:
    """Return a digits-only key giving Vietnamese dictionary order of names.

    Comparing keys as plain strings (byte-wise, or with any collation, since
    they contain only ``0``-``9``) orders the names:

    1. by the given name (last word), then by the middle name(s), word by
       word, then by the family name (first word) -- see :func:`split_name`.
       A missing part sorts first: "Hoàng Anh" (no middle name) comes before
       "Đỗ An Anh", and the one-word "Anh" before both;
    2. each word letter by letter in :data:`VIETNAMESE_ALPHABET` order, a
       word sorting before any longer word it begins ("An" < "Anh"), case
       ignored;
    3. the tones of a word (:data:`TONE_MARKS`) only when its letters are
       the same as the other word's: "Anh" < "Ánh" < "Ăn" and
       "Nguyễn Anh" < "Lê Ánh" (the given name decides before the family
       name does).

    Encoding: each word is two digits per letter (``"01"``-``"10"`` for the
    digits ``0``-``9``, ``"11"``-``"43"`` for the letters), then ``"00"``,
    then one tone digit (``0``-``5``) per letter; the given-name part and
    the middle-name part each end with ``"00"``.  ``"00"`` sorts before any
    letter, which makes shorter words and missing parts sort first.

    Characters other than letters and digits -- hyphens, apostrophes
    ("H'Hen" sorts as "Hhen"), punctuation, letters of other scripts -- are
    skipped; marks other than the Vietnamese ones are ignored (ü sorts as
    u, ç as c).  Đ typed as the look-alike Ð counts as Đ.

    The key is cut at :data:`SORT_KEY_MAX_LENGTH` (240) characters, about
    75 letters of name; cutting never reverses the order of two names, but
    names that differ only beyond that point compare equal.
    """
    family, middle, given = split_name(full_name)
    key = (
        _encode_word(given)
        + _SEPARATOR
        + "".join(_encode_word(word) for word in middle.split())
        + _SEPARATOR
        + _encode_word(family)
    )
    return key[:SORT_KEY_MAX_LENGTH]


def place_key(name: str) -> str:
    """Return a digits-only key giving Vietnamese dictionary order of place names.

    A place name (a village "Nà Pài", "Thôn 1 Tân Cảnh") is read from its first word on,
    unlike a person's name (:func:`sort_key` starts from the given name, the last word):
    word by word, each word as in :func:`sort_key` (letters in Vietnamese order, tones only
    between words of the same letters), a word sorting before any longer word it begins.
    Numbers count as numbers, since villages are often numbered: "Thôn 2" before "Thôn 10".

    >>> sorted(["Đông", "Dương", "Nà Pài", "Thôn 10", "Thôn 2"], key=place_key)
    ['Dương', 'Đông', 'Nà Pài', 'Thôn 2', 'Thôn 10']
    """
    words = (
        _encode_word(word.zfill(_NUMBER_WIDTH) if word.isdecimal() else word)
        for word in unicodedata.normalize("NFC", name).split()
    )
    return "".join(word + _SEPARATOR for word in words if word)[:SORT_KEY_MAX_LENGTH]
