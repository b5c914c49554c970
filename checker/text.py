"""The result as readable Chinese text for a person at a terminal (or a ticket): the display form
(checker/display.py) line by line. The pages render the same form as HTML; what they copy is the
form's own `summary` (no second text renderer in JS)."""

from __future__ import annotations

from .display import display as display_form
from .phrasing import cite_text, phones_text


def line_text(line: dict) -> str:
    return line["text"] + phones_text(line["phones"])


def render(result: dict) -> str:
    form = result.get("display") or display_form(result)
    lines = [f"【{form['headline']}】", *form["lead"]]
    if form["notice"]:
        lines.append(form["notice"]["text"])
    if form["round"]:
        lines.append(form["round"]["text"] + cite_text(form["round"]["cite"]))
    for section in form["sections"]:
        lines += ["", section["title"] + "："]
        for item in section["items"]:
            lines.append(f"  - {item['text']}{cite_text(item['cite'])}")
            lines += [f"      {line_text(line)}" for line in item["details"]]
    return "\n".join(lines) + "\n"
