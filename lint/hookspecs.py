"""The hooks framelint calls. Built-in kinds, packs and formats implement them like plugins do.

A plugin is a module or object with functions marked ``@framelint.hookimpl``, advertised in the
``framelint`` entry-point group of its package. Each hook returns a list, so one plugin can add
several things at once.
"""
from __future__ import annotations

import pluggy

hookspec = pluggy.HookspecMarker("framelint")
hookimpl = pluggy.HookimplMarker("framelint")


class FramelintSpecs:
    @hookspec
    def framelint_rule_kinds(self):
        """Return rule kinds: objects with ``name``, ``description``, ``parse(fields)`` and
        ``compile(rules)`` (see docs/plugins.md)."""

    @hookspec
    def framelint_rule_packs(self):
        """Return rule packs to load by default: paths or ``importlib.resources`` traversables
        of YAML files."""

    @hookspec
    def framelint_output_formats(self):
        """Return output formats: objects with ``name``, ``description`` and
        ``render(report, stream)``."""

    @hookspec(firstresult=True)
    def framelint_parse_document(self, path, text):
        """Return a ``framelint.document.Document`` for a file's decoded ``text`` if this plugin
        reads the file's format (decide from ``path``, usually its suffix), else None. The first
        answer wins, installed plugins before built-ins; text nobody claims is plain text. Keep
        the file's offsets: ``Document.text`` as long as ``text``, markup blanked with spaces
        (line breaks kept), ``text`` itself as ``original`` (see docs/markup.md)."""
