"""Chinese search terms: jieba user dictionary, colloquial synonyms, prefix expansions.

The material search plugin segments page text with `jieba.cut` at build time, and
lunr matches query words as *prefixes* of those tokens. So:
- `search_terms.txt` (plain jieba user-dictionary format, one term per line) keeps
  职称 terms such as 评审费 or 异地查档记录 whole;
- the glossary (`policy_data/glossary.yaml`: each term's `says` and `pages`) maps colloquial
  words (交钱, 评中级) to the pages that answer them;
- `page_keywords` lists, for one page, the sub-words of its long domain terms
  (技师 for 高级技师, 记录 for 异地查档记录) and its colloquial words, so a
  hidden, indexed line makes those queries find the page too.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jieba
import yaml

HERE = Path(__file__).resolve().parent
USER_DICTIONARY = HERE / "search_terms.txt"
# The glossary owns the colloquial words; its schema and clause checks run in site_build/faq_glossary_files.py.
SYNONYMS = HERE.parent / "policy_data" / "glossary.yaml"


@lru_cache(maxsize=1)
def domain_terms() -> tuple[str, ...]:
    words = [line.split()[0] for line in USER_DICTIONARY.read_text(encoding="utf-8").splitlines() if line.strip()]
    return tuple(words)


@lru_cache(maxsize=1)
def synonyms() -> tuple[dict, ...]:
    """{say, means, pages} per glossary term: `says` words, the term, the pages answering it."""
    data = yaml.safe_load(SYNONYMS.read_text(encoding="utf-8")) or {}
    entries = []
    for index, term in enumerate(data.get("terms") or []):
        if not term.get("says"):
            raise ValueError(f"{SYNONYMS}: terms[{index}] needs non-empty `says`")
        entries.append({"say": term["says"], "means": term.get("term", ""), "pages": term.get("pages") or []})
    return tuple(entries)


_loaded = False


def load_user_dictionary() -> None:
    """Teach jieba the domain terms and colloquial words (idempotent across `mkdocs serve` rebuilds)."""
    global _loaded
    if _loaded:
        return
    jieba.setLogLevel(60)   # jieba prints its cache banner to stderr otherwise
    for term in domain_terms():
        inner_words(term)   # split by jieba's own dictionary, before ours joins the terms
    jieba.load_userdict(str(USER_DICTIONARY))
    for entry in synonyms():
        for word in entry["say"]:
            jieba.add_word(word)
    _loaded = True


@lru_cache(maxsize=None)
def inner_words(term: str) -> tuple[str, ...]:
    """Words inside a domain term that a prefix search cannot reach: 技师 in 高级技师,
    查档/记录 in 异地查档记录. The term's first word is omitted (prefix search finds it).
    Computed for every domain term before the user dictionary is loaded (load_user_dictionary),
    so jieba's one dictionary gives the split without ours — no second Tokenizer, no second load."""
    parts = [w for w in jieba.lcut(term) if len(w) > 1 and w != term]
    found = parts[1:] if parts and term.startswith(parts[0]) else parts
    found += [other for other in domain_terms() if other != term and other in term and not term.startswith(other)]
    return tuple(dict.fromkeys(found))


def page_keywords(page_key: str, text: str) -> list[str]:
    """Indexed-but-hidden words for one page: colloquial synonyms + sub-words of long terms."""
    load_user_dictionary()
    words: list[str] = []
    for entry in synonyms():
        if page_key in entry["pages"]:
            words.extend(entry["say"])
    for term in domain_terms():
        if term in text:
            words.extend(inner_words(term))
    seen: dict[str, None] = {}
    for word in words:
        seen.setdefault(word, None)
    return list(seen)
