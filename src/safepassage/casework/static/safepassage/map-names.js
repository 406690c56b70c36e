// The map's country names on a phone: a tap (or a pointer) on a country writes its name and
// rating under the map (titles alone show only on hover with a mouse). Tapping an assessed
// country also opens its reasons in the list below.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var map = document.getElementById("world-map");
    var out = document.getElementById("map-country");
    if (!map || !out) { return; }
    function country(target) { return target.closest ? target.closest("g.country") : null; }
    function tell(event) {
      var g = country(event.target);
      if (!g) { return; }
      var title = g.querySelector("title");
      out.textContent = title ? title.textContent : "";
    }
    map.addEventListener("mouseover", tell);
    map.addEventListener("click", function (event) {
      tell(event);
      var link = event.target.closest ? event.target.closest("a") : null;
      if (!link) { return; }
      var section = document.getElementById(decodeURIComponent((link.getAttribute("href") || "").slice(1)));
      if (section && section.tagName === "DETAILS") { section.open = true; }
    });
  });
})();
