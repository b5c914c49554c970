"""Invalid data must fail the build with a message naming file, field and expectation.

Each case in bad_cases.yaml mutates a copy of the real policy_data/ tree.
"""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from notice_folders import notice_folders
import yaml

from policy_build.errors import field_path
from policy_build.loader import PolicyError, load_policy
from policy_build.yaml_source import parse_yaml

CASES = parse_yaml((Path(__file__).with_name("bad_cases.yaml")).read_text(encoding="utf-8"))[0]["cases"]
_TOKEN = re.compile(r"([^.\[\]]+)|\[(\d+)\]|\[id=([^\]]+)\]")


def resolve(data, dotted: str) -> tuple:
    """'events[id=fee_payment].start' -> ('events', 2, 'start'), checked against `data`."""
    parts, node = [], data
    for key, index, ident in _TOKEN.findall(dotted):
        if ident:
            index = next(i for i, item in enumerate(node) if item.get("id") == ident)
        part = int(index) if index != "" else key
        parts.append(part)
        node = node[part] if isinstance(node, list) or part in node else {}
    return tuple(parts)


def mutate(root: Path, case: dict) -> str:
    """Apply `case` to the tree at `root`; return the resolved field path."""
    target = root / case["file"]
    if case.get("delete_file"):
        target.unlink()
        return ""
    data = parse_yaml(target.read_text(encoding="utf-8"))[0]
    parts = resolve(data, case["path"])
    parent = data
    for part in parts[:-1]:
        parent = parent[part]
    if case.get("delete"):
        del parent[parts[-1]]
    else:
        parent[parts[-1]] = case["set"]
    target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")
    return field_path(parts)


@pytest.fixture
def data_copy(repo_root, tmp_path) -> Path:
    root = tmp_path / "policy_data"
    shutil.copytree(repo_root / "policy_data", root)
    return root


def test_the_copied_tree_is_valid(data_copy):
    # Otherwise a case could pass on an error it did not cause.
    load_policy(data_copy)


def test_cases_cover_the_required_kinds():
    names = {case["name"] for case in CASES}
    required = {"wrong_type", "missing_field", "dangling_clause_ref", "bad_office_phone", "bad_postcode",
                "start_after_end", "duplicate_clause_id", "duplicate_office", "unknown_office_in_route",
                "parent_missing", "fee_window_unknown", "date_malformed", "unknown_property"}
    assert required <= names and len(CASES) == len(names) >= 12


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_bad_data_is_rejected_with_a_precise_message(data_copy, case):
    """Each case of bad_cases.yaml; those after the "issue 21 finding 7" comment there are values the
    contract cannot hold (non-finite numbers, min > max, 240.0 as money, control and bidi characters)."""
    path = mutate(data_copy, case)
    with pytest.raises(PolicyError) as caught:
        load_policy(data_copy)
    text = str(caught.value)
    file = f"policy_data/{case['file']}"
    for expected in case["expect"]:
        assert expected.format(file=file, path=path) in text, text
    if "errors" in case:
        assert len(caught.value.errors) == case["errors"], text
    if "exact" in case:
        assert case["exact"] in caught.value.errors


def test_every_error_is_reported_at_once(data_copy):
    mutate(data_copy, {"file": "notices/2023-manufacturing/fees.yaml", "path": "payment.window", "set": "x"})
    mutate(data_copy, {"file": "offices.yaml", "path": "offices[40].postcode", "set": "4000"})
    mutate(data_copy, {"file": "offices.yaml", "path": "offices[0].phones[0]", "set": "5852066"})
    with pytest.raises(PolicyError) as caught:
        load_policy(data_copy)
    errors = caught.value.errors
    assert len(errors) == 3
    # Schema problems first, in file order; then cross-file checks.
    assert errors[0].startswith("policy_data/offices.yaml: offices[0].phones[0]: '5852066'")
    assert errors[1].startswith("policy_data/offices.yaml: offices[40].postcode: '4000'")
    assert errors[2].startswith("policy_data/notices/2023-manufacturing/fees.yaml: payment.window: 'x'")
    assert str(caught.value).splitlines()[0] == errors[0]
    assert "共 3 处错误" in str(caught.value)


def test_unquoted_dates_and_times_load_as_text(data_copy):
    timeline = data_copy / "notices/2023-manufacturing/timeline.yaml"
    text = timeline.read_text(encoding="utf-8")
    assert 'time: "24:00"' in text
    timeline.write_text(text.replace('time: "24:00"', "time: 24:00").replace("{date: 2023-10-13", '{date: "2023-10-13"'),
                        encoding="utf-8")
    fee = next(e for e in load_policy(data_copy).notices["2023-manufacturing"].timeline["events"] if e["id"] == "fee_payment")
    assert fee["end"] == {"date": "2023-10-13", "time": "24:00"}


def test_duplicate_yaml_key_is_reported(data_copy):
    offices = data_copy / "offices.yaml"
    offices.write_text(offices.read_text(encoding="utf-8") + 'area_code: "024"\n', encoding="utf-8")
    with pytest.raises(PolicyError, match=r"policy_data/offices.yaml: 第\d+行: 重复的键 'area_code'"):
        load_policy(data_copy)


def test_yaml_syntax_error_names_file_and_line(data_copy):
    fees = data_copy / "notices/2025-bigdata/fees.yaml"
    fees.write_text(fees.read_text(encoding="utf-8") + "grades: [unclosed\n", encoding="utf-8")
    with pytest.raises(PolicyError, match=r"policy_data/notices/2025-bigdata/fees.yaml: 第\d+行: YAML 语法错误"):
        load_policy(data_copy)


def _cli(repo_root, *args):
    return subprocess.run([sys.executable, "-m", "policy_build", *args], cwd=repo_root,
                          capture_output=True, text=True, timeout=120)


def test_validate_command_fails_on_bad_data(repo_root, data_copy):
    mutate(data_copy, {"file": "offices.yaml", "path": "offices[17].phones[0]", "set": "8726870"})
    run = _cli(repo_root, "validate", "--root", str(data_copy))
    assert run.returncode == 1
    assert "policy_data/offices.yaml: offices[17].phones[0]: '8726870' — 电话应为8位数字" in run.stderr
    assert "Traceback" not in run.stderr


def test_validate_command_passes_on_the_real_data(repo_root):
    run = _cli(repo_root, "validate")
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith(f"policy_data 校验通过：{len(notice_folders())} 份通知") and "41 个区县职改办" in run.stdout


def test_compile_never_writes_nan(data_copy, tmp_path, monkeypatch, capsys):
    """issue 21 finding 7: compile wrote non-standard JSON (`NaN`); with allow_nan=False a non-finite
    number that got past the loader is one message and the previous rules.json is kept."""
    import policy_build.rules_export as rules_export
    from policy_build.__main__ import main as policy_build_main

    monkeypatch.setattr(rules_export, "export_rules", lambda policy: {"max": float("nan")})
    out = tmp_path / "rules.json"
    out.write_bytes(b"old rules\n")
    assert policy_build_main(["compile", "--root", str(data_copy), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1 and "NaN" not in out.read_text()
    assert out.read_bytes() == b"old rules\n"
