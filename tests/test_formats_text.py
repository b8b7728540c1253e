"""The text format's --show-source, --statistics and colour, through the real command."""
import os
import pty
import subprocess
import sys

from conftest import run_cli
from formats_helpers import ARTICLE, CLEAN, PACK, write

from framelint.formats.text import underlined

# Curly quotes and an em dash before the finding: columns count characters, not bytes.
QUOTED = "Officials called it “a betrayal” — a word chosen for the outrage it stirs.\n"
ESC = "\x1b["


def test_show_source_underlines_the_span_on_a_line_with_curly_quotes_and_an_em_dash(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(QUOTED, encoding="utf-8")
    result = run_cli("--show-source", "--select", "LL201", article, env={"NO_COLOR": "1"})
    assert result.returncode == 1
    assert result.stdout == (
        f'{article}:1:58: LL201 loaded term "outrage" frames the event emotionally; consider "criticism" [emotive-term]\n'
        "  |\n"
        "1 | Officials called it “a betrayal” — a word chosen for the outrage it stirs.\n"
        "  |                                                          ^^^^^^^\n"
        "\n"
    )


def test_show_source_gutter_widens_for_two_digit_lines(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Calm line.\n" * 11 + "It was sheer despair.\n", encoding="utf-8")
    assert run_cli("--show-source", "-q", "--select", "LL201", article).stdout.splitlines()[1:4] == [
        "   |",
        "12 | It was sheer despair.",
        "   |              ^^^^^^^",
    ]


def test_tabs_and_wide_characters_keep_the_carets_under_the_span():
    assert underlined("a\tbetrayal", 2, 10) == ("a    betrayal", "     ", "^^^^^^^^")
    # Each of the three CJK characters takes two screen columns.
    assert underlined("裏切り betrayal", 4, 12) == ("裏切り betrayal", " " * 7, "^" * 8)
    # A combining accent takes none.
    assert underlined("cafe\u0301 outrage", 6, 13) == ("cafe\u0301 outrage", " " * 5, "^" * 7)


def test_a_long_line_is_cut_at_spaces_around_the_span():
    line = "word " * 40 + "outrage" + " tail" * 40
    start = line.index("outrage")
    shown, indent, carets = underlined(line, start, start + 7)
    assert shown == "… " + "word " * 7 + "outrage" + " tail" * 7 + " …"
    assert (len(indent), carets) == (len("… " + "word " * 7), "^^^^^^^")


def test_statistics_counts_findings_per_rule_most_frequent_first(tmp_path):
    article = write(tmp_path, "a.txt", ARTICLE + CLEAN)
    house = write(tmp_path, "house.yaml", PACK)
    result = run_cli("--statistics", "--rules", house, "--select", "LL201,HS", article, env={"NO_COLOR": "1"})
    assert result.returncode == 1
    assert result.stdout == (
        "4  LL201  emotive-term   loaded-language\n"
        "2  HS102  house-weekday  loaded-language\n"
        "1  HS101  house-percent  loaded-language\n"
    )


def test_no_colour_in_a_pipe_colour_with_force_color_none_with_no_color(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(QUOTED, encoding="utf-8")
    plain = _run_in_a_pipe(article, _without_colour_settings())
    forced = _run_in_a_pipe(article, {**_without_colour_settings(), "FORCE_COLOR": "1"})
    both = _run_in_a_pipe(article, {**_without_colour_settings(), "FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert ESC not in plain.stdout and ESC not in both.stdout
    assert forced.stdout == (
        f'\x1b[1m{article}\x1b[0m:1:58: \x1b[33mLL201\x1b[0m loaded term "outrage" frames the event '
        'emotionally; consider "criticism" \x1b[2m[emotive-term]\x1b[0m\n'
    )
    assert _strip_ansi(forced.stdout) == plain.stdout == both.stdout


def _run_in_a_pipe(article, env: dict) -> subprocess.CompletedProcess:
    """Unlike conftest.run_cli, which adds to the test's environment, run with exactly ``env``."""
    return subprocess.run([sys.executable, "-m", "framelint", "-q", "--select", "LL201", str(article)], capture_output=True,
                          text=True, env=env, timeout=120)


def test_colour_on_a_terminal_unless_no_color(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(QUOTED, encoding="utf-8")
    assert ESC + "33mLL201" in _run_on_a_terminal(article, _without_colour_settings())
    on_terminal = _run_on_a_terminal(article, {**_without_colour_settings(), "NO_COLOR": "1"})
    assert "LL201" in on_terminal and ESC not in on_terminal


def _without_colour_settings() -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    return {**env, "TERM": "xterm"}


def _run_on_a_terminal(article, env: dict) -> str:
    """Standard output of the command when it is a pseudo-terminal, as on a user's screen."""
    controller, terminal = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "framelint", "-q", "--select", "LL201", str(article)], stdout=terminal,
                               stderr=subprocess.PIPE, env=env)
    os.close(terminal)
    chunks = []
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # the terminal is gone once the command has exited
            break
        if not chunk:
            break
        chunks.append(chunk)
    errors = process.communicate(timeout=120)[1].decode("utf-8", "replace")
    os.close(controller)
    assert process.returncode == 1, errors
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


def _strip_ansi(text: str) -> str:
    import re

    return re.sub(r"\x1b\[[0-9;]*m", "", text)


def test_a_run_keeps_each_file_s_text_only_for_formats_that_show_it():
    """The command line drops a file's text once it is linted unless the format shows it:
    memory then follows the findings, not the archive."""
    from framelint.plugins import output_formats

    formats = output_formats()
    plain = {"show_source": False, "statistics": False}
    shown = {name for name, fmt in formats.items() if getattr(fmt, "shows_text", lambda options: True)(plain)}
    assert shown == {"html", "rdjson", "sarif"}
    assert formats["text"].shows_text({"show_source": True, "statistics": False})
    assert not formats["text"].shows_text({"show_source": True, "statistics": True})
