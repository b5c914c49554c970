"""The checker's words: the labels the result carries (verdict sentence, statuses, what a missing
answer is needed for …), the words every screen shows around the facts (verdict headlines, section
titles, the short phrases that join a fact to its label) and how a cited document is named. Change
the wording here; the CLI text, the checker page, the copy summary, print and the agent page all take
it from the result and its display form (checker/display.py). Dates and times: checker/moments.py."""

from __future__ import annotations

HEADLINES = {       # the most decisive true sentence (checker/layers.py headline), ≤ 12 characters
    "invalid": "回答有误",
    "internal": "检查器内部出错",
    "excluded": "不属于本通知申报范围",
    "not_met": "不符合本通知的条件",
    "silent": "本通知未规定您的情形",
    "answers": "还需补充回答",
    "met_documents": "本通知规定的条件您都符合",
    "met": "符合本通知的申报条件",
}

# The verdict's three layers (checker/layers.py): scope, this notice's conditions, other documents.
LAYER_SCOPE = {
    "covered": "本通知的申报范围包括您的情形。",
    "silent": "本通知对您的情形未作规定：{who}。",
    "excluded": "本通知不把您的情形纳入申报范围：{reason}",
    "unknown": "是否属于本通知的申报范围，还需回答：{labels}。",
    "undecided": "是否属于本通知的申报范围尚未确定。",
}
LAYER_SILENT_DOCUMENTS = "能否申报需对照{documents}确认"
LAYER_SILENT_DECIDER = "能否申报由{deciders}确定"
LAYER_CONDITIONS = {
    "met": "本通知自身规定的条件，按您的回答都符合。",
    "not_met": "不符合本通知的条件：{reason}",
    "unanswered": "本通知规定的条件还需回答：{labels}。",
    "after_scope": "回答上面的问题后，才能对照本通知规定的条件。",
}
LAYER_DOCUMENTS = "具体申报条件还需对照{documents}确认。"

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

NOTICE_LINE = "依据：{short_title}（{doc_number}）"

FEE_ONE = "{yuan}元（{grade}）"
FEE_GRADES = "按申报级别：{grades}"
FEE_GRADE = "{grade}{yuan}元"
FEE_CARD = "评审费 {yuan} 元"
OFFICE_NEEDED = "区县职改办：{hint}"
# A route with no district step: why the call card shows no 区县职改办 phone.
NO_DISTRICT_OFFICE = "无区县职改办电话：此路径由{actor}{action}，不经区县职改办"

STEP_ONLY_IF = "仅当：{text}"
STEP_PAPERS = "材料：{papers}"
STEP_LINK = "办理网址：{text} {url}"
OFFICE_PHONES = "电话："
OFFICE_ADDRESS = "地址：{address}{postcode}"
OFFICE_POSTCODE = "（邮编 {postcode}）"
OFFICE_NAME = "{name}职改办"
# A committee name the notice never prints as such (notice.yaml committee.name_is_composed).
COMMITTEE_NAME_COMPOSED = "{name}（通知未写出评委会全称，此名称由本站根据原文组合）"
ALLOWANCE_CONDITIONS = "条件：{text}"
ALLOWANCE_EXCEPTIONS = "除外：{text}"
ALLOWANCE_STATUS = "{title}（{status}）"
EFFECT_EXCEPTIONS = "（{text}）"
PATH_STATUS = "{label}：{status}"
OFFICE_SOURCE = "电话、地址见{doc_number}{label}（区县职改办通讯录）"
ALLOWANCE_DEPENDS = "（是否适用取决于：{labels}）"
CUTOFF = "工作时间、任职时间计算截至{date}"
EVENT_WHO = "办理人：{who}"
NEED_PURPOSE = "用于{purposes}"
FEE_PREREQUISITE = "缴费前提：{text}"
FEE_METHOD = "缴费方式：{text}"

# The 工单摘要 (checker/summary.py); the page appends SUMMARY_LINK and the reopening URL.
SUMMARY_NOTICE = "通知：{short_title}（{doc_number}）"
SUMMARY_ANSWER = "{label}：{answer}"
SUMMARY_VERDICT = "结论：{headline}。{layers}"
SUMMARY_OFFICE = "职改办：{text}，电话{phones}"
SUMMARY_NEXT = "{text}"          # already says what it is: 第一步：… / 先回答：… / 可拨打…咨询
SUMMARY_FEE = "评审费：{text}"
SUMMARY_ROUND = "申报时间：{text}"
SUMMARY_CITES = "依据：{doc_number} {labels}"
SUMMARY_LINK = "重新打开本结果："
ANSWER_YES = "是"
ANSWER_NO = "否"

REPLY_ROUTE = "第一步：{actor}{action}。"
REPLY_OFFICE = "{step}，电话{phones}。"
OFFICE_STEP = "{caveat}由{office}{action}"      # the office 审核后报送; the applicant does not 办理 there
OFFICE_STEP_CAVEAT = "{only_if}，"
NEXT_ASK = "可拨打{role}{phones}咨询"
NEXT_ANSWER = "先回答：{labels}"
REPLY_FEE = "评审费{yuan}元。"
CARD_NEEDS = "还需问清：{labels}"
REPLY_ASK = "如有疑问，可拨打{role}{phones}。"


# --- Words the result carries: the checker's modules fill them in, every screen shows them as given. ---

# The verdict in a sentence (result["verdict_label"]); {then} adds what the conditions still need.
VERDICT_LABELS = {
    "ineligible": "不符合本通知的申报范围或条件",
    "eligible": "符合本通知的申报范围和条件",
    "in_scope_documents": "属于本通知申报范围，是否符合条件需对照{documents}确认",
    "in_scope_answers": "还需补充回答才能判断",
    "scope_silent": "本通知对您的情形未作明确规定，是否属于申报范围{who}{then}",
    "scope_needs_answers": "还需补充回答才能判断是否属于本通知申报范围{then}",
    "scope_undecided": "是否属于本通知申报范围尚未确定{then}",
}
VERDICT_THEN = "；申报条件需对照{documents}确认"
VERDICT_CHECK_DOCUMENTS = "需对照{documents}确认"
VERDICT_DECIDED_BY = "由{deciders}确定"
# What an unanswered question is needed for, in the order a result lists them.
PURPOSE_LABELS = {"verdict": "判断是否符合", "route": "确定申报路径和区县职改办", "fee": "确定评审费"}
PATHWAY_STATUS_LABELS = {"offered": "本次可申报", "not_offered": "不纳入本次申报", "not_addressed": "本通知未提及"}
REQUIREMENT_STATUS_LABELS = {"met": "符合", "not_met": "不符合", "unknown": "待确认"}
ALLOWANCE_STATUS_LABELS = {"applies": "适用", "depends_on_conditions": "取决于以下条件"}
PAPER = "{paper}（{actor}{action}时提供）"
PROOF = "{kind}：{proof}"
PROOF_NEEDED = "需提供{proof}"
OFFICE_TO_CHOOSE = "请选择{district}，以显示该区县职改办的电话和地址"
MATCHED_NAME = "{label}为“{answer}”"
MATCHED_TERM = "{label}“{answer}”含“{term}”"
# When the checker itself fails (never the visitor's answers): the message, and the CLI's header.
INTERNAL_ERROR = "检查器内部出错，未能给出结果。请核对您的回答后重试；如仍出错，请按通知所列咨询电话咨询。"
INTERNAL_HEADER = "检查器内部出错："
# A file of the checker's own could not be read (e.g. rules.json unreadable by this account): not the answers.
INTERNAL_FILE_ERROR = "检查器无法读取自身的文件 {file}（{reason}），未能给出结果。这与您的回答无关，请检查该文件的读取权限或重新安装。"
FILE_ERROR_REASONS = {"PermissionError": "没有读取权限", "FileNotFoundError": "文件不存在",
                      "IsADirectoryError": "这是一个文件夹"}

def document_name(doc: dict, with_number: bool = False) -> str:
    """How a cited document is named: 《title》, or its number (文号) when no title is recorded;
    `with_number` adds the number after a title, as a reference list does."""
    if not doc.get("title"):
        return doc["doc_number"]
    if with_number and doc.get("doc_number"):
        return f"《{doc['title']}》（{doc['doc_number']}）"
    return f"《{doc['title']}》"


def document_names(docs) -> str:
    return "、".join(document_name(doc) for doc in docs)
