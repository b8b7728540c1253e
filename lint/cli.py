"""The ``framelint`` command. Exit codes: 0 no findings, 1 findings, 2 usage, input or rule-pack error."""
from __future__ import annotations

import argparse
import os
import sys

from .version import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        if argv[:1] == ["evaluate"]:
            from .evaluate_cli import main as evaluate_main

            return evaluate_main(argv[1:])
        return run(parse_args(argv))
    except KeyboardInterrupt:
        sys.stderr.write("framelint: interrupted\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (framelint ... | head): stop quietly, without a flush error at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FINDINGS


def split_list(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    return [item.strip() for value in values for item in value.split(",") if item.strip()]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="framelint",
        description="Lint prose for propaganda and framing techniques.",
        epilog="Also: 'framelint evaluate --gold LABELS.tsv ARTICLES_DIR' scores rules against annotated articles.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or directories to lint; '-' reads standard input")
    parser.add_argument("--version", action="version", version=f"framelint {__version__}")
    parser.add_argument("-f", "--format", default="text", help="output format (default: text; see --list-formats)")
    parser.add_argument("--select", action="append", metavar="CODES", help="rules to run, replacing the defaults: codes, prefixes, names, technique slugs, 'all'")
    parser.add_argument("--extend-select", action="append", metavar="CODES", help="rules to run in addition to the selection")
    parser.add_argument("--ignore", action="append", metavar="CODES", help="rules not to run")
    parser.add_argument("--rules", action="append", default=[], metavar="PATH", help="load rule packs from a YAML file or a directory")
    parser.add_argument("--list-rules", action="store_true", help="print every rule and exit")
    parser.add_argument("--list-formats", action="store_true", help="print the output formats and exit")
    parser.add_argument("--explain", metavar="CODE", help="print a rule's rationale and examples and exit")
    parser.add_argument("--stdin-filename", default="<stdin>", metavar="NAME", help="the name to report for standard input")
    parser.add_argument("--encoding", metavar="NAME", help="read files in this encoding instead of UTF-8")
    parser.add_argument("--regex-timeout", type=float, default=1.0, metavar="SECONDS", help="stop a rule's regex on one file after this long (default: 1)")
    parser.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    parser.add_argument("--show-source", action="store_true", help="text format: show each finding's line with the span underlined")
    parser.add_argument("--statistics", action="store_true", help="text format: print a count per rule instead of the findings")
    return parser


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not (args.paths or args.list_rules or args.list_formats or args.explain):
        parser.error("no PATH given (use '-' to read standard input)")
    return args


def run(args: argparse.Namespace) -> int:
    from .errors import FramelintError

    try:
        return _run(args)
    except FramelintError as exc:
        sys.stderr.write(f"framelint: error: {exc}\n")
        return EXIT_ERROR


def _run(args: argparse.Namespace) -> int:
    from .api import lint_paths
    from .engine import Linter
    from .errors import FramelintError
    from .loader import load_catalog
    from .plugins import output_formats
    from .report import Report
    from .selection import select_rules

    formats = output_formats()
    if args.list_formats:
        for name, fmt in sorted(formats.items()):
            print(f"{name:<10} {fmt.description}")
        return EXIT_CLEAN
    if args.format not in formats:
        raise FramelintError(f"unknown output format {args.format!r} (known: {', '.join(sorted(formats))})")
    catalog = load_catalog(args.rules)
    if args.list_rules:
        print_rules(catalog.rules)
        return EXIT_CLEAN
    if args.explain:
        return explain(catalog, args.explain)
    rules = select_rules(catalog.rules, split_list(args.select), split_list(args.ignore) or (), split_list(args.extend_select) or ())
    linter = Linter(rules, regex_timeout=args.regex_timeout)
    results = []
    for result in lint_paths(args.paths, linter, args.encoding, args.stdin_filename):
        for line in ([result.error] if result.error else []) + ([result.skipped] if result.skipped else []) + result.notices:
            kind = "error" if line == result.error else "notice"
            sys.stderr.write(f"framelint: {kind}: {line}\n")
        results.append(result)
    results.sort(key=lambda r: r.path)
    report = Report(results, rules, catalog.techniques, {"show_source": args.show_source, "statistics": args.statistics})
    formats[args.format].render(report, sys.stdout)
    sys.stdout.flush()
    if not args.quiet:
        sys.stderr.write(summary(report) + "\n")
    if any(r.error for r in results):
        return EXIT_ERROR
    return EXIT_FINDINGS if report.findings else EXIT_CLEAN


def summary(report) -> str:
    from .finding import SEVERITIES

    checked = sum(1 for r in report.results if not (r.error or r.skipped))
    findings = report.findings
    counts = [f"{n} {s}" for s in reversed(SEVERITIES) if (n := sum(f.severity == s for f in findings))]
    text = f"framelint: {checked} file{'s' * (checked != 1)} checked, {len(findings)} finding{'s' * (len(findings) != 1)}"
    if counts:
        text += f" ({', '.join(counts)})"
    failed = sum(1 for r in report.results if r.error)
    return text + (f", {failed} file{'s' * (failed != 1)} not readable" if failed else "")


def print_rules(rules) -> None:
    rows = [("CODE", "NAME", "TECHNIQUE", "SEVERITY", "TIER", "PACK")]
    rows += [(r.code, r.name, r.technique, r.severity, "default" if r.default else "opt-in", r.pack) for r in rules]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())


def explain(catalog, wanted: str) -> int:
    from .errors import FramelintError

    rule = next((r for r in catalog.rules if wanted in (r.code, r.name)), None)
    if rule is None:
        raise FramelintError(f"--explain: unknown rule {wanted!r}")
    technique = catalog.techniques[rule.technique]
    print(f"{rule.code} {rule.name} [{rule.technique}]")
    print(f"technique: {technique.title}; severity: {rule.severity}; {'on by default' if rule.default else 'opt-in'}; pack: {rule.pack}")
    print(f"\n{rule.rationale}\n")
    print("Flagged:")
    for example in rule.flag_examples:
        print(f"  - {example.text}")
    print("Not flagged:")
    for example in rule.pass_examples:
        print(f"  - {example.text}")
    return EXIT_CLEAN
