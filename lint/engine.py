"""Run selected rules over a document: one combined matcher per kind, then the rules' context
(quotation policy, exceptions), then findings with exact positions."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from operator import attrgetter
from typing import Iterator

import regex

from .document import PARAGRAPH_BREAK, SPACE, Document
from .finding import Finding
from .kind import Match, MatchContext
from .plugins import rule_kinds
from .rule import Rule
from .termlist import TermIndex
from .wordscan import WordScan
from .voice import in_writer_voice

WHITESPACE = regex.compile(r"\s+")
START, END = attrgetter("start"), attrgetter("end")
# Texts longer than this many characters are matched in sections of about this size: memory
# follows the section, and a smaller one keeps more of it in the processor's cache (measured on
# a 20 MB file: 500,000 characters, 8% faster than 2 million; still far longer than an article).
SECTION = 500_000


@dataclass
class LintResult:
    findings: list[Finding] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)


class Linter:
    """Compiled once for a rule selection, then used for any number of documents."""

    def __init__(self, rules: list[Rule], regex_timeout: float = 1.0, cache=None):
        self.rules = list(rules)
        self.regex_timeout = regex_timeout
        self.cache = cache  # a cache.ResultCache, or None
        self._rules_digest: str | None = None
        kinds = rule_kinds()
        by_kind: dict[str, list[Rule]] = {}
        for rule in self.rules:
            by_kind.setdefault(rule.kind, []).append(rule)
        self.matchers = [kinds[name].compile(group) for name, group in by_kind.items()]
        # Matchers that show their word indexes (``word_indexes``) share one pass over the words.
        WordScan([index for matcher in self.matchers for index in getattr(matcher, "word_indexes", ())])
        # Each rule's own: most of a text's matches are of rules none of whose exceptions is in it.
        self.exceptions: dict[Rule, TermIndex] = {rule: TermIndex() for rule in self.rules if rule.exceptions}
        for rule, index in self.exceptions.items():
            for term in rule.exceptions:
                index.add(term, rule)

    def lint(self, doc: Document) -> LintResult:
        """Findings for a document, sorted by position (from the cache when one is given)."""
        if self.cache is None:
            return self._lint(doc)
        if self._rules_digest is None:
            from .cache import rules_digest

            self._rules_digest = rules_digest(self.rules, self.regex_timeout)
        key = self.cache.key(self._rules_digest, doc)
        cached = self.cache.get(key)
        if cached is not None:
            return LintResult(cached)
        result = self._lint(doc)
        if not result.notices:
            self.cache.put(key, result.findings)
        return result

    def _lint(self, doc: Document) -> LintResult:
        """A very large plain text is matched a section at a time (see `sections`), so that
        memory follows the section, not the file."""
        context = MatchContext(regex_timeout=self.regex_timeout)
        findings = []
        for offset, part in sections(doc, SECTION):
            matches = [m for matcher in self.matchers for m in matcher.find(part, context)]
            kept = [m for m in _outermost(matches) if self._applies(part, m)]
            if offset:  # a later section: its offsets made the file's
                kept = [replace(m, start=m.start + offset, end=m.end + offset) for m in kept]
            findings += [self._finding(doc, m) for m in kept]
        findings.sort(key=lambda f: (f.line, f.column, f.code, f.end))
        return LintResult(findings, list(dict.fromkeys(context.notices)))

    def _applies(self, doc: Document, match: Match) -> bool:
        rule = match.rule
        if not in_writer_voice(doc, rule, match.start, match.end):
            return False
        if rule.exceptions:
            sentence = doc.sentence_at(match.start)
            for start, end, _term, _rule in self.exceptions[rule].find(doc, sentence):
                if start < match.end and match.start < end:
                    return False
        return True

    def _finding(self, doc: Document, match: Match) -> Finding:
        rule = match.rule
        # The message quotes the prose (markup masked out); ``text`` is the file's own slice.
        text = doc.original[match.start : match.end]
        message = rule.message.replace("{match}", one_line(doc.text[match.start : match.end]))
        if match.suggestion:
            message += f'; consider "{match.suggestion}"'
        line, column = doc.position(match.start)
        end_line, end_column = doc.position(match.end)
        return Finding(doc.path, line, column, end_line, end_column, rule.code, rule.name,
                       rule.technique, rule.severity, message, text, match.start, match.end)


def sections(doc: Document, size: int) -> Iterator[tuple[int, Document]]:
    """The document as (offset, part) pairs: itself when it is small or has markup; otherwise
    parts of about ``size`` characters cut at paragraph breaks (at a line break, or a space,
    when a paragraph is longer than that). Sentences and quotations never cross a paragraph
    break, so only rules that look further (repetition, proximity within N words) may see less
    at a cut than they would in one piece."""
    text = doc.text
    if len(text) <= size or doc.blocks is not None or doc.quoted or doc.original is not text:
        yield 0, doc
        return
    start = 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            half = start + size // 2
            cut = max((m.end() for m in PARAGRAPH_BREAK.finditer(text, half, end)), default=0)
            cut = cut or max(text.rfind("\n", half, end), text.rfind("\r", half, end), text.rfind(" ", half, end)) + 1
            if not cut:  # no space in half a section: go on to the next one
                space = SPACE.search(text, end)
                cut = space.end() if space else len(text)
            end = cut + (text[cut - 1 : cut + 1] == "\r\n")  # never inside one line break
        yield start, Document(text[start:end], doc.path)
        start = end


def one_line(text: str) -> str:
    """The text with each run of white space made one space, and none at either end. The only
    printable white space is the space itself, so a printable text without two spaces in a row
    (most matches) is as it is, and needs no regex."""
    if not text.isprintable() or "  " in text:
        text = WHITESPACE.sub(" ", text)
    return text.strip()


def _outermost(matches: list[Match]) -> list[Match]:
    """Drop a rule's match that lies inside another match of the same rule ("many in" inside
    "for many in Donbass"), and exact repeats."""
    kept: list[Match] = []
    reach: dict[str, int] = {}  # rule code -> end of its furthest kept match so far
    # By start, then longest first (two stable sorts, for keys that need no tuple per match).
    in_order = sorted(sorted(matches, key=END, reverse=True), key=START)
    for match in in_order:
        if match.end <= reach.get(match.rule.code, -1):
            continue
        reach[match.rule.code] = match.end
        kept.append(match)
    return kept
