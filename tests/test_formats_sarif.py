"""``sarif``: valid SARIF 2.1.0 (checked against the schema, a check shown to fail on bad
documents), every selected rule described, results located in code points, fingerprints that
survive unrelated edits."""
import copy
import json
import os
from pathlib import Path

import jsonschema
import pytest

from conftest import run_cli
from formats_helpers import ARTICLE, CLEAN, PACK, lint_report, render, write

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-2.1.0.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft4Validator(SCHEMA)


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    """Work in a fresh directory, as CI does in its checkout, so paths are relative."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def sarif_for(paths, select=("all",)) -> dict:
    return json.loads(render("sarif", lint_report(paths, select=select)))


def test_output_is_valid_sarif_2_1_0(in_tmp):
    write(in_tmp, "a.txt", ARTICLE)
    write(in_tmp, "clean.txt", CLEAN)
    log = sarif_for(["a.txt", "clean.txt"])
    assert list(VALIDATOR.iter_errors(log)) == []
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1


@pytest.mark.parametrize("spoil, where, complaint", [
    (lambda log: log.update(version="9"), ["version"], "'9' is not one of ['2.1.0']"),
    (lambda log: log["runs"][0]["results"][0].update(level="loud"), ["runs", 0, "results", 0, "level"],
     "'loud' is not one of ['none', 'note', 'warning', 'error']"),
])
def test_the_schema_check_rejects_a_wrong_version_or_level(in_tmp, spoil, where, complaint):
    write(in_tmp, "a.txt", ARTICLE)
    spoilt = copy.deepcopy(sarif_for(["a.txt"]))
    spoil(spoilt)
    assert [(list(e.absolute_path), e.message) for e in VALIDATOR.iter_errors(spoilt)] == [(where, complaint)]


def test_driver_describes_every_selected_rule(in_tmp):
    write(in_tmp, "a.txt", ARTICLE)
    report = lint_report(["a.txt"], select=["LL", "UC101", "HS101"], rule_paths=[write(in_tmp, "house.yaml", PACK)])
    run = json.loads(render("sarif", report))["runs"][0]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["informationUri"]) == ("framelint", "https://github.com/framelint/framelint")
    assert driver["version"] == __import__("framelint").__version__
    assert [r["id"] for r in driver["rules"]] == [rule.code for rule in report.rules]
    ll201 = next(r for r in driver["rules"] if r["id"] == "LL201")
    assert ll201["helpUri"] == "https://github.com/framelint/framelint/blob/main/docs/techniques.md#ll201"
    assert ll201["properties"] == {"technique": "loaded-language", "tags": ["loaded-language", "Loaded_Language"]}
    house = next(r for r in driver["rules"] if r["id"] == "HS101")
    assert house["name"] == "house-percent"
    assert house["shortDescription"] == {"text": 'The desk reserves "budget" for figures.'}
    assert house["fullDescription"] == {"text": 'The desk reserves "budget" for figures. Say which budget, e.g. the 2025 city budget.'}
    assert house["defaultConfiguration"] == {"level": "error"}
    definition = report.techniques["loaded-language"].definition
    assert house["help"]["markdown"] == (
        f"**Loaded language**: {definition}\n\n"
        'The desk reserves "budget" for figures. Say which budget, e.g. the 2025 city budget.\n\n'
        "Flagged:\n\n- The **budget** passed.\n\n"
        "Not flagged:\n\n- The vote passed.\n\n"
        "[HS101 in the framelint documentation](https://github.com/framelint/framelint/blob/main/docs/techniques.md#hs101)")
    assert house["help"]["text"] == (
        f"Loaded language: {definition}\n\n"
        'The desk reserves "budget" for figures. Say which budget, e.g. the 2025 city budget.\n\n'
        "Flagged:\n- The budget passed.\nNot flagged:\n- The vote passed.")
    assert run["columnKind"] == "unicodeCodePoints"


def test_results_carry_rule_level_message_and_code_point_region(in_tmp):
    (in_tmp / "drafts").mkdir()
    write(in_tmp, "drafts/my article.txt", ARTICLE)
    report = lint_report([os.path.join("drafts", "my article.txt")], select=["LL201"])
    run = json.loads(render("sarif", report))["runs"][0]
    results = run["results"]
    assert len(results) == len(report.findings) == 4
    second, multiline = results[1], results[2]
    assert (second["ruleId"], second["level"]) == ("LL201", "warning")
    assert run["tool"]["driver"]["rules"][second["ruleIndex"]]["id"] == "LL201"
    assert second["message"]["text"] == 'loaded term "betrayal" frames the event emotionally; consider "abandonment"'
    location = second["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "drafts/my%20article.txt", "uriBaseId": "%SRCROOT%"}
    # After “, ”, — and three CJK characters: code points, not UTF-8 or UTF-16 units.
    assert location["region"] == {"startLine": 2, "startColumn": 27, "endLine": 2, "endColumn": 35,
                                  "snippet": {"text": "betrayal"}}
    assert multiline["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 3, "startColumn": 24, "endLine": 4, "endColumn": 10, "snippet": {"text": "chaos\nunleashed"}}
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == in_tmp.resolve().as_uri() + "/"


def test_an_unreadable_file_makes_the_run_unsuccessful(in_tmp):
    (in_tmp / "bad.txt").write_bytes(b"caf\xe9 outrage\n")
    run = sarif_for(["bad.txt"])["runs"][0]
    assert run["invocations"] == [{"executionSuccessful": False, "toolExecutionNotifications": [
        {"level": "error", "message": {"text": "bad.txt: invalid UTF-8 at byte 3 (use --encoding to read another encoding)"}}]}]
    assert list(VALIDATOR.iter_errors(sarif_for(["bad.txt"]))) == []


def fingerprints(directory, text: str) -> list[tuple[int, str, str]]:
    write(directory, "a.txt", text)
    run = sarif_for(["a.txt"], select=["LL201"])["runs"][0]
    return [(r["locations"][0]["physicalLocation"]["region"]["startLine"], r["locations"][0]["physicalLocation"]["region"]["snippet"]["text"],
             r["partialFingerprints"]["framelintFinding/v1"]) for r in run["results"]]


def test_fingerprints_survive_unrelated_edits_but_not_a_changed_sentence(in_tmp):
    before = fingerprints(in_tmp, ARTICLE)
    # A paragraph added above and spacing changed: lines move.
    edited = "A new opening paragraph.\n\n" + ARTICLE.replace("It was “a", "It  was “a")
    after = fingerprints(in_tmp, edited)
    assert [line for line, _, _ in after] == [line + 2 for line, _, _ in before]
    assert [print_ for _, _, print_ in after] == [print_ for _, _, print_ in before]
    reworded = fingerprints(in_tmp, ARTICLE.replace("of them", "of the wounded"))
    assert [p for _, _, p in reworded][:2] != [p for _, _, p in before][:2]
    assert [p for _, _, p in reworded][2:] == [p for _, _, p in before][2:]


def test_repeated_identical_findings_get_distinct_fingerprints(in_tmp):
    prints = [p for _, _, p in fingerprints(in_tmp, "It was despair.\nIt was despair.\n")]
    assert len(prints) == 2 and prints[0] != prints[1]


def test_command_line_sarif_is_valid_and_its_fingerprints_are_the_baselines(in_tmp):
    write(in_tmp, "a.txt", ARTICLE)
    result = run_cli("-q", "-f", "sarif", "--select", "LL201", "a.txt", cwd=in_tmp)
    assert result.returncode == 1, result.stderr
    log = json.loads(result.stdout)
    assert list(VALIDATOR.iter_errors(log)) == []
    run_cli("-q", "--select", "LL201", "--write-baseline", "baseline.json", "a.txt", cwd=in_tmp)
    recorded = json.loads((in_tmp / "baseline.json").read_text(encoding="utf-8"))["findings"]
    assert sorted(r["partialFingerprints"]["framelintFinding/v1"] for r in log["runs"][0]["results"]) == sorted(
        f["fingerprint"] for f in recorded)
