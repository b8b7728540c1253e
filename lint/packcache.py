"""The default rule packs, parsed and checked, kept on disk between runs.

Reading and checking the YAML of the built-in packs and compiling their terms is about a third
of framelint's start-up, and they change only when framelint does. One entry holds them all,
keyed by everything parsing depends on: each pack's name and text, the versions of Python, of
framelint and of the regex module, and the size and modification time of every framelint
module (so an edited kind in a source checkout is never served stale). Packs are cached only
when every rule kind is framelint's own: a third-party kind's parsing is not known here. An
entry that cannot be read is parsed again; it lives in the ``--cache`` directory
(`cache.default_directory`) and can be deleted at any time.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys

import regex

from .cache import code_stamp, default_directory, write_atomically
from .version import __version__

ENTRY = "packs.pickle"


def cached_packs(sources: list, kinds: dict) -> tuple[str | None, list | None]:
    """(key, packs) for the default pack sources: the packs when an entry for exactly these
    sources is on disk, else None; the key is None when the packs must not be cached."""
    if not all(type(kind).__module__.startswith("framelint.") for kind in kinds.values()):
        return None, None
    digest = hashlib.sha256(f"{sys.version}\x1f{__version__}\x1f{regex.__version__}\x1f{code_stamp()}".encode())
    try:
        for source in sources:
            digest.update(f"\x1e{source}\x1f{source.read_text(encoding='utf-8')}".encode("utf-8", "surrogatepass"))
    except Exception:  # a pack that cannot be read: loading it reports why
        return None, None
    key = digest.hexdigest()
    try:
        with open(os.path.join(default_directory(), ENTRY), "rb") as entry:
            stored_key, packs = pickle.load(entry)
    except Exception:  # absent, unreadable, or written by another version: parse again
        return key, None
    return key, packs if stored_key == key else None


def store_packs(key: str, packs: list) -> None:
    try:
        data = pickle.dumps((key, packs), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # something in the packs cannot be pickled: they are parsed every run
        return
    write_atomically(os.path.join(default_directory(), ENTRY), data)
