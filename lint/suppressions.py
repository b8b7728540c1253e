"""Suppressions: comment directives in Markdown and HTML, and sidecar files for plain text.

    <!-- framelint-disable LL201 unattributed-claim -->   off until enabled again (no code: all)
    <!-- framelint-enable LL201 -->                      on again (no code: every rule)
    <!-- framelint-disable-next-line LL201 -->           off for the next line only

A plain-text article cannot carry comments without readers seeing them, so its suppressions
live beside it in ``ARTICLE.framelint.yaml`` (see docs/configuration.md). Directives are read
from ``Document.original``, so they work even where markup masks comments out of the text.
"""
from __future__ import annotations

import os
from dataclasses import dataclass

import regex

from .document import Document
from .errors import InputError, RulePackError
from .finding import Finding
from .rule import Rule
from .selection import specificity
from .yamlsource import load_located

DIRECTIVE = regex.compile(r"<!--\s*framelint-([\w-]*)(.*?)-->", regex.DOTALL)
DIRECTIVES = ("disable", "enable", "disable-next-line")
SIDECAR_SUFFIX = ".framelint.yaml"
SIDECAR_KEYS = ("code", "line", "text", "reason")
# Findings about suppressions come from framelint itself, not from a pack; output formats that
# describe every rule (SARIF) are given this one too.
UNUSED_RULE = Rule(
    code="FL001", name="unused-suppression", technique="suppression", severity="warning", default=False,
    message="unused suppression: {match} suppressed nothing",
    rationale="A suppression that covers no finding is stale: the text changed, or the rule no longer "
              "reports anything there. Remove it, so that it cannot hide a real finding later.",
    kind="suppression", options=None, pack="framelint", file=__file__, line=1,
)


@dataclass(eq=False)
class Suppression:
    """One directive or sidecar entry, and whether it suppressed anything."""

    kind: str  # disable | enable | disable-next-line | sidecar
    selectors: tuple[str, ...]  # empty: every rule
    path: str  # the file it is written in
    line: int
    column: int = 1
    start: int = 0  # offsets of a comment directive in the article
    end: int = 0
    only_line: int | None = None  # sidecar: only findings on this line
    passage: str | None = None  # sidecar: only findings inside this text
    text: str = ""  # as written, for the unused-suppression report
    used: bool = False

    def names(self, rule: Rule) -> bool:
        return not self.selectors or any(specificity(s, rule) is not None for s in self.selectors)


def directives(doc: Document) -> list[Suppression]:
    found = []
    for m in DIRECTIVE.finditer(doc.original):
        line, column = doc.position(m.start())
        if m.group(1) not in DIRECTIVES:
            known = ", ".join("framelint-" + d for d in DIRECTIVES)
            raise InputError(f"{doc.path}:{line}", f"unknown directive 'framelint-{m.group(1)}' (known: {known})")
        selectors = tuple(s for s in regex.split(r"[\s,]+", m.group(2)) if s)
        found.append(Suppression(m.group(1), selectors, doc.path, line, column, m.start(), m.end(),
                                 text=" ".join(m.group().split())))
    return found


def sidecar(doc: Document) -> list[Suppression]:
    """The entries of the article's sidecar file, if it has one."""
    file = doc.path + SIDECAR_SUFFIX
    if not os.path.isfile(file):
        return []
    try:
        with open(file, encoding="utf-8") as handle:
            located = load_located(handle.read(), file)
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(file, f"cannot be read: {getattr(exc, 'strerror', None) or exc}") from None
    except RulePackError as exc:
        raise _sidecar_error(file, exc.line, exc.field, exc.problem) from None
    data = located.data
    if not isinstance(data, dict) or set(data) != {"ignore"} or not isinstance(data["ignore"], list):
        raise _sidecar_error(file, 1, None, "must be a mapping with one key, 'ignore', holding a list")
    found = []
    for i, entry in enumerate(data["ignore"]):
        line = located.line(("ignore", i))
        if not isinstance(entry, dict):
            raise _sidecar_error(file, line, f"ignore[{i}]", "must be a mapping with 'code'")
        for key, value in entry.items():
            if key not in SIDECAR_KEYS:
                raise _sidecar_error(file, line, f"ignore[{i}].{key}", f"unknown key (known: {', '.join(SIDECAR_KEYS)})")
            wanted = int if key == "line" else str
            if not isinstance(value, wanted) or isinstance(value, bool) or (wanted is str and not value.strip()):
                raise _sidecar_error(file, line, f"ignore[{i}].{key}", f"must be {'a line number' if wanted is int else 'a non-empty string'}")
        if "code" not in entry:
            raise _sidecar_error(file, line, f"ignore[{i}]", "missing required key 'code'")
        found.append(Suppression("sidecar", (entry["code"],), file, line, text=f"ignore {entry['code']}",
                                 only_line=entry.get("line"), passage=entry.get("text")))
    return found


def _sidecar_error(file: str, line: int | None, key: str | None, problem: str) -> InputError:
    return InputError(f"{file}:{line}" if line else file, f"{key}: {problem}" if key else problem)


def check_codes(suppressions: list[Suppression], known: list[Rule]) -> None:
    """A suppression must name rules that exist (selected or not): a typo would silently
    suppress nothing."""
    for s in suppressions:
        for selector in s.selectors:
            if selector != "all" and not any(specificity(selector, r) is not None for r in known):
                raise InputError(f"{s.path}:{s.line}", f"unknown rule code, name or technique {selector!r} in {s.text}")


def suppress(doc: Document, findings: list[Finding], known: list[Rule], enabled: list[Rule],
             report_unused: bool = False) -> list[Finding]:
    """The findings that no suppression covers, plus, if asked, an FL001 finding for each
    suppression that covered nothing although a rule it names ran."""
    comments = directives(doc)
    suppressions = comments + sidecar(doc)
    if not suppressions:  # nearly every article
        return findings
    check_codes(suppressions, known)
    rules = {r.code: r for r in known}
    kept = [f for f in findings if not _covered(doc, f, rules[f.code], comments, suppressions)]
    if report_unused:
        kept += [_unused(doc, s) for s in suppressions
                 if not s.used and s.kind != "enable" and any(s.names(r) for r in enabled)]
        kept.sort(key=lambda f: (f.line, f.column, f.code, f.end))  # the engine's order
    return kept


def _covered(doc: Document, finding: Finding, rule: Rule, comments: list[Suppression],
             suppressions: list[Suppression]) -> bool:
    block = None  # the disable directive in force for this rule at the finding, if any
    for c in comments:
        if c.start >= finding.start:
            break
        if c.kind in ("disable", "enable") and c.names(rule):
            block = c if c.kind == "disable" else None
    covering = [block] if block else []
    for s in suppressions:
        if not s.names(rule):
            continue
        if s.kind == "disable-next-line" and doc.position(s.end)[0] + 1 == finding.line:
            covering.append(s)
        elif s.kind == "sidecar" and s.only_line in (None, finding.line) and _inside(doc, finding, s.passage):
            covering.append(s)
    for s in covering:
        s.used = True
    return bool(covering)


def _inside(doc: Document, finding: Finding, passage: str | None) -> bool:
    """Whether the finding lies within an occurrence of ``passage`` (any case, any spacing)."""
    if passage is None:
        return True
    pattern = r"\s+".join(regex.escape(word) for word in passage.split())
    return any(m.start() <= finding.start and finding.end <= m.end()
               for m in regex.finditer(pattern, doc.text, regex.IGNORECASE))


def _unused(doc: Document, s: Suppression) -> Finding:
    """An FL001 finding at the comment; for a sidecar entry, at the start of the article (every
    finding of a file points into that file), its message naming the sidecar's line."""
    line, column = (s.line, s.column) if s.kind != "sidecar" else (1, 1)
    end_line, end_column = doc.position(s.end)
    what = s.text if s.kind != "sidecar" else f"{s.text} ({s.path}:{s.line})"
    rule = UNUSED_RULE
    return Finding(doc.path, line, column, end_line, end_column, rule.code, rule.name, rule.technique,
                   rule.severity, rule.message.replace("{match}", what), s.text, s.start, s.end)
