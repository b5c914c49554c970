// Checker page controller. Answers live in the URL fragment (#notice=…&level=…), which browsers
// never send to a server: not in requests, not in Referer, not in access logs. An old shared link
// with answers in the query string is moved into the fragment before anything else is requested.
// Views: no answers -> the form; #edit=<key>&… -> the form at that question (a 修改 link);
// answers -> the result, then check-your-answers. Back/forward replays the URL: nothing is lost.
import { CheckerRuntime } from "./runtime.js";
import { QuestionForm } from "./form.js";
import { el } from "./display.js";
import { renderResult, renderAnswers, renderProblem } from "./result.js";
import { summaryText, copyText } from "./summary.js";
import { siteRoot } from "../site_root.js";

const root = document.getElementById("yzt-checker");
const form = new QuestionForm(document.getElementById("checker-form"));
form.moveQueryIntoFragment();

const runtime = new CheckerRuntime(new URL("./worker.js", import.meta.url));
const formView = document.getElementById("checker-form-view");
const resultView = document.getElementById("checker-result-view");
const result = document.getElementById("checker-result");
const answersList = document.getElementById("checker-answers");
const status = document.getElementById("checker-status");
const errorSummary = document.getElementById("checker-error-summary");
const submitButton = document.getElementById("checker-submit");
const noNotice = document.getElementById("checker-no-notice");

let shown = null; // {answers, result} currently on screen, for 复制摘要
let lastVerdict = null; // {fragment, tone, headline} of the last result shown, to say when an edit changes it
let renderToken = 0;

function currentState() {
  return QuestionForm.parseParams(location.hash, form.byKey);
}

function go(answers, edit = null, submitted = false) {
  const fragment = QuestionForm.toParams(answers, edit);
  history.pushState(null, "", location.pathname + (fragment ? "#" + fragment : ""));
  return render(submitted);
}

// `submitted`: the visitor sent the form (an edit is compared with the last result shown; opening
// another link or going back is not an edit).
async function render(submitted = false) {
  const token = ++renderToken;
  const { answers, edit, pairs } = form.fromParams(location.hash);
  showNoNoticeGuidance();
  const showResult = Object.keys(answers).length > 0 && edit === null;
  formView.hidden = showResult;
  resultView.hidden = !showResult;
  showStatus(runtime.state);
  if (!showResult) {
    if (edit) focusControl(edit, true);
    return;
  }
  clearProblems();
  renderAnswers(answersList, answers, form);
  result.removeAttribute("data-verdict");
  result.setAttribute("aria-busy", "true");
  shown = null;
  // The printout's reopen link and date (the checker's own date text when its display form has one).
  document.getElementById("checker-print-link").textContent = QuestionForm.reopenLink(answers);
  document.getElementById("checker-print-date").textContent = "";
  renderProblem(result, runtime.state === "failed" ? "unavailable" : "loading");
  try {
    // A key given twice goes to the checker twice: it refuses it as the CLI does (issue 21 finding 10b).
    const outcome = await runtime.check(QuestionForm.repeatsKeys(pairs) ? QuestionForm.answersJson(pairs) : answers);
    if (token !== renderToken) return;
    const display = outcome.display;
    const fragment = QuestionForm.toParams(answers);
    const changed = submitted && lastVerdict && lastVerdict.fragment !== fragment
      && (lastVerdict.tone !== display.tone || lastVerdict.headline !== display.headline);
    const change = changed ? `修改回答后，结果已改变（之前是“${lastVerdict.headline}”）。` : null;
    if (renderResult(result, outcome, { siteRoot, form, change })) shown = { answers, result: outcome, changed };
    document.getElementById("checker-print-date").textContent = display.checked_on || outcome.today || "";
    lastVerdict = { fragment, tone: display.tone, headline: display.headline };
  } catch (problem) {
    if (token !== renderToken) return;
    renderProblem(result, problem && problem.kind === "crashed" ? "crashed" : "unavailable");
  }
  result.removeAttribute("aria-busy");
}

function focusControl(key, scroll) {
  const control = form.control(key);
  const question = document.getElementById("q-" + key);
  if (!control || !question) return;
  // After the browser's own fragment handling, which would otherwise move focus back to the body.
  setTimeout(() => {
    if (scroll) question.scrollIntoView({ block: "start" });
    control.focus({ preventScroll: scroll });
  }, 0);
}

function showStatus(state) {
  root.dataset.runtime = state;
  const computing = !resultView.hidden && shown === null;
  const messages = {
    loading: computing ? "正在计算结果，检查程序仍在加载……" : "检查程序正在后台加载，你可以先回答问题。",
    slow: status.dataset.slow, // the page gives it (guard.js shows it too)
    ready: "检查程序已就绪。",
    failed: "",
  };
  status.textContent = messages[state];
  document.getElementById("checker-fallback").hidden = state !== "failed" && state !== "slow";
  if (state === "failed" && shown === null && !resultView.hidden) renderProblem(result, "unavailable");
}

function showNoNoticeGuidance() {
  const none = document.getElementById("q-notice-none");
  if (noNotice && none) noNotice.hidden = !none.checked;
}

// --- inline validation (GOV.UK error summary) ------------------------------------------------------

function clearProblems() {
  errorSummary.hidden = true;
  for (const question of form.questions) {
    question.el.classList.remove("yzt-q--error");
    const slot = document.getElementById(`q-${question.key}-error`);
    if (slot) {
      slot.hidden = true;
      slot.textContent = "";
    }
    const control = form.control(question.key);
    if (control) control.removeAttribute("aria-invalid");
  }
}

function showProblems(problems) {
  clearProblems();
  const list = document.getElementById("checker-error-list");
  list.replaceChildren(...problems.map(({ key, message }) => {
    const question = form.byKey.get(key);
    question.el.classList.add("yzt-q--error");
    const slot = document.getElementById(`q-${key}-error`);
    slot.replaceChildren(el("span", { class: "yzt-visually-hidden" }, "错误："), message);
    slot.hidden = false;
    const control = form.control(key);
    control.setAttribute("aria-invalid", "true");
    const link = el("a", { href: "#" + control.id }, message);
    link.addEventListener("click", (event) => {
      event.preventDefault(); // the fragment holds the answers: never replace it with an id
      question.el.scrollIntoView({ block: "start" });
      control.focus({ preventScroll: true }); // at once: focusControl waits for the browser's fragment handling
    });
    return el("li", {}, link);
  }));
  errorSummary.hidden = false;
  errorSummary.focus();
}

// --- events ---------------------------------------------------------------------------------------

document.getElementById("checker-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const none = document.getElementById("q-notice-none");
  if (none && none.checked) {
    noNotice.hidden = false;
    noNotice.scrollIntoView({ block: "nearest" });
    return;
  }
  const problems = form.problems();
  if (problems.length) {
    showProblems(problems);
    return;
  }
  const answers = form.answers();
  if (!Object.keys(answers).length) {
    document.getElementById("checker-empty").hidden = false;
    document.getElementById("checker-empty").focus();
    return;
  }
  const backToAnswers = currentState().edit !== null; // came from a 修改 link: back to check-your-answers
  // …unless the edit changed the verdict: then the panel, which says so, is where the eye must be.
  go(answers, null, true).then(() => (backToAnswers && !(shown && shown.changed) ? focusAnswers() : focusPanel()));
});

// The answer panel at the top of the first screen, focused so a screen reader reads it at once.
function focusPanel() {
  const heading = document.getElementById("checker-result-heading");
  heading.scrollIntoView({ block: "start" });
  (document.getElementById("checker-panel") || heading).focus({ preventScroll: true });
}

function focusAnswers() {
  const heading = document.getElementById("checker-answers-heading");
  heading.scrollIntoView({ block: "start" });
  heading.focus({ preventScroll: true });
}

// 修改 / 回答 links in the result (href="#q-<key>") open the form at that question, keeping the answers.
resultView.addEventListener("click", (event) => {
  const link = event.target.closest("a[href^='#q-']");
  if (!link) return;
  event.preventDefault();
  const key = link.getAttribute("href").slice(3);
  if (!form.byKey.has(key)) return;
  go(currentState().answers, key);
  window.scrollTo(0, 0);
});

document.getElementById("checker-to-answers").addEventListener("click", (event) => {
  event.preventDefault();
  focusAnswers();
});

document.getElementById("checker-restart").addEventListener("click", (event) => {
  event.preventDefault();
  history.pushState(null, "", location.pathname);
  lastVerdict = null; // a new visitor: nothing to compare with
  render();
  window.scrollTo(0, 0);
});

document.getElementById("checker-copy").addEventListener("click", async () => {
  const note = document.getElementById("checker-copy-status");
  if (!shown) return;
  const ok = await copyText(summaryText(shown.result, QuestionForm.reopenLink(shown.answers)));
  note.textContent = ok ? "摘要已复制，可粘贴到工单。" : "无法自动复制：请手动选择并复制本页结果。";
});

document.getElementById("checker-print").addEventListener("click", () => window.print());
document.getElementById("checker-form").addEventListener("change", showNoNoticeGuidance);

// Back/forward and hand-edited fragments arrive as popstate.
window.addEventListener("popstate", () => render());
runtime.onChange(showStatus);
submitButton.hidden = false;
submitButton.disabled = false;
root.dataset.controller = "ready"; // guard.js: the page script ran
// A shared link opens on its answer: the panel, not the introduction, fills the first screen.
render();
if (!resultView.hidden) document.getElementById("checker-result-heading").scrollIntoView({ block: "start" });
