"""framelint evaluate: the scorer on hand-computed cases, the PTC reader, and the command."""
import json
from types import SimpleNamespace

import pytest
from conftest import SHARED, run_cli

from framelint.cli import main as cli_main
from framelint.errors import FramelintError
from framelint.evaluate import (
    GoldSpan, Prediction, by_rule, covered, evaluate, merge, outcomes, overlap_credit, sentence_units,
)
from framelint.evaluate_corpus import read_articles, read_gold

PTC = SHARED / "ptc-train"
CLASSES = {"loaded-language": "Loaded_Language", "name-calling": "Name_Calling,Labeling", "unattributed-claim": None}


def found(article, code, technique, start, end):
    return Prediction(article, code, technique, CLASSES[technique], start, end)


def rule(code, technique):
    return SimpleNamespace(code=code, name=code.lower(), technique=technique)


# --- span arithmetic -------------------------------------------------------------------------

def test_merge_joins_spans_sharing_a_character_but_not_touching_or_empty_ones():
    assert merge([(12, 15), (3, 8), (0, 5), (8, 10), (4, 4)]) == [(0, 8), (8, 10), (12, 15)]


def test_covered_counts_characters_inside_disjoint_spans():
    # [0,8) and [12,15) against [5,14): 3 characters (5,6,7) + 2 (12,13) = 5
    assert covered([(0, 8), (12, 15)], 5, 14) == 5
    assert covered([(0, 8), (12, 15)], 8, 12) == 0


def test_partial_overlap_earns_partial_credit_both_ways():
    # s=[0,10), t=[5,15): |s∩t| = 5; P = 5/|s| = 5/10, R = 5/|t| = 5/10
    credit = overlap_credit([(0, 10)], [(5, 15)])
    assert (credit.precision, credit.recall) == (0.5, 0.5)


def test_overlapping_gold_spans_are_merged_so_no_character_counts_twice():
    # gold [0,10) and [5,20) (two techniques on the same words) merge into [0,20), one gold span.
    # s=[0,10): P = 10/10 = 1 (unmerged it would be (10 + 5)/10 = 1.5); R = 10/20 = 0.5
    credit = overlap_credit([(0, 10)], [(0, 10), (5, 20)])
    assert (credit.precision, credit.recall, credit.gold) == (1.0, 0.5, 1)


def test_one_finding_over_two_gold_spans():
    # s=[0,20), t1=[0,5), t2=[10,20): P = (5 + 10)/20 = 0.75; R = (5/5 + 10/10)/2 = 1
    credit = overlap_credit([(0, 20)], [(0, 5), (10, 20)])
    assert (credit.precision, credit.recall) == (0.75, 1.0)
    assert credit.f1 == pytest.approx(2 * 0.75 / 1.75)


def test_overlapping_findings_are_one_claim():
    # findings [0,4) and [2,8) merge into [0,8) = the gold span: P = 8/8 over 1 finding span, R = 1
    credit = overlap_credit([(0, 4), (2, 8)], [(0, 8)])
    assert (credit.precision, credit.predicted, credit.recall) == (1.0, 1, 1.0)


def test_undefined_measures_are_none_not_zero():
    credit = overlap_credit([], [(0, 5)])
    assert (credit.precision, credit.recall, credit.f1) == (None, 0.0, None)


# --- the whole evaluation ----------------------------------------------------------------------

TEXT_A = "The regime's thugs attacked the town.\n\nThe convoy left at dawn.\n"  # lines [0,37) and [39,63)
TEXT_B = "Nothing happened here.\n"  # line [0,22)
UNITS = {"a": sentence_units(TEXT_A), "b": sentence_units(TEXT_B)}
GOLD = [
    GoldSpan("a", "Name_Calling,Labeling", 4, 18),  # "regime's thugs"
    GoldSpan("a", "Loaded_Language", 13, 18),  # "thugs"
    GoldSpan("a", "Doubt", 39, 63),  # the second sentence
]
PREDICTIONS = [
    found("a", "LL203", "loaded-language", 13, 18),  # "thugs"
    found("b", "LL201", "loaded-language", 0, 7),  # "Nothing": no gold in article b
    found("a", "UC103", "unattributed-claim", 39, 49),  # "The convoy": no PTC class
]
RULES = [rule("LL201", "loaded-language"), rule("LL203", "loaded-language"), rule("UC103", "unattributed-claim")]
SELECTED = {"loaded-language": "Loaded_Language", "unattributed-claim": None}


def test_sentence_units_are_the_non_empty_lines():
    assert UNITS == {"a": [(0, 37), (39, 63)], "b": [(0, 22)]}
    assert sentence_units("one\r\n   \r\ntwo") == [(0, 3), (10, 13)]


def test_span_identification_ignores_technique_and_unclassed_findings():
    ev = evaluate(PREDICTIONS, GOLD, UNITS, RULES, SELECTED)
    # Gold of article a merges to [4,18) and [39,63): 2 spans. UC103 is left out.
    # P = (5/5 for "thugs" + 0/7 for "Nothing") / 2 = 0.5
    # R = (5/14 for [4,18) + 0/24 for [39,63)) / 2 = 5/28
    assert (ev.span.precision, ev.span.predicted, ev.span.gold) == (0.5, 2, 2)
    assert ev.span.recall == pytest.approx(5 / 28)


def test_technique_aware_scores_count_only_gold_of_the_findings_class():
    ev = evaluate(PREDICTIONS, GOLD, UNITS, RULES, SELECTED)
    rows = {c.label: c for c in ev.classes}
    assert [c.label for c in ev.classes] == ["Loaded_Language", "Doubt", "Name_Calling,Labeling"]
    # Loaded_Language: gold [13,18). P = (5/5 + 0/7)/2 = 0.5, R = 5/5 = 1, F1 = 2*0.5/1.5 = 2/3
    loaded = rows["Loaded_Language"]
    assert (loaded.techniques, loaded.findings, loaded.gold_spans) == (("loaded-language",), 2, 1)
    assert (loaded.credit.precision, loaded.credit.recall) == (0.5, 1.0)
    assert loaded.credit.f1 == pytest.approx(2 / 3)
    # Name_Calling has gold but no selected technique: recall 0, nothing to be precise about.
    calling = rows["Name_Calling,Labeling"]
    assert (calling.techniques, calling.credit.precision, calling.credit.recall) == ((), None, 0.0)
    # Averages are over the one reported class, so both equal Loaded_Language's scores.
    assert (ev.averages.micro.precision, ev.averages.macro_precision, ev.averages.macro_recall) == (0.5, 0.5, 1.0)


def test_macro_average_is_the_mean_of_the_reported_classes():
    gold = [GoldSpan("a", "Loaded_Language", 0, 10), GoldSpan("a", "Name_Calling,Labeling", 20, 30)]
    predictions = [found("a", "LL201", "loaded-language", 0, 10), found("a", "NC101", "name-calling", 40, 45)]
    classes = {"loaded-language": "Loaded_Language", "name-calling": "Name_Calling,Labeling"}
    ev = evaluate(predictions, gold, {"a": [(0, 50)]}, [], classes)
    # Loaded_Language P=1 R=1 F1=1; Name_Calling P=0/1=0 R=0/1=0 F1=0.
    # macro = (1+0)/2 = 0.5 each; micro P = (1+0)/(1+1) = 0.5, R = (1+0)/(1+1) = 0.5
    assert (ev.averages.macro_precision, ev.averages.macro_recall, ev.averages.macro_f1) == (0.5, 0.5, 0.5)
    assert (ev.averages.micro.precision, ev.averages.micro.recall) == (0.5, 0.5)


def test_sentence_scores_ignore_unclassed_findings():
    ev = evaluate(PREDICTIONS, GOLD, UNITS, RULES, SELECTED)
    # 3 sentences. Flagged: a/1 ("thugs"), b/1 ("Nothing"); UC103 on a/2 does not count.
    # Labelled: a/1, a/2. Both: a/1. P = 1/2, R = 1/2.
    s = ev.sentences
    assert (s.sentences, s.flagged, s.labelled, s.both, s.credit.precision, s.credit.recall) == (3, 2, 2, 1, 0.5, 0.5)


def test_unclassed_techniques_are_reported_apart():
    ev = evaluate(PREDICTIONS, GOLD, UNITS, RULES, SELECTED)
    [uc] = ev.unclassed
    # "The convoy" [39,49) lies inside the Doubt span: overlap 10/10 = 1; 1 sentence flagged, labelled.
    assert (uc.technique, uc.findings, uc.span_overlap) == ("unattributed-claim", 1, 1.0)
    assert (uc.sentences.flagged, uc.sentences.both) == (1, 1)


def test_rule_precision_with_and_without_technique_and_the_measuring_threshold():
    gold = [GoldSpan(str(i), "Name_Calling,Labeling", 0, 10) for i in range(10)]
    # LL203 finds [5,15) in ten articles: half of each finding is on a Name_Calling span.
    predictions = [found(str(i), "LL203", "loaded-language", 5, 15) for i in range(10)]
    predictions += [found("0", "LL201", "loaded-language", 0, 4)]
    rows = by_rule(predictions, gold, [rule("LL201", "loaded-language"), rule("LL203", "loaded-language"),
                                       rule("UC101", "unattributed-claim")], SELECTED)
    ll201, ll203, uc101 = rows
    # LL203: span precision = mean(5/10) = 0.5; technique-aware: no Loaded_Language gold = 0
    assert (ll203.findings, ll203.measured, ll203.span_precision, ll203.technique_precision) == (10, True, 0.5, 0.0)
    # LL201: one finding, 4/4 on gold, but fewer than 10 findings: not measured
    assert (ll201.findings, ll201.measured, ll201.span_precision) == (1, False, 1.0)
    # UC101: selected, found nothing, has no class
    assert (uc101.findings, uc101.span_precision, uc101.technique_precision, uc101.scheme_class) == (0, None, None, None)


def test_outcomes_sort_findings_into_caught_unlabelled_and_missed():
    loaded = [p for p in PREDICTIONS if p.scheme_class == "Loaded_Language"]
    result = outcomes(loaded, GOLD, "Loaded_Language")
    assert [p.code for p in result.caught] == ["LL203"]
    assert [p.code for p in result.unlabelled] == ["LL201"]
    assert result.missed == []
    calling = outcomes([], GOLD, "Name_Calling,Labeling")
    assert [(g.start, g.end) for g in calling.missed] == [(4, 18)]


# --- reading a PTC corpus -----------------------------------------------------------------------

def write_corpus(root, articles: dict[str, bytes], labels: str):
    folder = root / "articles"
    folder.mkdir()
    for article_id, data in articles.items():
        (folder / f"article{article_id}.txt").write_bytes(data)
    (root / "labels.tsv").write_text(labels, encoding="utf-8")
    return folder, root / "labels.tsv"


def test_gold_offsets_after_a_byte_order_mark_are_shifted_to_framelint_offsets(tmp_path):
    # With the BOM, "brave" is at code points 7-12 of the file; framelint's text drops the BOM.
    folder, labels = write_corpus(tmp_path, {"7": "\ufeffHello brave world.\n".encode()}, "7\tLoaded_Language\t7\t12\n")
    articles = read_articles(str(folder))
    [span] = read_gold(str(labels), articles)
    assert articles["7"].text[span.start:span.end] == "brave"


@pytest.mark.parametrize("line, problem", [
    ("7\tLoaded_Language\t7", "labels.tsv:2: expected 4 tab-separated fields (article id, technique, start, end), found 3"),
    ("7\tLoaded_Language\tseven\t12", "labels.tsv:2: start and end must be whole numbers, found 'seven' and '12'"),
    ("8\tLoaded_Language\t7\t12", "labels.tsv:2: no file article8.txt in the articles directory"),
    ("7\tLoaded_Language\t7\t40", "labels.tsv:2: span 7-40 is not inside article7.txt (20 characters)"),
    ("7\tLoaded_Language\t12\t7", "labels.tsv:2: span 12-7 is not inside article7.txt (20 characters)"),
])
def test_bad_gold_lines_are_named(tmp_path, line, problem):
    # The file has 20 code points: the BOM and "Hello brave world.\n".
    folder, labels = write_corpus(tmp_path, {"7": "\ufeffHello brave world.\n".encode()}, f"7\tDoubt\t1\t6\n{line}\n")
    with pytest.raises(FramelintError) as error:
        read_gold(str(labels), read_articles(str(folder)))
    assert str(error.value) == f"{labels.parent}/{problem}"


@pytest.mark.skipif(not PTC.is_dir(), reason="../shared/ptc-train is not present")
def test_ptc_gold_spans_read_as_labelled_with_and_without_a_byte_order_mark():
    articles = read_articles(str(PTC / "articles"))
    spans = {(g.article, g.label, articles[g.article].text[g.start:g.end]) for g in read_gold(str(PTC / "labels.tsv"), articles)}
    assert articles["705409419"].offset_shift == 1  # starts with a BOM
    assert ("705409419", "Loaded_Language", "a devastating letter") in spans
    assert ("712382330", "Loaded_Language", "a gross understatement") in spans
    assert ("111111111", "Repetition", "a very, very different") in spans
    assert ("111111111", "Doubt", "appeared") in spans


# --- the command ------------------------------------------------------------------------------------

ARTICLES = {
    # "betrayal" at 21-29; gold Loaded_Language "a betrayal" 19-29 and Doubt on line 3, 47-71
    "1": b"The withdrawal was a betrayal of the wounded.\n\nThe convoy left at dawn.\n",
    # starts with a BOM: "outrage" is at 23-30 in framelint's text, 24-31 in the gold file
    "2": "\ufeffOfficials called it an outrage.\n".encode(),
    # "outrageous" at 23-33; no gold span
    "3": b"Critics found the plan outrageous.\n",
}
LABELS = "1\tLoaded_Language\t19\t29\n1\tDoubt\t47\t71\n2\tLoaded_Language\t24\t31\n"


@pytest.fixture
def corpus(tmp_path):
    return write_corpus(tmp_path, ARTICLES, LABELS)


def test_command_scores_a_tiny_corpus_in_json(corpus):
    folder, labels = corpus
    result = run_cli("evaluate", "--gold", labels, folder, "--select", "LL201", "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    # Findings: "betrayal" [21,29), "outrage" [23,30), "outrageous" [23,33).
    # Span P = (8/8 + 7/7 + 0/10)/3 = 2/3. R = (8/10 + 0/24 + 7/7)/3 = 0.6. F1 = 2*(2/3*0.6)/(2/3+0.6) = 12/19.
    # (Without the BOM shift, "outrage" would score 6/7.)
    span = report["span_identification"]
    assert (span["finding_spans"], span["gold_spans"]) == (3, 3)
    assert (span["precision"], span["recall"], span["f1"]) == pytest.approx((2 / 3, 0.6, 12 / 19))
    # Loaded_Language: P = 2/3, R = (8/10 + 7/7)/2 = 0.9, F1 = 2*(2/3*0.9)/(2/3+0.9) = 36/47
    loaded = report["technique_aware"]["classes"][0]
    assert (loaded["class"], loaded["findings"], loaded["gold_spans"]) == ("Loaded_Language", 3, 2)
    assert (loaded["precision"], loaded["recall"], loaded["f1"]) == pytest.approx((2 / 3, 0.9, 36 / 47))
    # 4 sentences; flagged 1/1, 2/1, 3/1; labelled 1/1, 1/3, 2/1; both 2: P = R = 2/3
    sentences = report["sentences"]
    assert (sentences["sentences"], sentences["flagged"], sentences["labelled"], sentences["flagged_and_labelled"]) == (4, 3, 3, 2)
    assert report["per_rule"] == [{"code": "LL201", "rule": "emotive-term", "technique": "loaded-language",
                                   "class": "Loaded_Language", "findings": 3, "measured": False,
                                   "span_precision": None, "technique_precision": None}]


def test_command_prints_tables(corpus):
    folder, labels = corpus
    result = run_cli("evaluate", "--gold", labels, folder, "--select", "LL201")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "framelint evaluate: --select LL201 (1 rule); 3 articles, 3 gold spans"
    assert "  span identification (technique ignored)  0.667      0.600   0.632  3 finding spans, 3 gold spans (overlaps merged)" in lines
    assert "  LL201  emotive-term  loaded-language  3         not yet measured (<10)" in lines
    assert result.stderr == ""


def test_markdown_document_has_both_selections_and_real_examples(corpus, tmp_path):
    folder, labels = corpus
    labels.write_text(LABELS + "3\tLoaded_Language\t0\t7\n", encoding="utf-8")  # "Critics": no rule flags it
    out = tmp_path / "accuracy.md"
    result = run_cli("evaluate", "--gold", labels, folder, "--markdown", out)
    assert result.returncode == 0, result.stderr
    assert result.stderr == f"framelint: wrote {out}\n"
    text = out.read_text(encoding="utf-8")
    assert text.startswith(f"<!-- Generated by `framelint evaluate --gold {labels} {folder} --markdown {out}`.")
    assert "\n## Default selection: " in text and "\n## `--select all`: " in text
    assert "| LL201 | emotive-term | loaded-language | 3 | not yet measured (\\<10) |  |" in text
    assert "- LL201: “The withdrawal was a **betrayal** of the wounded.” (article1, line 1)" in text
    assert "**Missed**: 1 gold span.\n- “Critics” (article3, line 1)\n" in text
    assert "\n| Doubt | " in text


def evaluate_in_process(capsys, *args):
    """The command without a subprocess, for the error paths: (exit code, stdout, stderr)."""
    code = cli_main(["evaluate", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("args, message", [
    (["--select", "XX999"], "framelint: error: select: unknown rule code, name or technique 'XX999'\n"),
    (["--markdown", "out.md", "--select", "all"],
     "framelint: error: --markdown always reports the default selection and --select all; "
     "it cannot be combined with --select, --extend-select or --ignore\n"),
])
def test_command_usage_errors(corpus, capsys, args, message):
    folder, labels = corpus
    assert evaluate_in_process(capsys, "--gold", labels, folder, *args) == (2, "", message)


def test_command_names_a_bad_gold_line(corpus, capsys):
    folder, labels = corpus
    labels.write_text(LABELS + "3\tDoubt\t5\n", encoding="utf-8")
    assert evaluate_in_process(capsys, "--gold", labels, folder) == (
        2, "", f"framelint: error: {labels}:4: expected 4 tab-separated fields (article id, technique, start, end), found 3\n")


def test_command_without_articles_is_an_error(tmp_path, capsys):
    (tmp_path / "labels.tsv").write_text("", encoding="utf-8")
    assert evaluate_in_process(capsys, "--gold", tmp_path / "labels.tsv", tmp_path) == (
        2, "", f"framelint: error: {tmp_path}: no article<ID>.txt files in this directory\n")


def test_command_requires_gold(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit:
        cli_main(["evaluate", str(tmp_path)])
    assert exit.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == "framelint evaluate: error: the following arguments are required: --gold"


@pytest.mark.skipif(not PTC.is_dir(), reason="../shared/ptc-train is not present")
def test_command_scores_the_whole_ptc_training_split():
    result = run_cli("evaluate", "--gold", PTC / "labels.tsv", PTC / "articles", "--select", "all", "-f", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["articles"], report["gold_spans"]) == (371, 6128)
    assert len({c["class"] for c in report["technique_aware"]["classes"]}) >= 14
