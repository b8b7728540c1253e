"""framelint: a rules-based linter for propaganda and framing techniques in prose.

The public API (``lint_text``, ``lint_paths``, ``load_rules``, ``list_rules``, ``Finding``,
``FileResult``, ``Linter``) is imported on first use, so ``framelint --version`` stays fast.
"""
from .hookspecs import hookimpl
from .version import __version__

_API = {
    "lint_text": "api", "lint_paths": "api", "load_rules": "api", "list_rules": "api",
    "FileResult": "api", "Finding": "finding", "Linter": "engine", "Document": "document",
    "FramelintError": "errors",
}
__all__ = ["hookimpl", "__version__", *_API]


def __getattr__(name):
    if name in _API:
        from importlib import import_module

        return getattr(import_module(f"{__name__}.{_API[name]}"), name)
    raise AttributeError(f"module 'framelint' has no attribute {name!r}")
