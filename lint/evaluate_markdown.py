"""Write docs/accuracy.md: the user documentation of ``framelint evaluate`` followed by every
measured number and real examples, all generated, so that the document cannot drift from the
rules it describes."""
from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from .evaluate import MEASURED_FROM, Outcomes, outcomes
from .evaluate_corpus import Corpus
from .evaluate_report import class_rows, count, plural, rule_rows, summary_rows, unclassed_rows
from .version import __version__

if TYPE_CHECKING:
    from .evaluate_cli import Measurement  # the command imports this module

EXAMPLES = 3  # example sentences shown per outcome
CONTEXT = 60  # characters of context on each side of a finding
LONGEST_SPAN = 120  # characters shown of a long finding or gold span
MARKDOWN_SPECIAL = regex.compile(r"([\\`*_\[\]<>|#])")
SPACE = regex.compile(r"\s+")

USAGE = """\
## The `framelint evaluate` command

```
framelint evaluate --gold LABELS.tsv ARTICLES_DIR [--select CODES] [--extend-select CODES]
                   [--ignore CODES] [--rules PATH] [--format text|json] [--markdown FILE]
```

It lints every `article<ID>.txt` in `ARTICLES_DIR` with the selected rules and scores the
findings against the gold spans in `LABELS.tsv`. Rules are chosen exactly as for `framelint`
itself: by default the default-on rules, `--select all` for every rule, `--rules` to add packs.

- **Gold file**: one span per line, four tab-separated fields: article id, technique class (the
  PTC names, e.g. `Loaded_Language`), start, end. Offsets are 0-based code points of the article
  file read as UTF-8 with line endings kept, end exclusive: the format of the Propaganda
  Techniques Corpus (PTC) and of SemEval-2020 Task 11. In a file that starts with a byte-order
  mark the mark counts as one code point (a few PTC articles start with one); framelint drops
  the mark when it reads a file, so it shifts those gold spans by one.
- **Checks**: a malformed line, an article id without a file, or a span outside its article stops
  the run with the file and line named (exit code 2); scores over misread labels would mislead.
- **`--format json`** prints every number below as a JSON document (`null` where a measure is
  undefined, for example precision without findings).
- **`--markdown FILE`** writes this document: the default selection and `--select all`, with
  examples. It cannot be combined with `--select`, `--extend-select` or `--ignore`.
- **Exit codes**: 0 when the corpus was scored, 2 for a usage, input or rule-pack error.

### What the numbers mean

- **Span identification** (technique ignored): the partial-overlap measure of SemEval-2020 Task 11
  subtask SI. A finding *s* earns |*s*∩*t*|/|*s*| towards precision and a gold span *t* earns
  |*s*∩*t*|/|*t*| towards recall, summed over all pairs in the same article and divided by the
  number of findings and of gold spans. As in the task's official scorer, overlapping gold spans
  are merged first (PTC often labels the same words with two techniques, which would otherwise
  credit a character twice), and so are overlapping findings (the scorer's option for merging a
  submission's overlapping spans: two rules on the same words make one claim).
- **Technique-aware** (per PTC class): the same credit, but a finding counts only against gold
  spans of the class its technique maps to (`scheme_class` in the rule pack), merged within the
  class. Finding and gold counts in the tables are before merging. The micro average pools the
  credit of the classes framelint reports; the macro average is the mean of their scores (a
  class without findings counts as 0).
- **Per rule**: each finding's precision credit, averaged over the rule's findings, against gold
  spans of any class (*span precision*) and of the rule's own class (*technique precision*). A rule
  with fewer than {measured} findings is *not yet measured*: its precision would be noise.
- **Sentences**: does a sentence that framelint flags contain a labelled span, and is a sentence
  with a labelled span flagged? What an editor experiences. The units are the non-empty lines of
  an article (PTC articles have one sentence per line); a span crossing lines marks each line.
- **Techniques without a PTC class** (`scheme_class: null`, such as unattributed claims) are
  framelint's own: they are reported apart, never counted as false positives of another class
  and never in span or sentence precision. Their table shows how often they land on a labelled
  span anyway.

### Which rules are on by default

A rule is on by default (`default: true` in its pack) when its span precision here is at least
0.60 over at least 10 findings; below that it ships opt-in, whatever its recall. Span precision
(technique ignored) is the gate because it answers an editor's question, "is this passage
propaganda?"; technique precision is shown beside it, since annotators often give the same words
another class (an insult scored as loaded language, a fear appeal as flag-waving). Two kinds of
rule are on by default without that measurement: rules of framelint's own unattributed-claim
technique, which the corpus does not annotate, and a few narrow rules that fire fewer than 10
times here (they say "not yet measured"), such as AA302's credential clause.
"""

CONTEXT_NOTE = """\
## Context: SemEval-2020 Task 11

The PTC training split has {articles} news articles labelled by trained annotators with {classes}
propaganda techniques (Da San Martino et al., *Fine-Grained Analysis of Propaganda in News Articles*,
EMNLP 2019). In SemEval-2020 Task 11 (Da San Martino et al. 2020), the best span-identification
F1 on the test set was about 0.52, reached by fine-tuned Transformer ensembles trained on these
labels. framelint is a rule-based linter: its rules are written by hand from the techniques'
definitions, never from the labelled spans, but this training split is where each rule was
measured, kept, narrowed or made opt-in, so these figures are its training figures, and on
unseen articles (PTC dev and test) expect them to be lower. The rules address the writer's own
voice, and aim at precision (a finding worth an editor's look) far more than recall. Read recall
as the share of the corpus's labels that the current rules address, and precision as how often
a finding points at something annotators also marked. Those figures are the ones framelint is
judged by; SemEval's are context only, since they were measured on the test split.
"""


def write_document(path: str, command: str, measurements: list[Measurement], corpus: Corpus) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(document(command, measurements, corpus))


def document(command: str, measurements: list[Measurement], corpus: Corpus) -> str:
    parts = [
        f"<!-- Generated by `{command}`.\n     Do not edit: change lint/evaluate_markdown.py or the rules and run it again. -->",
        "# Accuracy on annotated news",
        "How often framelint's findings agree with human annotators of propaganda techniques, "
        "measured with `framelint evaluate` on the training split of the Propaganda Techniques Corpus. "
        "Every number and example below is generated by the command under *Reproduce*.",
        USAGE.format(measured=MEASURED_FROM),
        "## Reproduce\n\nFrom the repository root, with the PTC training split where the command names it "
        "(third-party data, not shipped with framelint):\n\n```sh\n" + command + "\n```\n\n"
        f"framelint {__version__}; {len(corpus.articles)} articles, {count(len(corpus.gold))} gold spans.",
        CONTEXT_NOTE.format(articles=len(corpus.articles), classes=len({g.label for g in corpus.gold})),
    ]
    for m in measurements:
        parts.append(tables(m))
    parts.append(examples(measurements[-1], corpus))
    return "\n\n".join(part.strip("\n") for part in parts) + "\n"


def tables(m: Measurement) -> str:
    ev = m.evaluation
    parts = [f"## {heading(m.selection)}: {len(m.rules)} rules ({', '.join(r.code for r in m.rules)})",
             "### Summary", pipe_table(summary_rows(ev)),
             "### Per PTC class", pipe_table(class_rows(ev)),
             "### Per rule", pipe_table(rule_rows(ev))]
    if ev.unclassed:
        parts += ["### Techniques without a PTC class", pipe_table(unclassed_rows(ev))]
    return "\n\n".join(parts)


def heading(selection: str) -> str:
    return f"`{selection}`" if selection.startswith("-") else selection[0].upper() + selection[1:]


def pipe_table(rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(escape(cell) for cell in rows[0]) + " |", "|" + "---|" * len(rows[0])]
    lines += ["| " + " | ".join(escape(cell) for cell in row) + " |" for row in rows[1:]]
    return "\n".join(lines)


def escape(text: str) -> str:
    return MARKDOWN_SPECIAL.sub(r"\\\1", text)


def examples(m: Measurement, corpus: Corpus) -> str:
    """Per class reported (and per technique without a class): real sentences caught, flagged
    without a label, and missed, from the run with every rule."""
    parts = [f"## What is caught and missed ({heading(m.selection)})",
             f"Up to {EXAMPLES} examples of each outcome, spread over the corpus. *Caught*: a finding "
             "shares characters with a gold span of its class. *Not labelled*: a finding touches no gold "
             "span of any class. *Missed*: a gold span of the class that no finding of the class touches."]
    reported = [c for c in m.evaluation.classes if c.techniques]
    for row in reported:
        mine = [p for p in m.predictions if p.scheme_class == row.label]
        parts.append(outcome_section(f"{row.label} ({', '.join(row.techniques)})", outcomes(mine, corpus.gold, row.label),
                                     len(mine), corpus, "labelled " + row.label))
    for u in m.evaluation.unclassed:
        mine = [p for p in m.predictions if p.technique == u.technique]
        parts.append(outcome_section(f"{u.technique} (no PTC class)", outcomes(mine, corpus.gold, None), len(mine), corpus,
                                     "on a span labelled with any technique", missed=False))
    unaddressed = [c for c in m.evaluation.classes if not c.techniques]
    if unaddressed:
        parts.append("### Classes no rule reports yet\n\n" + ", ".join(
            f"{escape(c.label)} ({plural(c.gold_spans, 'gold span', 'gold spans')})" for c in unaddressed) + ".")
    return "\n\n".join(parts)


def outcome_section(title: str, result: Outcomes, findings: int, corpus: Corpus, caught_means: str, missed: bool = True) -> str:
    lines = [f"### {escape(title)}", "",
             f"**Caught** ({escape(caught_means)}): {count(len(result.caught))} of {plural(findings, 'finding', 'findings')}."]
    lines += [finding_line(p, corpus) for p in spread(result.caught)]
    lines += ["", f"**Not labelled**: {count(len(result.unlabelled))} of {plural(findings, 'finding', 'findings')}."]
    lines += [finding_line(p, corpus) for p in spread(result.unlabelled)]
    if missed:
        lines += ["", f"**Missed**: {plural(len(result.missed), 'gold span', 'gold spans')}."]
        lines += [gold_line(g, corpus) for g in spread(result.missed)]
    return "\n".join(lines)


def spread(items: list) -> list:
    """Up to EXAMPLES items evenly spaced through the list (which is in corpus order)."""
    if len(items) <= EXAMPLES:
        return items
    step = (len(items) - 1) / (EXAMPLES - 1)
    return [items[round(i * step)] for i in range(EXAMPLES)]


def finding_line(p, corpus: Corpus) -> str:
    """The finding in bold inside its sentence, cut to CONTEXT characters each side at a word."""
    text = corpus.articles[p.article].text
    line_start = text.rfind("\n", 0, p.start) + 1
    line_end = text.find("\n", p.end) % (len(text) + 1)  # -1 (last line) becomes len(text)
    start, end = max(line_start, p.start - CONTEXT), min(line_end, p.end + CONTEXT)
    before, match, after = (SPACE.sub(" ", part) for part in (text[start:p.start], text[p.start:p.end], text[p.end:end]))
    if start > line_start:
        before = "… " + before.split(" ", 1)[-1]
    if end < line_end:
        after = after.rsplit(" ", 1)[0] + " …"
    if len(match) > LONGEST_SPAN:  # a whole-sentence finding: its start is enough
        match, after = shorten(match), " …"
    excerpt = f"{escape(before.lstrip())}**{escape(match)}**{escape(after.rstrip())}"
    return f"- {p.code}: “{excerpt}” ({where(p.article, p.start, corpus)})"


def gold_line(g, corpus: Corpus) -> str:
    span = _one_line(corpus.articles[g.article].text[g.start : g.end])
    if len(span) > LONGEST_SPAN:
        span = shorten(span) + " …"
    return f"- “{escape(span)}” ({where(g.article, g.start, corpus)})"


def where(article: str, offset: int, corpus: Corpus) -> str:
    return f"article{article}, line {corpus.articles[article].text.count(chr(10), 0, offset) + 1}"


def shorten(text: str) -> str:
    """The first LONGEST_SPAN characters of a text, cut back to the last whole word."""
    return text[:LONGEST_SPAN].rsplit(" ", 1)[0]


def _one_line(text: str) -> str:
    return SPACE.sub(" ", text).strip()
