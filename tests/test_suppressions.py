"""Suppressions: comment directives in Markdown and HTML, sidecar files for plain text, unknown
codes as errors, and the FL001 report of suppressions that suppressed nothing."""
import json

import pytest

from conftest import run_cli

BETRAYAL = "The decision was a betrayal of the wounded."
REPORTS = "Reports emerged that the unit had withdrawn."


def ll201(path, line, column=20):
    return f'{path}:{line}:{column}: LL201 loaded term "betrayal" frames the event emotionally; consider "abandonment" [emotive-term]'


def uc101(path, line, column=1):
    return f'{path}:{line}:{column}: UC101 claim rests on anonymous reports ("Reports emerged"); name the source [anonymous-report]'


def lint(framelint_in, tmp_path, name, text, *options):
    (tmp_path / name).write_text(text, encoding="utf-8")
    return framelint_in(name, "--isolated", *options)


def test_disable_and_enable_block_by_technique(framelint_in, tmp_path):
    text = f"""# Council vote

{BETRAYAL}

<!-- framelint-disable loaded-language -->
{BETRAYAL} {REPORTS}

{BETRAYAL}
<!-- framelint-enable loaded-language -->

{BETRAYAL}
"""
    result = lint(framelint_in, tmp_path, "a.md", text)
    assert result.stdout.splitlines() == [ll201("a.md", 3), uc101("a.md", 6, 45), ll201("a.md", 11)]


def test_disable_without_codes_is_every_rule_and_enable_one_code_reenables_only_it(framelint_in, tmp_path):
    text = f"<!-- framelint-disable -->\n{REPORTS}\n\n{BETRAYAL}\n<!-- framelint-enable LL201 -->\n{REPORTS}\n\n{BETRAYAL}\n"
    result = lint(framelint_in, tmp_path, "a.md", text)
    assert result.stdout.splitlines() == [ll201("a.md", 8)]


def test_disable_next_line_by_code_prefix_and_rule_name(framelint_in, tmp_path):
    text = (f"<!-- framelint-disable-next-line LL -->\n{BETRAYAL}\n{BETRAYAL}\n\n"
            f"<!-- framelint-disable-next-line emotive-term, anonymous-report -->\n{REPORTS} {BETRAYAL}\n")
    result = lint(framelint_in, tmp_path, "a.md", text)
    assert result.stdout.splitlines() == [ll201("a.md", 3)]


def test_directives_in_an_html_file(framelint_in, tmp_path):
    text = f"<html><body>\n<!-- framelint-disable-next-line LL201 -->\n<p>{BETRAYAL}</p>\n<p>{BETRAYAL}</p>\n</body></html>\n"
    result = lint(framelint_in, tmp_path, "a.html", text)
    assert result.stdout.splitlines() == [ll201("a.html", 4, 23)]


def test_unknown_code_in_a_directive_is_an_error_naming_file_and_line(tmp_path):
    (tmp_path / "a.md").write_text(f"{BETRAYAL}\n\n<!-- framelint-disable LL201 LL2O1 -->\n{BETRAYAL}\n", encoding="utf-8")
    (tmp_path / "b.md").write_text(f"{BETRAYAL}\n", encoding="utf-8")
    result = run_cli("a.md", "b.md", "--isolated", "-q", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == ("framelint: error: a.md:3: unknown rule code, name or technique 'LL2O1' "
                             "in <!-- framelint-disable LL201 LL2O1 -->\n")
    assert result.stdout.splitlines() == [ll201("b.md", 1)]  # the other file is still linted


def test_misspelt_directive_is_an_error(framelint_in, tmp_path):
    result = lint(framelint_in, tmp_path, "a.md", f"<!-- framelint-disabled LL201 -->\n{BETRAYAL}\n")
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == (
        "framelint: error: a.md:1: unknown directive 'framelint-disabled' "
        "(known: framelint-disable, framelint-enable, framelint-disable-next-line)")


def test_unused_suppressions_are_reported_as_fl001(framelint_in, tmp_path):
    text = (f"<!-- framelint-disable-next-line LL201 -->\n{BETRAYAL}\n\n"   # used
            f"<!-- framelint-disable-next-line UC101 -->\n{BETRAYAL}\n\n"   # unused: UC101 ran, found nothing here
            f"<!-- framelint-disable-next-line AA301 -->\n{BETRAYAL}\n")    # not judged: AA301 did not run
    quiet = lint(framelint_in, tmp_path, "a.md", text, "--ignore", "AA301")
    assert quiet.stdout.splitlines() == [ll201("a.md", 5), ll201("a.md", 8)]
    result = framelint_in("a.md", "--isolated", "--ignore", "AA301", "--report-unused-suppressions")
    assert result.stdout.splitlines() == [
        "a.md:4:1: FL001 unused suppression: <!-- framelint-disable-next-line UC101 --> suppressed nothing [unused-suppression]",
        ll201("a.md", 5), ll201("a.md", 8),
    ]


def test_unused_suppressions_reach_formats_that_describe_every_rule(framelint_in, tmp_path):
    text = f"<!-- framelint-disable-next-line UC101 -->\n{BETRAYAL}\n"
    result = lint(framelint_in, tmp_path, "a.md", text, "--report-unused-suppressions", "--format", "sarif")
    run = json.loads(result.stdout)["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"] if r["id"] == "FL001"] == ["FL001"]
    assert sorted(r["ruleId"] for r in run["results"]) == ["FL001", "LL201"]


SIDECAR = """\
ignore:
  - code: LL201
    text: the vote was a betrayal
    reason: the union's words, quoted in full below
  - code: anonymous-report
    line: 4
"""


def test_sidecar_ignores_by_passage_and_by_line_survive_unrelated_edits(framelint_in, tmp_path):
    (tmp_path / "a.txt.framelint.yaml").write_text(SIDECAR, encoding="utf-8")
    text = f"{BETRAYAL}\nThe union said the vote was a\nbetrayal of its members.\n{REPORTS}\n{REPORTS}\n"
    result = lint(framelint_in, tmp_path, "a.txt", text)
    assert result.stdout.splitlines() == [ll201("a.txt", 1), uc101("a.txt", 5)]


def test_sidecar_without_line_or_text_covers_the_whole_file_and_unused_entries_are_reported(framelint_in, tmp_path):
    (tmp_path / "a.txt.framelint.yaml").write_text("ignore:\n  - code: LL201\n  - code: UC\n    line: 1\n", encoding="utf-8")
    result = lint(framelint_in, tmp_path, "a.txt", f"{BETRAYAL}\n{BETRAYAL}\n{REPORTS}\n", "--report-unused-suppressions")
    assert result.stdout.splitlines() == [
        "a.txt:1:1: FL001 unused suppression: ignore UC (a.txt.framelint.yaml:3) suppressed nothing [unused-suppression]",
        uc101("a.txt", 3),
    ]


@pytest.mark.parametrize("sidecar,error", [
    ("ignore:\n  - code: LL201\n  - code: LL2O1\n", "a.txt.framelint.yaml:3: unknown rule code, name or technique 'LL2O1' in ignore LL2O1"),
    ("ignore:\n  - code: LL201\n    lines: 4\n", "a.txt.framelint.yaml:2: ignore[0].lines: unknown key (known: code, line, text, reason)"),
    ("ignore:\n  - line: 4\n", "a.txt.framelint.yaml:2: ignore[0]: missing required key 'code'"),
    ("ignore:\n  - code: LL201\n    line: four\n", "a.txt.framelint.yaml:2: ignore[0].line: must be a line number"),
    ("- code: LL201\n", "a.txt.framelint.yaml:1: must be a mapping with one key, 'ignore', holding a list"),
    ("ignore: [\n", "a.txt.framelint.yaml:2: malformed YAML: expected the node content, but found '<stream end>'"),
])
def test_sidecar_mistakes_are_errors_naming_the_sidecar(framelint_in, tmp_path, sidecar, error):
    (tmp_path / "a.txt.framelint.yaml").write_text(sidecar, encoding="utf-8")
    result = lint(framelint_in, tmp_path, "a.txt", f"{BETRAYAL}\n")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.splitlines()[0] == f"framelint: error: {error}"
