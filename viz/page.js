/* Partnership Graph page: legend, time control and details panel over pyvis's `nodes`/`edges` DataSets. */
(function () {
  "use strict";
  var PG = JSON.parse(document.getElementById("pg-data").textContent);
  var span = null;   // null: the whole span (undated facts included); else [first year, last year]
  var KIND_WORDS = {   // the link's `k` counts, keyed as in viz/pages.py KIND_CODES
    m: ["meeting attended together", "meetings attended together"],
    p: ["meeting presenting together", "meetings presenting together"],
    a: ["shared action", "shared actions"],
    o: ["organisation as colleagues", "organisations as colleagues"]
  };

  function $(id) { return document.getElementById(id); }
  function el(tag, text, cls) {
    var e = document.createElement(tag);   // textContent only: names and minutes are never parsed as HTML
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }
  function list(items) {
    var ul = el("ul");
    items.forEach(function (t) { ul.appendChild(el("li", t)); });
    return ul;
  }
  function plural(n, words) { return n + " " + (n === 1 ? words[0] : words[1]); }

  // -- ready signal, read by the tests and the benchmark
  window.pgStable = false;
  function markStable() {
    if (window.pgStable) { return; }
    window.pgStable = true;
    window.pgStableAt = performance.now();
    document.body.setAttribute("data-stable", "1");
    $("pg-status").textContent = "";
  }
  if (PG.physics) {
    // Stabilise from the precomputed positions, then stop, so the drawing holds still.
    $("pg-status").textContent = "Arranging…";
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      keepLonersBelow();
      network.fit();
      markStable();
    });
  } else {
    network.once("afterDrawing", markStable);
    network.fit();
  }

  // Unlinked nodes sit in rows beneath the network (viz/layout.py); physics may have spread the
  // network over them, so move the rows down past it.
  function keepLonersBelow() {
    var loners = nodes.getIds({ filter: function (n) { return n.physics === false; } });
    if (!loners.length) { return; }
    var where = network.getPositions(), bottom = -Infinity, top = Infinity;
    Object.keys(where).forEach(function (id) {
      if (loners.indexOf(id) < 0) { bottom = Math.max(bottom, where[id].y); }
    });
    loners.forEach(function (id) { top = Math.min(top, where[id].y); });
    var shift = bottom + 150 - top;
    if (bottom > -Infinity && shift > 0) {
      loners.forEach(function (id) { network.moveNode(id, where[id].x, where[id].y + shift); });
    }
  }

  // -- title, notes, legend, search, picture
  $("pg-title").textContent = PG.title;
  PG.notes.forEach(function (n) { $("pg-notes").appendChild(el("li", n)); });
  var legend = $("pg-legend");
  legend.appendChild(el("h3", PG.legendTitle));
  var lul = el("ul");
  PG.legend.forEach(function (item) {
    var li = el("li");
    var sw = el("span", null, "pg-swatch");
    sw.style.background = item.colour;
    li.appendChild(sw);
    li.appendChild(el("span", item.label));
    li.appendChild(el("span", String(item.count), "pg-count"));
    lul.appendChild(li);
  });
  legend.appendChild(lul);
  legend.appendChild(el("p", PG.view === "people"
    ? "Size: meetings attended. Line width: times worked together."
    : "Size: meetings attended. Line width: meetings and actions shared.", "pg-hint"));
  if (PG.heatmap) {
    $("pg-heatmap").src = PG.heatmap;
    $("pg-picture").hidden = false;
  }
  // Names as people type them: case, accents and punctuation folded; a name, an alias or part of one.
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/&/g, " and ").replace(/['\u2019]/g, "").replace(/[^\w\s]/g, " ").replace(/\s+/g, " ").trim();
  }
  var byName = {}, forms = [];
  var names = $("pg-names");
  nodes.forEach(function (n) {
    [n.name].concat(n.aliases || []).forEach(function (a) {
      var f = fold(a);
      if (byName[f] === undefined) { byName[f] = n.id; }
      forms.push([f, n.id]);
    });
    var o = el("option");
    o.value = n.name;
    names.appendChild(o);
  });
  function findNames(text) {
    var f = fold(text), ids = [], seen = {};
    if (!f) { return ids; }
    if (byName[f] !== undefined) { return [byName[f]]; }
    forms.forEach(function (pair) {
      if ((" " + pair[0] + " ").indexOf(" " + f) >= 0 && !seen[pair[1]]) { seen[pair[1]] = true; ids.push(pair[1]); }
    });
    return ids;
  }
  $("pg-search").addEventListener("change", function (ev) {
    var text = ev.target.value.trim(), found = findNames(text), said = $("pg-found");
    said.textContent = "";
    if (!text) { return; }
    if (found.length === 0) { said.textContent = "No one called \u201c" + text + "\u201d on this page."; return; }
    if (found.length > 1) {
      said.textContent = found.length + " match: " + found.slice(0, 5).map(function (id) {
        return nodes.get(id).name; }).join(", ") + (found.length > 5 ? ", \u2026" : "") + ". Showing the first.";
    }
    var id = found[0];
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 0.8), animation: { duration: 400 } });
    showNode(nodes.get(id));
  });

  // -- the time control
  function countIn(perYear, spans) {
    var c = 0, y, i;
    for (y in perYear) {
      if (+y >= span[0] && +y <= span[1]) { c += perYear[y]; }
    }
    for (i = 0; spans && i < spans.length; i++) {
      if (spans[i][1] >= span[0] && spans[i][0] <= span[1]) { c += 1; }
    }
    return c;
  }
  function weight(e) { return span ? countIn(e.yw, e.ys) : e.w; }
  function meetingsOf(n) { return span ? countIn(n.ym, null) : n.mc; }

  function apply() {
    var edgeUpdates = [], nodeUpdates = [], active = {}, shownEdges = 0, shownNodes = 0;
    edges.forEach(function (e) {
      var w = weight(e);
      if (w > 0) { active[e.from] = true; active[e.to] = true; shownEdges++; }
      // Only what changes: each update makes vis rework the item, and 20,000 of them take seconds.
      if (!!e.hidden !== (w < 1) || (w > 0 && e.value !== w)) {
        edgeUpdates.push({ id: e.id, hidden: w < 1, value: Math.max(w, 1) });
      }
    });
    nodes.forEach(function (n) {
      var m = meetingsOf(n);
      var hidden = span !== null && !active[n.id] && m < 1;
      if (!hidden) { shownNodes++; }
      if (!!n.hidden !== hidden || n.value !== m) { nodeUpdates.push({ id: n.id, hidden: hidden, value: m }); }
    });
    edges.update(edgeUpdates);
    nodes.update(nodeUpdates);
    showState(shownNodes, shownEdges);
  }
  function showState(shownNodes, shownEdges) {
    var what = span ? (span[0] === span[1] ? String(span[0]) : span[0] + "–" + span[1]) : "All years";
    $("pg-span").textContent = what + ": " + shownNodes + (PG.view === "people" ? " people, " : " organisations, ")
      + shownEdges + " links";
    var buttons = document.querySelectorAll("#pg-time button[data-year]");
    Array.prototype.forEach.call(buttons, function (b) {
      var y = b.getAttribute("data-year");
      b.classList.toggle("pg-on", y === "all" ? span === null : span !== null && +y >= span[0] && +y <= span[1]);
    });
    $("pg-from").value = span ? span[0] : PG.years[0];
    $("pg-to").value = span ? span[1] : PG.years[PG.years.length - 1];
  }
  function setSpan(s) {
    span = s;
    apply();
    var shown = nodes.getIds({ filter: function (n) { return !n.hidden; } });
    if (shown.length) { network.fit({ nodes: shown }); }   // bring the year's network into view
  }
  window.pgSetSpan = setSpan;   // for tests: pgSetSpan([2021, 2021]) or pgSetSpan(null)

  function buildTimeControl() {
    var box = $("pg-time"), years = PG.years;   // the years with something dated in them
    if (!years.length) {
      box.appendChild(el("span", "No meeting dates known: the time control needs them.", "pg-hint"));
      return;
    }
    var first = years[0], last = years[years.length - 1];
    function button(text, year, onClick) {
      var b = el("button", text);
      b.type = "button";
      if (year !== null) { b.setAttribute("data-year", year); }
      b.addEventListener("click", onClick);
      box.appendChild(b);
    }
    function step(by) {
      // A single year steps to the next year that had meetings; a range slides by one year.
      if (span === null) { setSpan(by > 0 ? [first, first] : [last, last]); return; }
      if (span[0] === span[1]) {
        var i = years.indexOf(span[0]), j = Math.min(Math.max(i + by, 0), years.length - 1);
        if (i < 0) { j = by > 0 ? years.findIndex(function (y) { return y > span[0]; }) : -1; }
        if (i < 0 && by < 0) { years.forEach(function (y, k) { if (y < span[0]) { j = k; } }); }
        if (j >= 0) { setSpan([years[j], years[j]]); }
        return;
      }
      var width = span[1] - span[0];
      var from = Math.min(Math.max(span[0] + by, first), last - width);
      setSpan([from, from + width]);
    }
    button("All years", "all", function () { setSpan(null); });
    button("◀", null, function () { step(-1); });
    if (years.length <= 25) {   // beyond that the sliders alone stay readable
      years.forEach(function (y) { button(String(y), y, function () { setSpan([y, y]); }); });
    }
    button("▶", null, function () { step(1); });
    ["from", "to"].forEach(function (which) {
      var label = el("label", which === "from" ? "From" : "to");
      var input = el("input");
      input.type = "range"; input.min = first; input.max = last; input.step = 1; input.id = "pg-" + which;
      input.value = which === "from" ? first : last;
      label.htmlFor = input.id;
      input.addEventListener("input", function () {
        var a = +$("pg-from").value, b = +$("pg-to").value;
        if (a > b) { if (which === "from") { b = a; } else { a = b; } }
        setSpan(a === first && b === last ? null : [a, b]);
      });
      box.appendChild(label);
      box.appendChild(input);
    });
    box.appendChild(el("span", "", null)).id = "pg-span";
    showState(PG.counts.nodes, PG.counts.edges);   // the page opens on the whole span: nothing to hide
  }
  buildTimeControl();

  // -- details panel
  function meetingLines(indexes, total) {
    var lines = indexes.map(function (i) {
      var m = PG.meetings[i];
      return (m[1] || "date unknown") + " — " + m[0];
    });
    if (total > indexes.length) { lines.push("… and " + (total - indexes.length) + " more"); }
    return lines;
  }
  function panel() {
    var info = $("pg-info");
    info.textContent = "";
    return info;
  }
  function showNode(n) {
    var info = panel();
    info.appendChild(el("h2", n.name));
    if (n.aliases && n.aliases.length) { info.appendChild(el("p", "Also written: " + n.aliases.join("; "), "pg-hint")); }
    (n.sections || []).forEach(function (s) {
      info.appendChild(el("h3", s[0]));
      info.appendChild(list(s[1]));
    });
    info.appendChild(el("h3", "Meetings attended (" + n.mc + ")"));
    info.appendChild(list(meetingLines(n.m, n.mc)));
  }
  function edgeYears(e) {
    var seen = {}, y;
    for (y in e.yw) { seen[y] = true; }
    (e.ys || []).forEach(function (s) { for (y = s[0]; y <= s[1]; y++) { seen[y] = true; } });
    return Object.keys(seen).map(Number).sort(function (a, b) { return a - b; });
  }
  function kindsSaid(e) {
    // In KIND_WORDS' order: pyvis writes the links with their keys sorted.
    return Object.keys(KIND_WORDS).filter(function (k) { return e.k[k]; })
      .map(function (k) { return plural(e.k[k], KIND_WORDS[k]); });
  }
  function edgeTitle(e) {
    var years = edgeYears(e);
    var when = !years.length ? "undated" : years.length === 1 ? String(years[0])
      : years[0] + "–" + years[years.length - 1];
    return nodes.get(e.from).name + " – " + nodes.get(e.to).name + "\nWorked together "
      + plural(e.w, ["time", "times"]) + ": " + kindsSaid(e).join(", ") + "; " + when
      + "\nClick for meetings and evidence";
  }
  // Tooltips for links are written when first hovered: 20,000 of them would double the page.
  network.on("hoverEdge", function (params) {
    var e = edges.get(params.edge);
    if (e && !e.title) { edges.update({ id: e.id, title: edgeTitle(e) }); }
  });
  function showEdge(e) {
    var info = panel();
    info.appendChild(el("h2", nodes.get(e.from).name + " – " + nodes.get(e.to).name));
    var said = "Worked together " + plural(e.w, ["time", "times"]);
    if (span) { said += " (" + weight(e) + " in the years shown)"; }
    info.appendChild(el("p", said));
    info.appendChild(list(kindsSaid(e)));
    var years = edgeYears(e);
    if (years.length) { info.appendChild(el("p", "Years: " + years.join(", "), "pg-hint")); }
    if (e.u) { info.appendChild(el("p", plural(e.u, ["time", "times"]) + " at undated meetings", "pg-hint")); }
    if (e.m && e.m.length) {
      var total = e.mn || e.m.length;
      info.appendChild(el("h3", "Meetings (" + total + ")"));
      info.appendChild(list(meetingLines(e.m, total)));
    }
    info.appendChild(el("h3", "Evidence"));
    e.ev.forEach(function (i) {
      var q = el("blockquote", PG.evidence[i][1], "pg-quote");
      var cite = el("cite", PG.evidence[i][0] || "");
      if (PG.evidence[i][2]) {                 // the minutes' own address: opened only when clicked
        var a = el("a", "minutes");
        a.href = PG.evidence[i][2];
        a.rel = "noopener noreferrer";
        a.target = "_blank";
        cite.appendChild(document.createTextNode(" \u00b7 "));
        cite.appendChild(a);
      }
      q.appendChild(cite);
      info.appendChild(q);
    });
    if (e.evn) { info.appendChild(el("p", "… and " + (e.evn - e.ev.length) + " more sentences", "pg-hint")); }
  }
  network.on("click", function (params) {
    if (params.nodes.length) { showNode(nodes.get(params.nodes[0])); }
    else if (params.edges.length) { showEdge(edges.get(params.edges[0])); }
  });
}());
