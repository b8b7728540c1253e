"""Third-party plugins: a kind, a pack and a format from an installed package's entry point.

tests/example_plugin holds a real plugin module and the metadata an installed distribution has
(a ``.dist-info`` with ``entry_points.txt``); putting both on PYTHONPATH installs it for a
subprocess the way pip would.
"""
import os

from conftest import ROOT, run_cli

PLUGIN = ROOT / "tests" / "example_plugin"


def with_plugins(tmp_path=None, extra_path=()):
    path = os.pathsep.join([str(PLUGIN), str(PLUGIN / "installed"), *map(str, extra_path)])
    return {"FRAMELINT_DISABLE_PLUGINS": "0", "PYTHONPATH": path}


def test_plugin_kind_pack_and_format_are_used():
    # SH101 is an info rule: below the default fail level, so the run fails only with --fail-level info.
    result = run_cli("-", "--select", "SH101", "--fail-level", "info", "--format", "tsv",
                     input="It is a TOTAL DISASTER, said nobody.\n", env=with_plugins())
    assert result.returncode == 1
    assert result.stdout == "<stdin>\t1\t9\tSH101\tTOTAL DISASTER\n"


def test_plugin_rules_are_listed_with_their_pack():
    result = run_cli("--list-rules", env=with_plugins())
    assert any(line.split() == ["SH101", "shouting", "loaded-language", "info", "default", "shouting"] for line in result.stdout.splitlines())


def test_disabling_plugins_hides_them():
    result = run_cli("-", "--select", "SH101", input="TOTAL DISASTER\n", env={**with_plugins(), "FRAMELINT_DISABLE_PLUGINS": "1"})
    assert result.returncode == 2
    assert "unknown rule code, name or technique 'SH101'" in result.stderr


def test_broken_plugin_is_named_and_skipped(tmp_path):
    info = tmp_path / "framelint_broken-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: framelint-broken\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[framelint]\nbroken = framelint_broken_missing_module\n")
    result = run_cli("-", input="The heroic crew.\n", env=with_plugins(extra_path=[tmp_path]))
    assert result.returncode == 1
    assert "framelint: plugin 'broken' skipped: ModuleNotFoundError" in result.stderr
    assert "LL201" in result.stdout
