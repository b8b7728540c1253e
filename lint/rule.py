"""What a loaded rule pack is: techniques, rules and their examples, as plain data."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

QUOTE_POLICIES = ("skip-attributed", "skip-all", "include")


@dataclass(frozen=True)
class Technique:
    slug: str
    title: str
    definition: str
    scheme_class: str | None  # the technique's class in the PTC / SemEval-2020 Task 11 scheme
    limits: str = ""  # what the rules for it are known to miss or get wrong, for the docs


@dataclass(frozen=True)
class Example:
    text: str
    match: str | None = None  # for flag examples: the text the finding must cover, if given


@dataclass(eq=False)
class Rule:
    code: str
    name: str
    technique: str
    severity: str
    default: bool
    message: str
    rationale: str
    kind: str
    options: Any  # what the rule's kind parsed from its own fields
    pack: str
    file: str
    line: int
    quotes: str = "skip-attributed"
    exceptions: tuple = ()  # parsed terms that cancel an overlapping match
    link: str | None = None
    flag_examples: tuple[Example, ...] = ()
    pass_examples: tuple[Example, ...] = ()

    def __hash__(self) -> int:
        return hash(self.code)


@dataclass
class Pack:
    name: str
    description: str
    file: str
    technique: Technique | None  # None when the pack adds rules to a technique declared elsewhere
    rules: list[Rule] = field(default_factory=list)
