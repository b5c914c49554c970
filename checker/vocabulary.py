"""The words every screen shows around the facts: verdict headlines, section titles and the short
phrases that join a fact to its label. Change the wording here; the CLI text, the checker page,
the copy summary, print and the agent page all take it from the display form (checker/display.py)."""

from __future__ import annotations

HEADLINES = {
    "invalid": "回答有误",
    "ineligible": "不能按本通知申报",
    "eligible": "符合申报条件",
    "conditional_documents": "需对照其他文件确认",
    "conditional_answers": "还需补充回答",
}

SECTION_TITLES = {
    "errors": "请修改以下回答",
    "reasons": "理由",
    "ask": "可以向谁咨询",
    "documents": "需要对照的文件",
    "needs": "还需回答",
    "path": "申报途径",
    "route": "申报路径",
    "fee": "评审费",
    "timeline": "时间安排",
    "evidence": "需要准备的材料",
    "allowances": "可享受的政策",
    "notes": "提示",
    "ignored": "未纳入判断的回答",
}

ROUND = {
    "closed": "本轮申报已结束：最后一个环节“{label}”为{when}。",
    "open": "本轮申报进行中：“{label}”{when}（{status}）。",
    "not_started": "本轮申报尚未开始：第一个环节“{label}”{when}。",
}
ROUND_SHORT = {"closed": "本轮已结束（{end}）", "open": "本轮进行中", "not_started": "本轮未开始"}

CONDITIONAL_LEAD = "是否符合申报条件，需对照{documents}确认。"
ANSWERS_LEAD = "回答下列问题后才能给出结论。"
INELIGIBLE_LEAD = "原因见下；如有疑问，可按通知所列电话咨询。"
ELIGIBLE_LEAD = "按本通知，您的回答符合所列条件。"
NOTICE_LINE = "依据：{short_title}（{doc_number}）"

FEE_ONE = "{yuan}元（{grade}）"
FEE_GRADES = "按申报级别：{grades}"
FEE_CARD = "评审费 {yuan} 元"
OFFICE_NEEDED = "区县职改办：{hint}"

STEP_ONLY_IF = "仅当：{text}"
STEP_PAPERS = "材料：{papers}"
STEP_LINK = "办理网址：{text} {url}"
OFFICE_PHONES = "电话："
OFFICE_ADDRESS = "地址：{address}{postcode}"
ALLOWANCE_CONDITIONS = "条件：{text}"
ALLOWANCE_EXCEPTIONS = "除外：{text}"
ALLOWANCE_STATUS = "{title}（{status}）"
EFFECT_EXCEPTIONS = "（{text}）"
PATH_STATUS = "{label}：{status}"
OFFICE_SOURCE = "电话、地址见{doc_number}{label}（区县职改办通讯录）"
ALLOWANCE_DEPENDS = "（是否适用取决于：{labels}）"
EVENT_WHO = "办理人：{who}"
NEED_PURPOSE = "用于{purposes}"
FEE_PREREQUISITE = "缴费前提：{text}"
FEE_METHOD = "缴费方式：{text}"

REPLY_ROUTE = "第一步：{actor}{action}。"
REPLY_OFFICE = "到{office}职改办办理，电话{phones}。"
REPLY_FEE = "评审费{yuan}元。"
CARD_NEEDS = "还需问清：{labels}"
REPLY_ASK = "如有疑问，可拨打{role}{phones}。"


def document_name(doc: dict, with_number: bool = False) -> str:
    """How a cited document is named: 《title》, or its number (文号) when no title is recorded;
    `with_number` adds the number after a title, as a reference list does."""
    if not doc.get("title"):
        return doc["doc_number"]
    if with_number and doc.get("doc_number"):
        return f"《{doc['title']}》（{doc['doc_number']}）"
    return f"《{doc['title']}》"
