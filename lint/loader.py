"""Read and validate rule packs. Any mistake stops the run with file, line and field named."""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

from .errors import RulePackError
from .finding import SEVERITIES
from .kind import Fields
from .packcache import cached_packs, store_packs
from .plugins import default_pack_sources, rule_kinds
from .rule import QUOTE_POLICIES, Example, Pack, Rule, Technique
from .termlist import parse_terms
from .yamlsource import load_located

CODE = regex.compile(r"[A-Z]{1,4}[0-9]{3}")
NAME = regex.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
PLACEHOLDER = regex.compile(r"\{([^{}]*)\}")
MESSAGE_FIELDS = {"match"}


@dataclass
class Catalog:
    """Every loaded pack, technique and rule, in load order."""

    packs: list[Pack] = field(default_factory=list)
    techniques: dict[str, Technique] = field(default_factory=dict)

    @property
    def rules(self) -> list[Rule]:
        return [rule for pack in self.packs for rule in pack.rules]


def load_catalog(extra_paths=(), builtin: bool = True) -> Catalog:
    """Load the default packs (built-in and plugins'), then packs from files or directories."""
    defaults = list(default_pack_sources()) if builtin else []
    sources = list(defaults)
    for path in extra_paths:
        sources.extend(pack_files(path))
    kinds = rule_kinds()
    cache_key, cached = cached_packs(defaults, kinds) if defaults else (None, None)
    catalog = Catalog()
    taken: dict[tuple[str, str], Rule] = {}  # ("code", "LL201") and ("name", "loaded-term")
    for n, source in enumerate(sources):
        if cached is not None and n < len(cached):
            pack = cached[n]
        else:
            pack = load_pack(source.read_text(encoding="utf-8"), str(source), kinds)
        if pack.technique:
            if pack.technique.slug in catalog.techniques:
                raise RulePackError(pack.file, None, "technique.slug", f"technique {pack.technique.slug!r} is declared twice")
            catalog.techniques[pack.technique.slug] = pack.technique
        for rule in pack.rules:
            for key in (("code", rule.code), ("name", rule.name)):
                other = taken.setdefault(key, rule)
                if other is not rule:
                    raise RulePackError(rule.file, rule.line, key[0], f"{key[1]!r} is already used in {other.file}:{other.line}")
        catalog.packs.append(pack)
    for rule in catalog.rules:
        if rule.technique not in catalog.techniques:
            raise RulePackError(rule.file, rule.line, "technique", f"unknown technique {rule.technique!r}")
    if cache_key is not None and cached is None:
        store_packs(cache_key, catalog.packs[: len(defaults)])
    return catalog


def pack_files(path) -> list:
    from pathlib import Path

    path = Path(path)
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml"))
    if not path.exists():
        raise RulePackError(str(path), None, None, "no such file or directory")
    return [path]


def load_pack(text: str, file: str, kinds: dict) -> Pack:
    located = load_located(text, file)
    if not isinstance(located.data, dict):
        raise RulePackError(file, 1, None, "a rule pack must be a mapping with 'pack', 'technique' and 'rules'")
    top = Fields(located, (), located.data)
    name = top.get("pack", str)
    if not NAME.fullmatch(name):
        raise top.error("pack", "must be kebab-case (lowercase words joined by hyphens)")
    description = top.get("description", str)
    technique, slug = _technique(top)
    rules_data = top.get("rules", list)
    if not rules_data:
        raise top.error("rules", "must list at least one rule")
    _reject_unknown(top)
    pack = Pack(name, description, file, technique)
    for i, data in enumerate(rules_data):
        if not isinstance(data, dict):
            raise located.error(("rules", i), "a rule must be a mapping")
        pack.rules.append(_rule(Fields(located, ("rules", i), data), pack, slug, kinds))
    return pack


def _technique(top: Fields) -> tuple[Technique | None, str]:
    value = top.get("technique", (str, dict))
    if isinstance(value, str):
        return None, _slug(top, "technique", value)
    fields = Fields(top.located, ("technique",), value)
    slug = _slug(fields, "slug", fields.get("slug", str))
    technique = Technique(
        slug=slug,
        title=fields.get("title", str),
        definition=fields.get("definition", str).strip(),
        scheme_class=fields.get("scheme_class", (str, type(None))),
        limits=fields.get("limits", str, "").strip(),
    )
    _reject_unknown(fields)
    return technique, slug


def _slug(fields: Fields, name: str, value: str) -> str:
    if not NAME.fullmatch(value):
        raise fields.error(name, "must be a kebab-case technique slug")
    return value


def _rule(fields: Fields, pack: Pack, technique: str, kinds: dict) -> Rule:
    code = fields.get("code", str)
    if not CODE.fullmatch(code):
        raise fields.error("code", f"{code!r} is not a rule code (1-4 capital letters and 3 digits, e.g. LL201)")
    name = fields.get("name", str)
    if not NAME.fullmatch(name):
        raise fields.error("name", f"{name!r} is not kebab-case")
    kind_name = fields.get("kind", str)
    if kind_name not in kinds:
        raise fields.error("kind", f"unknown kind {kind_name!r} (known: {', '.join(sorted(kinds))})")
    message = fields.get("message", str)
    for placeholder in PLACEHOLDER.findall(message):
        if placeholder not in MESSAGE_FIELDS:
            raise fields.error("message", f"unknown placeholder {{{placeholder}}} (known: {{match}})")
    rule = Rule(
        code=code,
        name=name,
        technique=technique,
        severity=fields.get("severity", str, "warning", choices=SEVERITIES),
        default=fields.get("default", bool, True),
        message=message,
        rationale=fields.get("rationale", str).strip(),
        kind=kind_name,
        options=None,
        pack=pack.name,
        file=pack.file,
        line=fields.located.line(fields.path) or 1,
        quotes=fields.get("quotes", str, "skip-attributed", choices=QUOTE_POLICIES),
        exceptions=tuple(parse_terms(fields, "exceptions", required=False)),
        link=fields.get("link", (str, type(None)), None),
    )
    rule.flag_examples, rule.pass_examples = _examples(fields)
    rule.options = kinds[kind_name].parse(fields)
    _reject_unknown(fields)
    return rule


def _examples(fields: Fields) -> tuple[tuple, tuple]:
    examples = fields.get("examples", dict)
    sub = Fields(fields.located, fields.path + ("examples",), examples)
    parsed = []
    for which in ("flag", "pass"):
        items = sub.get(which, list)
        if not items:
            raise sub.error(which, "needs at least one example sentence")
        result = []
        for i, item in enumerate(items):
            if isinstance(item, str):
                result.append(Example(item))
            elif isinstance(item, dict) and which == "flag" and set(item) <= {"text", "match"} and isinstance(item.get("text"), str):
                match = item.get("match")
                if match is not None and (not isinstance(match, str) or match not in item["text"]):
                    raise sub.error((which, i, "match"), "must be a part of the example's text")
                result.append(Example(item["text"], match))
            else:
                raise sub.error((which, i), "must be a sentence (or, for flag, a mapping with 'text' and 'match')")
        parsed.append(tuple(result))
    _reject_unknown(sub)
    return parsed[0], parsed[1]


def _reject_unknown(fields: Fields) -> None:
    for key in fields.unknown():
        raise fields.error(key, "unknown field")
