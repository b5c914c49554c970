// The one renderer of a result's display form (checker/display.py), shared by the checker page,
// its copy summary and print, and the agent page. It only lays out what the checker wrote:
// no verdict, label, actor, date or status is decided here. Text nodes only, never innerHTML.

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "class") node.className = value;
    else node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false || child === "") continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const absolute = (url, siteRoot) => new URL(url, siteRoot).href;

export function citeNode(cite, siteRoot) {
  if (!cite) return null;
  const label = cite.url
    ? el("a", { href: absolute(cite.url, siteRoot), class: "yzt-cite", title: "查看通知原文该条" }, cite.label)
    : cite.label;
  return el("span", { class: "yzt-cite-wrap" }, "〔", label, "〕");
}

export function phonesNode(phones) {
  return (phones || []).map((phone, index) => [index ? "、" : "", el("a", { href: phone.tel, class: "yzt-phone" }, phone.display)]);
}

function lineNode(line) {
  return el("div", { class: "yzt-result__detail" }, line.text, phonesNode(line.phones));
}

// questionHref(field) -> "#q-…" when the page has that question, else null (a link to answer it).
function itemNode(item, siteRoot, questionHref, linkWord) {
  const href = item.field && questionHref ? questionHref(item.field) : null;
  return el("li", { class: item.status ? `yzt-status-item yzt-status-item--${item.status}` : null },
    item.link ? el("a", { href: absolute(item.link.url, siteRoot) }, item.text) : item.text,
    citeNode(item.cite, siteRoot),
    href ? [" ", el("a", { href }, linkWord)] : null,
    item.details.map(lineNode));
}

export function renderLead(display, siteRoot) {
  return [
    ...display.lead.map((text) => el("p", {}, text)),
    display.notice ? el("p", {}, el("a", { href: absolute(display.notice.url, siteRoot) }, display.notice.text)) : null,
    display.round ? el("p", { class: `yzt-round yzt-round--${display.round.state}` }, display.round.text, citeNode(display.round.cite, siteRoot)) : null,
  ].filter(Boolean);
}

// `id` names each section for styling (the printout keeps every section and item).
export function renderSections(display, siteRoot, questionHref) {
  return display.sections.map((section) => el("section", { class: `yzt-result__section yzt-result__section--${section.id}` },
    el("h3", {}, section.title),
    el("ul", {}, section.items.map((item) => itemNode(item, siteRoot, questionHref, section.id === "errors" ? "修改" : "回答")))));
}

export function renderReply(display, siteRoot) {
  return display.reply.map((sentence) => el("li", {}, sentence.text, citeNode(sentence.cite, siteRoot)));
}

// The agent page's call card: office and phone in large type, fee, round status.
export function renderCard(display, siteRoot) {
  const card = display.card;
  if (!card) return [];
  const office = card.office;
  return [
    // office_note: who does what there and when (the step's caveat; issue 18 #3), else the name.
    office ? el("p", { class: "yzt-card__office" }, card.office_note || office.name) : null,
    office ? el("p", { class: "yzt-card__phone" }, phonesNode(office.phones)) : null,
    !office && card.office_hint ? el("p", { class: "yzt-card__hint" }, card.office_hint) : null,
    card.fee ? el("p", { class: "yzt-card__fee" }, card.fee) : null,
    card.round ? el("p", { class: "yzt-card__round" }, card.round) : null,
    card.needs_text ? el("p", { class: "yzt-card__needs" }, card.needs_text) : null,
  ].filter(Boolean);
}

// The answer panel (GOV.UK "panel"): what a person needs first, as the checker's display.panel has
// it — verdict, the office with its phone, what it does and the step's caveat (office.text), fee,
// round, the one next step. Invalid answers have no panel: the headline alone.
// `change`: a line the page adds when an edited answer changed the verdict (said where the eye is).
export function renderAnswerPanel(display, siteRoot, change = null) {
  const panel = display.panel || { headline: display.headline, tone: display.tone };
  const office = panel.office;
  return el("div", { class: `yzt-panel yzt-panel--${panel.tone}`, id: "checker-panel", tabindex: "-1" },
    el("p", { class: "yzt-panel__title", "data-part": "verdict" }, panel.headline),
    change ? el("p", { class: "yzt-panel__change", "data-part": "change" }, change) : null,
    office ? el("p", { class: "yzt-panel__office", "data-part": "office" },
      office.text, " ", phonesNode(office.phones), citeNode(office.cite, siteRoot)) : null,
    !office && panel.office_hint ? el("p", { class: "yzt-panel__office", "data-part": "office-hint" }, panel.office_hint) : null,
    panel.fee ? el("p", { class: "yzt-panel__fee", "data-part": "fee" }, panel.fee.text, citeNode(panel.fee.cite, siteRoot)) : null,
    panel.round ? el("p", { class: `yzt-panel__round yzt-round--${panel.round.state}`, "data-part": "round" },
      panel.round.text, citeNode(panel.round.cite, siteRoot)) : null,
    panel.next ? el("p", { class: "yzt-panel__next", "data-part": "next" }, panel.next.text, citeNode(panel.next.cite, siteRoot)) : null,
  );
}

// What follows the panel: the verdict's layers (scope, this notice's conditions, the documents still
// to check, each with its clause and document links) and the notice used (the round is in the panel).
export function renderLeadBlock(display, siteRoot) {
  const layers = (display.layers || []).map((layer) => el("p", { class: `yzt-layer yzt-layer--${layer.id}` },
    layer.text, citeNode(layer.cite, siteRoot),
    (layer.links || []).map((link) => [" ", el("a", { href: absolute(link.url, siteRoot) }, link.text)])));
  const lead = [
    ...layers,
    display.notice ? el("p", {}, el("a", { href: absolute(display.notice.url, siteRoot) }, display.notice.text)) : null,
  ].filter(Boolean);
  return lead.length ? el("div", { class: "yzt-result__lead" }, lead) : null;
}
