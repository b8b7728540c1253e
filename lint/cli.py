"""The ``framelint`` command. Exit codes: 0 no findings, 1 findings, 2 usage, input or rule-pack error."""
from __future__ import annotations

import argparse
import gc
import os
import sys
from contextlib import contextmanager

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


@contextmanager
def garbage_collected_rarely():
    """Linting makes objects by the million and no reference cycles, while the findings of a run
    (or of a 20 MB file) pile up: the collector's full passes would walk them all again and again
    for nothing, a fifth of the time on a 20 MB file. Meanwhile, what is loaded stays out of its
    way (frozen) and it runs a hundred times less often; worker processes fork with the same
    settings. Both are undone afterwards, for a caller of `main` in its own process."""
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(100_000, 20, 20)
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def entry() -> None:
    """The ``framelint`` command: `main`, then an exit that leaves freeing memory to the
    operating system. Python would free every object of the run one by one first, 40 ms after
    linting an archive of 10 MB; nothing is left to do by then but flushing the output. Under a
    profiler or a coverage tracer, which write their results at exit, Python exits as usual."""
    code = main()
    if sys.getprofile() is not None or sys.gettrace() is not None:
        sys.exit(code)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:  # the reader went away while the last output was written
        pass
    os._exit(code)


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
    parser.add_argument("--config", metavar="PATH", help="use this configuration file (YAML, or pyproject.toml) instead of searching for one")
    parser.add_argument("--isolated", action="store_true", help="ignore every configuration file")
    parser.add_argument("--show-config", action="store_true", help="print the effective configuration, each value with its source, and exit")
    parser.add_argument("--fail-level", choices=("info", "warning", "error"), help="exit 1 only for findings of this severity or above (default: warning)")
    parser.add_argument("--max-findings", type=int, metavar="N", help="exit 1 only when more than N findings are at or above the fail level (default: 0)")
    parser.add_argument("--report-unused-suppressions", action="store_true", help="report suppressions that suppressed nothing (FL001)")
    parser.add_argument("--baseline", metavar="FILE", help="report only findings not recorded in this baseline file")
    parser.add_argument("--write-baseline", metavar="FILE", help="record the findings in this baseline file and exit 0")
    parser.add_argument("--list-rules", action="store_true", help="print every rule and exit")
    parser.add_argument("--list-formats", action="store_true", help="print the output formats and exit")
    parser.add_argument("--explain", metavar="CODE", help="print a rule's rationale and examples and exit")
    parser.add_argument("--stdin-filename", default="<stdin>", metavar="NAME", help="the name to report for standard input")
    parser.add_argument("--encoding", metavar="NAME", help="read files in this encoding instead of UTF-8")
    parser.add_argument("--cache", action="store_true", help="keep findings on disk and reuse them for unchanged files (see docs/performance.md)")
    parser.add_argument("-j", "--jobs", type=int, metavar="N", help="lint files in N processes (default: the number of CPUs)")
    parser.add_argument("--regex-timeout", type=float, default=1.0, metavar="SECONDS", help="stop a rule's regex on one file after this long (default: 1)")
    parser.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    parser.add_argument("--show-source", action="store_true", help="text format: show each finding's line with the span underlined")
    parser.add_argument("--statistics", action="store_true", help="text format: print a count per rule instead of the findings")
    return parser


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not (args.paths or args.list_rules or args.list_formats or args.explain or args.show_config):
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
    from .baseline import Baseline, write_baseline
    from .config import load_config
    from .configured import ConfiguredLinter
    from .errors import FramelintError
    from .finding import severity_rank
    from .loader import load_catalog
    from .plugins import output_formats
    from .report import Report

    formats = output_formats()
    if args.list_formats:
        for name, fmt in sorted(formats.items()):
            print(f"{name:<10} {fmt.description}")
        return EXIT_CLEAN
    if args.format not in formats:
        raise FramelintError(f"unknown output format {args.format!r} (known: {', '.join(sorted(formats))})")
    config = load_config(args.paths, args.config, args.isolated)
    config.apply_command_line(split_list(args.select), split_list(args.extend_select), split_list(args.ignore),
                              args.rules, args.fail_level, args.max_findings, args.report_unused_suppressions)
    catalog = load_catalog(config["rules"])
    if args.list_rules:
        print_rules(catalog.rules)
        return EXIT_CLEAN
    if args.explain:
        return explain(catalog, args.explain)
    config.check(catalog.rules)
    if args.show_config:
        print(config.describe())
        return EXIT_CLEAN
    baseline = Baseline(args.baseline) if args.baseline else None
    linter = ConfiguredLinter(config, catalog.rules, regex_timeout=args.regex_timeout, cache=result_cache(args),
                              fingerprint=bool(args.baseline or args.write_baseline))
    rules = linter.rules
    options = {"show_source": args.show_source, "statistics": args.statistics}
    # A run keeps every file's result until it prints; the text only where the format shows it.
    keep_text = getattr(formats[args.format], "shows_text", lambda options: True)(options)
    results = []
    with garbage_collected_rarely():
        for result in lint_paths(args.paths, linter, args.encoding, args.stdin_filename, config.wanted, jobs_wanted(args)):
            for line in ([result.error] if result.error else []) + ([result.skipped] if result.skipped else []) + result.notices:
                kind = "error" if line == result.error else "notice"
                sys.stderr.write(f"framelint: {kind}: {line}\n")
            if not keep_text:
                result.text = ""
            results.append(result)
    results.sort(key=lambda r: r.path)
    if args.write_baseline:
        recorded = [f for r in results for f in r.findings]
        write_baseline(args.write_baseline, recorded)
        sys.stderr.write(f"framelint: wrote {len(recorded)} finding{'s' * (len(recorded) != 1)} to {args.write_baseline}\n")
        return EXIT_ERROR if any(r.error for r in results) else EXIT_CLEAN
    known = baseline.remove_known(results) if baseline else 0
    report = Report(results, rules, catalog.techniques, options)
    formats[args.format].render(report, sys.stdout)
    sys.stdout.flush()
    if not args.quiet:
        sys.stderr.write(summary(report) + "\n")
        if baseline:
            sys.stderr.write(f"framelint: {known} finding{'s' * (known != 1)} recorded in {args.baseline} not shown\n")
    if any(r.error for r in results):
        return EXIT_ERROR
    failing = [f for f in report.findings if severity_rank(f.severity) >= severity_rank(config["fail-level"])]
    return EXIT_FINDINGS if len(failing) > config["max-findings"] else EXIT_CLEAN


def result_cache(args: argparse.Namespace):
    if not args.cache:
        return None
    from .cache import ResultCache

    return ResultCache()


def jobs_wanted(args: argparse.Namespace) -> int:
    from .errors import FramelintError
    from .parallel import default_jobs

    if args.jobs is not None and args.jobs < 1:
        raise FramelintError(f"--jobs must be 1 or more, not {args.jobs}")
    return args.jobs or default_jobs()


def summary(report) -> str:
    from .finding import SEVERITIES

    checked = sum(1 for r in report.results if not (r.error or r.skipped))
    findings = report.findings
    counts = [f"{n} {s}{'s' * (n != 1 and s != 'info')}" for s in reversed(SEVERITIES) if (n := sum(f.severity == s for f in findings))]
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
