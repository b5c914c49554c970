"""The pinyin of the office (district) names, for the 区县 combobox keys and the search index.

Typing 秀山 needs a Chinese input method; xiushan and xs do not. pypinyin gives the syllables at
build time only. Importing it loads its phrase dictionaries (about 0.2 s, a seventh of a build), so the
syllables of the current office names are cached in build/place_pinyin.json and pypinyin is imported
only when a name is new.
"""
from __future__ import annotations

import json
from pathlib import Path

from policy_build.atomic import write_text_atomic

CACHE = Path(__file__).resolve().parents[2] / "build" / "place_pinyin.json"


def syllables(names: list[str], cache: Path = CACHE) -> dict[str, list[str]]:
    """Name -> its lower-case pinyin syllables: {"秀山县": ["xiu", "shan", "xian"]}."""
    known = _read(cache)
    missing = [name for name in names if name not in known]
    if missing:
        from pypinyin import lazy_pinyin

        known.update({name: [s.lower() for s in lazy_pinyin(name) if s.isascii() and s.isalpha()]
                      for name in missing})
        write_text_atomic(cache, json.dumps(known, ensure_ascii=False, sort_keys=True))
    return {name: known[name] for name in names}


def spellings(name: str, parts: list[str]) -> list[str]:
    """How a caller types a district without a Chinese input method, most telling first — one rule for
    the 区县 combobox and the search index: 秀山县 -> xiushanxian xsx xiushan xs shanxian xian sx
    (full pinyin and initials; both without 区/县; both from every later syllable on, never one letter)."""
    initials = [s[0] for s in parts]
    keys = ["".join(parts), "".join(initials)]
    if name[-1:] in ("区", "县") and len(name) > 2:
        keys += ["".join(parts[:-1]), "".join(initials[:-1])]
    for letters in (parts, initials):
        keys += ["".join(letters[start:]) for start in range(1, len(letters))]
    return [key for key in dict.fromkeys(keys) if len(key) > 1]


def _read(cache: Path) -> dict[str, list[str]]:
    try:
        data = json.loads(cache.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}
