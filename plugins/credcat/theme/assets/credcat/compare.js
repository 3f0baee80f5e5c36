/*
 * credcat — the compare page (compare/?ids=a,b,c). Plain JavaScript, no framework, no
 * third-party code, no network request except catalogue.json and catalogue-texts.json from
 * this site.
 *
 * Reads the ids from the address (shareable: the same address shows the same comparison),
 * the credentials from catalogue.json and their workload, outcomes and assessments from
 * catalogue-texts.json (the language's own; both requested at once, docs/data.md), and builds
 * one accessible table:
 * a caption, a column per credential (its header links to the credential page and carries a
 * "remove" link), a row per aspect, each with its row header: first what a learner decides on
 * (level, workload, mode, price, next start, awarding body), then the long ones (outcomes,
 * assessment), so that on a phone, where each aspect is a block, the price and the next start
 * come before some thousand pixels of outcomes. The next start is decided with the reader's date
 * (a run whose start or application deadline has passed is not the next start), with its
 * language where the credential's runs differ in it; the price is that run's, with its note
 * (none where no run is open); a credential no longer offered says so in both rows ("No
 * longer offered", "Replaced by <successor>"). Every text goes in with textContent.
 * On a phone the stylesheet shows each aspect as a block: every credential's value under the
 * credential's title (a cell's data-label); ARIA roles keep it a table for screen readers,
 * whose browsers drop a table's semantics once its display changes.
 *
 * Stable hooks (browser tests): #credcat-compare-config (JSON: catalogue_json, catalogue_texts,
 * catalogue, lang, max, strings, captions, plurals), #credcat-compare-status (role="status"), #credcat-compare-table,
 * table.credcat-compare-table, thead th[data-credcat-id], tbody tr[data-credcat-row=<aspect>],
 * td[data-label] (the credential's title), in the outcomes and assessment rows
 * .credcat-compare__fold (aria-expanded, aria-controls: the list it folds on a phone).
 */
(function () {
  "use strict";

  var ROWS = ["level", "workload", "mode", "price", "next_start", "awarding", "outcomes", "assessment"];
  var ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

  var holder = document.getElementById("credcat-compare-table");
  var hint = document.getElementById("credcat-compare-hint");
  var status = document.getElementById("credcat-compare-status");
  var configEl = document.getElementById("credcat-compare-config");
  if (!holder || !status || !configEl || !window.fetch || !window.URLSearchParams) return;
  var config;
  try { config = JSON.parse(configEl.textContent || "{}"); } catch (e) { return; }
  var strings = config.strings || {};
  var max = typeof config.max === "number" ? config.max : 3;

  function fill(template, values) {
    return String(template || "").replace(/\{(\w+)\}/g, function (all, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : all;
    });
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function list(value) { return Array.isArray(value) ? value : []; }

  function today() {
    var d = new Date();
    function pad(n) { return (n < 10 ? "0" : "") + n; }
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  function wantedIds() {
    var raw = new URLSearchParams(window.location.search).get("ids") || "";
    var ids = [];
    raw.split(",").forEach(function (id) {
      id = id.trim();
      if (id && ID.test(id) && ids.indexOf(id) === -1) ids.push(id);
    });
    return ids;
  }

  function say(lines) {
    status.textContent = lines.filter(Boolean).join(" ");
  }

  /** A text in another language than credcat's words around it (catalogue.json's tl,
   *  catalogue-texts.json's ol): its element says so, as on the pages the build writes; and
   *  that it stands in for a missing translation where that language is not the page's. */
  function markFallback(node, lang) {
    if (lang) {
      node.setAttribute("lang", String(lang));
      if (String(lang) !== document.documentElement.lang) {
        node.setAttribute("data-credcat-fallback", String(lang));
      }
    }
  }

  /** A list of texts; langs[i], when given, the language of a text shown in another
   *  language than the page's (catalogue-texts.json's ol). */
  function bulleted(texts, langs) {
    var ul = el("ul");
    texts.forEach(function (text, i) {
      var li = el("li", "", text);
      markFallback(li, langs && langs[i]);
      ul.appendChild(li);
    });
    return ul;
  }

  /** Assessment lines (catalogue-texts.json's x): a title shown in another language than the
   *  page's (xt, its language in xl) opens its line, and only it says so. */
  function assessmentLines(lines, langs, titles) {
    var ul = el("ul");
    lines.forEach(function (line, i) {
      var li = el("li");
      var title = String(titles[i] || "");
      line = String(line);
      if (langs[i] && title && line.indexOf(title) === 0) {
        var span = el("span", "", title);
        markFallback(span, langs[i]);
        li.appendChild(span);
        li.appendChild(document.createTextNode(line.slice(title.length)));
      } else {
        li.textContent = line;
      }
      ul.appendChild(li);
    });
    return ul;
  }

  // A count in words: the form of the count's plural category in the string's language
  // (config.plurals: the build's forms by category; Intl.PluralRules chooses); where the
  // browser lacks the rules, English's ("one" for 1, else "other"), as catalogue.js's plural;
  // "other" where the category has no form.
  function counted(key, n) {
    var entry = (config.plurals || {})[key] || {};
    var forms = entry.forms || {};
    var category;
    try {
      category = new Intl.PluralRules(entry.lang || config.lang || "en").select(n);
    } catch (e) {
      category = n === 1 ? "one" : "other";
    }
    return fill(forms[category] || forms.other || "{n}", { n: n });
  }

  // On a phone a long list (outcomes, assessment) is folded behind a button that says how
  // many it holds ("Show the 7 outcomes"); the stylesheet shows the button and hides a folded
  // list only on a narrow screen: on a wider one and in print the list is whole.
  var folds = 0;
  function folded(listNode, key, n) {
    if (!n) return listNode;
    var box = el("div", "credcat-compare__folded");
    var button = el("button", "credcat-compare__fold");
    button.type = "button";
    listNode.id = "credcat-compare-list-" + (++folds);
    button.setAttribute("aria-controls", listNode.id);
    function show(open) {
      button.setAttribute("aria-expanded", open ? "true" : "false");
      button.textContent = open ? strings.hide_list || "" : counted(key, n);
    }
    show(false);
    button.addEventListener("click", function () {
      show(button.getAttribute("aria-expanded") !== "true");
    });
    box.appendChild(button);
    box.appendChild(listNode);
    return box;
  }

  function role(node, name) {
    node.setAttribute("role", name);
    return node;
  }

  function build(data, texts, ids) {
    // no prototype: ids and codes come from the address (?ids=constructor is no credential)
    var labels = Object.create(null);
    var labelLangs = Object.create(null);  // facet -> code -> the label's language, if marked
    Object.keys(data.facets || {}).forEach(function (facet) {
      labels[facet] = Object.create(null);
      labelLangs[facet] = Object.create(null);
      list(data.facets[facet]).forEach(function (pair) {
        labels[facet][String(pair[0])] = String(pair[1]);
        if (pair[2]) labelLangs[facet][String(pair[0])] = String(pair[2]);  // a name's language
      });
    });
    var byId = Object.create(null);
    list(data.credentials).forEach(function (e) { if (e && typeof e.i === "string") byId[e.i] = e; });
    var textsOf = Object.create(null);
    list(texts && texts.credentials).forEach(function (t) {
      if (t && typeof t.i === "string" && Object.prototype.hasOwnProperty.call(byId, t.i)) textsOf[t.i] = t;
    });
    var unknown = ids.filter(function (id) { return !byId[id]; });
    var known = ids.filter(function (id) { return byId[id]; });
    var notes = [];
    if (unknown.length) notes.push(fill(strings.unknown, { ids: unknown.join(", ") }));
    if (known.length > max) {
      notes.push(fill(strings.too_many, { max: max }));
      known = known.slice(0, max);
    }
    if (!known.length) {
      notes.push(strings.none);
      say(notes);
      return;
    }
    say(notes);
    var base = String(config.catalogue_json || "catalogue.json").replace(/[^/]*$/, "");
    var now = today();
    var entries = known.map(function (id) { return byId[id]; });

    var table = role(el("table", "credcat-compare-table"), "table");
    var caption = el("caption", "", (config.captions || {})[String(entries.length)] || "");
    caption.id = "credcat-compare-caption";
    table.appendChild(caption);
    table.setAttribute("aria-labelledby", caption.id);
    var head = role(el("thead"), "rowgroup");
    var headRow = role(el("tr"), "row");
    var corner = role(el("th", "", strings.aspect), "columnheader");
    corner.setAttribute("scope", "col");
    headRow.appendChild(corner);
    entries.forEach(function (e) {
      var th = role(el("th"), "columnheader");
      th.setAttribute("scope", "col");
      th.setAttribute("data-credcat-id", e.i);
      var link = el("a", "", e.t);
      link.setAttribute("href", base + fill(data.url || "credentials/{id}/", { id: encodeURIComponent(e.i) }));
      markFallback(link, e.tl);
      th.appendChild(link);
      if (e.st && e.st !== "active") {
        th.appendChild(document.createTextNode(" "));
        var badge = el("span", "credcat-badge credcat-badge--" + e.st, labels.status && labels.status[e.st] || e.st);
        th.appendChild(badge);
      }
      var others = known.filter(function (id) { return id !== e.i; });
      var remove = el("a", "credcat-compare__remove", strings.remove_short);
      remove.setAttribute("aria-label", fill(strings.remove, { title: e.t }));
      remove.setAttribute("href", "?ids=" + others.map(encodeURIComponent).join(","));
      th.appendChild(remove);
      headRow.appendChild(th);
    });
    head.appendChild(headRow);
    table.appendChild(head);

    var body = role(el("tbody"), "rowgroup");
    ROWS.forEach(function (row) {
      var tr = role(el("tr"), "row");
      tr.setAttribute("data-credcat-row", row);
      var th = role(el("th", "", strings[row]), "rowheader");
      th.setAttribute("scope", "row");
      tr.appendChild(th);
      entries.forEach(function (e) {
        var more = Object.prototype.hasOwnProperty.call(textsOf, e.i) ? textsOf[e.i] : {};
        var td = role(el("td"), "cell");
        // a phone shows the value under the credential's title (the stylesheet's ::before)
        td.setAttribute("data-label", e.t);
        var at = -1;
        // the first run still open for enrolment: its deadline (a fourth item) or its start
        // (none for a retired credential; a draft's is planned, not offered yet)
        if (e.st !== "retired") {
          list(e.r).some(function (r, i) { if (String(r[3] || r[0]) >= now) { at = i; return true; } return false; });
        }
        var run = at >= 0 ? list(e.r)[at] : null;
        var gone = e.st === "retired" || e.st === "superseded";
        if (row === "level") td.textContent = (labels.eqf && labels.eqf[String(e.e)]) || String(e.e);
        else if (row === "workload") td.textContent = more.w || "";
        else if (row === "mode") td.textContent = (labels.mode && labels.mode[String(e.m)]) || String(e.m || "");
        else if (row === "outcomes") td.appendChild(folded(bulleted(list(more.o), list(more.ol)), "show_outcomes", list(more.o).length));
        else if (row === "assessment") td.appendChild(folded(assessmentLines(list(more.x), list(more.xl), list(more.xt)), "show_assessment", list(more.x).length));
        else if (row === "price") {
          // the price of the run offered, with what the catalogue says of it; none otherwise
          if (run && !gone) {
            td.textContent = run[2] || strings.price_unknown || "";
            var note = list(e.rn)[at];
            if (note) {
              var small = el("span", "credcat-compare__price-note", note);
              markFallback(small, list(e.rnl)[at]);
              td.appendChild(small);
            }
          }
        }
        else if (row === "next_start") {
          if (gone) {
            var successor = e.st === "superseded" && typeof e.sb === "string" ? byId[e.sb] : null;
            if (successor) {
              var pieces = String(strings.replaced || "{title}").split("{title}");
              td.appendChild(document.createTextNode(pieces[0]));
              var link = el("a", "", successor.t);
              link.setAttribute("href", base + fill(data.url || "credentials/{id}/", { id: encodeURIComponent(successor.i) }));
              markFallback(link, successor.tl);
              td.appendChild(link);
              td.appendChild(document.createTextNode(pieces.slice(1).join("{title}")));
            } else {
              td.textContent = strings.no_longer || "";
            }
          } else if (run) {
            var language = list(list(e.rl)[at])[0];
            var date = e.st === "draft" ? fill(strings.planned, { date: run[1] }) : run[1];
            td.textContent = date + (language ? " · " + language : "");
          } else {
            td.textContent = list(e.r).length ? strings.closed : strings.no_start;
          }
        }
        else if (row === "awarding") {
          list(e.a).forEach(function (o, n) {
            if (n) td.appendChild(document.createTextNode(", "));
            var name = el("span", "", (labels.org && labels.org[o]) || o);
            markFallback(name, labelLangs.org && labelLangs.org[o]);
            td.appendChild(name);
          });
        }
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    table.appendChild(body);
    holder.textContent = "";
    holder.appendChild(table);
    // a table wider than a phone (or than large text allows) scrolls within its box: a
    // group named by the caption, which the keyboard can reach and scroll
    holder.setAttribute("role", "group");
    holder.setAttribute("tabindex", "0");
    holder.setAttribute("aria-labelledby", caption.id);
    showHint();
  }

  // "Scroll sideways …" where the table is wider than its box (a phone), and only there
  function showHint() {
    if (hint) hint.hidden = !holder.firstChild || holder.scrollWidth <= holder.clientWidth + 1;
  }
  window.addEventListener("resize", showHint);

  // The language switch leads to the same comparison in another language: carry the ids (the
  // query string) along, as the catalogue carries its filters. Capture phase: the link is
  // rewritten before the browser follows it.
  document.addEventListener("click", function (event) {
    var target = event.target;
    var link = target && target.closest ? target.closest("a.md-select__link[hreflang]") : null;
    if (!link) return;
    var href = (link.getAttribute("href") || "").split(/[?#]/)[0];
    link.setAttribute("href", href + window.location.search);
  }, true);

  var ids = wantedIds();
  if (!ids.length) {
    say([strings.none]);
    return;
  }
  function load(url) {
    return window.fetch(String(url), { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error(url + ": HTTP " + response.status);
      return response.json();
    });
  }
  Promise.all([load(config.catalogue_json), load(config.catalogue_texts)])
    .then(function (both) { build(both[0], both[1], ids); })
    .catch(function () { say([strings.load_error]); });
})();
