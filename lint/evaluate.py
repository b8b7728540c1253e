"""Score findings against gold spans in the PTC format (SemEval-2020 Task 11), as pure functions.

Span credit is the partial-overlap credit of the task's official span-identification scorer
(tools/task-SI_scorer.py): each predicted span s earns |s∩t|/|s| towards precision and each gold
span t earns |s∩t|/|t| towards recall, summed over every pair in the same article, then divided
by the number of predicted and of gold spans. Like that scorer, overlapping gold spans are merged
first (PTC labels the same words with several techniques; without merging a word would be
credited twice and a prediction could score above 1), and so are overlapping predictions (the
scorer's --merge-user-annotations: two rules on the same words are one claim that "this is
propaganda"). Technique-aware scores do the same within one PTC class.

Findings of a technique without a PTC class (``scheme_class: null``) are never scored as right or
wrong; they are reported apart.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex

NON_EMPTY_LINE = regex.compile(r"[^\r\n]*\S[^\r\n]*")

MEASURED_FROM = 10  # findings a rule needs before its precision is worth printing


@dataclass(frozen=True)
class GoldSpan:
    article: str
    label: str  # the PTC technique class, e.g. "Loaded_Language"
    start: int
    end: int


@dataclass(frozen=True)
class Prediction:
    """A finding reduced to what scoring needs."""

    article: str
    code: str
    technique: str
    scheme_class: str | None
    start: int
    end: int


@dataclass
class Credit:
    """Partial-overlap sums; precision = precision_sum / predicted, recall = recall_sum / gold."""

    precision_sum: float = 0.0
    predicted: int = 0
    recall_sum: float = 0.0
    gold: int = 0

    def __iadd__(self, other: "Credit") -> "Credit":
        self.precision_sum += other.precision_sum
        self.predicted += other.predicted
        self.recall_sum += other.recall_sum
        self.gold += other.gold
        return self

    @property
    def precision(self) -> float | None:
        return self.precision_sum / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.recall_sum / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        return f1(self.precision, self.recall)


def f1(precision: float | None, recall: float | None) -> float | None:
    if precision is None or recall is None:
        return None
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def merge(spans) -> list[tuple[int, int]]:
    """Sorted, disjoint (start, end) pairs covering the same characters; spans that share at
    least one character become one (touching spans stay apart, as in the official scorer), and
    empty spans, which cover nothing, go."""
    merged: list[list[int]] = []
    for start, end in sorted(span for span in spans if span[1] > span[0]):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


def covered(disjoint: list[tuple[int, int]], start: int, end: int) -> int:
    """How many characters of [start, end) lie in the sorted, disjoint spans."""
    total = 0
    i = max(bisect.bisect_right(disjoint, (start, start)) - 1, 0)
    for lo, hi in disjoint[i:]:
        if lo >= end:
            break
        total += max(0, min(hi, end) - max(lo, start))
    return total


def share(disjoint: list[tuple[int, int]], start: int, end: int) -> float:
    """The share of [start, end) that lies in the sorted, disjoint spans: |s∩t|/|s| summed over t."""
    return covered(disjoint, start, end) / (end - start) if end > start else 0.0


def overlap_credit(predicted, gold) -> Credit:
    """The SemEval-2020 Task 11 credit of one article's predicted spans against its gold spans,
    both merged first."""
    predicted, gold = merge(predicted), merge(gold)
    return Credit(
        precision_sum=sum(share(gold, s, e) for s, e in predicted),
        predicted=len(predicted),
        recall_sum=sum(share(predicted, s, e) for s, e in gold),
        gold=len(gold),
    )


def _by_article(items) -> dict[str, list]:
    grouped: dict[str, list] = {}
    for item in items:
        grouped.setdefault(item.article, []).append(item)
    return grouped


def classed(predictions: list[Prediction]) -> list[Prediction]:
    """The predictions that can be right or wrong: those whose technique has a PTC class."""
    return [p for p in predictions if p.scheme_class is not None]


def span_identification(predictions: list[Prediction], gold: list[GoldSpan]) -> Credit:
    """Technique ignored: is this text propaganda at all?"""
    found, labelled = _by_article(predictions), _by_article(gold)
    total = Credit()
    for article in found.keys() | labelled.keys():
        total += overlap_credit([(p.start, p.end) for p in found.get(article, [])],
                                [(g.start, g.end) for g in labelled.get(article, [])])
    return total


@dataclass
class ClassScore:
    """One PTC class: the framelint techniques reporting it, raw counts, and the credit."""

    label: str
    techniques: tuple[str, ...]
    findings: int
    gold_spans: int
    credit: Credit


def by_class(predictions: list[Prediction], gold: list[GoldSpan], classes: dict[str, str | None]) -> list[ClassScore]:
    """Technique-aware scores for every PTC class that the selected techniques report (``classes``:
    technique slug -> PTC class) or that the gold labels use: reported classes first, then by
    number of gold spans."""
    techniques: dict[str, list[str]] = {}
    for slug, label in sorted(classes.items()):
        if label is not None:
            techniques.setdefault(label, []).append(slug)
    rows = []
    for label in techniques.keys() | {g.label for g in gold}:
        mine = [p for p in predictions if p.scheme_class == label]
        theirs = [g for g in gold if g.label == label]
        credit = span_identification(mine, theirs)
        rows.append(ClassScore(label, tuple(techniques.get(label, ())), len(mine), len(theirs), credit))
    return sorted(rows, key=lambda row: (not row.techniques, -row.gold_spans, row.label))


@dataclass
class Averages:
    micro: Credit
    macro_precision: float
    macro_recall: float
    macro_f1: float


def averages(rows: list[ClassScore]) -> Averages:
    """Micro: pooled credit; macro: the mean of each class's scores (undefined counts as 0).
    Both over the classes some selected technique reports, not over the whole scheme."""
    reported = [row for row in rows if row.techniques]
    micro = Credit()
    for row in reported:
        micro += row.credit

    def mean(values) -> float:
        values = [v or 0.0 for v in values]
        return sum(values) / len(values) if values else 0.0

    return Averages(micro, mean(r.credit.precision for r in reported), mean(r.credit.recall for r in reported),
                    mean(r.credit.f1 for r in reported))


@dataclass
class RuleScore:
    """A rule's findings and their mean precision credit, with gold merged: against every gold
    span (technique ignored) and against its own class (None when it has no class)."""

    code: str
    name: str
    technique: str
    scheme_class: str | None
    findings: int
    span_precision: float | None
    technique_precision: float | None

    @property
    def measured(self) -> bool:
        return self.findings >= MEASURED_FROM


def by_rule(predictions: list[Prediction], gold: list[GoldSpan], rules, classes: dict[str, str | None]) -> list[RuleScore]:
    """One row for every selected rule, in the order given, including rules that found nothing."""
    labelled = _by_article(gold)
    any_class = {a: merge((g.start, g.end) for g in spans) for a, spans in labelled.items()}
    per_class = {(a, label): merge((g.start, g.end) for g in spans if g.label == label)
                 for a, spans in labelled.items() for label in {g.label for g in spans}}
    found = {}
    for p in predictions:
        found.setdefault(p.code, []).append(p)
    rows = []
    for rule in rules:
        mine = found.get(rule.code, [])
        label = classes.get(rule.technique)
        span = _mean([share(any_class.get(p.article, []), p.start, p.end) for p in mine])
        aware = None if label is None else _mean([share(per_class.get((p.article, label), []), p.start, p.end) for p in mine])
        rows.append(RuleScore(rule.code, rule.name, rule.technique, label, len(mine), span, aware))
    return rows


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def sentence_units(text: str) -> list[tuple[int, int]]:
    """The non-empty lines of a text: PTC articles have one sentence per line."""
    return [(m.start(), m.end()) for m in NON_EMPTY_LINE.finditer(text)]


@dataclass
class SentenceScore:
    """Does a sentence contain a technique? Counted in sentences (non-empty lines)."""

    sentences: int
    flagged: int  # sentences with a finding
    labelled: int  # sentences overlapping a gold span
    both: int

    @property
    def credit(self) -> Credit:
        """Precision and recall: each flagged sentence earns 1 if labelled, each labelled one 1 if flagged."""
        return Credit(self.both, self.flagged, self.both, self.labelled)


def _touched(units: list[tuple[int, int]], spans) -> set[int]:
    """Indexes of the units that share a character with any of the spans."""
    starts = [s for s, _ in units]
    hit = set()
    for start, end in spans:
        i = max(bisect.bisect_right(starts, start) - 1, 0)
        while i < len(units) and units[i][0] < end:
            if units[i][1] > start:
                hit.add(i)
            i += 1
    return hit


def sentences(predictions: list[Prediction], gold: list[GoldSpan], units: dict[str, list[tuple[int, int]]]) -> SentenceScore:
    """Sentence-level precision and recall of "this sentence contains a technique"; ``units`` maps
    every article (labelled or not) to its sentences."""
    found, labelled = _by_article(predictions), _by_article(gold)
    score = SentenceScore(0, 0, 0, 0)
    for article, lines in units.items():
        flagged = _touched(lines, ((p.start, p.end) for p in found.get(article, [])))
        truth = _touched(lines, ((g.start, g.end) for g in labelled.get(article, [])))
        score.sentences += len(lines)
        score.flagged += len(flagged)
        score.labelled += len(truth)
        score.both += len(flagged & truth)
    return score


@dataclass
class UnclassedScore:
    """A technique the PTC scheme has no class for: how often it lands on propaganda anyway."""

    technique: str
    findings: int
    span_overlap: float | None  # mean precision credit against gold spans of any class
    sentences: SentenceScore


def unclassed(predictions: list[Prediction], gold: list[GoldSpan], units, classes: dict[str, str | None]) -> list[UnclassedScore]:
    rows = []
    for technique in sorted(slug for slug, label in classes.items() if label is None):
        mine = [p for p in predictions if p.technique == technique]
        credit = span_identification(mine, gold)
        rows.append(UnclassedScore(technique, len(mine), credit.precision, sentences(mine, gold, units)))
    return rows


@dataclass
class Outcomes:
    """One PTC class's findings and gold spans sorted by what happened to them."""

    caught: list[Prediction]  # findings that share characters with a gold span of their class
    unlabelled: list[Prediction]  # findings that share characters with no gold span at all
    missed: list[GoldSpan]  # gold spans of the class that no finding of the class touches


def outcomes(predictions: list[Prediction], gold: list[GoldSpan], label: str | None) -> Outcomes:
    """``predictions``: the findings of one PTC class ``label``; or of a technique without a class
    (``label`` None), for which a gold span of any class counts as its own."""
    found_by_article, labelled = _by_article(predictions), _by_article(gold)
    result = Outcomes([], [], [])
    for article in sorted(found_by_article.keys() | labelled.keys()):
        found, spans = found_by_article.get(article, []), labelled.get(article, [])
        own = [g for g in spans if label is None or g.label == label]
        own_spans, every_span = merge((g.start, g.end) for g in own), merge((g.start, g.end) for g in spans)
        for p in sorted(found, key=lambda p: p.start):
            if covered(own_spans, p.start, p.end):
                result.caught.append(p)
            elif not covered(every_span, p.start, p.end):
                result.unlabelled.append(p)
        found_spans = merge((p.start, p.end) for p in found)
        result.missed.extend(g for g in sorted(own, key=lambda g: g.start) if not covered(found_spans, g.start, g.end))
    return result


@dataclass
class Evaluation:
    articles: int
    gold_spans: int
    span: Credit
    classes: list[ClassScore]
    averages: Averages
    rules: list[RuleScore]
    sentences: SentenceScore
    unclassed: list[UnclassedScore]


def evaluate(predictions: list[Prediction], gold: list[GoldSpan], units: dict[str, list[tuple[int, int]]],
             rules, classes: dict[str, str | None]) -> Evaluation:
    """Every measure for one rule selection. ``rules``: the selected rules (code, name, technique);
    ``classes``: technique slug -> PTC class for the selected rules' techniques."""
    rows = by_class(predictions, gold, classes)
    return Evaluation(
        articles=len(units),
        gold_spans=len(gold),
        span=span_identification(classed(predictions), gold),
        classes=rows,
        averages=averages(rows),
        rules=by_rule(predictions, gold, rules, classes),
        sentences=sentences(classed(predictions), gold, units),
        unclassed=unclassed(predictions, gold, units, classes),
    )
