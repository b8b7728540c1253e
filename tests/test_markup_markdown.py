"""Markdown: prose is linted where it stands in the file; code, URLs, front matter, HTML are not."""
import textwrap
from functools import partial

import pytest

import framelint
from framelint.document import Document
from framelint.plugins import parse_document, plugin_manager

from conftest import positions, run_cli


# (line, column, text) of each loaded-term finding, as in the file.
found = partial(positions, path="article.md", select=("LL201",))


def test_term_after_inline_code_keeps_its_column():
    md = "Run `grep betrayal` on the logs; the heroic crew did.\n"
    assert found(md) == [(1, 38, "heroic")]


def test_heading_list_item_table_cell_and_image_alt_are_linted():
    md = textwrap.dedent("""\
        # A heroic retreat

        - The first convoy left at dawn.
        - It was a sham from the start.

        | Unit | Verdict |
        |------|---------|
        | 3rd  | outrage |

        ![Soldiers after the betrayal](photos/retreat.jpg)
        """)
    assert found(md) == [(1, 5, "heroic"), (4, 12, "sham"), (8, 10, "outrage"), (10, 22, "betrayal")]


def test_nothing_inside_code_front_matter_link_targets_or_comments():
    md = textwrap.dedent("""\
        ---
        title: The heroic retreat
        tags: [betrayal]
        ---

        See [the ministry's report](https://example.org/heroic-sham "outrage") and
        https://example.org/betrayal for details. <!-- sham edit -->
        <span class="outrage">Calm</span> words, <https://example.org/heroic>.

        ```python
        betrayal = "heroic"
        ```

            indented code: sham

        [ref]: https://example.org/outrage
        """)
    assert found(md) == []


def test_raw_html_block_is_read_as_html():
    md = textwrap.dedent("""\
        <details>
        <summary>A heroic rescue</summary>
        <!-- a sham -->
        <script>const betrayal = 1;</script>
        </details>

        The crew returned.
        """)
    assert found(md) == [(2, 12, "heroic")]


def test_toml_front_matter_is_skipped():
    md = "+++\ntitle = \"A heroic day\"\n+++\nThe sham vote was held.\n"
    assert found(md) == [(4, 5, "sham")]


def test_link_text_is_linted_but_not_its_target():
    md = "Critics called [the heroic stand](https://example.org/heroic) a sham.\n"
    assert found(md) == [(1, 21, "heroic"), (1, 65, "sham")]


def test_block_quote_is_attributed_quotation_for_default_policy_rules():
    md = textwrap.dedent("""\
        The commander's statement read:

        > This retreat is a betrayal of every soldier
        > who held the line.

        Observers called the retreat heroic.
        """)
    assert found(md) == [(6, 30, "heroic")]


def test_block_quote_is_linted_by_rules_that_include_quotations(tmp_path):
    pack = tmp_path / "quoted.yaml"
    pack.write_text(textwrap.dedent("""\
        pack: quoted-words
        description: Flags words even inside quotations.
        technique: loaded-language
        rules:
          - code: QW101
            name: quoted-betrayal
            kind: terms
            quotes: include
            message: '"{match}" even when quoted'
            rationale: For a test of the quotation policy.
            terms: [betrayal]
            examples:
              flag: ['"A betrayal," she said.']
              pass: ['A retreat, she said.']
        """))
    md = "Her statement:\n\n> This retreat is a betrayal.\n"
    assert found(md, select=["QW101"], rule_paths=[pack]) == [(3, 21, "betrayal")]


def test_heading_and_list_items_end_sentences_without_punctuation():
    md = "# Reports emerged\nThe convoy turned back.\n\n- Reports emerged\n- the ministry confirmed it\n"
    doc = parse_document(md, "a.md")
    assert [doc.text[s.start : s.end] for s in doc.sentences] == [
        "Reports emerged", "The convoy turned back.", "Reports emerged", "the ministry confirmed it",
    ]
    assert found(md, select=["UC101"]) == [(1, 3, "Reports emerged"), (4, 3, "Reports emerged")]


def test_crlf_markdown_keeps_lines_and_columns():
    md = "# Report\r\n\r\nThe `x` team was *heroic*.\r\n\r\n```\r\nsham\r\n```\r\n- an outrage\r\n"
    assert found(md, select=["LL201"]) == [(3, 19, "heroic"), (8, 6, "outrage")]


def test_entities_escapes_and_emphasis_keep_positions():
    md = "AT&amp;T called it \\*not\\* a *sham* &mdash; an outrage.\n"
    assert found(md) == [(1, 31, "sham"), (1, 48, "outrage")]
    doc = parse_document(md, "a.md")
    assert doc.text == "AT    &T called it  *not * a  sham  —       an outrage.\n"


def test_escaped_pipe_in_table_cell_is_still_linted():
    md = "| a | b |\n|---|---|\n| x \\| y | a sham \\| vote |\n"
    assert found(md) == [(3, 14, "sham")]


def test_masked_text_keeps_length_and_original_for_directives():
    md = "Intro with `code`.\r\n\r\n<!-- framelint: disable LL201 -->\r\n"
    doc = parse_document(md, "a.md")
    assert len(doc.text) == len(md) and doc.original == md
    assert doc.text == "Intro with       .\r\n\r\n                                 \r\n"


@pytest.mark.parametrize("name", ["notes.markdown", "NOTES.MD"])
def test_markdown_suffixes(name):
    assert found("Use `betrayal` here.", path=name) == []


def test_plain_text_keeps_markup_characters():
    assert found("Use `betrayal` here.", path="notes.txt") == [(1, 6, "betrayal")]


def test_cli_lints_markdown_found_in_a_directory(tmp_path):
    (tmp_path / "post.md").write_text("# Notes\n\nThe `sham` flag is set; the vote was a sham.\n")
    result = run_cli(tmp_path, "--select", "LL201")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f'{tmp_path / "post.md"}:3:40: LL201 loaded term "sham" frames the event emotionally [emotive-term]'
    ]


class RstDirectives:
    """A plugin reading a format of its own, as in docs/markup.md: it blanks directive lines."""

    @framelint.hookimpl
    def framelint_parse_document(self, path, text):
        if not path.endswith(".rst"):
            return None
        masked = "\n".join(" " * len(line) if line.startswith("..") else line for line in text.split("\n"))
        return Document(masked, path, original=text)


@pytest.fixture
def rst_plugin():
    manager = plugin_manager()
    plugin = manager.register(RstDirectives())
    yield
    manager.unregister(name=plugin)


def test_a_plugin_reads_its_own_format(rst_plugin):
    text = ".. note:: a sham directive\n\nThe heroic crew returned.\n"
    assert found(text, path="notes.rst") == [(3, 5, "heroic")]
    assert found("Use `betrayal` here.", path="notes.md") == []  # the built-in readers still answer


def test_standard_input_is_read_as_markdown_when_named_so():
    markdown = run_cli("-", "--stdin-filename", "post.md", "--select", "LL201", input="Use `sham` here.\n")
    plain = run_cli("-", "--stdin-filename", "post.txt", "--select", "LL201", input="Use `sham` here.\n")
    assert (markdown.returncode, markdown.stdout) == (0, "")
    assert plain.returncode == 1 and plain.stdout.startswith("post.txt:1:6: LL201 ")
