"""Baselines: written findings stay hidden through edits elsewhere in the article; a changed
sentence, a new finding or a repeated one is reported."""
import json

from conftest import run_cli

ARTICLE = """\
Reports emerged on Monday that the bridge had been closed.

The decision was a betrayal of the wounded, residents said nothing.
"""


def write(tmp_path, text):
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")


def test_round_trip_through_the_real_command(tmp_path):
    write(tmp_path, ARTICLE)
    written = run_cli("a.txt", "--isolated", "--write-baseline", "baseline.json", cwd=tmp_path)
    assert (written.returncode, written.stdout, written.stderr) == (0, "", "framelint: wrote 2 findings to baseline.json\n")
    again = run_cli("a.txt", "--isolated", "--baseline", "baseline.json", cwd=tmp_path)
    assert (again.returncode, again.stdout) == (0, "")
    assert again.stderr == ("framelint: 1 file checked, 0 findings\n"
                            "framelint: 2 findings recorded in baseline.json not shown\n")


def test_baseline_file_is_readable_one_finding_a_line(framelint_in, tmp_path):
    write(tmp_path, ARTICLE)
    framelint_in("a.txt", "--isolated", "--write-baseline", "baseline.json")
    text = (tmp_path / "baseline.json").read_text(encoding="utf-8")
    data = json.loads(text)
    assert (data["format"], data["version"]) == ("framelint-baseline", 1)
    assert [(e["path"], e["line"], e["code"], e["text"]) for e in data["findings"]] == [
        ("a.txt", 1, "UC101", "Reports emerged"), ("a.txt", 3, "LL201", "betrayal")]
    assert len(text.splitlines()) == 4


def test_paragraphs_inserted_above_do_not_make_old_findings_new(framelint_in, tmp_path):
    write(tmp_path, ARTICLE)
    framelint_in("a.txt", "--isolated", "--write-baseline", "baseline.json")
    write(tmp_path, "The council met on Tuesday.\n\nThe mayor opened the session.\n\n" + ARTICLE.replace("\n\n", "\n\n\n"))
    result = framelint_in("a.txt", "--isolated", "--baseline", "baseline.json")
    assert (result.returncode, result.stdout) == (0, "")


def test_a_changed_sentence_and_a_repeated_finding_are_reported(framelint_in, tmp_path):
    write(tmp_path, ARTICLE)
    framelint_in("a.txt", "--isolated", "--write-baseline", "baseline.json")
    write(tmp_path, ARTICLE.replace("The decision was", "The vote was") + "The decision was a betrayal of the wounded, residents said nothing.\n")
    result = framelint_in("a.txt", "--isolated", "--baseline", "baseline.json")
    # Line 3's sentence changed; line 4 repeats the recorded sentence, whose one finding is
    # matched by it: occurrence 0 of that sentence is still in the baseline.
    assert result.stdout.splitlines() == [
        'a.txt:3:16: LL201 loaded term "betrayal" frames the event emotionally; consider "abandonment" [emotive-term]',
    ]
    assert result.returncode == 1


def test_a_second_identical_finding_is_new(framelint_in, tmp_path):
    write(tmp_path, ARTICLE)
    framelint_in("a.txt", "--isolated", "--write-baseline", "baseline.json")
    write(tmp_path, ARTICLE + "\nThe decision was a betrayal of the wounded, residents said nothing.\n")
    result = framelint_in("a.txt", "--isolated", "--baseline", "baseline.json")
    assert result.stdout.splitlines() == [
        'a.txt:5:20: LL201 loaded term "betrayal" frames the event emotionally; consider "abandonment" [emotive-term]',
    ]


def test_baseline_paths_are_relative_to_the_baseline_file(framelint_in, tmp_path):
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    framelint_in("desk/a.txt", "--isolated", "--write-baseline", "desk/baseline.json")
    assert '"path": "a.txt"' in (tmp_path / "desk" / "baseline.json").read_text(encoding="utf-8")
    # The same file named another way, from the baseline's own directory's parent.
    result = framelint_in(tmp_path / "desk" / "a.txt", "--isolated", "--baseline", "desk/baseline.json")
    assert (result.returncode, result.stdout) == (0, "")


def test_missing_or_foreign_baseline_is_an_error(framelint_in, tmp_path):
    write(tmp_path, ARTICLE)
    missing = framelint_in("a.txt", "--isolated", "--baseline", "none.json")
    assert (missing.returncode, missing.stderr) == (
        2, "framelint: error: none.json: no such baseline file (write one with --write-baseline)\n")
    (tmp_path / "other.json").write_text('{"results": []}\n', encoding="utf-8")
    foreign = framelint_in("a.txt", "--isolated", "--baseline", "other.json")
    assert (foreign.returncode, foreign.stderr) == (
        2, "framelint: error: other.json: not a framelint baseline (version 1: an object with 'format', 'version' and 'findings')\n")
