// Renders the checker's result object (the JSON contract of checker/) into #checker-result, and the
// check-your-answers list. All text is inserted as text nodes: nothing from the URL becomes markup.

const CRASH_FIELD = "(checker)"; // check() turned an internal exception into this error entry

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

export function crashed(result) {
  return (result.errors || []).some((error) => error.field === CRASH_FIELD);
}

function documentNames(result) {
  return (result.deferred_to || []).map((doc) => `《${doc.title || doc.doc_number}》`);
}

// The banner's short verdict: 符合 / 不符合 / 需对照《…》确认.
export function verdictTitle(result) {
  if ((result.errors || []).length) return "回答有误";
  if (result.verdict === "eligible") return "符合";
  if (result.verdict === "ineligible") return "不符合";
  if (result.verdict === "conditional") {
    const names = documentNames(result);
    return names.length ? `需对照${names.join("、")}确认` : "需对照相关文件确认";
  }
  return "还不能判断";
}

export function stepText(step) {
  const who = step.role_label || step.actor || "";
  const office = step.office;
  const parts = [`${who ? who + "：" : ""}${step.action || step.text || ""}`];
  if (step.only_if) parts.push(`（${step.only_if}）`);
  if (office) {
    const phones = (office.phones || []).map((p) => p.display).join("、");
    parts.push(`；${office.name}${phones ? " 电话 " + phones : ""}${office.address ? " 地址 " + office.address : ""}`);
  } else if (step.district_meaning) {
    parts.push(`；${step.district_meaning}（未选区县）`);
  }
  return parts.join("");
}

export function timelineText(event) {
  const range = [event.start, event.end].filter(Boolean).join(" 至 ");
  return `${event.label || ""}${range ? "：" + range : ""}${event.status ? "（" + event.status + "）" : ""}`;
}

export function allowanceText(item) {
  const effects = (item.effects || []).map((effect) => effect.text).join("；");
  return `${item.title || ""}${effects ? "：" + effects : ""}`;
}

function cite(item, siteRoot) {
  if (!item || !item.url) return null;
  return ["（", el("a", { href: new URL(item.url, siteRoot).href, class: "yzt-cite", title: "查看通知原文该条" }, item.clause_label || item.clause || "原文"), "）"];
}

// `name` lets the print stylesheet keep a one-page summary (it drops the long lists).
function section(title, name, ...content) {
  return el("section", { class: `yzt-result__section yzt-result__section--${name}` }, el("h3", {}, title), ...content);
}

function officeBlock(office, siteRoot) {
  return el("div", { class: "yzt-office" },
    el("div", {}, el("strong", {}, office.name), office.url ? ["（", el("a", { href: new URL(office.url, siteRoot).href }, "通讯录"), "）"] : null),
    (office.phones || []).length
      ? el("div", {}, "电话：", office.phones.map((phone, index) => [index ? "、" : "", el("a", { href: phone.tel }, phone.display)]))
      : null,
    office.address ? el("div", {}, "地址：", office.address, office.postcode ? `（邮编 ${office.postcode}）` : "") : null,
  );
}

function routeSection(route, siteRoot, form) {
  const conditions = (route.conditions || []).map((condition) =>
    el("li", {}, condition.text, condition.status_label ? el("span", { class: `yzt-status yzt-status--${condition.status}` }, condition.status_label) : null, cite(condition, siteRoot)));
  const steps = (route.steps || []).map((step) => el("li", {},
    el("div", {}, el("strong", {}, step.role_label || step.actor || ""), "：", step.action || "", step.only_if ? `（${step.only_if}）` : "", cite(step, siteRoot)),
    step.note ? el("div", { class: "yzt-q__hint" }, step.note) : null,
    step.office ? officeBlock(step.office, siteRoot)
      : step.district_meaning ? el("div", { class: "yzt-office" }, `区县：${step.district_meaning}。`, form.byKey.has("district") ? el("a", { href: "#q-district" }, "选择区县") : null, "后显示该区县职改办的电话和地址。")
        : null,
    (step.papers || []).length ? el("div", {}, "材料：", step.papers.map((paper) => paper.text || paper).join("；")) : null,
  ));
  return section("申报路径", "route",
    route.label ? el("p", {}, route.label, cite(route, siteRoot)) : null,
    conditions.length ? el("ul", {}, conditions) : null,
    steps.length ? el("ol", { class: "yzt-route-steps" }, steps) : null,
    (route.papers || []).length ? el("p", {}, "材料：", route.papers.map((paper) => paper.text || paper).join("；")) : null,
  );
}

function feeSection(result, siteRoot) {
  const fee = result.fee || {};
  const yuan = result.fee_yuan;
  return section("评审费", "fee",
    el("p", {}, yuan !== null && yuan !== undefined ? el("span", { class: "yzt-fee" }, `${yuan} 元`) : "按申报级别收取（请先回答申报级别）",
      fee.grade ? `（${fee.grade}）` : "", cite(fee, siteRoot)),
    fee.prerequisite ? el("p", {}, "缴费前提：", fee.prerequisite) : null,
    (fee.steps || []).length ? el("ol", {}, fee.steps.map((step) => el("li", {}, step.text))) : null,
    fee.consequence ? el("p", {}, el("strong", {}, fee.consequence)) : null,
  );
}

// What to do next, assembled only from the result's own items (each cites its clause there).
function nextSteps(result, form) {
  const steps = [];
  if ((result.errors || []).length) return steps;
  if ((result.needs || []).length) steps.push(el("li", {}, "回答上面“还需要回答”中的问题，结论会更完整。"));
  if (result.verdict === "ineligible") {
    steps.push(el("li", {}, "如对结论有疑问，拨打 ", el("a", { href: "tel:12333" }, "12333"), " 咨询，或按通知所列电话咨询。"));
    return steps;
  }
  if (result.verdict === "conditional") steps.push(el("li", {}, `对照${documentNames(result).join("、")}，确认自己满足其中的申报条件和业绩成果条件。`));
  const open = (result.timeline || []).find((event) => event.status_code === "open" || event.status_code === "not_started");
  if (open) steps.push(el("li", {}, `留意时间：${timelineText(open)}。`));
  else if ((result.timeline || []).length) steps.push(el("li", {}, "本通知各环节均已截止，请关注下一年度的申报通知。"));
  const firstStep = result.route && (result.route.steps || [])[0];
  if (firstStep) steps.push(el("li", {}, `按申报路径办理，第一步：${stepText(firstStep)}。`));
  if ((result.evidence || []).length) steps.push(el("li", {}, "对照“需要准备的材料”准备佐证材料。"));
  return steps;
}

export function renderProblem(container, kind) {
  container.removeAttribute("data-verdict");
  const messages = {
    loading: ["正在计算结果……", "检查程序仍在加载，加载完成后结果会自动显示。"],
    unavailable: [
      "检查程序无法在此浏览器中运行",
      "可能是浏览器版本较旧、不支持 WebAssembly，或所需文件被网络拦截。请换用新版浏览器再试，或直接拨打 12333 咨询。",
    ],
    crashed: ["检查程序出错了", "很抱歉，这组回答没能算出结果。请检查回答后重试，或拨打 12333 咨询。"],
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

function fallbackLinks() {
  const siteRoot = new URL(document.getElementById("yzt-checker").dataset.siteRoot || "../", location.href);
  return el("ul", {},
    el("li", {}, "电话咨询：", el("a", { href: "tel:12333" }, "12333"), "（职称政策咨询）"),
    el("li", {}, el("a", { href: new URL("routes/", siteRoot).href }, "查看申报路径")),
    el("li", {}, el("a", { href: new URL("fees/", siteRoot).href }, "查看评审费")),
  );
}

export function renderResult(container, result, { siteRoot, form }) {
  if (crashed(result)) {
    renderProblem(container, "crashed");
    return false;
  }
  const errors = result.errors || [];
  const verdictKey = errors.length ? "invalid" : result.verdict || "unknown";
  const parts = [
    el("div", { class: `yzt-verdict yzt-verdict--${verdictKey}` },
      el("p", { class: "yzt-verdict__title" }, verdictTitle(result)),
      !errors.length && result.verdict_label ? el("p", {}, result.verdict_label) : null,
      result.notice ? el("p", {}, "对照：", el("a", { href: new URL(result.notice.url, siteRoot).href }, result.notice.short_title), `（${result.notice.doc_number}）`) : null,
    ),
  ];
  if (errors.length) {
    parts.push(section("请修改以下回答", "errors", el("ul", {}, errors.map((error) => el("li", {}, error.message,
      form.byKey.has(error.field) ? ["（", el("a", { href: "#q-" + error.field }, "修改"), "）"] : null)))));
  }
  if ((result.reasons || []).length) {
    parts.push(section("理由", "reasons", el("ul", {}, result.reasons.map((reason) => el("li", {}, reason.text, cite(reason, siteRoot))))));
  }
  if ((result.deferred_to || []).length) {
    parts.push(section("需要对照的文件", "documents", el("ul", {}, result.deferred_to.map((doc) => el("li", {},
      el("a", { href: new URL(doc.site_url, siteRoot).href }, `《${doc.title || doc.doc_number}》`),
      doc.doc_number && doc.title ? `（${doc.doc_number}）` : "",
      doc.clause_url ? ["，通知依据", cite({ url: doc.clause_url, clause_label: doc.clause_label }, siteRoot)] : null)))));
  }
  const needs = result.needs_detail || (result.needs || []).map((field) => ({ field }));
  if (needs.length) {
    parts.push(section("还需要回答", "needs", el("p", {}, "回答以下问题后才能给出完整结论："), el("ul", {}, needs.map((need) => el("li", {},
      need.question || form.byKey.get(need.field)?.label || need.field,
      (need.purpose_labels || []).length ? `（用于${need.purpose_labels.join("、")}）` : "",
      form.byKey.has(need.field) ? [" ", el("a", { href: "#q-" + need.field }, "回答")] : null)))));
  }
  if (result.route) parts.push(routeSection(result.route, siteRoot, form));
  if (result.fee || (result.fee_yuan !== null && result.fee_yuan !== undefined)) parts.push(feeSection(result, siteRoot));
  if ((result.timeline || []).length) {
    parts.push(section("时间安排", "timeline", el("ul", {}, result.timeline.map((event) => el("li", {},
      el("strong", {}, event.label), "：", [event.start, event.end].filter(Boolean).join(" 至 "),
      event.status ? el("span", { class: `yzt-status yzt-status--${event.status_code || ""}` }, event.status) : null,
      cite(event, siteRoot),
      event.note ? el("div", { class: "yzt-q__hint" }, event.note) : null)))));
  }
  if ((result.evidence || []).length) {
    parts.push(section("需要准备的材料", "evidence", el("ul", {}, result.evidence.map((item) => el("li", {}, item.text, cite(item, siteRoot))))));
  }
  if ((result.allowances || []).length) {
    parts.push(section("适用的放宽政策", "allowances", el("ul", {}, result.allowances.map((item) => el("li", {},
      el("strong", {}, item.title), "：", (item.effects || []).map((effect) => effect.text).join("；"),
      (item.conditions || []).length ? `（条件：${item.conditions.join("；")}）` : "", cite(item, siteRoot))))));
  }
  if ((result.notes || []).length) {
    parts.push(section("说明", "notes", el("ul", {}, result.notes.map((note) => el("li", {}, note.text || note, cite(note, siteRoot))))));
  }
  if ((result.ignored || []).length) {
    parts.push(el("p", { class: "yzt-q__hint" }, "以下回答与所选通知或途径无关，未纳入判断：",
      result.ignored.map((item) => form.byKey.get(item.field || item)?.label || item.field || item).join("、")));
  }
  const next = nextSteps(result, form);
  if (next.length) parts.push(section("下一步", "next", el("ol", {}, next)));
  container.replaceChildren(...parts);
  container.dataset.verdict = errors.length ? "invalid" : String(result.verdict);
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
