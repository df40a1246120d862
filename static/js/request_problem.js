// htmx shows nothing when a request gets an error answer (it never swaps a 4xx or 5xx) or no answer at all:
// without this, a click on an expired page, a plan deleted in another tab or a server that is down would
// look as if it worked. Tell the person in plain words, in the page's alert box (base.html).
(function () {
  "use strict";
  var MESSAGES = {
    403: "this page has expired or you were logged out.",
    404: "that is no longer there (perhaps it was removed in another tab).",
    413: "that was too much to send at once.",
    503: "the planner is briefly unavailable. Try again in a minute."
  };
  var UNREACHABLE = "the planner could not be reached. Check your connection;";
  var OTHER = "something went wrong on our side.";
  function box() { return document.getElementById("request-problem"); }
  function lead(verb, status) {
    if (verb === "get") { return "Could not load:"; }
    // These are refused before anything is written; with no answer, or another error, it may have been.
    return MESSAGES[status] || status === 422 || status === 429 ? "Not saved:" : "Maybe not saved:";
  }
  function say(event, status) {
    var alert = box();
    if (!alert) { return; }
    // A limit the server names (too many entries, too many copies): say which (core.middleware).
    var xhr = event.detail && event.detail.xhr;
    var because = xhr && status ? xhr.getResponseHeader("X-Not-Saved-Because") : null;
    var config = event.detail && event.detail.requestConfig;
    var verb = config ? String(config.verb).toLowerCase() : "post";
    var text = alert.querySelector(".request-problem-text");
    alert.querySelector(".request-problem-lead").textContent = lead(verb, status);
    text.textContent = "";
    alert.hidden = false;
    // Set after a moment, so a screen reader announces the same message again when it comes again.
    window.setTimeout(function () {
      text.textContent = because || (status === 0 ? UNREACHABLE : (MESSAGES[status] || OTHER));
    }, 50);
  }
  function hide(moveFocus) {
    var alert = box();
    if (!alert || alert.hidden) { return; }
    var hadFocus = alert.contains(document.activeElement);
    alert.hidden = true;
    if (moveFocus || hadFocus) { document.getElementById("main").focus(); }
  }
  document.addEventListener("htmx:responseError", function (event) {
    say(event, event.detail.xhr ? event.detail.xhr.status : 0);
  });
  document.addEventListener("htmx:sendError", function (event) { say(event, 0); });
  document.addEventListener("htmx:beforeRequest", function () { hide(false); });  // a retry: the old news goes
  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-dismiss-problem]")) { hide(true); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { hide(false); }
  });
})();
