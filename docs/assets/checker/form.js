// The question form: reads its own build-time markup (one .yzt-q per question, with data-key,
// data-type, data-show-when and the inline checks data-min/max/max-length/error), hides questions
// that do not apply, and converts between the form, the answers object of the checker's JSON
// contract and the URL fragment (#notice=…&level=…) that keeps answers out of every request.

const TRUE_WORDS = new Set(["true"]);
const FALSE_WORDS = new Set(["false"]);
const NUMBER_RE = /^-?\d+(\.\d+)?$/;
const NOT_ANSWERED = new Set(["", "unsure"]); // 都不是 / 不确定 on the notice question has value ""
export const EDIT_PARAM = "edit"; // #edit=<key>&…: the form, open at that question (not an answer)

export class QuestionForm {
  constructor(form) {
    this.form = form;
    this.questions = [...form.querySelectorAll(".yzt-q[data-key]")].map((el) => ({
      el,
      key: el.dataset.key,
      type: el.dataset.type,
      label: el.dataset.label || el.dataset.key,
      showWhen: el.dataset.showWhen ? JSON.parse(el.dataset.showWhen) : null,
    }));
    this.byKey = new Map(this.questions.map((q) => [q.key, q]));
    form.addEventListener("change", () => this.applyVisibility());
    form.addEventListener("input", () => this.applyVisibility());
  }

  // --- reading and writing controls --------------------------------------------------------------

  _raw(question) {
    const controls = question.el.querySelectorAll("input, select, textarea");
    for (const control of controls) {
      if (control.type === "radio" || control.type === "checkbox") {
        if (control.checked) return control.value;
      } else {
        return control.value.trim();
      }
    }
    return "";
  }

  _setRaw(question, value) {
    for (const control of question.el.querySelectorAll("input, select, textarea")) {
      if (control.type === "radio" || control.type === "checkbox") {
        control.checked = value !== "" && control.value === value;
      } else {
        control.value = value;
      }
    }
  }

  // The raw string becomes a contract value; what cannot be converted is passed on unchanged,
  // so the checker names the field in its Chinese error message.
  static convert(type, raw) {
    if (NOT_ANSWERED.has(raw)) return undefined;
    if (type === "bool") {
      if (TRUE_WORDS.has(raw)) return true;
      if (FALSE_WORDS.has(raw)) return false;
      return raw;
    }
    if (type === "int" || type === "number") {
      const compact = raw.replace(/[\s,，]/g, "");
      // 999…9 would become Infinity (sent as null, i.e. silently unanswered) or 1e+200 (not what was
      // typed): past the integers a number holds exactly, keep the text, so the checker's range
      // message names the question.
      const number = Number(compact);
      return NUMBER_RE.test(compact) && Math.abs(number) <= Number.MAX_SAFE_INTEGER ? number : raw;
    }
    return raw;
  }

  static toQueryValue(value) {
    return typeof value === "boolean" || typeof value === "number" ? String(value) : value;
  }

  // Answers of the visible questions only (a hidden question does not apply).
  answers() {
    const answers = {};
    for (const question of this.questions) {
      if (question.el.hidden) continue;
      const value = QuestionForm.convert(question.type, this._raw(question));
      if (value !== undefined) answers[question.key] = value;
    }
    return answers;
  }

  // Answers and the question being edited, from a URL fragment or query string. Only the form's
  // own questions are read: anything else (utm_source, from=singlemessage, a mistyped key) is
  // ignored, never sent on. A malformed fragment (#q-%, bad escapes) reads as no answers rather
  // than throwing. `pairs` keeps every answer as read, in order, repeats included: the form shows
  // the last value, but the checker gets the pairs and refuses a repeated key in the CLI's words
  // (answersJson).
  static parseParams(text, byKey) {
    const answers = {};
    const pairs = [];
    let edit = null;
    let params;
    try {
      params = new URLSearchParams(String(text).replace(/^[?#]/, ""));
    } catch (error) {
      return { answers, edit, pairs };
    }
    for (const [key, raw] of params) {
      if (key === EDIT_PARAM && byKey.has(raw)) edit = raw;
      const question = byKey.get(key);
      if (!question) continue;
      const value = QuestionForm.convert(question.type, raw.trim());
      if (value === undefined) continue;
      answers[key] = value;
      pairs.push([key, value]);
    }
    return { answers, edit, pairs };
  }

  // The JSON text the checker reads: one member per pair, so a key given twice reaches Python twice
  // and is refused there (checker/contract.py), exactly as `python -m checker` refuses it.
  static answersJson(pairs) {
    return "{" + pairs.map(([key, value]) => JSON.stringify(key) + ":" + JSON.stringify(value)).join(",") + "}";
  }

  static repeatsKeys(pairs) {
    return new Set(pairs.map(([key]) => key)).size !== pairs.length;
  }

  // Messengers rewrite shared links (WeChat: ?from=singlemessage&isappinstalled=0#…), and an old
  // link carried the answers in the query string, which reaches the server. Answers come from the
  // fragment; the query's answers only when the fragment has none. The query is then dropped from
  // the address bar, keeping the fragment, before the page requests anything else.
  moveQueryIntoFragment() {
    if (!location.search) return;
    const inFragment = QuestionForm.parseParams(location.hash, this.byKey);
    let hash = location.hash;
    if (!inFragment.pairs.length && inFragment.edit === null) {
      const fragment = QuestionForm.toParams(QuestionForm.parseParams(location.search, this.byKey).answers);
      if (fragment) hash = "#" + fragment;
    }
    history.replaceState(null, "", location.pathname + hash);
  }

  // The link that reopens these answers: this page, no query, the answers after "#".
  static reopenLink(answers) {
    const fragment = QuestionForm.toParams(answers);
    return location.origin + location.pathname + (fragment ? "#" + fragment : "");
  }

  fromParams(text) {
    const state = QuestionForm.parseParams(text, this.byKey);
    this.fill(state.answers);
    return state;
  }

  fill(answers) {
    for (const question of this.questions) {
      const value = answers[question.key];
      this._setRaw(question, value === undefined ? "" : QuestionForm.toQueryValue(value));
    }
    this.applyVisibility();
  }

  static toParams(answers, edit = null) {
    const params = new URLSearchParams();
    if (edit) params.set(EDIT_PARAM, edit);
    for (const [key, value] of Object.entries(answers)) params.set(key, QuestionForm.toQueryValue(value));
    return params.toString();
  }

  // Inline checks before anything is sent: [{key, message}] for visible questions whose entry the
  // checker would refuse (the messages are the checker's, rendered into data-error at build time).
  problems() {
    const found = [];
    for (const question of this.questions) {
      if (question.el.hidden) continue;
      const data = question.el.dataset;
      const raw = this._raw(question);
      if (!raw || !data.error) continue;
      let bad = false;
      if (question.type === "int" || question.type === "number") {
        const value = QuestionForm.convert(question.type, raw);
        bad = typeof value !== "number" || (question.type === "int" && !Number.isInteger(value))
          || (data.min !== undefined && value < Number(data.min)) || (data.max !== undefined && value > Number(data.max));
      } else if (data.maxLength !== undefined) {
        bad = [...raw].length > Number(data.maxLength);
      }
      if (bad) found.push({ key: question.key, message: data.error });
    }
    return found;
  }

  // The first control of a question, for error-summary links and 修改.
  control(key) {
    const question = this.byKey.get(key);
    if (!question) return null;
    return question.el.querySelector("input:checked") || question.el.querySelector("input, select, textarea");
  }

  // Human text of an answer, as the visitor saw it (the chosen option's label).
  displayValue(key, value) {
    const question = this.byKey.get(key);
    if (!question) return String(value);
    const wanted = QuestionForm.toQueryValue(value);
    for (const control of question.el.querySelectorAll("input[type=radio], option")) {
      if (control.value === wanted) {
        const label = control.tagName === "OPTION" ? control : question.el.querySelector(`label[for="${control.id}"]`);
        if (label) return label.textContent.trim();
      }
    }
    const unit = typeof value === "number" ? question.el.dataset.unit || "" : ""; // never "2年个月"
    return String(value) + unit;
  }

  // --- show_when ---------------------------------------------------------------------------------

  applyVisibility() {
    // Repeat until stable: hiding one question can hide the questions that depend on it.
    for (let pass = 0; pass < this.questions.length; pass++) {
      const answers = this.answers();
      let changed = false;
      for (const question of this.questions) {
        const show = !question.showWhen || matchesAll(question.showWhen, answers);
        if (question.el.hidden === show) {
          question.el.hidden = !show;
          changed = true;
        }
      }
      if (!changed) break;
    }
  }
}

// The rules' `when` language (policy_data/README.md), as checker/conditions.py evaluates it: a
// question shows only where eval_when is true (an unanswered test hides it). The form must decide
// before Pyodide is up, so this is the one JS copy, held to checker/conditions.py over every
// question and golden case by tests/checker/test_show_when_parity.py (Node).
export function matchesAll(when, answers) {
  return Object.entries(when).every(([key, test]) => answers[key] !== undefined && matches(test, answers[key]));
}

function matches(test, value) {
  if (Array.isArray(test)) return test.some((option) => value === option);
  if (test === null || typeof test !== "object") return value === test;
  if ("not" in test) return !matches(test.not, value);
  const isNumber = typeof value === "number";
  if ("min" in test) return isNumber && value >= test.min;
  if ("max" in test) return isNumber && value <= test.max;
  if (typeof value !== "string") return false;
  if ("contains_any" in test) {
    if ((test.except_names || []).some((name) => wholeName(name) === wholeName(value))) return false;
    return test.contains_any.some((word) => fold(value).includes(fold(word)));
  }
  if ("names_any" in test) return test.names_any.some((name) => wholeName(name) === wholeName(value));
  return false;
}

// checker/conditions.py: casefold(); a name compared whole ignores spaces and a trailing 专业.
const fold = (text) => text.toLowerCase();
const wholeName = (text) => fold(text.replace(/\s+/gu, "")).replace(/专业$/u, "");
