"""--jobs: files linted in worker processes give exactly what one process gives."""
import multiprocessing

import pytest

import framelint
from conftest import EXAMPLE, run_cli
from framelint.parallel import lint_in_order


@pytest.fixture
def newsroom(tmp_path):
    """A directory of articles, with a file that cannot be read and one that is skipped."""
    article = EXAMPLE.read_text(encoding="utf-8")
    lines = article.splitlines(keepends=True)
    for i in range(12):
        (tmp_path / f"story{i:02d}.txt").write_text("".join(lines[i:] + lines[:i]), encoding="utf-8")
    (tmp_path / "story05.txt").write_bytes(b"caf\xe9 heroic\n")  # invalid UTF-8: an error, exit 2
    (tmp_path / "story07.txt").write_bytes(b"\x00\x01binary")  # a notice
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "late.md").write_text("The heroic crew returned.\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_jobs_output_is_byte_identical_to_one_process(newsroom, fmt):
    one = run_cli(newsroom, "--jobs", "1", "--format", fmt)
    many = run_cli(newsroom, "--jobs", "3", "--format", fmt)
    assert one.returncode == 2  # story05.txt cannot be decoded
    assert one.stdout.count("\n") > 100
    assert (many.returncode, many.stdout, many.stderr) == (one.returncode, one.stdout, one.stderr)


def test_standard_input_among_files_keeps_its_place(newsroom):
    args = [newsroom / "story01.txt", "-", newsroom / "sub" / "late.md"]
    text = "Sources say the crew returned.\n"
    one = run_cli("--jobs", "1", *args, input=text)
    many = run_cli("--jobs", "2", *args, input=text)
    assert "<stdin>:1:1: UC102 " in one.stdout
    assert (many.returncode, many.stdout, many.stderr) == (one.returncode, one.stdout, one.stderr)


def test_jobs_must_be_positive():
    result = run_cli("--jobs", "0", EXAMPLE)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "framelint: error: --jobs must be 1 or more, not 0\n"


def test_no_pool_for_one_file_or_one_job(monkeypatch, newsroom):
    def no_pool(*args, **kwargs):
        raise AssertionError("a process pool was started")

    monkeypatch.setattr(multiprocessing, "Pool", no_pool)
    linted = list(lint_in_order([str(newsroom / "story00.txt")], len, jobs=8))
    assert linted == [len(str(newsroom / "story00.txt"))]
    paths = [str(p) for p in sorted(newsroom.glob("*.txt"))]
    assert list(lint_in_order(paths, len, jobs=1)) == [len(p) for p in paths]


def test_api_jobs_gives_the_same_results_in_the_same_order(newsroom, all_rules):
    one = list(framelint.lint_paths([newsroom], all_rules, jobs=1))
    many = list(framelint.lint_paths([newsroom], all_rules, jobs=4))
    assert [r.path for r in many] == [r.path for r in one]
    assert [(r.findings, r.error, r.skipped, r.notices) for r in many] == [(r.findings, r.error, r.skipped, r.notices) for r in one]


def test_workers_that_spawn_rather_than_fork_get_the_linter_pickled(monkeypatch, newsroom, all_rules):
    """macOS and Windows start workers afresh: the linter must travel to them intact."""
    one = list(framelint.lint_paths([newsroom], all_rules, jobs=1))
    monkeypatch.setattr(multiprocessing, "Pool", multiprocessing.get_context("spawn").Pool)
    spawned = list(framelint.lint_paths([newsroom], all_rules, jobs=2))
    assert [(r.path, r.findings, r.error, r.skipped) for r in spawned] == [(r.path, r.findings, r.error, r.skipped) for r in one]
