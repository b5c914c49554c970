"""MkDocs hook (mkdocs.yml `hooks:`): write the site search index once the pages are built.

The index is cut from the built pages, so it always says what the pages say; the hidden
keywords come from policy_data (site_build/search_index.py).
"""
from __future__ import annotations

import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.append(str(REPO_ROOT))


def on_post_build(config, **kwargs):
    from policy_build.loader import load_policy
    from site_build.search_index import write_index

    write_index(Path(config["site_dir"]), load_policy())
