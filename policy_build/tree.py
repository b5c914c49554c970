"""Walking a loaded YAML tree: the integrity checks and the question scope both look at every entry."""

from __future__ import annotations


def walk(node, path=()):
    """Yield (path, key, value) for every mapping entry, depth first, in file order."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield path, key, value
            yield from walk(value, path + (key,))
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from walk(item, path + (i,))
