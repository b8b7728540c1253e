"""Find the files to lint and decode them; every failure is an InputError naming the file."""
from __future__ import annotations

import codecs
import errno
import os
import stat

from .errors import InputError, SkippedInput

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
BINARY_SNIFF = 8192


def discover(paths, wanted=None) -> list[str | InputError]:
    """Files to lint, in order: named files as given, directories walked recursively (sorted,
    hidden directories and symlinked directories skipped) for files with a text suffix, or, if
    given, those the ``wanted(path)`` of the configuration's include/exclude globs accepts."""
    found: list[str | InputError] = []
    for path in paths:
        if path == "-" or not os.path.isdir(path):
            found.append(path)
            continue
        inside = []
        for root, dirs, files in os.walk(path, onerror=None):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not os.path.islink(os.path.join(root, d)))
            walked = (os.path.join(root, f) for f in sorted(files))
            inside.extend(p for p in walked if (wanted(p) if wanted else p.lower().endswith(TEXT_SUFFIXES)))
        if not inside:
            found.append(InputError(path, f"no text files ({', '.join('*' + s for s in TEXT_SUFFIXES)}) in this directory"))
        found.extend(inside)
    return found


def read_file(path: str, encoding: str | None = None) -> str:
    try:
        # Opened without blocking and checked once open: a FIFO (or a file swapped for one)
        # must never leave the run waiting for a writer.
        with open(os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb") as handle:
            mode = os.fstat(handle.fileno()).st_mode
            if stat.S_ISDIR(mode):
                raise InputError(path, "is a directory")
            if not stat.S_ISREG(mode):
                raise InputError(path, "not a regular file (a FIFO, socket or device); not read")
            data = handle.read()
    except FileNotFoundError:
        raise InputError(path, "no such file or directory") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as exc:
        if exc.errno == getattr(errno, "ELOOP", -1):
            raise InputError(path, "symbolic link loop (too many levels of symbolic links)") from None
        raise InputError(path, (exc.strerror or str(exc)).lower()) from None
    return decode(data, path, encoding)


def decode(data: bytes, path: str, encoding: str | None = None) -> str:
    """Text from bytes: a BOM decides the encoding (UTF-8, UTF-16) and is dropped; otherwise
    UTF-8, strictly. Offsets then count the characters of the text after the BOM."""
    if encoding:
        try:
            return data.decode(encoding).removeprefix("\ufeff")
        except LookupError:
            raise InputError(path, f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            raise InputError(path, f"cannot be decoded as {encoding} at byte {exc.start}") from None
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")  # the codec drops the BOM
        except UnicodeDecodeError as exc:
            raise InputError(path, f"invalid UTF-16 at byte {exc.start}") from None
    if b"\x00" in data[:BINARY_SNIFF]:
        raise SkippedInput(path, "binary file (NUL bytes), skipped")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(path, f"invalid UTF-8 at byte {exc.start} (use --encoding to read another encoding)") from None
