// On pages that start the checker runtime, hold back the site search index until the search box is
// used, so it does not compete with Pyodide for the line. Added to those pages (before the theme's
// bundle) by site_build/runtime_pages.py; the switch is documented there. Works for XMLHttpRequest
// (Material's search) and fetch alike: any JSON under search/ waits for the first use of the search box.
(function () {
  "use strict";
  var DEFERRED = /\/search\/[^/?#]*\.json(?:[?#]|$)/;
  var release;
  var used = new Promise(function (resolve) { release = resolve; });
  function onUse(event) {
    var target = event.target;
    if (event.type === "keydown") {
      if (["/", "s", "f", "S", "F"].indexOf(event.key) >= 0) release(); // the theme's search shortcuts
      return;
    }
    if (target && target.closest && target.closest(".md-search, label[for='__search'], #__search, [data-md-component='search']")) release();
  }
  ["focusin", "pointerdown", "click", "keydown"].forEach(function (type) {
    document.addEventListener(type, onUse, true);
  });
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.yztDeferred = DEFERRED.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this, args = arguments;
    if (!request.yztDeferred) return send.apply(request, args);
    used.then(function () { send.apply(request, args); });
  };
  var realFetch = window.fetch.bind(window);
  window.fetch = function (input, init) {
    var url = typeof input === "string" ? input : (input && input.url) || String(input);
    if (!DEFERRED.test(url)) return realFetch(input, init);
    return used.then(function () { return realFetch(input, init); });
  };
})();
