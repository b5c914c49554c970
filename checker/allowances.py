"""Favourable treatment the notice grants (提前申报, 学历放宽, 免外语/计算机…) and
informational notes. Neither changes the verdict; unknown answers are not asked for."""

from __future__ import annotations


def evaluate(ctx) -> list[dict]:
    out = []
    for entry in ctx.holding("allowances"):
        effects = []
        for effect in entry["effects"]:
            applies, unknown = ctx.when(effect.get("when"))
            if applies is False:
                continue
            effects.append({"text": effect["text"], "depends_on": unknown})
        out.append({"id": entry["id"], "title": entry["title"], "effects": effects,
                    "conditions": list(entry.get("conditions", [])), "exceptions": entry.get("exceptions"),
                    **ctx.cite(entry["clause"])})
    return out


def notes(ctx) -> list[dict]:
    return [{"id": entry["id"], "text": entry["text"], **ctx.cite(entry["clause"])}
            for entry in ctx.holding("notes")]
