"""Render the FAQ answers (Jinja2 templates in faq.yaml) against the loaded policy."""
from __future__ import annotations

from jinja2 import DictLoader, Environment, StrictUndefined, TemplateError
from markupsafe import Markup

from policy_build.errors import PolicyError, message

from site_build.generate.faq_facts import FactSource, MissingFact
from site_build.generate.templating import bytecode_cache


def answer_environment(answers: dict[str, str] | None = None) -> Environment:
    """The environment answers are parsed and rendered with (the no-literals test parses with it too).
    Given the answers ({name: template}), each compiles once and is reused by later builds (build/jinja/)."""
    return Environment(autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                       keep_trailing_newline=True, loader=DictLoader(answers or {}),
                       bytecode_cache=bytecode_cache() if answers else None)


def render_faq(site, page, questions: list[dict], glossary: dict[str, str], display: str) -> list[dict]:
    """[{id, question, topics, terms, answer (markdown), basis: [(notice, clause)]}] in file order."""
    env = answer_environment({f"faq.yaml#{q['id']}": q["answer"] for q in questions})
    rendered, errors = [], []
    for index, question in enumerate(questions):
        try:
            answer, facts = _render_answer(env.get_template(f"faq.yaml#{question['id']}"), site, page, glossary)
        except (TemplateError, KeyError, TypeError, AttributeError) as exc:
            errors.append(message(display, f"questions[{index}].answer", f"答案模板无法生成 (answer does not render: {exc})"))
            continue
        for ref in question.get("clauses") or []:
            notice_id, _, clause_id = ref.partition("#")
            facts.cited.setdefault((notice_id, clause_id), None)
        for j, term_id in enumerate(question.get("terms") or []):
            if term_id not in glossary:
                errors.append(message(display, f"questions[{index}].terms[{j}]", "glossary.yaml 中没有这个术语 (expected a glossary term id)", term_id))
        if not facts.cited:
            errors.append(message(display, f"questions[{index}].answer", "答案没有引用任何条款 (expected at least one clause)"))
        rendered.append({
            "id": question["id"],
            "question": question["question"],
            "topics": question.get("topics") or [],
            "terms": [(t, glossary.get(t, t)) for t in question.get("terms") or []],
            "answer": Markup(answer.strip()),   # escaped by the answer environment already
            "basis": list(facts.cited),
        })
    if errors:
        raise PolicyError(errors)
    return rendered


def _render_answer(template, site, page, glossary: dict[str, str]) -> tuple[str, FactSource]:
    """Render one answer; a notice that lacks an entry the `notices` loop looks up is left out of
    the loop, and the answer ends by naming it (so a new notice never breaks or silently vanishes)."""
    without: list[tuple[str, str]] = []
    while True:
        facts = FactSource(site, page, glossary, without=tuple(n for n, _ in without))
        try:
            answer = template.render(facts.globals())
        except MissingFact as exc:
            if exc.notice in facts.without:      # a fixed notice id, not the loop: a real error
                raise
            without.append((exc.notice, exc.args[0]))
            continue
        for notice_id, missing in without:
            href = page.href(f"notices/{notice_id}/")
            answer += str(Markup('\n<p class="yzt-faq-gap">{}：这一问用到的条目在该通知的数据中没有（{}），请看<a href="{}">通知原文</a>。</p>\n')
                          .format(facts.title(notice_id), missing, href))
        return answer, facts
