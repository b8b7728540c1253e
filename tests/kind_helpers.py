"""Build one rule of a given kind from its YAML fields and lint text with it, for the kind tests."""
import textwrap

import pytest

import framelint
from framelint.engine import Linter
from framelint.errors import RulePackError
from framelint.loader import load_pack
from framelint.plugins import rule_kinds

PACK = """\
pack: kind-test
description: One rule to exercise a kind.
technique: loaded-language
rules:
  - code: KT101
    name: kind-test
    kind: {kind}
    message: '"{{match}}"'
    rationale: Exercises the kind.
{fields}
    examples:
      flag: [unused]
      pass: [unused]
"""


def make_rule(kind: str, fields: str):
    """The rule; a mistake in ``fields`` raises RulePackError as it would for a user's pack."""
    text = PACK.format(kind=kind, fields=textwrap.indent(textwrap.dedent(fields).strip("\n"), "    "))
    return load_pack(text, "kind-test.yaml", rule_kinds()).rules[0]


def found(kind: str, fields: str, text: str) -> list[tuple[int, int, str]]:
    """(line, column, text) of each finding, in order."""
    result = Linter([make_rule(kind, fields)]).lint(framelint.Document(text))
    return [(f.line, f.column, f.text) for f in result.findings]


def problem(kind: str, fields: str) -> str:
    """What the pack error says about ``fields``, after "file:line: invalid rule pack: "."""
    with pytest.raises(RulePackError) as err:
        make_rule(kind, fields)
    return str(err.value).split("invalid rule pack: ", 1)[1]
