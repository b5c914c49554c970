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
5. Snippets and ranking: a query word of INTENTS (电话, 多少钱, 什么时候 …) asks for a sentence of
   that shape (a phone, an amount, a date …): a section printing one ranks above one that only
   talks about the subject, and the snippet prefers it; PAGE_SHAPES gives a page's default for the
   snippet (an office row answers with its phone). Section lines that start with a notice's name
   (short title or 文号) speak for that notice, so a snippet can show each notice's answer; a query
   holding part of notices' names (大数据局) ranks those notices' sections first.
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


# What a question asks for, by its words, and the shape of a sentence that answers it: a section
# printing such a sentence ranks higher and the snippet (search.js) prefers it, so 申报截止时间 finds
# the dates before the glossary's 申报时间 and 万州职改办电话 shows the phone, not the address.
# Shapes are JavaScript regular expressions (u flag).
PHONE_SHAPE = r"\d{3,4}-\d{7,8}|1\d{10}"
INTENTS = (
    {"words": ["电话", "号码", "联系", "咨询", "打给"], "shape": PHONE_SHAPE},
    {"words": ["地址", "办公地点", "怎么走"], "shape": r"\d+号|\d+室|楼"},
    {"words": ["什么时候", "何时", "几号", "哪天", "时间", "截止", "日期", "截至", "哪一天"], "shape": r"\d+年\d+月|\d+月\d+日"},
    {"words": ["多久", "几年", "多少年", "多长", "年限"], "shape": r"\d+年(以上|及以上)"},
    {"words": ["多少钱", "收费", "费用", "费多少", "交钱"], "shape": r"\d+\s?元"},
    {"words": ["网站", "网址", "链接", "平台", "在哪报"], "shape": r"https?://"},
    {"words": ["怎么报", "流程", "路径", "向哪", "报到哪", "找谁"], "shape": "→"},
)
# A section of these pages answers with this shape whatever the words (万州 → the office's phone).
PAGE_SHAPES = {"offices": PHONE_SHAPE}


def rules(notice_names: list[list[str]] | None = None) -> dict:
    """The rule lists the browser tokenizer and snippet need (shipped inside the index).
    `notice_names`: per notice, the names a section's line may start with (short title, 文号), so
    a snippet can say which notice a sentence is from and show each notice's answer."""
    return {"stop": list(STOP_WORDS), "keep": list(KEEP_WORDS), "unigram_weight": UNIGRAM_WEIGHT,
            "intents": [dict(i) for i in INTENTS], "page_shapes": dict(PAGE_SHAPES), "notices": notice_names or []}
