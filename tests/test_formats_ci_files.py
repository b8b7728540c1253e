"""The CI integration files: the action's lint step runs as GitHub runs it, the pre-commit
hook's entry works on a commit's files, and every built-in format is documented."""
import json
import os
import re
import subprocess
import sysconfig

import yaml

from conftest import ROOT
from formats_helpers import ARTICLE, write
from framelint.plugins import output_formats

SCRIPTS = sysconfig.get_path("scripts")  # where the framelint command is installed


def test_action_lint_step_annotates_writes_sarif_and_records_the_exit_code(tmp_path):
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    (lint,) = [step for step in action["runs"]["steps"] if step.get("id") == "lint"]
    article, output, sarif = write(tmp_path, "a.txt", ARTICLE), tmp_path / "output", tmp_path / "out.sarif"
    env = {**os.environ, "PATH": SCRIPTS + os.pathsep + os.environ["PATH"], "GITHUB_OUTPUT": str(output),
           "FRAMELINT_PATHS": article, "FRAMELINT_ARGS": "--select LL201 --quiet", "UPLOAD_SARIF": "true",
           "SARIF_FILE": str(sarif)}
    # GitHub runs a composite step's bash script as `bash --noprofile --norc -eo pipefail`.
    step = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", lint["run"]], env=env,
                          capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert step.returncode == 0, step.stderr
    assert [line.split(" ", 1)[0] for line in step.stdout.splitlines()] == ["::warning"] * 4
    assert output.read_text() == "exit-code=1\n"
    assert len(json.loads(sarif.read_text(encoding="utf-8"))["runs"][0]["results"]) == 4
    assert action["outputs"]["exit-code"]["value"] == "${{ steps.lint.outputs.exit-code }}"


def test_action_upload_and_failure_steps_follow_the_inputs():
    steps = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))["runs"]["steps"]
    upload = next(step for step in steps if step.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    assert upload["if"] == "always() && inputs.upload-sarif == 'true'"
    assert upload["with"]["sarif_file"] == "${{ inputs.sarif-file }}"
    # No input is pasted into a script (script injection): inputs reach the shell through env.
    for step in steps:
        assert "${{" not in step.get("run", ""), step["name"]


def test_pre_commit_hook_runs_framelint_on_markdown_and_text_files(tmp_path):
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert (hook["id"], hook["language"], hook["types_or"]) == ("framelint", "python", ["markdown", "plain-text"])
    # pre-commit appends the staged file names to the entry and its args.
    draft = write(tmp_path, "draft.md", "# Vote\n\nThe decision was a betrayal of the wounded.\n")
    run = subprocess.run([os.path.join(SCRIPTS, hook["entry"]), "--select", "LL201", draft],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 1
    assert run.stdout.startswith(f"{draft}:3:20: LL201 ")


def test_every_builtin_format_is_documented():
    documented = re.findall(r"^## (\S+)$", (ROOT / "docs" / "formats.md").read_text(encoding="utf-8"), re.M)
    assert sorted(documented) == sorted(output_formats())
