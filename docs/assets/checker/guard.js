// Runs after checker.js would have (deferred scripts and modules run in document order, all before
// DOMContentLoaded). If checker.js failed to load or to run (blocked, 404, syntax error, no module
// support), the page would keep saying "检查程序需要 JavaScript" forever: show the fallback at once.
// A classic external file, not an inline script, so a strict Content-Security-Policy allows it.
document.addEventListener("DOMContentLoaded", function () {
  var root = document.getElementById("yzt-checker");
  if (!root || root.getAttribute("data-controller") === "ready") return;
  var status = document.getElementById("checker-status");
  var fallback = document.getElementById("checker-fallback");
  if (status) status.textContent = "检查程序未能加载。";
  if (fallback) fallback.hidden = false;
});
