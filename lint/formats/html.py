"""``html``: one self-contained page (no network: CSS and script inline) for editors.

Each article is shown line by line with its findings highlighted in place, coloured by
technique, and the messages as notes in the margin beside the line they belong to. A legend
switches techniques on and off; hovering a note or a highlight lights up its partner. All text
from articles, rules and paths is escaped.
"""
from __future__ import annotations

from collections import Counter
from html import escape
from itertools import pairwise

from ..document import LINE_BREAK
from ..hookspecs import hookimpl
from ..version import __version__
from .shared import rule_url

# Okabe–Ito colours (distinguishable with colour-blindness), most distinct first, then a few
# more; cycled beyond.
PALETTE = ("#E69F00", "#0072B2", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#6A3D9A", "#8C564B",
           "#17BECF", "#7F7F7F")

STYLE = """
:root { --ink: #1d2125; --muted: #5f6b76; --rule: #e3e6ea; --paper: #fff; --page: #f5f6f8; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--page); color: var(--ink);
  font: 16px/1.55 Georgia, "Times New Roman", serif; }
header, main { max-width: 78rem; margin: 0 auto; padding: 0 1.5rem; }
header { padding-top: 1.5rem; }
h1, h2, h3, .ui { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
h1 { font-size: 1.5rem; margin: 0 0 .2rem; }
.meta { color: var(--muted); margin: 0 0 1rem; font-size: .9rem; }
.panel { background: var(--paper); border: 1px solid var(--rule); border-radius: 8px;
  padding: 1rem 1.25rem; margin-bottom: 1.25rem; }
.legend { display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; margin: 0; padding: 0; list-style: none; }
.legend label { cursor: pointer; display: flex; align-items: center; gap: .45rem; font-size: .92rem; }
.swatch { width: 1.1rem; height: 1.1rem; border-radius: 3px; background: var(--bg);
  border: 2px solid var(--c); display: inline-block; flex: none; }
.count { color: var(--muted); font-variant-numeric: tabular-nums; }
table.summary { width: 100%; border-collapse: collapse; margin-top: .9rem; font-size: .9rem; }
.summary th, .summary td { text-align: left; padding: .35rem .6rem; border-top: 1px solid var(--rule);
  vertical-align: top; }
.summary th { color: var(--muted); font-weight: 600; }
.summary td.n { text-align: right; font-variant-numeric: tabular-nums; width: 4rem; }
.summary .rule { display: inline-block; margin-right: .8rem; white-space: nowrap; }
.summary a { color: inherit; }
.legend .none { opacity: .45; }
code, .code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .85em; }
.files { margin: 0; padding-left: 1.2rem; columns: 2; font-size: .9rem; }
article.file h2 { font-size: 1.05rem; margin: 0 0 .3rem; word-break: break-all; }
.tally { margin: 0 0 .8rem; font-size: .85rem; display: flex; flex-wrap: wrap; gap: .35rem; }
.chip { border-radius: 999px; padding: .05rem .6rem; background: var(--bg); border: 1px solid var(--c); }
.line { display: grid; grid-template-columns: 2.6rem minmax(0, 1fr) 21rem; column-gap: 1rem;
  padding: .15rem 0; }
.line + .line { border-top: 1px dashed transparent; }
.ln { color: #9aa4ad; text-align: right; font: .75rem/2.1 ui-monospace, Menlo, Consolas, monospace;
  user-select: none; }
.text { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; tab-size: 4; }
.notes { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: .35rem; }
.note { font: .8rem/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: var(--paper);
  border: 1px solid var(--rule); border-left: 4px solid var(--c); border-radius: 4px;
  padding: .3rem .5rem; cursor: pointer; }
.note .head { display: flex; gap: .4rem; align-items: baseline; }
.note .n { background: var(--c); color: #fff; border-radius: 999px; min-width: 1.3rem; text-align: center;
  font-size: .7rem; font-weight: 700; padding: 0 .3rem; }
.note .rule-name { color: var(--muted); }
.note .sev-error { color: #b3261e; font-weight: 700; }
.note .sev-info { color: var(--muted); }
.note a { color: inherit; }
mark.finding { background: var(--bg); color: inherit; border-bottom: 2px solid var(--c);
  border-radius: 2px; padding: 0 1px; cursor: help; }
sup.ref { font: 700 .62rem/1 system-ui, sans-serif; color: var(--c); margin: 0 1px; cursor: pointer; }
mark.finding.active, sup.ref.active, .note.active { outline: 2px solid var(--c); outline-offset: 1px; }
.clean, .unread { color: var(--muted); font-size: .9rem; }
footer { color: var(--muted); font-size: .8rem; text-align: center; padding: 1rem 0 2rem; }
@media (max-width: 900px) {
  .line { grid-template-columns: 2rem minmax(0, 1fr); }
  .notes { grid-column: 2; margin-bottom: .4rem; }
}
@media print { .legend input { display: none; } }
"""

# Hovering a note lights up its highlights and the other way round; a click on a note scrolls
# to the text. Once wired up, the body records how many elements were linked.
SCRIPT = """
(function () {
  var linked = document.querySelectorAll('[data-finding]');
  function light(id, on) {
    document.querySelectorAll('[data-finding="' + id + '"]').forEach(function (el) {
      el.classList.toggle('active', on);
    });
  }
  linked.forEach(function (el) {
    el.addEventListener('mouseenter', function () { light(el.dataset.finding, true); });
    el.addEventListener('mouseleave', function () { light(el.dataset.finding, false); });
    if (el.classList.contains('note')) {
      el.addEventListener('click', function () {
        var mark = document.querySelector('mark[data-finding="' + el.dataset.finding + '"]');
        if (mark) { mark.scrollIntoView({block: 'center', behavior: 'smooth'}); }
      });
    }
  });
  document.body.dataset.linked = String(linked.length);
})();
"""


class HtmlFormat:
    name = "html"
    description = "a self-contained HTML page: articles with findings highlighted"

    def render(self, report, stream) -> None:
        stream.write(page(report))


def page(report) -> str:
    techniques = technique_colours(report)
    findings = report.findings
    checked = [r for r in report.results if not (r.error or r.skipped)]
    flagged = [r for r in checked if r.findings]
    clean = [r for r in checked if not r.findings]
    parts = [
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
        "<title>framelint report</title>\n<style>", STYLE, technique_css(techniques), "</style>\n</head>\n<body>\n",
        "<header class=\"ui\">\n<h1>framelint report</h1>\n",
        f"<p class=\"meta\">{plural(len(checked), 'file')} checked · {plural(len(findings), 'finding')}",
        f" · framelint {escape(__version__)}</p>\n</header>\n<main>\n",
        overview(report, techniques),
        "".join(article(result, number, report) for number, result in enumerate(flagged, 1)),
        other_files(clean, [r for r in report.results if r.error or r.skipped]),
        "</main>\n<footer class=\"ui\">Highlights are where a rule matched; each note says why. ",
        "framelint flags wording for an editor to judge, not verdicts.</footer>\n",
        "<script>", SCRIPT, "</script>\n</body>\n</html>\n",
    ]
    return "".join(parts)


def technique_colours(report) -> dict[str, str]:
    """A colour for each technique of the selected rules; the most frequent techniques first,
    so that those a reader sees most get the most distinct colours."""
    counts = Counter(f.technique for f in report.findings)
    slugs = sorted(dict.fromkeys(rule.technique for rule in report.rules), key=lambda slug: -counts[slug])
    return {slug: PALETTE[i % len(PALETTE)] for i, slug in enumerate(slugs)}


def technique_css(techniques: dict[str, str]) -> str:
    """A colour per technique class, and the rule that hides it when unticked in the legend."""
    css = []
    for slug, colour in techniques.items():
        css.append(f".t-{slug} {{ --c: {colour}; --bg: {colour}38; }}\n")
        css.append(f"body:has(#show-{slug}:not(:checked)) mark.t-{slug} "
                   "{ background: none; border-bottom-color: transparent; }\n")
        css.append(f"body:has(#show-{slug}:not(:checked)) sup.t-{slug}, "
                   f"body:has(#show-{slug}:not(:checked)) .note.t-{slug} {{ display: none; }}\n")
    return css and "\n" + "".join(css)


def overview(report, techniques: dict[str, str]) -> str:
    """The legend (a switch per technique of the selected rules) and the per-technique summary."""
    by_technique = Counter(f.technique for f in report.findings)
    by_rule = Counter(f.code for f in report.findings)
    legend, rows = [], []
    for slug in techniques:
        technique = report.techniques.get(slug)
        title = escape(technique.title if technique else slug)
        none = "" if by_technique[slug] else " none"
        legend.append(f"<li class=\"t-{slug}{none}\"><label><input type=\"checkbox\" id=\"show-{slug}\" checked>"
                      f"<span class=\"swatch\"></span>{title} <span class=\"count\">{by_technique[slug]}</span>"
                      "</label></li>")
        fired = [r for r in report.rules if r.technique == slug and by_rule[r.code]]
        if fired:
            cells = "".join(f"<span class=\"rule\"><a class=\"code\" href=\"{escape(rule_url(r))}\">{r.code}</a> "
                            f"{escape(r.name)} <span class=\"count\">×{by_rule[r.code]}</span></span>" for r in fired)
            rows.append(f"<tr class=\"t-{slug}\"><td><span class=\"swatch\"></span> {title}</td>"
                        f"<td class=\"n\">{by_technique[slug]}</td><td>{cells}</td></tr>")
    summary = ("<table class=\"summary\"><thead><tr><th>Technique</th><th class=\"n\">Findings</th>"
               "<th>Rules that fired</th></tr></thead>\n<tbody>" + "\n".join(rows) + "</tbody></table>\n") if rows else ""
    return f"<section class=\"panel ui overview\">\n<ul class=\"legend\">{''.join(legend)}</ul>\n{summary}</section>\n"


def article(result, number: int, report) -> str:
    """One file: a tally per technique, then its lines with highlights and margin notes."""
    prefix = f"f{number}-"
    numbered = {id(f): n for n, f in enumerate(result.findings, 1)}
    tally = Counter(f.technique for f in result.findings)
    titles = {slug: (t.title if (t := report.techniques.get(slug)) else slug) for slug in tally}
    chips = "".join(f"<span class=\"chip t-{slug}\">{escape(titles[slug])} {count}</span>" for slug, count in tally.most_common())
    rules = {rule.code: rule for rule in report.rules}
    out = [f"<article class=\"panel file\" id=\"file-{number}\">\n<h2>{escape(result.path)}</h2>\n",
           f"<div class=\"tally ui\">{chips}</div>\n"]
    for line_number, (start, end) in enumerate(line_spans(result.text), 1):
        on_line = [f for f in result.findings if f.start < end and f.end > start]
        notes = [f for f in result.findings if f.line == line_number]
        text = highlighted(result.text, start, end, on_line, prefix, numbered) or " "
        out.append(f"<div class=\"line\" id=\"{prefix}L{line_number}\"><span class=\"ln\">{line_number}</span>"
                   f"<p class=\"text\">{text}</p>")
        if notes:
            out.append("<ol class=\"notes\">" + "".join(note(f, numbered[id(f)], prefix, rules.get(f.code)) for f in notes) + "</ol>")
        out.append("</div>\n")
    out.append("</article>\n")
    return "".join(out)


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each line without its line break; none after a final break."""
    starts = [0] + [m.end() for m in LINE_BREAK.finditer(text)]
    ends = [m.start() for m in LINE_BREAK.finditer(text)] + [len(text)]
    spans = list(zip(starts, ends))
    return spans[:-1] if len(spans) > 1 and spans[-1][0] == len(text) else spans


def highlighted(text: str, start: int, end: int, findings, prefix: str, numbered: dict) -> str:
    """Escaped ``text[start:end]`` with each finding inside a ``<mark>`` and its note number
    after it. Where findings overlap without nesting, a mark is split so that elements nest."""
    pieces = [(max(f.start, start), min(f.end, end), f) for f in findings]
    bounds = sorted({start, end} | {a for a, _, _ in pieces} | {b for _, b, _ in pieces})
    out, open_marks = [], []
    for a, b in pairwise(bounds):
        active = sorted((p for p in pieces if p[0] <= a and b <= p[1]), key=lambda p: (p[0], -p[1], numbered[id(p[2])]))
        keep = 0
        while keep < min(len(open_marks), len(active)) and open_marks[keep] is active[keep]:
            keep += 1
        out.append("</mark>" * (len(open_marks) - keep) + note_refs(pieces, a, prefix, numbered))
        out.extend(mark_tag(f, prefix, numbered[id(f)]) for _, _, f in active[keep:])
        open_marks = active
        out.append(escape(text[a:b]))
    out.append("</mark>" * len(open_marks) + note_refs(pieces, end, prefix, numbered))
    return "".join(out)


def note_refs(pieces, offset: int, prefix: str, numbered: dict) -> str:
    """The note numbers of the findings that end at ``offset``."""
    return "".join(f"<sup class=\"ref t-{f.technique}\" data-finding=\"{prefix}{numbered[id(f)]}\">{numbered[id(f)]}</sup>"
                   for _, _, f in pieces if f.end == offset)


def mark_tag(f, prefix: str, n: int) -> str:
    return (f"<mark class=\"finding t-{f.technique}\" data-finding=\"{prefix}{n}\" data-code=\"{f.code}\" "
            f"data-message=\"{escape(f.message)}\" title=\"{f.code} {escape(f.rule)}: {escape(f.message)}\">")


def note(f, n: int, prefix: str, rule) -> str:
    code = f"<a href=\"{escape(rule_url(rule))}\">{f.code}</a>" if rule else f.code
    severity = f" <span class=\"sev-{f.severity}\">{f.severity}</span>" if f.severity != "warning" else ""
    return (f"<li class=\"note t-{f.technique}\" data-finding=\"{prefix}{n}\"><div class=\"head\">"
            f"<span class=\"n\">{n}</span><span class=\"code\">{code}</span>"
            f"<span class=\"rule-name\">{escape(f.rule)}</span>{severity}</div>{escape(f.message)}</li>")


def other_files(clean, unread) -> str:
    out = []
    if clean:
        out.append("<section class=\"panel ui\"><h2>No findings</h2><ul class=\"files clean\">"
                   + "".join(f"<li>{escape(r.path)}</li>" for r in clean) + "</ul></section>\n")
    if unread:
        out.append("<section class=\"panel ui\"><h2>Not checked</h2><ul class=\"files unread\">"
                   + "".join(f"<li>{escape(r.error or r.skipped)}</li>" for r in unread) + "</ul></section>\n")
    return "".join(out)


def plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' * (n != 1)}"


@hookimpl
def framelint_output_formats():
    return [HtmlFormat()]
