"""``sarif``: SARIF 2.1.0, the format GitHub code scanning (and most review tools) import.

Every selected rule is described in ``tool.driver.rules`` with its rationale and examples, so
the code-scanning alert explains itself. Columns count Unicode code points, as framelint's do
(``columnKind``). ``partialFingerprints`` are the baseline's fingerprints, which identify a
finding by what it is, not where: an edit elsewhere in the article moves lines but keeps the
alert the same alert.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import quote

from ..baseline import fingerprinted
from ..document import Document
from ..hookspecs import hookimpl
from ..version import __version__
from .shared import PROJECT_URL, rule_url

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SRCROOT = "%SRCROOT%"
FINGERPRINT = "framelintFinding/v1"


def rule_descriptor(rule, technique) -> dict:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": first_sentence(rule.rationale)},
        "fullDescription": {"text": rule.rationale},
        "help": {"text": help_text(rule, technique), "markdown": help_markdown(rule, technique)},
        "helpUri": rule_url(rule),
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {
            "technique": rule.technique,
            "tags": [rule.technique] + ([technique.scheme_class] if technique and technique.scheme_class else []),
        },
    }


def first_sentence(text: str) -> str:
    sentences = Document(text).sentences
    return text[sentences[0].start : sentences[0].end] if sentences else text


def help_text(rule, technique) -> str:
    lines = [f"{technique.title}: {technique.definition}", ""] if technique else []
    lines += [rule.rationale, "", "Flagged:"]
    lines += [f"- {example.text}" for example in rule.flag_examples]
    lines += ["Not flagged:"] + [f"- {example.text}" for example in rule.pass_examples]
    return "\n".join(lines)


def help_markdown(rule, technique) -> str:
    parts = [f"**{technique.title}**: {technique.definition}"] if technique else []
    parts.append(rule.rationale)
    parts.append("Flagged:\n\n" + "\n".join(f"- {marked(example)}" for example in rule.flag_examples))
    parts.append("Not flagged:\n\n" + "\n".join(f"- {example.text}" for example in rule.pass_examples))
    parts.append(f"[{rule.code} in the framelint documentation]({rule_url(rule)})")
    return "\n\n".join(parts)


def marked(example) -> str:
    """A flag example with the part the rule reports in bold, when the example says which."""
    if not example.match:
        return example.text
    return example.text.replace(example.match, f"**{example.match}**", 1)


def artifact_location(path: str) -> dict:
    """A relative path is relative to the checkout (%SRCROOT%); an absolute path inside the
    current directory is made relative, any other stays an absolute file URI."""
    if os.path.isabs(path):
        try:
            path = str(Path(path).relative_to(Path.cwd()))
        except ValueError:
            return {"uri": Path(path).as_uri()}
    return {"uri": quote(path.replace(os.sep, "/")), "uriBaseId": SRCROOT}


def fingerprints(result) -> list[str]:
    """The findings' fingerprints (baseline.py: rule code, matched text, the sentence around it
    and the occurrence among identical findings; no line numbers). Findings from the command
    line carry theirs; those from the bare Linter get them here."""
    findings = result.findings
    if any(not f.fingerprint for f in findings):
        findings = fingerprinted(Document(result.text, result.path), findings)
    return [f.fingerprint for f in findings]


def sarif_result(f, rule_index: int, fingerprint: str) -> dict:
    return {
        "ruleId": f.code,
        "ruleIndex": rule_index,
        "level": LEVELS[f.severity],
        "message": {"text": f.message},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": artifact_location(f.path),
                "region": {
                    "startLine": f.line, "startColumn": f.column,
                    "endLine": f.end_line, "endColumn": f.end_column,
                    "snippet": {"text": f.text},
                },
            },
        }],
        "partialFingerprints": {FINGERPRINT: fingerprint},
    }


def sarif_log(report) -> dict:
    index = {rule.code: i for i, rule in enumerate(report.rules)}
    results = [sarif_result(f, index[f.code], fingerprint)
               for result in report.results for f, fingerprint in zip(result.findings, fingerprints(result))]
    unreadable = [{"level": "error", "message": {"text": r.error}} for r in report.results if r.error]
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "framelint",
                "version": __version__,
                "informationUri": PROJECT_URL,
                "rules": [rule_descriptor(rule, report.techniques.get(rule.technique)) for rule in report.rules],
            }},
            "invocations": [{"executionSuccessful": not unreadable, "toolExecutionNotifications": unreadable}],
            "originalUriBaseIds": {SRCROOT: {"uri": Path.cwd().as_uri().rstrip("/") + "/"}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


class SarifFormat:
    name = "sarif"
    description = "SARIF 2.1.0 (GitHub code scanning)"

    def render(self, report, stream) -> None:
        json.dump(sarif_log(report), stream, ensure_ascii=False, indent=2)
        stream.write("\n")


@hookimpl
def framelint_output_formats():
    return [SarifFormat()]
