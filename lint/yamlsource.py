"""Load YAML keeping the line of every value, so that errors can name file, line and field.

PyYAML is imported on first use: a run whose packs come from the pack cache and that reads no
configuration file never needs it.
"""
from __future__ import annotations

from typing import Any

from .errors import RulePackError

# Enough for any real pack; an alias bomb ("billion laughs") exceeds it at once.
MAX_NODES = 200_000

Path = tuple  # a path into the data: keys and list indexes


class Located:
    """Parsed YAML data plus the line on which each value starts."""

    def __init__(self, data: Any, lines: dict[Path, int], file: str):
        self.data, self.lines, self.file = data, lines, file

    def line(self, path: Path) -> int | None:
        path = tuple(path)
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path)

    def error(self, path: Path, problem: str) -> RulePackError:
        return RulePackError(self.file, self.line(path), field_name(path), problem)


def field_name(path: Path) -> str | None:
    name = ""
    for part in path:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name or None


def load_located(text: str, file: str) -> Located:
    import yaml

    # libyaml's parser when PyYAML was built with it (several times faster); a mistake is
    # reported from PyYAML's own parser, whose messages say more than libyaml's.
    fast_loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for loader_class in dict.fromkeys((fast_loader, yaml.SafeLoader)):
        loader = loader_class(text)
        try:
            node = loader.get_single_node()
            break
        except yaml.YAMLError as exc:
            if loader_class is yaml.SafeLoader:
                mark = getattr(exc, "problem_mark", None)
                problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
                raise RulePackError(file, mark.line + 1 if mark else None, None, f"malformed YAML: {problem}") from None
        finally:
            loader.dispose()
    lines: dict[Path, int] = {}
    budget = [MAX_NODES]
    data = _convert(node, (), lines, budget, file, loader) if node is not None else None
    return Located(data, lines, file)


def _convert(node, path, lines, budget, file, loader):
    import yaml

    budget[0] -= 1
    if budget[0] < 0:
        raise RulePackError(file, node.start_mark.line + 1, None, f"more than {MAX_NODES} values (alias expansion?)")
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node)
            if not isinstance(key, (str, int, float, bool)) or key is None:
                raise RulePackError(file, key_node.start_mark.line + 1, field_name(path), "keys must be plain strings")
            if key in result:
                raise RulePackError(file, key_node.start_mark.line + 1, field_name(path + (key,)), "duplicate key")
            result[key] = _convert(value_node, path + (key,), lines, budget, file, loader)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, path + (i,), lines, budget, file, loader) for i, item in enumerate(node.value)]
    return loader.construct_object(node)
