// 复制摘要: the result as plain text for a 12333 call-centre ticket: the same lines as
// `python -m checker` (display.js displayText), the answers, the cited clauses' full links.
import { citedLinks, displayText } from "./display.js";
import { siteRoot } from "../site_root.js";

export function summaryText(answers, result, form, pageUrl, title = "【渝职通检查摘要】") {
  const lines = [title, displayText(result.display).trimEnd(), "", "回答："];
  for (const question of form.questions) {
    if (question.key in answers) lines.push(`  ${question.label}：${form.displayValue(question.key, answers[question.key])}`);
  }
  const links = citedLinks(result.display, siteRoot);
  if (links.length) lines.push("依据条款：", ...links.map((link) => "  " + link));
  lines.push("链接：" + pageUrl); // the answers are in the fragment: the link reopens this result
  return lines.join("\n");
}

export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch (error) {
    // Clipboard API refused (insecure origin, permissions): the old selection-based copy.
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "yzt-offscreen";
    document.body.appendChild(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand("copy");
    } catch (ignored) {
      ok = false;
    }
    area.remove();
    return ok;
  }
}
