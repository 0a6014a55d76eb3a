"""ptdv.people.names.place_key: villages in Vietnamese alphabetical order (issue 9).

A place name is read from its first word, unlike a person's name, and numbered villages
("Thôn 2", "Thôn 10") go by their number. Pure Python, no database.
"""

from hypothesis import given
from hypothesis import strategies as st

from ptdv.people.names import place_key, sort_key

WORDS = st.sampled_from(
    ["Nà", "Na", "Pài", "Đông", "Dương", "Thôn", "Bản", "Ăn", "An", "Anh", "2", "10", "Tổ"]
)


def test_place_names_sort_in_vietnamese_alphabetical_order():
    names = [
        "Thôn 10",
        "Đông Lẻo",
        "Tổ 3",
        "Nà Pài",
        "Dương Xá",
        "Thôn 2",
        "Ăn Cả",
        "Bản Áng",
        "An Lạc",
        "Na",
    ]
    assert sorted(names, key=place_key) == [
        "An Lạc",
        "Ăn Cả",
        "Bản Áng",
        "Dương Xá",
        "Đông Lẻo",
        "Na",
        "Nà Pài",
        "Thôn 2",
        "Thôn 10",
        "Tổ 3",
    ]


def test_a_place_is_read_from_its_first_word_unlike_a_person():
    assert place_key("Bản Xá") < place_key("Nà Bản")
    assert sort_key("Bản Xá") > sort_key("Nà Bản")  # a person goes by the given name, the last word


@given(st.lists(WORDS, min_size=1, max_size=3), st.lists(WORDS, min_size=1, max_size=3))
def test_places_compare_by_their_first_differing_word(first, second):
    by_words = [place_key(w) for w in first] < [place_key(w) for w in second]
    assert (place_key(" ".join(first)) < place_key(" ".join(second))) == by_words
    assert place_key(" ".join(first)).isdigit()
