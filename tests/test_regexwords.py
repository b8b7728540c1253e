"""What regexwords reads from a pattern's source: conservative answers, None when unsure."""
import regex

from framelint.regexwords import first_words, required_words, word_leads

I = regex.IGNORECASE | regex.V0


def followers(source: str) -> dict:
    leads = word_leads(source, I)
    return leads and {word: f and (f.whole, set(f.beginnings)) for word, f in leads.items()}


def test_each_first_word_comes_with_the_words_that_may_follow_it():
    assert followers(r"\b(?:is|are)\s+it\b") == {"is": ({"it"}, set()), "are": ({"it"}, set())}
    assert followers(r"\bso[\-\s]called\s+(?:experts?|evidence)") == {"so": ({"called"}, set())}
    assert followers(r"\b(?:the\s+)?(?:most|worst)\s+[\p{L}\-]+") == {
        "the": ({"most", "worst"}, set()), "most": None, "worst": None}
    assert followers(r"\bcompar(?:e|ed)\s+(?:\w+\s+){0,4}?to\b") == {"compare": None, "compared": None}
    assert followers(r"\bsignals\s+suggest(?:s|ed)?") == {"signals": (set(), {"suggest", "suggests", "suggested"})}


def test_a_word_ended_by_a_boundary_has_no_known_followers():
    assert followers(r"\b(?:conveniently|mysteriously)\b") == {"conveniently": None, "mysteriously": None}


def test_a_lookbehind_ending_in_a_space_or_a_line_start_puts_a_match_at_a_word_start():
    assert first_words(r"(?<=[.!]\s+)(?:Period|Full\s+stop)[.!]", I) == {"period", "full"}
    assert first_words(r"(?m)(?<=^|[.!?]\s)(?:is|isn[’']t)\b", I) == {"is", "isn't"}
    assert first_words(r"(?<=[.!])(?:Period|Full\s+stop)", I) is None  # may follow a letter-free "."
    assert first_words(r"(?<![.!]\s)(?:Period|Full\s+stop)", I) is None


def test_what_cannot_be_spelled_gives_no_first_words():
    assert first_words(r"\bhater", I) is None  # "haters" too
    assert first_words(r"\b(?:Lil[’']|Little)\s+\p{Lu}", I) is None  # "Lil'" is no word of a document
    assert first_words(r"\b\p{L}+-hating", I) is None
    assert first_words(r"\b(?=x)xy\b", I) is None
    assert first_words(r"\bx y\b", regex.VERBOSE) is None


def test_too_many_pairs_of_words_still_give_the_first_words():
    words = [a + b for a in "abcdefgh" for b in "abcdefghijklmnopqrstuvwxyz"]
    source = r"\b(?:%s)\s+(?:%s)\b" % ("|".join(words), "|".join(w + "x" for w in words))
    assert word_leads(source, I) == {word: None for word in words}


def test_required_words_mark_whole_words_with_a_space():
    assert required_words(r"\blike\s+(?:Pol\s+Pot|Hitler|Nazis?)\b", I) == (frozenset({"like "}), frozenset({"pol ", "hitler ", "nazi ", "nazis "}))
    assert required_words(r"\b\p{L}+-(?:hating|haters?)", I) == (frozenset({"hating", "hater", "haters"}),)


def test_a_boundary_after_the_groups_holding_words_makes_them_whole():
    assert required_words(r"\b\p{L}+-(?:hating|haters?)\b", I) == (frozenset({"hating ", "hater ", "haters "}),)
    assert required_words(r"\b(?P<match>signs\s+(?:suggests?|suggested))\b", I) == (
        frozenset({"signs "}), frozenset({"suggest ", "suggests ", "suggested "}))
    assert required_words(r"\b(?P<match>(?:ha)+)\b", I) == (frozenset({"ha"}),)  # "haha": a repeated group goes on
    assert required_words(r"\b(?:men)\s*\w+", I) == (frozenset({"men"}),)  # "menfolk": the space may be absent


def test_a_word_ended_by_an_apostrophe_is_whole():
    """"lil’ Marco" holds the word "lil"; "o’neill" holds "o" as a word part."""
    assert required_words(r"\b(?:Lil[’']|Little)\s+\p{Lu}", I) == (frozenset({"lil ", "little "}),)
    assert required_words(r"\b(?:Lyin[’']?|Lying)\s+\p{Lu}", I) == (frozenset({"lyin ", "lying "}),)
    assert required_words(r"\b(?:Lyin[’']?|Lying)\w", I) == (frozenset({"lyin", "lying"}),)


def test_a_simple_leading_lookbehind_is_read_as_a_pattern_of_its_own():
    from framelint.regexwords import leading_lookbehind

    assert leading_lookbehind(r"(?m)(?<=^|[.!?]\s)(?P<match>(?:is|are)\b[^?]{3,9}\?)", I) == r"(?m)(?<=^|[.!?]\s)"
    assert leading_lookbehind(r"(?<=[.!]\s+)(?:Full\s+stop)[.!]", I) == r"(?<=[.!]\s+)"
    assert leading_lookbehind(r"(?<!\bmost\s)\bcorrupt\b", I) == r"(?<!\bmost\s)"


def test_a_lookbehind_that_could_take_long_or_does_not_lead_every_match_is_not_read():
    from framelint.regexwords import leading_lookbehind

    assert leading_lookbehind(r"(?<=(?:a+)+)b", I) is None  # a group inside
    assert leading_lookbehind(r"(?<=\s*\w*)b", I) is None  # two unbounded quantifiers
    assert leading_lookbehind(r"(?<=a)b|c", I) is None  # "c" needs no lookbehind
    assert leading_lookbehind(r"\bcorrupt(?<=t)", I) is None
