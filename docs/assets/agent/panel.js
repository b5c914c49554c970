// The agent page's result panel: the call card (verdict, office and phone in large type, fee,
// round), the read-aloud reply, then the details — all from the checker's display form through
// the shared renderer (../checker/display.js). Nothing here decides what a result says.
import { renderCard, renderLead, renderReply, renderSections } from "../checker/display.js";
import { summaryText } from "../checker/summary.js";

// parts: {verdict, office, script, details}: the elements the panel fills.
export function renderPanel(parts, result, siteRoot) {
  const display = result.display;
  parts.verdict.textContent = display.headline;
  const card = renderCard(display, siteRoot);
  parts.office.hidden = card.length === 0;
  parts.office.replaceChildren(...card);
  parts.script.replaceChildren(...renderReply(display, siteRoot));
  parts.details.replaceChildren(...renderLead(display, siteRoot), ...renderSections(display, siteRoot, null));
}

// The 工单摘要: the checker's short summary and the link to these answers (same text as 复制摘要).
export function ticketText(result, link) {
  return summaryText(result, link);
}
