// Quick exit: the button, or Escape pressed twice within a second, leaves at once.
// A single Escape does nothing, so closing a suggestion list or a date picker while typing
// never throws the user out (the page says "or press Esc twice" next to the button).
// The page is replaced (not added to history), and the server is told to end the session.
(function () {
  "use strict";
  var DOUBLE_PRESS_MS = 1000;
  var lastEscape = 0;
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
    if (event.key !== "Escape" || event.repeat) { return; }
    var now = Date.now();
    if (now - lastEscape <= DOUBLE_PRESS_MS) { leave(event); return; }
    lastEscape = now;
  });
  // A page brought back from the browser's back-forward cache after a quick exit must not
  // show the case again: ask the server, which answers with the login page.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) { window.location.reload(); }
  });
})();
