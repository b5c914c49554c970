// Builds search result nodes with createElement/textContent only (never innerHTML): a result's
// title, where it is (page and notice), and its answering sentence (header box) or whole section
// text (agent lookup card) with the query's words wrapped in <mark>.
import { markSpans, snippet } from "./search.js";
import { siteRoot } from "../site_root.js";

/** Text with <mark>s, made by splitting text nodes at the spans. */
export function highlighted(tag, text, spans, className) {
  const element = document.createElement(tag);
  if (className) element.className = className;
  let at = 0;
  for (const [start, end] of spans) {
    if (start > at) element.append(document.createTextNode(text.slice(at, start)));
    const mark = document.createElement("mark");
    mark.textContent = text.slice(start, end);
    element.append(mark);
    at = end;
  }
  if (at < text.length) element.append(document.createTextNode(text.slice(at)));
  return element;
}

export function resultHref(doc) {
  return new URL(doc.url, siteRoot).href;
}

/** One result in the theme's markup: <li><a><article><h1>title</h1><p>context</p><p>snippet</p>. */
export function resultItem(index, result) {
  const { doc, terms } = result;
  const item = document.createElement("li");
  item.className = "md-search-result__item";
  const link = document.createElement("a");
  link.className = "md-search-result__link";
  link.href = resultHref(doc);
  const article = document.createElement("article");
  article.className = "md-search-result__article md-typeset";
  article.append(highlighted("h1", doc.title, markSpans(doc.title, terms)));
  if (doc.context) {
    const where = document.createElement("p");
    where.className = "yzt-search-where";
    where.textContent = doc.context;
    article.append(where);
  }
  const { text, marks } = snippet(index, result);
  if (text) article.append(highlighted("p", text, marks, "yzt-search-snippet"));
  link.append(article);
  item.append(link);
  return item;
}

/** The agent lookup's card: the whole section, so the first card itself holds the answer. */
export function answerCard(result) {
  const { doc, terms } = result;
  const card = document.createElement("article");
  card.className = "yzt-agent-card yzt-lookup-card";
  card.tabIndex = -1;
  card.append(highlighted("h3", doc.title, markSpans(doc.title, terms), "yzt-agent-card__title"));
  if (doc.context) {       // where it is, with its notice: two 何时、怎样缴费 cards are told apart
    const where = document.createElement("p");
    where.className = "yzt-search-where";
    where.textContent = doc.context;
    card.append(where);
  }
  for (const line of doc.body.split("\n")) {
    if (line.trim()) card.append(highlighted("p", line, markSpans(line, terms)));
  }
  const more = document.createElement("p");
  more.className = "yzt-agent-card__more";
  const link = document.createElement("a");
  link.href = resultHref(doc);
  link.textContent = doc.context ? `在“${doc.context}”中打开` : "打开所在页面";
  more.append(link);
  card.append(more);
  return card;
}
