"""Hostile policy files (issue 14, findings 1–3): every one is refused by `validate` with a
one-line message naming the file and the line, byte or field — never a traceback, never a hang —
and `compile` then leaves the previous rules.json byte-identical."""

from __future__ import annotations

import shutil

import pytest

from policy_build.__main__ import main as policy_build_main

OFFICES = "offices.yaml"
QUESTIONS = "questions.yaml"
SHOW_WHEN = b"show_when: {notice: using_this_question}"
SOURCE = "notices/2023-manufacturing/source.txt"


def _laughs(levels: int) -> str:
    lines = ["lol0: &l0 [lol]"]
    lines += [f"lol{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


def _append(text: str):
    return lambda old: old + b"\n" + text.encode("utf-8")


# name -> (file under policy_data/, change to its bytes, substrings the message must hold)
HOSTILE = {
    # Finding 1: a lone surrogate (as a YAML escape, or as its UTF-8-style bytes) never reaches compile.
    "surrogate_escape": (OFFICES, _append('address: "万州区江南大道\\ud800号"'), ["policy_data/offices.yaml: 第", "行"]),
    "surrogate_bytes": (OFFICES, lambda old: old.replace("南岸区".encode(), "南岸区".encode() + b"\xed\xa0\x80", 1),
                        ["policy_data/offices.yaml: 字节偏移", "UTF-8"]),
    # Finding 2: an alias bomb is refused while its events stream by, before anything walks the tree.
    "billion_laughs": (OFFICES, _append(_laughs(9)), ["policy_data/offices.yaml: 第", "行", "别名（*）展开后超过"]),
    # Finding 3: encodings, nesting and huge integers.
    "utf16_yaml": (OFFICES, lambda old: old.decode("utf-8").encode("utf-16"), ["policy_data/offices.yaml: 字节偏移0", "UTF-8"]),
    "latin1_byte_yaml": (OFFICES, lambda old: old.replace("南岸区".encode(), b"Caf\xe9", 1), ["policy_data/offices.yaml: 字节偏移"]),
    "latin1_byte_source": (SOURCE, lambda old: b"Caf\xe9 " + old, ["policy_data/notices/2023-manufacturing/source.txt: 字节偏移3", "UTF-8"]),
    "flow_nesting_10k": (OFFICES, _append("deep: " + "[" * 10_000 + "]" * 10_000), ["policy_data/offices.yaml: 第", "嵌套超过"]),
    "unclosed_flow_100k": (OFFICES, _append("deep: " + "[" * 100_000), ["policy_data/offices.yaml: 第"]),
    "block_nesting_3000": (OFFICES, _append("deep:\n" + "".join(" " * (i + 1) + "-\n" for i in range(3000))),
                           ["policy_data/offices.yaml: 第", "嵌套超过"]),
    "compact_nesting_3000": (OFFICES, _append("deep: " + "- " * 3000 + "x"), ["policy_data/offices.yaml: 第"]),
    "integer_5000_digits": (OFFICES, _append("huge: " + "9" * 5000), ["policy_data/offices.yaml: 第", "整数超过"]),
    "not_a_mapping": (OFFICES, lambda old: b"- just\n- a list\n", ["policy_data/offices.yaml: (root)", "映射"]),
    "empty_file": (OFFICES, lambda old: b"", ["policy_data/offices.yaml: (root)"]),
    "nul_byte": (OFFICES, lambda old: old + b"\x00", ["policy_data/offices.yaml: 第"]),
    # Issue 21 finding 8: an alias inside its own anchor's node gave "无法读取: RecursionError", no file or line.
    "self_referencing_alias": (QUESTIONS, lambda old: old.replace(SHOW_WHEN, b"show_when: &sw {notice: *sw}", 1),
                               ["policy_data/questions.yaml: 第", "行", "*sw", "循环引用"]),
    "cycle_through_a_list": (OFFICES, _append("loop: &x [1, [2, {a: *x}]]"), ["policy_data/offices.yaml: 第", "*x", "循环引用"]),
}


@pytest.fixture
def data_copy(repo_root, tmp_path):
    root = tmp_path / "policy_data"
    shutil.copytree(repo_root / "policy_data", root, ignore=shutil.ignore_patterns("__pycache__"))
    return root


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_file_gets_a_one_line_message_and_compile_keeps_the_old_rules(name, data_copy, tmp_path, capsys):
    file, change, expected = HOSTILE[name]
    target = data_copy / file
    target.write_bytes(change(target.read_bytes()))
    out = tmp_path / "rules.json"
    previous = b'{"previous": "rules, byte for byte"}\n'
    out.write_bytes(previous)

    code = policy_build_main(["compile", "--root", str(data_copy), "--out", str(out)])

    err = capsys.readouterr().err
    assert code == 1
    assert "Traceback" not in err
    messages = [line for line in err.splitlines()[1:] if not line.startswith("（共")]
    first = next(line for line in messages if line.startswith("policy_data/"))
    for part in expected:
        assert part in first, f"{part!r} not in {first!r}"
    assert out.read_bytes() == previous
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_write_that_cannot_be_encoded_leaves_rules_json_untouched(data_copy, tmp_path, monkeypatch, capsys):
    """Finding 1's failure mode itself: even if a string UTF-8 cannot encode reached compile, the old
    rules.json would survive (the original bug truncated it to 0 bytes)."""
    import policy_build.rules_export as rules_export

    monkeypatch.setattr(rules_export, "export_rules", lambda policy: {"office": "万州区江南大道\ud800号"})
    out = tmp_path / "rules.json"
    out.write_bytes(b"old rules\n")
    assert policy_build_main(["compile", "--root", str(data_copy), "--out", str(out)]) == 1
    assert "原文件未改动" in capsys.readouterr().err
    assert out.read_bytes() == b"old rules\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["policy_data", "rules.json"]


def test_plain_yaml_still_keeps_dates_and_clock_times_as_text_and_reports_duplicates():
    from policy_build.yaml_source import parse_yaml

    data, duplicates = parse_yaml("day: 2025-09-01\nat: 18:00\nn: 420\nday: 2025-09-02\n")
    assert data == {"day": "2025-09-02", "at": "18:00", "n": 420}
    assert duplicates == [(4, "day")]


def test_an_anchor_written_once_and_merged_still_loads():
    from policy_build.yaml_source import parse_yaml

    """rules.yaml writes a route step shared by several routes once (&step / *step / <<:)."""
    data, _ = parse_yaml("a: &step {actor: 评委会, clause: c4}\nb: *step\nc: {<<: *step, clause: c5}\n")
    assert data == {"a": {"actor": "评委会", "clause": "c4"}, "b": {"actor": "评委会", "clause": "c4"},
                    "c": {"actor": "评委会", "clause": "c5"}}


def _self_referencing_alias(data_copy):
    questions = data_copy / QUESTIONS
    old = questions.read_bytes()
    questions.write_bytes(old.replace(SHOW_WHEN, b"show_when: &sw {notice: *sw}", 1))
    return old[:old.index(SHOW_WHEN)].count(b"\n") + 1          # the line the alias is on


def test_a_self_referencing_alias_is_one_message_from_site_build_and_mkdocs(data_copy, monkeypatch, capsys):
    """issue 21 finding 8: `show_when: &sw {notice: *sw}` gave a ~1,000-frame traceback from
    `python -m site_build` and `mkdocs build`; both now print the loader's one message with file and line."""
    import policy_build.loader as loader
    import site_build.__main__ as site_build_main
    from mkdocs.exceptions import PluginError

    from site_build import mkdocs_hook

    line = _self_referencing_alias(data_copy)
    monkeypatch.setattr(loader, "DEFAULT_ROOT", data_copy)
    assert site_build_main.main([]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "RecursionError" not in err
    assert err.splitlines()[1:] == [next(l for l in err.splitlines() if l.startswith("policy_data/"))]
    assert f"policy_data/questions.yaml: 第{line}行" in err and "循环引用" in err
    with pytest.raises(PluginError) as raised:
        mkdocs_hook.on_config({"site_url": ""})
    assert f"policy_data/questions.yaml: 第{line}行" in str(raised.value) and "循环引用" in str(raised.value)
