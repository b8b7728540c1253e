"""The public Python API; the command line is built on it.

    import framelint
    rules = framelint.load_rules(select=["loaded-language"])
    for finding in framelint.lint_text("The regime's thugs ...", rules=rules):
        print(finding.line, finding.column, finding.code, finding.message)
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from .engine import Linter
from .errors import InputError, SkippedInput
from .finding import Finding
from .loader import Catalog, load_catalog
from .plugins import parse_document
from .reading import decode, discover, read_file
from .rule import Rule
from .selection import select_rules


@dataclass
class FileResult:
    """What linting one input gave: findings, or the error that stopped it, and notices."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None  # one line; the file was not linted
    skipped: str | None = None  # one line; the file was deliberately not linted (binary)
    notices: list[str] = field(default_factory=list)
    text: str = ""  # the text as read, for formats that show the source (empty if not read)


def load_rules(select=None, ignore=(), extend_select=(), rule_paths=(), builtin: bool = True,
               catalog: Catalog | None = None) -> list[Rule]:
    """The selected rules of the built-in packs, plugins' packs and packs at ``rule_paths``.
    ``select=None`` means the default-on rules; ``["all"]`` means every rule."""
    catalog = catalog or load_catalog(rule_paths, builtin=builtin)
    return select_rules(catalog.rules, select, ignore, extend_select)


def list_rules(rule_paths=(), builtin: bool = True) -> list[Rule]:
    """Every rule known, selected or not."""
    return load_catalog(rule_paths, builtin=builtin).rules


def lint_text(text: str, path: str = "<string>", rules: list[Rule] | Linter | None = None) -> list[Finding]:
    """Findings for one text, sorted by position."""
    return _linter(rules).lint(parse_document(text, path)).findings


def lint_paths(paths: Iterable[str], rules: list[Rule] | Linter | None = None, encoding: str | None = None,
               stdin_name: str = "<stdin>", wanted=None, jobs: int = 1) -> Iterator[FileResult]:
    """Lint files and directories (``-`` is standard input), yielding one result per file, in
    order. ``wanted(path)`` chooses the files linted from a directory (default: by text suffix);
    ``jobs`` > 1 lints files in that many worker processes."""
    from functools import partial

    from .parallel import lint_in_order

    linter = _linter(rules)
    for item in lint_in_order(discover(paths, wanted), partial(lint_one, linter=linter, encoding=encoding), jobs):
        if isinstance(item, InputError):
            yield FileResult(item.path, error=str(item))
        elif item == "-":
            yield lint_one(item, linter, encoding, stdin_name)
        else:
            yield item


def lint_one(path: str, linter: Linter, encoding: str | None = None, stdin_name: str = "<stdin>") -> FileResult:
    shown = stdin_name if path == "-" else path
    try:
        text = decode(sys.stdin.buffer.read(), shown, encoding) if path == "-" else read_file(path, encoding)
    except SkippedInput as exc:
        return FileResult(shown, skipped=str(exc))
    except InputError as exc:
        return FileResult(shown, error=str(exc))
    try:
        result = linter.lint(parse_document(text, shown))
    except InputError as exc:  # e.g. a suppression comment naming an unknown rule
        return FileResult(shown, error=str(exc), text=text)
    return FileResult(shown, result.findings, notices=result.notices, text=text)


def _linter(rules) -> Linter:
    if hasattr(rules, "lint"):  # a Linter, or a ConfiguredLinter
        return rules
    return Linter(load_rules() if rules is None else rules)
