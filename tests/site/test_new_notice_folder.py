"""Acceptance: next year's notice is its folder and its source text, nothing else.

A copy of the repository gets a third notice — a copy of the newest notice's folder under a new id
and 文号, plus its source text — and nothing else is edited. Then: the data validate, the checker
accepts the new notice, the built site has its page in the nav and on the start page, the comparison
page and the calendars show it, search finds its clauses, the coverage test checks its rules (failing
until golden cases exercise them, passing once they do), its artefacts render, the data and checker
tests pass, and `git status` shows changes only inside the new folder. One site build.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
SKIP = shutil.ignore_patterns(".git", ".venv", "node_modules", "site", "build", "dist", "__pycache__",
                              ".pytest_cache", ".hypothesis", "*.egg-info")
def _unused_id(used: set[str], year: int = 2026) -> str:
    """An id no notice folder uses (next year's real notice will want the obvious one)."""
    return next(f"{year}-test-{n}" for n in range(1, 1000) if f"{year}-test-{n}" not in used)


NEW_ID = _unused_id({p.name for p in (REPO / "policy_data" / "notices").iterdir()})
NEW_DOC = "渝大数据发〔2026〕7号"
NEW_TITLE = "2026年大数据智能化专业职称"


def _newest(policy):
    return policy.newest_first()[0]


def _add_notice(repo: Path, template) -> None:
    """What a maintainer does: copy a folder, give it an id, 文号 and source text. Nothing else."""
    data = repo / "policy_data"
    shutil.copytree(data / "notices" / template.id, data / "notices" / NEW_ID,
                    ignore=shutil.ignore_patterns("golden_cases.yaml", "artefacts"))   # its own come later
    old_doc = template.meta["doc_number"]
    source = template.source_text.replace(old_doc, NEW_DOC)
    year, month, day = (int(x) for x in str(template.meta["issued_on"]).split("-"))
    printed = f"{year}年{month}月{day}日"          # the date line the notice ends with, as header_facts reads it
    assert printed in source, printed
    source = source.replace(printed, "2026年9月1日")
    (data / "notices" / NEW_ID / "source.txt").write_text(source, encoding="utf-8")
    notice_yaml = data / "notices" / NEW_ID / "notice.yaml"
    text = notice_yaml.read_text(encoding="utf-8")
    for old, new in ((f"id: {template.id}", f"id: {NEW_ID}"), (old_doc, NEW_DOC),
                     (f"short_title: {template.meta['short_title']}", f"short_title: {NEW_TITLE}"),
                     (f"issued_on: {template.meta['issued_on']}", "issued_on: 2026-09-01"),
                     (template.meta["source"], f"notices/{NEW_ID}/source.txt")):
        assert old in text, old
        text = text.replace(old, new, 1)
    notice_yaml.write_text(text.replace(printed, "2026年9月1日"), encoding="utf-8")     # its 落款 clause, as printed


def _run(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    run = subprocess.run(args, cwd=repo, env=env, capture_output=True, text=True, timeout=600)
    if check:
        assert run.returncode == 0, f"{args} failed:\n{run.stdout}\n{run.stderr}"
    return run


@pytest.fixture(scope="module")
def repo_with_new_notice(tmp_path_factory, policy):
    repo = tmp_path_factory.mktemp("repo") / "yzt"
    shutil.copytree(REPO, repo, ignore=SKIP)
    # A repository of its own, so that `git status` can show what adding the notice touched.
    _run(repo, "git", "init", "-q")
    _run(repo, "git", "add", "-A")
    _run(repo, "git", "-c", "user.name=test", "-c", "user.email=test@example.org", "commit", "-qm", "before")
    (repo / "node_modules").symlink_to(REPO / "node_modules")   # Pyodide, for the vendoring step (after the commit)
    # The content-addressed caches of the build (compressed bytes, pinyin): what a maintainer's checkout
    # has too. Without them the copy recompresses the unchanged wasm at brotli's strongest setting.
    for cache in ("compressed", "compressed-runtime", "place_pinyin.json"):
        if (REPO / "build" / cache).is_dir():
            shutil.copytree(REPO / "build" / cache, repo / "build" / cache)
        elif (REPO / "build" / cache).is_file():
            (repo / "build").mkdir(exist_ok=True)
            shutil.copy2(REPO / "build" / cache, repo / "build" / cache)
    _add_notice(repo, _newest(policy))
    return repo


def test_a_new_folder_appears_everywhere_and_is_checked(repo_with_new_notice, policy):
    repo, python = repo_with_new_notice, sys.executable
    count = len(policy.notices) + 1

    validated = _run(repo, python, "-m", "policy_build", "validate")
    assert validated.stdout.startswith(f"policy_data 校验通过：{count} 份通知")

    site = repo / "site"
    _run(repo, str(Path(python).parent / "mkdocs"), "build", "--strict", "--quiet", "--site-dir", str(site))

    # The checker (rules.json compiled by the build) offers and accepts the new notice.
    rules = json.loads((repo / "checker" / "data" / "rules.json").read_text(encoding="utf-8"))
    options = next(q for q in rules["questions"] if q["key"] == "notice")["options"]
    assert options[0]["value"] == NEW_ID and NEW_DOC in options[0]["label"]      # newest first
    # aid_service_years is asked only for notices whose rules use it (questions.yaml: using_this_question).
    answers = json.dumps({"notice": NEW_ID, "path": "normal", "level": "intermediate", "employer": "city_institution",
                          "aid_service_years": 2, "today": "2026-11-28"})
    checked = subprocess.run([python, "-m", "checker", "--json"], cwd=repo, input=answers,
                             capture_output=True, text=True, timeout=120)
    assert checked.returncode == 0, checked.stderr
    result = json.loads(checked.stdout)
    assert result["notice"]["id"] == NEW_ID and result["notice"]["doc_number"] == NEW_DOC
    assert "aid_service_years" not in result["ignored"]

    # The site: its page, in the nav and on the start page; in the comparison; its calendar.
    start = (site / "index.html").read_text(encoding="utf-8")
    nav = start.index(f'<a href="notices/{NEW_ID}/" class="md-nav__link')          # in the nav, newest first
    assert nav < start.index(f'<a href="notices/{_newest(policy).id}/" class="md-nav__link')
    assert f'id="notice-{NEW_ID}"' in start and NEW_TITLE in start                # its start-page card
    assert NEW_DOC in (site / "notices" / NEW_ID / "index.html").read_text(encoding="utf-8")
    assert NEW_DOC in (site / "compare" / "index.html").read_text(encoding="utf-8")
    calendar = (site / "calendar" / f"{NEW_ID}.ics").read_text(encoding="utf-8")
    assert f"UID:{NEW_ID}-" in calendar
    assert f"calendar/{NEW_ID}.ics" in (site / "timeline" / "index.html").read_text(encoding="utf-8")
    # Search: the finishing step indexed its clauses.
    index = json.loads((site / "search" / "index.json").read_text(encoding="utf-8"))
    assert any(doc[0].startswith(f"notices/{NEW_ID}/#") for doc in index["docs"])


def test_the_coverage_test_covers_the_new_notices_rules(repo_with_new_notice, policy):
    repo, python = repo_with_new_notice, sys.executable
    coverage = ["-m", "pytest", "-v", "-p", "no:cacheprovider", "tests/checker/test_coverage.py"]
    _run(repo, python, "-m", "policy_build", "compile")

    before = _run(repo, python, *coverage, check=False)
    assert before.returncode == 1
    assert f"{NEW_ID}/rules.yaml cites clauses no golden case exercises" in before.stdout

    # Golden cases for the new notice, in its own folder (here: the template notice's cases under the new id).
    template = _newest(policy).id
    data = yaml.safe_load((repo / "policy_data" / "notices" / template / "golden_cases.yaml").read_text(encoding="utf-8"))
    data = {"cases": [dict(case, name=f"{case['name']}_{NEW_ID}", answers=dict(case["answers"], notice=NEW_ID))
                      for case in data["cases"]]}
    golden = repo / "policy_data" / "notices" / NEW_ID / "golden_cases.yaml"
    golden.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    after = _run(repo, python, *coverage, check=False)
    assert after.returncode == 0, after.stdout
    assert f"test_every_rule_clause_is_exercised[{NEW_ID}] PASSED" in after.stdout

    # Its rendered artefacts, then the data and checker tests that read every notice folder (the whole
    # suite in the copy would break the 10-minute budget; the site tests ran above). The fidelity facts
    # are not among them: the copied folder carries its template's facts, not facts of its own.
    _run(repo, python, "-m", "tests.checker.artefacts")
    assert any((repo / "policy_data" / "notices" / NEW_ID / "artefacts").glob("*.txt"))
    _run(repo, python, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", "tests/checker/test_golden.py",
         "tests/checker/test_artefacts.py", "tests/data/test_drafting.py", "tests/data/test_policy_clause_ids.py",
         "tests/data/test_policy_completeness.py")
    # Nothing outside the notice's folder changed (rules.json, build/ and site/ are generated, ignored).
    # (node_modules is the test's own link to the shared install.)
    (repo / ".git" / "info" / "exclude").write_text("/node_modules\n", encoding="utf-8")
    status = _run(repo, "git", "status", "-z", "--porcelain", "--untracked-files=all").stdout.split("\0")
    paths = [entry[3:] for entry in status if entry]
    assert paths and not [p for p in paths if not p.startswith(f"policy_data/notices/{NEW_ID}/")], paths
