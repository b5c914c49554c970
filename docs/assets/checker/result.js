// Renders the checker's result into #checker-result through the shared display renderer
// (display.js renders checker/display.py's form), and the check-your-answers list.
// All text is inserted as text nodes: nothing from the URL becomes markup.
import { el, renderAnswerPanel, renderLeadBlock, renderSections } from "./display.js";

// The checker's display form says when the fault is its own (checker/display.py `_invalid`).
export function crashed(result) {
  return Boolean(result.display && result.display.tone === "internal");
}

export function renderProblem(container, kind) {
  container.removeAttribute("data-verdict");
  const messages = {
    loading: ["正在计算结果……", "检查程序仍在加载，加载完成后结果会自动显示。"],
    unavailable: [
      "检查程序无法在此浏览器中运行",
      "可能是浏览器版本较旧、不支持 WebAssembly，或所需文件被网络拦截。请换用新版浏览器再试，或按下面的电话咨询。",
    ],
    crashed: ["检查程序出错了", "很抱歉，这组回答没能算出结果。请检查回答后重试，或按下面的电话咨询。"],
  };
  const [title, text] = messages[kind];
  const loading = kind === "loading";
  container.replaceChildren(
    el("div", { class: loading ? "yzt-checker__status" : "yzt-checker__problem", role: loading ? null : "alert" },
      el("p", {}, el("strong", {}, title)),
      el("p", {}, text),
      loading ? null : fallbackLinks(),
    ),
  );
}

// The page's own fallback list (the hotline as the notice prints it, the routes, fees and timeline
// pages), written at build time from the data: JS holds no phone number of its own.
function fallbackLinks() {
  const list = document.querySelector("#checker-fallback ul");
  return list ? list.cloneNode(true) : null;
}

// `change`: the page's line saying an edited answer changed the verdict (shown inside the panel).
export function renderResult(container, result, { siteRoot, form, change = null }) {
  if (crashed(result)) {
    renderProblem(container, "crashed");
    return false;
  }
  const display = result.display;
  const questionHref = (field) => (form.byKey.has(field) ? "#q-" + field : null);
  container.replaceChildren(renderAnswerPanel(display, siteRoot, change), renderLeadBlock(display, siteRoot) || "",
    ...renderSections(display, siteRoot, questionHref));
  container.dataset.verdict = display.tone;
  return true;
}

// Check-your-answers: one row per answer, in the form's order, each with a 修改 link to its question.
export function renderAnswers(list, answers, form) {
  const keys = [...form.questions.map((q) => q.key).filter((key) => key in answers),
    ...Object.keys(answers).filter((key) => !form.byKey.has(key))];
  list.replaceChildren(...keys.map((key) => {
    const label = form.byKey.get(key)?.label || key;
    return el("div", { class: "yzt-summary__row" },
      el("dt", {}, label),
      el("dd", {}, form.displayValue(key, answers[key])),
      el("dd", {}, form.byKey.has(key) ? el("a", { href: "#q-" + key }, "修改", el("span", { class: "yzt-visually-hidden" }, label)) : null),
    );
  }));
}
