"""--cache: the same output as without it, and never a stale result."""
import subprocess
import sys

import pytest

from conftest import EXAMPLE, run_cli
from test_pack_validation import GOOD_RULE as PACK  # a user pack with one term rule, HS101


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    directory = tmp_path / "cache"
    monkeypatch.setenv("FRAMELINT_CACHE_DIR", str(directory))
    return directory


def outcome(result):
    return result.returncode, result.stdout, result.stderr


def test_cached_runs_print_what_an_uncached_run_prints(tmp_path, cache_dir):
    for i in range(3):
        (tmp_path / f"story{i}.txt").write_text(EXAMPLE.read_text(encoding="utf-8")[i * 40 :], encoding="utf-8")
    uncached = run_cli(tmp_path / "story0.txt", tmp_path / "story1.txt", tmp_path / "story2.txt")
    cold = run_cli("--cache", tmp_path / "story0.txt", tmp_path / "story1.txt", tmp_path / "story2.txt")
    assert len(list(cache_dir.rglob("*"))) > 3  # entries under two-character folders
    warm = run_cli("--cache", tmp_path / "story0.txt", tmp_path / "story1.txt", tmp_path / "story2.txt")
    assert uncached.stdout.count("\n") > 20
    assert outcome(cold) == outcome(warm) == outcome(uncached)


def test_an_edited_file_is_linted_again(tmp_path, cache_dir):
    story = tmp_path / "story.txt"
    story.write_text("The heroic crew returned.\n", encoding="utf-8")
    assert "LL201" in run_cli("--cache", story).stdout
    story.write_text("The crew returned.\n", encoding="utf-8")
    assert run_cli("--cache", story).stdout == ""


def test_an_edited_rule_pack_is_not_answered_from_the_cache(tmp_path, cache_dir):
    pack, story = tmp_path / "pack.yaml", tmp_path / "story.txt"
    pack.write_text(PACK, encoding="utf-8")
    story.write_text("The bombshell report landed on Friday.\n", encoding="utf-8")
    args = ("--cache", "--rules", pack, "--select", "HS101", story)
    assert run_cli(*args).stdout == f'{story}:1:5: HS101 house style: avoid "bombshell" [house-loaded]\n'
    pack.write_text(PACK.replace("terms: [bombshell]", "terms: [landed]"), encoding="utf-8")
    assert run_cli(*args).stdout == f'{story}:1:22: HS101 house style: avoid "landed" [house-loaded]\n'


def test_a_damaged_entry_is_linted_again(tmp_path, cache_dir):
    story = tmp_path / "story.txt"
    story.write_text("The heroic crew returned.\n", encoding="utf-8")
    first = run_cli("--cache", story)
    entries = [p for p in cache_dir.rglob("*") if p.is_file()]
    assert entries
    for entry in entries:
        entry.write_text('{"findings": [{"path": 1', encoding="utf-8")
    assert outcome(run_cli("--cache", story)) == outcome(first)


def test_concurrent_runs_share_the_cache(tmp_path, cache_dir):
    for i in range(20):
        (tmp_path / f"story{i:02d}.txt").write_text(EXAMPLE.read_text(encoding="utf-8")[i * 10 :], encoding="utf-8")
    expected = run_cli(tmp_path)
    command = [sys.executable, "-m", "framelint", "--cache", "--jobs", "2", str(tmp_path)]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(3)]
    for run in runs:
        out, err = run.communicate(timeout=120)
        assert (run.returncode, out, err) == outcome(expected)
    assert not [p for p in cache_dir.rglob(".tmp-*")]  # no half-written entry left behind


def test_changed_framelint_code_is_not_answered_from_the_cache(tmp_path, monkeypatch):
    """A development install keeps its version while its code changes: the code is in the key."""
    from framelint import cache

    (tmp_path / "engine.py").write_text("SECTION = 1\n")
    monkeypatch.setattr(cache, "__file__", str(tmp_path / "cache.py"))
    before = cache.code_stamp.__wrapped__()
    (tmp_path / "engine.py").write_text("SECTION = 10\n")
    assert cache.code_stamp.__wrapped__() != before
