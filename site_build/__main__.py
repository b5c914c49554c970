"""python -m site_build [generate | finish SITE_DIR | build [--engine mkdocs|zensical]]

generate (the default): write build/generated_docs/ (+ engine.yml beside it) from policy_data/;
  with --engine zensical: build/zensical/docs/ and build/zensical/engine.yml.
finish SITE_DIR: the finishing step on a folder any engine built (site_build/finish/__init__.py).
build: generate → engine → finish into site/ (site_build/engine.py); also `scripts/build`.
The site URL comes from YZT_SITE_URL, as in mkdocs.yml.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from policy_build.errors import PolicyError
from policy_build.stdout import StdoutFailed, say, tell
from site_build.engine import ENGINES, EngineError, build
from site_build.finish import finish
from site_build.generate import GENERATED_DOCS, ZENSICAL_DOCS, generate
from site_build.finish.pyodide_vendor import VendorError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m site_build", description=__doc__.splitlines()[0])
    steps = parser.add_subparsers(dest="step")
    generate_step = steps.add_parser("generate", help="write the generated docs folder and its engine.yml")
    generate_step.add_argument("--engine", choices=ENGINES, default="mkdocs")
    finish_step = steps.add_parser("finish", help="finish a built site folder")
    finish_step.add_argument("site_dir", type=Path)
    build_step = steps.add_parser("build", help="generate, render with an engine, finish into site/")
    build_step.add_argument("--engine", choices=ENGINES, default=os.environ.get("YZT_ENGINE", "mkdocs"))
    build_step.add_argument("--site-dir", type=Path, default=None)
    args = parser.parse_args(argv)
    site_url = os.environ.get("YZT_SITE_URL", "")
    try:
        if args.step == "finish":
            finish(args.site_dir, site_url)
            say(f"已完成 {args.site_dir}")
        elif args.step == "build":
            say(f"已构建 {build(args.engine, args.site_dir)}（{args.engine}）")
        else:
            engine = getattr(args, "engine", "mkdocs")
            folder = ZENSICAL_DOCS if engine == "zensical" else GENERATED_DOCS
            generated = generate(folder, site_url=site_url, engine=engine)
            say(f"已生成 {generated.docs_dir}（{len(generated.written)} 个文件有变化）")
    except PolicyError as exc:
        print(f"policy_data 数据有误 (invalid policy data):\n{exc}", file=sys.stderr)
        return 1
    except (VendorError, EngineError) as exc:
        tell(str(exc))
        return 1
    except StdoutFailed as exc:
        tell(f"python -m site_build：{exc}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
