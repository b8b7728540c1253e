"""Term lists: parsed from YAML, matched as whole words through one index per document pass.

A term is a word or a phrase. ``betray{al,als,ed}`` writes inflected forms compactly (shell-style
brace expansion); between the words of a phrase only spaces, line breaks or hyphens may stand, so
a phrase never runs across punctuation. All terms of all rules of a kind share one index keyed
by their first word: one pass over a document's words finds every term, however long the lists.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import compress
from typing import Iterator

import regex

from .document import WORD, Document, Span, normalize_word
from .kind import Fields
from .wordscan import Openings, WordScan

BRACES = regex.compile(r"\{([^{}]*)\}")
JOINER = regex.compile(r"[\s\-‐‑]*")


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]  # normalised (casefolded) unless case_sensitive
    case_sensitive: bool = False
    suggestion: str | None = None


def expand_braces(text: str) -> list[str]:
    m = BRACES.search(text)
    if not m:
        return [text]
    head, tail = text[: m.start()], text[m.end() :]
    return [expansion for alt in m.group(1).split(",") for expansion in expand_braces(head + alt + tail)]


def parse_terms(fields: Fields, name: str, required: bool = True, case_sensitive: bool = False) -> list[Term]:
    """Read a list of terms: strings, or mappings ``{term, suggest, case}``."""
    entries = fields.strings(name, **({} if required else {"default": []}), allow_mappings=True)
    terms = []
    for i, entry in enumerate(entries):
        suggestion, case = None, case_sensitive
        if isinstance(entry, dict):
            unknown = set(entry) - {"term", "suggest", "case"}
            if unknown or not isinstance(entry.get("term"), str):
                problem = f"unknown key {sorted(unknown)[0]!r}" if unknown else "needs a 'term' string"
                raise fields.error((name, i), problem)
            suggestion = entry.get("suggest")
            if suggestion is not None and not isinstance(suggestion, str):
                raise fields.error((name, i, "suggest"), "must be a string")
            if entry.get("case", "insensitive") not in ("sensitive", "insensitive"):
                raise fields.error((name, i, "case"), "must be sensitive or insensitive")
            case = entry.get("case", "sensitive" if case_sensitive else "insensitive") == "sensitive"
            entry = entry["term"]
        if entry.count("{") != entry.count("}"):
            raise fields.error((name, i), f"unbalanced braces in {entry!r}")
        for form in expand_braces(entry):
            words = tuple(WORD.findall(form))
            if not words:
                raise fields.error((name, i), f"{form!r} has no words")
            terms.append(Term(tuple(w.replace("’", "'") if case else normalize_word(w) for w in words), case, suggestion))
    return terms


class TermIndex:
    """Terms of many rules in one trie of normalised words, so that a document's words are read
    once and a word shared by many terms ("it" in "it is said", "it is believed") is compared
    once, not once per term."""

    def __init__(self):
        self._root = _Node()
        self.scan: WordScan | None = None  # set when the index shares a pass over the words
        self._openings: Openings | None = None

    def add(self, term: Term, owner: object) -> None:
        node = self._root
        for word in term.words:
            word = word.casefold()
            node = node.next.get(word) or node.next.setdefault(word, _Node())
        node.add(term, owner)

    def __bool__(self) -> bool:
        return bool(self._root.next)

    def openings(self) -> Openings:
        """How a term can begin: the first words that are terms by themselves, and the first two
        words of the rest ("the" alone never starts a term; "the regime" may)."""
        if self._openings is None:
            first = self._root.next
            self._openings = Openings(frozenset(word for word, node in first.items() if node.terms),
                                      frozenset((word, second) for word, node in first.items() if not node.terms
                                                for second in node.next))
        return self._openings

    def find(self, doc: Document, span: Span | None = None) -> Iterator[tuple[int, int, Term, object]]:
        """Yield (start, end, term, owner) for each occurrence; for one owner and start, only the
        longest term. Between the words of a phrase only spaces, line breaks or hyphens may stand."""
        first_words = self._root.next
        found = range(len(doc.word_norms)) if span is None else doc.word_range(span)
        text, norms, starts, ends = doc.text, doc.word_norms, doc.word_starts, doc.word_ends
        stop = found.stop
        # The words that start a term, found by C-level iteration (no Python loop per word).
        if span is None and self.scan is not None:
            candidates = self.scan.places(doc, self)
        else:
            candidates = compress(found, map(first_words.__contains__, norms[found.start : stop]))
        for i in candidates:
            node = first_words[norms[i]]
            if not node.next and node.unique is not None:  # terms of this one word only
                for term, owner in node.unique:
                    yield starts[i], ends[i], term, owner
                continue
            if not node.terms and (i + 1 >= stop or norms[i + 1] not in node.next):
                continue  # "the" without the word that would make it "the regime"
            longest: dict[int, tuple[int, Term, object]] = {}
            j = i
            while True:  # the terms that end at word j; longer ones come later
                if node.unique is not None:
                    for term, owner in node.unique:
                        longest[id(owner)] = (ends[j], term, owner)
                else:
                    for term, owner in node.terms:
                        if id(owner) not in longest or longest[id(owner)][0] < ends[j]:
                            if not term.case_sensitive or _same_case(text, starts, ends, i, term):
                                longest[id(owner)] = (ends[j], term, owner)
                j += 1
                if j >= stop or not node.next:
                    break
                node = node.next.get(norms[j])
                gap = ends[j - 1]
                if node is None or not (starts[j] == gap + 1 and text[gap] == " " or JOINER.fullmatch(text, gap, starts[j])):
                    break
            for end, term, owner in longest.values():
                yield starts[i], end, term, owner


class _Node:
    __slots__ = ("next", "terms", "unique")

    def __init__(self):
        self.next: dict[str, _Node] = {}
        self.terms: list[tuple[Term, object]] = []
        # When no term here is case-sensitive: the first term of each owner, the one a match
        # ending here reports for it (an owner is told apart by identity).
        self.unique: tuple[tuple[Term, object], ...] | None = ()

    def add(self, term: Term, owner: object) -> None:
        self.terms.append((term, owner))
        if term.case_sensitive:
            self.unique = None
        elif self.unique is not None and all(o is not owner for _, o in self.unique):
            self.unique += ((term, owner),)


def _same_case(text: str, starts, ends, i: int, term: Term) -> bool:
    """Whether the words from ``i`` on are written exactly as a case-sensitive term has them."""
    return all(text[starts[i + k] : ends[i + k]].replace("’", "'") == word for k, word in enumerate(term.words))
