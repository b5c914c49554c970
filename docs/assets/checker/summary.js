// 复制摘要: the result as plain text for a 12333 call-centre ticket (no markup, full links).
import { allowanceText, stepText, timelineText, verdictTitle } from "./result.js";

export function summaryText(answers, result, form, pageUrl) {
  const lines = [];
  const siteRoot = new URL(document.getElementById("yzt-checker").dataset.siteRoot || "../", pageUrl);
  const cite = (item) => (item && item.url ? `（${item.clause_label || item.clause}：${new URL(item.url, siteRoot).href}）` : "");
  const list = (title, items, text) => {
    if (!items.length) return;
    lines.push(title);
    items.forEach((item, index) => lines.push(`${index + 1}. ${text(item)}`));
  };
  lines.push("【渝职通检查摘要】");
  if (result.notice) lines.push(`通知：${result.notice.short_title}（${result.notice.doc_number}）`);
  lines.push(`结论：${verdictTitle(result)}${result.verdict_label ? "——" + result.verdict_label : ""}`);
  list("回答有误：", result.errors || [], (error) => error.message);
  list("理由：", result.reasons || [], (reason) => reason.text + cite(reason));
  list("还需回答：", result.needs_detail || [], (need) => need.question || need.label);
  if (result.route) {
    lines.push(`申报路径：${result.route.label || ""}${cite(result.route)}`);
    (result.route.steps || []).forEach((step, index) => lines.push(`  ${index + 1}) ${stepText(step)}`));
  }
  if (result.fee_yuan !== null && result.fee_yuan !== undefined) lines.push(`评审费：${result.fee_yuan} 元${cite(result.fee)}`);
  list("时间：", result.timeline || [], timelineText);
  list("材料：", result.evidence || [], (item) => item.text);
  list("适用的放宽政策：", result.allowances || [], (item) => allowanceText(item) + cite(item));
  lines.push("回答：");
  for (const question of form.questions) {
    if (question.key in answers) lines.push(`  ${question.label}：${form.displayValue(question.key, answers[question.key])}`);
  }
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
