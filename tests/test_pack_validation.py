"""A broken rule pack stops the run with one line naming file, line and field; exit 2."""
import textwrap

import pytest

from conftest import run_cli

GOOD_RULE = """\
pack: house-style
description: Our newsroom's own words to avoid.
technique: loaded-language
rules:
  - code: HS101
    name: house-loaded
    severity: info
    kind: terms
    message: 'house style: avoid "{match}"'
    rationale: Our style guide bans it.
    terms: [bombshell]
    examples:
      flag: [The bombshell report landed on Friday.]
      pass: [The report landed on Friday.]
"""


def write(tmp_path, text):
    path = tmp_path / "pack.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def lint_with(pack):
    return run_cli("-", "--rules", pack, "--select", "HS", input="The bombshell report landed.\n")


def test_a_valid_user_pack_adds_rules(tmp_path):
    result = lint_with(write(tmp_path, GOOD_RULE))
    assert result.stdout == '<stdin>:1:5: HS101 house style: avoid "bombshell" [house-loaded]\n'


@pytest.mark.parametrize(
    "old,new,expected",
    [
        ("severity: info", "severity: loud", ":7: invalid rule pack: rules[0].severity: must be one of info, warning, error, not 'loud'"),
        ("code: HS101", "code: hs-1", ":5: invalid rule pack: rules[0].code: 'hs-1' is not a rule code (1-4 capital letters and 3 digits, e.g. LL201)"),
        ("kind: terms", "kind: magic", ":8: invalid rule pack: rules[0].kind: unknown kind 'magic' (known: "),
        ("terms: [bombshell]", "terms: bombshell", ":11: invalid rule pack: rules[0].terms: must be a list, not a string"),
        ("    rationale: Our style guide bans it.\n", "", ":5: invalid rule pack: rules[0]: missing required field 'rationale'"),
        ("terms: [bombshell]", "terms: [bombshell]\n    colour: red", ":12: invalid rule pack: rules[0].colour: unknown field"),
        ("message: 'house style: avoid \"{match}\"'", "message: 'avoid {term}'", ":9: invalid rule pack: rules[0].message: unknown placeholder {term} (known: {match})"),
        ("pass: [The report landed on Friday.]", "pass: []", ":14: invalid rule pack: rules[0].examples.pass: needs at least one example sentence"),
        ("technique: loaded-language", "technique: spin", ":5: invalid rule pack: technique: unknown technique 'spin'"),
        ("code: HS101", "code: LL201", ":5: invalid rule pack: code: 'LL201' is already used in"),
    ],
)
def test_mistakes_name_file_line_and_field(tmp_path, old, new, expected):
    assert old in GOOD_RULE
    pack = write(tmp_path, GOOD_RULE.replace(old, new))
    result = lint_with(pack)
    assert result.returncode == 2
    assert result.stderr.startswith(f"framelint: error: {pack}{expected}")
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr


def test_regex_syntax_error_names_the_rule_field(tmp_path):
    pack = write(tmp_path, GOOD_RULE.replace("kind: terms", "kind: pattern").replace("terms: [bombshell]", "patterns: ['bomb(shell']"))
    result = lint_with(pack)
    assert result.returncode == 2
    assert result.stderr.startswith(f"framelint: error: {pack}:11: invalid rule pack: rules[0].patterns[0]: invalid regular expression: missing )")


def test_malformed_yaml_names_the_line(tmp_path):
    pack = write(tmp_path, GOOD_RULE.replace("    kind: terms", "    kind: [terms"))
    result = lint_with(pack)
    assert result.returncode == 2
    assert result.stderr.startswith(f"framelint: error: {pack}:")
    assert "malformed YAML" in result.stderr and "Traceback" not in result.stderr


def test_alias_bomb_is_refused(tmp_path):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(8)
    )
    pack = write(tmp_path, bomb)
    result = lint_with(pack)
    assert result.returncode == 2
    assert "more than 200000 values (alias expansion?)" in result.stderr


def test_missing_pack_path(tmp_path):
    result = run_cli("-", "--rules", tmp_path / "nope.yaml", input="x\n")
    assert result.returncode == 2
    assert result.stderr == f"framelint: error: {tmp_path / 'nope.yaml'}: invalid rule pack: no such file or directory\n"
