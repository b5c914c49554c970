/* 加入日历 only while a notice has an event still ahead (site_build/extras/calendar_offer.py):
 * shows the link or the reason there is none, by the visitor's clock. */
(function () {
  "use strict";
  function update() {
    var now = new Date();
    document.querySelectorAll("[data-yzt-ahead-until]").forEach(function (offer) {
      var ahead = now < new Date(offer.getAttribute("data-yzt-ahead-until"));
      offer.querySelectorAll("[data-yzt-when]").forEach(function (part) {
        part.hidden = (part.getAttribute("data-yzt-when") === "ahead") !== ahead;
      });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", update);
  else update();
})();
