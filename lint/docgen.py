"""Generate docs/techniques.md from the loaded packs, so the catalogue cannot drift from them.

    python -m framelint.docgen > docs/techniques.md
"""
from __future__ import annotations

import sys

from .loader import Catalog, load_catalog


def techniques_markdown(catalog: Catalog) -> str:
    out = [
        "# Techniques and rules",
        "",
        "Generated from the built-in rule packs by `python -m framelint.docgen > docs/techniques.md`;",
        "do not edit by hand. `framelint --explain CODE` prints the same for one rule.",
        "",
        "Rules marked *opt-in* do not run by default: select them by code, technique or `--select all`",
        "(see [accuracy](accuracy.md) for how each rule measures on annotated news).",
        "",
    ]
    rules_by_technique: dict[str, list] = {}
    for rule in catalog.rules:
        rules_by_technique.setdefault(rule.technique, []).append(rule)
    out += ["| Technique | Scheme class | Rules |", "|---|---|---|"]
    for slug, technique in catalog.techniques.items():
        codes = ", ".join(f"[{r.code}](#{r.code.lower()})" for r in rules_by_technique.get(slug, []))
        out.append(f"| [{technique.title}](#{slug}) | {technique.scheme_class or '—'} | {codes} |")
    for slug, technique in catalog.techniques.items():
        out += ["", f'<a id="{slug}"></a>', "", f"## {technique.title} (`{slug}`)", ""]
        out += [technique.definition, ""]
        out += [f"Class in the PTC / SemEval-2020 Task 11 scheme: {technique.scheme_class or 'none (framelint’s own)'}."]
        if technique.limits:
            out += ["", f"**Known limits.** {technique.limits}"]
        for rule in rules_by_technique.get(slug, []):
            tier = "on by default" if rule.default else "opt-in"
            out += ["", f'<a id="{rule.code.lower()}"></a>', "", f"### {rule.code} {rule.name}", ""]
            out += [f"*{rule.severity}, {tier}, kind `{rule.kind}`, pack `{rule.pack}`.* Message: `{rule.message}`", ""]
            out += [rule.rationale, "", "Flagged:", ""]
            out += [f"- {_example(e.text)}" + (f" — marks “{e.match}”" if e.match else "") for e in rule.flag_examples]
            out += ["", "Not flagged:", ""]
            out += [f"- {_example(e.text)}" for e in rule.pass_examples]
    return "\n".join(out) + "\n"


def _example(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


if __name__ == "__main__":
    sys.stdout.write(techniques_markdown(load_catalog()))
