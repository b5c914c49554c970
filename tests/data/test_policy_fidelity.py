"""Specific facts, each checked in the data (via load_policy) AND in the notice's source text.

A fact passes only if the data says it and the notice prints it: a typo in the
YAML or a fact the notices never stated both fail here. Source snippets are
compared with whitespace removed (the sources break lines mid-sentence).
"""

import re

import pytest

from policy_build.phones import phone_display, phone_tel

M23, B25 = "2023-manufacturing", "2025-bigdata"


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def events(p, nid):
    return p.notices[nid].timeline["events"]


def spans(p, nid):
    """(start, end) of every event, each a {date, time?} mapping or None."""
    return [(e.get("start"), e.get("end")) for e in events(p, nid)]


def fee_window(p, nid):
    window = p.notices[nid].fees["payment"]["window"]
    event = next(e for e in events(p, nid) if e["id"] == window)
    return event.get("start"), event.get("end")


def fees(p, nid):
    return {g["grade"]: g["yuan"] for g in p.notices[nid].fees["grades"]}


def contact_for(p, nid, number):
    """(role, person, displayed phone, tel URI) of the contact listing `number`."""
    for contact in p.notices[nid].contacts["contacts"]:
        for phone in contact["phones"]:
            if phone["number"] == number:
                return contact["role"], contact.get("person"), phone_display(phone, p.area_code), phone_tel(phone, p.area_code)
    return None


def review_rule(p, nid, clause, field):
    return sorted(r[field] for r in p.notices[nid].evidence["review_rules"] if r["clause"] == clause and field in r)


def reference_by_number(p, doc_number):
    return next(r for r in p.references if r["doc_number"] == doc_number)


def clause_text(p, nid, cid):
    return squash(p.notices[nid].clause(cid)["text"])


def offices_source(p):
    return next(f for f in p.files if f.kind == "offices").data["source"]


def link_urls(p, nid):
    return [link["url"] for link in p.notices[nid].contacts["links"]]


# (name, notice whose source must print it, data getter, expected value, source snippets)
FACTS = [
    # --- offices.yaml: 2025-bigdata 附件 ---
    ("41_offices_numbered_in_order", B25, lambda p: [o["number"] for o in p.offices], list(range(1, 42)),
     ["41\n\t万盛经开区"]),
    ("offices_source_is_the_annex", B25, lambda p: (offices_source(p), p.notices[B25].clause("a1")["title"]),
     ("2025-bigdata#a1", "重庆市区县（自治县）职称改革办公室通讯录"), ["附件\n重庆市区县（自治县）职称改革办公室通讯录"]),
    ("wanzhou_phone_and_postcode", B25, lambda p: (p.office("万州区")["phones"], p.office("万州区")["postcode"]),
     (["58520665"], "404100"), ["1\t万州区\t58520665\t万州区江南大道2号区政府办公大楼406室\t404100"]),
    ("wanzhou_displayed_and_dialled", B25,
     lambda p: (phone_display(p.office("万州区")["phones"][0], p.area_code), phone_tel(p.office("万州区")["phones"][0], p.area_code)),
     ("023-58520665", "tel:+862358520665"), ["58520665"]),
    ("qijiang_two_phones", B25, lambda p: p.office("綦江区")["phones"], ["87268707", "87268708"],
     ["18\t綦江区\t87268707\n87268708\t綦江区通惠街道"]),
    ("kaizhou_two_phones", B25, lambda p: p.office("开州区")["phones"], ["52218617", "52218661"],
     ["开州区\t52218617\t52218661"]),
    ("pengshui_two_phones", B25, lambda p: p.office("彭水县")["phones"], ["78496838", "78496338"],
     ["彭水县\t78496838\n78496338"]),
    ("liangjiang_two_phones", B25, lambda p: p.office("两江新区")["phones"], ["65626430", "63200623"],
     ["两江新区\t65626430\t63200623"]),
    ("zhongxian_printed_with_a_gap", B25, lambda p: (p.office("忠县")["number"], p.office("忠县").get("printed_name")),
     (30, "忠  县"), ["30\n\t忠  县"]),
    ("beibei_address_as_printed", B25, lambda p: p.office("北碚区")["address"], "云华路168号511办公室",
     ["北碚区\t68216264\t云华路168号511办公室\t400700"]),
    ("high_tech_zone_row", B25, lambda p: (p.office("西部科学城重庆高新区")["number"], p.office("西部科学城重庆高新区")["postcode"]),
     (40, "400039"), ["40\t西部科学城重庆高新区\t68600935"]),
    ("wansheng_postcode", B25, lambda p: (p.office("万盛经开区")["phones"], p.office("万盛经开区")["postcode"]),
     (["48266711"], "400000"), ["万盛经开区\t48266711\t万盛经开区国能天街8号楼611事管科\t400000"]),
    ("shizhu_postcode", B25, lambda p: p.office("石柱县")["postcode"], "409199", ["石柱县万安街道都督大道23号人社局417室\t409199"]),

    # --- 2023-manufacturing ---
    ("2023_doc_number_issuer_date", M23,
     lambda p: tuple(p.notices[M23].meta[k] for k in ("doc_number", "issuer", "issued_on")),
     ("渝职改办〔2023〕211号", "重庆市职称改革办公室", "2023-09-01"), ["渝职改办〔2023〕211号", "重庆市职称改革办公室\n\n2023年9月1日印发"]),
    ("2023_committee_name", M23, lambda p: p.notices[M23].meta["committee"]["name"],
     "重庆市工程技术正高级职称评审委员会（专项）", ["提交至重庆市工程技术正高级职称评审委员会（专项）审核"]),
    ("2023_personal_submission_window", M23, lambda p: ({"date": "2023-09-04"}, {"date": "2023-09-15", "time": "18:00"}) in spans(p, M23),
     True, ["2023年9月4—15日18:00前，申报人完成个人填报"]),
    ("2023_unit_review_deadline", M23, lambda p: (None, {"date": "2023-09-26", "time": "18:00"}) in spans(p, M23),
     True, ["9月26日18:00前各级审核推荐单位完成申报材料的审核推荐工作"]),
    ("2023_fee_window_ends_13th_2400", M23, lambda p: fee_window(p, M23),
     ({"date": "2023-10-12"}, {"date": "2023-10-13", "time": "24:00"}), ["10月12—13日24:00前缴纳职称评审费"]),
    ("2023_work_years_cutoff", M23, lambda p: p.notices[M23].timeline["work_years_cutoff"],
     {"date": "2023-09-30", "clause": "c6-2"}, ["（二）工作时间、任职时间计算均截至 2023 年 9 月 30 日。"]),
    ("2023_fees_420_240_120", M23, lambda p: fees(p, M23), {"高级": 420, "中级": 240, "初级": 120},
     ["高级420元/人、中级240元/人、初级120元/人"]),
    ("2023_fee_steps_are_the_annex_steps", M23, lambda p: [s["clause"] for s in p.notices[M23].fees["payment"]["steps"]],
     ["a1-1", "a1-2", "a1-3"], ["步骤 1：", "步骤 2:", "步骤 3："]),
    ("2023_policy_hotline", M23, lambda p: contact_for(p, M23, "12333")[0::2], ("职称政策咨询服务电话", "023-12333"),
     ["职称政策咨询服务电话:023-12333"]),
    ("2023_platform_support_phone", M23, lambda p: contact_for(p, M23, "88612333")[0::2], ("网报系统技术支持电话", "023-88612333"),
     ["网报系统技术支持电话:023-88612333"]),
    ("2023_committee_phones", M23, lambda p: (contact_for(p, M23, "86867385")[2], contact_for(p, M23, "86868884")[2],
                                               contact_for(p, M23, "86868884")[0]),
     ("023-86867385", "023-86868884", "评委会联系电话"), ["评委会联系电话:023-86867385、86868884"]),
    ("2023_contact_email", M23, lambda p: [e for c in p.notices[M23].contacts["contacts"] for e in c["emails"]],
     ["1137772066@qq.com"], ["联系邮箱:1137772066@qq.com"]),
    ("2023_platform_url", M23, lambda p: "http://ggfw.rlsbj.cq.gov.cn/cqzyjsrcw/positional-portal-web/public/cert/toUserPage" in link_urls(p, M23),
     True, ["<http://ggfw.rlsbj.cq.gov.cn/cqzyjsrcw/positional-portal-web/public/cert/toUserPage>"]),
    ("2023_htm1_url_kept_and_flagged", M23,
     lambda p: [(r["title"], bool(r.get("flag"))) for r in p.references if (r["url"] or "").endswith(".htm1")],
     [("重庆专业技术人员服务平台职称系统个人及单位注册操作手册", True)],
     ["《重庆专业技术人员服务平台职称系统个人及单位注册操作手册》（http://rlsbj.cq.gov.cn/ywzl/zjrc/sy/tzgg_110153/202010/t20201021_8077033.htm1）"]),
    ("2023_high_skill_senior_worker_2_years", M23, lambda p: "取得工程技术领域高级工职业资格或职业技能等级后，从事工程技术技能工作满2年，可申报评审助理工程师职称" in clause_text(p, M23, "c3-2-1"),
     True, ["1. 取得工程技术领域高级工职业资格或职业技能等级后，从事工程技术技能工作满2年，可申报评审助理工程师职称。"]),
    ("2023_high_skill_technician_3_years", M23, lambda p: "满3年，可申报评审工程师职称" in clause_text(p, M23, "c3-2-2"),
     True, ["2. 取得工程技术领域技师职业资格或职业技能等级后，从事工程技术技能工作满3年，可申报评审工程师职称。"]),
    ("2023_high_skill_senior_technician_4_years", M23, lambda p: "满4年，可申报评审高级工程师职称" in clause_text(p, M23, "c3-2-3"),
     True, ["3. 取得工程技术领域高级技师职业资格或职业技能等级后，从事工程技术技能工作满4年，可申报评审高级工程师职称。"]),
    ("2023_unit_publicity_5_working_days", M23, lambda p: review_rule(p, M23, "c5-3-1", "min_working_days"), [5],
     ["在本单位公开场所集中公示不少于5个工作日"]),
    ("2023_non_public_one_year_insurance", M23, lambda p: "工作单位、档案均在我市的，需有1年以上社保缴费记录（市内外可连续计算）" in clause_text(p, M23, "c5-2-3"),
     True, ["工作单位、档案均在我市的，需有1年以上社保缴费记录（市内外可连续计算）"]),
    ("2023_exam_based_titles_excluded", M23, lambda p: "计算机专业高级、中级、初级，通信、船舶、风景园林及林业专业中级、初级等“以考代评”的职称" in clause_text(p, M23, "c1-3"),
     True, ["计算机专业高级、中级、初级，通信、船舶、风景园林及林业专业中级、初级等“以考代评”的职称"]),

    # --- 2025-bigdata ---
    ("2025_doc_number_issuer_date", B25,
     lambda p: tuple(p.notices[B25].meta[k] for k in ("doc_number", "issuer", "issued_on")),
     ("渝大数据发〔2025〕128号", "重庆市大数据应用发展管理局", "2025-09-01"), ["渝大数据发〔2025〕128号", "重庆市大数据应用发展管理局\n\n2025年9月1日"]),
    ("2025_title_joined_across_lines", B25, lambda p: p.notices[B25].meta["title"],
     "关于开展2025年重庆市工程技术大数据智能化专业职称申报评审工作的通知", ["关于开展2025年重庆市工程技术大数据\n\n智能化专业职称申报评审工作的通知"]),
    ("2025_online_application", B25, lambda p: ({"date": "2025-09-08"}, {"date": "2025-09-22"}) in spans(p, B25),
     True, ["网上申报时间：9月8日至9月22日"]),
    ("2025_review_period", B25, lambda p: ({"date": "2025-09-08"}, {"date": "2025-10-31"}) in spans(p, B25),
     True, ["审核时间：9月8日至10月31日"]),
    ("2025_fee_window", B25, lambda p: fee_window(p, B25), ({"date": "2025-11-10"}, {"date": "2025-11-14"}),
     ["缴费时间：11月10日至11月14日", "11月10日—11月14日登录“重庆市大数据应用发展管理局”官网"]),
    ("2025_evaluation_in_december_month_precision", B25,
     lambda p: [(e["start"]["date"][:7], e["precision"]) for e in events(p, B25) if e["precision"] == "month"],
     [("2025-12", "month")], ["评审时间：12月"]),
    ("2025_work_years_cutoff", B25, lambda p: p.notices[B25].timeline["work_years_cutoff"],
     {"date": "2025-12-31", "clause": "c6-2"}, ["（二）申报人工作时间、任职时间计算截至2025年12月31日。"]),
    ("2025_fees_420_240_120", B25, lambda p: fees(p, B25), {"高级": 420, "中级": 240, "初级": 120},
     ["高、中、初级职称评审费分别为420元/人、240元/人，120元/人"]),
    ("2025_pricing_document", B25, lambda p: p.reference(p.notices[B25].fees["pricing_document"])["doc_number"],
     "渝价〔2015〕123号", ["《关于调整我市专业技术职务资格评审费标准及有关问题的通知》（渝价〔2015〕123号）"]),
    ("2025_unpaid_cannot_be_reviewed", B25, lambda p: p.notices[B25].fees["payment"]["consequence"],
     "未完成缴费不能参加评审", ["按操作流程完成线上缴费，未完成缴费不能参加评审"]),
    ("2025_contact_person_and_phones", B25,
     lambda p: (contact_for(p, B25, "67724358")[1:3], contact_for(p, B25, "18983762621")[2:]),
     (("庞晓婕", "023-67724358"), ("18983762621", "tel:+8618983762621")),
     ["（联系人：庞晓婕；咨询电话：67724358，18983762621；"]),
    ("2025_contact_address", B25, lambda p: [c.get("address") for c in p.notices[B25].contacts["contacts"] if c.get("person") == "庞晓婕"],
     ["重庆市江北区桂花街支路10号锦嘉国际大厦807办公室"], ["联系地址：重庆市江北区桂花街支路10号锦嘉国际大厦807办公室）"]),
    ("2025_seven_achievement_types", B25, lambda p: [(a["kind"], a["clause"]) for a in p.notices[B25].evidence["achievement_proofs"]],
     [("工作业绩", "c6-3-1"), ("科研项目（课题）", "c6-3-2"), ("论文/著作", "c6-3-3"), ("学术技术报告", "c6-3-4"),
      ("获奖成果", "c6-3-5"), ("专利/软件著作权", "c6-3-6"), ("标准规范", "c6-3-7")],
     ["1.工作业绩需提供", "2.科研项目（课题）需提供", "3.论文需提供", "著作需提供", "4.学术技术报告需提供邀请函", "5.获奖成果需提供",
      "6.专利需提供专利证书，软件著作权需提供", "7.标准规范需提供封面、前言等内容"]),
    ("2025_quorum_and_approval_two_thirds", B25,
     lambda p: review_rule(p, B25, "c4-3-1", "min_attendance_fraction") + review_rule(p, B25, "c4-3-1", "min_approval_fraction"),
     ["2/3", "2/3"], ["出席的专家人数应当不少于职称评委会人数的2/3", "同意票数达到出席评审会议的评审专家总数2/3以上的即为评审通过"]),
    ("2025_third_submission_ends_application", B25, lambda p: review_rule(p, B25, "c4-2-3-4", "max_submissions"), [3],
     ["退回材料第3次提交评委会审核仍不符合要求的，审核不通过，本次申报终止不予受理"]),
    ("2025_publicity_5_working_days", B25,
     lambda p: (review_rule(p, B25, "c4-2-3-1", "min_working_days"), review_rule(p, B25, "c4-3-3", "min_working_days")),
     ([5], [5]), ["在本单位公开场所集中公示不少于5个工作日", "公示期不少于5个工作日"]),
    ("2025_confirmation_within_15_working_days", B25, lambda p: review_rule(p, B25, "c4-3-3", "max_working_days"), [5, 15],
     ["在评审工作结束后5个工作日内", "公示结束后15个工作日内"]),
    ("2025_conditions_document_url", B25,
     lambda p: (p.reference("yrsf-2023-28")["doc_number"], p.reference("yrsf-2023-28")["url"], p.reference("yrsf-2023-28")["cited_in"]),
     ("渝人社发〔2023〕28号",
      "https://rlsbj.cq.gov.cn/zwgk_182/zfxxgkml/zcwj_145360/jfxzgfxwj/202307/t20230705_12124418.html", ["2025-bigdata#c2-1"]),
     ["（渝人社发〔2023〕28号，https://rlsbj.cq.gov.cn/zwgk_182/zfxxgkml/zcwj_145360/jfxzgfxwj/202307/t20230705_12124418.html）"]),
    ("2025_login_urls", B25, lambda p: link_urls(p, B25),
     ["https://ggfw.rlsbj.cq.gov.cn/rc/rctp/ych-pc/#/index", "https://ggfw.rlsbj.cq.gov.cn/cqzyjsrcw/positional-portal-web/",
      "https://rlsbj.cq.gov.cn/ywzl/zjrc/"],
     ["（网址：https://ggfw.rlsbj.cq.gov.cn/rc/rctp/ych-pc/#/index）", "（网址：https://ggfw.rlsbj.cq.gov.cn/cqzyjsrcw/positional-portal-web/）",
      "（网址：https://rlsbj.cq.gov.cn/ywzl/zjrc/）"]),
    ("2025_route_city_units", B25, lambda p: "个人→所在单位→单位主管部门→评委会。" in clause_text(p, B25, "c4-1-1"), True,
     ["1.市属事业单位、国有企业人员：\n\n个人→所在单位→单位主管部门→评委会。"]),
    ("2025_route_district_units", B25,
     lambda p: "个人→所在单位→单位主管部门→区县人力社保（职改）部门→评委会。" in clause_text(p, B25, "c4-1-2"), True,
     ["2.区县属事业单位、国有企业人员：\n\n个人→所在单位→单位主管部门→区县人力社保（职改）部门→评委会。"]),
    ("2025_route_archive_in_chongqing", B25,
     lambda p: "个人→所在单位→人事代理机构→人事代理机构所在地区县人力社保（职改）部门→评委会。" in clause_text(p, B25, "c4-1-3-1"), True,
     ["（1）档案在重庆的。个人→所在单位→人事代理机构→人事代理机构所在地区县人力社保（职改）部门→评委会。"]),
    ("2025_route_archive_elsewhere", B25,
     lambda p: "个人（持异地查档记录）→所在单位→参保地区县人力社保（职改）部门→评委会。" in clause_text(p, B25, "c4-1-3-2"), True,
     ["（2）档案在异地的。个人（持异地查档记录）→所在单位→参保地区县人力社保（职改）部门→评委会。"]),
    ("2025_route_freelancers", B25,
     lambda p: "个人→人事代理机构→人事代理机构所在地区县人力社保（职改）部门→评委会。" in clause_text(p, B25, "c4-1-4"), True,
     ["个人→人事代理机构→人事代理机构所在地区县人力社保（职改）部门→评委会。其参保及存档时间要求，参照3执行。"]),
    ("2025_route_central_soe_and_outside_units", B25,
     lambda p: "个人（持具有职称评审权限的上级主管部门出具的委托评审函）→所在单位→单位驻重庆最高管理机构→评委会。" in clause_text(p, B25, "c4-1-5"),
     True, ["5.央企或市外单位驻渝人员：\n\n个人（持具有职称评审权限的上级主管部门出具的委托评审函）→所在单位→单位驻重庆最高管理机构→评委会。"]),
    ("2025_aid_service_two_years_early", B25, lambda p: "申报副高级职称的，可提前2年，学历放宽到大专；申报正高级职称的，可提前1年" in clause_text(p, B25, "c2-6"),
     True, ["申报副高级职称的，可提前2年，学历放宽到大专；申报正高级职称的，可提前1年。"]),
    ("2025_once_per_year", B25, lambda p: any("一个年度内通过正常申报渠道只能申报一次职称" in g["text"] for g in p.notices[B25].evidence["general"]),
     True, ["一个年度内通过正常申报渠道只能申报一次职称（“绿色通道”评定未通过的除外）"]),
    ("floating_staff_document_cited_by_both", B25, lambda p: sorted(c.split("#")[0] for c in reference_by_number(p, "渝人社发〔2017〕235号")["cited_in"]),
     [M23, B25], ["按照市人力社保局《关于做好我市流动人员职称申报评审工作有关事项的通知》（渝人社发〔2017〕235号）有关规定"]),
]


def test_there_are_at_least_40_facts():
    assert len(FACTS) >= 40 and len({f[0] for f in FACTS}) == len(FACTS)


@pytest.mark.parametrize("name, notice_id, get, expected, snippets", FACTS, ids=[f[0] for f in FACTS])
def test_fact_in_data_and_source(policy, name, notice_id, get, expected, snippets):
    assert get(policy) == expected
    source = squash(policy.notices[notice_id].source_text)
    for snippet in snippets:
        assert squash(snippet) in source, f"not printed in {notice_id}: {snippet}"


def test_zhongxian_printed_name_is_in_the_source(policy):
    # Kept out of FACTS: squashing would hide the gap the data must preserve.
    assert "\t忠  县\n" in policy.notices[B25].source_text
    assert policy.office("忠县")["printed_name"] == "忠  县"
