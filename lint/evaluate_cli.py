"""``framelint evaluate``: lint an annotated corpus and score the findings against its gold spans.
Exit codes: 0 scored, 2 a usage, input or rule-pack error."""
from __future__ import annotations

import argparse
import json
import shlex
import sys
from dataclasses import dataclass

from .cli import EXIT_CLEAN, EXIT_ERROR, split_list
from .engine import Linter
from .errors import FramelintError
from .evaluate import Evaluation, Prediction, evaluate
from .evaluate_corpus import Corpus, read_corpus
from .evaluate_report import as_json, plural, render_text
from .loader import Catalog, load_catalog
from .plugins import parse_document
from .rule import Rule
from .selection import select_rules


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="framelint evaluate",
        description="Score framelint's rules against gold spans in the PTC format (SemEval-2020 Task 11).",
    )
    parser.add_argument("articles", metavar="ARTICLES_DIR", help="directory of article<ID>.txt files")
    parser.add_argument("--gold", required=True, metavar="LABELS.tsv",
                        help="gold spans: article id, technique class, start, end (tab-separated)")
    parser.add_argument("-f", "--format", choices=("text", "json"), default="text", help="output format (default: text)")
    parser.add_argument("--select", action="append", metavar="CODES", help="rules to score, replacing the defaults; 'all' for every rule")
    parser.add_argument("--extend-select", action="append", metavar="CODES", help="rules to score in addition to the selection")
    parser.add_argument("--ignore", action="append", metavar="CODES", help="rules not to score")
    parser.add_argument("--rules", action="append", default=[], metavar="PATH", help="load rule packs from a YAML file or a directory")
    parser.add_argument("--markdown", metavar="FILE",
                        help="write the accuracy document (default selection and --select all) to FILE instead of printing")
    return parser


@dataclass
class Measurement:
    """One rule selection scored on a corpus, with the findings behind the scores."""

    selection: str
    rules: list[Rule]
    predictions: list[Prediction]
    evaluation: Evaluation


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    try:
        return run(args, argv)
    except FramelintError as exc:
        sys.stderr.write(f"framelint: error: {exc}\n")
        return EXIT_ERROR


def run(args: argparse.Namespace, argv: list[str]) -> int:
    select, ignore, extend = split_list(args.select), split_list(args.ignore) or [], split_list(args.extend_select) or []
    if args.markdown and (select or ignore or extend):
        raise FramelintError("--markdown always reports the default selection and --select all; "
                             "it cannot be combined with --select, --extend-select or --ignore")
    catalog = load_catalog(args.rules)
    corpus = read_corpus(args.articles, args.gold)
    if args.markdown:
        from .evaluate_markdown import write_document

        measurements = [measure(catalog, select_rules(catalog.rules), corpus, "default selection"),
                        measure(catalog, select_rules(catalog.rules, ["all"]), corpus, "--select all")]
        write_document(args.markdown, "framelint evaluate " + shlex.join(argv), measurements, corpus)
        sys.stderr.write(f"framelint: wrote {args.markdown}\n")
        return EXIT_CLEAN
    rules = select_rules(catalog.rules, select, ignore, extend)
    result = measure(catalog, rules, corpus, describe(select, ignore, extend))
    if args.format == "json":
        json.dump(as_json(result.evaluation, result.selection, [r.code for r in rules]), sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(render_text(result.evaluation, f"{result.selection} ({plural(len(rules), 'rule', 'rules')})"))
    return EXIT_CLEAN


def describe(select, ignore, extend) -> str:
    words = [f"--select {','.join(select)}" if select else "default selection"]
    words += [f"--extend-select {','.join(extend)}"] if extend else []
    words += [f"--ignore {','.join(ignore)}"] if ignore else []
    return " ".join(words)


def measure(catalog: Catalog, rules: list[Rule], corpus: Corpus, selection: str) -> Measurement:
    """Lint every article with ``rules`` and score the findings."""
    classes = {r.technique: catalog.techniques[r.technique].scheme_class for r in rules}
    linter = Linter(rules)
    predictions = []
    for article in corpus.articles.values():
        result = linter.lint(parse_document(article.text, article.path))
        for notice in result.notices:
            sys.stderr.write(f"framelint: notice: {notice}\n")
        predictions += [Prediction(article.id, f.code, f.technique, classes[f.technique], f.start, f.end)
                        for f in result.findings]
    return Measurement(selection, rules, predictions, evaluate(predictions, corpus.gold, corpus.units, rules, classes))
