"""The built wheel, not only the editable install, carries the engine and the rule packs."""
import re
import subprocess
import sys
import venv
import zipfile

import pytest

from conftest import EXAMPLE, ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        capture_output=True, text=True, timeout=600,
    )
    if build.returncode != 0:
        pytest.fail(f"building the wheel failed:\n{build.stderr[-2000:]}")
    (path,) = out.glob("framelint-*.whl")
    return path


def test_wheel_contains_every_module_and_rule_pack(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for source in (ROOT / "lint").rglob("*.py"):
        assert "framelint/" + source.relative_to(ROOT / "lint").as_posix() in names
    for pack in (ROOT / "rules").glob("*.yaml"):
        assert f"framelint/rules/{pack.name}" in names
    assert any(re.fullmatch(r"framelint-[^/]+\.dist-info/entry_points\.txt", n) for n in names)


def test_wheel_installed_in_a_clean_virtualenv_lints_the_example(wheel, tmp_path):
    """A virtualenv with nothing but the wheel and the dependencies pip resolves for it, as a
    user gets from ``pip install .`` (so a dependency missing from pyproject.toml fails here)."""
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", str(wheel)],
                   check=True, timeout=600)
    result = subprocess.run([str(env_dir / "bin" / "framelint"), str(EXAMPLE), "-q"], capture_output=True, text=True,
                            cwd=tmp_path, env={"FRAMELINT_DISABLE_PLUGINS": "1", "HOME": str(tmp_path)}, timeout=120)
    assert result.stderr == ""
    assert result.returncode == 1
    assert any(":4:87: LL201 " in line for line in result.stdout.splitlines())
    where = subprocess.run([str(python), "-c", "import framelint; print(framelint.__file__)"], capture_output=True,
                           text=True, cwd=tmp_path, timeout=60)
    assert where.stdout.startswith(str(env_dir)), "the test must run the wheel's copy"


def test_readme_test_command_is_what_ci_runs():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert ci in readme.splitlines(), "the last line of .ci/run must be the README's test command, verbatim"
