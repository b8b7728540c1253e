"""The engine's own steps: messages, exceptions."""
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from framelint.engine import WHITESPACE, one_line

SPACES = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace() or WHITESPACE.match(chr(c))]


@settings(max_examples=500, deadline=None)
@given(text=st.text(alphabet=st.one_of(st.sampled_from(SPACES), st.characters()), max_size=30))
def test_a_match_is_quoted_on_one_line_as_the_regex_would_make_it(text):
    assert one_line(text) == WHITESPACE.sub(" ", text).strip()


def test_printable_white_space_is_the_space_alone():
    assert [c for c in SPACES if c.isprintable()] == [" "]
