"""The parsed default packs kept between runs: reused while unchanged, never stale."""
import dataclasses

import regex
import pytest

from framelint import packcache
from framelint.loader import load_catalog, load_pack
from framelint.plugins import rule_kinds
from test_pack_validation import GOOD_RULE


@pytest.fixture
def pack(tmp_path, monkeypatch):
    monkeypatch.setenv("FRAMELINT_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "house.yaml"
    path.write_text(GOOD_RULE, encoding="utf-8")
    return path


def parse_and_store(path):
    key, cached = packcache.cached_packs([path], rule_kinds())
    assert cached is None
    packcache.store_packs(key, [load_pack(path.read_text(encoding="utf-8"), str(path), rule_kinds())])


def test_stored_packs_are_reused(pack):
    parse_and_store(pack)
    _key, cached = packcache.cached_packs([pack], rule_kinds())
    assert [(rule.code, rule.name, rule.options[0].words) for p in cached for rule in p.rules] == [
        ("HS101", "house-loaded", ("bombshell",))
    ]


def test_an_edited_pack_is_parsed_again(pack):
    parse_and_store(pack)
    pack.write_text(GOOD_RULE.replace("[bombshell]", "[blockbuster]"), encoding="utf-8")
    assert packcache.cached_packs([pack], rule_kinds())[1] is None


def test_an_unreadable_entry_is_parsed_again(pack, tmp_path):
    parse_and_store(pack)
    (tmp_path / "cache" / packcache.ENTRY).write_bytes(b"not a pickle")
    assert packcache.cached_packs([pack], rule_kinds())[1] is None


def test_the_built_in_packs_load_the_same_from_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("FRAMELINT_CACHE_DIR", str(tmp_path / "cache"))
    parsed, cached = load_catalog(), load_catalog()
    assert (tmp_path / "cache" / packcache.ENTRY).exists()
    assert [comparable(vars(r)) for r in cached.rules] == [comparable(vars(r)) for r in parsed.rules]


def comparable(value):
    """``value`` with compiled patterns (equal only to themselves) as their source and flags."""
    if isinstance(value, regex.Pattern):
        return value.pattern, value.flags
    if dataclasses.is_dataclass(value):
        return type(value), comparable(vars(value) if hasattr(value, "__dict__") else dataclasses.astuple(value))
    if isinstance(value, dict):
        return {k: comparable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [comparable(v) for v in value]
    return value
