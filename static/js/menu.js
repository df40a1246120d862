// The site menu on a phone: the links fold behind a "Menu" button (static/css/menu.css shows it only on
// narrow screens). Without this script the button stays hidden and every link shows, wrapped.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var header = document.querySelector(".site-header");
    var button = header && header.querySelector(".menu-button");
    if (!button) { return; }
    function setOpen(open) {
      header.classList.toggle("menu-open", open);
      button.setAttribute("aria-expanded", open ? "true" : "false");
    }
    button.hidden = false;
    header.classList.add("has-menu-button");
    button.addEventListener("click", function () {
      setOpen(button.getAttribute("aria-expanded") !== "true");
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && header.classList.contains("menu-open")) {
        setOpen(false);
        button.focus();
      }
    });
  });
})();
