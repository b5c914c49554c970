/* 区县 combobox: progressive enhancement of a long <select data-yzt-combobox> (WAI-ARIA combobox
 * with a listbox popup, list autocomplete with automatic selection).
 *
 * Typing narrows the list: the option's name (秀山), its pinyin or initials (xiushan, xs) and its
 * phone numbers (7667) — the build writes those keys into each option's data-match. When one
 * option matches best it is active, so Enter (or Tab) picks it. When several match equally well
 * (黔江区 and 綦江区 are both qjq) none is active: they are listed first and named in the status,
 * Tab stays in the box once to say so, and only ArrowDown/ArrowUp + Enter (or more typing)
 * chooses — a wrong office must never be picked silently. Escape closes.
 * The <select> stays the source of truth: picking sets its value and dispatches input + change,
 * so the form code reads and writes the select as before; without JavaScript the select remains. */
(function () {
  "use strict";

  var nativeValue = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, "value");
  var counter = 0;

  function normalise(text) {
    return (text || "").toLowerCase().replace(/[\s\-－—()（）']/g, "");
  }

  /* 0 = matches from the start of the name, its pinyin or its initials; 1 = elsewhere; -1 = no match. */
  function rank(query, item) {
    if (!query) return 0;
    if (item.name.indexOf(query) === 0 || item.keys[0].indexOf(query) === 0 || item.keys[1].indexOf(query) === 0) return 0;
    if (item.name.indexOf(query) !== -1) return 1;
    var digits = /^\d+$/.test(query);
    for (var i = 2; i < item.keys.length; i += 1) {
      var key = item.keys[i];
      if (digits ? key.indexOf(query) !== -1 : key.indexOf(query) === 0) return 1;
    }
    return -1;
  }

  function enhance(select) {
    var id = select.id || "yzt-combobox-" + (counter += 1);
    var label = document.querySelector("label[for='" + id + "']");
    var wrapper = document.createElement("div");
    var input = document.createElement("input");
    var listbox = document.createElement("ul");
    var status = document.createElement("span");
    var emptyOption = null, items = [], shown = [], active = -1, ties = [], warned = false;

    Array.prototype.forEach.call(select.options, function (option, index) {
      if (!option.value) { emptyOption = option; return; }
      var li = document.createElement("li");
      li.id = id + "-option-" + index;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.textContent = option.textContent;
      items.push({ option: option, li: li, name: normalise(option.textContent),
                   keys: (option.getAttribute("data-match") || "").split(/\s+/).concat(["", ""]) });
    });

    wrapper.className = "yzt-combobox";
    input.type = "text";
    input.id = id + "-combobox";
    input.className = "yzt-combobox__input";
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", id + "-listbox");
    input.setAttribute("autocomplete", "off");
    input.setAttribute("spellcheck", "false");
    input.placeholder = (emptyOption ? emptyOption.textContent + "；" : "") + "可输入名称、拼音或电话";
    if (select.getAttribute("aria-describedby")) input.setAttribute("aria-describedby", select.getAttribute("aria-describedby"));
    listbox.id = id + "-listbox";
    listbox.className = "yzt-combobox__listbox";
    listbox.setAttribute("role", "listbox");
    if (label) {
      label.id = label.id || id + "-label";
      listbox.setAttribute("aria-labelledby", label.id);
      label.htmlFor = input.id;
    } else {
      input.setAttribute("aria-label", select.getAttribute("aria-label") || select.name);
      listbox.setAttribute("aria-label", input.getAttribute("aria-label"));
    }
    listbox.hidden = true;
    status.className = "yzt-combobox__status";
    status.setAttribute("role", "status");
    items.forEach(function (item) { listbox.appendChild(item.li); });
    wrapper.appendChild(input);
    wrapper.appendChild(listbox);
    wrapper.appendChild(status);
    // After the select, so code that reads "the first control" of the question still reads the select.
    select.insertAdjacentElement("afterend", wrapper);
    select.classList.add("yzt-combobox__native");
    select.setAttribute("aria-hidden", "true");
    select.tabIndex = -1;

    function selectedLabel() {
      var option = select.options[select.selectedIndex];
      return option && option.value ? option.textContent : "";
    }

    function showText() { input.value = selectedLabel(); }

    function setActive(index) {
      if (active >= 0 && shown[active]) shown[active].li.removeAttribute("data-active");
      active = shown.length && index >= 0 ? Math.min(index, shown.length - 1) : -1;
      if (active >= 0) {
        shown[active].li.setAttribute("data-active", "");
        input.setAttribute("aria-activedescendant", shown[active].li.id);
        var li = shown[active].li;   // keep the active option in view inside the scrolling list
        if (li.offsetTop < listbox.scrollTop) listbox.scrollTop = li.offsetTop;
        else if (li.offsetTop + li.offsetHeight > listbox.scrollTop + listbox.clientHeight) listbox.scrollTop = li.offsetTop + li.offsetHeight - listbox.clientHeight;
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function filter(query) {
      var q = normalise(query), ranked = [];
      items.forEach(function (item, order) {
        var r = rank(q, item);
        item.li.hidden = r < 0;
        if (r >= 0) ranked.push({ item: item, r: r, order: order });
      });
      ranked.sort(function (a, b) { return a.r - b.r || a.order - b.order; });
      shown = ranked.map(function (x) { return x.item; });
      shown.forEach(function (item) { listbox.appendChild(item.li); });   // display in ranked order
      // Several options share the best rank: the entry is ambiguous, nothing may be picked for it.
      ties = q && ranked.length > 1 && ranked[1].r === ranked[0].r
        ? ranked.filter(function (x) { return x.r === ranked[0].r; }).map(function (x) { return x.item; }) : [];
      warned = false;
      items.forEach(function (item) { item.li.toggleAttribute("data-tie", ties.indexOf(item) !== -1); });
      status.textContent = !q ? "" : !shown.length ? "没有匹配的选项"
        : ties.length ? tieText() : "找到 " + shown.length + " 个";
    }

    function tieText() {
      var names = ties.map(function (item) { return item.option.textContent; });
      return "有 " + names.length + " 个同样匹配：" + names.join("、") + "。请按↓选择后回车，或继续输入";
    }

    function open(query) {
      filter(query);
      listbox.hidden = false;
      input.setAttribute("aria-expanded", "true");
      var current = shown.map(function (item) { return item.option.value; }).indexOf(select.value);
      if (query && ties.length) setActive(-1);   // ambiguous: wait for the agent's choice
      else setActive(query || current < 0 ? 0 : current);
    }

    function close() {
      listbox.hidden = true;
      input.setAttribute("aria-expanded", "false");
      setActive(-1);
    }

    function pick(item) {
      nativeValue.set.call(select, item.option.value);
      items.forEach(function (x) { x.li.setAttribute("aria-selected", x === item ? "true" : "false"); });
      input.value = item.option.textContent;
      close();
      select.dispatchEvent(new Event("input", { bubbles: true }));
      select.dispatchEvent(new Event("change", { bubbles: true }));
    }

    function clear() {
      nativeValue.set.call(select, "");
      items.forEach(function (x) { x.li.setAttribute("aria-selected", "false"); });
      select.dispatchEvent(new Event("input", { bubbles: true }));
      select.dispatchEvent(new Event("change", { bubbles: true }));
    }

    function sync() {
      items.forEach(function (x) { x.li.setAttribute("aria-selected", x.option.value === select.value && select.value ? "true" : "false"); });
      if (document.activeElement !== input) showText();
    }

    input.addEventListener("input", function () {
      if (input.value.trim() === "" && select.value) clear();
      open(input.value);
    });
    input.addEventListener("keydown", function (event) {
      var isOpen = !listbox.hidden;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        if (!isOpen) open("");
        else if (active < 0) setActive(event.key === "ArrowDown" ? 0 : shown.length - 1);
        else setActive(Math.max(0, active + (event.key === "ArrowDown" ? 1 : -1)));
      } else if (event.key === "Enter") {
        if (isOpen && active >= 0) { event.preventDefault(); pick(shown[active]); }
        else if (isOpen && ties.length) event.preventDefault();     // nothing chosen yet: stay
      } else if (event.key === "Escape") {
        if (isOpen) { event.preventDefault(); event.stopPropagation(); close(); showText(); }
      } else if (event.key === "Tab") {
        if (isOpen && active >= 0 && input.value.trim() !== "") pick(shown[active]);
        else if (isOpen && active < 0 && ties.length && !warned && !event.shiftKey) {
          // Once: keep focus here and say why; a second Tab leaves with nothing chosen (no trap).
          event.preventDefault();
          warned = true;
          status.textContent = "尚未选择。" + tieText();
        } else close();
      }
    });
    input.addEventListener("blur", function () {
      if (!listbox.hidden) close();
      showText();
    });
    // Mouse and touch: keep focus in the input while choosing.
    listbox.addEventListener("mousedown", function (event) { event.preventDefault(); });
    listbox.addEventListener("click", function (event) {
      var li = event.target.closest("[role=option]");
      var item = items.filter(function (x) { return x.li === li; })[0];
      if (item) pick(item);
    });
    // Whoever focuses the hidden select (an error link, a test) lands in the combobox.
    select.addEventListener("focus", function () { input.focus(); });
    select.addEventListener("change", sync);
    if (select.form) select.form.addEventListener("reset", function () { setTimeout(sync, 0); });
    // Form code that sets select.value directly (a shared link, 清空) is shown too.
    Object.defineProperty(select, "value", {
      configurable: true,
      get: function () { return nativeValue.get.call(select); },
      set: function (value) { nativeValue.set.call(select, value); sync(); },
    });
    sync();
  }

  function start() {
    document.querySelectorAll("select[data-yzt-combobox]").forEach(enhance);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
