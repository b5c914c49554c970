"""Reads policy YAML exactly as written.

PyYAML's SafeLoader (YAML 1.1) turns an unquoted 2025-09-01 into a date and an
unquoted 18:00 into the integer 1080 (base 60). Policy files hold dates and clock
times as text, so this loader keeps both as strings: quoted and unquoted forms
load alike and the schemas see one shape. It also reports duplicate keys, which
PyYAML would otherwise resolve silently by keeping the last one.
"""

from __future__ import annotations

import re

import yaml

_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_CLOCK = re.compile(r"^\d{1,2}:\d{2}$")


class PolicyYamlLoader(yaml.SafeLoader):
    def __init__(self, stream):
        super().__init__(stream)
        self.duplicate_keys: list[tuple[int, str]] = []   # (line, key)

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                if key_node.value in seen:
                    self.duplicate_keys.append((key_node.start_mark.line + 1, key_node.value))
                seen.add(key_node.value)
        return super().construct_mapping(node, deep=deep)


# Drop the timestamp resolver; put a clock-time -> str resolver before the int one.
PolicyYamlLoader.yaml_implicit_resolvers = {
    first: ([("tag:yaml.org,2002:str", _CLOCK)] if first in "0123456789" else [])
    + [(tag, rx) for tag, rx in resolvers if tag != _TIMESTAMP]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def parse_yaml(text: str):
    """Returns (data, duplicate_keys). Raises yaml.YAMLError on a syntax error."""
    loader = PolicyYamlLoader(text)
    try:
        return loader.get_single_data(), loader.duplicate_keys
    finally:
        loader.dispose()
