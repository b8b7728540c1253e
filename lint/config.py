"""Configuration: where it is found, what it may say, and where each effective value came from.

One configuration governs a run. It is looked for from the directory that holds every linted
path (their common ancestor; the current directory for standard input) upward, in each directory
``.framelint.yaml``, then ``framelint.yaml``, then a ``pyproject.toml`` with ``[tool.framelint]``;
the first found wins and nothing is merged. ``per-path`` sections give parts of a tree their own
rules, so one run needs no second configuration file. The command line beats the file.
"""
from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Callable

import regex

from .errors import ConfigError, FramelintError, RulePackError
from .finding import SEVERITIES
from .kind import _type_names
from .reading import TEXT_SUFFIXES
from .rule import QUOTE_POLICIES, Rule
from .selection import select_rules, specificity
from .yamlsource import Located, field_name, load_located

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

CONFIG_NAMES = (".framelint.yaml", "framelint.yaml")
PYPROJECT = "pyproject.toml"
DEFAULT = "default"
COMMAND_LINE = "command line"
SELECTION_KEYS = ("select", "extend-select", "ignore")
OVERRIDE_KEYS = ("paths", *SELECTION_KEYS, "severity", "quotes")


@dataclass
class Setting:
    value: Any
    source: str = DEFAULT  # "default", "FILE:LINE" (or "FILE" for TOML), "command line"


@dataclass
class Override:
    """One ``per-path`` section: rule choices for the files its globs match."""

    paths: list[str]
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    quotes: dict[str, str] = field(default_factory=dict)
    source: str = DEFAULT


class ConfigSource:
    """A parsed configuration file: its data, and how to name the place of a key in errors."""

    def __init__(self, file: str, data: Any, located: Located | None = None, prefix: tuple = ()):
        self.file, self.data, self.located, self.prefix = file, data, located, prefix

    def where(self, path: tuple) -> str:
        line = self.located.line(path) if self.located else None
        return f"{self.file}:{line}" if line else self.file

    def error(self, path: tuple, problem: str) -> ConfigError:
        return ConfigError(self.where(path), field_name(self.prefix + tuple(path)), problem)


def _strings(src: ConfigSource, path: tuple, value) -> list[str]:
    if not isinstance(value, list):
        raise src.error(path, f"must be a list of strings, not {_type_name(value)}")
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise src.error(path + (i,), f"must be a non-empty string, not {_type_name(item)}")
    return list(value)


def _choices(choices: tuple) -> Callable:
    def check(src: ConfigSource, path: tuple, value) -> str:
        if value not in choices:
            raise src.error(path, f"must be one of {', '.join(choices)}, not {value!r}")
        return value
    return check


def _mapping_to(choices: tuple) -> Callable:
    """A mapping from rule selectors (code, prefix, name, technique, 'all') to one of ``choices``."""
    def check(src: ConfigSource, path: tuple, value) -> dict:
        if not isinstance(value, dict):
            raise src.error(path, f"must be a mapping from rule codes to {' | '.join(choices)}, not {_type_name(value)}")
        for key, item in value.items():
            if not isinstance(key, str):
                raise src.error(path + (key,), f"must be a rule code, name or technique, not {_type_name(key)}")
            _choices(choices)(src, path + (key,), item)
        return dict(value)
    return check


def _count(src: ConfigSource, path: tuple, value) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise src.error(path, f"must be a whole number of 0 or more, not {value!r}")
    return value


def _flag(src: ConfigSource, path: tuple, value) -> bool:
    if not isinstance(value, bool):
        raise src.error(path, f"must be true or false, not {value!r}")
    return value


def _per_path(src: ConfigSource, path: tuple, value) -> list[Override]:
    if not isinstance(value, list):
        raise src.error(path, f"must be a list of mappings with 'paths', not {_type_name(value)}")
    overrides = []
    for i, item in enumerate(value):
        here = path + (i,)
        if not isinstance(item, dict):
            raise src.error(here, f"must be a mapping with 'paths', not {_type_name(item)}")
        for key in item:
            if key not in OVERRIDE_KEYS:
                raise src.error(here + (key,), f"unknown key (known: {', '.join(OVERRIDE_KEYS)})")
        if "paths" not in item:
            raise src.error(here, "missing required key 'paths'")
        parsed = {key.replace("-", "_"): CHECKS[key](src, here + (key,), item[key]) for key in item}
        overrides.append(Override(**parsed, source=src.where(here)))
    return overrides


CHECKS: dict[str, Callable] = {
    "select": _strings,
    "extend-select": _strings,
    "ignore": _strings,
    "severity": _mapping_to(SEVERITIES),
    "quotes": _mapping_to(QUOTE_POLICIES),
    "rules": _strings,
    "include": _strings,
    "exclude": _strings,
    "per-path": _per_path,
    "fail-level": _choices(SEVERITIES),
    "max-findings": _count,
    "report-unused-suppressions": _flag,
    "paths": _strings,
}
DEFAULTS: dict[str, Any] = {
    "select": [DEFAULT],
    "extend-select": [],
    "ignore": [],
    "severity": {},
    "quotes": {},
    "rules": [],
    "include": [f"*{suffix}" for suffix in TEXT_SUFFIXES],
    "exclude": [],
    "per-path": [],
    "fail-level": "warning",
    "max-findings": 0,
    "report-unused-suppressions": False,
}


def _type_name(value) -> str:
    return _type_names(type(value))


class Config:
    """The effective settings of a run, each with where it came from."""

    def __init__(self, source: ConfigSource | None = None):
        self.file = source.file if source else None
        # Globs and pack paths in a file are relative to the file's directory.
        self.root = os.path.dirname(os.path.abspath(source.file)) if source else os.getcwd()
        self.settings = {key: Setting(value) for key, value in DEFAULTS.items()}
        self._selectors: list[tuple[ConfigSource | None, tuple, str]] = []  # checked once rules are known
        if source:
            self._read(source)

    def __getitem__(self, key: str) -> Any:
        return self.settings[key].value

    def _read(self, src: ConfigSource) -> None:
        if not isinstance(src.data, dict):
            raise src.error((), f"must be a mapping of settings, not {_type_name(src.data)}")
        for key, value in src.data.items():
            if key not in DEFAULTS:
                raise src.error((key,), f"unknown key (known: {', '.join(DEFAULTS)})")
            value = CHECKS[key](src, (key,), value)
            if key == "rules":
                value = [os.path.join(self.root, path) for path in value]
            self.settings[key] = Setting(value, src.where((key,)))
        self._note_selectors(src, (), src.data)
        for i, override in enumerate(src.data.get("per-path", [])):
            self._note_selectors(src, ("per-path", i), override)

    def _note_selectors(self, src: ConfigSource | None, path: tuple, data: dict) -> None:
        for key in SELECTION_KEYS + ("severity", "quotes"):
            for i, selector in enumerate(data.get(key, ())):
                self._selectors.append((src, path + (key, selector if key in ("severity", "quotes") else i), selector))

    def apply_command_line(self, select=None, extend_select=None, ignore=None, rules=(), fail_level=None,
                           max_findings=None, report_unused_suppressions=False) -> None:
        """As in ruff: ``--select`` replaces the file's whole selection; ``--extend-select`` and
        ``--ignore`` add to it; every other option replaces the file's value."""
        if select is not None:
            for key, value in (("select", select), ("extend-select", extend_select or []), ("ignore", ignore or [])):
                self.settings[key] = Setting(value, COMMAND_LINE)
        else:
            for key, value in (("extend-select", extend_select), ("ignore", ignore)):
                if value:
                    self._extend(key, value)
        if rules:
            self._extend("rules", list(rules))
        for key, value in (("fail-level", fail_level), ("max-findings", max_findings),
                           ("report-unused-suppressions", report_unused_suppressions or None)):
            if value is not None:
                self.settings[key] = Setting(value, COMMAND_LINE)
        for option, values in (("select", select), ("extend-select", extend_select), ("ignore", ignore)):
            self._selectors.extend((None, (option,), selector) for selector in values or ())

    def _extend(self, key: str, value: list) -> None:
        old = self.settings[key]
        source = COMMAND_LINE if old.source == DEFAULT or not old.value else f"{old.source}, {COMMAND_LINE}"
        self.settings[key] = Setting(old.value + value, source)

    def check(self, rules: list[Rule]) -> None:
        """Every rule selector in the file and on the command line must name a known rule."""
        for src, path, selector in self._selectors:
            if selector in ("all", DEFAULT) or any(specificity(selector, r) is not None for r in rules):
                continue
            problem = f"unknown rule code, name or technique {selector!r}"
            raise src.error(path, problem) if src else FramelintError(f"{path[0]}: {problem}")

    # What the settings mean for one file.

    def relative(self, path: str) -> str:
        """The path that globs are matched against: relative to the configuration's directory."""
        full = os.path.abspath(path)
        rel = os.path.relpath(full, self.root)
        return (full if rel.startswith("..") else rel).replace(os.sep, "/")

    def overrides_for(self, path: str) -> tuple[int, ...]:
        if not self["per-path"]:
            return ()
        rel = self.relative(path)
        return tuple(i for i, o in enumerate(self["per-path"]) if any(glob_matches(g, rel) for g in o.paths))

    def wanted(self, path: str) -> bool:
        """Whether a file found by walking a directory is linted (``include`` minus ``exclude``)."""
        rel = self.relative(path)
        return any(glob_matches(g, rel) for g in self["include"]) and not any(glob_matches(g, rel) for g in self["exclude"])

    def rules_for(self, catalog_rules: list[Rule], overrides: tuple[int, ...] = ()) -> list[Rule]:
        """The rules to run, with severity and quotation policy overridden: the top-level
        selection first, then each matching ``per-path`` section in order."""
        chosen = select_rules(catalog_rules, self["select"], self["ignore"], self["extend-select"])
        layers = [(self["severity"], self["quotes"])]
        for i in overrides:
            o = self["per-path"][i]
            chosen = reselect(catalog_rules, chosen, o.select, o.extend_select, o.ignore)
            layers.append((o.severity, o.quotes))
        result = []
        for rule in chosen:
            severity, quotes = rule.severity, rule.quotes
            for severities, policies in layers:
                severity, quotes = best(severities, rule) or severity, best(policies, rule) or quotes
            changed = (severity, quotes) != (rule.severity, rule.quotes)
            result.append(replace(rule, severity=severity, quotes=quotes) if changed else rule)
        return result

    def describe(self) -> str:
        """The effective configuration as YAML, each value commented with its source."""
        lines = [f"# configuration file: {self.file or 'none'}"]
        for key, setting in self.settings.items():
            if key == "per-path":
                lines.append(_commented(f"per-path:{' []' if not setting.value else ''}", setting.source))
                for o in setting.value:
                    lines.append(_commented(f"  - paths: {_flow(o.paths)}", o.source))
                    for name, value in (("select", o.select), ("extend-select", o.extend_select), ("ignore", o.ignore),
                                        ("severity", o.severity), ("quotes", o.quotes)):
                        if value:
                            lines.append(f"    {name}: {_flow(value)}")
            else:
                lines.append(_commented(f"{key}: {_flow(setting.value)}", setting.source))
        return "\n".join(lines)


PLAIN_SCALAR = regex.compile(r"[\w][\w./-]*")


def _flow(value) -> str:
    """A value in YAML flow style, the way a user would write it (and YAML would read it)."""
    if isinstance(value, list):
        return "[" + ", ".join(map(_flow, value)) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_flow(k)}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str) and not PLAIN_SCALAR.fullmatch(value):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _commented(text: str, source: str) -> str:
    return f"{text.ljust(47)} # {source}"


def best(mapping: dict[str, str], rule: Rule) -> str | None:
    """The value of the most specific selector in ``mapping`` that names ``rule``."""
    scored = [(s, value) for key, value in mapping.items() if (s := specificity(key, rule)) is not None]
    return max(scored, key=lambda item: item[0])[1] if scored else None


def reselect(catalog_rules: list[Rule], current: list[Rule], select, extend_select, ignore) -> list[Rule]:
    """Apply a ``per-path`` selection on top of ``current``: ``select`` replaces it, otherwise
    ``extend-select`` adds to it; ``ignore`` removes, losing to a more specific selection."""
    if select is not None:
        return select_rules(catalog_rules, select, ignore, extend_select)
    kept = {rule.code for rule in current}
    result = []
    for rule in catalog_rules:
        on = max((s for x in extend_select if (s := specificity(x, rule)) is not None), default=-1 if rule.code in kept else None)
        off = max((s for x in ignore if (s := specificity(x, rule)) is not None), default=None)
        if on is not None and (off is None or on > off):
            result.append(rule)
    return result


@lru_cache(maxsize=None)
def _glob_regex(glob: str):
    parts, i = [], 0
    while i < len(glob):
        if glob.startswith("**/", i):
            parts.append("(?:.*/)?")
            i += 3
        elif glob.startswith("**", i):
            parts.append(".*")
            i += 2
        else:
            parts.append({"*": "[^/]*", "?": "[^/]"}.get(glob[i], regex.escape(glob[i])))
            i += 1
    return regex.compile("".join(parts), regex.IGNORECASE)


def glob_matches(glob: str, rel: str) -> bool:
    """Whether a glob matches a file or one of its directories. ``**`` spans directories, ``*``
    does not; a glob without ``/`` matches a name at any depth (``*.md``, ``drafts``)."""
    glob = glob.strip("/")
    parts = rel.split("/")
    candidates = ["/".join(parts[:n]) for n in range(1, len(parts) + 1)]
    if "/" not in glob:
        candidates = parts
    pattern = _glob_regex(glob)
    return any(pattern.fullmatch(c) for c in candidates)


# Finding and reading the file.

def discovery_start(paths) -> str:
    """The directory the search for a configuration starts from: the common ancestor of the
    linted paths (the current directory for standard input)."""
    dirs = [os.getcwd() if p == "-" else os.path.abspath(p if os.path.isdir(p) else os.path.dirname(p) or ".")
            for p in paths]
    try:
        return os.path.commonpath(dirs) if dirs else os.getcwd()
    except ValueError:  # paths on different drives
        return os.getcwd()


def find_config(start: str) -> ConfigSource | None:
    directory = os.path.abspath(start)
    while True:
        for name in CONFIG_NAMES:
            candidate = os.path.join(directory, name)
            if os.path.isfile(candidate):
                return read_config(_shown(candidate))
        pyproject = os.path.join(directory, PYPROJECT)
        if os.path.isfile(pyproject):
            source = read_config(_shown(pyproject))
            if source is not None:
                return source
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


def _shown(path: str) -> str:
    """A path as errors show it: relative to the current directory when inside it."""
    rel = os.path.relpath(path)
    return path if rel.startswith("..") else rel


def read_config(file: str) -> ConfigSource | None:
    """Parse a configuration file; None for a pyproject.toml without ``[tool.framelint]``."""
    try:
        with open(file, encoding="utf-8") as handle:
            text = handle.read()
    except FileNotFoundError:
        raise ConfigError(file, None, "no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(file, None, f"cannot be read: {getattr(exc, 'strerror', None) or exc}") from None
    if os.path.basename(file) == PYPROJECT or file.endswith(".toml"):
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(file, None, f"malformed TOML: {exc}") from None
        section = data.get("tool", {}).get("framelint")
        if section is None:
            return None
        return ConfigSource(file, section, prefix=("tool", "framelint"))
    try:
        located = load_located(text, file)
    except RulePackError as exc:
        raise ConfigError(f"{file}:{exc.line}" if exc.line else file, exc.field, exc.problem) from None
    return ConfigSource(file, {} if located.data is None else located.data, located)


def load_config(paths=(), config_file: str | None = None, isolated: bool = False) -> Config:
    """The configuration for linting ``paths``: ``config_file`` if given, none if ``isolated``,
    otherwise the nearest one found upward from the paths' common directory."""
    if isolated:
        return Config()
    if config_file:
        source = read_config(config_file)
        if source is None:
            raise FramelintError(f"{config_file}: no [tool.framelint] section")
        return Config(source)
    return Config(find_config(discovery_start(paths)))
