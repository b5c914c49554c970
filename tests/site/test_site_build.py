"""Build-level checks: every page type exists, every policy fact reaches the page, links hold."""
from __future__ import annotations

import datetime as dt
import posixpath
import re
from urllib.parse import unquote, urlsplit

import pytest

from built_pages import PAGE_TYPES, ParsedPage, visible

from checker import phrasing
from policy_build.phones import phone_display, phone_tel
from policy_build.urls import office_anchor


def notice_pages(policy):
    return [f"notices/{nid}/" for nid in policy.notices]


def test_strict_build_prints_no_warning(built_site):
    assert "WARNING" not in built_site.log, built_site.log


def test_every_page_type_is_generated(built_site, policy):
    for page_url in PAGE_TYPES + notice_pages(policy):
        assert built_site.path(page_url).is_file(), f"missing page {page_url or 'index'}"
        assert built_site.page(page_url).text.strip(), f"empty page {page_url}"


def test_notice_pages_hold_every_clause_verbatim_in_order(built_site, policy):
    for notice_id, notice in policy.notices.items():
        page = built_site.page(f"notices/{notice_id}/")
        clause_ids = [c["id"] for c in notice.clauses]
        positions = [page.ids.index(cid) for cid in clause_ids]   # ValueError names a missing anchor
        assert positions == sorted(positions), f"{notice_id}: clauses out of order"
        text = visible(page.text)
        cursor = 0
        for clause in notice.clauses:
            for line in (clause.get("text") or "").split("\n"):
                wanted = visible(line)
                if not wanted:
                    continue
                found = text.find(wanted, cursor)
                assert found >= 0, f"{notice_id}#{clause['id']}: text not shown verbatim in order: {line[:40]}"
                cursor = found


def test_clauses_have_a_visible_copy_link(built_site, policy):
    for notice_id, notice in policy.notices.items():
        hrefs = {link["href"] for link in built_site.page(f"notices/{notice_id}/").links
                 if "headerlink" in link["class"]}
        missing = [c["id"] for c in notice.clauses if f"#{c['id']}" not in hrefs]
        assert not missing, f"{notice_id}: clauses without a ¶ link: {missing}"


def test_cited_documents_link_to_their_reference_entry(built_site, policy):
    refs = built_site.page("references/")
    for ref in policy.references:
        assert ref["id"] in refs.ids, f"references page lacks anchor {ref['id']}"
    for notice_id, notice in policy.notices.items():
        page = built_site.page(f"notices/{notice_id}/")
        linked = {(link["text"], link["href"]) for link in page.links}
        for ref in policy.references:
            number = ref.get("doc_number")
            if number and any(number in (c.get("text") or "") for c in notice.clauses):
                assert (number, f"../../references/#{ref['id']}") in linked, f"{notice_id}: {number} not linked"


def test_every_office_appears_with_dialable_phones(built_site, policy):
    page = built_site.page("offices/")
    text = visible(page.text)
    hrefs = {link["href"] for link in page.links}
    assert len(policy.offices) == 41
    for office in policy.offices:
        assert office_anchor(office) in page.ids
        for field in ("name", "address", "postcode"):
            assert visible(str(office[field])) in text, f"{office['name']}: {field} missing"
        for phone in office["phones"]:
            assert phone_tel(phone, policy.area_code) in hrefs
            assert phone_tel(phone, policy.area_code).startswith("tel:+8623")
            assert phone_display(phone, policy.area_code) in text


def test_every_fee_appears_with_its_payment_steps(built_site, policy):
    page = built_site.page("fees/")
    html = built_site.html("fees/")
    for notice_id, notice in policy.notices.items():
        section = html[html.index(f'id="{notice_id}"'):]
        for grade in notice.fees["grades"]:
            said = re.escape(phrasing.fee_grade_text(grade))       # the checker's words for a fee
            assert re.search(rf"{grade['grade']}(<br>.*?)?</th><td><strong>{said}</strong>", section), \
                f"{notice_id}: {grade['grade']} {grade['yuan']} 元 not in its fee table"
        for step in notice.fees.get("payment", {}).get("steps", []):
            assert visible(step["text"]) in visible(page.text)
        if notice.fees.get("pricing_document"):
            assert f"../references/#{notice.fees['pricing_document']}" in {l["href"] for l in page.links}


def test_fee_table_names_the_form_levels_each_fee_covers(built_site, policy):
    # 渝大数据发〔2025〕128号 六（五）: "高、中、初级职称评审费分别为420元/人、240元/人，120元/人" — the form asks 副高级 or
    # 正高级, so the table says which of them 高级 covers (fees.yaml `levels`).
    labels = {o["value"]: o["label"] for q in policy.questions["questions"] if q["key"] == "level" for o in q["options"]}
    page = built_site.page("fees/")
    rows = [visible(re.sub(r"<[^>]+>", "", r)) for r in re.findall(r"<tr><th scope=\"row\">(.*?)</td></tr>", built_site.html("fees/"), re.S)]
    for notice in policy.notices.values():
        senior = next(g for g in notice.fees["grades"] if g["grade"] == "高级")
        words = [labels[level] for level in senior["levels"]]
        assert words == ["副高级", "正高级"]
        assert any(r.startswith("高级含" + "、".join(words)) and f"{senior['yuan']}" in r for r in rows), rows
    assert "含中级" not in visible(page.text)     # a grade that is its one level says nothing more


def test_about_page_states_when_the_data_was_last_checked(built_site, policy):
    checked = dt.date.fromisoformat(policy.shared["dataset"]["checked_on"])
    text = visible(built_site.page("about/").text)
    assert f"最近一次与通知原文核对是在{checked.year}年{checked.month}月{checked.day}日" in text


def _day(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def test_every_date_appears_on_the_timeline(built_site, policy):
    page = built_site.page("timeline/")
    text = visible(page.text)
    html = built_site.html("timeline/")
    for notice_id, notice in policy.notices.items():
        for event in notice.timeline["events"]:
            assert f"{notice_id}-{event['id']}" in page.ids
            for point in (event.get("start"), event.get("end")):
                if point:
                    day = _day(point["date"])
                    # As the notice prints a span: the year once, e.g. 2023年9月4日—9月15日 18:00前
                    assert f"{day.year}年" in text and f"{day.month}月" in text, f"{notice_id}/{event['id']}: date missing"
                    if event.get("precision", "day") == "day":
                        assert f"{day.month}月{day.day}日" in text
                    if point.get("time"):
                        assert point["time"] in text
        # the badge's instants are in China time, so the visitor's clock decides the status
        assert 'data-start="' in html and "+08:00" in html
        cutoff = notice.timeline.get("work_years_cutoff")
        if cutoff:
            d = _day(cutoff["date"])
            assert f"{d.year}年{d.month}月{d.day}日" in text


def test_every_route_step_cites_its_clause(built_site, policy):
    page = built_site.page("routes/")
    hrefs = {link["href"] for link in page.links}
    for notice_id, notice in policy.notices.items():
        for route in (notice.rules or {}).get("routes", []):
            assert f"{notice_id}-{route['id']}" in page.ids
            for step in route.get("steps", []):
                assert f"../notices/{notice_id}/#{step['clause']}" in hrefs


def test_every_internal_link_and_anchor_resolves(built_site, policy):
    ids_by_file: dict[str, set[str]] = {}
    for html_file in built_site.root.rglob("*.html"):
        rel = html_file.relative_to(built_site.root).as_posix()
        if rel.startswith(("assets/", "search/")) or rel == "404.html":
            continue
        page_url = rel[: -len("index.html")]
        page = built_site.page(page_url)
        for link in page.links:
            href = link["href"]
            parts = urlsplit(href)
            if parts.scheme or href.startswith("//"):
                continue
            target_dir = posixpath.normpath(posixpath.join(page_url, unquote(parts.path))) if parts.path else page_url.rstrip("/")
            target = built_site.root / (target_dir if target_dir != "." else "") / "index.html"
            if parts.path and not parts.path.endswith("/"):
                target = built_site.root / target_dir
            assert target.exists(), f"{page_url}: broken link {href}"
            if parts.fragment and target.suffix == ".html":
                key = str(target)
                if key not in ids_by_file:

                    ids_by_file[key] = set(ParsedPage(target.read_text(encoding="utf-8")).ids)
                assert unquote(parts.fragment) in ids_by_file[key], f"{page_url}: missing anchor {href}"


def test_no_resource_is_loaded_from_another_host(built_site):
    foreign = []
    for html_file in built_site.root.rglob("*.html"):

        for tag, url in ParsedPage(html_file.read_text(encoding="utf-8")).resources:
            if re.match(r"^(https?:)?//", url):
                foreign.append((html_file.name, tag, url))
    for css in built_site.root.rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="replace")
        foreign += [(css.name, "css", u) for u in re.findall(r"""(?:url\(|@import\s)\s*['"]?((?:https?:)?//[^'")\s]+)""", text)]
    assert not foreign, foreign
    index = built_site.html("")
    assert "fonts.googleapis.com" not in index and "fonts.gstatic.com" not in index


@pytest.mark.parametrize("page_url", ["", "contacts/"])
def test_fraud_warning_is_shown(built_site, page_url):
    text = visible(built_site.page(page_url).text)
    assert "代办" in text and "保过承诺" in text and "虚假宣传" in text
