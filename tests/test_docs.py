"""User docs stay true to the code: the catalogue lists every rule, every hook is documented."""
import framelint
from framelint import hookspecs
from framelint.docgen import techniques_markdown
from framelint.loader import load_catalog
from conftest import ROOT


def test_techniques_doc_is_generated_from_the_current_packs():
    committed = (ROOT / "docs" / "techniques.md").read_text(encoding="utf-8")
    assert committed == techniques_markdown(load_catalog()), "run: python -m framelint.docgen > docs/techniques.md"


def test_techniques_doc_lists_every_rule_and_technique():
    text = (ROOT / "docs" / "techniques.md").read_text(encoding="utf-8")
    for rule in framelint.list_rules():
        assert f"### {rule.code} {rule.name}" in text
    for slug in load_catalog().techniques:
        assert f"(`{slug}`)" in text


def test_every_hook_is_documented_in_the_plugin_guide():
    guide = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
    hooks = [name for name in vars(hookspecs.FramelintSpecs) if name.startswith("framelint_")]
    assert hooks
    for name in hooks:
        assert f"`{name}" in guide, f"docs/plugins.md does not document {name}"
