"""Score the site search on the public query set: top-1 / top-3 hit rates and the index size.

    .venv/bin/python -m site_build.finish.search_eval [site_dir]      (after `mkdocs build`)

Ranking runs in Node with the browser's own code (site_build/finish/search_rank.mjs imports
docs/assets/search/search.js), so the figures are the site's, not a re-implementation's.
A result is a hit only if its section holds the query's expected fact; the first result's snippet
(title + the sentence shown) is scored the same way.
"""
from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from site_build.finish.search_index import INDEX_PATH

REPO_ROOT = Path(__file__).resolve().parents[2]
QUERY_SET = REPO_ROOT / "tests" / "search_queries.yaml"
RANKER = Path(__file__).resolve().parent / "search_rank.mjs"


def load_queries(path: Path = QUERY_SET) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]


def squeeze(text: str) -> str:
    """Whitespace-insensitive comparison: a fact may wrap across lines or cells."""
    return "".join(text.split())


def holds(section_text: str, fact: str) -> bool:
    return squeeze(fact) in squeeze(section_text)


def rank_in_node(index_path: Path, queries: list[str], limit: int = 3) -> dict:
    node = shutil.which("node")
    if not node:
        raise RuntimeError("node is not installed (scripts/setup installs it)")
    # search.js is an ES module in a folder without package.json "type": say so once, quietly.
    run = subprocess.run([node, "--disable-warning=MODULE_TYPELESS_PACKAGE_JSON", str(RANKER)], input=json.dumps({"index": str(index_path), "queries": queries,
                                                                "limit": limit}),
                         capture_output=True, text=True, check=True, timeout=120)
    return json.loads(run.stdout)


def evaluate(site_dir: Path, queries: list[dict] | None = None) -> dict:
    queries = queries if queries is not None else load_queries()
    index_path = site_dir / INDEX_PATH
    ranked = rank_in_node(index_path, [str(q["q"]) for q in queries])["results"]
    top1 = top3 = snippets = 0
    misses, snippet_misses = [], []
    for query, results in zip(queries, ranked):
        hits = [holds(f"{r['title']}\n{r['body']}", query["fact"]) for r in results]
        top1 += bool(hits[:1] and hits[0])
        top3 += any(hits[:3])
        # What the reader sees of the first result (its title and snippet) holds the fact.
        if results and holds(f"{results[0]['title']}\n{results[0]['snippet']}", query["fact"]):
            snippets += 1
        elif hits[:1] and hits[0]:
            snippet_misses.append({"q": query["q"], "fact": query["fact"], "snippet": results[0]["snippet"]})
        if not (hits and hits[0]):
            first_hit = hits.index(True) + 1 if any(hits) else None
            misses.append({"q": query["q"], "want": query["section"], "rank": first_hit,
                           "got": [r["url"] for r in results]})
    raw = index_path.read_bytes()
    return {"queries": len(queries), "top1": top1 / len(queries), "top3": top3 / len(queries),
            "snippet": snippets / len(queries), "snippet_misses": snippet_misses,
            "index_bytes": len(raw), "index_gzip_bytes": len(gzip.compress(raw, 9)), "misses": misses}


def main(argv: list[str]) -> int:
    site_dir = Path(argv[0]) if argv else REPO_ROOT / "site"
    report = evaluate(site_dir)
    for miss in report["misses"]:
        where = f"hit at {miss['rank']}" if miss["rank"] else "NOT IN TOP 3"
        print(f"{where}: {miss['q']}  want {miss['want']}  got {' | '.join(miss['got'])}")
    for miss in report["snippet_misses"]:
        print(f"snippet lacks {miss['fact']!r}: {miss['q']}  shows {miss['snippet']}")
    print(f"queries {report['queries']}  top-1 {report['top1']:.1%}  top-3 {report['top3']:.1%}  "
          f"first snippet holds the fact {report['snippet']:.1%}  "
          f"index {report['index_bytes'] / 1024:.0f} KB, gzip -9 {report['index_gzip_bytes'] / 1024:.0f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
