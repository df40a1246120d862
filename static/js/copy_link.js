// A "Copy link" button beside a read-only box (the invitation page): shown only when this script runs, so
// without JavaScript nobody sees a button that does nothing; the link can still be selected and copied.
(function () {
  "use strict";
  function copied(button, ok) {
    var status = button.parentNode.querySelector(".copy-link-status");
    if (status) {
      status.textContent = ok ? "Copied." : "Could not copy: select the link and copy it yourself.";
    }
  }
  function copy(button) {
    var box = document.getElementById(button.getAttribute("data-copy-link"));
    if (!box) { return; }
    var text = box.value;
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { copied(button, true); },
                                               function () { copied(button, fallback(box)); });
    } else {
      copied(button, fallback(box));
    }
  }
  function fallback(box) {
    // Plain http on another host has no clipboard API: select the text and use the older copy command.
    box.focus();
    box.select();
    try { return document.execCommand("copy"); } catch (error) { return false; }
  }
  document.addEventListener("DOMContentLoaded", function () {
    var buttons = document.querySelectorAll("[data-copy-link]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].hidden = false;
      buttons[i].addEventListener("click", function (event) { copy(event.currentTarget); });
    }
  });
})();
