"""Issue 18, the checker's defects: each reading quotes the notice sentence it rests on
(`quote` fails unless the notice prints it) and asserts what a reader of the result sees."""

from __future__ import annotations

import re

import pytest

from checker import check
from checker.rulebook import rulebook
from golden import load_cases

M23, B25 = "2023-manufacturing", "2025-bigdata"
CASES = load_cases()


def _case(name: str) -> dict:
    return next(c for c in CASES if c["name"] == name)["answers"]


def _evidence_texts(result) -> list[str]:
    return [e["text"] for e in result["evidence"]]


# --- 1: an obligation is never hidden because a deferral cites the same clause ------------------

def test_2023_obligations_of_five_two_reach_every_applicant(quote):
    # 五（二） says these to every applicant; 机关 staff are merely one case the same clause leaves open.
    obligations = [quote(M23, "所填业绩成果，均应在系统中上传相应佐证材料，因未传佐证材料或佐证材料不符导致评审结果受影响的，责任自负。"),
                   quote(M23, "业绩成果如有涉密内容，请按保密规定进行脱密处理。")]
    result = check(_case("2023 多评 中级→中级 市属事业单位：业绩条件见《标准条件索引》"))
    assert result["verdict"] != "ineligible"
    shown = "\n".join(_evidence_texts(result))
    for sentence in obligations:
        assert sentence in shown


def _case_specific_clauses(notice: dict) -> set[str]:
    """Clauses that hold a route's papers or a referenced document's conditions: their evidence is
    shown only for that route or deferral."""
    rules = notice["rules"]
    return {r["clause"] for r in rules["routes"]} | {d["clause"] for d in rules["deferrals"] if d.get("references")}


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_every_general_evidence_item_is_shown_to_every_case(case):
    result = check(case["answers"])
    if result.get("errors") or result["verdict"] == "ineligible":
        return
    notice = rulebook().notices[result["notice"]["id"]]
    specific = _case_specific_clauses(notice)
    shown = set(_evidence_texts(result))
    for item in notice["evidence"].get("general", []):
        if item["clause"] not in specific:
            assert item["text"] in shown, item["text"]


# --- 6: one reading of "高级" in 2023 一（三） ------------------------------------------------------

SENIOR23 = {"notice": M23, "path": "multi_evaluation", "level": "senior", "current_title_series": "other",
            "current_title_level": "senior", "concurrent_engineering_work": True, "employer": "city_institution",
            "today": "2023-09-10"}


def test_2023_gao_ji_in_one_three_is_deputy_senior_for_every_specialty(quote):
    # The sentence names "船舶专业正高级" apart from the others' "高级": there 高级 is 副高级, so
    # 计算机 and 风景园林、林业 正高级 are both left unsaid, and the committee decides (五（四）).
    quote(M23, "风景园林、林业专业高级等工程技术系列“考评结合”的职称，取得考试成绩合格单后，纳入本次申报范围。")
    quote(M23, "计算机专业高级、中级、初级，通信、船舶、风景园林及林业专业中级、初级等“以考代评”的职称，船舶专业正高级等我市未开展评审的职称")
    quote(M23, "评委会组建单位按规定的范围、权限和程序受理申报材料并做好登记。")
    labels = set()
    for specialty in ("计算机", "风景园林", "林业"):
        result = check({**SENIOR23, "specialty": specialty})
        assert result["verdict"] == "conditional" and not result["scope_established"], specialty
        assert "评委会组建单位" in result["verdict_label"], specialty
        assert any(r["clause"] == "c1-3" and "正高级未作规定" in r["text"] for r in result["reasons"]), specialty
        labels.add(result["verdict_label"])
    assert len(labels) == 1
    # 副高级 风景园林 is the 考评结合 case: in scope only with the 合格单.
    assert check({**SENIOR23, "specialty": "风景园林", "level": "deputy_senior", "current_title_level": "deputy_senior",
                  "exam_passed": False})["verdict"] == "ineligible"


# --- 2: the headline, lead and reply say the scope first ----------------------------------------

OUT_OF_SCOPE = ["2025 多评：通知未涉及，指向渝职改办〔2025〕204号",
                "2023 机关人员：本通知未作规定（不判不符合），由评委会组建单位受理时确定",
                "2023 计算机专业正高级：通知未作规定，由评委会组建单位受理时确定",
                "2023 只写“工业互联网”：名称不完整，对照专业分类确认",
                "2025 非公 工作单位和档案都不在重庆：按渝人社发〔2017〕235号确认"]
IN_SCOPE = "2025 市属事业单位 正常申报 中级：申报条件见渝人社发〔2023〕28号"


def test_a_case_the_notice_does_not_cover_never_reads_like_one_it_covers(quote):
    quote(B25, "符合重庆市工程技术大数据智能化专业职称申报条件，具体参照《重庆市工程技术大数据智能化专业职称申报条件》")
    covered = check(_case(IN_SCOPE))["display"]
    assert covered["headline"] == "本通知规定的条件您都符合"
    assert covered["lead"][0] == "本通知的申报范围包括您的情形。"
    assert "《重庆市工程技术大数据智能化专业职称申报条件》" in covered["lead"][-1]
    for name in OUT_OF_SCOPE:
        shown = check(_case(name))["display"]
        assert shown["headline"] == "本通知未规定您的情形", name
        assert shown["lead"][0].startswith("本通知对您的情形未作规定：能否申报"), name
        assert shown["lead"][0] not in covered["lead"] and shown["headline"] != covered["headline"], name
        assert shown["layers"][0] == {**shown["layers"][0], "id": "scope", "state": "silent"}


def test_the_committee_decides_for_organ_staff_and_computer_senior(quote):
    quote(M23, "评委会组建单位按规定的范围、权限和程序受理申报材料并做好登记。")
    for name in OUT_OF_SCOPE[1:3]:
        shown = check(_case(name))["display"]
        assert "能否申报由评委会组建单位（五（四）：" in shown["lead"][0], name
        assert "评委会联系电话" in shown["panel"]["next"]["text"], name
        assert any("评委会联系电话023-86867385" in r["text"] for r in shown["reply"]), name


def test_2025_multi_evaluation_reply_gives_no_first_step(quote):
    # The notice never mentions 多评; it rests on 渝职改办〔2025〕204号 (preamble).
    quote(B25, "渝职改办〔2025〕204号")
    shown = check(_case(OUT_OF_SCOPE[0]))["display"]
    spoken = "".join(r["text"] for r in shown["reply"])
    assert "第一步" not in spoken and "填报并提交" not in spoken
    assert "《关于印发〈重庆市2025年职称申报评审工作方案〉的通知》" in spoken
    assert shown["card"]["office"] is None and shown["panel"]["office"] is None


# --- 3: the call card and reply keep the step's caveat; the office 审核后报送 --------------------

def test_agency_route_keeps_its_caveat_and_says_what_the_office_does(quote):
    quote(B25, "区县职改部门、市级主管部门（人事代理机构）、市外单位驻渝最高管理机构登录服务平台审核后报送评委会。")
    quote(M23, "市人事代理机构负责所代理非公有制组织以及流动人员申报材料的审核和呈报工作。")
    for name in ("2025 自由职业者 经人事代理机构", "2023 自由职业者 人事代理机构审核公示推荐"):
        shown = check(_case(name))["display"]
        for text in (shown["card"]["office_note"], shown["panel"]["office"]["text"],
                     next(r["text"] for r in shown["reply"] if "电话" in r["text"])):
            assert text.startswith("人事代理机构为区县人事代理机构时，由"), (name, text)
            assert "办理" not in text
        assert shown["panel"]["office"]["caveat"] == "仅当：人事代理机构为区县人事代理机构时"
    office = check(_case("2025 自由职业者 经人事代理机构"))["display"]["panel"]["office"]
    assert office["text"] == "人事代理机构为区县人事代理机构时，由九龙坡区职改办审核后报送评委会"


# --- 10: 2025 机关: the reason quotes 一（一）; the 一（三） note reaches the reader ---------------

def test_2025_organ_reason_quotes_the_notice_and_the_transfer_note_shows(quote):
    listed = quote(B25, "我市各类企事业单位、经济组织和社会组织在职从事大数据智能化相关领域工作的专业技术人员")
    quote(B25, "机关到企事业单位工作后未取得过职称的专业技术人员，业绩成果符合相应职称正常申报业绩条件的，可直接申报相应级别职称。")
    channel = quote(B25, "不属于特殊人才受理范围的，可通过本次正常通道申报参加相应职称评审。")
    result = check(_case("2025 机关人员不在申报范围（提示机关分流人员按所在企事业单位申报）"))
    assert result["verdict"] == "ineligible"
    reason = result["reasons"][0]["text"]
    assert f"“{listed}”" in reason and "不含机关" not in reason
    notes = next(s for s in result["display"]["sections"] if s["id"] == "notes")
    assert any(channel in item["text"] and item["cite"]["label"] == "一（三）" for item in notes["items"])


# --- 12: the 工作时间/任职时间 cut-off is on the result -----------------------------------------

@pytest.mark.parametrize("notice_id, sentence, shown, label", [
    (B25, "申报人工作时间、任职时间计算截至2025年12月31日。", "工作时间、任职时间计算截至2025年12月31日", "六（二）"),
    (M23, "工作时间、任职时间计算均截至 2023 年 9 月 30 日。", "工作时间、任职时间计算截至2023年9月30日", "六（二）"),
])
def test_the_cutoff_of_working_years_is_on_the_result(quote, notice_id, sentence, shown, label):
    quote(notice_id, sentence)
    name = IN_SCOPE if notice_id == B25 else "2023 多评 中级→中级 市属事业单位：业绩条件见《标准条件索引》"
    timeline = next(s for s in check(_case(name))["display"]["sections"] if s["id"] == "timeline")
    assert timeline["items"][0]["text"] == shown and timeline["items"][0]["cite"]["label"] == label


# --- 13: no internal id reaches a reader ------------------------------------------------------

INTERNAL_ID = re.compile(r"\b(2023-manufacturing|2025-bigdata)#|\b[ca][0-9]+(-[0-9]+)+\b")


def _texts(form: dict):
    for section in form["sections"]:
        for item in section["items"]:
            yield item["text"]
            yield from (line["text"] for line in item["details"])
    yield from form["lead"]
    yield from (r["text"] for r in form["reply"])
    yield from (form["summary"] or {}).get("lines", [])


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_no_internal_clause_id_in_any_text_a_reader_sees(case):
    form = check(case["answers"])["display"]
    leaked = [t for t in _texts(form) if INTERNAL_ID.search(t)]
    assert leaked == []


def test_the_high_skill_document_note_cites_both_notices_by_number(quote):
    quote(B25, "关于在工程技术领域实现高技能人才与工程技术人才职业发展贯通的实施意见")
    result = check(_case("2025 高技能人才：按渝人社发〔2020〕32号、〔2021〕55号执行"))
    documents = next(s for s in result["display"]["sections"] if s["id"] == "documents")
    flags = [line["text"] for item in documents["items"] for line in item["details"]]
    assert any("渝职改办〔2023〕211号 一（二） 印作" in f and "渝大数据发〔2025〕128号 二（五） 印作" in f for f in flags)


# --- 14: the district hint and the route say the same; no overstated "no route" ---------------

def test_2023_freelancer_archive_elsewhere_hint_agrees_with_the_route(quote):
    # 2023 五（二）4.: 自由职业者 "由人事代理机构审核公示推荐上报。参保及存档时间要求参照非公单位人员执行"
    # — only the time requirements follow 非公; the route stays with the 人事代理机构.
    quote(M23, "本人承诺业绩材料真实，由人事代理机构审核公示推荐上报。参保及存档时间要求参照非公单位人员执行。")
    result = check(_case("2023 自由职业者 档案在异地 在渝参保12个月"))
    district_step = next(s for s in result["route"]["steps"] if s["role"] == "district_office")
    assert district_step["district_meaning"] == "人事代理机构所在区县"
    hint = rulebook().question["district"]["hint"]
    assert "自由职业者选人事代理机构所在区县" in hint
    freelancer_part = next(part for part in hint.split("；") if "自由职业者" in part)
    assert "参保地" not in freelancer_part


def test_2025_workplace_and_archive_elsewhere_does_not_deny_the_archive_route(quote):
    quote(B25, "（2）档案在异地的。个人（持异地查档记录）→所在单位→参保地区县人力社保（职改）部门→评委会。")
    result = check(_case("2025 非公 工作单位和档案都不在重庆：按渝人社发〔2017〕235号确认"))
    text = next(r["text"] for r in result["reasons"] if r["clause"] == "c4-1-3")
    assert "也没有列出相应的申报路径" not in text and "四（一）3.（2）" in text


# --- every golden case: scope decides the headline; no office is said to 办理 -----------------

def test_headlines_of_covered_and_uncovered_cases_never_overlap():
    by_scope: dict[str, set[str]] = {}
    for case in CASES:
        form = check(case["answers"])["display"]
        scope = next((layer["state"] for layer in form["layers"] if layer["id"] == "scope"), None)
        by_scope.setdefault(scope, set()).add(form["headline"])
        spoken = [r["text"] for r in form["reply"]] + [(form["card"] or {}).get("office_note") or ""]
        assert not any("办理，电话" in t or "职改办办理" in t for t in spoken), case["name"]
    assert by_scope["covered"].isdisjoint(by_scope["silent"] | by_scope["excluded"])
    assert by_scope["silent"] == {"本通知未规定您的情形"} and by_scope["excluded"] == {"不属于本通知申报范围"}
