"""``rdjson``: reviewdog's DiagnosticResult with the fields its schema documents; reviewdog
columns count UTF-8 bytes."""
import json

from formats_helpers import ARTICLE, CLEAN, PACK, lint_report, render, write

SOURCE = {"name": "framelint", "url": "https://github.com/framelint/framelint"}


def test_diagnostics_carry_source_severity_location_code_and_message(tmp_path):
    article = write(tmp_path, "a.txt", ARTICLE)
    result = json.loads(render("rdjson", lint_report([article], select=["LL201"])))
    assert set(result) == {"source", "diagnostics"} and result["source"] == SOURCE
    assert len(result["diagnostics"]) == 4
    second = result["diagnostics"][1]
    assert second == {
        "message": 'loaded term "betrayal" frames the event emotionally; consider "abandonment"',
        # 'It was “a betrayal” — 裏切り ' is 26 characters but 38 UTF-8 bytes.
        "location": {"path": article, "range": {"start": {"line": 2, "column": 39}, "end": {"line": 2, "column": 47}}},
        "severity": "WARNING",
        "source": SOURCE,
        "code": {"value": "LL201", "url": "https://github.com/framelint/framelint/blob/main/docs/techniques.md#ll201"},
    }
    first, multiline = result["diagnostics"][0]["location"]["range"], result["diagnostics"][2]["location"]["range"]
    assert first == {"start": {"line": 2, "column": 13}, "end": {"line": 2, "column": 21}}  # after “ (3 bytes)
    assert multiline == {"start": {"line": 3, "column": 24}, "end": {"line": 4, "column": 10}}


def test_severities_are_reviewdog_names(tmp_path):
    article = write(tmp_path, "a.txt", ARTICLE + CLEAN)
    report = lint_report([article], select=["HS", "LL201"], rule_paths=[write(tmp_path, "house.yaml", PACK)])
    diagnostics = json.loads(render("rdjson", report))["diagnostics"]
    assert {(d["code"]["value"], d["severity"]) for d in diagnostics} == {
        ("HS101", "ERROR"), ("HS102", "INFO"), ("LL201", "WARNING")}


def test_a_clean_file_gives_no_diagnostics(tmp_path):
    assert json.loads(render("rdjson", lint_report([write(tmp_path, "clean.txt", CLEAN)]))) == {
        "source": SOURCE, "diagnostics": []}
