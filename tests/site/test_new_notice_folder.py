"""Acceptance: next year's notice is its folder, drafted by `new-notice` from its text; nothing else.

In a copy of the repository a third notice is added as policy_data/ADDING_A_NOTICE.md says. Its text is
saved (the newest notice's, with a new 文号 and date) and `python -m policy_build new-notice` drafts the
folder from it; then what a maintainer writes by hand is filled in, here the newest notice's own hand
work under the new id: the header facts the draft leaves as placeholders, the clauses its drafting.yaml
corrects, source notes, rules, timeline, fees, evidence, contacts and fidelity facts, later its golden
cases. Everything else new-notice drafted stays as drafted, and no file outside the folder is edited.

On the way, new-notice is checked against the template's maintainer: it reads 文号, title and date
from the text and drafts the template's clause tree, with the template's text wherever the template
needed no drafting correction. Then: the coverage test checks the new rules (failing until golden
cases exercise them, passing once they do), the data validate, the checker accepts the new notice, the
built site has its page in the nav and on the start page, the comparison page, the references page
(its citations) and the calendars show it, search finds its clauses, its artefacts render, the
suite's tests below pass in the copy, and `git status` shows changes only inside the new folder.

The suite in the copy (≈75 s of this module's ≈160 s): tests/checker, tests/data and tests/site, which
read the notice folders, the compiled rules or the built site; the site tests read this module's build of
the copy (YZT_BUILT_SITE) instead of building it once more. Left out: this file (it would recurse); the engine
comparison (a Zensical build of the copy, and Chromium) and the build-work count (one more build that
counts loads and compilations); tests/pyodide (≈35 s: every golden case again inside Pyodide, for
byte-parity with CPython, a check of the runtime the new folder does not change); tests/browser and
tests/deploy (Chromium and nginx, ≈8 minutes). With those the copy would double the suite's time, past
its 10-minute budget.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from notice_folders import FACTS_FILE, GOLDEN_FILE
from policy_build.drafting import draft_clauses, load_corrections
from policy_build.schema_check import PLACEHOLDER

REPO = Path(__file__).resolve().parents[2]
_SKIP_ANYWHERE = shutil.ignore_patterns("__pycache__", ".pytest_cache", ".hypothesis", "*.egg-info")
_SKIP_AT_TOP = {".git", ".venv", "node_modules", "site", "build", "dist"}     # not tests/site


def _skip(folder: str, names: list[str]) -> set[str]:
    """What the copy leaves out: caches, installs and build output (the top-level site/, not tests/site/)."""
    top = set(names) & _SKIP_AT_TOP if Path(folder) == REPO else set()
    return top | _SKIP_ANYWHERE(folder, names)


def _unused_id(used: set[str], year: int = 2026) -> str:
    """An id no notice folder uses (next year's real notice will want the obvious one)."""
    return next(f"{year}-test-{n}" for n in range(1, 1000) if f"{year}-test-{n}" not in used)


NEW_ID = _unused_id({p.name for p in (REPO / "policy_data" / "notices").iterdir()})
NEW_DOC = "渝大数据发〔2026〕7号"
NEW_TITLE = "2026年大数据智能化专业职称"
NEW_DATE = dt.date(2026, 9, 1)
# The suite run in the copy, and what it leaves out (see the module docstring).
IN_THE_COPY = ("tests/checker", "tests/data", "tests/site", f"--ignore=tests/site/{Path(__file__).name}",
               "--ignore=tests/site/test_engines.py", "--ignore=tests/site/test_build_work.py")
FIELDS = ("id", "label", "title", "text", "parent")


def _newest(policy):
    return policy.newest_first()[0]


def _folder(notice) -> Path:
    return Path(notice.files["notice"].path).parent


def _printed(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"      # the date line the notice ends with, as header_facts reads it


def _renumbered(text: str, template) -> str:
    """A text of the template notice as the new notice prints it: its 文号 and date replaced."""
    issued = dt.date.fromisoformat(str(template.meta["issued_on"]))
    return text.replace(template.meta["doc_number"], NEW_DOC).replace(_printed(issued), _printed(NEW_DATE))


def _fields(clause: dict, renumber=lambda text: text) -> dict:
    return {k: renumber(clause.get(k) or "") if k != "parent" else clause.get(k) for k in FIELDS}


def _write_source(inbox: Path, template) -> Path:
    """The new notice's text as a maintainer saves it: the template's, with a new 文号 and date."""
    text = _renumbered(template.source_text, template)
    assert NEW_DOC in text and _printed(NEW_DATE) in text
    path = inbox / "notice.txt"
    path.write_text(text, encoding="utf-8")
    return path


def _corrected_clauses(template) -> set[str]:
    """The template's clauses its drafting.yaml changes (the departures from the mechanical split)."""
    folder = _folder(template)
    plain = draft_clauses(template.source_text)
    corrected = draft_clauses(template.source_text, load_corrections(folder))
    return {a["id"] for a, b in zip(plain, corrected, strict=True) if _fields(a) != _fields(b)}


def _is_placeholder(value) -> bool:
    return PLACEHOLDER in json.dumps(value, ensure_ascii=False, default=str)


def _fill_in_by_hand(folder: Path, template) -> None:
    """ADDING_A_NOTICE.md steps 2–4, the maintainer's part: here the template's own hand work, under
    the new id. What new-notice drafted (the header facts it read, the clauses) stays as drafted,
    except the clauses a drafting correction changes, which the maintainer edits as drafting.yaml
    records; the source notes explain them. Golden cases come later (the coverage test)."""
    template_folder = _folder(template)
    notice = yaml.safe_load((folder / "notice.yaml").read_text(encoding="utf-8"))
    for key, value in template.meta.items():            # issuer, short_title, committee …
        if key not in notice or _is_placeholder(notice[key]):
            notice[key] = NEW_TITLE if key == "short_title" else value
    committed = {c["id"]: c for c in template.clauses}
    renumber = lambda text: _renumbered(text, template)     # noqa: E731
    for index, clause in enumerate(notice["clauses"]):
        theirs = committed[clause["id"]]
        if _fields(clause) != _fields(theirs, renumber):    # a departure drafting.yaml records
            clause = notice["clauses"][index] = {k: renumber(theirs[k]) if isinstance(theirs[k], str) else theirs[k]
                                                 for k in FIELDS if k in theirs}
        if theirs.get("source_notes"):
            clause["source_notes"] = [renumber(note) for note in theirs["source_notes"]]
    (folder / "notice.yaml").write_text(yaml.safe_dump(notice, allow_unicode=True, sort_keys=False, width=1000),
                                        encoding="utf-8")
    # drafting.yaml, rules, timeline, fees, evidence, contacts: over the skeletons new-notice wrote.
    skeletons = {p.name for p in folder.iterdir()} - {"notice.yaml", "source.txt"}
    by_hand = [p for p in template_folder.iterdir()
               if p.is_file() and p.name not in ("notice.yaml", "source.txt", GOLDEN_FILE, FACTS_FILE)]
    assert skeletons <= {p.name for p in by_hand}, skeletons
    for path in by_hand:
        (folder / path.name).write_text(_renumbered(path.read_text(encoding="utf-8"), template), encoding="utf-8")
    facts = (template_folder / FACTS_FILE).read_text(encoding="utf-8")
    (folder / FACTS_FILE).write_text(_own_facts(facts, template), encoding="utf-8")


def _own_facts(text: str, template) -> str:
    """The template's fidelity facts about the new notice: its id, 文号 and date, each fact renamed
    (names are unique across folders)."""
    issued = str(template.meta["issued_on"])
    text = _renumbered(text, template).replace(f'"{issued}"', f'"{NEW_DATE.isoformat()}"')
    assert text.count(f'"{template.id}"') == 1, "the facts name their notice once, as a constant"
    text = text.replace(f'"{template.id}"', f'"{NEW_ID}"')
    head, opening, facts = text.partition("FACTS = [\n")
    return head + opening + re.sub(r'(?m)^    \("([^"]+)"', rf'    ("\1_{NEW_ID}"', facts)


def _run(repo: Path, *args: str, check: bool = True, **extra_env: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1", **extra_env)
    run = subprocess.run(args, cwd=repo, env=env, capture_output=True, text=True, timeout=600)
    if check:
        assert run.returncode == 0, f"{args} failed:\n{run.stdout}\n{run.stderr}"
    return run


@pytest.fixture(scope="module")
def drafted(tmp_path_factory, policy):
    """A copy of the repository, and in it the folder `new-notice` drafted from the new text: (repo,
    the drafted notice.yaml as written)."""
    repo = tmp_path_factory.mktemp("repo") / "yzt"
    shutil.copytree(REPO, repo, ignore=_skip)
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
    source = _write_source(tmp_path_factory.mktemp("inbox"), _newest(policy))    # saved outside the checkout
    _run(repo, sys.executable, "-m", "policy_build", "new-notice", str(source), "--id", NEW_ID)
    notice_yaml = repo / "policy_data" / "notices" / NEW_ID / "notice.yaml"
    return repo, yaml.safe_load(notice_yaml.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def repo_with_new_notice(drafted, policy):
    repo, _ = drafted
    _fill_in_by_hand(repo / "policy_data" / "notices" / NEW_ID, _newest(policy))
    return repo


@pytest.fixture(scope="module")
def with_golden_cases(repo_with_new_notice, policy):
    """The filled-in folder with its golden cases (written by the coverage test, which runs first). The
    site is built after they are there: the runtime snapshot it makes is keyed by the golden cases, so
    the site tests' own build in the copy reuses it."""
    if not (repo_with_new_notice / "policy_data" / "notices" / NEW_ID / GOLDEN_FILE).exists():
        _add_golden_cases(repo_with_new_notice, _newest(policy))
    return repo_with_new_notice


def _add_golden_cases(repo: Path, template) -> None:
    """Golden cases for the new notice, in its own folder (here: the template's cases under the new id)."""
    data = yaml.safe_load((_folder(template) / GOLDEN_FILE).read_text(encoding="utf-8"))
    data = {"cases": [dict(case, name=f"{case['name']}_{NEW_ID}", answers=dict(case["answers"], notice=NEW_ID))
                      for case in data["cases"]]}
    golden = repo / "policy_data" / "notices" / NEW_ID / GOLDEN_FILE
    golden.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_new_notice_drafts_the_header_and_every_clause(drafted, policy):
    """From the template's text (bar 文号 and date) new-notice drafts what the template's maintainer
    wrote: the 文号, title and date the text prints, and the template's clauses — the same tree, and
    the same title and text wherever the template's drafting.yaml corrects nothing."""
    _, draft = drafted
    template = _newest(policy)
    assert (draft["doc_number"], draft["title"], draft["issued_on"]) == (NEW_DOC, template.meta["title"], NEW_DATE)
    assert draft["source"] == f"notices/{NEW_ID}/source.txt"
    tree = ("id", "label", "parent")
    assert [[c.get(k) for k in tree] for c in draft["clauses"]] == [[c.get(k) for k in tree] for c in template.clauses]
    expected = {c["id"]: _fields(c, lambda text: _renumbered(text, template)) for c in template.clauses}
    differing = {c["id"] for c in draft["clauses"] if _fields(c) != expected[c["id"]]}
    assert differing == _corrected_clauses(template)


def test_the_coverage_test_covers_the_new_notices_rules(repo_with_new_notice, policy):
    repo, python = repo_with_new_notice, sys.executable
    coverage = ["-m", "pytest", "-v", "-p", "no:cacheprovider", "tests/checker/test_coverage.py"]
    _run(repo, python, "-m", "policy_build", "compile")

    before = _run(repo, python, *coverage, check=False)
    assert before.returncode == 1
    assert f"{NEW_ID}/rules.yaml cites clauses no golden case exercises" in before.stdout

    _add_golden_cases(repo, _newest(policy))
    after = _run(repo, python, *coverage, check=False)
    assert after.returncode == 0, after.stdout
    assert f"test_every_rule_clause_is_exercised[{NEW_ID}] PASSED" in after.stdout


@pytest.fixture(scope="module")
def built_copy(with_golden_cases) -> tuple[Path, Path]:
    """The copy's site, built once (what the build printed beside it): read here and by the copy's own
    site tests (tests/site/conftest.py built_site), which would otherwise build it again."""
    repo = with_golden_cases
    site, log = repo / "site", repo / "build" / "site-tests.log"
    built = _run(repo, str(Path(sys.executable).parent / "mkdocs"), "build", "--strict", "--site-dir", str(site))
    log.write_text(built.stdout + built.stderr, encoding="utf-8")
    return site, log


def test_a_new_folder_appears_everywhere_and_is_checked(with_golden_cases, built_copy, policy):
    repo, python = with_golden_cases, sys.executable
    count = len(policy.notices) + 1

    validated = _run(repo, python, "-m", "policy_build", "validate")
    assert validated.stdout.startswith(f"policy_data 校验通过：{count} 份通知")

    site = built_copy[0]

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

    # The site: its page, in the nav and on the start page; in the comparison; its citations; its calendar.
    start = (site / "index.html").read_text(encoding="utf-8")
    nav = start.index(f'<a href="notices/{NEW_ID}/" class="md-nav__link')          # in the nav, newest first
    assert nav < start.index(f'<a href="notices/{_newest(policy).id}/" class="md-nav__link')
    assert f'id="notice-{NEW_ID}"' in start and NEW_TITLE in start                # its start-page card
    assert NEW_DOC in (site / "notices" / NEW_ID / "index.html").read_text(encoding="utf-8")
    assert NEW_DOC in (site / "compare" / "index.html").read_text(encoding="utf-8")
    # Its citations of other documents, among each document's 引用位置 (found in its clauses).
    assert f'href="../notices/{NEW_ID}/#' in (site / "references" / "index.html").read_text(encoding="utf-8")
    calendar = (site / "calendar" / f"{NEW_ID}.ics").read_text(encoding="utf-8")
    assert f"UID:{NEW_ID}-" in calendar
    assert f"calendar/{NEW_ID}.ics" in (site / "timeline" / "index.html").read_text(encoding="utf-8")
    # Search: the finishing step indexed its clauses.
    index = json.loads((site / "search" / "index.json").read_text(encoding="utf-8"))
    assert any(doc[0].startswith(f"notices/{NEW_ID}/#") for doc in index["docs"])


def test_the_suite_passes_in_the_copy_and_only_the_folder_changed(with_golden_cases, built_copy):
    repo, python = with_golden_cases, sys.executable
    site, log = built_copy
    # Its rendered artefacts, then the suite's tests that read the notice folders or the built site
    # (the module docstring says which are left out, and why).
    _run(repo, python, "-m", "tests.checker.artefacts")
    assert any((repo / "policy_data" / "notices" / NEW_ID / "artefacts").glob("*.txt"))
    _run(repo, python, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", *IN_THE_COPY,
         YZT_BUILT_SITE=str(site), YZT_BUILT_SITE_LOG=str(log))
    # Nothing outside the notice's folder changed (rules.json, build/ and site/ are generated, ignored).
    # (node_modules is the test's own link to the shared install.)
    (repo / ".git" / "info" / "exclude").write_text("/node_modules\n", encoding="utf-8")
    status = _run(repo, "git", "status", "-z", "--porcelain", "--untracked-files=all").stdout.split("\0")
    paths = [entry[3:] for entry in status if entry]
    assert paths and not [p for p in paths if not p.startswith(f"policy_data/notices/{NEW_ID}/")], paths
