"""A seeded corpus of checker inputs for the fuzz tests (CLI, Pyodide): first the typed-text table
(TYPED_TEXT), then answer objects mixing valid and hostile values, the same with random bytes
spliced in, and raw random bytes. Seeded
`random` costs ~50x less per input than hypothesis, which keeps 10,000 inputs per target cheap."""

from __future__ import annotations

import json
import random

from checker.rulebook import rulebook

# Text as people type or paste it (issue 21 finding 5) -> the plain form the checker must treat it as.
TYPED_TEXT = [
    ("软件\u3000工程", "软件 工程"),            # ideographic space from a Chinese IME
    ("\u3000计算机\u3000", "计算机"),          # leading/trailing U+3000
    ("计算机\u00a0", "计算机"),                 # NBSP pasted from a web page
    ("\u00a0计算机", "计算机"),
    ("计\u2002算机", "计 算机"),                # en space
    ("机械\u202f设计", "机械 设计"),            # narrow no-break space
    ("计算机\t", "计算机"),                     # tab
    ("\t计算机", "计算机"),
    ("计算机\r\n", "计算机"),                   # a pasted line break
    ("计\u200d算机", "计算机"),                 # zero-width joiner
    ("计\u200c算机", "计算机"),                 # zero-width non-joiner
    ("\u200b计算机", "计算机"),                 # zero-width space
    ("\ufeff计算机", "计算机"),                 # byte-order mark
    ("计\u00ad算机", "计算机"),                 # soft hyphen
    ("ＣＡＤ制图", "CAD制图"),                  # full-width Latin
]
BOOK = rulebook()
VALID = {"notice": "2025-bigdata", "path": "normal", "level": "intermediate"}
KEYS = sorted(BOOK.question) + ["utm_source", "", "é", "\ud800", "a" * 40]
OPTIONS = [o["value"] for q in BOOK.questions for o in q.get("options") or []]
SCALARS = [None, True, False, 0, -1, 24, 1e999, -1e999, 2.5, 10**30, "", " ", "不确定", "true", "2023-02-30",
           "2020-09-30", "\x00", "\n", "\u2028", "\ud800", "<script>", "%", "#q-%", "9" * 50,
           "\u202e计算机", "\x1b[31m"] + [typed for typed, _ in TYPED_TEXT]


TYPED_ANSWERS = {"notice": "2023-manufacturing", "level": "junior"}


def typed_text_inputs() -> list[bytes]:
    """One answers object per TYPED_TEXT row, its typed form as the specialty, as UTF-8 bytes."""
    return [json.dumps({**TYPED_ANSWERS, "specialty": typed}, ensure_ascii=False).encode("utf-8")
            for typed, _ in TYPED_TEXT]


def _json_value(rng, depth=0):
    roll = rng.random()
    if depth < 3 and roll < 0.08:
        return [_json_value(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    if depth < 3 and roll < 0.14:
        return {rng.choice(KEYS): _json_value(rng, depth + 1) for _ in range(rng.randint(0, 3))}
    if roll < 0.5:
        return rng.choice(OPTIONS)
    return rng.choice(SCALARS)


def fuzz_inputs(seed: int, count: int):
    """`count` inputs as UTF-8 bytes (some deliberately not UTF-8), the typed-text table first."""
    table = typed_text_inputs()[:count]
    yield from table
    rng = random.Random(seed)
    for _ in range(count - len(table)):
        answers = {**VALID} if rng.random() < 0.7 else {}
        for _ in range(rng.randint(0, 8)):
            answers[rng.choice(KEYS)] = _json_value(rng)
        data = json.dumps(answers, ensure_ascii=rng.random() < 0.5).encode("utf-8", "surrogatepass")
        kind = rng.random()
        if kind < 0.15:
            at = rng.randint(0, len(data))
            data = data[:at] + rng.randbytes(rng.randint(1, 4)) + data[at:]
        elif kind < 0.2:
            data = rng.randbytes(rng.randint(0, 40))
        yield data
