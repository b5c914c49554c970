"""Build-time match keys for the 区县 combobox (docs/assets/combobox.js).

Each office option carries, in `data-match`, the words a caller or agent would type for it:
the full pinyin and its initials, then both from every later syllable on (so 秀山县 is found by xiushan,
xs, shan), and the office's local phone numbers (7667 finds 76672106). The pinyin comes from
site_build/place_pinyin.py at build time; the browser just compares strings.
"""
from __future__ import annotations

from site_build.place_pinyin import syllables as place_syllables


def pinyin_keys(syllables: list[str]) -> list[str]:
    """Full pinyin and initials first, then both from every later syllable on:
    秀山县 -> xiushanxian, xsx, shanxian, xian, sx (the browser ranks the first two higher)."""
    initials = [s[0] for s in syllables]
    keys = ["".join(syllables), "".join(initials)]
    for parts in (syllables, initials):
        for start in range(1, len(parts)):
            key = "".join(parts[start:])
            if len(key) > 1 and key not in keys:     # a lone trailing x (县) or q (区) only adds noise
                keys.append(key)
    return keys


def local_number(display: str, area_code: str) -> str:
    """'023-76672106' -> '76672106' (the number as the directory prints it)."""
    digits = "".join(ch for ch in display if ch.isdigit())
    return digits[len(area_code):] if area_code and digits.startswith(area_code) else digits


def office_match_keys(offices: list[dict], area_code: str) -> dict[str, str]:
    """Office name -> its space-separated match keys (pinyin keys, then phone numbers)."""
    spelled = place_syllables([office["name"] for office in offices])
    return {office["name"]: " ".join(pinyin_keys(spelled[office["name"]]) +
                                     [local_number(p["display"], area_code) for p in office.get("phones", [])])
            for office in offices}
