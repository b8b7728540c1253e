"""Choose rules by code, code prefix, rule name, technique slug, ``default`` or ``all``.

As in ruff, the most specific selector wins: an exact code or name beats a prefix, a longer
prefix beats a shorter one, a prefix beats a technique slug, and on a tie ``ignore`` wins.
"""
from __future__ import annotations

from .errors import FramelintError
from .rule import Rule

EXACT = 100


def specificity(selector: str, rule: Rule) -> int | None:
    """How specifically ``selector`` names ``rule``, or None when it does not."""
    if selector in (rule.code, rule.name):
        return EXACT
    if rule.code.startswith(selector) and selector.isalnum() and selector[:1].isupper():
        return len(selector) + 1
    if selector == rule.technique:
        return 1
    if selector == "all" or (selector == "default" and rule.default):
        return 0
    return None


def check_selectors(selectors, rules: list[Rule], option: str) -> None:
    for selector in selectors:
        if selector not in ("all", "default") and not any(specificity(selector, r) is not None for r in rules):
            raise FramelintError(f"{option}: unknown rule code, name or technique {selector!r}")


def select_rules(rules: list[Rule], select=None, ignore=(), extend_select=()) -> list[Rule]:
    """The rules to run: ``select`` (default: the default-on rules) plus ``extend_select``, minus
    ``ignore``; raises FramelintError for a selector that names no rule."""
    select = ["default"] if select is None else list(select)
    chosen = select + list(extend_select)
    check_selectors(chosen, rules, "select")
    check_selectors(ignore, rules, "ignore")
    result = []
    for rule in rules:
        on = max((s for s in (specificity(x, rule) for x in chosen) if s is not None), default=None)
        off = max((s for s in (specificity(x, rule) for x in ignore) if s is not None), default=None)
        if on is not None and (off is None or on > off):
            result.append(rule)
    return result
