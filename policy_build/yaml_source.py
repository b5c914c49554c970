"""Reads policy YAML exactly as written, and refuses what no policy file needs.

PyYAML's SafeLoader (YAML 1.1) turns an unquoted 2025-09-01 into a date and an
unquoted 18:00 into the integer 1080 (base 60). Policy files hold dates and clock
times as text, so this loader keeps both as strings: quoted and unquoted forms
load alike and the schemas see one shape. It also reports duplicate keys, which
PyYAML would otherwise resolve silently by keeping the last one.

Parsing uses libyaml (`yaml.CSafeLoader`, ~10x faster than the pure-Python
loader). Before a document is composed, one pass over libyaml's event stream
(iterative, no recursion) counts the nodes the document has once its aliases are
expanded — anchors let rules.yaml write a shared route step once, but a 9-deep alias
bomb expands to billions of nodes for the checks that walk the tree, so more than
MAX_EXPANDED_NODES is refused — and refuses nesting deeper than MAX_DEPTH, which
would otherwise overflow the C stack of libyaml's recursive composer. An alias inside
the node its anchor names (`show_when: &sw {notice: *sw}`) would make a cyclic tree
every later check recurses into for ever: it is refused with its line. Integers
longer than MAX_INT_DIGITS are refused with their line.
"""

from __future__ import annotations

import re

import yaml

_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_CLOCK = re.compile(r"^\d{1,2}:\d{2}$")
MAX_DEPTH = 40          # the deepest policy file nests 7 levels
MAX_INT_DIGITS = 30     # the largest policy number has 8 digits (a phone number)
MAX_EXPANDED_NODES = 200_000   # the largest policy file has about 3,000 nodes
_OPEN = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_CLOSE = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


class PolicyYamlLoader(yaml.CSafeLoader):
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

    def construct_yaml_int(self, node):
        if len(node.value) > MAX_INT_DIGITS:
            raise yaml.constructor.ConstructorError(
                None, None, f"整数超过{MAX_INT_DIGITS}位 (integer longer than {MAX_INT_DIGITS} digits)", node.start_mark)
        return super().construct_yaml_int(node)


PolicyYamlLoader.add_constructor("tag:yaml.org,2002:int", PolicyYamlLoader.construct_yaml_int)

# Drop the timestamp resolver; put a clock-time -> str resolver before the int one.
PolicyYamlLoader.yaml_implicit_resolvers = {
    first: ([("tag:yaml.org,2002:str", _CLOCK)] if first in "0123456789" else [])
    + [(tag, rx) for tag, rx in resolvers if tag != _TIMESTAMP]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _refuse_unsafe_structure(text: str) -> None:
    """Raise yaml.MarkedYAMLError where nesting gets too deep or aliases expand past the bound."""
    sizes: list[int] = [0]              # expanded node counts of the open collections (and the stream)
    anchors: list[str | None] = []      # the anchor of each open collection
    anchored: dict[str, int] = {}       # anchor -> expanded size of the node it names
    for event in yaml.parse(text, Loader=yaml.CSafeLoader):
        if isinstance(event, _OPEN):
            sizes.append(1)
            anchors.append(event.anchor)
            if len(anchors) > MAX_DEPTH:
                raise yaml.MarkedYAMLError(problem=f"嵌套超过{MAX_DEPTH}层 (nested deeper than {MAX_DEPTH} levels)",
                                           problem_mark=event.start_mark)
            continue
        if isinstance(event, _CLOSE):
            size, anchor = sizes.pop(), anchors.pop()
        elif isinstance(event, yaml.AliasEvent):
            if event.anchor in anchors:     # an alias to a collection still open: a cycle
                raise yaml.MarkedYAMLError(
                    problem=f"别名 *{event.anchor} 指向包含它自身的节点（循环引用） "
                            f"(alias *{event.anchor} refers to a node that contains it)",
                    problem_mark=event.start_mark)
            size, anchor = anchored.get(event.anchor, 1), None
        elif isinstance(event, yaml.ScalarEvent):
            size, anchor = 1, event.anchor
        else:
            continue
        if anchor:
            anchored[anchor] = size
        sizes[-1] += size
        if sizes[-1] > MAX_EXPANDED_NODES:
            raise yaml.MarkedYAMLError(
                problem=f"别名（*）展开后超过{MAX_EXPANDED_NODES}个节点 (aliases expand past {MAX_EXPANDED_NODES} nodes)",
                problem_mark=event.start_mark)


def parse_yaml(text: str):
    """Returns (data, duplicate_keys). Raises yaml.YAMLError on a syntax error or a refused structure."""
    _refuse_unsafe_structure(text)
    loader = PolicyYamlLoader(text)
    try:
        return loader.get_single_data(), loader.duplicate_keys
    finally:
        loader.dispose()
