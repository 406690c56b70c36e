// Search as you type for country inputs (input[data-country]), in English and Russian.
// Without this script the inputs still work: the browser offers the page's <datalist> and the
// server understands a whole name in either language or refuses it. With it, typing "Герм" or
// "germ" lists Germany / Германия, and the line under the input says which country the text
// means, or that it means none, before anything is sent.
(function () {
  "use strict";
  function fold(text) {
    return text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  }
  var countries = null;
  function load() {
    if (countries) { return countries; }
    countries = [];
    var list = document.getElementById("country-names");
    if (!list) { return countries; }
    Array.prototype.forEach.call(list.options, function (o) {
      var names = [o.value, o.label].concat((o.dataset.also || "").split(" · ").filter(Boolean));
      countries.push({ value: o.value, other: o.label, code: o.dataset.code, keys: names.map(fold) });
    });
    return countries;
  }
  function exact(text) {
    var key = fold(text);
    if (!key) { return null; }
    var found = null;
    load().forEach(function (c) { if (c.keys.indexOf(key) >= 0 || c.code === text.trim()) { found = c; } });
    return found;
  }
  function matches(text) {
    var key = fold(text);
    if (!key) { return []; }
    var starts = [], inside = [];
    load().forEach(function (c) {
      var best = 9;
      c.keys.forEach(function (k) {
        if (k.indexOf(key) === 0) { best = Math.min(best, 0); }
        else if (k.indexOf(" " + key) >= 0) { best = Math.min(best, 1); }
      });
      if (best === 0) { starts.push(c); } else if (best === 1) { inside.push(c); }
    });
    return starts.concat(inside).slice(0, 8);
  }
  function enhance(input, n) {
    var many = input.dataset.country === "many";
    var lang = document.documentElement.lang === "ru" ? "ru" : "en";
    var wrap = document.createElement("div");
    wrap.className = "picker";
    input.parentNode.insertBefore(wrap, input);
    wrap.appendChild(input);
    var listId = (input.id || "country-" + n) + "-suggestions";
    var list = document.createElement("ul");
    list.className = "picker-list";
    list.id = listId;
    list.setAttribute("role", "listbox");
    var status = document.createElement("div");
    status.className = "picker-status";
    status.id = listId + "-status";
    status.setAttribute("aria-live", "polite");
    wrap.appendChild(list);
    wrap.appendChild(status);
    input.removeAttribute("list");  // our list replaces the browser's
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("aria-expanded", "false");
    var described = (input.getAttribute("aria-describedby") || "") + " " + status.id;
    input.setAttribute("aria-describedby", described.trim());
    var active = -1;

    function parts() { return many ? input.value.split(/[,;]/) : [input.value]; }
    function current() { var p = parts(); return p[p.length - 1]; }
    function say() {
      var shown = parts().map(function (p) { return p.trim(); }).filter(Boolean);
      if (!shown.length) { status.textContent = ""; status.className = "picker-status"; return; }
      var unknown = shown.filter(function (p) { return !exact(p); });
      var bad = unknown.length > 0 && document.activeElement !== input;
      status.className = "picker-status" + (bad ? " bad" : "");
      if (unknown.length) {
        status.textContent = bad ? (lang === "ru" ? "Не понято: «" + unknown[0] + "». Выберите страну из списка."
          : "Not understood: “" + unknown[0] + "”. Pick a country from the list.") : "";
      } else {
        status.textContent = "✓ " + shown.map(function (p) { var c = exact(p); return c.value + " / " + c.other; }).join("; ");
      }
    }
    function close() { list.innerHTML = ""; input.setAttribute("aria-expanded", "false"); active = -1; input.removeAttribute("aria-activedescendant"); }
    function choose(country) {
      if (many) {
        var p = parts(); p[p.length - 1] = (p.length > 1 ? " " : "") + country.value;
        input.value = p.join(",");
      } else {
        input.value = country.value;
      }
      close(); say(); input.focus();
    }
    function show() {
      close();
      var text = current();
      var found = matches(text);
      if (found.length === 1 && exact(text)) { found = []; }
      found.forEach(function (c, i) {
        var item = document.createElement("li");
        item.id = listId + "-" + i;
        item.setAttribute("role", "option");
        item.textContent = c.value;
        var other = document.createElement("small");
        other.textContent = c.other;
        item.appendChild(other);
        item.addEventListener("mousedown", function (e) { e.preventDefault(); choose(c); });
        list.appendChild(item);
      });
      input.setAttribute("aria-expanded", found.length ? "true" : "false");
    }
    function highlight(i) {
      var items = list.children;
      if (!items.length) { return; }
      active = (i + items.length) % items.length;
      Array.prototype.forEach.call(items, function (li, k) { li.setAttribute("aria-selected", k === active ? "true" : "false"); });
      input.setAttribute("aria-activedescendant", items[active].id);
    }
    input.addEventListener("input", function () { show(); say(); });
    input.addEventListener("focus", show);
    input.addEventListener("blur", function () { window.setTimeout(function () { close(); say(); }, 100); });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") { e.preventDefault(); highlight(active + 1); }
      else if (e.key === "ArrowUp") { e.preventDefault(); highlight(active - 1); }
      else if (e.key === "Enter" && active >= 0 && list.children.length) {
        e.preventDefault();
        var picked = matches(current())[active];
        if (picked) { choose(picked); }
      } else if (e.key === "Escape") { close(); }
    });
    say();
  }
  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("input[data-country]"), enhance);
  });
})();
