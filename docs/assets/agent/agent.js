// 坐席模式 (agent mode): the checker questions that apply on one screen, the result recomputed on
// each change by the same Pyodide worker as the checker page (docs/assets/checker/), shown by
// panel.js from the checker's display form; a plain-text 工单摘要; a quick lookup of answer cards.
// Keys: an option's number picks it and moves on (1 0 for option 10); Alt+C copies the 工单摘要;
// Alt+N clears for the next call.
import { CheckerRuntime } from "../checker/runtime.js";
import { QuestionForm } from "../checker/form.js";
import { copyText } from "../checker/summary.js";
import { renderPanel, ticketText } from "./panel.js";
import { loadSearch, rank } from "../search/search.js";
import { answerCard } from "../search/results.js";
import { siteRoot } from "../site_root.js";

const root = document.getElementById("yzt-agent");
const formEl = document.getElementById("agent-form");
const form = new QuestionForm(formEl);
const runtime = new CheckerRuntime(new URL("../checker/worker.js", import.meta.url));
const resultEl = document.getElementById("agent-result");
const parts = {
  verdict: document.getElementById("agent-verdict"),
  office: document.getElementById("agent-office"),
  script: document.getElementById("agent-script"),
  details: document.getElementById("agent-details"),
};
const summaryEl = document.getElementById("agent-summary");
const copyButton = document.getElementById("agent-copy");
const copyStatus = document.getElementById("agent-copy-status");
const statusEl = document.getElementById("agent-status");
// The call card is not a live region (it changes on every keystroke); this one speaks only when
// the verdict's headline changes.
const announceEl = document.getElementById("agent-announce");
let announced = "";

function announce(headline) {
  if (headline === announced) return;
  announced = headline;
  announceEl.textContent = headline ? `结果：${headline}` : "";
}

let token = 0;
let timer = null;
let repeatedJson = null; // a shared link that repeats a key: checked as read until the form is edited

function clear(message) {
  resultEl.dataset.verdict = "";
  resultEl.dataset.answered = "0";
  parts.verdict.textContent = message;
  parts.script.replaceChildren();
  parts.details.replaceChildren();
  parts.office.replaceChildren();
  parts.office.hidden = true;
  summaryEl.textContent = "";
  copyButton.disabled = true;
  announce("");
}

function render(answers, result) {
  resultEl.dataset.verdict = result.display.tone;
  resultEl.dataset.answered = String(Object.keys(answers).length); // which answers this result reflects
  renderPanel(parts, result, siteRoot);
  announce(result.display.headline);
  // The link reopens the answers this result reflects, never the address the page was opened with.
  const summary = ticketText(result, QuestionForm.reopenLink(answers));
  if (summary !== summaryEl.textContent) copyStatus.textContent = ""; // "copied" refers to the old text
  summaryEl.textContent = summary;
  copyButton.disabled = false;
}

async function update() {
  const mine = ++token;
  const answers = form.answers();
  if (Object.keys(answers).length === 0) return clear("尚未回答");
  resultEl.setAttribute("aria-busy", "true");
  if (runtime.state !== "ready") parts.verdict.textContent = "正在计算……";
  try {
    const result = await runtime.check(repeatedJson || answers);
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

function visibleQuestions() {
  return form.questions.filter((question) => !question.el.hidden);
}

function focusQuestion(question) {
  const control = question && form.control(question.key);
  if (control) control.focus();
}

// 清空 (button or Alt+N): the next call starts on the first question.
function clearForNextCall() {
  formEl.reset(); // fires "reset" below
}

// --- keyboard: number keys pick the n-th option of the focused question --------------------------
// An option's whole number is typed: on a question with 10+ options, "1" picks option 1 at once but
// waits a moment for a second digit ("1" "0" = option 10) before moving on; Enter moves on at once.
// The wait happens only where an option with that prefix exists, so 1–9 stay one key elsewhere.

const SECOND_DIGIT_MS = 900;
let pendingDigits = null;   // {radios, typed, timer} while a second digit could still come

function pickOption(radios, number) {
  const choice = radios[number - 1];
  if (!choice) return null;
  choice.checked = true;
  choice.dispatchEvent(new Event("change", { bubbles: true })); // applies show_when at once
  return choice;
}

function moveOnFrom(choice) {
  const shown = visibleQuestions();
  const here = shown.findIndex((question) => question.el.contains(choice));
  focusQuestion(shown[here + 1]);
  if (here + 1 >= shown.length) choice.focus();
}

function finishDigits() {
  if (!pendingDigits) return;
  const { radios, typed, timer } = pendingDigits;
  clearTimeout(timer);
  pendingDigits = null;
  const choice = radios[typed - 1];
  if (choice && document.activeElement && choice.closest(".yzt-q").contains(document.activeElement)) moveOnFrom(choice);
}

formEl.addEventListener("keydown", (event) => {
  const target = event.target;
  if (!(target instanceof HTMLInputElement) || target.type !== "radio") return;
  if (pendingDigits && event.key === "Enter") {
    event.preventDefault();
    finishDigits();
    return;
  }
  if (!/^[0-9]$/.test(event.key) || event.ctrlKey || event.metaKey || event.altKey) {
    if (pendingDigits) { clearTimeout(pendingDigits.timer); pendingDigits = null; }  // Tab, arrows: the pick stays
    return;
  }
  const radios = [...target.closest(".yzt-q").querySelectorAll("input[type=radio]")];
  const sameGroup = pendingDigits && pendingDigits.radios[0] === radios[0];
  const joined = sameGroup ? pendingDigits.typed * 10 + Number(event.key) : 0;
  const typed = joined && joined <= radios.length ? joined : Number(event.key); // "1" "1" of 10: option 1, then 1 again
  if (sameGroup) clearTimeout(pendingDigits.timer);
  pendingDigits = null;
  event.preventDefault();
  const choice = pickOption(radios, typed);
  if (!choice) return;
  if (typed * 10 <= radios.length) {          // option typed·10 (or more) exists: a second digit may follow
    choice.focus();
    pendingDigits = { radios, typed, timer: setTimeout(finishDigits, SECOND_DIGIT_MS) };
    return;
  }
  moveOnFrom(choice);
});
formEl.addEventListener("change", () => { repeatedJson = null; scheduleUpdate(0); });
formEl.addEventListener("input", () => { repeatedJson = null; scheduleUpdate(250); });
formEl.addEventListener("reset", () => setTimeout(() => {
  repeatedJson = null;
  history.replaceState(null, "", location.pathname); // the next caller: no previous caller's link
  if (pendingDigits) { clearTimeout(pendingDigits.timer); pendingDigits = null; }
  form.applyVisibility();
  update();
  focusQuestion(visibleQuestions()[0]);
}, 0));

document.addEventListener("keydown", (event) => {
  const typing = event.target.closest && event.target.closest("input:not([type=radio]):not([type=checkbox]), select, textarea");
  if (event.altKey && !event.ctrlKey && !event.metaKey && event.code === "KeyC") {
    event.preventDefault();
    if (!copyButton.disabled) copyButton.click();
    return;
  }
  if (event.altKey && !event.ctrlKey && !event.metaKey && event.code === "KeyN") {
    event.preventDefault();
    clearForNextCall();
    return;
  }
  if (event.key === "/" && !typing) {
    event.preventDefault();
    lookup.focus();
    lookup.select();
  }
});

copyButton.addEventListener("click", async () => {
  clearTimeout(timer);
  await update(); // the ticket is built from the answers on screen now, not from a pending render
  if (copyButton.disabled) return;
  const ok = await copyText(summaryEl.textContent);
  copyStatus.textContent = ok ? "工单摘要已复制。" : "无法自动复制：请展开“工单摘要”手动复制。";
});

// --- quick lookup: the site's own search (docs/assets/search/), shown as answer cards ---------------

const LOOKUP_CARDS = 3;
const lookup = document.getElementById("agent-lookup");
const lookupStatus = document.getElementById("agent-lookup-status");
const lookupResults = document.getElementById("agent-lookup-results");

// Two notices print sections with the same title (何时、怎样缴费): each card says whose it is.
// A section belongs to a notice when its URL names the notice's folder id as a whole part
// (notices/<id>/, fees/#<id>-payment, #notice-<id>-title); cards of no one notice (FAQ answers
// name each notice inside, the office directory serves both) get no tag. The ids and 文号 come
// from the page (agent_page.py), never from here.
const NOTICES = Object.entries(JSON.parse(root.dataset.notices || "{}"));

function noticeOf(doc) {
  const parts = doc.url.split(/[/#?]/);
  const found = NOTICES.find(([id]) => parts.some((part) => `-${part}-`.includes(`-${id}-`)));
  return found ? found[1] : null;
}

function cardTitle(hit) {
  const docNumber = noticeOf(hit.doc);
  return docNumber ? `${hit.doc.title}（${docNumber}）` : hit.doc.title;
}

function namedCard(hit) {
  const card = answerCard(hit);
  const docNumber = noticeOf(hit.doc);
  if (docNumber) {
    const title = card.querySelector(".yzt-agent-card__title");
    const tag = document.createElement("span");
    tag.className = "yzt-lookup-card__notice";
    tag.textContent = `（${docNumber}）`;
    title.append(tag);
    card.dataset.notice = docNumber;
  }
  return card;
}

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
  lookupResults.replaceChildren(...hits.map(namedCard));
  lookupResults.dataset.query = query;
  lookupStatus.textContent = hits.length
    ? `找到 ${hits.length} 张答案卡片：${hits.map(cardTitle).join("；")}（回车跳到第一张）`
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
    slow: statusEl.dataset.slow, // the page gives it (guard.js shows it too)
    ready: "检查程序已就绪，结果随回答即时更新。",
    failed: "检查程序无法在此浏览器运行：请用下方答案卡片和区县通讯录回答。",
  }[state];
  if (state === "ready" || state === "failed") update();
});
// A shared-answers link opens the same case (the checker page's link: answers after "#"; an old
// link with them in the query string is moved there first).
function sharedAnswers() {
  form.moveQueryIntoFragment();
  const { answers, pairs } = QuestionForm.parseParams(location.hash, form.byKey);
  if (QuestionForm.repeatsKeys(pairs)) repeatedJson = QuestionForm.answersJson(pairs); // the checker refuses it
  return answers;
}

const shared = sharedAnswers();
if (Object.keys(shared).length) form.fill(shared);
else form.applyVisibility();
if (!location.hash || Object.keys(shared).length) focusQuestion(visibleQuestions()[0]);
update();

root.dataset.controller = "ready"; // guard.js: the page script ran
