/*
 * credcat — catalogue filters. Plain JavaScript, no framework, no third-party code, no network
 * request except catalogue.json from this site.
 *
 * Without this script the catalogue page lists every active credential, and the others in a
 * separate section ("Not currently offered"). With it, the filter form appears, every card
 * moves into one result list, and the status filter starts at "active".
 *
 * Stable hooks (used by the browser and accessibility tests; keep them):
 *   #credcat-catalogue[data-credcat-data]  wrapper; the attribute is the URL of catalogue.json
 *   #credcat-filters                       the filter form (hidden until the data has loaded)
 *   #credcat-q                             text search (titles, summaries, outcomes, skills, providers)
 *   #credcat-sort                          sort order: title | eqf_asc | eqf_desc | ects_asc | ects_desc | provider
 *   #credcat-facets                        <details> holding the facets
 *   #credcat-facet-<id>                    one <fieldset> per facet; <id> is eqf, field, mode,
 *                                          language, org, status, workload
 *   input[data-credcat-facet=<id>]         facet checkboxes; name=<id>, value=the code
 *   [data-credcat-count="<id>:<value>"]    live count of a facet option, "(n)"
 *   #credcat-ects-min, #credcat-ects-max   workload range in ECTS
 *   #credcat-reset                         clears every filter
 *   #credcat-count                         results count (role="status": announced politely)
 *   #credcat-active-count                  number of active filters, in the facets summary
 *   #credcat-results                       the list of cards; li.credcat-card[data-credcat-id]
 *                                          [data-credcat-status]; hidden cards carry `hidden`
 *   #credcat-empty                         shown when nothing matches
 *   #credcat-others                        the no-JS section of non-active cards (hidden by JS)
 *
 * URL state (shareable, restored on load): ?text=…&eqf=6&eqf=7&field=0613&mode=online&language=de
 * &org=<id>&status=retired&ects_min=2&ects_max=10&sort=eqf_asc. `status` absent = active only;
 * `status=all` = every status. Within a facet the values are alternatives (or); facets combine
 * (and).
 */
(function () {
  "use strict";

  var FACETS = ["eqf", "field", "mode", "language", "org", "status"];
  var FIELD = { eqf: "eqf", field: "fields", mode: "mode", language: "languages", org: "orgs", status: "status" };
  var DEFAULT_STATUS = ["active"];

  var root = document.getElementById("credcat-catalogue");
  var form = document.getElementById("credcat-filters");
  var list = document.getElementById("credcat-results");
  if (!root || !form || !list || !window.fetch || !window.URLSearchParams) return;

  var countEl = document.getElementById("credcat-count");
  var emptyEl = document.getElementById("credcat-empty");
  var othersEl = document.getElementById("credcat-others");
  var activeEl = document.getElementById("credcat-active-count");
  var panel = document.getElementById("credcat-facets");
  var query = document.getElementById("credcat-q");
  var sortEl = document.getElementById("credcat-sort");
  var minEl = document.getElementById("credcat-ects-min");
  var maxEl = document.getElementById("credcat-ects-max");
  var lang = document.documentElement.lang || "en";
  var collator = window.Intl ? new Intl.Collator(lang, { sensitivity: "base", numeric: true }) : null;

  var items = [];      // {entry, card, text}
  var announceTimer = null;

  function fold(text) {
    text = String(text || "").toLowerCase();
    return text.normalize ? text.normalize("NFD").replace(/[\u0300-\u036f]/g, "") : text;
  }

  function compareText(a, b) {
    return collator ? collator.compare(a, b) : (a < b ? -1 : a > b ? 1 : 0);
  }

  // A value inside a quoted attribute selector: quotes and backslashes escaped, so a value
  // can never end the selector (values are codes and ids today; this keeps it so).
  function quoted(value) {
    return '"' + String(value).replace(/[\\"]/g, "\\$&").replace(/[\n\r\f]/g, function (c) {
      return "\\" + c.charCodeAt(0).toString(16) + " ";
    }) + '"';
  }

  function checkboxes(facet) {
    return Array.prototype.slice.call(form.querySelectorAll("input[data-credcat-facet=" + quoted(facet) + "]"));
  }

  function selected(facet) {
    return checkboxes(facet).filter(function (box) { return box.checked; })
      .map(function (box) { return box.value; });
  }

  function number(input) {
    var value = input && input.value !== "" ? parseFloat(String(input.value).replace(",", ".")) : NaN;
    return isNaN(value) ? null : value;
  }

  function readState() {
    var state = { q: query.value.trim(), sort: sortEl.value, min: number(minEl), max: number(maxEl) };
    FACETS.forEach(function (facet) { state[facet] = selected(facet); });
    return state;
  }

  function has(value, wanted) {
    if (Array.isArray(value)) {
      return value.some(function (v) { return wanted.indexOf(String(v)) !== -1; });
    }
    return wanted.indexOf(String(value)) !== -1;
  }

  function matches(item, state, skip) {
    var entry = item.entry;
    for (var i = 0; i < FACETS.length; i++) {
      var facet = FACETS[i];
      if (facet === skip || state[facet].length === 0) continue;
      if (!has(entry[FIELD[facet]], state[facet])) return false;
    }
    if (state.min !== null && (entry.ects === null || entry.ects < state.min)) return false;
    if (state.max !== null && (entry.ects === null || entry.ects > state.max)) return false;
    if (state.q) {
      var words = fold(state.q).split(/\s+/);
      for (var w = 0; w < words.length; w++) {
        if (words[w] && item.text.indexOf(words[w]) === -1) return false;
      }
    }
    return true;
  }

  function sortItems(order) {
    var by = {
      title: function (a, b) { return compareText(a.entry.title, b.entry.title); },
      eqf_asc: function (a, b) { return a.entry.eqf - b.entry.eqf; },
      eqf_desc: function (a, b) { return b.entry.eqf - a.entry.eqf; },
      ects_asc: function (a, b) { return (a.entry.ects || 0) - (b.entry.ects || 0); },
      ects_desc: function (a, b) { return (b.entry.ects || 0) - (a.entry.ects || 0); },
      provider: function (a, b) {
        return compareText((a.entry.providers || []).join(", "), (b.entry.providers || []).join(", "));
      }
    }[order] || null;
    var sorted = items.slice().sort(function (a, b) {
      return (by ? by(a, b) : 0) || compareText(a.entry.title, b.entry.title) ||
        compareText(a.entry.id, b.entry.id);
    });
    sorted.forEach(function (item) { list.appendChild(item.card); });
  }

  function countText(n) {
    var key = n === 0 ? "credcatTextZero" : n === 1 ? "credcatTextOne" : "credcatTextOther";
    return (countEl.dataset[key] || "{n}").replace("{n}", String(n));
  }

  function writeUrl(state) {
    var params = new URLSearchParams();
    if (state.q) params.set("text", state.q);  // not "q": Material opens its search for ?q=
    FACETS.forEach(function (facet) {
      var values = state[facet];
      if (facet === "status") {
        if (values.length === 0) { params.set("status", "all"); return; }
        if (values.length === 1 && values[0] === DEFAULT_STATUS[0]) return;
      }
      values.forEach(function (value) { params.append(facet, value); });
    });
    if (state.min !== null) params.set("ects_min", String(state.min));
    if (state.max !== null) params.set("ects_max", String(state.max));
    if (state.sort && state.sort !== "title") params.set("sort", state.sort);
    var search = params.toString();
    var url = window.location.pathname + (search ? "?" + search : "") + window.location.hash;
    try { window.history.replaceState(null, "", url); } catch (e) { /* file:// and sandboxes */ }
  }

  function readUrl() {
    var params = new URLSearchParams(window.location.search);
    query.value = params.get("text") || "";
    FACETS.forEach(function (facet) {
      var values = params.getAll(facet);
      if (facet === "status") {
        if (values.length === 0) values = DEFAULT_STATUS;
        if (values.indexOf("all") !== -1) values = [];
      }
      checkboxes(facet).forEach(function (box) { box.checked = values.indexOf(box.value) !== -1; });
    });
    minEl.value = params.get("ects_min") || "";
    maxEl.value = params.get("ects_max") || "";
    // Only the value of an existing option: anything else in the URL gives the default order.
    var sort = params.get("sort");
    var known = Array.prototype.some.call(sortEl.options, function (option) { return option.value === sort; });
    sortEl.value = known ? sort : "title";
  }

  function activeFilters(state) {
    var n = state.q ? 1 : 0;
    FACETS.forEach(function (facet) {
      if (facet === "status") {
        if (!(state.status.length === 1 && state.status[0] === DEFAULT_STATUS[0])) n += 1;
      } else if (state[facet].length) {
        n += 1;
      }
    });
    if (state.min !== null || state.max !== null) n += 1;
    return n;
  }

  function apply(options) {
    var state = readState();
    var shown = 0;
    items.forEach(function (item) {
      var ok = matches(item, state, null);
      item.card.hidden = !ok;
      if (ok) shown += 1;
    });
    FACETS.forEach(function (facet) {
      var pool = items.filter(function (item) { return matches(item, state, facet); });
      checkboxes(facet).forEach(function (box) {
        var n = pool.filter(function (item) { return has(item.entry[FIELD[facet]], [box.value]); }).length;
        var label = form.querySelector("[data-credcat-count=" + quoted(facet + ":" + box.value) + "]");
        if (label) label.textContent = "(" + n + ")";
        box.parentNode.classList.toggle("credcat-option--empty", n === 0 && !box.checked);
      });
    });
    sortItems(state.sort);
    emptyEl.hidden = shown !== 0;
    var active = activeFilters(state);
    if (activeEl) {
      activeEl.textContent = active ? "(" + (activeEl.dataset.credcatText || "{n}").replace("{n}", String(active)) + ")" : "";
    }
    writeUrl(state);
    var text = countText(shown);
    window.clearTimeout(announceTimer);
    if (options && options.now) {
      countEl.textContent = text;
    } else {
      // Wait until typing pauses, so screen readers announce one count, not one per key.
      announceTimer = window.setTimeout(function () { countEl.textContent = text; }, 500);
    }
  }

  function start(data) {
    var byId = {};
    (data.credentials || []).forEach(function (entry) { byId[entry.id] = entry; });
    var cards = Array.prototype.slice.call(root.querySelectorAll("li.credcat-card[data-credcat-id]"));
    cards.forEach(function (card) {
      var entry = byId[card.getAttribute("data-credcat-id")];
      if (!entry) return;
      var text = [entry.title, entry.summary].concat(entry.outcomes || [], entry.skills || [],
        entry.providers || [], entry.awarding || []).join(" \n ");
      items.push({ entry: entry, card: card, text: fold(text) });
      list.appendChild(card);
    });
    if (othersEl) othersEl.hidden = true;
    readUrl();
    form.hidden = false;
    // Open the facets beside the list on wide screens; on phones they stay folded (the summary
    // counts the active filters) so that the results are not pushed far down the page.
    var wide = window.matchMedia && window.matchMedia("(min-width: 60em)").matches;
    if (panel && wide) panel.open = true;

    var typing = null;
    query.addEventListener("input", function () {
      window.clearTimeout(typing);
      typing = window.setTimeout(apply, 150);
    });
    form.addEventListener("change", function (event) {
      if (event.target !== query) apply();
    });
    minEl.addEventListener("input", function () { apply(); });
    maxEl.addEventListener("input", function () { apply(); });
    form.addEventListener("submit", function (event) { event.preventDefault(); apply({ now: true }); });
    form.addEventListener("reset", function () {
      window.setTimeout(function () {
        checkboxes("status").forEach(function (box) { box.checked = DEFAULT_STATUS.indexOf(box.value) !== -1; });
        apply({ now: true });
        query.focus();
      }, 0);
    });
    apply({ now: true });
  }

  // The language switch leads to the same page in another language: carry the filter state
  // (the query string) and the position (the hash) along. Capture phase: the link is rewritten
  // before the browser follows it.
  document.addEventListener("click", function (event) {
    var target = event.target;
    var link = target && target.closest ? target.closest("a.md-select__link[hreflang]") : null;
    if (!link) return;
    var href = (link.getAttribute("href") || "").split(/[?#]/)[0];
    link.setAttribute("href", href + window.location.search + window.location.hash);
  }, true);

  var url = root.getAttribute("data-credcat-data");
  window.fetch(url, { credentials: "same-origin" })
    .then(function (response) {
      if (!response.ok) throw new Error("catalogue.json: HTTP " + response.status);
      return response.json();
    })
    .then(start)
    .catch(function () { /* keep the server-rendered list (the no-JavaScript view) */ });
})();
