"""Invalid rules or questions stop the build with the file and field named."""

from __future__ import annotations

import shutil

import pytest
import yaml

from policy_build.loader import PolicyError, load_policy


@pytest.fixture
def data_copy(tmp_path, repo_root):
    target = tmp_path / "policy_data"
    shutil.copytree(repo_root / "policy_data", target)
    return target


def _edit(path, change):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.mark.parametrize("change, expected", [
    (lambda d: d["exclusions"][0]["when"].update({"civil_servent": True}), "exclusions[0].when"),
    (lambda d: d["exclusions"][0]["when"].update({"retired": {"atleast": 1}}), "exclusions[0].when.retired"),
    (lambda d: d["routes"][0]["steps"][0].update({"role": "mayor"}), "routes[0].steps[0].role"),
    (lambda d: d["deferrals"][0].update({"references": ["no-such-doc"]}), "deferrals[0].references[0]"),
    (lambda d: d["allowances"][0].update({"clause": "c9-9"}), "allowances[0].clause"),
])
def test_bad_rules_name_file_and_field(data_copy, change, expected):
    _edit(data_copy / "notices" / "2025-bigdata" / "rules.yaml", change)
    with pytest.raises(PolicyError) as caught:
        load_policy(data_copy)
    assert f"policy_data/notices/2025-bigdata/rules.yaml: {expected}" in str(caught.value)


def test_bad_question_type_names_file_and_field(data_copy):
    _edit(data_copy / "questions.yaml", lambda d: d["questions"][1].update({"type": "choice"}))
    with pytest.raises(PolicyError) as caught:
        load_policy(data_copy)
    assert "policy_data/questions.yaml: questions[1].type" in str(caught.value)
