// The header search box (theme markup from overrides/partials/search.html). The index is
// fetched on the first focus, pointer-down or key press in the box, never at page load.
import { loadSearch, rank } from "./search.js";
import { resultItem } from "./results.js";

const LIMIT = 10;
const root = document.querySelector("[data-yzt-search]");
const toggle = document.getElementById("__search");

if (root && toggle) {
  const form = root.querySelector("form");
  const input = root.querySelector(".md-search__input");
  const meta = root.querySelector(".md-search-result__meta");
  const list = root.querySelector(".md-search-result__list");
  const hint = meta.textContent;
  let shown = "";

  const prepare = () => loadSearch().catch(() => {
    meta.textContent = "搜索索引加载失败，请刷新页面重试。";
  });

  async function update() {
    const query = input.value.trim();
    if (query === shown) return;
    shown = query;
    if (!query) {
      list.replaceChildren();
      delete list.dataset.query;
      meta.textContent = hint;
      return;
    }
    const index = await prepare();
    if (!index || input.value.trim() !== query) return;   // a newer keystroke will render
    const results = rank(index, query, LIMIT);
    list.replaceChildren(...results.map((result) => resultItem(index, result)));
    list.dataset.query = query;   // which query the list shows (tests and benchmarks wait on it)
    meta.textContent = results.length ? `找到 ${results.length} 个相关段落` : "没有找到，换个说法试试，例如：评审费、截止时间、区县名。";
  }

  const close = () => { toggle.checked = false; input.blur(); };

  for (const type of ["focus", "pointerdown", "keydown"]) input.addEventListener(type, prepare, { once: true });
  input.addEventListener("input", (event) => { if (!event.isComposing) update(); });
  input.addEventListener("keyup", update);
  input.addEventListener("compositionend", update);
  // The dimmed results overlay opens on typing or a tap, not on focus: tabbing past the header box
  // left it over the form (issue 19).
  const open = () => { toggle.checked = true; };
  input.addEventListener("input", open);
  input.addEventListener("pointerdown", open);
  toggle.addEventListener("change", () => { if (toggle.checked) input.focus(); });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const first = list.querySelector("a");
    if (first) first.click();
  });
  form.addEventListener("reset", () => { setTimeout(update, 0); input.focus(); });
  root.addEventListener("keydown", (event) => {
    if (event.key === "Escape") { close(); return; }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const links = [...list.querySelectorAll("a")];
    if (!links.length) return;
    event.preventDefault();
    const at = links.indexOf(document.activeElement);
    const next = event.key === "ArrowDown" ? Math.min(at + 1, links.length - 1) : at - 1;
    (next < 0 ? input : links[next]).focus();
  });
  // A result on this same page only changes the hash: close the dialog so the section shows.
  list.addEventListener("click", (event) => {
    const link = event.target.closest("a");
    if (link && link.href.split("#")[0] === location.href.split("#")[0]) close();
  });
  // "s" opens the search, except on a page whose content is a form (checker, agent desk): there a
  // stray letter from a radio or a button must not cover the questions (issue 19, WCAG 2.1.4).
  const formPage = Boolean(document.querySelector(".md-content form"));
  document.addEventListener("keydown", (event) => {
    const typing = event.target.closest && event.target.closest("input, select, textarea, [contenteditable]");
    if (!typing && !formPage && (event.key === "s" || event.key === "S") && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      toggle.checked = true;
      input.focus();
    }
  });
}
