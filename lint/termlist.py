"""Term lists: parsed from YAML, matched as whole words through one index per document pass.

A term is a word or a phrase. ``betray{al,als,ed}`` writes inflected forms compactly (shell-style
brace expansion); between the words of a phrase only spaces, line breaks or hyphens may stand, so
a phrase never runs across punctuation. All terms of all rules of a kind share one index keyed
by their first word: one pass over a document's words finds every term, however long the lists.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import regex

from .document import WORD, Document, Span, normalize_word
from .kind import Fields

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
    """Terms of many rules, keyed by their first word."""

    def __init__(self):
        self._by_first: dict[str, list[tuple[Term, object]]] = {}

    def add(self, term: Term, owner: object) -> None:
        key = term.words[0].casefold()
        self._by_first.setdefault(key, []).append((term, owner))

    def __bool__(self) -> bool:
        return bool(self._by_first)

    def find(self, doc: Document, span: Span | None = None) -> Iterator[tuple[int, int, Term, object]]:
        """Yield (start, end, term, owner) for each occurrence; for one owner and start, only the
        longest term."""
        words = doc.words if span is None else doc.words_in(span)
        text, by_first = doc.text, self._by_first
        for i, word in enumerate(words):
            candidates = by_first.get(word.norm)
            if not candidates:
                continue
            longest: dict[int, tuple[int, Term, object]] = {}
            for term, owner in candidates:
                end = _match_at(text, words, i, term)
                if end is not None and (id(owner) not in longest or end > longest[id(owner)][0]):
                    longest[id(owner)] = (end, term, owner)
            for end, term, owner in longest.values():
                yield word.start, end, term, owner


def _match_at(text: str, words: list, i: int, term: Term) -> int | None:
    if i + len(term.words) > len(words):
        return None
    for k, expected in enumerate(term.words):
        word = words[i + k]
        actual = word.text.replace("’", "'") if term.case_sensitive else word.norm
        if actual != expected:
            return None
        if k and not JOINER.fullmatch(text, words[i + k - 1].end, word.start):
            return None
    return words[i + len(term.words) - 1].end
