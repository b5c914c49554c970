"""Build-time match keys for the 区县 combobox (docs/assets/combobox.js).

Each office option carries, in `data-match`, the words a caller or agent would type for it:
its spellings (site_build/place_pinyin.spellings, the search index's too: xiushan, xs, shan …) and the
office's local phone numbers (7667 finds 76672106), made at build time; the browser just compares strings.
"""
from __future__ import annotations

from site_build.generate.place_pinyin import spellings, syllables as place_syllables


def local_number(display: str, area_code: str) -> str:
    """'023-76672106' -> '76672106' (the number as the directory prints it)."""
    digits = "".join(ch for ch in display if ch.isdigit())
    return digits[len(area_code):] if area_code and digits.startswith(area_code) else digits


def office_match_keys(offices: list[dict], area_code: str) -> dict[str, str]:
    """Office name -> its space-separated match keys (pinyin keys, then phone numbers)."""
    spelled = place_syllables([office["name"] for office in offices])
    return {office["name"]: " ".join(spellings(office["name"], spelled[office["name"]]) +
                                     [local_number(p["display"], area_code) for p in office.get("phones", [])])
            for office in offices}
