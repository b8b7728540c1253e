"""Build the plugin manager once: hook specs, then built-ins, then installed plugins."""
from __future__ import annotations

import os
import sys
from functools import lru_cache
from importlib import import_module

import pluggy

from . import hookspecs
from .document import Document
from .errors import FramelintError

ENTRY_POINT_GROUP = "framelint"
# Set to 1 to ignore installed plugins (tests do, so that the machine's packages cannot leak in).
DISABLE_ENV = "FRAMELINT_DISABLE_PLUGINS"

BUILTIN_PLUGINS = (
    "framelint.kinds.terms",
    "framelint.kinds.pattern",
    "framelint.kinds.unattributed",
    "framelint.kinds.repetition",
    "framelint.kinds.proximity",
    "framelint.kinds.sentence",
    "framelint.formats.text",
    "framelint.formats.json",
    "framelint.formats.github",
    "framelint.formats.sarif",
    "framelint.formats.junit",
    "framelint.formats.rdjson",
    "framelint.formats.html",
    "framelint.packs",
    "framelint.markup.markdown",
    "framelint.markup.html",
)


@lru_cache(maxsize=None)
def plugin_manager() -> pluggy.PluginManager:
    pm = pluggy.PluginManager("framelint")
    pm.add_hookspecs(hookspecs.FramelintSpecs)
    for name in BUILTIN_PLUGINS:
        pm.register(import_module(name), name=name)
    if os.environ.get(DISABLE_ENV) != "1":
        from importlib import metadata  # not imported when plugins are off: it is slow to import

        for entry in metadata.entry_points(group=ENTRY_POINT_GROUP):
            try:
                pm.register(entry.load(), name=f"{entry.name} ({entry.value})")
            except Exception as exc:  # a broken plugin is named and skipped, never fatal
                print(f"framelint: plugin {entry.name!r} skipped: {type(exc).__name__}: {exc}", file=sys.stderr)
    pm.check_pending()
    return pm


def _collect(hook_results, what: str) -> dict:
    found = {}
    for items in hook_results:
        for item in items or ():
            if item.name in found:
                raise FramelintError(f"two plugins provide the {what} {item.name!r}")
            found[item.name] = item
    return found


@lru_cache(maxsize=None)
def rule_kinds() -> dict:
    return _collect(plugin_manager().hook.framelint_rule_kinds(), "rule kind")


@lru_cache(maxsize=None)
def output_formats() -> dict:
    return _collect(plugin_manager().hook.framelint_output_formats(), "output format")


def default_pack_sources() -> list:
    return [src for items in plugin_manager().hook.framelint_rule_packs() for src in items or ()]


def parse_document(text: str, path: str) -> Document:
    """A file's text as a document: read by the first plugin that knows its format (Markdown,
    HTML...), else as plain text."""
    return plugin_manager().hook.framelint_parse_document(path=path, text=text) or Document(text, path)
