// The plan page. On a phone the week is a sideways scroller of days:
// - it opens on today (without a #day-N in the address, which scrolls there by itself);
// - an htmx swap replaces a day element, and the browser's scroll snapping then jumps to a neighbouring
//   day: keep the scroller where the person left it.
(function () {
  "use strict";
  var saved = null;
  function week() { return document.querySelector(".week"); }
  document.addEventListener("DOMContentLoaded", function () {
    var w = week();
    var today = w && w.querySelector(".day.today");
    if (today && !window.location.hash && w.scrollWidth > w.clientWidth) {
      w.scrollLeft = today.offsetLeft;
    }
  });
  document.addEventListener("htmx:beforeSwap", function () {
    var w = week();
    saved = w ? w.scrollLeft : null;
  });
  function restore() {
    var w = week();
    if (w && saved !== null && w.scrollLeft !== saved) { w.scrollLeft = saved; }
  }
  document.addEventListener("htmx:afterSwap", restore);
  document.addEventListener("htmx:afterSettle", restore);
})();
