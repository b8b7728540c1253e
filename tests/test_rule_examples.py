"""Every rule's own examples are tests: each flag example is reported, each pass one is not."""
import pytest

import framelint
from framelint.engine import Linter

RULES = framelint.list_rules()
LINTERS = {rule.code: Linter([rule]) for rule in RULES}


def _cases(which):
    return [
        pytest.param(rule, example, id=f"{rule.code}-{which}-{i}")
        for rule in RULES
        for i, example in enumerate(getattr(rule, f"{which}_examples"))
    ]


@pytest.mark.parametrize("rule,example", _cases("flag"))
def test_flag_example_is_reported(rule, example):
    findings = [f for f in LINTERS[rule.code].lint(framelint.Document(example.text)).findings if f.code == rule.code]
    assert findings, f"{rule.code} misses its flag example: {example.text}"
    if example.match:
        assert example.match in [f.text for f in findings], f"{rule.code} marks {[f.text for f in findings]}, expected {example.match!r}"


@pytest.mark.parametrize("rule,example", _cases("pass"))
def test_pass_example_is_not_reported(rule, example):
    findings = [f for f in LINTERS[rule.code].lint(framelint.Document(example.text)).findings if f.code == rule.code]
    assert not findings, f"{rule.code} flags its pass example: {[f.text for f in findings]}"


def test_builtin_rules_have_three_examples_each_way():
    thin = [r.code for r in RULES if len(r.flag_examples) < 3 or len(r.pass_examples) < 3]
    assert not thin, f"rules with fewer than 3 flag or pass examples: {thin}"
