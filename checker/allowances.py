"""Favourable treatment the notice grants (提前申报, 学历放宽, 免外语/计算机…) and
informational notes. Neither changes the verdict; unknown answers are not asked for.

An allowance whose notice conditions the checker does not ask (援派 "学历、资历符合
选派管理规定…", 职业资格 "取得文件所列对应职业资格") is listed as depending on
them, never as applying."""

from __future__ import annotations

from . import vocabulary as words

APPLIES, DEPENDS = "applies", "depends_on_conditions"


def evaluate(ctx) -> list[dict]:
    out = []
    for entry in ctx.holding("allowances"):
        effects = []
        for effect in entry["effects"]:
            applies, unknown = ctx.when(effect.get("when"))
            if applies is False:
                continue
            effects.append({"text": effect["text"], "depends_on": unknown, "exceptions": effect.get("exceptions")})
        conditions = list(entry.get("conditions", []))
        unconfirmed = [] if entry.get("conditions_asked") else conditions
        status = DEPENDS if unconfirmed else APPLIES
        out.append({"id": entry["id"], "title": entry["title"], "effects": effects,
                    "conditions": conditions, "exceptions": entry.get("exceptions"),
                    "status": status, "status_label": words.ALLOWANCE_STATUS_LABELS[status], "unconfirmed_conditions": unconfirmed,
                    **ctx.cite(entry["clause"])})
    return out


def notes(ctx) -> list[dict]:
    return [{"id": entry["id"], "text": entry["text"], "for_ruled_out": bool(entry.get("for_ruled_out")),
             **ctx.cite(entry["clause"])}
            for entry in ctx.holding("notes")]
