// Keeps the checker page from saying "检查程序需要 JavaScript" when JavaScript is on but checker.js did
// not run. Loaded `async` from <head> (site_build/finish/runtime_pages.py), so it runs as soon as it arrives and
// never waits for checker.js: a checker.js that stalls mid-download also holds back DOMContentLoaded.
// - At DOMContentLoaded (module scripts have run by then) without checker.js ready: it failed to load
//   or to run (blocked, 404, syntax error, no module support): say so and show the fallback at once.
// - SLOW_AFTER_MS after the page was opened and checker.js still not ready: say it is slow and show the
//   fallback (the same state runtime.js gives a slow runtime); checker.js takes over if it arrives.
// A classic external file, not an inline script, so a strict Content-Security-Policy allows it.
(function () {
  var SLOW_AFTER_MS = 6000; // a truthful state within 10 s of opening the page, even on a busy device

  function notReady() {
    var root = document.getElementById("yzt-checker");
    return root && root.getAttribute("data-controller") !== "ready";
  }

  function show(text) {
    var status = document.getElementById("checker-status");
    var fallback = document.getElementById("checker-fallback");
    if (status) status.textContent = text;
    if (fallback) fallback.hidden = false;
  }

  var parsed = false; // DOMContentLoaded has fired: module scripts had their chance

  function loaded() {
    parsed = true;
    if (notReady()) show("检查程序未能加载。");
  }

  // Not readyState === "loading": that ends when parsing does, while a held module script still runs later.
  if (document.readyState === "complete") loaded();
  else document.addEventListener("DOMContentLoaded", loaded);
  setTimeout(function () {
    if (!parsed && notReady()) {
      show("检查程序加载较慢，请稍候。也可以按下面的电话咨询，或先查看申报路径和评审费页面。");
    }
  }, Math.max(0, SLOW_AFTER_MS - performance.now()));
})();
