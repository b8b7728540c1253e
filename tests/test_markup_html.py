"""HTML: the visible text is linted where it stands in the file; scripts, styles, tags are not."""
import textwrap
from functools import partial

from framelint.plugins import parse_document

from conftest import positions, run_cli


# (line, column, text) of each loaded-term finding, as in the file.
found = partial(positions, path="page.html", select=("LL201",))


def test_term_after_entities_keeps_its_column():
    page = "<p>Caf&eacute; owners &mdash; and the heroic crew &amp; staff stayed.</p>\n"
    assert found(page) == [(1, 39, "heroic")]


def test_entities_are_decoded_in_place():
    page = "<p>Caf&eacute; owners &mdash; &ldquo;Safe&rdquo;</p>"
    # The decoded character stands on the reference's first position, or its last when a word
    # follows (so an opening quote touches its word); the rest is blank.
    expected = " " * 3 + "Caf" + "é" + " " * 7 + " owners " + "—" + " " * 6 + " " + " " * 6 + "“" + "Safe" + "”" + " " * 6 + " " * 4
    assert parse_document(page, "p.html").text == expected


def test_nothing_in_script_style_template_comments_code_or_tags():
    page = textwrap.dedent("""\
        <html><head><style>.outrage { color: red }</style>
        <script>const betrayal = "heroic";</script></head>
        <body class="sham"><!-- a sham edit -->
        <template><p>heroic</p></template>
        <p>Run <code>grep betrayal</code> on the <a href="https://example.org/outrage">logs</a>.</p>
        <pre>sham</pre>
        </body></html>
        """)
    assert found(page) == []


def test_block_elements_end_sentences():
    page = "<h1>Reports emerged</h1><p>The ministry confirmed the convoy turned back.</p>\n<ul><li>Reports emerged<li>said Reuters</ul>"
    doc = parse_document(page, "p.html")
    assert [doc.text[s.start : s.end] for s in doc.sentences] == [
        "Reports emerged", "The ministry confirmed the convoy turned back.", "Reports emerged", "said Reuters",
    ]
    assert found(page, select=["UC101"]) == [(1, 5, "Reports emerged"), (2, 9, "Reports emerged")]


def test_line_break_element_ends_a_sentence():
    doc = parse_document("<p>Reports emerged<br>that the convoy left.</p>", "p.html")
    assert [doc.text[s.start : s.end] for s in doc.sentences] == ["Reports emerged", "that the convoy left."]


def test_blockquote_and_q_are_attributed_quotations():
    page = textwrap.dedent("""\
        <p>The commander wrote:</p>
        <blockquote><p>This retreat is a betrayal.</p></blockquote>
        <p>A colonel called it <q>a sham</q>; the press called it heroic.</p>
        """)
    assert found(page) == [(3, 59, "heroic")]


def test_image_alt_text_is_linted():
    page = '<p>After the vote: <img src="crowd.jpg" alt="A heroic crowd"> the square emptied.</p>'
    assert found(page) == [(1, 48, "heroic")]


def test_crlf_page_keeps_lines_and_columns():
    page = "<!DOCTYPE html>\r\n<p>First.</p>\r\n<p>The &ldquo;calm&rdquo; was a sham.</p>\r\n"
    assert found(page) == [(3, 33, "sham")]


def test_cli_lints_html_found_in_a_directory(tmp_path):
    (tmp_path / "index.htm").write_text("<title>Notes</title>\n<p>The vote was a <em>sham</em>.</p>\n")
    result = run_cli(tmp_path, "--select", "LL201")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f'{tmp_path / "index.htm"}:2:23: LL201 loaded term "sham" frames the event emotionally [emotive-term]'
    ]


def test_malformed_declaration_does_not_stop_the_page():
    # html.parser raises AssertionError on "<![>"; the reader skips it and reads on.
    page = "<p>The sham vote.</p><![> <p>A heroic crew.</p>"
    assert found(page) == [(1, 8, "sham"), (1, 32, "heroic")]


def test_empty_and_text_only_pages():
    assert found("") == []
    assert found("no tags at all, a sham") == [(1, 19, "sham")]


def test_unclosed_blockquote_runs_to_the_end():
    page = "<p>A heroic crew.</p><blockquote><p>It was a sham."
    assert found(page) == [(1, 6, "heroic")]
