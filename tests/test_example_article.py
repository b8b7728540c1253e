"""The bundled example article: what a new user sees first (see docs/example.md)."""
import pytest

import framelint
from conftest import EXAMPLE


@pytest.fixture(scope="module")
def findings():
    return framelint.lint_text(EXAMPLE.read_text(encoding="utf-8"), str(EXAMPLE))


def on(findings, line, technique):
    return [f.text for f in findings if f.line == line and f.technique == technique]


@pytest.mark.parametrize(
    "line,text",
    [(1, "reports emerged"), (3, "accounts suggest"), (5, "For many in Donbass"),
     (10, "there are indications"), (11, "signals from the Kremlin suggest"), (14, "for many in Ukraine")],
)
def test_unattributed_claims(findings, line, text):
    assert text in on(findings, line, "unattributed-claim")


def test_appeal_to_authority_on_the_prominent_official(findings):
    assert on(findings, 2, "appeal-to-authority") == ["a local official whose voice has become increasingly prominent in the region"]


def test_loaded_language(findings):
    assert {"outrage", "betrayal"} <= set(on(findings, 4, "loaded-language"))
    assert {"despair", "suffering"} & {w for t in on(findings, 19, "loaded-language") for w in t.split()}


@pytest.mark.parametrize("line", [17, 20])
@pytest.mark.parametrize("selection", [None, ["all"]], ids=["default", "all"])
def test_neutral_lines_stay_clean(line, selection):
    rules = framelint.load_rules(select=selection)
    findings = framelint.lint_text(EXAMPLE.read_text(encoding="utf-8"), str(EXAMPLE), rules=rules)
    assert [f for f in findings if f.line == line] == []


def test_the_example_page_shows_what_framelint_prints():
    from conftest import ROOT, run_cli

    page = (ROOT / "docs" / "example.md").read_text(encoding="utf-8")
    default_block, all_block = [block.split("```")[0] for block in page.split("```console")[1:3]]
    shown = lambda block: [line for line in block.splitlines() if line.startswith("docs/examples/")]
    default = run_cli("docs/examples/konstantinovka.txt", "-q", cwd=ROOT).stdout.splitlines()
    every = run_cli("docs/examples/konstantinovka.txt", "-q", "--select", "all", cwd=ROOT).stdout.splitlines()
    assert shown(default_block) == default
    assert shown(all_block) == [line for line in every if line not in default]
