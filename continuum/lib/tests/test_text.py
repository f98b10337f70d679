"""Finding a NUL character in text and in parsed JSON, wherever it hides."""

from hypothesis import given
from hypothesis import strategies as st

from continuum.lib.text import NUL, nul_line, nul_path

CLEAN = st.text(st.characters(blacklist_characters=NUL), max_size=30)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | CLEAN,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(CLEAN, children, max_size=4),
    max_leaves=20,
)


def test_the_line_of_the_first_nul_counts_from_one():
    assert nul_line("a,b\nc,d\ne\x00f\ng\x00") == 3
    assert nul_line("\x00") == 1
    assert nul_line("a\nb\n") is None


def test_the_path_names_the_string_value_or_the_key_that_holds_it():
    document = {"CFItems": [{"notes": "ok"}, {"notes": "ok", "fullStatement": "a\x00b"}]}
    assert nul_path(document) == "$.CFItems[1].fullStatement"
    assert nul_path({"ok": {"bad\x00key": 1}}) == "$.ok"
    assert nul_path([1, 2.5, None, True, "fine"]) is None


def test_a_document_nested_far_past_the_recursion_limit_is_searched():
    document: object = "\x00"
    for _ in range(5000):
        document = [document]
    assert nul_path(document) == "$" + "[0]" * 5000


@given(JSON)
def test_json_without_a_nul_is_clean(document):
    assert nul_path(document) is None


@given(JSON, CLEAN, CLEAN)
def test_a_nul_added_anywhere_is_found(document, before, after):
    assert nul_path([document, {"x": before + NUL + after}]) == "$[1].x"
    assert nul_path({before + NUL: document}) == "$"
