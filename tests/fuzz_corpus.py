"""A seeded corpus of checker inputs for the fuzz tests (CLI, Pyodide): answer objects mixing
valid and hostile values, the same with random bytes spliced in, and raw random bytes. Seeded
`random` costs ~50x less per input than hypothesis, which keeps 10,000 inputs per target cheap."""

from __future__ import annotations

import json
import random

from checker.rulebook import rulebook

BOOK = rulebook()
VALID = {"notice": "2025-bigdata", "path": "normal", "level": "intermediate"}
KEYS = sorted(BOOK.question) + ["utm_source", "", "é", "\ud800", "a" * 40]
OPTIONS = [o["value"] for q in BOOK.questions for o in q.get("options") or []]
SCALARS = [None, True, False, 0, -1, 24, 1e999, -1e999, 2.5, 10**30, "", " ", "不确定", "true", "2023-02-30",
           "2020-09-30", "\x00", "\n", "\u2028", "\ud800", "<script>", "%", "#q-%", "9" * 50]


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
    """`count` inputs as UTF-8 bytes (some deliberately not UTF-8)."""
    rng = random.Random(seed)
    for _ in range(count):
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
