"""What a rule kind sees and returns: the rule's own YAML fields in, matches out."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .errors import RulePackError
from .rule import Rule
from .yamlsource import Located

MISSING = object()


class Fields:
    """A rule's YAML mapping, read field by field; every mistake names file, line and field.

    Kinds read their own fields through it; whatever nobody read is an unknown field."""

    def __init__(self, located: Located, path: tuple, data: dict):
        self.located, self.path, self.data = located, path, data
        self.read: set[str] = set()

    def error(self, name: str | tuple, problem: str) -> RulePackError:
        sub = name if isinstance(name, tuple) else (name,)
        return self.located.error(self.path + sub, problem)

    def get(self, name: str, types: type | tuple, default: Any = MISSING, choices: tuple = ()) -> Any:
        self.read.add(name)
        if name not in self.data:
            if default is MISSING:
                raise self.error((), f"missing required field {name!r}")
            return default
        value = self.data[name]
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in _as_tuple(types)):
            raise self.error(name, f"must be {_type_names(types)}, not {_type_names(type(value))}")
        if choices and value not in choices:
            raise self.error(name, f"must be one of {', '.join(choices)}, not {value!r}")
        return value

    def strings(self, name: str, default: Any = MISSING, allow_mappings: bool = False) -> list:
        """A list of non-empty strings (or mappings, where a kind allows them)."""
        items = self.get(name, list, default)
        allowed = (str, dict) if allow_mappings else str
        for i, item in enumerate(items):
            if not isinstance(item, allowed) or (isinstance(item, str) and not item.strip()):
                raise self.error((name, i), f"must be {'a term or a mapping' if allow_mappings else 'a non-empty string'}")
        return items

    def case_sensitive(self) -> bool:
        """The rule's ``case`` field: words and patterns match regardless of case unless it is
        ``sensitive``."""
        return self.get("case", str, "insensitive", choices=("sensitive", "insensitive")) == "sensitive"

    def unknown(self) -> list[str]:
        return [k for k in self.data if k not in self.read]


def _as_tuple(types) -> tuple:
    return types if isinstance(types, tuple) else (types,)


def _type_names(types) -> str:
    names = {str: "a string", bool: "true or false", int: "a whole number", float: "a number",
             list: "a list", dict: "a mapping", type(None): "empty"}
    return " or ".join(names.get(t, t.__name__) for t in _as_tuple(types))


@dataclass(slots=True)
class Match:
    """A place where a rule's kind matched, before quotation policy and exceptions apply. Not
    frozen: a frozen dataclass is several times slower to create, and matches are many."""

    rule: Rule
    start: int
    end: int
    suggestion: str | None = None


@dataclass
class MatchContext:
    """Settings and a place for notices (such as a regex timing out) during one document's run."""

    regex_timeout: float = 1.0
    notices: list[str] = field(default_factory=list)

    def timed_out(self, rule: Rule, path: str) -> None:
        self.notices.append(
            f"{path}: rule {rule.code} ({rule.name}) timed out after {self.regex_timeout:g}s; "
            "its findings for this file are incomplete"
        )
