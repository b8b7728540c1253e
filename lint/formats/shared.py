"""What several output formats need alike: a source text's lines, where each rule is
documented, and how wide text is on a screen."""
from __future__ import annotations

import unicodedata

from ..document import LINE_BREAK

PROJECT_URL = "https://github.com/framelint/framelint"
TECHNIQUES_DOC = f"{PROJECT_URL}/blob/main/docs/techniques.md"


def source_lines(text: str) -> list[str]:
    """The lines of a text without their line breaks, split exactly where ``Document.position``
    counts lines, so ``source_lines(text)[finding.line - 1]`` is the finding's line."""
    return LINE_BREAK.split(text)


def rule_url(rule) -> str:
    """An absolute URL documenting a rule: its own ``link`` if the pack gives one, otherwise its
    entry in docs/techniques.md (SARIF and reviewdog want absolute URLs)."""
    return rule.link or f"{TECHNIQUES_DOC}#{rule.code.lower()}"


def char_width(char: str) -> int:
    """Terminal columns a character takes: 2 for East Asian wide and full-width characters,
    0 for combining marks and invisible format characters, 1 otherwise."""
    if unicodedata.combining(char) or unicodedata.category(char) == "Cf":
        return 0
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def text_width(text: str) -> int:
    return sum(char_width(c) for c in text)
