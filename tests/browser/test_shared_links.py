"""Shared links as people really pass them on: through WeChat, edited on the agent desk, hand-mangled.

Expectations come from the CLI (`python -m checker --json`), the contract every screen follows.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from urllib.parse import urlsplit

import pytest

from agent_steps import wait_until_ready
from checker_steps import REPO, VERDICT_TIMEOUT_MS, golden_cases, shared_query

# WeChat puts these in front of the fragment of every shared link (stack-facts.md, third round).
WECHAT_QUERIES = ("?from=singlemessage&isappinstalled=0", "?from=timeline")


def cli(answers_text: str) -> dict:
    """The CLI's result for this JSON text of answers."""
    done = subprocess.run([sys.executable, "-m", "checker", "--json"], input=answers_text.encode("utf-8"),
                          capture_output=True, cwd=REPO, timeout=60)
    return json.loads(done.stdout)


def form_keys(page) -> set[str]:
    return set(page.eval_on_selector_all(".yzt-q[data-key]", "els => els.map(e => e.dataset.key)"))


def case_named(fragment: str) -> dict:
    return next(case for case in golden_cases() if fragment in case["id"])


def asked(page, answers: dict) -> dict:
    """The answers the page's form asks (golden cases also fix `today`, which the form does not ask)."""
    keys = form_keys(page)
    return {key: value for key, value in answers.items() if key in keys}


def checker_verdict(page) -> str:
    page.wait_for_selector("#checker-result[data-verdict]", timeout=VERDICT_TIMEOUT_MS)
    return page.get_attribute("#checker-result", "data-verdict")


def agent_verdict(page, answered: int) -> str:
    page.wait_for_selector(f"#agent-result[data-answered='{answered}']:not([data-verdict=''])", timeout=VERDICT_TIMEOUT_MS)
    return page.get_attribute("#agent-result", "data-verdict")


@pytest.mark.parametrize("path", ["checker/", "agent/"])
def test_wechat_forms_of_a_shared_link_keep_their_answers(desk, site_url, path):
    """issue 21 finding 1: WeChat's ?from=singlemessage&isappinstalled=0 / ?from=timeline in front of
    the fragment emptied the form and rewrote the URL to the bare page; both forms now give the CLI's
    verdict, the query leaves the address bar and the fragment stays."""
    case = case_named("区县属事业单位 万州区")
    page = desk.new_page()
    try:
        page.goto(site_url + path, wait_until="load")
        answers = asked(page, case["answers"])
        expected = cli(json.dumps(answers, ensure_ascii=False))
        assert not expected["errors"]
        fragment = shared_query(answers)
        for query in WECHAT_QUERIES:
            page.goto(site_url + path + query + "#" + fragment, wait_until="load")
            shown = checker_verdict(page) if path == "checker/" else agent_verdict(page, len(answers))
            assert shown == expected["verdict"], query
            where = urlsplit(page.url)
            assert where.query == "" and where.fragment == fragment, page.url
            if path == "agent/":
                assert page.locator("#agent-verdict").inner_text() == expected["display"]["headline"]
            else:
                assert page.inner_text("#checker-result").startswith(expected["display"]["headline"])
        # An old link's answers in the query count only when the fragment has none: the fragment wins.
        other = dict(answers, level="senior")
        page.goto(site_url + path + "?" + shared_query(other) + "#" + fragment, wait_until="load")
        if path == "checker/":
            checker_verdict(page)
        else:
            agent_verdict(page, len(answers))
        assert urlsplit(page.url).fragment == fragment and urlsplit(page.url).query == ""
        assert page.evaluate("document.querySelector('[data-key=level] input:checked').value") == answers["level"]
    finally:
        page.close()


def test_repeated_fragment_key_is_refused_as_the_cli_refuses_it(page, site_url):
    """issue 21 finding 10b: a fragment that repeats a key silently kept the last value while the CLI
    refuses duplicates; the browser now passes both to the checker and shows the CLI's refusal."""
    case = case_named("2025 初级评审费120")
    page.goto(site_url + "checker/", wait_until="load")
    answers = asked(page, case["answers"])
    fragment = shared_query(answers) + "&level=senior"    # level given twice
    members = [f'"{key}":{json.dumps(value, ensure_ascii=False)}' for key, value in answers.items()]
    expected = cli("{" + ",".join(members + ['"level":"senior"']) + "}")
    message = expected["errors"][0]["message"]
    assert "出现了不止一次" in message
    page.goto(site_url + "checker/#" + fragment, wait_until="load")
    assert checker_verdict(page) == "invalid"
    assert message in page.inner_text("#checker-result")
    page.goto(site_url + "agent/#" + fragment, wait_until="load")   # the agent desk agrees
    page.wait_for_selector("#agent-result[data-verdict='invalid']", timeout=VERDICT_TIMEOUT_MS)
    assert message in page.inner_text("#agent-result")


def _ticket_link(ticket: str) -> str:
    """The ticket's last line is its link label and the link (display.summary.link_label + URL)."""
    last = ticket.rsplit("\n", 1)[-1]
    found = re.findall(r"https?://\S+", ticket)
    assert len(found) == 1 and last.endswith(found[0]), ticket
    return found[0]


def test_agent_ticket_link_follows_the_answers_on_screen(desk, site_url):
    """issue 21 finding 4: the 工单摘要's link was the page's original URL: after editing 初级→正高级 it
    reopened 初级, and after Alt+N the next caller's ticket carried the previous caller's link and
    district. The link is now built, at copy time, from the answers on screen."""
    case = case_named("区县属事业单位 万州区")
    page = desk.new_page()
    page.bring_to_front()           # the Clipboard API only writes from the focused tab
    try:
        page.goto(site_url + "agent/", wait_until="load")
        answers = dict(asked(page, case["answers"]), level="junior")
        page.goto(site_url + "agent/?from=singlemessage&isappinstalled=0#" + shared_query(answers), wait_until="load")
        wait_until_ready(page)
        agent_verdict(page, len(answers))
        page.locator("[data-key=level] input[value='senior'] + label").click()
        page.locator("#agent-copy").click()
        page.wait_for_function("document.getElementById('agent-copy-status').textContent.includes('已复制')")
        ticket = page.evaluate("navigator.clipboard.readText()")
        link = _ticket_link(ticket)
        assert urlsplit(link).query == "" and "level=senior" in link and "level=junior" not in link

        edited = dict(answers, level="senior")
        expected = cli(json.dumps(edited, ensure_ascii=False))
        reopened = desk.new_page()
        try:
            reopened.goto(link, wait_until="load")
            assert agent_verdict(reopened, len(edited)) == expected["verdict"]
            assert reopened.locator("#agent-verdict").inner_text() == expected["display"]["headline"]
            assert reopened.evaluate("document.querySelector('[data-key=level] input:checked').value") == "senior"
        finally:
            reopened.close()

        # The next caller: 清空 runs the same reset as Alt+N (pressed on a button, Alt+N is also taken by
        # Material's "next page" shortcut today; the site-wide shortcut fix belongs to another change).
        # Answer only the notice: the ticket has no trace of the previous caller.
        page.bring_to_front()
        page.locator("#agent-reset").click()
        page.wait_for_selector("#agent-result[data-answered='0']")
        assert urlsplit(page.url).fragment == ""
        page.locator(f"[data-key=notice] input[value='{answers['notice']}'] + label").click()
        agent_verdict(page, 1)
        page.locator("#agent-copy").click()
        page.wait_for_function("document.getElementById('agent-copy-status').textContent.includes('已复制')")
        ticket = page.evaluate("navigator.clipboard.readText()")
        assert urlsplit(_ticket_link(ticket)).fragment == shared_query({"notice": answers["notice"]})
        assert answers["district"] not in ticket
    finally:
        page.close()
