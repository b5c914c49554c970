/* 渝职通 page behaviour (no third-party code):
 * 1. status badges from the visitor's clock: [data-yzt-status] carries the instants (ISO data-start/data-end,
 *    end exclusive) and the words (data-label-<state>) the build wrote with checker/moments.py; inside it,
 *    a part with data-yzt-show="<states>" is shown only in those states (the timeline's 加入日历 offer);
 * 2. the office directory filter ([data-yzt-filter]);
 * 3. clause links copy their full URL when clicked (.yzt-copy-link, headerlinks);
 * 4. the theme's single-letter shortcuts are switched off (below);
 * 5. a [data-yzt-open-search] button opens the header search (the 404 page);
 * 6. the header's 大字 switch ([data-yzt-text-size]): html.yzt-large, remembered in localStorage
 *    (the head applies it before the first paint: overrides/main.html). */
(function () {
  "use strict";

  // Material's window keydown handler opens the next/previous page on n/. and p/, — with or without
  // Alt, from a radio or a button — which threw a half-filled checker away and made the agent desk's
  // Alt+N leave the page (issue 19; WCAG 2.1.4 wants single-key shortcuts off). Stopping those keys
  // as they bubble through document keeps them from the theme while the page's own handlers (the
  // desk's Alt+N, typing into a field) still see them. Registered at once, before any other script.
  var THEME_KEYS = ["n", "p", ",", "."];
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey) return;
    var key = (event.key || "").toLowerCase();
    if (THEME_KEYS.indexOf(key) !== -1 || /^Key[NP]$/.test(event.code)) event.stopPropagation();
  });

  function statusOf(el, now) {
    var start = el.getAttribute("data-start"), end = el.getAttribute("data-end");
    if (start && now < new Date(start)) return "before";
    if (end && now >= new Date(end)) return "after";
    return start ? "during" : "open";
  }

  function updateStatuses() {
    var now = new Date();
    document.querySelectorAll("[data-yzt-status]").forEach(function (el) {
      var state = statusOf(el, now);
      var badge = el.classList.contains("yzt-badge") ? el : el.querySelector(".yzt-badge");
      if (badge) {
        badge.textContent = el.getAttribute("data-label-" + state) || badge.textContent;
        badge.className = "yzt-badge yzt-badge--" + state;
      }
      var text = el.querySelector(".yzt-status-text");
      var key = { before: "data-text-before", during: "data-text-during", after: "data-text-after", open: "data-text-during" }[state];
      if (text && el.getAttribute(key)) text.textContent = el.getAttribute(key);
      el.querySelectorAll("[data-yzt-show]").forEach(function (part) {
        part.hidden = part.getAttribute("data-yzt-show").split(" ").indexOf(state) === -1;
      });
      el.setAttribute("data-yzt-state", state);
    });
  }

  function normalise(s) {
    return (s || "").toLowerCase().replace(/[\s\-－—()（）]/g, "");
  }

  function setUpFilters() {
    document.querySelectorAll("[data-yzt-filter]").forEach(function (box) {
      var table = document.getElementById(box.getAttribute("data-yzt-filter"));
      var input = box.querySelector("input");
      var count = box.querySelector("[data-yzt-filter-count]");
      var empty = document.querySelector("[data-yzt-filter-empty]");
      if (!table || !input) return;
      var rows = Array.prototype.slice.call(table.querySelectorAll("[data-yzt-filter-row]"));
      function apply() {
        var q = normalise(input.value), shown = 0;
        rows.forEach(function (row) {
          var hit = !q || normalise(row.getAttribute("data-search")).indexOf(q) !== -1;
          row.hidden = !hit;
          if (hit) shown += 1;
        });
        if (count) count.textContent = q ? "找到 " + shown + " 个（共 " + rows.length + " 个）" : "共 " + rows.length + " 个";
        if (empty) empty.hidden = shown !== 0;
      }
      input.addEventListener("input", apply);
      input.addEventListener("search", apply);
      apply();
    });
  }

  function setUpCopyLinks() {
    document.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a.headerlink");
      if (!link || !navigator.clipboard) return;
      var url = new URL(link.getAttribute("href"), location.href).href;
      navigator.clipboard.writeText(url).then(function () {
        link.setAttribute("data-yzt-copied", "");
        link.setAttribute("title", "已复制链接");
        setTimeout(function () { link.removeAttribute("data-yzt-copied"); link.setAttribute("title", "复制本条链接"); }, 2000);
      }, function () { /* clipboard refused: the link still navigates */ });
    });
  }

  var TEXT_SIZE_KEY = "yzt-text-size";

  function setUpTextSize() {
    var root = document.documentElement;
    document.querySelectorAll("[data-yzt-text-size]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(root.classList.contains("yzt-large")));
      button.addEventListener("click", function () {
        var large = root.classList.toggle("yzt-large");
        button.setAttribute("aria-pressed", String(large));
        try {
          if (large) localStorage.setItem(TEXT_SIZE_KEY, "large");
          else localStorage.removeItem(TEXT_SIZE_KEY);
        } catch (e) { /* storage refused: the switch still works on this page */ }
      });
    });
  }

  function setUpSearchButtons() {
    document.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest("[data-yzt-open-search]");
      var toggle = document.getElementById("__search");
      if (!button || !toggle) return;
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));   // the search box focuses itself on change
    });
  }

  function start() {
    setUpTextSize();
    setUpSearchButtons();
    updateStatuses();
    setUpFilters();
    setUpCopyLinks();
    setInterval(updateStatuses, 60000);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
