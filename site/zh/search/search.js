// build-site search: reads the index the build wrote beside this file (see README, "Search").
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !window.Promise || !window.URL || !String.prototype.normalize) return;
  var base = new URL(".", script.src);
  var root = new URL("..", base);
  var loaded = {};
  var waiting = {};
  window.__buildSiteSearch = function (name, data) {
    loaded[name] = data;
    (waiting[name] || []).forEach(function (w) { w.resolve(data); });
    delete waiting[name];
  };
  function load(name) {
    if (Object.prototype.hasOwnProperty.call(loaded, name)) return Promise.resolve(loaded[name]);
    return new Promise(function (resolve, reject) {
      if (waiting[name]) { waiting[name].push({ resolve: resolve, reject: reject }); return; }
      waiting[name] = [{ resolve: resolve, reject: reject }];
      var tag = document.createElement("script");
      tag.src = new URL(name + ".js", base).href;
      tag.onerror = function () {
        (waiting[name] || []).forEach(function (w) { w.reject(new Error(name)); });
        delete waiting[name];
      };
      document.head.appendChild(tag);
    });
  }

  var wordChar = /[\p{L}\p{N}]/u;
  function isCJK(c) {
    return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0xf900 && c <= 0xfaff) || (c >= 0x20000 && c <= 0x3134f);
  }
  function fold(text) {
    return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/\u03c2/g, "\u03c3");
  }
  // Words, and the bigrams of Han and kana runs; a lone Han or kana character, or a word of three or more
  // letters, also matches the longer terms it starts.
  function queryTerms(text) {
    var out = [], word = "", run = [];
    function flushWord() {
      var length = Array.from(word).length;
      if (length && length <= 40) out.push({ term: word, prefix: length >= 3 });
      word = "";
    }
    function flushRun() {
      if (run.length === 1) out.push({ term: run[0], prefix: true });
      for (var i = 0; i + 1 < run.length; i++) out.push({ term: run[i] + run[i + 1], prefix: false });
      run = [];
    }
    Array.from(fold(text)).forEach(function (ch) {
      if (isCJK(ch.codePointAt(0))) { flushWord(); run.push(ch); }
      else if (wordChar.test(ch)) { flushRun(); word += ch; }
      else { flushWord(); flushRun(); }
    });
    flushWord();
    flushRun();
    var seen = {};
    return out.filter(function (t) { return seen[t.term] ? false : (seen[t.term] = true); });
  }
  function shardOf(term, count) {
    var chars = Array.from(term);
    var key = chars.slice(0, isCJK(chars[0].codePointAt(0)) ? 1 : 3).join("");
    var bytes = new TextEncoder().encode(key), hash = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193) >>> 0;
    return hash % count;
  }
  function fieldScore(fields) {
    return (fields & 8 ? 100 : 0) + (fields & 4 ? 20 : 0) + (fields & 2 ? 5 : 0) + (fields & 1 ? 1 : 0);
  }
  // Document number → best score of one query term; a prefix match counts half of an exact one.
  function matches(shard, query) {
    var scores = new Map();
    function add(list, weight) {
      var doc = 0;
      for (var i = 0; i < list.length; i++) {
        doc += Math.floor(list[i] / 16);
        var score = fieldScore(list[i] % 16) * weight;
        if (!(scores.get(doc) >= score)) scores.set(doc, score);
      }
    }
    if (query.prefix) {
      Object.keys(shard).forEach(function (key) {
        if (key.lastIndexOf(query.term, 0) === 0) add(shard[key], key === query.term ? 1 : 0.5);
      });
    } else if (Object.prototype.hasOwnProperty.call(shard, query.term)) {
      add(shard[query.term], 1);
    }
    return scores;
  }
  // Every document that matches all terms, best first (title hits, then headings, then the rest).
  function search(text) {
    var terms = queryTerms(text);
    if (!terms.length) return Promise.resolve(null);
    return load("index").then(function (index) {
      return Promise.all(terms.map(function (t) { return load("t/" + shardOf(t.term, index.shards)); }))
        .then(function (shards) {
          var total = null;
          terms.forEach(function (t, i) {
            var found = matches(shards[i], t);
            if (total === null) { total = found; return; }
            var both = new Map();
            total.forEach(function (score, doc) { if (found.has(doc)) both.set(doc, score + found.get(doc)); });
            total = both;
          });
          var ranked = Array.from(total.entries()).sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
          return { index: index, docs: ranked.map(function (e) { return e[0]; }) };
        });
    });
  }
  function documents(index, numbers) {
    var chunks = [];
    numbers.forEach(function (n) {
      var c = Math.floor(n / index.chunk);
      if (chunks.indexOf(c) < 0) chunks.push(c);
    });
    return Promise.all(chunks.map(function (c) { return load("d/" + c); })).then(function () {
      return numbers.map(function (n) { return loaded["d/" + Math.floor(n / index.chunk)][n % index.chunk]; });
    });
  }

  // For the tests, which run this script under Node and compare with SearchText.
  window.__buildSiteSearch.internals = { terms: queryTerms, shardOf: shardOf };

  var form = document.querySelector("form[data-search-form]");
  var list = document.querySelector("[data-search-results]");
  var status = document.querySelector("[data-search-status]");
  if (!form || !list || !status) return;
  var input = form.querySelector("input[type=search]");
  if (!input) return;
  document.querySelectorAll("[data-search-nojs]").forEach(function (e) { e.hidden = true; });
  var pageSize = 20, shown = 0, current = null, generation = 0, timer = 0;
  var more = document.createElement("button");
  more.type = "button";
  more.className = "search-more";
  more.hidden = true;
  list.parentNode.insertBefore(more, list.nextSibling);

  function item(doc, index) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = new URL(doc[0], root).href;
    a.textContent = doc[1];
    li.appendChild(a);
    var about = [doc[2] >= 0 ? index.collections[doc[2]] : "", doc[3]].filter(Boolean).join(" · ");
    if (about) {
      var meta = document.createElement("span");
      meta.className = "search-result__meta";
      meta.textContent = about;
      li.appendChild(document.createTextNode(" "));
      li.appendChild(meta);
    }
    if (doc[4]) {
      var p = document.createElement("p");
      p.textContent = doc[4];
      li.appendChild(p);
    }
    return li;
  }
  function showMore() {
    var numbers = current.docs.slice(shown, shown + pageSize), mine = generation;
    return documents(current.index, numbers).then(function (docs) {
      if (mine !== generation) return;
      docs.forEach(function (doc) { list.appendChild(item(doc, current.index)); });
      shown += docs.length;
      var left = current.docs.length - shown;
      more.hidden = left <= 0;
      more.textContent = words("more", "Show {next} more of {left}", { next: Math.min(left, pageSize), left: left });
    });
  }
  function say(text) { status.textContent = text; }
  // The page's own words, from data-msg-* on the status element ({query}, {count}, {shown}, {left}, {next}
  // stand for the numbers and the query); English when the page gives none.
  function words(name, fallback, values) {
    var text = status.getAttribute("data-msg-" + name);
    if (text === null) text = fallback;
    return text.replace(/\{(\w+)\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(values || {}, key) ? String(values[key]) : whole;
    });
  }
  function run(text) {
    var mine = ++generation;
    var query = text.trim();
    if (history.replaceState) {
      var url = new URL(location.href);
      if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
      try { history.replaceState(null, "", url.href); } catch (e) { /* a file: page may refuse */ }
    }
    list.textContent = "";
    more.hidden = true;
    shown = 0;
    if (!query) { say(""); return Promise.resolve(); }
    return search(query).then(function (result) {
      if (mine !== generation) return;
      if (!result) { say(words("empty", "Type a word to search for.")); return; }
      current = result;
      var count = result.docs.length;
      return showMore().then(function () {
        if (mine !== generation) return;
        var values = { query: query, count: count, shown: shown };
        say(count === 0 ? words("none", "No pages match \u201c{query}\u201d.", values) :
          count === 1 ? words("one", "1 page matches \u201c{query}\u201d.", values) :
          count > shown ? words("some", "{count} pages match \u201c{query}\u201d; showing the first {shown}.", values) :
          words("many", "{count} pages match \u201c{query}\u201d.", values));
      });
    }, function () {
      if (mine === generation) say(words("failed", "The search index could not be loaded."));
    });
  }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    run(input.value);
  });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { run(input.value); }, 150);
  });
  more.addEventListener("click", function () {
    var first = list.children.length;
    showMore().then(function () {
      var link = list.children[first] && list.children[first].querySelector("a");
      if (link) link.focus();
    });
  });
  // Arrow keys move between the box and the results; Tab works as everywhere.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    var at = event.target === input ? -1 : links.indexOf(event.target);
    if (at === -1 && event.target !== input) return;
    var next = event.key === "ArrowDown" ? at + 1 : at - 1;
    event.preventDefault();
    if (next < 0) input.focus(); else if (next < links.length) links[next].focus();
  });
  var initial = new URL(location.href).searchParams.get("q");
  if (initial) { input.value = initial; run(initial); }
})();