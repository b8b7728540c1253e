"""Articles, a rule pack and a renderer that the format tests share. The articles carry what
formats must escape, count or encode: curly quotes, an em dash, CJK, '%', ',' and ':'."""
import io

from framelint.api import lint_paths
from framelint.engine import Linter
from framelint.loader import load_catalog
from framelint.plugins import output_formats
from framelint.report import Report
from framelint.selection import select_rules

# "betrayal" on line 2 follows curly quotes, an em dash and three CJK characters (3 UTF-8 bytes
# each); "chaos unleashed" runs across the line break of lines 3-4.
ARTICLE = (
    "The council met on Tuesday.\n"
    "It was “a betrayal” — 裏切り betrayal — of them.\n"
    "Residents spoke of the chaos\n"
    "unleashed by the vote, and of despair.\n"
)
CLEAN = "The council met on Tuesday and approved the budget.\n"

# House rules of each severity; HS101's message needs every escape GitHub's workflow commands define.
PACK = """\
pack: house-style
description: Test pack.
technique: loaded-language
rules:
  - code: HS101
    name: house-percent
    severity: error
    kind: terms
    message: "100% loaded, says the desk: \\"{match}\\"\\r\\nreconsider"
    rationale: The desk reserves "budget" for figures. Say which budget, e.g. the 2025 city budget.
    terms: [budget]
    examples:
      flag: [{text: The budget passed., match: budget}]
      pass: [The vote passed.]
  - code: HS102
    name: house-weekday
    severity: info
    kind: terms
    message: 'give the date, not "{match}"'
    rationale: A house rule for tests.
    terms: [tuesday]
    examples:
      flag: [They met on Tuesday.]
      pass: [They met on 4 March.]
"""


def write(directory, name: str, text: str) -> str:
    path = directory / name
    path.write_text(text, encoding="utf-8", newline="")
    return str(path)


def lint_report(paths, select=("all",), rule_paths=(), options=None) -> Report:
    """What the command line hands a format for these files and this rule selection."""
    catalog = load_catalog(rule_paths)
    rules = select_rules(catalog.rules, list(select))
    results = sorted(lint_paths(paths, Linter(rules)), key=lambda r: r.path)
    return Report(results, rules, catalog.techniques, options or {})


def render(format_name: str, report: Report) -> str:
    stream = io.StringIO()
    output_formats()[format_name].render(report, stream)
    return stream.getvalue()
