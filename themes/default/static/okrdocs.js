/* okrdocs site script: search, the alignment tree (expanding on demand) and the attention
   list's filters. No dependencies; works opened from disk (file://) and under any sub-path. */
(function () {
  "use strict";

  var root = document.documentElement.getAttribute("data-root") || "";

  /* ---- Search ------------------------------------------------------------------------------
     The index (okrdocs/site/search.py) is split into files that register themselves through
     window.OKRDOCS_SEARCH, loaded as scripts (browsers refuse fetch() from file://): a small
     manifest on first focus, then only the term shards a query's words need and the document
     chunks of the results shown. Terms are made exactly as search.py makes them. */
  var LIMIT = 20;
  var TYPO_PENALTY = 8;
  var TERMINAL = "0123456789abcdefghijklmnopqrstuv";
  var CONTINUE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ@#$%&*";
  var CLASS = [0, 1, 1, 1, 1, 1, 0, 2, 2, 2, 2, 2, 2, 2, 2, 2];
  var PINYIN = 16;
  var CJK = "\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uac00-\\ud7af\\u{20000}-\\u{2ffff}";
  var TOKEN = new RegExp("([" + CJK + "]+)|((?:(?![" + CJK + "])[\\p{L}\\p{N}])+)", "gu");
  var MARKS = /\p{Mn}/gu;

  var store = { manifest: null, terms: {}, docs: {}, vocabulary: {}, loading: {}, resolve: {} };

  function registered(name, value) {
    store.loaded = (store.loaded || 0) + 1;
    if (store.resolve[name]) store.resolve[name](value);
  }

  window.OKRDOCS_SEARCH = {
    manifest: function (m) {
      var starts = [], at = 0, deltas = decode(m.docs);
      for (var i = 0; i < deltas.length; i++) { at += deltas[i]; starts.push(at); }
      store.manifest = { count: m.count, terms: m.terms, chunks: starts, groups: m.groups,
                         vocabulary: m.vocabulary };
      registered("manifest");
    },
    terms: function (n, flat) {
      var keys = [], postings = [];
      for (var i = 0; i + 1 < flat.length; i += 2) { keys.push(flat[i]); postings.push(flat[i + 1]); }
      store.terms[n] = { keys: keys, postings: postings };
      registered("t-" + n);
    },
    docs: function (n, strings, records) {
      store.docs[n] = { strings: strings, records: records };
      registered("d-" + n);
    },
    vocabulary: function (n, words) {
      store.vocabulary[n] = words;
      registered("v-" + n);
    }
  };

  function load(name) {
    if (!store.loading[name]) {
      store.loading[name] = new Promise(function (resolve, reject) {
        store.resolve[name] = resolve;
        var script = document.createElement("script");
        script.src = root + "search/" + name + ".js";
        script.async = true;
        script.onerror = function () { delete store.loading[name]; reject(new Error(name)); };
        document.head.appendChild(script);
      });
    }
    return store.loading[name];
  }

  function decode(text) {
    var numbers = [], value = 0, shift = 0;
    for (var i = 0; i < text.length; i++) {
      var c = text.charAt(i), digit = TERMINAL.indexOf(c);
      if (digit >= 0) { numbers.push(value + digit * Math.pow(2, shift)); value = 0; shift = 0; }
      else { value += CONTINUE.indexOf(c) * Math.pow(2, shift); shift += 5; }
    }
    return numbers;
  }

  function normalize(text) {
    text = String(text || "");
    if (!text.normalize) return text.toLowerCase();
    text = text.normalize("NFKC").toLowerCase();
    if (/[^\x00-\x7f]/.test(text)) text = text.normalize("NFKD").replace(MARKS, "").normalize("NFC");
    return text;
  }

  /* The terms of a query: Latin words match terms they begin (one letter: the word itself);
     Chinese matches as a phrase (its character pairs) or, one character alone, every term
     starting with it. */
  function queryTerms(text) {
    var terms = [], seen = {};
    function add(term) { if (!seen[term.text]) { seen[term.text] = true; terms.push(term); } }
    normalize(text).replace(TOKEN, function (match, run, word) {
      if (word) {
        var letters = Array.from(word).slice(0, 32).join("");
        add({ text: letters, prefix: letters.length > 1, latin: true, word: letters });
      } else {
        var chars = Array.from(run);
        if (chars.length === 1) add({ text: chars[0], prefix: true, word: run });
        for (var i = 0; i + 1 < chars.length; i++) add({ text: chars[i] + chars[i + 1], prefix: false, word: run });
      }
      return match;
    });
    return terms;
  }

  function upper(list, value) { // the first position whose item is greater than value
    var lo = 0, hi = list.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (list[mid] <= value) lo = mid + 1; else hi = mid; }
    return lo;
  }

  function lower(list, value) { // the first position whose item is not less than value
    var lo = 0, hi = list.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (list[mid] < value) lo = mid + 1; else hi = mid; }
    return lo;
  }

  function shardsFor(text, prefix) {
    var starts = store.manifest.terms, found = [];
    if (!starts.length) return found;
    var first = Math.max(0, upper(starts, text) - 1);
    var last = prefix ? Math.max(0, upper(starts, text + "\uffff") - 1) : first;
    for (var i = first; i <= last; i++) found.push(i);
    return found;
  }

  function loadAll(names) {
    return Promise.all(names.map(load));
  }

  /* Documents matching one index term or every term with a prefix: id -> {score, code}. */
  function lookup(text, prefix, penalty, into) {
    var shards = shardsFor(text, prefix);
    for (var s = 0; s < shards.length; s++) {
      var shard = store.terms[shards[s]];
      if (!shard) continue;
      var i = lower(shard.keys, text);
      for (; i < shard.keys.length; i++) {
        var key = shard.keys[i];
        if (key !== text && !(prefix && key.lastIndexOf(text, 0) === 0)) break;
        var numbers = decode(shard.postings[i]), id = 0;
        var exact = key === text ? 0 : 1;
        for (var j = 0; j < numbers.length; j++) {
          var value = numbers[j], code = value % 32;
          id += (value - code) / 32;
          var score = (CLASS[code & 15] + (code & PINYIN ? 1 : 0)) * 4 + exact + penalty;
          var old = into.get(id);
          if (!old || score < old.score) into.set(id, { score: score, code: code & 15 });
        }
      }
    }
    return into;
  }

  function within1(a, b) { // optimal string alignment distance of a and b is at most 1
    if (a === b) return true;
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1) return false;
    var i = 0;
    while (i < la && i < lb && a.charAt(i) === b.charAt(i)) i++;
    if (la === lb) {
      if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
      return a.charAt(i) === b.charAt(i + 1) && a.charAt(i + 1) === b.charAt(i) && a.slice(i + 2) === b.slice(i + 2);
    }
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  function typoCandidates(term, words) {
    var q = term.text, n = q.length, found = [];
    for (var i = 0; i < words.length; i++) {
      var w = words[i];
      if (within1(q, w) || (w.length > n && (within1(q, w.slice(0, n)) || within1(q, w.slice(0, n + 1)) ||
          within1(q, w.slice(0, n - 1))))) found.push(w);
    }
    return found.slice(0, 50);
  }

  function groupOf(id) {
    var groups = store.manifest.groups, at = upper(groups.map(function (g) { return g[0]; }), id) - 1;
    return at >= 0 ? groups[at][1] : 0;
  }

  function chunkOf(id) { return upper(store.manifest.chunks, id) - 1; }

  /* Every document with every term, ranked: the current period first, then by where and how
     well the terms matched. Returns {results, words (for highlighting)}. */
  function find(terms) {
    var names = {};
    terms.forEach(function (term) {
      shardsFor(term.text, term.prefix).forEach(function (n) { names["t-" + n] = true; });
    });
    return loadAll(Object.keys(names)).then(function () {
      var words = terms.map(function (term) { return term.word; });
      var maps = terms.map(function (term) { return lookup(term.text, term.prefix, 0, new Map()); });
      var typos = [];
      terms.forEach(function (term, i) {
        if (!maps[i].size && term.latin && term.text.length >= 4 && !/^[0-9]+$/.test(term.text)) {
          var letter = store.manifest.vocabulary.indexOf(term.text.charAt(0));
          if (letter >= 0) typos.push({ index: i, letter: letter });
        }
      });
      if (!typos.length) return { maps: maps, words: words };
      return loadAll(typos.map(function (t) { return "v-" + t.letter; })).then(function () {
        var wanted = {}, candidates = {};
        typos.forEach(function (t) {
          candidates[t.index] = typoCandidates(terms[t.index], store.vocabulary[t.letter] || []);
          candidates[t.index].forEach(function (w) {
            shardsFor(w, false).forEach(function (n) { wanted["t-" + n] = true; });
          });
        });
        return loadAll(Object.keys(wanted)).then(function () {
          typos.forEach(function (t) {
            candidates[t.index].forEach(function (w) {
              lookup(w, false, TYPO_PENALTY, maps[t.index]);
              words.push(w);
            });
          });
          return { maps: maps, words: words };
        });
      });
    }).then(function (found) {
      var maps = found.maps.slice().sort(function (a, b) { return a.size - b.size; });
      var results = [];
      if (maps.length) {
        maps[0].forEach(function (hit, id) {
          var score = hit.score, codes = [hit.code];
          for (var m = 1; m < maps.length; m++) {
            var other = maps[m].get(id);
            if (!other) return;
            score += other.score;
            codes.push(other.code);
          }
          results.push({ id: id, score: score, codes: codes, group: groupOf(id) });
        });
      }
      results.sort(function (a, b) { return a.group - b.group || a.score - b.score || a.id - b.id; });
      return { results: results, words: found.words };
    });
  }

  function documentsOf(results) {
    var names = {};
    results.forEach(function (r) { names["d-" + chunkOf(r.id)] = true; });
    return loadAll(Object.keys(names));
  }

  function record(id) {
    var n = chunkOf(id), chunk = store.docs[n];
    var r = chunk.records[id - store.manifest.chunks[n]], s = chunk.strings, fields = [];
    for (var i = 4; i + 1 < r.length; i += 2) fields.push({ code: r[i], text: s[r[i + 1]] });
    return { kind: r[0], title: s[r[1]], url: r[2], context: s[r[3]], fields: fields };
  }

  /* ---- Showing results ---------------------------------------------------------------------- */
  var input = document.getElementById("search-input");
  var list = document.getElementById("search-results");
  var panel = document.getElementById("search-panel");
  var more = document.getElementById("search-more");
  var status = document.getElementById("search-status");
  var labels = {};
  var active = -1;
  var sequence = 0;
  var composing = false;

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function label(name, values) {
    var text = labels[name] || name;
    for (var key in values) text = text.split("{" + key + "}").join(values[key]);
    return text;
  }

  /* Where the words occur in text: [start, end] pairs, when normalising kept the length. */
  function ranges(text, words) {
    var key = normalize(text), found = [];
    if (key.length !== text.length) return found;
    words.forEach(function (word) {
      if (!word) return;
      var at = key.indexOf(word);
      while (at >= 0) { found.push([at, at + word.length]); at = key.indexOf(word, at + word.length); }
    });
    found.sort(function (a, b) { return a[0] - b[0]; });
    return found;
  }

  function highlight(text, words, window) {
    var found = ranges(text, words), start = 0, end = text.length, prefix = "", suffix = "";
    if (window && text.length > window) {
      var first = found.length ? found[0][0] : 0;
      start = Math.max(0, first - Math.floor(window / 3));
      end = Math.min(text.length, start + window);
      if (start > 0) prefix = "…";
      if (end < text.length) suffix = "…";
    }
    var html = "", at = start;
    found.forEach(function (range) {
      if (range[0] < at || range[1] > end) return;
      html += escapeHtml(text.slice(at, range[0])) + "<mark>" + escapeHtml(text.slice(range[0], range[1])) + "</mark>";
      at = range[1];
    });
    return prefix + html + escapeHtml(text.slice(at, end)) + suffix;
  }

  /* The fields a result matched in besides its title and context line, best first. */
  function matchedFields(doc, codes, words) {
    var shown = [], used = {}, visible = normalize(doc.title + " " + doc.context);
    codes.forEach(function (code) {
      if (code === 0 || used[code]) return;
      var candidates = doc.fields.filter(function (f) { return f.code === code; });
      if (!candidates.length) return;
      used[code] = true;
      var best = candidates.filter(function (f) { return ranges(f.text, words).length; })[0] || candidates[0];
      // Nothing to add when the words it matched are in the title or context line already.
      var matched = ranges(best.text, words).map(function (r) { return normalize(best.text.slice(r[0], r[1])); });
      if (matched.length && matched.every(function (m) { return visible.indexOf(m) >= 0; })) return;
      shown.push(best);
    });
    return shown.slice(0, 2);
  }

  function option(result, index, words) {
    var doc = record(result.id);
    var html = '<li role="option" id="search-option-' + index + '" aria-selected="false" data-href="' +
      escapeHtml(root + doc.url) + '"><span class="result-title"><span class="kind">' +
      escapeHtml(label("kind-" + doc.kind)) + "</span> " + highlight(doc.title, words) + "</span>";
    if (doc.context) html += '<span class="context">' + highlight(doc.context, words, 90) + "</span>";
    matchedFields(doc, result.codes, words).forEach(function (field) {
      html += '<span class="field"><span class="field-name">' + escapeHtml(label("field-" + field.code)) +
        "</span> " + highlight(field.text, words, 110) + "</span>";
    });
    return html + "</li>";
  }

  function setActive(index) {
    var items = list.querySelectorAll("li[role=option]");
    if (!items.length) return;
    active = (index + items.length) % items.length;
    for (var i = 0; i < items.length; i++) items[i].setAttribute("aria-selected", i === active ? "true" : "false");
    input.setAttribute("aria-activedescendant", items[active].id);
    items[active].scrollIntoView({ block: "nearest" });
  }

  function open() {
    panel.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function close() {
    panel.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function note(text, state) {
    more.setAttribute("data-state", state || "done");
    // Which query the panel answers (what a test, or an extension, waits for).
    more.setAttribute("data-query", state === "searching" ? "" : input.value);
    list.innerHTML = "";
    list.hidden = true;
    more.textContent = text;
    more.hidden = false;
    status.textContent = text;
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function run() {
    var mine = ++sequence;
    var terms = queryTerms(input.value);
    if (!terms.length) { close(); status.textContent = ""; return; }
    open();
    if (!list.children.length) note(label("searching"), "searching");
    var found;
    loadManifest().then(function () { return find(terms); }).then(function (result) {
      found = result;
      return documentsOf(result.results.slice(0, LIMIT));
    }).then(function () {
      if (mine !== sequence || composing) return;
      var results = found.results;
      if (!results.length) { note(label("none")); return; }
      list.innerHTML = results.slice(0, LIMIT).map(function (r, i) { return option(r, i, found.words); }).join("");
      list.hidden = false;
      more.setAttribute("data-state", "done");
      more.setAttribute("data-query", input.value);
      more.hidden = results.length <= LIMIT;
      more.textContent = label("more", { n: results.length - LIMIT });
      // As many results as the window shows: the panel never scrolls on its own (a scrolling
      // box without focusable content is out of reach of a keyboard; axe rejects it), and
      // "+N more" counts the rest.
      var room = window.innerHeight - panel.getBoundingClientRect().top - 8;
      while (list.children.length > 3 && panel.scrollHeight > room) list.removeChild(list.lastChild);
      var rest = results.length - list.children.length;
      more.hidden = rest <= 0;
      more.textContent = rest > 0 ? label("more", { n: rest }) : "";
      status.textContent = label("count", { n: results.length });
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }).catch(function () {
      if (mine === sequence) note(label("none"));
    });
  }

  function loadManifest() {
    return load("manifest");
  }

  function go(item, newTab) {
    var href = item && item.getAttribute("data-href");
    if (!href) return;
    if (newTab) window.open(href, "_blank", "noopener");
    else window.location.href = href;
  }

  if (input && list && panel) {
    try { labels = JSON.parse(input.getAttribute("data-labels") || "{}"); } catch (error) { labels = {}; }
    input.addEventListener("focus", function () { loadManifest().catch(function () {}); });
    input.addEventListener("compositionstart", function () { composing = true; });
    input.addEventListener("compositionend", function () { composing = false; run(); });
    input.addEventListener("input", function (event) {
      if (event.isComposing || composing) return; // an input method is still composing
      run();
    });
    input.addEventListener("keydown", function (event) {
      if (event.isComposing || event.keyCode === 229) return; // keys for the input method
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (panel.hidden) { run(); return; }
        setActive(active + 1);
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        if (!panel.hidden) setActive(active - 1);
      } else if (event.key === "Escape") {
        if (!panel.hidden) { event.preventDefault(); close(); }
        else if (input.value) { event.preventDefault(); input.value = ""; status.textContent = ""; }
      } else if (event.key === "Enter") {
        if (panel.hidden) return;
        var items = list.querySelectorAll("li[role=option]");
        var item = items[active >= 0 ? active : 0];
        if (item) { event.preventDefault(); go(item, event.ctrlKey || event.metaKey); }
      } else if (event.key === "Tab") {
        close();
      }
    });
    input.addEventListener("blur", function () { close(); });
    // Clicks on a result: the input keeps the focus (mousedown), then the result opens.
    panel.addEventListener("mousedown", function (event) { event.preventDefault(); });
    list.addEventListener("click", function (event) {
      var item = event.target.closest && event.target.closest("li[role=option]");
      if (item) go(item, event.ctrlKey || event.metaKey || event.button === 1);
    });
    list.addEventListener("mousemove", function (event) {
      var item = event.target.closest && event.target.closest("li[role=option]");
      if (!item) return;
      var items = Array.prototype.slice.call(list.querySelectorAll("li[role=option]"));
      var index = items.indexOf(item);
      if (index >= 0 && index !== active) setActive(index);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !panel.hidden) { close(); input.focus(); return; }
      var typing = /input|textarea|select/i.test(event.target.tagName || "") || event.target.isContentEditable;
      if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        input.focus();
      }
    });
  }

  /* ---- Parts: HTML that pages load when needed ---------------------------------------------
     Script files that call OKRDOCS_PART(path, html) (a browser refuses fetch() from file://).
     Their links are from the site's root: made relative to this page when inserted. */
  var parts = { loading: {}, resolve: {} };

  window.OKRDOCS_PART = function (path, html) {
    if (parts.resolve[path]) parts.resolve[path](html);
  };

  function loadPart(path) {
    if (!parts.loading[path]) {
      parts.loading[path] = new Promise(function (resolve, reject) {
        parts.resolve[path] = resolve;
        var script = document.createElement("script");
        script.src = root + path;
        script.async = true;
        script.onerror = function () { delete parts.loading[path]; reject(new Error(path)); };
        document.head.appendChild(script);
      });
    }
    return parts.loading[path];
  }

  /* Elements from a part's HTML, with links made relative to this page. */
  function fromPart(html) {
    var box = document.createElement("template");
    box.innerHTML = html;
    var links = box.content.querySelectorAll("a[href]");
    for (var i = 0; i < links.length; i++) {
      var href = links[i].getAttribute("href");
      if (!/^([a-z][a-z0-9+.-]*:|#|\/)/i.test(href)) links[i].setAttribute("href", root + href);
    }
    return box.content;
  }

  /* ---- Alignment tree: a node's aligned objectives load when it is opened -------------------- */
  var treeStatus = document.getElementById("tree-status");

  function announceTree(count) {
    if (!treeStatus) return;
    var text = treeStatus.getAttribute("data-loaded") || "{n}";
    treeStatus.textContent = text.split("{n}").join(count);
  }

  function loadBranch(details) {
    if (details.getAttribute("data-loaded") || details.getAttribute("data-loading")) return;
    var path = details.getAttribute("data-part");
    var list = details.querySelector(":scope > ul");
    var placeholder = list && list.querySelector(":scope > li.tree-lazy");
    if (!path || !list) return;
    details.setAttribute("data-loading", "1");
    list.setAttribute("aria-busy", "true");
    loadPart(path).then(function (html) {
      var content = fromPart(html);
      var count = content.querySelectorAll(".tree-node").length;
      if (placeholder) placeholder.remove();
      list.appendChild(content);
      details.setAttribute("data-loaded", "1");
      announceTree(count);
    }).catch(function () {}).then(function () {
      details.removeAttribute("data-loading");
      list.removeAttribute("aria-busy");
    });
  }

  document.addEventListener("toggle", function (event) {
    var details = event.target;
    if (details.tagName === "DETAILS" && details.open && details.hasAttribute("data-part")) loadBranch(details);
  }, true);

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.tree-load[data-part]");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    var item = link.parentNode, list = item.parentNode;
    link.setAttribute("aria-busy", "true");
    loadPart(link.getAttribute("data-part")).then(function (html) {
      var content = fromPart(html);
      var first = content.querySelector(".tree-node a");
      var count = content.querySelectorAll(".tree-node").length;
      list.insertBefore(content, item);
      item.remove();
      if (first) first.focus(); // the keyboard goes on where the new objectives start
      announceTree(count);
    }).catch(function () { link.removeAttribute("aria-busy"); });
  });

  var buttons = document.querySelectorAll("[data-tree]");
  for (var b = 0; b < buttons.length; b++) {
    buttons[b].addEventListener("click", function () {
      var open = this.getAttribute("data-tree") === "open";
      var nodes = document.querySelectorAll(".tree details");
      for (var i = 0; i < nodes.length; i++) nodes[i].open = open;
    });
  }

  /* A link to a node (#t-…) opens it and the branches above it. */
  if (location.hash.indexOf("#t-") === 0) {
    var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    for (var node = target; node; node = node.parentNode) {
      if (node.tagName === "DETAILS") node.open = true;
    }
    var own = target && target.querySelector(":scope > details");
    if (own) own.open = true;
  }

  /* ---- The attention list: filters and sorting ----------------------------------------------
     Without the script the list is complete (on as many pages as it needs) and the filters
     stay hidden. The state lives in the address (#team=…&status=…), so links from status
     counts arrive filtered; a list on several pages loads every item from rows.js first. */
  var filters = document.getElementById("attention-filters");
  var attentionList = document.getElementById("attention-list");
  if (filters && attentionList) attentionFilters(filters, attentionList);

  /* One attention item's list item from its record: the same markup as attention_row() in
     okrdocs/site/widgets.py draws on the page (the positions are the A_ constants there). */
  function attentionRow(record, strings, labels) {
    var r = record.map(function (index) { return strings[index]; });
    var e = escapeHtml;
    function lang(code) { return code ? ' lang="' + e(code) + '"' : ""; }
    var kind = r[0], meta = [];
    if (kind === "k") meta.push(e(labels.Objective) + ' <a href="' + e(r[4]) + '"' + lang(r[6]) + ">" + e(r[5]) + "</a>");
    if (r[8]) meta.push(e(r[8]));
    meta.push(r[11] ? '<a href="' + e(r[11]) + '">' + e(r[10]) + "</a>" : e(r[10]));
    meta.push('<span class="checkin-age">' + e(r[17]) + "</span>");
    if (r[18]) meta.push(e(labels.Confidence) + " " + e(r[18]));
    var change = "";
    if (r[27]) {
      var arrow = { up: "▲ ", down: "▼ ", flat: "" }[r[27]];
      change = '<span class="change change-' + r[27] + '" title="' + e(labels.change) + '"><span class="visually-hidden">' +
        e(labels.change) + ": </span>" + (arrow ? '<span aria-hidden="true">' + arrow + "</span>" : "") + e(r[28]) + "</span>";
    }
    var bar = '<div class="progress progress-' + e(r[19]) + '" role="progressbar" aria-label="' + e(labels.Progress) + ": " +
      e(r[2]) + '" aria-valuemin="0" aria-valuemax="100" aria-valuenow="' + r[20] + '"' +
      (r[21] ? ' aria-valuetext="' + e(labels["no data"]) + '"' : "") + '><div class="progress-track"><div class="progress-fill" style="width: ' +
      r[23] + '%"></div><div class="progress-expected" style="left: ' + r[24] + '%" title="' + e(labels.Expected) + " " + e(r[25]) +
      '"></div></div><span class="progress-text">' + e(r[22]) + "</span></div>";
    var badge = '<span class="status status-' + e(r[29]) + (r[30] ? " status-also-" + e(r[30]) : "") +
      '"><span class="status-icon" aria-hidden="true">' + e(labels["icon-" + r[29]] || "") + "</span>" + e(labels[r[29]] || r[29]) +
      (r[30] ? " · " + e(labels[r[30]] || r[30]) : "") + "</span>";
    return '<li class="objective-row attention-row" data-kind="' + kind + '" data-team="' + e(r[7]) + '" data-owner="' + e(r[9]) +
      '" data-status="' + e(r[12]) + '" data-gap="' + r[13] + '" data-days="' + r[14] + '" data-confidence="' + r[15] +
      '" data-order="' + r[16] + '"><div class="objective-row-main"><span class="kind kind-' + kind + '">' + e(labels[kind]) +
      '</span> <a class="objective-link" href="' + e(r[1]) + '"' + lang(r[3]) + ">" + e(r[2]) + '</a><span class="meta">' +
      meta.join(" · ") + '</span></div><div class="objective-row-numbers">' + change + bar + '<span class="gap">' + e(r[26]) +
      "</span>" + badge + "</div></li>";
  }

  function attentionFilters(form, list) {
    var texts = {};
    try { texts = JSON.parse(form.getAttribute("data-labels") || "{}"); } catch (error) { texts = {}; }
    function say(name, values) {
      var text = texts[name] || name;
      for (var key in values) text = text.split("{" + key + "}").join(values[key]);
      return text;
    }
    var LIMIT = 200;
    var names = ["team", "owner", "status", "type", "sort"];
    var controls = {};
    names.forEach(function (name) { controls[name] = form.elements[name]; });
    var count = document.getElementById("attention-count");
    var none = document.getElementById("attention-none");
    var more = document.getElementById("attention-more");
    var pagers = document.querySelectorAll(".pager");
    var total = parseInt(form.getAttribute("data-total"), 10) || 0;
    var rowsPath = form.getAttribute("data-rows");
    var pageRows = Array.prototype.slice.call(list.children);
    var allRows = rowsPath ? null : pageRows;
    var shown = LIMIT;
    form.hidden = false;

    function state() {
      var s = {};
      names.forEach(function (name) { s[name] = controls[name].value; });
      return s;
    }
    function isDefault(s) {
      return names.every(function (name) { return !s[name]; });
    }
    function fromHash() {
      var values = {};
      location.hash.replace(/^#/, "").split("&").forEach(function (pair) {
        var at = pair.indexOf("=");
        if (at > 0) values[decodeURIComponent(pair.slice(0, at))] = decodeURIComponent(pair.slice(at + 1));
      });
      names.forEach(function (name) {
        var control = controls[name], value = values[name] || "";
        var known = Array.prototype.some.call(control.options, function (o) { return o.value === value; });
        control.value = known ? value : "";
        if (!known && value && control.options.length < 2) { // options still to come (rows.js)
          var item = document.createElement("option");
          item.value = value;
          item.textContent = value;
          control.appendChild(item);
          control.value = value;
          control.setAttribute("data-wanted", value);
        }
      });
    }
    function toHash(s) {
      var parts = names.filter(function (name) { return s[name]; }).map(function (name) {
        return name + "=" + encodeURIComponent(s[name]);
      });
      var address = location.pathname + location.search + (parts.length ? "#" + parts.join("&") : "");
      try { history.replaceState(null, "", address); } catch (error) { /* some file:// hosts */ }
    }
    function rows() {
      if (allRows) return Promise.resolve(allRows);
      count.textContent = say("loading");
      return loadPart(rowsPath).then(function (payload) {
        fillOptions(payload);
        var html = payload.items.map(function (record) {
          return attentionRow(record, payload.strings, payload.labels);
        }).join("");
        allRows = Array.prototype.slice.call(fromPart(html).children);
        return allRows;
      });
    }
    /* A long list's page holds no team or owner options (thousands of them): they come with
       the items. */
    function fillOptions(payload) {
      [["team", payload.teams], ["owner", payload.owners]].forEach(function (pair) {
        var control = controls[pair[0]], wanted = control.getAttribute("data-wanted") || control.value;
        if (control.options.length > 1) return;
        pair[1].forEach(function (option) {
          var item = document.createElement("option");
          item.value = option[0];
          item.textContent = new Array((option[2] || 0) + 1).join("\u00a0\u00a0") + option[1];
          control.appendChild(item);
        });
        control.value = wanted;
      });
    }
    if (rowsPath) {
      var warm = function () { rows().catch(function () {}); };
      form.addEventListener("focusin", warm, { once: true });
      form.addEventListener("pointerenter", warm, { once: true });
    }
    function number(row, name, missing) {
      var value = row.getAttribute("data-" + name);
      return value === "" || value === null ? missing : parseFloat(value);
    }
    function matches(row, s) {
      if (s.team && ("|" + row.getAttribute("data-team") + "|").indexOf("|" + s.team + "|") < 0) return false;
      if (s.owner && row.getAttribute("data-owner") !== s.owner) return false;
      if (s.status && (" " + row.getAttribute("data-status") + " ").indexOf(" " + s.status + " ") < 0) return false;
      if (s.type && row.getAttribute("data-kind") !== s.type) return false;
      return true;
    }
    var SORTS = {
      gap: function (a, b) { return number(b, "gap", -1e9) - number(a, "gap", -1e9); },
      days: function (a, b) { return number(b, "days", -1) - number(a, "days", -1); },
      confidence: function (a, b) { return number(a, "confidence", 2) - number(b, "confidence", 2); }
    };
    function byOrder(a, b) { return number(a, "order", 0) - number(b, "order", 0); }

    function show(items) {
      while (list.firstChild) list.removeChild(list.firstChild);
      var fragment = document.createDocumentFragment();
      items.forEach(function (row) { fragment.appendChild(row); });
      list.appendChild(fragment);
    }

    function apply(keepShown) {
      var s = state();
      toHash(s);
      if (!keepShown) shown = LIMIT;
      if (isDefault(s) && rowsPath) { // the page as built, with its page links
        show(pageRows);
        for (var i = 0; i < pagers.length; i++) pagers[i].hidden = false;
        none.hidden = true;
        more.hidden = true;
        count.textContent = say("all", { total: total });
        return Promise.resolve();
      }
      return rows().then(function (every) {
        var found = every.filter(function (row) { return matches(row, s); });
        found.sort(function (a, b) { return (SORTS[s.sort] ? SORTS[s.sort](a, b) : 0) || byOrder(a, b); });
        var visible = rowsPath ? found.slice(0, shown) : found;
        if (!rowsPath) { // a list on one page: hide what does not match, keep the rest in order
          every.forEach(function (row) { row.hidden = true; });
          visible.forEach(function (row) { row.hidden = false; });
        }
        show(rowsPath ? visible : found.concat(every.filter(function (row) { return row.hidden; })));
        for (var i = 0; i < pagers.length; i++) pagers[i].hidden = true;
        none.hidden = found.length > 0;
        var rest = found.length - visible.length;
        more.hidden = rest <= 0;
        more.textContent = say("more", { n: Math.min(rest, LIMIT) });
        count.textContent = isDefault(s) ? say("all", { total: total }) :
          say("count", { shown: visible.length, matched: found.length, total: total });
      }).catch(function () { count.textContent = say("all", { total: total }); });
    }

    names.forEach(function (name) {
      controls[name].addEventListener("change", function () { apply(false); });
    });
    document.getElementById("filter-reset").addEventListener("click", function () {
      names.forEach(function (name) { controls[name].value = ""; });
      apply(false);
      controls.team.focus();
    });
    more.addEventListener("click", function () {
      var before = list.children.length;
      shown += LIMIT;
      apply(true).then(function () {
        var next = list.children[before];
        var link = next && next.querySelector("a");
        if (link) link.focus();
      });
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    window.addEventListener("hashchange", function () { fromHash(); apply(false); });
    fromHash();
    if (!isDefault(state())) apply(false);
  }

  var printButtons = document.querySelectorAll("[data-print]");
  for (var pb = 0; pb < printButtons.length; pb++) {
    printButtons[pb].addEventListener("click", function () { window.print(); });
  }

  /* ---- Printing: open every collapsed part so that the paper shows all of it ---------------- */
  var closedBeforePrint = [];
  window.addEventListener("beforeprint", function () {
    closedBeforePrint = Array.prototype.filter.call(document.querySelectorAll("details"), function (d) { return !d.open; });
    closedBeforePrint.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    closedBeforePrint.forEach(function (d) { d.open = false; });
    closedBeforePrint = [];
  });
})();
