"""The command line through a real subprocess: output, exit codes, stdin, directories, JSON."""
import json

from conftest import EXAMPLE, run_cli

BETRAYAL = "The decision was a betrayal of the wounded.\n"


def test_finding_line_format_and_exit_code_1(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(BETRAYAL, encoding="utf-8")
    result = run_cli(article)
    assert result.returncode == 1
    assert result.stdout == (
        f'{article}:1:20: LL201 loaded term "betrayal" frames the event emotionally; '
        'consider "abandonment" [emotive-term]\n'
    )
    assert result.stderr == "framelint: 1 file checked, 1 finding (1 warning)\n"


def test_summary_counts_findings_by_severity(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("The decision was a betrayal. The sham trial brought chaos.\n", encoding="utf-8")
    result = run_cli(article, "--extend-select", "LL205")
    assert result.stderr == "framelint: 1 file checked, 3 findings (2 warnings, 1 info)\n"


def test_clean_file_exits_0(tmp_path):
    article = tmp_path / "clean.txt"
    article.write_text("The council met on Tuesday and approved the budget.\n", encoding="utf-8")
    result = run_cli(article)
    assert (result.returncode, result.stdout) == (0, "")
    assert "1 file checked, 0 findings" in result.stderr


def test_stdin_with_and_without_a_name():
    assert run_cli("-", input=BETRAYAL).stdout.startswith("<stdin>:1:20: LL201 ")
    named = run_cli("-", "--stdin-filename", "draft.txt", input=BETRAYAL)
    assert named.stdout.startswith("draft.txt:1:20: LL201 ")


def test_directory_is_walked_for_text_files_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "second.md").write_text(BETRAYAL, encoding="utf-8")
    (tmp_path / "a.txt").write_text(BETRAYAL, encoding="utf-8")
    (tmp_path / "notes.csv").write_text(BETRAYAL, encoding="utf-8")
    result = run_cli(tmp_path, "-q")
    paths = [line.split(":")[0] for line in result.stdout.splitlines()]
    assert paths == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "second.md")]


def test_json_output_keys_and_exclusive_end():
    result = run_cli("-", "--format", "json", input="Line one.\n“It was heroic,” he wrote — a sham.\n")
    findings = json.loads(result.stdout)
    assert result.returncode == 1
    (sham,) = [f for f in findings if f["text"] == "sham"]
    assert sham == {
        "path": "<stdin>", "line": 2, "column": 31, "end_line": 2, "end_column": 35,
        "code": "LL201", "rule": "emotive-term", "technique": "loaded-language",
        "severity": "warning", "message": 'loaded term "sham" frames the event emotionally', "text": "sham",
    }


def test_bad_file_among_good_ones_is_reported_and_others_still_linted(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(BETRAYAL, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"The heroic \xff crew.\n")
    result = run_cli(bad, good, tmp_path / "missing.txt")
    assert result.returncode == 2
    assert f"{good}:1:20: LL201" in result.stdout
    assert f"framelint: error: {bad}: invalid UTF-8 at byte 11" in result.stderr
    assert f"framelint: error: {tmp_path / 'missing.txt'}: no such file or directory" in result.stderr
    assert "Traceback" not in result.stderr


def test_select_ignore_by_code_prefix_name_and_technique():
    text = "Sources say the regime's heroic troops were betrayed.\n"
    codes = lambda *args: sorted({line.split()[1] for line in run_cli("-", "-q", *args, input=text).stdout.splitlines()})
    assert codes("--select", "LL2") == ["LL201", "LL204"]
    assert codes("--select", "loaded-language", "--ignore", "regime-label") == ["LL201"]
    assert codes("--select", "UC102,LL204") == ["LL204", "UC102"]
    assert codes("--select", "UC102", "--extend-select", "emotive-term") == ["LL201", "UC102"]
    # the more specific selector wins: a code prefix beats a technique, a technique beats "all"
    assert codes("--select", "UC,LL", "--ignore", "unattributed-claim") == ["LL201", "LL204", "UC102"]
    assert "UC102" not in codes("--select", "all", "--ignore", "unattributed-claim")
    assert codes("--select", "loaded-language", "--ignore", "LL", "--extend-select", "LL201") == ["LL201"]


def test_unknown_selector_is_a_usage_error():
    result = run_cli("-", "--select", "XX999", input=BETRAYAL)
    assert result.returncode == 2
    assert result.stderr == "framelint: error: select: unknown rule code, name or technique 'XX999'\n"


def test_list_rules_and_explain():
    listing = run_cli("--list-rules")
    assert listing.returncode == 0
    header, *rows = listing.stdout.splitlines()
    assert header.split() == ["CODE", "NAME", "TECHNIQUE", "SEVERITY", "TIER", "PACK"]
    assert any(row.split()[:5] == ["LL201", "emotive-term", "loaded-language", "warning", "default"] for row in rows)
    explained = run_cli("--explain", "LL201")
    assert explained.returncode == 0
    assert explained.stdout.startswith("LL201 emotive-term [loaded-language]\n")
    assert "The heroic defenders held the bridge for three days." in explained.stdout
    assert run_cli("--explain", "ZZ100").returncode == 2


def test_version_and_module_entry_point():
    result = run_cli("--version")
    assert (result.returncode, result.stdout.split()[0]) == (0, "framelint")


def test_no_paths_is_a_usage_error():
    result = run_cli()
    assert result.returncode == 2
    assert "no PATH given" in result.stderr


def test_example_article_through_the_cli():
    result = run_cli(EXAMPLE, "-q")
    assert result.returncode == 1
    assert f"{EXAMPLE}:1:86: UC101 " in result.stdout


def test_a_run_in_the_callers_process_leaves_the_garbage_collector_as_it_found_it(capsys):
    import gc

    from framelint.cli import main

    before = gc.get_threshold()
    assert main(["--isolated", str(EXAMPLE)]) == 1
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
