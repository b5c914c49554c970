// 复制摘要 / 工单摘要: the checker's own short summary (display.summary, built in Python: the
// answers first, then verdict, office and phone, fee, status, deciding clauses), then the link that
// reopens exactly this case. The page builds that link from the answers the result on screen
// reflects (QuestionForm.reopenLink), at copy time: never the address the page was opened with.
import { citedLinks, displayText } from "./display.js";
import { siteRoot } from "../site_root.js";

export function summaryText(answers, result, form, link, title = "【渝职通检查摘要】") {
  const summary = result.display.summary;
  if (summary && summary.lines) return [...summary.lines, summary.link_label + link].join("\n");
  // A display form without `summary` (older checker): the answers, then the CLI's full text.
  const lines = [];
  for (const question of form.questions) {
    if (question.key in answers) lines.push(`${question.label}：${form.displayValue(question.key, answers[question.key])}`);
  }
  lines.push(title, displayText(result.display).trimEnd());
  const links = citedLinks(result.display, siteRoot);
  if (links.length) lines.push("依据条款：", ...links.map((line) => "  " + line));
  lines.push("链接：" + link);
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
