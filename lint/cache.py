"""``--cache``: a document's findings kept on disk, so an unchanged file is not linted again.

An entry is keyed by everything the findings depend on: framelint's code (its version, and the
size and time of each of its modules, so that a development install never reads results of
older code) and
the regex module's version, the plugins registered, the rules (each pack file's content, the selected codes, the
regex timeout), the path shown and the document's text. Entries are JSON files written to a
temporary name and renamed into place, so runs sharing the cache concurrently never read half an
entry; one that cannot be read is linted again, and a cache that cannot be written is ignored.
A result with a notice (a rule that timed out) is incomplete and is not kept.

The directory is ``$FRAMELINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/framelint``, else
``~/.cache/framelint``; deleting it at any time is safe.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import asdict
from functools import lru_cache

from .finding import Finding
from .version import __version__


def default_directory() -> str:
    if os.environ.get("FRAMELINT_CACHE_DIR"):
        return os.environ["FRAMELINT_CACHE_DIR"]
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "framelint")


@lru_cache(maxsize=None)
def code_stamp() -> str:
    """Size and modification time of every framelint module: what tells one state of
    framelint's code from another without reading it (a development install keeps its version
    while its code changes)."""
    package = os.path.dirname(os.path.abspath(__file__))
    stamps = []
    for folder, _subfolders, files in os.walk(package):
        for name in sorted(files):
            if name.endswith(".py"):
                info = os.stat(os.path.join(folder, name))
                stamps.append(f"{os.path.relpath(os.path.join(folder, name), package)}:{info.st_size}:{info.st_mtime_ns}")
    return ";".join(sorted(stamps))


def rules_digest(rules, regex_timeout: float) -> str:
    """What identifies a rule selection: the packs' files as they are now, the codes, the timeout,
    and the plugins (whose kinds interpret the rules)."""
    import regex

    from .plugins import plugin_manager

    digest = hashlib.sha256()
    for part in (__version__, code_stamp(), regex.__version__, repr(regex_timeout),
                 *sorted(name for name, _plugin in plugin_manager().list_name_plugin())):
        digest.update(part.encode() + b"\x1f")
    for path in sorted({rule.file for rule in rules}):
        try:
            with open(path, "rb") as pack:
                digest.update(hashlib.sha256(pack.read()).digest())
        except OSError:  # a pack that is not a file (a plugin's in-memory pack): its name stands for it
            digest.update(path.encode())
    for rule in rules:
        digest.update(f"{rule.code}\x1f{rule.file}\x1f{rule.line}\x1e".encode())
    return digest.hexdigest()


def write_atomically(path: str, data: bytes) -> None:
    """Write to a temporary file renamed into place, so that a concurrent run never reads half
    of it; a read-only or full disk is ignored (the run goes on uncached)."""
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".tmp-")
        try:
            with os.fdopen(handle, "wb") as entry:
                entry.write(data)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        pass


class ResultCache:
    def __init__(self, directory: str | None = None):
        self.directory = directory or default_directory()

    def key(self, rules: str, doc) -> str:
        digest = hashlib.sha256(f"{rules}\x1f{doc.path}\x1f".encode("utf-8", "surrogatepass"))
        digest.update(doc.original.encode("utf-8", "surrogatepass"))
        if doc.text is not doc.original:  # markup masked out of the text
            digest.update(b"\x1e" + doc.text.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def get(self, key: str) -> list[Finding] | None:
        try:
            with open(self._path(key), encoding="utf-8") as entry:
                return [Finding(**f) for f in json.load(entry)["findings"]]
        except (OSError, ValueError, TypeError, KeyError):
            return None

    def put(self, key: str, findings: list[Finding]) -> None:
        entry = json.dumps({"findings": [asdict(f) for f in findings]}, ensure_ascii=False)
        write_atomically(self._path(key), entry.encode("utf-8"))

    def _path(self, key: str) -> str:
        return os.path.join(self.directory, key[:2], key)
