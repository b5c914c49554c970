"""`python -m policy_build new-notice` drafts a notice folder from the notice's text.

The drafted clause list must equal the committed one for every notice (ids, labels, titles, text,
parents): the committed lists were written by hand from the sources, so this shows the drafter
splits a real notice the way a person did. Where a person departed from the mechanical split (a
screenshot's text left out, an annex table kept in offices.yaml, a paragraph printed after the
sub-items it belongs above), the departure is an explicit entry in the notice folder's drafting.yaml,
and each committed clause concerned says so in its `source_notes`.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from policy_build.drafting import load_corrections, draft_clauses
from policy_build.new_notice import header_facts

FIELDS = ("id", "label", "title", "text", "parent")


def _fields(clause: dict) -> dict:
    return {k: clause.get(k) or ("" if k != "parent" else None) for k in FIELDS}


def test_drafted_clauses_equal_the_committed_ones(policy, notice_id):
    notice = policy.notices[notice_id]
    drafted = draft_clauses(notice.source_text, load_corrections(Path(policy.root) / "notices" / notice_id))
    assert [_fields(c) for c in drafted] == [_fields(c) for c in notice.clauses]


def test_header_facts_are_read_from_the_text(policy, notice_id):
    meta = policy.notices[notice_id].meta
    facts = header_facts(policy.notices[notice_id].source_text)
    assert dict(facts, issued_on=str(facts["issued_on"])) == {
        "doc_number": meta["doc_number"], "title": meta["title"], "issued_on": str(meta["issued_on"])}


def test_every_correction_is_explained_in_the_data(policy, notice_id):
    """A correction (the folder's drafting.yaml) is only allowed where the committed clause notes the departure."""
    notice = policy.notices[notice_id]
    correction = load_corrections(Path(policy.root) / "notices" / notice_id)
    noted = " ".join(" ".join(c.get("source_notes") or []) for c in notice.clauses)
    if correction.get("skip_lines"):
        assert "截图" in noted or "通讯录表格" in noted, notice_id
    for owner in correction.get("belongs_to", {}).values():
        assert notice.clause(owner).get("source_notes"), f"{notice_id}: {owner} has no source_notes"


def test_new_notice_writes_a_folder_that_fails_validation_until_filled_in(repo_root, tmp_path):
    data = tmp_path / "policy_data"
    subprocess.run(["cp", "-r", str(repo_root / "policy_data"), str(data)], check=True)
    source = tmp_path / "next.txt"
    source.write_text((repo_root / "policy_data/notices/2025-bigdata/source.txt").read_text(encoding="utf-8"), encoding="utf-8")

    def cli(*args):
        return subprocess.run([sys.executable, "-m", "policy_build", *args, "--root", str(data)],
                              cwd=repo_root, capture_output=True, text=True, timeout=120)

    drafted = cli("new-notice", str(source), "--id", "2026-next")
    assert drafted.returncode == 0, drafted.stderr
    folder = data / "notices" / "2026-next"
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [f"{k}.yaml" for k in ("notice", "timeline", "fees", "rules", "evidence", "contacts")] + ["source.txt"])
    assert (folder / "source.txt").read_text(encoding="utf-8") == source.read_text(encoding="utf-8")

    checked = cli("validate")
    assert checked.returncode == 1 and "Traceback" not in checked.stderr
    for kind in ("notice", "timeline", "fees", "rules", "contacts"):
        assert f"policy_data/notices/2026-next/{kind}.yaml: " in checked.stderr
    assert "fees.yaml: grades[0].yuan: 草稿待填写 (draft placeholder: fill in from the notice): 待填写：金额" in checked.stderr
    assert "2023-manufacturing" not in checked.stderr and "notices/2025-bigdata/" not in checked.stderr

    again = cli("new-notice", str(source), "--id", "2026-next")
    assert again.returncode == 1 and "已存在" in again.stderr


@pytest.mark.parametrize("bad_id", ["Next", "2026_next", "next-2026"])
def test_new_notice_refuses_a_malformed_id(repo_root, tmp_path, bad_id):
    run = subprocess.run([sys.executable, "-m", "policy_build", "new-notice", "x.txt", "--id", bad_id,
                          "--root", str(tmp_path)], cwd=repo_root, capture_output=True, text=True, timeout=60)
    assert run.returncode == 2 and "--id" in run.stderr
