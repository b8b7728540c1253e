"""Present an Evaluation: the tables as rows of cells (shared by the terminal and the Markdown
document), the terminal text, and the JSON document."""
from __future__ import annotations

from .evaluate import MEASURED_FROM, Credit, Evaluation, SentenceScore

NOT_MEASURED = "not yet measured"


def number(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def count(value: int) -> str:
    return f"{value:,}"


def plural(n: int, one: str, many: str) -> str:
    return f"{count(n)} {one if n == 1 else many}"


def scores(c: Credit) -> list[str]:
    return [number(c.precision), number(c.recall), number(c.f1)]


def summary_rows(ev: Evaluation) -> list[list[str]]:
    s, micro = ev.sentences, ev.averages.micro
    return [
        ["measure", "precision", "recall", "F1", "counted"],
        ["span identification (technique ignored)", *scores(ev.span),
         f"{count(ev.span.predicted)} finding spans, {count(ev.span.gold)} gold spans (overlaps merged)"],
        ["technique-aware, micro average", *scores(micro),
         f"{count(micro.predicted)} finding spans, {count(micro.gold)} gold spans, in the classes reported"],
        ["technique-aware, macro average", number(ev.averages.macro_precision), number(ev.averages.macro_recall),
         number(ev.averages.macro_f1), f"mean over {plural(sum(1 for c in ev.classes if c.techniques), 'class', 'classes')} reported"],
        ["sentences containing a technique", *scores(s.credit),
         f"{count(s.flagged)} flagged, {count(s.labelled)} labelled, {count(s.both)} both, of {count(s.sentences)} sentences"],
    ]


def class_rows(ev: Evaluation) -> list[list[str]]:
    rows = [["PTC class", "framelint techniques", "findings", "gold spans", "precision", "recall", "F1"]]
    for c in ev.classes:
        rows.append([c.label, ", ".join(c.techniques) or "(none)", count(c.findings), count(c.gold_spans),
                     *scores(c.credit)])
    return rows


def rule_rows(ev: Evaluation) -> list[list[str]]:
    rows = [["code", "rule", "technique", "findings", "span precision", "technique precision"]]
    for r in ev.rules:
        if not r.measured:
            span, aware = f"{NOT_MEASURED} (<{MEASURED_FROM})", ""
        else:
            span = number(r.span_precision)
            aware = "no PTC class" if r.scheme_class is None else number(r.technique_precision)
        rows.append([r.code, r.name, r.technique, count(r.findings), span, aware])
    return rows


def unclassed_rows(ev: Evaluation) -> list[list[str]]:
    rows = [["technique", "findings", "overlap with gold (any class)", "sentences flagged", "of which labelled"]]
    for u in ev.unclassed:
        rows.append([u.technique, count(u.findings), number(u.span_overlap), count(u.sentences.flagged),
                     count(u.sentences.both)])
    return rows


def columns(rows: list[list[str]], indent: str = "  ") -> str:
    """Rows as left-aligned columns, the first row a heading."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(indent + "  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in rows)


def render_text(ev: Evaluation, selection: str) -> str:
    parts = [
        f"framelint evaluate: {selection}; {ev.articles} articles, {count(ev.gold_spans)} gold spans",
        "",
        "Summary (SemEval-2020 Task 11 partial-overlap credit; sentences are the non-empty lines)",
        columns(summary_rows(ev)),
        "",
        "Per PTC class (technique-aware: a finding counts only against gold spans of its technique's class)",
        columns(class_rows(ev)),
        "",
        f"Per rule (mean credit of each finding; fewer than {MEASURED_FROM} findings: {NOT_MEASURED})",
        columns(rule_rows(ev)),
    ]
    if ev.unclassed:
        parts += ["", "Not scored: techniques without a PTC class (never counted as false positives)",
                  columns(unclassed_rows(ev))]
    return "\n".join(parts) + "\n"


def _credit(c: Credit) -> dict:
    return {"precision": c.precision, "recall": c.recall, "f1": c.f1, "finding_spans": c.predicted, "gold_spans": c.gold}


def _sentences(s: SentenceScore) -> dict:
    c = s.credit
    return {"precision": c.precision, "recall": c.recall, "f1": c.f1, "sentences": s.sentences, "flagged": s.flagged,
            "labelled": s.labelled, "flagged_and_labelled": s.both}


def as_json(ev: Evaluation, selection: str, rule_codes: list[str]) -> dict:
    return {
        "selection": selection,
        "rules": rule_codes,
        "articles": ev.articles,
        "gold_spans": ev.gold_spans,
        "span_identification": _credit(ev.span),
        "technique_aware": {
            "micro": _credit(ev.averages.micro),
            "macro": {"precision": ev.averages.macro_precision, "recall": ev.averages.macro_recall,
                      "f1": ev.averages.macro_f1},
            "classes": [{"class": c.label, "techniques": list(c.techniques), "findings": c.findings,
                         "gold_spans": c.gold_spans, **_credit(c.credit)} for c in ev.classes],
        },
        "sentences": {"unit": "non-empty line", **_sentences(ev.sentences)},
        "per_rule": [{"code": r.code, "rule": r.name, "technique": r.technique, "class": r.scheme_class,
                      "findings": r.findings, "measured": r.measured,
                      "span_precision": r.span_precision if r.measured else None,
                      "technique_precision": r.technique_precision if r.measured else None} for r in ev.rules],
        "unclassed": [{"technique": u.technique, "findings": u.findings, "span_overlap": u.span_overlap,
                       "sentences": _sentences(u.sentences)} for u in ev.unclassed],
    }
