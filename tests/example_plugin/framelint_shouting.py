"""An example framelint plugin: a rule kind, a rule pack and an output format in one module.

Installed packages advertise it in their metadata:

    [project.entry-points.framelint]
    shouting = "framelint_shouting"
"""
from pathlib import Path

import regex

import framelint
from framelint.kind import Match

CAPITALS = regex.compile(r"\b\p{Lu}{2,}(?:\s+\p{Lu}{2,})*\b")


class ShoutingKind:
    """Kind ``shouting``: runs of words in capitals, at least ``min_letters`` letters long."""

    name = "shouting"
    description = "words written in capitals for emphasis"

    def parse(self, fields):
        return fields.get("min_letters", int, 4)

    def compile(self, rules):
        return ShoutingMatcher(rules)


class ShoutingMatcher:
    def __init__(self, rules):
        self.rules = rules

    def find(self, doc, context):
        for m in CAPITALS.finditer(doc.text):
            letters = sum(c.isalpha() for c in m.group())
            for rule in self.rules:
                if letters >= rule.options:
                    yield Match(rule, m.start(), m.end())


class TsvFormat:
    name = "tsv"
    description = "tab-separated: path, line, column, code, text"

    def render(self, report, stream):
        for f in report.findings:
            stream.write(f"{f.path}\t{f.line}\t{f.column}\t{f.code}\t{f.text}\n")


@framelint.hookimpl
def framelint_rule_kinds():
    return [ShoutingKind()]


@framelint.hookimpl
def framelint_rule_packs():
    return [Path(__file__).with_name("shouting.yaml")]


@framelint.hookimpl
def framelint_output_formats():
    return [TsvFormat()]
