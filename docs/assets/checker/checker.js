// Checker page controller: starts the Pyodide worker at once (this script is only on the checker
// page), keeps the answers in the URL query string, and switches between the question form and the
// result view (check-your-answers + result). Browser back/forward replays the URL: nothing is lost.
import { CheckerRuntime } from "./runtime.js";
import { QuestionForm } from "./form.js";
import { renderResult, renderAnswers, renderProblem } from "./result.js";
import { summaryText, copyText } from "./summary.js";

const root = document.getElementById("yzt-checker");
const runtime = new CheckerRuntime(new URL("./worker.js", import.meta.url));
const form = new QuestionForm(document.getElementById("checker-form"));
const formView = document.getElementById("checker-form-view");
const resultView = document.getElementById("checker-result-view");
const result = document.getElementById("checker-result");
const answersList = document.getElementById("checker-answers");
const status = document.getElementById("checker-status");
const siteRoot = new URL(root.dataset.siteRoot || "../", location.href);

let shown = null; // {answers, result} currently on screen, for 复制摘要
let renderToken = 0;

function hasAnswers() {
  return new URLSearchParams(location.search).toString() !== "";
}

function editingKey() {
  return location.hash.startsWith("#q-") ? decodeURIComponent(location.hash.slice(3)) : null;
}

async function render() {
  const token = ++renderToken;
  const answers = form.fromQuery(location.search);
  const editing = editingKey();
  const showResult = hasAnswers() && editing === null;
  formView.hidden = showResult;
  resultView.hidden = !showResult;
  if (!showResult) {
    if (editing) focusQuestion(editing);
    return;
  }
  renderAnswers(answersList, answers, form);
  result.removeAttribute("data-verdict");
  result.setAttribute("aria-busy", "true");
  shown = null;
  renderProblem(result, runtime.state === "failed" ? "unavailable" : "loading");
  try {
    const outcome = await runtime.check(answers);
    if (token !== renderToken) return;
    if (renderResult(result, outcome, { siteRoot, form })) shown = { answers, result: outcome };
  } catch (problem) {
    if (token !== renderToken) return;
    renderProblem(result, problem && problem.kind === "crashed" ? "crashed" : "unavailable");
  }
  result.removeAttribute("aria-busy");
}

function focusQuestion(key) {
  const question = document.getElementById("q-" + key);
  if (!question) return;
  const control = question.querySelector("input:checked") || question.querySelector("input, select, textarea");
  // After the browser's own fragment handling, which would otherwise move focus back to the body.
  setTimeout(() => {
    question.scrollIntoView({ block: "start" });
    if (control) control.focus({ preventScroll: true });
  }, 0);
}

function showStatus(state) {
  root.dataset.runtime = state;
  const messages = {
    loading: "检查程序正在后台加载，你可以先回答问题。",
    slow: "检查程序加载较慢，请稍候。也可以拨打 12333 咨询，或先查看申报路径和评审费页面。",
    ready: "检查程序已就绪。",
    failed: "",
  };
  status.textContent = messages[state];
  document.getElementById("checker-fallback").hidden = state !== "failed" && state !== "slow";
  if (state === "failed" && shown === null && !resultView.hidden) renderProblem(result, "unavailable");
}

document.getElementById("checker-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const query = QuestionForm.toQuery(form.answers());
  if (!query) {
    document.getElementById("checker-empty").hidden = false;
    document.getElementById("checker-empty").focus();
    return;
  }
  history.pushState(null, "", location.pathname + "?" + query);
  render().then(() => document.getElementById("checker-result-heading").focus());
  window.scrollTo(0, 0);
});

document.getElementById("checker-restart").addEventListener("click", (event) => {
  event.preventDefault();
  history.pushState(null, "", location.pathname);
  render();
  window.scrollTo(0, 0);
});

document.getElementById("checker-copy").addEventListener("click", async () => {
  const note = document.getElementById("checker-copy-status");
  if (!shown) return;
  const ok = await copyText(summaryText(shown.answers, shown.result, form, location.href));
  note.textContent = ok ? "摘要已复制，可粘贴到工单。" : "无法自动复制：请手动选择并复制本页结果。";
});

document.getElementById("checker-print").addEventListener("click", () => window.print());

// Fragment navigations (修改 links) and back/forward both arrive as popstate.
window.addEventListener("popstate", render);
runtime.onChange(showStatus);
render();
