"""``html``: a self-contained page, checked in a real headless browser when one is installed."""
import shutil
import subprocess
from html.parser import HTMLParser

import pytest

from formats_helpers import ARTICLE, CLEAN, lint_report, render, write
from framelint.finding import Finding
from framelint.formats.html import highlighted

CHROMIUM = "/usr/bin/chromium"
# Article text that must come out as text: markup, an entity, quotes of both kinds.
HOSTILE = 'Critics called the <script>alert("x")</script> plan & its "reforms" a betrayal.\n'


class Dom(HTMLParser):
    """The parts of a page the tests look at: highlights, notes, article lines, scripts."""

    def __init__(self, markup: str):
        super().__init__(convert_charrefs=True)
        self.stack, self.marks, self.notes, self.lines, self.scripts, self.links = [], [], [], [], 0, []
        self.body = {}
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        element = {"tag": tag, "attrs": attrs, "classes": classes, "text": ""}
        if tag == "mark":
            self.marks.append(element)
        elif tag == "li" and "note" in classes:
            self.notes.append(element)
        elif tag == "p" and "text" in classes:
            self.lines.append(element)
        elif tag == "script":
            self.scripts += 1
        elif tag == "body":
            self.body = attrs
        if tag in ("link", "img", "iframe") or (tag == "script" and attrs.get("src")):
            self.links.append(tag)
        if tag not in ("meta", "input", "br", "link", "img"):
            self.stack.append(element)

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()["tag"] == tag:
                break

    def handle_data(self, data):
        for element in self.stack:
            if element["tag"] != "sup" and not any(e["tag"] == "sup" for e in self.stack):
                element["text"] += data


def test_every_finding_is_highlighted_with_its_technique_and_message(tmp_path):
    report = lint_report([write(tmp_path, "a.txt", ARTICLE)], select=["LL201"])
    dom = Dom(render("html", report))
    # "chaos unleashed" crosses a line break: one highlight on each line, one finding.
    assert [(m["text"], m["attrs"]["data-finding"]) for m in dom.marks] == [
        ("betrayal", "f1-1"), ("betrayal", "f1-2"), ("chaos", "f1-3"), ("unleashed", "f1-3"), ("despair", "f1-4")]
    for mark in dom.marks:
        assert {"finding", "t-loaded-language"} <= set(mark["classes"]) and mark["attrs"]["data-code"] == "LL201"
    assert dom.marks[0]["attrs"]["data-message"] == report.findings[0].message
    assert [n["attrs"]["data-finding"] for n in dom.notes] == ["f1-1", "f1-2", "f1-3", "f1-4"]
    assert dom.notes[2]["text"] == "3LL201emotive-termloaded term \"chaos unleashed\" frames the event emotionally"
    assert [line["text"] for line in dom.lines] == ARTICLE.splitlines()


def test_article_text_is_escaped(tmp_path):
    page = render("html", lint_report([write(tmp_path, "<b>&.txt", HOSTILE)], select=["LL201"]))
    dom = Dom(page)
    assert dom.lines[0]["text"] == HOSTILE.rstrip("\n")
    assert dom.scripts == 1 and 'alert("x")</script>' not in page
    assert "<h2>" + str(tmp_path).replace("&", "&amp;") + "/&lt;b&gt;&amp;.txt</h2>" in page
    assert [m["text"] for m in dom.marks] == ["betrayal"]


def test_page_is_self_contained_and_lists_clean_and_unreadable_files(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9\n")
    paths = [write(tmp_path, "a.txt", ARTICLE), write(tmp_path, "clean.txt", CLEAN), str(tmp_path / "bad.txt")]
    page = render("html", lint_report(paths, select=["LL201"]))
    dom = Dom(page)
    assert dom.links == [] and "http://" not in page.replace("https://github.com/framelint", "")
    assert "<h2>No findings</h2><ul class=\"files clean\"><li>" + paths[1] + "</li>" in page
    assert "invalid UTF-8 at byte 3" in page


def test_crossing_findings_are_split_so_that_the_marks_nest():
    text = "one two three"

    def finding(n, start, end, technique):
        return Finding("a.txt", 1, start + 1, 1, end + 1, f"T10{n}", "r", technique, "warning", f"m{n}",
                       text[start:end], start, end)

    first, second = finding(1, 0, 7, "alpha"), finding(2, 4, 13, "beta")
    markup = highlighted(text, 0, len(text), [first, second], "f1-", {id(first): 1, id(second): 2})
    assert markup == (
        '<mark class="finding t-alpha" data-finding="f1-1" data-code="T101" data-message="m1" title="T101 r: m1">one '
        '<mark class="finding t-beta" data-finding="f1-2" data-code="T102" data-message="m2" title="T102 r: m2">two'
        '</mark></mark><sup class="ref t-alpha" data-finding="f1-1">1</sup>'
        '<mark class="finding t-beta" data-finding="f1-2" data-code="T102" data-message="m2" title="T102 r: m2"> three'
        '</mark><sup class="ref t-beta" data-finding="f1-2">2</sup>'
    )


@pytest.mark.skipif(not shutil.which(CHROMIUM), reason="needs Debian's chromium at /usr/bin/chromium")
def test_a_real_browser_builds_the_highlights_and_runs_the_script(tmp_path):
    page = tmp_path / "report.html"
    report = lint_report([write(tmp_path, "a.txt", ARTICLE + HOSTILE)], select=["LL201"])
    page.write_text(render("html", report), encoding="utf-8")
    browser = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
         "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=60,
    )
    assert browser.returncode == 0, browser.stderr[-2000:]
    dom = Dom(browser.stdout)
    assert [(m["text"], m["attrs"]["data-code"], m["attrs"]["data-message"]) for m in dom.marks] == [
        ("betrayal", "LL201", report.findings[0].message), ("betrayal", "LL201", report.findings[1].message),
        ("chaos", "LL201", report.findings[2].message), ("unleashed", "LL201", report.findings[2].message),
        ("despair", "LL201", report.findings[3].message), ("betrayal", "LL201", report.findings[4].message)]
    assert all("t-loaded-language" in m["classes"] for m in dom.marks)
    assert [line["text"] for line in dom.lines] == (ARTICLE + HOSTILE).splitlines()
    assert dom.scripts == 1  # the article's <script> stayed text
    # The inline script ran: it linked 6 highlights, 5 note numbers and 5 notes.
    assert dom.body.get("data-linked") == "16"
