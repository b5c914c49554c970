"""One `mkdocs build` does each expensive thing once: the policy is loaded once (the generated
pages and the search index share it) and every Jinja2 template file is compiled once.

The build runs in a fresh interpreter (nothing cached by other tests) with counters around
the three operations; the site goes to a temporary folder.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

DRIVER = r"""
import collections, json, sys
import jinja2
from mkdocs.commands.build import build
from mkdocs.config import load_config
sys.path.append(sys.argv[1])
from pathlib import Path
from policy_build import loader
import site_build.generate.templating
# An empty bytecode cache: with build/jinja/ warm nothing would be compiled and the count would prove nothing.
site_build.generate.templating.BYTECODE_CACHE = Path(sys.argv[3])

counts = collections.Counter()
compiled = collections.Counter()

post_init = loader.Policy.__post_init__
def counting_post_init(self):
    counts["policy"] += 1
    post_init(self)
loader.Policy.__post_init__ = counting_post_init

compile_ = jinja2.Environment.compile
def counting_compile(self, source, name=None, filename=None, raw=False, defer_init=False):
    if filename and filename.endswith(".j2"):
        compiled[name] += 1
    return compile_(self, source, name, filename, raw, defer_init)
jinja2.Environment.compile = counting_compile

build(load_config(config_file=sys.argv[1] + "/mkdocs.yml", site_dir=sys.argv[2]))
print(json.dumps({"counts": counts, "compiled": compiled}))
"""


def test_a_build_loads_the_policy_once_and_compiles_each_template_once(tmp_path):
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    run = subprocess.run([sys.executable, "-c", DRIVER, str(REPO), str(tmp_path / "site"), str(tmp_path / "jinja")],
                         cwd=REPO, env=env,
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout.strip().splitlines()[-1])
    assert report["counts"] == {"policy": 1}
    templates = {p.name for p in (REPO / "site_build" / "generate" / "templates").glob("*.j2")}
    assert set(report["compiled"]) == templates, report["compiled"]
    assert all(times == 1 for times in report["compiled"].values()), report["compiled"]
    assert (tmp_path / "site" / "notices").is_dir()
