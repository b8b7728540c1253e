"""Configuration through the command: discovery, validation errors, precedence, per-path sections,
--show-config provenance, and the exit codes of --fail-level and --max-findings (those through a
real subprocess)."""
import json

import pytest

from conftest import ROOT, run_cli
from framelint.config import glob_matches

# UC101 at 1:1 ("Reports emerged"), LL201 at 1:41 ("betrayal").
ARTICLE = "Reports emerged that the decision was a betrayal of the wounded.\n"
UC101 = 'a.txt:1:1: UC101 claim rests on anonymous reports ("Reports emerged"); name the source [anonymous-report]'
LL201 = 'a.txt:1:41: LL201 loaded term "betrayal" frames the event emotionally; consider "abandonment" [emotive-term]'


HOUSE_PACK = """\
pack: house-style
description: The newsroom's own words to avoid.
technique: loaded-language
rules:
  - code: HS101
    name: house-banned-word
    kind: terms
    message: 'house style avoids "{match}"'
    rationale: The style guide lists it.
    terms: [lamentable]
    examples:
      flag: [It was a lamentable vote.]
      pass: [It was a close vote.]
"""


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def lines(result, prefix=""):
    """The finding lines, with the directory prefix taken off the paths."""
    return [line.removeprefix(prefix) for line in result.stdout.splitlines()]


# Discovery.

def test_nearest_config_upward_from_the_linted_file_wins(framelint_in, tmp_path):
    write(tmp_path / ".framelint.yaml", "ignore: [UC101]\n")
    write(tmp_path / "desk" / "framelint.yaml", "ignore: [LL201]\n")
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "desk" / "deep" / "a.txt", ARTICLE)
    assert lines(framelint_in("a.txt")) == [LL201]
    assert lines(framelint_in("desk/deep/a.txt"), "desk/deep/") == [UC101]


def test_several_paths_use_the_config_of_their_common_directory(framelint_in, tmp_path):
    write(tmp_path / ".framelint.yaml", "ignore: [UC101]\n")
    write(tmp_path / "one" / ".framelint.yaml", "ignore: [LL201]\n")
    write(tmp_path / "one" / "a.txt", ARTICLE)
    write(tmp_path / "two" / "a.txt", ARTICLE)
    result = framelint_in("one/a.txt", "two/a.txt")
    assert lines(result) == ["one/" + LL201, "two/" + LL201]


def test_pyproject_section_is_found_and_a_pyproject_without_one_is_passed_over(framelint_in, tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.framelint]\nignore = ["LL201"]\n')
    write(tmp_path / "site" / "pyproject.toml", '[project]\nname = "site"\n')
    write(tmp_path / "site" / "a.txt", ARTICLE)
    assert lines(framelint_in("site/a.txt"), "site/") == [UC101]
    shown = framelint_in("--show-config", "site").stdout.splitlines()
    assert shown[0] == "# configuration file: pyproject.toml"
    assert "ignore: [LL201]                                 # pyproject.toml" in shown


def test_yaml_beats_pyproject_in_the_same_directory(framelint_in, tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.framelint]\nignore = ["LL201"]\n')
    write(tmp_path / ".framelint.yaml", "ignore: [UC101]\n")
    write(tmp_path / "a.txt", ARTICLE)
    assert lines(framelint_in("a.txt")) == [LL201]


def test_explicit_config_and_isolated(framelint_in, tmp_path):
    write(tmp_path / ".framelint.yaml", "ignore: [UC101]\n")
    write(tmp_path / "strict.yaml", "ignore: [LL201]\n")
    write(tmp_path / "a.txt", ARTICLE)
    assert lines(framelint_in("a.txt", "--config", "strict.yaml")) == [UC101]
    assert lines(framelint_in("a.txt", "--isolated")) == [UC101, LL201]


# Errors: one line naming file, line and key; exit 2.

@pytest.mark.parametrize("name,text,error", [
    (".framelint.yaml", "select: [LL201]\nignor: [UC101]\n",
     ".framelint.yaml:2: invalid configuration: ignor: unknown key (known: select, extend-select, ignore, severity, "
     "quotes, rules, include, exclude, per-path, fail-level, max-findings, report-unused-suppressions)"),
    (".framelint.yaml", "ignore:\n  - LL201\n  - LL299\n",
     ".framelint.yaml:3: invalid configuration: ignore[1]: unknown rule code, name or technique 'LL299'"),
    (".framelint.yaml", "severity:\n  loaded-langauge: error\n",
     ".framelint.yaml:2: invalid configuration: severity.loaded-langauge: unknown rule code, name or technique 'loaded-langauge'"),
    (".framelint.yaml", "max-findings: ten\n",
     ".framelint.yaml:1: invalid configuration: max-findings: must be a whole number of 0 or more, not 'ten'"),
    (".framelint.yaml", "select: LL201\n",
     ".framelint.yaml:1: invalid configuration: select: must be a list of strings, not a string"),
    (".framelint.yaml", "fail-level: fatal\n",
     ".framelint.yaml:1: invalid configuration: fail-level: must be one of info, warning, error, not 'fatal'"),
    (".framelint.yaml", "per-path:\n  - paths: [opinion]\n    quotes: {LL201: never}\n",
     ".framelint.yaml:3: invalid configuration: per-path[0].quotes.LL201: must be one of skip-attributed, skip-all, include, not 'never'"),
    (".framelint.yaml", "per-path:\n  - ignore: [LL201]\n",
     ".framelint.yaml:2: invalid configuration: per-path[0]: missing required key 'paths'"),
    (".framelint.yaml", "per-path:\n  - paths: [opinion]\n    fail-level: error\n",
     ".framelint.yaml:3: invalid configuration: per-path[0].fail-level: unknown key (known: paths, select, extend-select, ignore, severity, quotes)"),
    (".framelint.yaml", "select: [LL201\nignore: []\n",
     ".framelint.yaml:2: invalid configuration: malformed YAML: expected ',' or ']', but got ':'"),
    (".framelint.yaml", "- LL201\n",
     ".framelint.yaml:1: invalid configuration: must be a mapping of settings, not a list"),
    ("pyproject.toml", '[tool.framelint]\nselect = ["LL201", "UC1O1"]\n',
     "pyproject.toml: invalid configuration: tool.framelint.select[1]: unknown rule code, name or technique 'UC1O1'"),
    ("pyproject.toml", '[tool.framelint]\nmax-findings = "3"\n',
     "pyproject.toml: invalid configuration: tool.framelint.max-findings: must be a whole number of 0 or more, not '3'"),
])
def test_configuration_mistakes_are_one_line_naming_file_line_and_key(framelint_in, tmp_path, name, text, error):
    write(tmp_path / name, text)
    write(tmp_path / "a.txt", ARTICLE)
    result = framelint_in("a.txt")
    assert (result.returncode, result.stdout, result.stderr) == (2, "", f"framelint: error: {error}\n")


def test_malformed_toml_is_named(framelint_in, tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.framelint]\nselect = [\n")
    result = framelint_in("--show-config")
    # The parser's own wording (tomllib or tomli) follows.
    assert result.returncode == 2
    assert result.stderr.startswith("framelint: error: pyproject.toml: invalid configuration: malformed TOML: ")


def test_missing_config_file_and_unknown_command_line_code(framelint_in, tmp_path):
    write(tmp_path / "a.txt", ARTICLE)
    missing = framelint_in("a.txt", "--config", "none.yaml")
    assert (missing.returncode, missing.stderr) == (2, "framelint: error: none.yaml: invalid configuration: no such file\n")
    unknown = framelint_in("a.txt", "--isolated", "--extend-select", "LL2O1")
    assert (unknown.returncode, unknown.stderr) == (2, "framelint: error: extend-select: unknown rule code, name or technique 'LL2O1'\n")


# Precedence: the command line beats the file.

def test_command_line_select_replaces_the_files_selection(framelint_in, tmp_path):
    write(tmp_path / ".framelint.yaml", "select: [UC]\nignore: [LL201]\n")
    write(tmp_path / "a.txt", ARTICLE)
    assert lines(framelint_in("a.txt")) == [UC101]
    assert lines(framelint_in("a.txt", "--select", "LL201")) == [LL201]


def test_command_line_extend_select_and_ignore_add_to_the_files_selection(framelint_in, tmp_path):
    write(tmp_path / ".framelint.yaml", "select: [UC]\n")
    write(tmp_path / "a.txt", ARTICLE)
    assert lines(framelint_in("a.txt", "--extend-select", "LL201")) == [UC101, LL201]
    assert lines(framelint_in("a.txt", "--extend-select", "LL201", "--ignore", "UC")) == [LL201]


def test_show_config_names_the_source_of_every_value(framelint_in, tmp_path):
    write(tmp_path / ".framelint.yaml", "ignore: [UC101]\n\nper-path:\n  - paths: [\"opinion/**\"]\n    ignore: [loaded-language]\n")
    result = framelint_in("--show-config", "--extend-select", "LL202", "--ignore", "NC106", "--fail-level", "error")
    assert result.returncode == 0
    shown = result.stdout.splitlines()
    assert shown[0] == "# configuration file: .framelint.yaml"
    assert shown[1:4] == [
        "select: [default]                               # default",
        "extend-select: [LL202]                          # command line",
        "ignore: [UC101, NC106]                          # .framelint.yaml:1, command line",
    ]
    assert shown[9:12] == [
        "per-path:                                       # .framelint.yaml:4",
        '  - paths: ["opinion/**"]                       # .framelint.yaml:4',
        "    ignore: [loaded-language]",
    ]
    assert "fail-level: error                               # command line" in shown
    assert "max-findings: 0                                 # default" in shown


def test_show_config_output_is_itself_a_valid_configuration(framelint_in, tmp_path):
    write(tmp_path / ".framelint.yaml", "severity: {UC: info}\nquotes: {LL201: include}\nexclude: [\"drafts/*\"]\n")
    first = framelint_in("--show-config").stdout
    write(tmp_path / "copy" / "framelint.yaml", first)
    second = framelint_in("--show-config", "--config", "copy/framelint.yaml").stdout
    strip = lambda text: [line.split(" #")[0].rstrip() for line in text.splitlines()[1:]]
    assert strip(second) == strip(first)


def test_the_documented_examples_are_valid_configurations(framelint_in, tmp_path):
    doc = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    example = doc.split("## An example", 1)[1]
    yaml_text = example.split("```yaml\n", 1)[1].split("```", 1)[0]
    toml_text = example.split("```toml\n", 1)[1].split("```", 1)[0]
    write(tmp_path / "style" / "house-terms.yaml", HOUSE_PACK)
    write(tmp_path / ".framelint.yaml", yaml_text)
    shown = framelint_in("--show-config")
    assert (shown.returncode, shown.stderr) == (0, "")
    assert "extend-select: [LL202]                          # .framelint.yaml:2" in shown.stdout
    write(tmp_path / "site" / "pyproject.toml", toml_text)
    shown = framelint_in("--show-config", "site")
    assert (shown.returncode, shown.stderr) == (0, "")
    assert "severity: {unattributed-claim: error}           # site/pyproject.toml" in shown.stdout


# What the settings do.

def test_per_path_section_allows_loaded_language_in_opinion_only(framelint_in, tmp_path):
    write(tmp_path / ".framelint.yaml", 'per-path:\n  - paths: ["opinion/**"]\n    ignore: [loaded-language]\n')
    write(tmp_path / "news" / "a.txt", ARTICLE)
    write(tmp_path / "opinion" / "2024" / "a.txt", ARTICLE)
    result = framelint_in(".")
    assert lines(result, "./") == ["news/" + UC101, "news/" + LL201, "opinion/2024/" + UC101]


def test_per_path_select_replaces_and_severity_applies_to_matching_files_only(framelint_in, tmp_path):
    write(tmp_path / ".framelint.yaml",
          "per-path:\n  - paths: [wire]\n    select: [LL201]\n    severity: {LL201: error}\n")
    write(tmp_path / "wire" / "a.txt", ARTICLE)
    write(tmp_path / "a.txt", ARTICLE)
    result = framelint_in("wire/a.txt", "a.txt", "--format", "json")

    found = [(f["path"], f["code"], f["severity"]) for f in json.loads(result.stdout)]
    assert found == [("a.txt", "UC101", "warning"), ("a.txt", "LL201", "warning"), ("wire/a.txt", "LL201", "error")]


def test_quotation_policy_override_reports_attributed_quotes(framelint_in, tmp_path):
    write(tmp_path / "a.txt", "“It was a betrayal of the wounded,” the minister said on Tuesday.\n")
    assert framelint_in("a.txt", "--isolated").stdout == ""
    write(tmp_path / ".framelint.yaml", "quotes:\n  loaded-language: include\n")
    assert lines(framelint_in("a.txt")) == [
        'a.txt:1:11: LL201 loaded term "betrayal" frames the event emotionally; consider "abandonment" [emotive-term]'
    ]


def test_include_exclude_choose_walked_files_and_rules_paths_are_relative_to_the_config(framelint_in, tmp_path):
    write(tmp_path / "packs" / "house.yaml", HOUSE_PACK)
    write(tmp_path / "site" / "framelint.yaml",
          "rules: [../packs/house.yaml]\nselect: [HS101]\ninclude: ['*.txt', '*.rst']\nexclude: [drafts]\n")
    for name in ("a.txt", "b.rst", "c.md", "drafts/d.txt"):
        write(tmp_path / "site" / name, "It was a lamentable vote.\n")
    result = framelint_in("site")
    assert lines(result) == [f'site/{name}:1:10: HS101 house style avoids "lamentable" [house-banned-word]'
                             for name in ("a.txt", "b.rst")]


@pytest.mark.parametrize("glob,path,expected", [
    ("opinion/**", "opinion/2024/a.txt", True),
    ("opinion/**", "news/opinion.txt", False),
    ("opinion", "desk/opinion/a.txt", True),
    ("*.md", "desk/a.md", True),
    ("desk/*.md", "desk/deep/a.md", False),
    ("**/draft-*.txt", "a/b/draft-1.txt", True),
    ("**/draft-*.txt", "draft-1.txt", True),
])
def test_glob_matching(glob, path, expected):
    assert glob_matches(glob, path) is expected


# Failing the build.

@pytest.mark.parametrize("options,code", [
    ((), 1),                                   # two warnings, default fail level warning
    (("--fail-level", "error"), 0),            # findings below the fail level are still shown
    (("--max-findings", "2"), 0),
    (("--max-findings", "1"), 1),
])
def test_fail_level_and_max_findings_exit_codes(tmp_path, options, code):
    write(tmp_path / "a.txt", ARTICLE)
    result = run_cli("a.txt", "--isolated", *options, cwd=tmp_path)
    assert (result.returncode, lines(result)) == (code, [UC101, LL201])


def test_fail_level_counts_only_findings_at_or_above_it(framelint_in, tmp_path):
    write(tmp_path / ".framelint.yaml", "severity: {UC101: info, LL201: error}\nfail-level: error\nmax-findings: 1\n")
    write(tmp_path / "a.txt", ARTICLE)
    assert framelint_in("a.txt").returncode == 0  # one error, one allowed
    assert framelint_in("a.txt", "--max-findings", "0").returncode == 1
    assert framelint_in("a.txt", "--fail-level", "info").returncode == 1  # info + error > 1
    assert framelint_in("a.txt", "--ignore", "LL201", "--max-findings", "0").returncode == 0
