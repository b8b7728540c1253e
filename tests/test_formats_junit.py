"""``junit``: well-formed JUnit XML, one suite per file, one failed case per finding, one
passing case per clean file."""
import xml.etree.ElementTree as ET

from formats_helpers import ARTICLE, CLEAN, lint_report, render, write


def test_one_suite_per_file_one_failure_per_finding_and_a_passing_case_for_a_clean_file(tmp_path):
    article, clean = write(tmp_path, "a.txt", ARTICLE), write(tmp_path, "clean.txt", CLEAN)
    root = ET.fromstring(render("junit", lint_report([article, clean], select=["LL201"])))
    assert (root.tag, root.get("name"), root.get("tests"), root.get("failures"), root.get("errors")) == (
        "testsuites", "framelint", "5", "4", "0")
    flagged, passed = root.findall("testsuite")
    assert (flagged.get("name"), flagged.get("tests"), flagged.get("failures")) == (article, "4", "4")
    case = flagged.findall("testcase")[1]
    assert (case.get("name"), case.get("classname"), case.get("file"), case.get("line")) == (
        "LL201 emotive-term at 2:27", article, article, "2")
    failure = case.find("failure")
    assert (failure.get("type"), failure.get("message")) == (
        "LL201", 'loaded term "betrayal" frames the event emotionally; consider "abandonment"')
    assert failure.text.splitlines() == [
        f'{article}:2:27: LL201 loaded term "betrayal" frames the event emotionally; consider "abandonment" [emotive-term]',
        "technique: loaded-language; severity: warning",
        "text: betrayal",
    ]
    assert (passed.get("name"), passed.get("tests"), passed.get("failures")) == (clean, "1", "0")
    (clean_case,) = passed.findall("testcase")
    assert clean_case.get("name") == "no findings" and list(clean_case) == []


def test_unreadable_and_binary_files_are_an_error_and_a_skipped_case(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9\n")
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01binary")
    root = ET.fromstring(render("junit", lint_report([str(tmp_path / "bad.txt"), str(tmp_path / "blob.txt")])))
    assert (root.get("tests"), root.get("failures"), root.get("errors"), root.get("skipped")) == ("2", "0", "1", "1")
    bad, blob = root.findall("testsuite")
    assert bad.find("testcase/error").get("message").endswith("bad.txt: invalid UTF-8 at byte 3 (use --encoding to read another encoding)")
    assert blob.find("testcase/skipped").get("message").endswith("blob.txt: binary file (NUL bytes), skipped")


def test_characters_xml_cannot_carry_are_replaced_so_the_report_still_parses(tmp_path):
    # A form feed inside the finding and an escape character in the file name.
    article = write(tmp_path, "odd\x1bname.txt", "Residents spoke of the chaos\x0cunleashed by the vote.\n")
    root = ET.fromstring(render("junit", lint_report([article], select=["LL201"])))
    failure = root.find("testsuite/testcase/failure")
    assert failure.get("message") == 'loaded term "chaos unleashed" frames the event emotionally'
    assert failure.text.endswith("text: chaos\ufffdunleashed")
    assert root.find("testsuite").get("name").endswith("odd\ufffdname.txt")
