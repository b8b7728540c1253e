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
def test_neutral_lines_stay_clean(findings, line):
    assert [f for f in findings if f.line == line] == []
