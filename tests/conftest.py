"""Shared helpers. Installed third-party plugins are ignored so the machine cannot leak in."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

os.environ["FRAMELINT_DISABLE_PLUGINS"] = "1"

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "docs" / "examples" / "konstantinovka.txt"
SHARED = ROOT.parent / "shared"


def run_cli(*args, input=None, cwd=None, env=None):
    """Run the real command in a subprocess; returns CompletedProcess with text output."""
    return subprocess.run(
        [sys.executable, "-m", "framelint", *map(str, args)],
        input=input, capture_output=True, text=isinstance(input, str) or input is None,
        cwd=cwd, env={**os.environ, **(env or {})}, timeout=120,
    )


@pytest.fixture(scope="session")
def all_rules():
    import framelint

    return framelint.load_rules(select=["all"])


@pytest.fixture
def framelint_in(tmp_path, monkeypatch, capsys):
    """Run the command in this process with tmp_path as the working directory (about ten times
    faster than run_cli, for tests of what it prints rather than of the process itself); returns
    a CompletedProcess like run_cli's."""
    from framelint.cli import main

    monkeypatch.chdir(tmp_path)

    def run(*args):
        code = main([str(a) for a in args])
        out = capsys.readouterr()
        return subprocess.CompletedProcess(["framelint", *map(str, args)], code, out.out, out.err)

    return run


def positions(text, path, select, **load):
    """(line, column, text) of each finding in ``text`` read as the file ``path``, each checked
    to be the exact slice of ``text`` at the finding's offsets."""
    import framelint

    findings = framelint.lint_text(text, path, rules=framelint.load_rules(select=list(select), **load))
    for f in findings:
        assert text[f.start : f.end] == f.text
    return [(f.line, f.column, f.text) for f in findings]
