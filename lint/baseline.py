"""Baselines: record today's findings so that later runs report only new ones.

A finding is recognised by a fingerprint of its rule code, its matched text, the sentence it is
in (both with case and spacing normalised) and its occurrence among identical ones, never by
its line: editing the article elsewhere does not make old findings new, while rewording the
finding's own sentence does. The file is JSON, sorted, so that it reviews well in a diff.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from dataclasses import replace

from .document import Document
from .errors import FramelintError
from .finding import Finding

FORMAT = "framelint-baseline"
VERSION = 1


def _normal(text: str) -> str:
    return " ".join(text.casefold().split())


def fingerprinted(doc: Document, findings: list[Finding]) -> list[Finding]:
    """The findings (in reading order) with their fingerprints set."""
    seen: Counter = Counter()
    result = []
    for f in findings:
        sentence = doc.sentence_at(f.start)
        key = (f.code, _normal(f.text), _normal(doc.text[sentence.start : sentence.end]))
        occurrence = seen[key]
        seen[key] += 1
        digest = hashlib.sha256("\x1f".join((*key, str(occurrence))).encode("utf-8")).hexdigest()[:20]
        result.append(replace(f, fingerprint=digest))
    return result


def _key_path(path: str, root: str) -> str:
    """A finding's path as the baseline stores it: relative to the baseline file's directory,
    so that the baseline works from any working directory."""
    if path.startswith("<"):  # <stdin> and other pseudo-paths
        return path
    return os.path.relpath(os.path.abspath(path), root).replace(os.sep, "/")


def _root(file: str) -> str:
    return os.path.dirname(os.path.abspath(file))


def write_baseline(file: str, findings: list[Finding]) -> None:
    root = _root(file)
    entries = sorted(
        ({"path": _key_path(f.path, root), "line": f.line, "code": f.code, "text": f.text, "fingerprint": f.fingerprint}
         for f in findings),
        key=lambda e: (e["path"], e["line"], e["code"], e["fingerprint"]),
    )
    try:
        with open(file, "w", encoding="utf-8") as handle:
            # One finding a line, so that a changed baseline reads well in a diff.
            rows = [json.dumps(e, ensure_ascii=False) for e in entries]
            listing = "[\n  " + ",\n  ".join(rows) + "\n]" if rows else "[]"
            handle.write(f'{{"format": "{FORMAT}", "version": {VERSION}, "findings": {listing}}}\n')
    except OSError as exc:
        raise FramelintError(f"{file}: cannot write the baseline: {exc.strerror or exc}") from None


class Baseline:
    """The findings recorded in a baseline file; ``line`` and ``text`` there are for readers."""

    def __init__(self, file: str):
        self.file, self.root = file, _root(file)
        try:
            with open(file, encoding="utf-8") as handle:
                data = json.load(handle)
        except FileNotFoundError:
            raise FramelintError(f"{file}: no such baseline file (write one with --write-baseline)") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise FramelintError(f"{file}: cannot read the baseline: {getattr(exc, 'strerror', None) or exc}") from None
        except json.JSONDecodeError as exc:
            raise FramelintError(f"{file}:{exc.lineno}: not a framelint baseline: malformed JSON: {exc.msg}") from None
        entries = data.get("findings") if isinstance(data, dict) else None
        if (data.get("format"), data.get("version")) != (FORMAT, VERSION) or not isinstance(entries, list) or not all(
                isinstance(e, dict) and isinstance(e.get("path"), str) and isinstance(e.get("fingerprint"), str)
                for e in entries):
            raise FramelintError(f"{file}: not a framelint baseline (version {VERSION}: "
                                 "an object with 'format', 'version' and 'findings')")
        self.known = {(e["path"], e["fingerprint"]) for e in entries}

    def __contains__(self, finding: Finding) -> bool:
        return (_key_path(finding.path, self.root), finding.fingerprint) in self.known

    def remove_known(self, results) -> int:
        """Drop the recorded findings from each file's result; how many were dropped."""
        dropped = 0
        for result in results:
            kept = [f for f in result.findings if f not in self]
            dropped += len(result.findings) - len(kept)
            result.findings = kept
        return dropped
