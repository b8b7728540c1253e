"""Errors a user sees as one line on stderr (exit code 2), never as a traceback."""
from __future__ import annotations


class FramelintError(Exception):
    """A problem with the user's input, configuration or rule packs."""


class RulePackError(FramelintError):
    """A rule pack that cannot be used, located by file, line and field."""

    def __init__(self, file: str, line: int | None, field: str | None, problem: str):
        self.file, self.line, self.field, self.problem = file, line, field, problem
        where = f"{file}:{line}" if line else file
        what = f"{field}: {problem}" if field else problem
        super().__init__(f"{where}: invalid rule pack: {what}")


class ConfigError(FramelintError):
    """A configuration file or setting that cannot be used, located by file, line and key."""

    def __init__(self, where: str, key: str | None, problem: str):
        self.where, self.key, self.problem = where, key, problem
        super().__init__(f"{where}: invalid configuration: {key}: {problem}" if key else f"{where}: invalid configuration: {problem}")


class InputError(FramelintError):
    """A file that cannot be linted; the others still are."""

    def __init__(self, path: str, problem: str):
        self.path, self.problem = path, problem
        super().__init__(f"{path}: {problem}")


class SkippedInput(InputError):
    """A file deliberately not linted (binary); reported as a notice, not as an error."""
