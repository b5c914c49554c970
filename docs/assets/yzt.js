/* 渝职通 page behaviour (no third-party code):
 * 1. status badges from the visitor's clock: [data-yzt-status] carries the instants (ISO data-start/data-end,
 *    end exclusive) and the words (data-label-<state>) the build wrote with checker/moments.py;
 * 2. the office directory filter ([data-yzt-filter]);
 * 3. clause links copy their full URL when clicked (.yzt-copy-link, headerlinks);
 * 4. Chinese queries are split into the site's own index words before they reach the search worker. */
(function () {
  "use strict";

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

  /* Search: the index was segmented by jieba at build time; lunr matches query words as
   * prefixes of index words. A query typed without spaces (万州区职改办电话) is split by
   * longest match against the words of the index itself, learnt from the setup message
   * Material posts to its search worker. The worker then re-segments every Han run, but
   * never tries a run's full length (it loops `o < run.length`), so 委托评审函 would fall
   * apart into 委托 + 评审; a trailing 〇 lets it see the whole word. The 〇 itself can
   * never be part of a match, for the same reason. */
  var vocabulary = null, longest = 1, WHOLE = "\u3007";
  var HAN = /[\u3400-\u9fff\uf900-\ufaff]+/g;

  function learn(docs) {
    vocabulary = new Set();
    docs.forEach(function (doc) {
      [doc.title, doc.text].forEach(function (field) {
        (field || "").replace(/<[^>]*>/g, " ").split(/[^\u3400-\u9fff\uf900-\ufaff]+|\u200b/).forEach(function (word) {
          if (word.length > 1) {
            vocabulary.add(word);
            if (word.length > longest) longest = word.length;
          }
        });
      });
    });
  }

  function segment(run) {
    var words = [], i = 0;
    while (i < run.length) {
      var size = Math.min(longest, run.length - i);
      while (size > 1 && !vocabulary.has(run.substr(i, size))) size -= 1;
      words.push(size > 1 ? run.substr(i, size) + WHOLE : run.substr(i, size));
      i += size;
    }
    return words.join(" ");
  }

  function segmentQuery(query) {
    if (!vocabulary || typeof query !== "string") return query;
    return query.replace(HAN, function (run) { return " " + segment(run) + " "; }).replace(/\s+/g, " ").trim();
  }

  if (window.Worker) {
    var post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message) {
      if (message && message.type === 0 && message.data && Array.isArray(message.data.docs)) {
        learn(message.data.docs);
      } else if (message && message.type === 2 && typeof message.data === "string") {
        arguments[0] = { type: 2, data: segmentQuery(message.data) };
      }
      return post.apply(this, arguments);
    };
  }

  // For tests and curious agents: yztSearch.segment("万州区职改办电话") -> "万州区 职改办 电话".
  window.yztSearch = { segment: segmentQuery, size: function () { return vocabulary ? vocabulary.size : 0; } };

  function start() {
    updateStatuses();
    setUpFilters();
    setUpCopyLinks();
    setInterval(updateStatuses, 60000);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
