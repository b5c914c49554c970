"""The one mkdocs hook: generation before the engine, the finishing step after it (site_build/engine.py)."""
import sys
from pathlib import Path
REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.append(str(REPO_ROOT))     # mkdocs puts .venv/bin, not the repo, on sys.path
from mkdocs.exceptions import PluginError  # noqa: E402
from site_build import finish, generate  # noqa: E402
from policy_build.errors import PolicyError  # noqa: E402
WATCHED = ("policy_data", "docs", "site_build", "overrides", "checker", "pyproject.toml")  # serve reloads
_built = {}     # what generation loaded, for the finishing step of the same build


def on_config(config, **kwargs):
    try:
        _built["g"] = generated = generate.generate(site_url=config.get("site_url") or "")
    except PolicyError as exc:      # the data's own message, not a traceback
        raise PluginError(f"policy_data 数据有误 (invalid policy data):\n{exc}") from None
    config["docs_dir"], config["nav"] = str(generated.docs_dir), generated.nav
    config.watch.extend(p for p in (str(REPO_ROOT / w) for w in WATCHED) if p not in config.watch)
    return config

def on_env(env, config, files, **kwargs):
    env.bytecode_cache = generate.bytecode_cache()    # the theme's templates compiled once
    return env

def on_post_build(config, **kwargs):
    try:
        finish.finish(Path(config["site_dir"]), config.get("site_url") or "", _built["g"].policy, _built["g"].texts)
    except finish.VendorError as exc:
        raise PluginError(str(exc)) from None
