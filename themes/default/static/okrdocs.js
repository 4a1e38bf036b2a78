/* okrdocs site script: search and the alignment tree controls. No dependencies. */
(function () {
  "use strict";

  var root = document.documentElement.getAttribute("data-root") || "";

  /* ---- Search ------------------------------------------------------------------------------
     The index is loaded on first focus, as script files (browsers refuse fetch() from file://).
     Matching is by substring after normalisation, so Chinese needs no word splitting. */
  var state = { entries: [], expected: null, loaded: 0, loading: false, waiting: null };
  window.OKRDOCS_SEARCH = {
    add: function (chunk) {
      for (var i = 0; i < chunk.length; i++) {
        var e = chunk[i];
        state.entries.push({ kind: e[0], text: e[1], context: e[2], url: e[3],
                             key: normalize(e[1]), contextKey: normalize(e[2]) });
      }
      state.loaded += 1;
      if (state.waiting) state.waiting();
    },
    chunks: function (count) {
      state.expected = count;
      for (var i = 0; i < count; i++) loadScript(root + "search/index-" + i + ".js");
    }
  };

  function normalize(text) {
    text = String(text || "");
    if (text.normalize) text = text.normalize("NFKC");
    return text.toLowerCase();
  }

  function loadScript(src) {
    var script = document.createElement("script");
    script.src = src;
    script.async = true;
    document.head.appendChild(script);
  }

  function ensureIndex() {
    if (state.loading) return;
    state.loading = true;
    loadScript(root + "search/manifest.js");
  }

  var input = document.getElementById("search-input");
  var list = document.getElementById("search-results");
  var kinds = {};
  var active = -1;
  var rank = { o: 0, k: 1, t: 2, p: 3 };

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function highlight(text, query) {
    var index = normalize(text).indexOf(query);
    if (index < 0 || text.length !== normalize(text).length) return escapeHtml(text);
    return escapeHtml(text.slice(0, index)) + "<mark>" +
      escapeHtml(text.slice(index, index + query.length)) + "</mark>" +
      escapeHtml(text.slice(index + query.length));
  }

  function search(query) {
    var found = [];
    for (var i = 0; i < state.entries.length; i++) {
      var e = state.entries[i];
      var at = e.key.indexOf(query);
      var inContext = at < 0 && e.contextKey.indexOf(query) >= 0;
      if (at >= 0 || inContext) found.push({ entry: e, score: (inContext ? 100 : at === 0 ? 0 : 10) + rank[e.kind] });
    }
    found.sort(function (a, b) { return a.score - b.score || a.entry.text.length - b.entry.text.length; });
    return found.slice(0, 20);
  }

  function setActive(index) {
    var items = list.querySelectorAll("li[role=option]");
    if (!items.length) return;
    active = (index + items.length) % items.length;
    for (var i = 0; i < items.length; i++) items[i].setAttribute("aria-selected", i === active ? "true" : "false");
    input.setAttribute("aria-activedescendant", items[active].id);
    items[active].scrollIntoView({ block: "nearest" });
  }

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function show() {
    var query = normalize(input.value.trim());
    if (!query) { close(); return; }
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    var complete = state.expected !== null && state.loaded >= state.expected;
    var results = search(query);
    if (!results.length) {
      list.innerHTML = '<li class="note" role="presentation">' +
        escapeHtml(complete ? input.getAttribute("data-no-results") : input.getAttribute("data-searching")) + "</li>";
      return;
    }
    list.innerHTML = results.map(function (r, i) {
      var e = r.entry;
      return '<li role="option" id="search-option-' + i + '" aria-selected="false"><a href="' +
        escapeHtml(root + e.url) + '"><span class="kind">' + escapeHtml(kinds[e.kind] || e.kind) +
        "</span>" + highlight(e.text, query) +
        (e.context ? '<span class="context">' + highlight(e.context, query) + "</span>" : "") + "</a></li>";
    }).join("");
    active = -1;
  }

  if (input && list) {
    try { kinds = JSON.parse(input.getAttribute("data-kinds") || "{}"); } catch (error) { kinds = {}; }
    state.waiting = function () { if (document.activeElement === input) show(); };
    input.addEventListener("focus", ensureIndex);
    input.addEventListener("input", function () { ensureIndex(); show(); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") { event.preventDefault(); if (list.hidden) show(); setActive(active + 1); }
      else if (event.key === "ArrowUp") { event.preventDefault(); setActive(active - 1); }
      else if (event.key === "Escape") { close(); }
      else if (event.key === "Enter") {
        var items = list.querySelectorAll("li[role=option] a");
        var target = items[active >= 0 ? active : 0];
        if (target) { event.preventDefault(); window.location.href = target.getAttribute("href"); }
      }
    });
    document.addEventListener("click", function (event) {
      if (!event.target.closest || !event.target.closest(".search")) close();
    });
    document.addEventListener("keydown", function (event) {
      var typing = /input|textarea|select/i.test((event.target.tagName || ""));
      if (event.key === "/" && !typing) { event.preventDefault(); input.focus(); }
    });
  }

  /* ---- Alignment tree: expand or collapse every node ---------------------------------------- */
  var buttons = document.querySelectorAll("[data-tree]");
  for (var b = 0; b < buttons.length; b++) {
    buttons[b].addEventListener("click", function () {
      var open = this.getAttribute("data-tree") === "open";
      var nodes = document.querySelectorAll(".tree details");
      for (var i = 0; i < nodes.length; i++) nodes[i].open = open;
    });
  }
})();
