// 坐席模式 (agent mode): every checker question on one screen, the result recomputed on each change
// by the same Pyodide worker as the checker page (docs/assets/checker/), a read-aloud 口径 with a
// clause per sentence, a plain-text 工单摘要, and a quick lookup that jumps to an answer card.
import { CheckerRuntime } from "../checker/runtime.js";
import { QuestionForm } from "../checker/form.js";
import { copyText } from "../checker/summary.js";
import { loadSearch, rank } from "../search/search.js";
import { answerCard } from "../search/results.js";

const root = document.getElementById("yzt-agent");
const siteRoot = new URL(root.dataset.siteRoot || "../", location.href);
const offices = JSON.parse(document.getElementById("agent-offices").textContent);
const clauseLabels = JSON.parse(document.getElementById("agent-clauses").textContent);
const formEl = document.getElementById("agent-form");
const form = new QuestionForm(formEl);
const runtime = new CheckerRuntime(new URL("../checker/worker.js", import.meta.url));
const resultEl = document.getElementById("agent-result");
const verdictEl = document.getElementById("agent-verdict");
const officeEl = document.getElementById("agent-office");
const scriptEl = document.getElementById("agent-script");
const summaryEl = document.getElementById("agent-summary");
const copyButton = document.getElementById("agent-copy");
const copyStatus = document.getElementById("agent-copy-status");
const statusEl = document.getElementById("agent-status");

let token = 0;
let timer = null;

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined && value !== null) node.setAttribute(name, value);
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === "") continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// --- citations --------------------------------------------------------------------------------

function citeOf(item) {
  if (!item || typeof item !== "object") return null;
  const url = item.url || item.clause_url || null;
  const label = (url && clauseLabels[url]) || item.clause_label || item.cite || item.clause || null;
  if (!label) return null;
  return { label, href: url ? new URL(url, siteRoot).href : null };
}

function textOf(item) {
  if (item === null || item === undefined) return "";
  if (typeof item !== "object") return String(item);
  return item.text || item.message || item.label || item.title || "";
}

// --- the checker's result contract (checker/contract.py) as plain sentences ----------------------

const VERDICTS = { eligible: "符合", ineligible: "不符合", conditional: "需对照相关文件确认" };

function verdictLabel(result) {
  if ((result.errors || []).length) return "回答有误";
  return result.verdict_label || VERDICTS[result.verdict] || "还不能判断";
}

function routeSteps(result) {
  const route = result.route;
  return Array.isArray(route) ? route : (route && route.steps) || [];
}

function stepText(step) {
  const action = step.action ? `${step.actor || ""}：${step.action}` : textOf(step);
  const office = step.office;
  if (!office) return action + (step.district_meaning ? `（${step.district_meaning}）` : "");
  const phones = (office.phones || []).map((p) => (typeof p === "string" ? p : p.display)).join("、");
  return `${action}——${office.name}${phones ? " 电话 " + phones : ""}`;
}

function when(start, time) {
  return start ? start + (time ? " " + time : "") : "";
}

function timelineText(event) {
  const range = [when(event.start, event.start_time), when(event.end, event.end_time)].filter(Boolean).join(" 至 ");
  return `${event.label || ""}${range ? "：" + range : ""}${event.status ? "（" + event.status + "）" : ""}`;
}

function allowanceText(item) {
  const effects = (item.effects || []).map((e) => textOf(e)).filter(Boolean);
  return `${item.title || textOf(item)}${effects.length ? "：" + effects.join("；") : ""}`;
}

function feeOf(result) {
  if (result.fee_yuan === undefined || result.fee_yuan === null) return null;
  const fee = result.fee && typeof result.fee === "object" ? result.fee : {};
  return { text: `评审费 ${result.fee_yuan} 元/人${fee.grade ? "（" + fee.grade + "）" : ""}${fee.method ? "，" + fee.method : ""}`, cite: fee };
}

// --- the 口径 (suggested reply): one sentence per fact, each with its clause ----------------------

function sentences(result, answers) {
  const out = [];
  const add = (text, item) => text && out.push({ text, cite: citeOf(item) });
  if ((result.errors || []).length) {
    for (const error of result.errors) add("回答有误：" + textOf(error), null);
    return out;
  }
  const notice = result.notice && result.notice.doc_number ? `按${result.notice.doc_number}，` : "";
  add(`${notice}结论：${verdictLabel(result)}。`, null);
  for (const reason of result.reasons || []) add(textOf(reason), reason);
  const route = result.route && !Array.isArray(result.route) ? result.route : null;
  if (route && route.label) add(`申报路径：${route.label}。`, route);
  for (const condition of (route && route.conditions) || []) add(`${condition.text}${condition.status_label ? "（" + condition.status_label + "）" : ""}。`, condition);
  routeSteps(result).forEach((step, index) => add(`第${index + 1}步：${stepText(step)}。`, step));
  const fee = feeOf(result);
  if (fee) add(fee.text + "。", fee.cite);
  for (const event of result.timeline || []) add(timelineText(event) + "。", event);
  for (const allowance of result.allowances || []) add(allowanceText(allowance) + "。", allowance);
  const needs = (result.needs || []).map((need) => labelOf(typeof need === "string" ? need : need.key || need.field));
  if (needs.length) add(`还需要问清：${needs.join("、")}。`, null);
  return out;
}

function labelOf(key) {
  return form.byKey.get(key)?.label || key;
}

// --- the office in large type ----------------------------------------------------------------------

function officeFor(result, answers) {
  for (const step of routeSteps(result)) {
    if (step.office && step.office.name) {
      return offices.find((o) => o.name === step.office.name) || { ...step.office, phones: (step.office.phones || []).map((p) => (typeof p === "string" ? { display: p, tel: "tel:" + p } : p)) };
    }
  }
  return answers.district ? offices.find((o) => o.name === answers.district) || null : null;
}

function showOffice(office) {
  officeEl.hidden = !office;
  if (!office) return officeEl.replaceChildren();
  officeEl.replaceChildren(
    el("p", { class: "yzt-agent__office-name" }, office.name, "职改办"),
    el("p", { class: "yzt-agent__big" }, office.phones.map((p, i) => [i ? "、" : "", el("a", { href: p.tel }, p.display)])),
    office.address ? el("p", {}, office.address, office.postcode ? `（邮编 ${office.postcode}）` : "") : null,
    office.anchor ? el("p", {}, el("a", { href: "#" + office.anchor }, "打开区县卡片")) : null,
  );
}

// --- 工单摘要 (plain text for a ticket) ------------------------------------------------------------

function summaryText(answers, result, office, lines) {
  const out = ["【渝职通 12333 工单摘要】", "来电人情况："];
  for (const [key, value] of Object.entries(answers)) out.push(`- ${labelOf(key)}：${form.displayValue(key, value)}`);
  if (result.notice && result.notice.doc_number) out.push(`通知：${result.notice.doc_number}`);
  out.push("结论：" + verdictLabel(result));
  for (const reason of result.reasons || []) out.push("- " + textOf(reason));
  const steps = routeSteps(result);
  if (steps.length) {
    out.push("申报路径：" + (result.route && result.route.label ? result.route.label : ""));
    steps.forEach((step, index) => out.push(`${index + 1}. ${stepText(step)}`));
  }
  if (office) out.push(`区县职改办：${office.name} ${office.phones.map((p) => p.display).join("、")}`);
  const fee = feeOf(result);
  if (fee) out.push(fee.text);
  if ((result.timeline || []).length) {
    out.push("时间：");
    for (const event of result.timeline) out.push("- " + timelineText(event));
  }
  const needs = (result.needs || []).map((need) => labelOf(typeof need === "string" ? need : need.key || need.field));
  if (needs.length) out.push("还需问清：" + needs.join("、"));
  const cited = [];
  for (const line of lines) if (line.cite && !cited.some((c) => c.label === line.cite.label)) cited.push(line.cite);
  if (cited.length) {
    out.push("依据条款：");
    for (const cite of cited) out.push(`- ${cite.label}${cite.href ? " " + cite.href : ""}`);
  }
  return out.join("\n");
}

// --- rendering -----------------------------------------------------------------------------------

function clear(message) {
  resultEl.dataset.verdict = "";
  resultEl.dataset.answered = "0";
  verdictEl.textContent = message;
  scriptEl.replaceChildren();
  summaryEl.textContent = "";
  copyButton.disabled = true;
  showOffice(null);
}

function render(answers, result) {
  const verdict = (result.errors || []).length ? "invalid" : result.verdict || "unknown";
  resultEl.dataset.verdict = verdict;
  resultEl.dataset.answered = String(Object.keys(answers).length); // which answers this result reflects
  verdictEl.textContent = verdictLabel(result);
  const office = officeFor(result, answers);
  showOffice(office);
  const lines = sentences(result, answers);
  scriptEl.replaceChildren(...lines.map((line) => el("li", {}, line.text,
    line.cite ? ["（", line.cite.href ? el("a", { href: line.cite.href, class: "yzt-cite" }, line.cite.label) : line.cite.label, "）"] : null)));
  const summary = summaryText(answers, result, office, lines);
  if (summary !== summaryEl.textContent) copyStatus.textContent = ""; // "copied" refers to the old text
  summaryEl.textContent = summary;
  copyButton.disabled = false;
}

async function update() {
  const mine = ++token;
  const answers = form.answers();
  if (Object.keys(answers).length === 0) return clear("尚未回答");
  resultEl.setAttribute("aria-busy", "true");
  if (runtime.state !== "ready") verdictEl.textContent = "正在计算……";
  try {
    const result = await runtime.check(answers);
    if (mine === token) render(answers, result);
  } catch (problem) {
    if (mine === token) clear(problem && problem.kind === "crashed" ? "这组回答没能算出结果，请核对回答。" : "检查程序无法运行：请用常见问题卡片和通讯录回答。");
  } finally {
    if (mine === token) resultEl.removeAttribute("aria-busy");
  }
}

function scheduleUpdate(delay) {
  clearTimeout(timer);
  timer = setTimeout(update, delay);
}

// --- keyboard: number keys pick the n-th option of the focused question --------------------------

formEl.addEventListener("keydown", (event) => {
  const target = event.target;
  if (!/^[1-9]$/.test(event.key) || event.ctrlKey || event.metaKey || event.altKey) return;
  if (!(target instanceof HTMLInputElement) || target.type !== "radio") return;
  const radios = [...target.closest(".yzt-q").querySelectorAll("input[type=radio]")];
  const choice = radios[Number(event.key) - 1];
  if (!choice) return;
  event.preventDefault();
  choice.checked = true;
  choice.focus();
  choice.dispatchEvent(new Event("change", { bubbles: true }));
});
formEl.addEventListener("change", () => scheduleUpdate(0));
formEl.addEventListener("input", () => scheduleUpdate(250));
formEl.addEventListener("reset", () => setTimeout(() => { form.applyVisibility(); update(); }, 0));

document.addEventListener("keydown", (event) => {
  const typing = event.target.closest && event.target.closest("input:not([type=radio]):not([type=checkbox]), select, textarea");
  if (event.key === "/" && !typing) {
    event.preventDefault();
    lookup.focus();
    lookup.select();
  }
});

copyButton.addEventListener("click", async () => {
  const ok = await copyText(summaryEl.textContent);
  copyStatus.textContent = ok ? "工单摘要已复制。" : "无法自动复制：请展开“工单摘要”手动复制。";
});

// --- quick lookup: the site's own search (docs/assets/search/), shown as answer cards ---------------

const LOOKUP_CARDS = 3;
const lookup = document.getElementById("agent-lookup");
const lookupStatus = document.getElementById("agent-lookup-status");
const lookupResults = document.getElementById("agent-lookup-results");

async function applyLookup(jump) {
  const query = lookup.value.trim();
  if (!query) {
    lookupResults.replaceChildren();
    delete lookupResults.dataset.query;
    lookupStatus.textContent = "";
    return;
  }
  let index;
  try {
    index = await loadSearch();
  } catch {
    lookupStatus.textContent = "查找索引加载失败：请刷新页面，或用下方答案卡片和区县通讯录。";
    return;
  }
  if (lookup.value.trim() !== query) return;   // a newer keystroke will render
  const hits = rank(index, query, LOOKUP_CARDS);
  lookupResults.replaceChildren(...hits.map(answerCard));
  lookupResults.dataset.query = query;
  lookupStatus.textContent = hits.length
    ? `找到 ${hits.length} 张答案卡片：${hits.map((h) => h.doc.title).join("；")}（回车跳到第一张）`
    : "没有找到：换个说法，或输入区县名、电话号码片段。";
  if (jump && hits.length) {
    const first = lookupResults.firstElementChild;
    first.scrollIntoView({ block: "start" });
    first.focus({ preventScroll: true });
  }
}

for (const type of ["focus", "keydown"]) lookup.addEventListener(type, () => loadSearch().catch(() => {}), { once: true });
lookup.addEventListener("input", () => applyLookup(false));
lookup.addEventListener("keydown", (event) => {
  if (event.key === "Enter") {
    event.preventDefault();
    applyLookup(true);
  } else if (event.key === "Escape") {
    lookup.value = "";
    applyLookup(false);
  }
});

runtime.onChange((state) => {
  root.dataset.runtime = state;
  statusEl.textContent = {
    loading: "检查程序正在加载，可以先填写。",
    slow: "检查程序加载较慢，请稍候；也可先用下方答案卡片。",
    ready: "检查程序已就绪，结果随回答即时更新。",
    failed: "检查程序无法在此浏览器运行：请用下方答案卡片和区县通讯录回答。",
  }[state];
  if (state === "ready" || state === "failed") update();
});
update();
