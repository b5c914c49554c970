"""The result as readable Chinese text for a person at a terminal (or a ticket)."""

from __future__ import annotations

VERDICT_MARKS = {"eligible": "✔ 符合", "conditional": "？ 有条件", "ineligible": "✘ 不符合"}


def _cite(item: dict) -> str:
    return f"〔{item['clause_label']}〕" if item.get("clause_label") else ""


def render(result: dict) -> str:
    if result.get("errors"):
        lines = ["回答有误，无法检查："]
        lines += [f"  - {e['message']}" for e in result["errors"]]
        return "\n".join(lines) + "\n"
    notice = result["notice"]
    lines = [f"{notice['short_title']}（{notice['doc_number']}）",
             f"结论：{VERDICT_MARKS.get(result['verdict'], result['verdict'])} — {result['verdict_label']}", ""]
    if result["reasons"]:
        lines.append("理由：")
        lines += [f"  - {r['text']} {_cite(r)}" for r in result["reasons"]]
    for doc in result["deferred_to"]:
        name = " ".join(x for x in (doc["doc_number"], f"《{doc['title']}》" if doc["title"] else None) if x)
        lines.append(f"  需对照：{name}" + (f" {doc['url']}" if doc["url"] else ""))
    path = result.get("path")
    if path and path["checks"]:
        lines += ["", f"申报途径：{path['label']}"]
        lines += [f"  [{c['status_label']}] {c['text']} {_cite(c)}" for c in path["checks"]]
    route = result.get("route")
    if route:
        lines += ["", f"申报路径：{route['label']} {_cite(route)}"]
        for step in route["steps"]:
            extra = f"（{step['only_if']}）" if step.get("only_if") else ""
            lines.append(f"  {step['order']}. {step['actor']}：{step['action']}{extra} {_cite(step)}")
            for paper in step["papers"]:
                lines.append(f"     携带：{paper}")
            if step.get("district_meaning"):
                office = step.get("office")
                if office:
                    phones = "、".join(p["display"] for p in office["phones"])
                    lines.append(f"     {office['name']}职改办 电话 {phones}；{office['address']}（邮编 {office['postcode']}）")
                else:
                    lines.append(f"     {step['office_needed']}")
        lines += [f"  [{c['status_label']}] {c['text']} {_cite(c)}" for c in route["conditions"]]
    fee = result["fee"]
    lines += ["", f"评审费：{fee['yuan']}元（{fee['grade']}）" if fee["yuan"] is not None
              else "评审费：" + "、".join(f"{g['grade']}{g['yuan']}元" for g in fee["grades"]) + "（按申报级别）"]
    if result["timeline"]:
        lines += ["", f"时间安排（按 {result['today']}）："]
        for event in result["timeline"]:
            span = "—".join(x for x in (event["start"], event["end"]) if x)
            lines.append(f"  {event['label']}：{span} {event['status']}")
    if result["allowances"]:
        lines += ["", "可享受的政策："]
        for allowance in result["allowances"]:
            lines.append(f"  {allowance['title']} {_cite(allowance)}")
            lines += [f"    - {e['text']}" for e in allowance["effects"]]
    if result["notes"]:
        lines += ["", "提示："] + [f"  - {n['text']} {_cite(n)}" for n in result["notes"]]
    if result["evidence"]:
        lines += ["", "需准备："] + [f"  - {e['text']} {_cite(e)}" for e in result["evidence"]]
    if result["needs"]:
        lines += ["", "还需回答："] + [f"  - {n['label']}：{n['question']}" for n in result["needs_detail"]]
    if result["ignored"]:
        lines += ["", "未使用的回答（本通知或本途径不涉及）：" + "、".join(result["ignored"])]
    return "\n".join(lines) + "\n"
