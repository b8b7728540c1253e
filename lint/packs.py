"""The built-in rule packs: every YAML file shipped in ``framelint.rules``."""
from __future__ import annotations

from importlib import resources

from .hookspecs import hookimpl


@hookimpl
def framelint_rule_packs():
    return sorted(
        (f for f in resources.files("framelint.rules").iterdir() if f.name.endswith(".yaml")),
        key=lambda f: f.name,
    )
