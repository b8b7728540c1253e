"""Hostile input, through the real command: every problem is one line naming the input and the
cause, exit codes stay 0/1/2 (130 on Ctrl-C), nothing hangs and nothing prints a traceback."""
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

import framelint
from conftest import EXAMPLE, run_cli
from framelint import engine
from framelint.document import Document

LOADED = "The heroic crew returned.\n"  # LL201 "heroic" at column 5
FINDING = 'LL201 loaded term "heroic" frames the event emotionally; consider "brave" [emotive-term]'


def errors(result) -> list[str]:
    """The error and notice lines on stderr (not the summary)."""
    return [line for line in result.stderr.splitlines() if line.startswith(("framelint: error: ", "framelint: notice: "))]


def assert_clean_stderr(result):
    assert "Traceback" not in result.stderr
    assert all(line.startswith("framelint: ") for line in result.stderr.splitlines())


# --- paths -----------------------------------------------------------------------------------


def test_missing_file_is_an_error_and_the_other_files_are_still_linted(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(LOADED, encoding="utf-8")
    result = run_cli(tmp_path / "missing.txt", good)
    assert result.returncode == 2
    assert result.stdout == f"{good}:1:5: {FINDING}\n"
    assert f"framelint: error: {tmp_path / 'missing.txt'}: no such file or directory\n" in result.stderr
    assert_clean_stderr(result)


def test_directory_without_text_files(tmp_path):
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    result = run_cli(tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith(f"framelint: error: {tmp_path}: no text files (")
    assert_clean_stderr(result)


def test_unreadable_file_is_permission_denied(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text(LOADED, encoding="utf-8")
    secret.chmod(0)
    try:
        if os.access(secret, os.R_OK):
            pytest.skip("running as root (or on a file system without permissions): chmod cannot forbid reading")
        result = run_cli(secret)
    finally:
        secret.chmod(0o644)
    assert result.returncode == 2
    assert f"framelint: error: {secret}: permission denied\n" in result.stderr


@pytest.mark.skipif(not hasattr(os, "symlink") or sys.platform == "win32", reason="needs symbolic links")
def test_symlink_loop_is_named_and_a_looping_directory_link_is_not_followed(tmp_path):
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    result = run_cli(tmp_path / "a.txt")
    assert result.returncode == 2
    assert f"framelint: error: {tmp_path / 'a.txt'}: symbolic link loop (too many levels of symbolic links)\n" in result.stderr

    tree = tmp_path / "tree"
    (tree / "sub").mkdir(parents=True)
    (tree / "sub" / "up").symlink_to(tree)  # walking into it would never end
    (tree / "sub" / "story.txt").write_text(LOADED, encoding="utf-8")
    result = run_cli(tree)
    assert result.returncode == 1
    assert result.stdout == f"{tree / 'sub' / 'story.txt'}:1:5: {FINDING}\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = run_cli(fifo)  # would block forever if the FIFO were opened for a blocking read
    assert result.returncode == 2
    assert result.stderr.startswith(f"framelint: error: {fifo}: not a regular file (a FIFO, socket or device); not read\n")


# --- content ---------------------------------------------------------------------------------


def test_binary_file_is_skipped_with_a_notice(tmp_path):
    (tmp_path / "blob.txt").write_bytes(b"GIF89a\x00\x01heroic\x00")
    result = run_cli(tmp_path / "blob.txt")
    assert result.returncode == 0
    assert result.stdout == ""
    assert result.stderr.splitlines()[0] == f"framelint: notice: {tmp_path / 'blob.txt'}: binary file (NUL bytes), skipped"


def test_invalid_utf8_names_the_byte_offset_and_encoding_reads_it(tmp_path):
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Café society: the heroic crew.\n".encode("latin-1"))
    result = run_cli(latin)
    assert result.returncode == 2
    assert errors(result) == [f"framelint: error: {latin}: invalid UTF-8 at byte 3 (use --encoding to read another encoding)"]
    result = run_cli(latin, "--encoding", "latin-1")
    assert result.returncode == 1
    assert result.stdout.startswith(f"{latin}:1:19: LL201 ")
    result = run_cli(latin, "--encoding", "klingon")
    assert result.returncode == 2
    assert errors(result) == [f"framelint: error: {latin}: unknown encoding 'klingon'"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig"])
def test_byte_order_mark_chooses_the_encoding_and_is_not_counted(tmp_path, encoding):
    path = tmp_path / "bom.txt"
    path.write_bytes(("Первая строка.\n" + LOADED).encode(encoding))
    result = run_cli(path)
    assert result.returncode == 1
    assert result.stdout == f"{path}:2:5: {FINDING}\n"


def test_empty_file(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run_cli(tmp_path / "empty.txt")
    assert (result.returncode, result.stdout) == (0, "")
    assert result.stderr == "framelint: 1 file checked, 0 findings\n"


def test_one_very_long_line(tmp_path):
    sentence = "The crew returned to the base after a long night, and the officers said nothing. "
    line = sentence * (3_000_000 // len(sentence))
    (tmp_path / "line.txt").write_text(line + LOADED, encoding="utf-8")
    result = run_cli(tmp_path / "line.txt", "-q")
    assert result.returncode == 1
    assert result.stdout == f"{tmp_path / 'line.txt'}:1:{len(line) + 5}: {FINDING}\n"


def test_many_short_lines(tmp_path):
    (tmp_path / "lines.txt").write_text("word\n" * 200_000 + LOADED, encoding="utf-8")
    result = run_cli(tmp_path / "lines.txt", "-q")
    assert result.stdout == f"{tmp_path / 'lines.txt'}:200001:5: {FINDING}\n"


def test_mixed_line_endings_count_lines_as_editors_do(tmp_path):
    (tmp_path / "mixed.txt").write_bytes(b"Windows line.\r\nOld Mac line.\rUnix line.\nThe heroic crew.\r\nThe heroic end.")
    result = run_cli(tmp_path / "mixed.txt", "-q", "--select", "LL201")
    assert [line.split(": ")[0] for line in result.stdout.splitlines()] == [
        f"{tmp_path / 'mixed.txt'}:4:5",
        f"{tmp_path / 'mixed.txt'}:5:5",
    ]


# --- rule packs ------------------------------------------------------------------------------

BACKTRACKING_PACK = """\
pack: backtracking
description: A pattern that backtracks catastrophically on "aaaa...b".
technique: loaded-language
rules:
  - code: BT101
    name: exponential
    kind: pattern
    message: 'never finishes: "{match}"'
    rationale: Nested quantifiers over overlapping alternatives.
    patterns: ['(?:a|aa)+$']
    examples:
      flag: ['aaaa']
      pass: ['b']
"""


def test_catastrophic_backtracking_times_out_for_that_rule_only(tmp_path):
    pack = tmp_path / "pack.yaml"
    pack.write_text(BACKTRACKING_PACK, encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text(LOADED + "a" * 60 + "b\n" + LOADED, encoding="utf-8")
    started = time.monotonic()
    result = run_cli(story, "--rules", pack, "--extend-select", "BT101", "--regex-timeout", "0.2", "-q")
    assert time.monotonic() - started < 60
    assert result.returncode == 1
    # The other rules' findings are all there, on both sides of the stalled text.
    assert result.stdout == f"{story}:1:5: {FINDING}\n{story}:3:5: {FINDING}\n"
    assert result.stderr == (f"framelint: notice: {story}: rule BT101 (exponential) timed out after 0.2s; "
                             "its findings for this file are incomplete\n")


def test_regex_syntax_error_names_the_rule_and_field(tmp_path):
    pack = tmp_path / "pack.yaml"
    pack.write_text(BACKTRACKING_PACK.replace("(?:a|aa)+$", "(?:a|aa+$"), encoding="utf-8")
    result = run_cli("-", "--rules", pack, input=LOADED)
    assert result.returncode == 2
    assert result.stderr.startswith(f"framelint: error: {pack}:10: invalid rule pack: rules[0].patterns[0]: invalid regular expression: ")
    assert len(result.stderr.splitlines()) == 1


# --- interruption and closed pipes -----------------------------------------------------------


def big_input(tmp_path, files: int, size: int) -> list:
    """``files`` files of ``size`` bytes of loaded prose each."""
    paragraph = textwrap.fill("Officials said the heroic crew returned to a shameful welcome. " * 8) + "\n\n"
    paths = []
    for i in range(files):
        path = tmp_path / f"story{i:03d}.txt"
        path.write_text(paragraph * (size // len(paragraph)), encoding="utf-8")
        paths.append(path)
    return paths


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("jobs,files,size", [("1", 1, 8_000_000), ("2", 80, 100_000)])
def test_ctrl_c_ends_with_130_and_no_traceback(tmp_path, jobs, files, size):
    paths = big_input(tmp_path, files, size)
    process = subprocess.Popen([sys.executable, "-m", "framelint", "--jobs", jobs, *paths],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(1.0)  # well started, and far from done: linting this takes seconds
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 130, err.decode()
    assert err.decode() == "framelint: interrupted\n"


def test_closed_pipe_ends_quietly(tmp_path):
    (path,) = big_input(tmp_path, 1, 400_000)  # about 10,000 findings: far more than a pipe holds
    process = subprocess.Popen([sys.executable, "-m", "framelint", path], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = process.stdout.readline()
    process.stdout.close()  # as `| head -1` does
    err = process.stderr.read()
    process.wait(timeout=60)
    assert first.startswith(f"{path}:".encode())
    assert b"Traceback" not in err and b"Broken pipe" not in err
    assert process.returncode == 1


def test_a_huge_plain_text_is_matched_in_sections_with_the_same_findings(monkeypatch):
    """Sections are cut at paragraph breaks, which sentences and quotations never cross."""
    article = EXAMPLE.read_text(encoding="utf-8").replace("\n", "\r\n")
    text = "\r\n\r\n".join([article] * 12)
    rules = framelint.load_rules()
    whole = engine.Linter(rules).lint(Document(text, "big.txt")).findings
    monkeypatch.setattr(engine, "SECTION", 5_000)
    assert len(list(engine.sections(Document(text), engine.SECTION))) > 5
    assert engine.Linter(rules).lint(Document(text, "big.txt")).findings == whole
    assert len(whole) > 100
