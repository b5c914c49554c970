"""The rule lists of the site search's tokenizer, shipped inside the index (search/index.json).

The tokenizer itself is docs/assets/search/search.js, the only implementation (the tests run it in
Node: tests/site/test_search_index.py). What it does with these lists:
1. Text is NFKC-normalised and lower-cased (全角 ＡＢ１ → ab1).
2. It is cut into runs: Han characters (U+3400–U+4DBF, U+4E00–U+9FFF) and ASCII letters/digits;
   everything else separates.
3. Documents: every Han run gives each character and each pair of neighbouring characters
   (unigrams + bigrams, as Lucene's cjk_bigram does), so 退休 is found inside 离退休 and 职称
   inside 中级职称 without a dictionary; an ASCII run is one token.
4. Queries: inside a Han run, the function words of STOP_WORDS are cut out first (longest match,
   and KEEP_WORDS win over them, so 人才 keeps its 才 and 要求 its 要); each remaining piece
   gives its bigrams (weight 1) and its characters (weight UNIGRAM_WEIGHT, also when the piece is
   one character). An ASCII run is one term (weight 1) that matches indexed tokens by
   prefix (5852 → 58520665, wz → wzq).
The rule lists travel to the browser inside the index, so there is one copy of them.
"""
from __future__ import annotations

# Words a caller adds around the question that carry no topic (评中级要多少钱 → 评中级 / 多少钱).
STOP_WORDS = (
    "吗", "呢", "吧", "啊", "呀", "嘛", "么", "要", "能", "还", "了", "的", "得", "是", "我", "你", "他",
    "怎么", "怎样", "如何", "什么", "咋", "可以", "可不可以", "能不能", "是不是", "有没有", "是否", "需要",
    "请问", "一下", "哪里", "哪儿", "在哪", "哪些", "哪", "才", "就", "都", "想", "应该", "该", "给", "把",
    "去", "和", "与", "或", "及", "自己", "现在", "已经",
)
# Weight of a single character of a longer query piece, against 1 for a bigram.
UNIGRAM_WEIGHT = 0.3
# Real words that contain a stop word; longest match keeps them whole.
KEEP_WORDS = (
    "人才", "要求", "主要", "重要", "能力", "技能", "职能", "了解", "目的", "得到", "是指", "就业",
    "都市", "给予", "去年", "及时", "以及", "或者", "去世", "该项", "能源",
)


def rules() -> dict:
    """The rule lists the browser tokenizer needs (shipped inside the index)."""
    return {"stop": list(STOP_WORDS), "keep": list(KEEP_WORDS), "unigram_weight": UNIGRAM_WEIGHT}
