// 复制摘要 / 工单摘要: the checker's own short summary (display.summary, built in Python: the
// answers first, then verdict, office and phone, fee, status, deciding clauses), then the link that
// reopens exactly this case. The page builds that link from the answers the result on screen
// reflects (QuestionForm.reopenLink), at copy time: never the address the page was opened with.
export function summaryText(result, link) {
  const summary = result.display.summary;   // refused answers: their messages, and no case to reopen
  return [...summary.lines, ...(summary.link_label ? [summary.link_label + link] : [])].join("\n");
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
