// htmx shows nothing when a change gets an error answer (it never swaps a 4xx or 5xx) or no answer at all:
// without this, a click on an expired page, a plan deleted in another tab or a server that is down would
// look as if it worked. Tell the person in plain words, in the page's alert box (base.html).
(function () {
  "use strict";
  var MESSAGES = {
    0: "the planner could not be reached. Check your connection and try again.",
    403: "this page has expired or you were logged out. Reload the page and try again.",
    404: "that is no longer there (perhaps it was removed in another tab).",
    413: "that was too much to send at once.",
    503: "the planner is briefly unavailable. Try again in a minute."
  };
  var OTHER = "something went wrong on our side. Reload the page to see where things stand.";
  function say(event, status) {
    var box = document.getElementById("request-problem");
    if (!box) { return; }
    // A search or a form being loaded (GET) changed nothing; a post did not save.
    var config = event.detail && event.detail.requestConfig;
    var loading = config && String(config.verb).toLowerCase() === "get";
    box.querySelector(".level").textContent = loading ? "⛔ Could not load:" : "⛔ Not saved:";
    box.querySelector(".request-problem-text").textContent = MESSAGES[status] || OTHER;
    box.hidden = false;
  }
  document.addEventListener("htmx:responseError", function (event) {
    say(event, event.detail.xhr ? event.detail.xhr.status : 0);
  });
  document.addEventListener("htmx:sendError", function (event) { say(event, 0); });
  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-dismiss-problem]")) {
      document.getElementById("request-problem").hidden = true;
    }
  });
})();
