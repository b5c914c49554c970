"""The shared tokenizer rules of the site search (build side; docs/assets/search/search.js is the browser side).

Rules (the two implementations must agree; a test checks it on the
public query set and on every indexed section in tests/site/test_search_index.py):
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
5. Snippets: a query word of INTENTS (电话, 多少钱, 什么时候 …) asks for a sentence of that shape
   (a phone, an amount, a date …), which the snippet prefers; PAGE_SHAPES gives a page's default
   (an office row answers with its phone). Section lines that start with a notice's name (short
   title or 文号) speak for that notice, so a snippet can show each notice's answer.
The rule lists travel to the browser inside the index, so there is one copy of them.
"""
from __future__ import annotations

import re
import unicodedata

RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+|[a-z0-9]+")
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")

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


def normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text or "").lower()


def document_tokens(text: str) -> list[str]:
    """Every token of a text as it is indexed (repeats kept: they are term frequencies)."""
    tokens: list[str] = []
    for run in RUN.findall(normalise(text)):
        if HAN.match(run):
            tokens.extend(run)
            tokens.extend(run[i:i + 2] for i in range(len(run) - 1))
        else:
            tokens.append(run)
    return tokens


def query_pieces(text: str) -> list[str]:
    """The query's runs with the function words cut out: 评中级要多少钱 → [评中级, 多少钱]."""
    words = sorted({*STOP_WORDS, *KEEP_WORDS}, key=len, reverse=True)
    stop = set(STOP_WORDS)
    pieces: list[str] = []
    for run in RUN.findall(normalise(text)):
        if not HAN.match(run):
            pieces.append(run)
            continue
        current, i = "", 0
        while i < len(run):
            word = next((w for w in words if run.startswith(w, i)), None)
            if word in stop:
                if current:
                    pieces.append(current)
                current, i = "", i + len(word)
            else:
                step = word or run[i]
                current += step
                i += len(step)
        if current:
            pieces.append(current)
    return pieces


def query_terms(text: str) -> list[tuple[str, float]]:
    """The distinct terms a query looks up with their weights, in order: each Han piece's bigrams
    (weight 1) and characters (UNIGRAM_WEIGHT: 票 still finds 票数 when the bigram 少票 finds
    nothing); a one-character piece (报 of 才能报) weighs as a character, an ASCII word 1."""
    weights: dict[str, float] = {}
    for piece in query_pieces(text):
        if HAN.match(piece) and len(piece) > 1:
            for i in range(len(piece) - 1):
                weights[piece[i:i + 2]] = 1.0
            for char in piece:
                weights.setdefault(char, UNIGRAM_WEIGHT)
        elif HAN.match(piece):
            weights[piece] = max(weights.get(piece, 0.0), UNIGRAM_WEIGHT)
        else:
            weights[piece] = 1.0
    return list(weights.items())


# What a question asks for, by its words, and the shape of a sentence that answers it: the snippet
# (search.js) prefers such a sentence, so 万州职改办电话 shows the phone, not the address.
# Shapes are JavaScript regular expressions (u flag).
PHONE_SHAPE = r"\d{3,4}-\d{7,8}|1\d{10}"
INTENTS = (
    {"words": ["电话", "号码", "联系", "咨询", "打给"], "shape": PHONE_SHAPE},
    {"words": ["地址", "办公地点", "怎么走"], "shape": r"\d+号|\d+室|楼"},
    {"words": ["什么时候", "何时", "几号", "哪天", "时间", "截止", "日期", "截至", "哪一天"], "shape": r"\d+月\d+日"},
    {"words": ["多久", "几年", "多少年", "多长", "年限"], "shape": r"\d+年(以上|及以上)"},
    {"words": ["多少钱", "收费", "费用", "多少", "交钱"], "shape": r"\d+\s?元"},
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
