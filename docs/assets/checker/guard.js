// Keeps a checker page (the checker, the agent desk) from saying "检查程序需要 JavaScript" when JavaScript
// is on but its page script did not run. Loaded `async` from <head> (site_build/finish/runtime_pages.py),
// so it runs as soon as it arrives and never waits for the page script: a module script that stalls
// mid-download also holds back DOMContentLoaded.
// The page's template marks what it watches: the status line carries the texts to show (data-unloaded,
// data-slow) and, optionally, the id of a fallback to reveal (data-fallback); the nearest element around it
// with data-controller is set to "ready" by the page script once it has run.
// - At DOMContentLoaded (module scripts have run by then) without the page script ready: it failed to load
//   or to run (blocked, 404, syntax error, no module support): say so (and show the fallback) at once.
// - SLOW_AFTER_MS after the page was opened and the script still not ready: say it is slow (the page's own
//   slow text, the one runtime.js's slow state shows); the page script takes over if it arrives.
// A classic external file, not an inline script, so a strict Content-Security-Policy allows it.
(function () {
  var SLOW_AFTER_MS = 6000; // a truthful state within 10 s of opening the page, even on a busy device

  function statusLine() {
    return document.querySelector("[data-unloaded]");
  }

  function notReady() {
    var status = statusLine();
    var root = status && status.closest("[data-controller]");
    return root && root.getAttribute("data-controller") !== "ready";
  }

  function show(which) {
    var status = statusLine();
    status.textContent = status.getAttribute(which);
    var fallback = status.getAttribute("data-fallback");
    if (fallback && document.getElementById(fallback)) document.getElementById(fallback).hidden = false;
  }

  var parsed = false; // DOMContentLoaded has fired: module scripts had their chance

  function loaded() {
    parsed = true;
    if (notReady()) show("data-unloaded");
  }

  // Not readyState === "loading": that ends when parsing does, while a held module script still runs later.
  if (document.readyState === "complete") loaded();
  else document.addEventListener("DOMContentLoaded", loaded);
  setTimeout(function () {
    if (!parsed && notReady()) show("data-slow");
  }, Math.max(0, SLOW_AFTER_MS - performance.now()));
})();
