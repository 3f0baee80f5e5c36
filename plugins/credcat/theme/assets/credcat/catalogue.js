/*
 * credcat — catalogue filters, paging and compare ticks. Plain JavaScript, no framework, no
 * third-party code, no network request except catalogue.json and catalogue-texts.json from
 * this site.
 *
 * Without this script the catalogue page lists the active credentials, then the others ("Not
 * currently offered"), a fixed number per page (links to the further pages at the bottom). With
 * it, the filter form appears, and the cards are rendered from catalogue.json into one result
 * list, PAGE_SIZE at a time ("Show N more" adds the next ones): a catalogue of 10,000
 * credentials never puts 10,000 cards into the page. The status filter starts at "active".
 *
 * The data comes in two files (docs/data.md): catalogue.json (cards, facets, sorting; small, so
 * the filters work as soon as it is parsed) and catalogue-texts.json (the descriptions,
 * outcomes and skills the text search also reads), requested once the first results are on
 * the page. A text search made before the texts are here waits for them: the list is emptied,
 * marked busy and the count says so (never results that miss the outcomes), and the results
 * come as soon as the texts do. Should they fail to load, the search looks at what the first
 * file holds (titles, summaries, organisations) and asks for the texts again at the next
 * search.
 *
 * Stable hooks (used by the browser and accessibility tests; keep them):
 *   #credcat-catalogue[data-credcat-data]  wrapper; the attribute is the URL of catalogue.json,
 *                                          data-credcat-texts the URL of catalogue-texts.json,
 *                                          data-credcat-compare the URL of the compare page
 *   #credcat-catalogue-config              JSON: the words of the cards the script renders
 *   #credcat-filters                       the filter form (hidden until the data has loaded)
 *   #credcat-q-hint-toggle                 under 375 px, folds and unfolds the search box's hint
 *                                          (#credcat-q-hint; aria-expanded, aria-controls)
 *   #credcat-q                             text search (titles, summaries, descriptions,
 *                                          outcomes, skills, organisations, and the names of
 *                                          the credential's fields, mode and level in the
 *                                          page's language: see textOf): the page's one
 *                                          search box (the header's site search is hidden on
 *                                          this page)
 *   #credcat-sort                          sort order: title | start | eqf_asc | eqf_desc | ects_asc | ects_desc | provider
 *                                          (ects_*: by workload, ECTS or hours; see workloadOf;
 *                                          start: the run each card shows first, see startOrder)
 *   #credcat-facets                        <details> holding the facets (open beside the list on
 *                                          wide screens; a full-screen panel on phones)
 *   #credcat-facet-<id>                    one <fieldset> per facet, inside its own <details>;
 *                                          <id> is eqf, field, mode, language, org, status, workload
 *   input[data-credcat-facet=<id>]         facet checkboxes; name=<id>, value=the code; disabled
 *                                          while ticking it would give no result
 *   [data-credcat-count="<id>:<value>"]    live count of a facet option, "(n)"
 *   #credcat-ects-min, #credcat-ects-max   the workload range's two boxes, inside #credcat-workload
 *                                          [data-credcat-unit=ects|hours] (see rangeUnit): in ECTS
 *                                          where some credential states ECTS (inputmode=decimal:
 *                                          "2,5" and "2.5" are 2.5, see parseNumber), with
 *                                          #credcat-workload-hint where others state hours only
 *                                          (they match by their hours, see inRange); in hours where
 *                                          none states ECTS but some state hours (inputmode=numeric,
 *                                          whole numbers); hidden where none states either. Only
 *                                          the unit's ends of an address are applied (ects_min,
 *                                          ects_max or hours_min, hours_max); #credcat-workload-error
 *                                          says what in a box is no number (aria-invalid)
 *   #credcat-reset                         clears every filter
 *   #credcat-show-results                  "Show N results": closes the phone panel, focuses the results
 *   #credcat-count                         results count (role="status": announced politely)
 *   #credcat-active-count                  number of the panel's filters in use, in the facets
 *                                          summary (the text search, outside the panel, is not one)
 *   #credcat-chips, #credcat-chips-list    above the results (shown by the stylesheet where the
 *                                          facets fold into a panel: a phone): a button per filter
 *                                          of the panel in use, button[data-credcat-chip=<key>]
 *                                          (<facet>:<value>, status: for every status, ects_min,
 *                                          ects_max, hours_min, hours_max), named "Remove filter: <what it shows>";
 *                                          pressed, it removes that filter (a step in the history)
 *                                          and the focus goes to the next one, else to the facets'
 *                                          summary
 *   #results                               the results heading (target of the skip link)
 *   #credcat-results                       the list of cards; li.credcat-card[data-credcat-id]
 *                                          [data-credcat-status]; only the shown ones exist;
 *                                          aria-busy="true" while a text search waits for the texts
 *   [data-credcat-fact=start|run-language|price|price-note]  a card's next run open for
 *                                          enrolment on the reader's today (with the language
 *                                          filter: the next in a language ticked), its language
 *                                          where the runs differ in it, its price and that
 *                                          price's note; no price where no run is open; for a
 *                                          credential no longer offered, "No longer offered" or
 *                                          "Replaced by <successor>" (a link) and no price
 *   #credcat-more                          "Show N more"
 *   #credcat-empty                         shown when nothing matches; #credcat-empty-why says why
 *                                          (naming the words typed, if any); #credcat-empty-alone
 *                                          (#credcat-empty-alone-text, #credcat-keep-query) shown
 *                                          where the words alone would find credentials: how
 *                                          many, and a button that clears the filters, keeps them
 *   #credcat-others, #credcat-pages        the no-JS section of non-active cards and the links to
 *                                          the further pages (hidden by the script)
 *   input[data-credcat-compare=<id>]       a card's "Compare" tick box (at most MAX_COMPARE)
 *   #credcat-compare-bar, #credcat-compare-link, #credcat-compare-clear, #credcat-compare-note
 *                                          the bar that leads to the compare page
 *   #credcat-catalogue[data-credcat-pending]  while a change is not yet in the address
 *   window.performance mark "credcat-results"  set when the first results are on the page
 *   window.performance mark "credcat-texts"    set when catalogue-texts.json has been merged
 *
 * URL state (shareable, restored on load): ?text=…&eqf=6&eqf=7&field=0613&mode=online&language=de
 * &org=<id>&status=retired&ects_min=2&ects_max=10&sort=eqf_asc (hours_min=40&hours_max=120 in a
 * catalogue of hours). `status` absent = active only;
 * `status=all` = every status. Within a facet the values are alternatives (or); facets combine
 * (and). Each change of a filter is a step in the browser's history (Back undoes it); typing
 * makes one step per pause, not one per key.
 */
(function () {
  "use strict";

  var FACETS = ["eqf", "field", "mode", "language", "org", "status"];
  var DEFAULT_STATUS = ["active"];
  var PAGE_SIZE = 24;        // cards added to the page at a time
  var MAX_COMPARE = 3;
  var TYPING_PAUSE = 800;    // ms without typing that ends one step in the history
  var PHONE = "(max-width: 59.984375em)";
  var URL_DELAY = 250;       // ms between a change and its address (see writeUrl)

  var root = document.getElementById("credcat-catalogue");
  var form = document.getElementById("credcat-filters");
  var list = document.getElementById("credcat-results");
  if (!root || !form || !list || !window.fetch || !window.URLSearchParams) return;

  var countEl = document.getElementById("credcat-count");
  var emptyEl = document.getElementById("credcat-empty");
  var emptyWhy = document.getElementById("credcat-empty-why");
  var emptyAlone = document.getElementById("credcat-empty-alone");
  var emptyAloneText = document.getElementById("credcat-empty-alone-text");
  var keepBtn = document.getElementById("credcat-keep-query");
  var ignoredEl = document.getElementById("credcat-ignored");
  var othersEl = document.getElementById("credcat-others");
  var pagesEl = document.getElementById("credcat-pages");
  var activeEl = document.getElementById("credcat-active-count");
  var chipsEl = document.getElementById("credcat-chips");
  var chipList = document.getElementById("credcat-chips-list");
  var panel = document.getElementById("credcat-facets");
  var showBtn = document.getElementById("credcat-show-results");
  var moreBtn = document.getElementById("credcat-more");
  var resultsHeading = document.getElementById("results");
  var query = document.getElementById("credcat-q");
  var sortEl = document.getElementById("credcat-sort");
  var minEl = document.getElementById("credcat-ects-min");
  var maxEl = document.getElementById("credcat-ects-max");
  var workloadEl = document.getElementById("credcat-workload");
  var workloadHint = document.getElementById("credcat-workload-hint");
  var workloadError = document.getElementById("credcat-workload-error");
  var bar = document.getElementById("credcat-compare-bar");
  var barLink = document.getElementById("credcat-compare-link");
  var barClear = document.getElementById("credcat-compare-clear");
  var barNote = document.getElementById("credcat-compare-note");
  var config = {};
  try {
    config = JSON.parse((document.getElementById("credcat-catalogue-config") || {}).textContent || "{}");
  } catch (e) { config = {}; }
  var words = config.strings || {};
  // the hours of learning an ECTS credit stands for, as the build states them (see inRange),
  // and their middle, only to sort hours among ECTS (see workloadOf)
  var ECTS_HOURS = config.hours_per_ects;
  var HOURS_PER_ECTS = (ECTS_HOURS[0] + ECTS_HOURS[1]) / 2;
  var lang = document.documentElement.lang || "en";
  var uiLang = root.getAttribute("lang") || lang;  // the language of credcat's words
  var collator = window.Intl ? new Intl.Collator(lang, { sensitivity: "base", numeric: true }) : null;
  var numberFormat = window.Intl ? new Intl.NumberFormat(lang, { maximumFractionDigits: 2, useGrouping: false }) : null;

  var data = null;
  var ectsStated = false;  // some credential states ECTS: the range filter is in ECTS
  var hoursOnly = false;   // some credential states hours and no ECTS
  var rangeUnit = "";      // the range filter's unit: "ects", "hours" or "" (not offered)
  var bounds = { ects: [Infinity, -Infinity], hours: [Infinity, -Infinity] };  // for placeholders
  var items = [];          // {e: entry, t: texts entry|null, text: folded words, vals: [[codes] per facet], card: element|null}
  var byId = Object.create(null);      // id -> item (no prototype: ids come from addresses)
  var texts = "none";      // catalogue-texts.json: "none", "loading", "here" or "failed"
  var labels = Object.create(null);    // facet -> code -> label
  var labelLangs = Object.create(null);  // facet -> code -> the label's language, if marked
  var codes = Object.create(null);     // facet -> value -> small integer
  var codeList = Object.create(null);  // facet -> [value]
  var textCache = { q: null, hits: null };  // the items the last text search matched
  var orders = Object.create(null);    // sort -> [item index]
  var results = [];        // the items that match, in order
  var limit = PAGE_SIZE;
  var announceTimer = null;
  var typingTimer = null;
  var typingStep = false;  // inside a typing burst: the history step has been pushed
  var compared = [];
  var urlTimer = null;
  var pendingUrl = null;
  var pendingStep = null;
  var storeKey = "credcat-compare:" + root.getAttribute("data-credcat-data");

  function fold(text) {
    text = String(text || "").toLowerCase();
    return text.normalize ? text.normalize("NFD").replace(/[\u0300-\u036f]/g, "") : text;
  }

  function compareText(a, b) {
    return collator ? collator.compare(a, b) : (a < b ? -1 : a > b ? 1 : 0);
  }

  function fill(template, values) {
    return String(template || "").replace(/\{(\w+)\}/g, function (all, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : all;
    });
  }

  // A title or summary in another language than credcat's words around it (catalogue.json's
  // tl, sl): its element says so, as on the cards the build writes; and that it stands in for
  // a missing translation where that language is not the page's (on a page whose interface is
  // English as credcat has no words in its language, a title in that language is marked too).
  function setFallback(node, code) {
    node.setAttribute("lang", code);
    if (code !== lang) node.setAttribute("data-credcat-fallback", code);
  }

  // A count in words: the words for zero where the string has them, else the form of the
  // count's plural category in the string's language (Intl.PluralRules: Slovenian has four
  // forms, "1 mikrodokazilo", "2 mikrodokazili", "3 mikrodokazila", "5 mikrodokazil"), as the
  // build writes them (data-credcat-text-<category>, data-credcat-plural); where the browser
  // lacks the rules, English's ("one" for 1, else "other"), as compare.js's counted; "other"
  // where the category has no form.
  var pluralRules = {};
  function pluralCategory(code, n) {
    try {
      return (pluralRules[code] || (pluralRules[code] = new Intl.PluralRules(code))).select(n);
    } catch (e) {
      return n === 1 ? "one" : "other";
    }
  }

  function plural(el, n) {
    var d = el.dataset;
    if (n === 0 && d.credcatTextNone) return fill(d.credcatTextNone, { n: n });
    var category = pluralCategory(d.credcatPlural || uiLang, n);
    var key = "credcatText" + category.charAt(0).toUpperCase() + category.slice(1);
    return fill(d[key] || d.credcatTextOther || "{n}", { n: n });
  }

  // A counted string of the configuration (config.plurals: the build's forms by plural
  // category, as compare.js's counted): "From 1 hour", "From 40 hours".
  function counted(key, n) {
    var entry = (config.plurals || {})[key] || {};
    var forms = entry.forms || {};
    var category = pluralCategory(entry.lang || uiLang, n);
    return fill(forms[category] || forms.other || "{n}", { n: formatNumber(n) });
  }

  function today() {
    var d = new Date();
    function pad(n) { return (n < 10 ? "0" : "") + n; }
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  // A value inside a quoted attribute selector: quotes and backslashes escaped, so a value
  // can never end the selector.
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

  // A number of ECTS as a reader writes it: with a decimal comma ("2,5": German, French …) or
  // a point ("2.5"), in the box or in an address; null for an empty box and for anything else
  // (then no range is applied, and the box is marked invalid). The boxes are text boxes
  // (inputmode=decimal): Chromium's number box read "2,5" typed on a German page as 25.
  function parseNumber(text) {
    text = String(text === null || text === undefined ? "" : text).trim();
    if (!/^(\d+([.,]\d*)?|[.,]\d+)$/.test(text)) return null;
    return parseFloat(text.replace(",", "."));
  }

  // An end of the range in the range's unit: a number of ECTS (parseNumber), or a whole number
  // of hours ("40"; "2,5" hours is not one, and the box is marked invalid).
  function parseAmount(text) {
    if (rangeUnit !== "hours") return parseNumber(text);
    text = String(text === null || text === undefined ? "" : text).trim();
    return /^\d+$/.test(text) ? parseInt(text, 10) : null;
  }

  function number(input) {
    return input ? parseAmount(input.value) : null;
  }

  // A box holding something that is no number ("2 ECTS", "abc"; in hours, "2.5" too)
  function unreadable(input) {
    return !!input && input.value.trim() !== "" && number(input) === null;
  }

  function readState() {
    // no range where it is not offered (no credential states a workload): nothing could match it
    var state = {
      q: query.value.trim(),
      sort: sortEl.value,
      min: rangeUnit ? number(minEl) : null,
      max: rangeUnit ? number(maxEl) : null
    };
    FACETS.forEach(function (facet) { state[facet] = selected(facet); });
    return state;
  }

  // --- the data ---------------------------------------------------------------------------

  function list_(value) { return Array.isArray(value) ? value : []; }

  function prepare(json) {
    data = json;
    var facets = json.facets || {};
    FACETS.forEach(function (facet) {
      labels[facet] = Object.create(null);
      labelLangs[facet] = Object.create(null);
      list_(facets[facet]).forEach(function (pair) {
        labels[facet][String(pair[0])] = String(pair[1]);
        if (pair[2]) labelLangs[facet][String(pair[0])] = String(pair[2]);
      });
    });
    FACETS.forEach(function (facet) { codes[facet] = Object.create(null); codeList[facet] = []; });
    var entries = list_(json.credentials);
    // One pass, few arrays per entry (no closures): at 10,000 entries the garbage made here
    // delayed the first results as much as the work itself.
    for (var i = 0; i < entries.length; i++) {
      var e = entries[i];
      var awarding = list_(e.a);
      var providers = list_(e.p);
      var orgs = codesOf("org", awarding);  // awarding bodies, then the other providers
      for (var k = 0; k < providers.length; k++) {
        if (awarding.indexOf(providers[k]) === -1) orgs.push(code("org", providers[k]));
      }
      // in the order of FACETS
      var vals = [[code("eqf", e.e)], codesOf("field", list_(e.f)), [code("mode", e.m)],
        codesOf("language", list_(e.l)), orgs, [code("status", e.st)]];
      var item = { e: e, t: null, text: null, vals: vals, card: null, cardKey: "" };
      items.push(item);
      if (typeof e.c === "number") {
        ectsStated = true;
        if (e.c < bounds.ects[0]) bounds.ects[0] = e.c;
        if (e.c > bounds.ects[1]) bounds.ects[1] = e.c;
      } else if (typeof e.h === "number") {
        hoursOnly = true;
        if (e.h < bounds.hours[0]) bounds.hours[0] = e.h;
        if (e.h > bounds.hours[1]) bounds.hours[1] = e.h;
      }
      if (typeof e.i === "string") byId[e.i] = item;
    }
    rangeUnit = ectsStated ? "ects" : hoursOnly ? "hours" : "";
  }

  /** Add catalogue-texts.json to the items (by id: a texts entry without its card is left out). */
  function mergeTexts(json) {
    var entries = list_(json && json.credentials);
    for (var i = 0; i < entries.length; i++) {
      var t = entries[i];
      var item = t && typeof t.i === "string" && Object.prototype.hasOwnProperty.call(byId, t.i) ? byId[t.i] : null;
      if (item) item.t = t;
    }
    // What was searched and folded without the texts is done again with them.
    for (var k = 0; k < items.length; k++) items[k].text = null;
    textCache = { q: null, hits: null };
  }

  /** The folded words of an item, made when first needed (searching), or ahead of time in
   *  small slices once the texts are here: its texts, its organisations' names, and the
   *  labels of its fields of study, mode and level as the facets name them on this page
   *  (catalogue.json's facets: one label per value and page, in the page's language), so
   *  that "Estatística" on a Portuguese page finds what the filter "Estatística" does. */
  function textOf(item) {
    if (item.text === null) {
      var e = item.e;
      var t = item.t || {};
      var names = list_(e.a).concat(list_(e.p)).map(function (o) { return labels.org[o] || ""; });
      var kinds = list_(e.f).map(function (f) { return labels.field[f] || ""; });
      kinds.push(labels.mode[e.m] || "", labels.eqf[e.e] || "");
      var description = typeof t.d === "string" ? t.d : "";
      item.text = fold([e.t, e.s, description].concat(list_(t.o), list_(t.k), names, kinds).join(" \n "));
    }
    return item.text;
  }

  function foldAhead(from) {
    var end = Math.min(items.length, from + 500);
    for (var i = from; i < end; i++) textOf(items[i]);
    if (end < items.length) window.setTimeout(function () { foldAhead(end); }, 0);
  }

  /** A facet value as a small integer (the filtering loops compare numbers, not strings). */
  function code(facet, value) {
    value = String(value);
    var known = codes[facet][value];
    if (known === undefined) {
      known = codes[facet][value] = codeList[facet].length;
      codeList[facet].push(value);
    }
    return known;
  }

  function codesOf(facet, values) {
    var out = [];
    for (var k = 0; k < values.length; k++) out.push(code(facet, values[k]));
    return out;
  }

  function order(sort, langs) {
    if (sort === "start") return startOrder(today(), langs || []);
    if (orders[sort]) return orders[sort];
    if (!orders.title) {
      // The collator's order in two passes: the lower-cased titles compared as plain strings
      // (cheap) give an order close to it, which the collator's sort then only corrects (the
      // engines' sort is almost linear on runs already in order). At 10,000 titles this takes
      // half the time of one collator sort from the file's order (by id); the result is the
      // same, as the comparison below is a total order (ids are unique).
      var lower = items.map(function (item) { return String(item.e.t || "").toLowerCase(); });
      var byTitle = items.map(function (item, i) { return i; });
      byTitle.sort(function (a, b) { return lower[a] < lower[b] ? -1 : lower[a] > lower[b] ? 1 : a - b; });
      byTitle.sort(function (a, b) {
        return compareText(items[a].e.t, items[b].e.t) || (items[a].e.i < items[b].e.i ? -1 : 1);
      });
      byTitle.forEach(function (index, rank) { items[index].rank = rank; });
      orders.title = byTitle;
    }
    if (sort === "title" || !sort) return orders.title;
    var key = {
      eqf_asc: function (it) { return it.e.e; },
      eqf_desc: function (it) { return -it.e.e; }
    }[sort];
    var sorted = orders.title.slice();
    if (key) {
      sorted.sort(function (a, b) { return (key(items[a]) - key(items[b])) || (items[a].rank - items[b].rank); });
    } else if (sort === "ects_asc" || sort === "ects_desc") {
      var sign = sort === "ects_asc" ? 1 : -1;
      var size = items.map(function (it) { return workloadOf(it.e); });
      sorted.sort(function (a, b) {
        var x = size[a];
        var y = size[b];
        if (x !== y) {
          if (x === null) return 1;   // a workload not stated comes last, in either direction
          if (y === null) return -1;
          return sign * (x - y);
        }
        return items[a].rank - items[b].rank;  // the same workload: by title
      });
    } else if (sort === "provider") {
      var name = function (it) {
        return it.providerName || (it.providerName = list_(it.e.p).map(function (o) { return labels.org[o] || o; }).join(", "));
      };
      sorted.sort(function (a, b) {
        return compareText(name(items[a]), name(items[b])) || (items[a].rank - items[b].rank);
      });
    }
    orders[sort] = sorted;
    return sorted;
  }

  /** "Starts soonest": by the start of the run each card shows (nextRun: the first still
   *  open for enrolment on the reader's today `now`, with the language filter `langs` the first
   *  taught in a language ticked; a draft's planned run; none for a credential no longer
   *  offered, see runsOf), the earliest first; those with no such run after them, in the
   *  title order, as are those starting on the same day. The build cannot make this order (it
   *  does not know the reader's today): the no-JavaScript list keeps its own. Kept for one
   *  day and set of languages at a time. */
  function startOrder(now, langs) {
    var key = now + "|" + langs.join(",");
    if (orders.start && orders.start.key === key) return orders.start.order;
    var starts = [];
    for (var i = 0; i < items.length; i++) starts.push(startOf(items[i].e, now, langs));
    var sorted = order("title").slice();
    sorted.sort(function (a, b) {
      var x = starts[a];
      var y = starts[b];
      if (x !== y) {
        if (x === null) return 1;   // no run open: after every one that has one
        if (y === null) return -1;
        return x < y ? -1 : 1;      // ISO dates: their text order is their time order
      }
      return items[a].rank - items[b].rank;
    });
    orders.start = { key: key, order: sorted };
    return sorted;
  }

  /** The start (ISO date) of the run a card shows for an entry (see runsOf), null for none. */
  function startOf(e, now, langs) {
    if (e.st === "retired" || e.st === "superseded") return null;
    var i = nextRun(e, now, langs);
    return i < 0 ? null : String(list_(e.r)[i][0]);
  }

  /** The size of a credential's workload, to sort by: its ECTS credits where it states them,
   *  else its hours divided by HOURS_PER_ECTS (27.5, the middle of the 25 to 30 hours of
   *  learning an ECTS credit stands for: the range the workload check accepts,
   *  model.HOURS_PER_ECTS), null where it states neither. So a catalogue of hours only is
   *  sorted by hours, and in a mixed one a course of 40 hours comes among those of 1 to 2
   *  ECTS, not after every ECTS one (as two groups, ECTS then hours, would put it) nor first
   *  (as reading no ECTS as 0 did). The number only orders, it is never shown: a card says
   *  what the credential states (ECTS, else hours). Credentials of the same size keep the
   *  title order. The range filter compares with the range of 25 to 30 hours instead
   *  (inRange). */
  function workloadOf(e) {
    if (typeof e.c === "number") return e.c;
    if (typeof e.h === "number") return e.h / HOURS_PER_ECTS;
    return null;
  }

  /** Whether a credential's workload lies in the range min..max (either may be null: open) of
   *  the range's unit. In hours (a catalogue where no credential states ECTS): its hours. In
   *  ECTS: its ECTS credits where it states them, else its hours where it states hours only,
   *  at 25 to 30 hours for one credit (ECTS_HOURS, the range the workload check accepts,
   *  model.HOURS_PER_ECTS): it matches where some number of credits in the range stands for
   *  its hours (from 25 × min to 30 × max hours), so that a course of 140 hours is among those
   *  of 5 ECTS, and one of 40 hours matches "from 1" and "up to 2" ECTS. Its card still says
   *  what it states (hours). A workload stated neither way matches no range. */
  function inRange(e, min, max) {
    var c = rangeUnit === "hours" ? e.h : e.c;
    if (typeof c === "number") return (min === null || c >= min) && (max === null || c <= max);
    if (rangeUnit !== "ects" || typeof e.h !== "number") return false;
    return (min === null || e.h >= ECTS_HOURS[0] * min) && (max === null || e.h <= ECTS_HOURS[1] * max);
  }

  // --- filtering --------------------------------------------------------------------------

  /** Which items hold every word of the query (null: no query). Cached: a change of the other
   *  filters does not search the texts again. */
  function textHits(q) {
    if (!q) return null;
    if (texts === "failed") loadTexts();  // search what is here; the texts may come this time
    if (textCache.q === q) return textCache.hits;
    var terms = fold(q).split(/\s+/).filter(Boolean);
    var hits = new Uint8Array(items.length);
    for (var i = 0; i < items.length; i++) {
      var text = textOf(items[i]);
      var ok = 1;
      for (var w = 0; w < terms.length; w++) {
        if (text.indexOf(terms[w]) === -1) { ok = 0; break; }
      }
      hits[i] = ok;
    }
    textCache = { q: q, hits: hits };
    return hits;
  }

  /** The matching items in order, and every facet option's count (disjunctive: an option counts
   *  the results there would be with it, keeping the other facets' filters). */
  function search(state) {
    var nf = FACETS.length;
    var wanted = [];
    var counts = [];
    for (var f = 0; f < nf; f++) {
      var facet = FACETS[f];
      counts.push(new Int32Array(codeList[facet].length));
      if (state[facet].length) {
        var mask = new Uint8Array(codeList[facet].length);
        state[facet].forEach(function (v) { if (codes[facet][v] !== undefined) mask[codes[facet][v]] = 1; });
        wanted.push(mask);
      } else {
        wanted.push(null);
      }
    }
    var hits = textHits(state.q);
    var found = [];
    var sequence = order(state.sort, state.language);
    var min = state.min;
    var max = state.max;
    for (var n = 0; n < sequence.length; n++) {
      var index = sequence[n];
      if (hits && !hits[index]) continue;
      var item = items[index];
      if ((min !== null || max !== null) && !inRange(item.e, min, max)) continue;
      var failed = -1;
      var failures = 0;
      for (f = 0; f < nf && failures < 2; f++) {
        var mask_ = wanted[f];
        if (!mask_) continue;
        var values = item.vals[f];
        var any = false;
        for (var v = 0; v < values.length; v++) {
          if (mask_[values[v]]) { any = true; break; }
        }
        if (!any) { failures += 1; failed = f; }
      }
      if (failures === 0) {
        found.push(item);
        for (f = 0; f < nf; f++) tally(counts[f], item.vals[f]);
      } else if (failures === 1) {
        tally(counts[failed], item.vals[failed]);
      }
    }
    var byName = Object.create(null);
    FACETS.forEach(function (facet, i) {
      byName[facet] = Object.create(null);
      codeList[facet].forEach(function (value, k) { byName[facet][value] = counts[i][k]; });
    });
    return { found: found, counts: byName };
  }

  function tally(counter, values) {
    for (var i = 0; i < values.length; i++) counter[values[i]] += 1;
  }

  // --- cards ------------------------------------------------------------------------------

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function srOnly(text) { return el("span", "credcat-sr-only", fill(words.label, { label: text }) + " "); }

  function formatNumber(value) {
    return numberFormat ? numberFormat.format(value) : String(value);
  }

  // The index in e.r of the first run still open for enrolment on the reader's today (its
  // last day is its application deadline, a fourth item, or its start), -1 for none. With the
  // language filter (`langs`), the first taught in a language ticked, where e.rl names each
  // run's languages ([words, code, …]); without e.rl every run is taught in every language.
  function nextRun(e, now, langs) {
    var runs = list_(e.r);
    var rl = list_(e.rl);
    for (var i = 0; i < runs.length; i++) {
      if (String(runs[i][3] || runs[i][0]) < now) continue;
      if (langs.length && rl.length && !list_(rl[i]).slice(1).some(function (c) {
        return langs.indexOf(c) !== -1;
      })) continue;
      return i;
    }
    return -1;
  }

  // "in English" (or "in German or English") for the languages ticked that a credential is
  // taught in: the words of the page, the names as in a sentence, "or" from the browser
  function inLanguages(e, langs) {
    var names = langs.filter(function (c) { return list_(e.l).indexOf(c) !== -1; })
      .map(function (c) { return (config.running || {})[c] || labels.language[c] || c; });
    var joined = names.join(", ");
    try {
      if (names.length > 1 && window.Intl && Intl.ListFormat) {
        joined = new Intl.ListFormat(uiLang, { type: "disjunction" }).format(names);
      }
    } catch (err) { /* keep the commas */ }
    return fill(words.run_languages, { languages: joined });
  }

  // What a card says of the runs: the next one open for enrolment (start, language, price,
  // the price's note), that none is open (no price), or, for a credential no longer
  // offered, that it is not ("Replaced by <successor>", a link).
  function runsOf(e, now, langs, when) {
    var start = el("span");
    start.setAttribute("data-credcat-fact", "start");
    when.appendChild(start);
    if (e.st === "retired" || e.st === "superseded") {
      var successor = e.st === "superseded" && typeof e.sb === "string" &&
        Object.prototype.hasOwnProperty.call(byId, e.sb) ? byId[e.sb].e : null;
      if (!successor) {
        start.textContent = words.card_retired;
        return null;
      }
      var pieces = String(words.card_replaced || "{successor}").split("{successor}");
      start.appendChild(document.createTextNode(pieces[0]));
      var link = el("a", "", successor.t);
      link.setAttribute("href", base + fill(data.url || "credentials/{id}/", { id: encodeURIComponent(successor.i) }));
      if (successor.tl) setFallback(link, successor.tl);
      start.appendChild(link);
      start.appendChild(document.createTextNode(pieces.slice(1).join("{successor}")));
      return null;
    }
    var runs = list_(e.r);
    // a retired credential's runs are closed; a draft's next run is planned (not offered yet)
    var i = e.st === "retired" ? -1 : nextRun(e, now, langs);
    if (i < 0) {
      start.textContent = !runs.length ? words.card_no_start
        : langs.length && list_(e.rl).length ? fill(words.card_closed_in, { languages: inLanguages(e, langs) })
        : words.card_closed;
      return null;
    }
    var run = runs[i];
    start.textContent = fill(e.st === "draft" ? words.card_planned_start : words.card_next_start, { date: run[1] });
    var language = list_(list_(e.rl)[i])[0];
    if (language) {
      when.appendChild(document.createTextNode(" · "));
      var spoken = el("span", "", language);
      spoken.setAttribute("data-credcat-fact", "run-language");
      when.appendChild(spoken);
    }
    when.appendChild(document.createTextNode(" · "));
    var price = el("span");
    price.setAttribute("data-credcat-fact", "price");
    price.appendChild(srOnly(words.card_price));
    price.appendChild(document.createTextNode(run[2] || words.price_unknown || ""));
    when.appendChild(price);
    var text = list_(e.rn)[i];
    if (!text) return null;
    var note = el("p", "credcat-card__price-note", text);
    note.setAttribute("data-credcat-fact", "price-note");
    var noteLang = list_(e.rnl)[i];
    if (noteLang) setFallback(note, noteLang);
    return note;
  }

  function cardOf(item, now, langs) {
    // made again when the reader's today or the languages ticked change what it says
    var key = now + "|" + langs.join(",");
    if (item.card && item.cardKey === key) return item.card;
    item.cardKey = key;
    var e = item.e;
    var li = el("li", "credcat-card");
    li.id = "card-" + e.i;
    li.setAttribute("data-credcat-id", e.i);
    li.setAttribute("data-credcat-status", e.st);
    var heading = el("h3", "credcat-card__title");
    var link = el("a", "", e.t);
    link.setAttribute("href", base + fill(data.url || "credentials/{id}/", { id: encodeURIComponent(e.i) }));
    if (e.tl) setFallback(link, e.tl);
    heading.appendChild(link);
    li.appendChild(heading);
    var provider = el("p", "credcat-card__provider");
    var logos = data.logos || {};
    var logoOf = list_(e.p).filter(function (o) { return Object.prototype.hasOwnProperty.call(logos, o); })[0];
    if (logoOf) {
      // decorative: the providers' names follow (as on the build's cards)
      var img = el("img", "credcat-card__logo");
      img.setAttribute("src", base + logos[logoOf]);
      img.setAttribute("alt", "");
      img.setAttribute("loading", "lazy");
      img.setAttribute("decoding", "async");
      provider.appendChild(img);
    }
    provider.appendChild(srOnly(words.card_provider));
    list_(e.p).forEach(function (o, n) {
      if (n) provider.appendChild(document.createTextNode(", "));
      var name = labels.org[o] || o;
      if (!labelLangs.org[o]) return provider.appendChild(document.createTextNode(name));
      var span = el("span", "", name);  // as the build's cards: a name in another language
      setFallback(span, labelLangs.org[o]);
      provider.appendChild(span);
    });
    li.appendChild(provider);
    var facts = el("ul", "credcat-card__facts");
    function fact(name, label, text) {
      var item_ = el("li");
      item_.setAttribute("data-credcat-fact", name);
      if (label) item_.appendChild(srOnly(label));
      if (typeof text === "string") item_.appendChild(document.createTextNode(text)); else item_.appendChild(text);
      facts.appendChild(item_);
    }
    fact("eqf", "", fill(words.card_level, { level: e.e }));
    if (typeof e.c === "number") fact("ects", "", fill(words.card_ects, { ects: formatNumber(e.c) }));
    // a credential without ECTS (vocational, non-formal) shows its hours instead
    else if (typeof e.h === "number") fact("hours", words.fact_workload, fill(words.card_hours, { hours: e.h }));
    fact("mode", words.card_mode, labels.mode[e.m] || e.m);
    // the first language as a label, the others as inside a sentence ("Allemand, anglais"),
    // as on the cards the build writes
    var running = config.running || {};
    fact("languages", words.card_languages, list_(e.l).map(function (c, n) {
      return (n && running[c]) || labels.language[c] || c;
    }).join(", "));
    if (e.st !== "active") {
      var badge = el("span", "credcat-badge credcat-badge--" + e.st, labels.status[e.st] || e.st);
      badge.setAttribute("data-credcat-status", e.st);
      fact("status", words.card_status, badge);
    }
    li.appendChild(facts);
    var when = el("p", "credcat-card__when");
    var note = runsOf(e, now, langs, when);
    li.appendChild(when);
    if (note) li.appendChild(note);
    var summary = el("p", "credcat-card__summary", e.s);
    if (e.sl) setFallback(summary, e.sl);
    li.appendChild(summary);
    var tick = el("label", "credcat-card__compare");
    var box = el("input");
    box.type = "checkbox";
    box.setAttribute("data-credcat-compare", e.i);
    tick.appendChild(box);
    tick.appendChild(el("span", "", words.card_compare));
    var named = el("span", "credcat-sr-only", " " + e.t);
    if (e.tl) named.setAttribute("lang", e.tl);  // the title, in another language than the words around it
    tick.appendChild(named);
    li.appendChild(tick);
    item.card = li;
    return li;
  }

  var base = "";

  function render() {
    var now = today();
    var langs = selected("language");
    var fragment = document.createDocumentFragment();
    var shown = results.slice(0, limit);
    shown.forEach(function (item) {
      var card = cardOf(item, now, langs);
      var box = card.querySelector("input[data-credcat-compare]");
      if (box) box.checked = compared.indexOf(item.e.i) !== -1;
      fragment.appendChild(card);
    });
    list.textContent = "";
    list.appendChild(fragment);
    var rest = results.length - shown.length;
    if (moreBtn) {
      moreBtn.hidden = rest <= 0;
      if (rest > 0) moreBtn.textContent = plural(moreBtn, Math.min(PAGE_SIZE, rest));
    }
  }

  // --- facets -----------------------------------------------------------------------------

  /** The facet options from catalogue.json (the server's are the same for this catalogue;
   *  rebuilding them keeps the page right when the data file is newer than the page). */
  function buildOptions() {
    FACETS.forEach(function (facet) {
      var fieldset = document.getElementById("credcat-facet-" + facet);
      if (!fieldset) return;
      var pairs = list_((data.facets || {})[facet]);
      var existing = checkboxes(facet).map(function (box) { return box.value; });
      var codes = pairs.map(function (pair) { return String(pair[0]); });
      if (existing.join("\n") === codes.join("\n")) return;
      checkboxes(facet).forEach(function (box) { fieldset.removeChild(box.parentNode); });
      pairs.forEach(function (pair) {
        var label = el("label", "credcat-option");
        var box = el("input");
        box.type = "checkbox";
        box.name = facet;
        box.value = String(pair[0]);
        box.setAttribute("data-credcat-facet", facet);
        label.appendChild(box);
        label.appendChild(el("span", "credcat-option__label", pair[1]));
        var count = el("span", "credcat-option__count", "(0)");
        count.setAttribute("data-credcat-count", facet + ":" + pair[0]);
        label.appendChild(count);
        fieldset.appendChild(label);
      });
    });
  }

  /** The range in ECTS where some credential states ECTS (catalogue.json may be newer than
   *  the page), with its hint where some state hours only; in hours where none states ECTS but
   *  some state hours; none where none states either. Its label, keypad, placeholders (the
   *  smallest and largest workload) and names follow the unit. */
  function showWorkload() {
    if (workloadEl) {
      workloadEl.hidden = !rangeUnit;
      workloadEl.setAttribute("data-credcat-unit", rangeUnit);
      var label = rangeUnit === "hours" ? words.facet_workload_hours : words.facet_workload;
      Array.prototype.forEach.call(workloadEl.querySelectorAll("summary, legend"), function (node) {
        if (label) node.textContent = label;
      });
    }
    if (workloadHint) workloadHint.hidden = !(rangeUnit === "ects" && hoursOnly);
    var range = bounds[rangeUnit] || [Infinity, -Infinity];
    [[minEl, "_min", range[0]], [maxEl, "_max", range[1]]].forEach(function (box) {
      var input = box[0];
      input.name = (rangeUnit || "ects") + box[1];
      input.setAttribute("inputmode", rangeUnit === "hours" ? "numeric" : "decimal");
      input.placeholder = isFinite(box[2]) ? formatNumber(box[2]) : "";
    });
    describeRange();
  }

  /** The boxes' description: the error under them, for a box that holds no number (a hidden
   *  description would still be read, so each only while it is shown), and the hint. */
  function describeRange() {
    [minEl, maxEl].forEach(function (input) {
      var ids = [];
      if (workloadError && !workloadError.hidden && unreadable(input)) ids.push(workloadError.id);
      if (workloadHint && !workloadHint.hidden) ids.push(workloadHint.id);
      if (ids.length) input.setAttribute("aria-describedby", ids.join(" "));
      else input.removeAttribute("aria-describedby");
    });
  }

  function updateFacets(counts) {
    FACETS.forEach(function (facet) {
      checkboxes(facet).forEach(function (box) {
        var n = counts[facet][box.value] || 0;
        var label = box.parentNode.querySelector("[data-credcat-count]");
        if (label) label.textContent = "(" + n + ")";
        // An option that would give no result cannot be ticked; it stays in the list (read as
        // "unavailable"), so the choice is still known. A ticked option can always be unticked.
        box.disabled = n === 0 && !box.checked;
        box.parentNode.classList.toggle("credcat-option--empty", n === 0 && !box.checked);
      });
    });
  }

  // --- the URL and the history ------------------------------------------------------------

  function urlOf(state) {
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
    if (state.min !== null) params.set(rangeUnit + "_min", String(state.min));
    if (state.max !== null) params.set(rangeUnit + "_max", String(state.max));
    if (state.sort && state.sort !== "title") params.set("sort", state.sort);
    var search = params.toString();
    return window.location.pathname + (search ? "?" + search : "") + window.location.hash;
  }

  /** Record the state in the address, shortly after the results are on screen: Chromium's
   *  pushState costs tens of milliseconds on a large page, and changes that follow each other
   *  within URL_DELAY make one step in the history. */
  function writeUrl(state, step) {
    if (step === "none") return;
    pendingStep = pendingStep === "push" ? "push" : step;
    pendingUrl = urlOf(state);
    root.setAttribute("data-credcat-pending", "");
    window.clearTimeout(urlTimer);
    urlTimer = window.setTimeout(flushUrl, URL_DELAY);
  }

  function flushUrl() {
    window.clearTimeout(urlTimer);
    root.removeAttribute("data-credcat-pending");
    if (pendingUrl === null) return;
    var url = pendingUrl;
    var step = pendingStep;
    pendingUrl = null;
    pendingStep = null;
    var here = window.location.pathname + window.location.search + window.location.hash;
    try {
      if (step === "push" && url !== here) {
        window.history.pushState({ credcat: true }, "", url);
      } else if (url !== here) {
        window.history.replaceState({ credcat: true }, "", url);
      }
    } catch (e) { /* file:// and sandboxes */ }
  }

  function readUrl() {
    var params = new URLSearchParams(window.location.search);
    query.value = params.get("text") || "";
    var ignored = [];
    FACETS.forEach(function (facet) {
      var values = params.getAll(facet);
      var given = values.filter(function (value) { return facet !== "status" || value !== "all"; });
      if (facet === "status") {
        if (values.length === 0) values = DEFAULT_STATUS;
        if (values.indexOf("all") !== -1) values = [];
      }
      var boxes = checkboxes(facet);
      boxes.forEach(function (box) { box.checked = values.indexOf(box.value) !== -1; });
      // a value of a shared address that no option has (a level or organisation the
      // catalogue does not have, or no longer has): said, not dropped without a word
      given.forEach(function (value) {
        if (!boxes.some(function (box) { return box.value === value; })) ignored.push(facet + "=" + value);
      });
    });
    // a range in another unit than the filter's (ects_min in a catalogue of hours, where no
    // credential states ECTS, or hours_min in one of ECTS), or one that is no number (in
    // hours, no whole number): said too. A number is shown as the page writes it ("2,5" on a
    // German page, whether the address says 2.5 or 2,5, as a form sent by hand would).
    minEl.value = "";
    maxEl.value = "";
    ["ects", "hours"].forEach(function (unit) {
      [[minEl, unit + "_min"], [maxEl, unit + "_max"]].forEach(function (pair) {
        var given = params.get(pair[1]);
        if (!given) return;
        var value = unit === rangeUnit ? parseAmount(given) : null;
        if (value === null) ignored.push(pair[1] + "=" + given);
        else pair[0].value = formatNumber(value);
      });
    });
    if (ignoredEl) {
      ignoredEl.textContent = ignored.length ? fill(words.catalogue_ignored, { filters: ignored.join(", ") }) : "";
      ignoredEl.hidden = !ignored.length;
    }
    // Only the value of an existing option: anything else in the URL gives the default order.
    var sort = params.get("sort");
    var known = Array.prototype.some.call(sortEl.options, function (option) { return option.value === sort; });
    sortEl.value = known ? sort : "title";
  }

  /** How many of the panel's filters are in use (a facet, the status other than "active", the
   *  workload range): the panel's summary counts them. The text search is outside the panel,
   *  and not counted ("(3 aktiv)" with two boxes ticked and a word typed). */
  function activeFilters(state) {
    var n = 0;
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

  /** "(2 active)" after the panel's name: its filters in use, a counted string ("(1 actif)",
   *  "(2 actifs)"); nothing while none is. */
  function showActive(state) {
    if (!activeEl) return;
    var active = activeFilters(state);
    activeEl.textContent = active ? "(" + plural(activeEl, active) + ")" : "";
  }

  /** The filters of the panel in use, in the panel's order, each as {key, text, lang,
   *  remove}: a facet's options ticked (the status only where it is not "active" alone; none
   *  ticked is every status), then the ends of the workload range. The text search is not
   *  one (its box is in sight above). */
  function filtersInUse(state) {
    var out = [];
    FACETS.forEach(function (facet) {
      if (facet === "status") {
        if (state.status.length === 1 && state.status[0] === DEFAULT_STATUS[0]) return;
        if (!state.status.length) {
          out.push({ key: "status:", text: words.catalogue_chip_statuses, lang: "", remove: function () {
            checkboxes("status").forEach(function (box) { box.checked = DEFAULT_STATUS.indexOf(box.value) !== -1; });
          } });
          return;
        }
      }
      state[facet].forEach(function (value) {
        out.push({
          key: facet + ":" + value,
          text: labels[facet][value] || value,
          lang: labelLangs[facet][value] || "",
          remove: function () {
            checkboxes(facet).forEach(function (box) { if (box.value === value) box.checked = false; });
          }
        });
      });
    });
    // "From 2.5 ECTS", "From 40 hours": each end of the range with its unit
    var hours = rangeUnit === "hours";
    if (state.min !== null) {
      out.push({ key: rangeUnit + "_min", lang: "", remove: function () { minEl.value = ""; },
        text: hours ? counted("catalogue_chip_min_hours", state.min)
          : fill(words.catalogue_chip_min, { ects: formatNumber(state.min) }) });
    }
    if (state.max !== null) {
      out.push({ key: rangeUnit + "_max", lang: "", remove: function () { maxEl.value = ""; },
        text: hours ? counted("catalogue_chip_max_hours", state.max)
          : fill(words.catalogue_chip_max, { ects: formatNumber(state.max) }) });
    }
    return out;
  }

  /** A button per filter in use above the results ("EQF level 6 ×"), named "Remove filter:
   *  EQF level 6" (the words around the filter hidden from sight, so that the name holds what
   *  the button shows, in its language). */
  function showChips(state) {
    if (!chipsEl || !chipList) return;
    var used = filtersInUse(state);
    var pieces = String(words.catalogue_chip_remove || "{filter}").split("{filter}");
    chipList.textContent = "";
    used.forEach(function (filter) {
      var item = el("li");
      var button = el("button", "credcat-chip");
      button.type = "button";
      button.setAttribute("data-credcat-chip", filter.key);
      if (pieces[0]) button.appendChild(el("span", "credcat-sr-only", pieces[0]));
      var shown = el("span", "credcat-chip__text", filter.text);
      if (filter.lang) setFallback(shown, filter.lang);
      button.appendChild(shown);
      var rest = pieces.slice(1).join("{filter}");
      if (rest) button.appendChild(el("span", "credcat-sr-only", rest));
      var cross = el("span", "credcat-chip__x", "\u00d7");
      cross.setAttribute("aria-hidden", "true");
      button.appendChild(cross);
      button.credcatRemove = filter.remove;
      item.appendChild(button);
      chipList.appendChild(item);
    });
    chipsEl.hidden = used.length === 0;
  }

  /** A filter's button pressed: that filter removed (a step in the history), the results and
   *  the buttons again; the focus on the button that took its place, else the one before it,
   *  else the facets' summary. */
  function removeChip(button) {
    var buttons = Array.prototype.slice.call(chipList.querySelectorAll("button[data-credcat-chip]"));
    var at = buttons.indexOf(button);
    var next = buttons[at + 1] || buttons[at - 1] || null;
    var nextKey = next ? next.getAttribute("data-credcat-chip") : null;
    button.credcatRemove();
    window.clearTimeout(query.credcatTimer);
    typingStep = false;
    apply("push", true);
    var target = nextKey === null ? null
      : chipList.querySelector("button[data-credcat-chip=" + quoted(nextKey) + "]");
    if (!target && panel) target = panel.querySelector("summary");
    if (target) target.focus();
  }

  // --- applying a change ------------------------------------------------------------------

  /** Filter, count, render and record the state. step: "push" (a new history step),
   *  "replace" (the same step) or "none" (Back/Forward: the history is already right). */
  function apply(step, now) {
    var state = readState();
    // what the opened address asked for and was not applied: said until the reader changes
    // the filters
    if (step === "push" && ignoredEl) ignoredEl.hidden = true;
    if (state.q && texts !== "here" && texts !== "failed") {
      wait(state, step);
      return;
    }
    list.removeAttribute("aria-busy");
    var outcome = search(state);
    results = outcome.found;
    limit = PAGE_SIZE;
    render();
    updateFacets(outcome.counts);
    emptyEl.hidden = results.length !== 0;
    // a range whose smallest value is above its largest matches nothing: say why
    var inverted = state.min !== null && state.max !== null && state.min > state.max;
    sayWhyEmpty(state, inverted);
    [minEl, maxEl].forEach(function (input) {
      if (inverted || unreadable(input)) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    });
    // what in a box is no number: said under the boxes (it is not applied)
    if (workloadError) {
      var bad = rangeUnit && (unreadable(minEl) || unreadable(maxEl));
      workloadError.textContent = bad ? (rangeUnit === "hours" ? words.workload_not_whole : words.workload_not_number) : "";
      workloadError.hidden = !bad;
      describeRange();
    }
    showActive(state);
    showChips(state);
    if (showBtn) showBtn.textContent = plural(showBtn, results.length);
    writeUrl(state, step);
    var text = plural(countEl, results.length);
    window.clearTimeout(announceTimer);
    if (now) {
      countEl.textContent = text;
    } else {
      // Wait until typing pauses, so screen readers announce one count, not one per key.
      announceTimer = window.setTimeout(function () { countEl.textContent = text; }, 500);
    }
  }

  /** What the empty result says: an impossible range; with words typed, those words, and,
   *  where they alone (the filters cleared) would find credentials, how many, with a button
   *  that clears the filters and keeps the words; where they find nothing even so, that
   *  nothing matches them (no filter is to blame); else that the filters match nothing. */
  function sayWhyEmpty(state, inverted) {
    var alone = results.length === 0 && state.q && !inverted ? wordsAlone(state) : 0;
    if (emptyWhy) {
      emptyWhy.textContent = inverted
        ? fill(rangeUnit === "hours" ? words.catalogue_range_inverted_hours : words.catalogue_range_inverted,
          { min: formatNumber(state.min), max: formatNumber(state.max) })
        : !state.q ? emptyWhy.getAttribute("data-credcat-text")
        : fill(alone ? words.catalogue_none_query : words.catalogue_none_anywhere, { query: state.q });
    }
    if (emptyAlone) emptyAlone.hidden = !alone;
    if (emptyAloneText) emptyAloneText.textContent = alone ? fill(plural(emptyAloneText, alone), { query: state.q }) : "";
  }

  /** How many credentials the words of `state` find without the filters (the state "Clear
   *  the filters, keep the search" leads to: status active, nothing else). */
  function wordsAlone(state) {
    var plain = { q: state.q, sort: state.sort, min: null, max: null };
    FACETS.forEach(function (facet) { plain[facet] = facet === "status" ? DEFAULT_STATUS.slice() : []; });
    return search(plain).found.length;
  }

  /** "Clear the filters, keep the search": every filter of the panel back to its start, the
   *  words and the order kept; the focus goes to the results. */
  function keepWords() {
    FACETS.forEach(function (facet) {
      checkboxes(facet).forEach(function (box) {
        box.checked = facet === "status" && DEFAULT_STATUS.indexOf(box.value) !== -1;
      });
    });
    minEl.value = "";
    maxEl.value = "";
    window.clearTimeout(query.credcatTimer);
    typingStep = false;
    apply("push", true);
    if (resultsHeading) resultsHeading.focus();
  }

  /** A text search before catalogue-texts.json is here: no results yet (those found without
   *  the outcomes and skills could be wrong), a busy list and a count that says the search is
   *  on; apply runs again when the texts arrive. The state goes into the address as usual. */
  function wait(state, step) {
    results = [];
    list.textContent = "";
    list.setAttribute("aria-busy", "true");
    if (moreBtn) moreBtn.hidden = true;
    emptyEl.hidden = true;
    showActive(state);
    showChips(state);
    writeUrl(state, step);
    window.clearTimeout(announceTimer);
    countEl.textContent = words.catalogue_search_loading || "…";
    loadTexts();
  }

  /** Request catalogue-texts.json (once; again after a failure). */
  function loadTexts() {
    if (texts === "loading" || texts === "here") return;
    var url = root.getAttribute("data-credcat-texts");
    if (!url) { texts = "failed"; return; }
    texts = "loading";
    window.fetch(url, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error("catalogue-texts.json: HTTP " + response.status);
        return response.json();
      })
      .then(function (json) {
        mergeTexts(json);
        texts = "here";
        if (window.performance && window.performance.mark) window.performance.mark("credcat-texts");
      }, function () {
        // Search what the first file holds; the next text search asks for the texts again.
        texts = "failed";
      })
      .then(function () {
        // A search waiting for the texts, or one made without them after a failure, again.
        if (list.hasAttribute("aria-busy") || (texts === "here" && query.value.trim())) apply("none", true);
        if (texts === "here") window.setTimeout(function () { foldAhead(0); }, 0);
      });
  }

  /** A change while typing: the first one of a burst is a new history step, the others
   *  update it, so Back undoes the whole word. */
  function typed() {
    window.clearTimeout(typingTimer);
    apply(typingStep ? "replace" : "push");
    typingStep = true;
    typingTimer = window.setTimeout(function () { typingStep = false; }, TYPING_PAUSE);
  }

  // --- compare ----------------------------------------------------------------------------

  function loadCompared() {
    try {
      var stored = JSON.parse(window.sessionStorage.getItem(storeKey) || "[]");
      var known = Object.create(null);
      items.forEach(function (item) { known[item.e.i] = true; });
      compared = list_(stored).filter(function (id) { return typeof id === "string" && known[id]; })
        .slice(0, MAX_COMPARE);
    } catch (e) { compared = []; }
  }

  function saveCompared() {
    try { window.sessionStorage.setItem(storeKey, JSON.stringify(compared)); } catch (e) { /* private mode */ }
  }

  function updateBar() {
    if (!bar) return;
    bar.hidden = compared.length === 0;
    var href = root.getAttribute("data-credcat-compare") || "";
    barLink.setAttribute("href", href + "?ids=" + compared.map(encodeURIComponent).join(","));
    barLink.textContent = fill(barLink.dataset.credcatText, { n: compared.length, max: MAX_COMPARE });
  }

  function toggleCompare(box) {
    var id = box.getAttribute("data-credcat-compare");
    var at = compared.indexOf(id);
    if (box.checked && at === -1) {
      if (compared.length >= MAX_COMPARE) {
        box.checked = false;
        barNote.textContent = fill(barNote.dataset.credcatText, { max: MAX_COMPARE });
        return;
      }
      compared.push(id);
    } else if (!box.checked && at !== -1) {
      compared.splice(at, 1);
    }
    barNote.textContent = "";
    saveCompared();
    updateBar();
  }

  // --- the phone panel --------------------------------------------------------------------

  function isPhone() { return window.matchMedia && window.matchMedia(PHONE).matches; }

  function closePanel(focusResults) {
    panel.open = false;
    if (focusResults && resultsHeading) {
      resultsHeading.focus();
      resultsHeading.scrollIntoView({ block: "start" });
    }
  }

  // --- start ------------------------------------------------------------------------------

  // The search box's hint (#credcat-q-hint): under 375 px folded behind a button
  // (#credcat-q-hint-toggle, aria-expanded), so that the first card is in the first screen;
  // the stylesheet shows the button and hides a folded hint on such a screen only (a wider one
  // and paper show it whatever the button says). Folded, it is still the box's description
  // (aria-describedby reads a hidden element).
  function foldHint() {
    var toggle = document.getElementById("credcat-q-hint-toggle");
    if (!toggle) return;
    function show(open) {
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      form.classList.toggle("credcat-filters--hint-folded", !open);
    }
    show(false);
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      show(toggle.getAttribute("aria-expanded") !== "true");
    });
  }

  function start(json) {
    prepare(json);
    base = root.getAttribute("data-credcat-data").replace(/[^/]*$/, "");
    buildOptions();
    showWorkload();
    if (othersEl) othersEl.hidden = true;
    if (pagesEl) pagesEl.hidden = true;
    loadCompared();
    readUrl();
    form.hidden = false;
    foldHint();
    // Open the facets beside the list on wide screens; on phones they stay folded (the summary
    // counts the active filters) and open as a full-screen panel.
    if (panel && !isPhone()) panel.open = true;

    query.addEventListener("input", function () {
      // typed, not yet in the address: the results may come first (the texts arriving)
      root.setAttribute("data-credcat-pending", "");
      window.clearTimeout(query.credcatTimer);
      query.credcatTimer = window.setTimeout(typed, 150);
    });
    form.addEventListener("change", function (event) {
      var target = event.target;
      if (target === query || target === minEl || target === maxEl) return;
      apply("push");
    });
    minEl.addEventListener("input", typed);
    maxEl.addEventListener("input", typed);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      window.clearTimeout(query.credcatTimer);
      typingStep = false;
      apply("push", true);
    });
    form.addEventListener("reset", function () {
      window.setTimeout(function () {
        checkboxes("status").forEach(function (box) { box.checked = DEFAULT_STATUS.indexOf(box.value) !== -1; });
        apply("push", true);
        query.focus();
      }, 0);
    });
    window.addEventListener("popstate", function () {
      window.clearTimeout(urlTimer);  // a change not yet in the address is dropped by Back
      root.removeAttribute("data-credcat-pending");
      pendingUrl = null;
      pendingStep = null;
      readUrl();
      apply("none", true);
    });
    if (moreBtn) {
      moreBtn.addEventListener("click", function () {
        var first = Math.min(limit, results.length);
        limit += PAGE_SIZE;
        render();
        // Keyboard users continue at the first new card.
        var next = list.children[first];
        var link = next && next.querySelector("a");
        if (link) link.focus();
      });
    }
    list.addEventListener("change", function (event) {
      if (event.target && event.target.hasAttribute("data-credcat-compare")) toggleCompare(event.target);
    });
    if (barClear) {
      barClear.addEventListener("click", function () {
        compared = [];
        saveCompared();
        render();
        updateBar();
        barNote.textContent = "";
      });
    }
    if (panel) {
      panel.addEventListener("toggle", function () {
        document.documentElement.classList.toggle("credcat-panel-open", panel.open && isPhone());
      });
      // The full-screen panel of a phone is a dialog: Escape closes it (wherever the focus
      // is) and Tab stays inside it, since the page behind is covered.
      document.addEventListener("keydown", function (event) {
        if (!panel.open || !isPhone()) return;
        if (event.key === "Escape") {
          event.preventDefault();
          panel.open = false;
          panel.querySelector("summary").focus();
        } else if (event.key === "Tab") {
          var stops = Array.prototype.filter.call(
            panel.querySelectorAll("summary, input, select, button, a[href]"),
            function (el) { return !el.disabled && el.getClientRects().length > 0; });
          if (!stops.length) return;
          var first = stops[0];
          var last = stops[stops.length - 1];
          var inside = panel.contains(document.activeElement);
          if (event.shiftKey && (!inside || document.activeElement === first)) {
            event.preventDefault();
            last.focus();
          } else if (!event.shiftKey && (!inside || document.activeElement === last)) {
            event.preventDefault();
            first.focus();
          }
        }
      }, true);
    }
    if (showBtn) showBtn.addEventListener("click", function () { closePanel(true); });
    if (chipList) {
      chipList.addEventListener("click", function (event) {
        var button = event.target && event.target.closest ? event.target.closest("button[data-credcat-chip]") : null;
        if (button && button.credcatRemove) removeChip(button);
      });
    }
    if (keepBtn) keepBtn.addEventListener("click", keepWords);
    window.addEventListener("pagehide", flushUrl);
    // Material's search keys (f, s, /) lead to this page's search box: the one box on the page.
    window.addEventListener("keydown", function (event) {
      var target = event.target;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      if (event.key === "/" || event.key === "s" || event.key === "f") {
        event.preventDefault();
        event.stopImmediatePropagation();
        query.focus();
      }
    }, true);
    apply("replace", true);
    flushUrl();
    updateBar();
    if (window.performance && window.performance.mark) window.performance.mark("credcat-results");
    // The texts only the text search reads, once the first results are on the page.
    window.setTimeout(loadTexts, 0);
  }

  // The language switch leads to the same page in another language: carry the filter state
  // (the query string) and the position (the hash) along. Capture phase: the link is rewritten
  // before the browser follows it.
  document.addEventListener("click", function (event) {
    var target = event.target;
    if (target && target.closest && target.closest("a[href]")) flushUrl();  // leaving: keep the state
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
