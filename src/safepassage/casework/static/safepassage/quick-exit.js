// Quick exit: one click on the button, or the Escape key, leaves at once.
// The page is replaced (not added to history), and the server is told to end the session.
(function () {
  "use strict";
  function leave(event) {
    var form = document.getElementById("quick-exit");
    if (!form) { return; }
    if (event) { event.preventDefault(); }
    try {
      navigator.sendBeacon(form.action, new FormData(form));
    } catch (e) { /* the session still expires on its own */ }
    window.location.replace(form.dataset.url);
  }
  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("quick-exit");
    if (form) { form.addEventListener("submit", leave); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { leave(event); }
  });
})();
