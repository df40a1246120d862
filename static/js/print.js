// The "Print or save as PDF" button of the printable plan and shopping list. The button starts hidden,
// so without JavaScript people only see the hint to use the browser's own Print command.
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});
