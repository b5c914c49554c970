"""Build-time match keys for the 区县 combobox (docs/assets/combobox.js).

Each office option carries, in `data-match`, the words a caller or agent would type for it:
the full pinyin and its initials, then both from every later syllable on (so 秀山县 is found by xiushan,
xs, shan), and the office's local phone numbers (7667 finds 76672106). pypinyin runs here,
at build time only; the browser just compares strings.
"""
from __future__ import annotations

from pypinyin import Style, lazy_pinyin


def pinyin_keys(name: str) -> list[str]:
    """Full pinyin and initials first, then both from every later syllable on:
    秀山县 -> xiushanxian, xsx, shanxian, xian, sx (the browser ranks the first two higher)."""
    syllables = [s.lower() for s in lazy_pinyin(name) if s.isascii() and s.isalpha()]
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
    return {office["name"]: " ".join(pinyin_keys(office["name"]) +
                                     [local_number(p["display"], area_code) for p in office.get("phones", [])])
            for office in offices}
