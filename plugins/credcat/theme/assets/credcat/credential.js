/* credcat: credential and summary pages, checked against the reader's today.
 *
 * Sites are not rebuilt every day. The build marks what was past on its own date; this script
 * corrects it on the reader's: every element with data-credcat-until="YYYY-MM-DD" (a run: the
 * last day to enrol; quality assurance: the last valid day) gets data-credcat-past once that day
 * is over, and every element with data-credcat-ends="YYYY-MM-DD" (a run: its last day) gets
 * data-credcat-ended. Its parts (the element itself included) marked [data-credcat-if-past] /
 * [data-credcat-if-open] are shown only once that day is over / while it is not, and those
 * marked [data-credcat-if-ended] / [data-credcat-if-running] likewise for the run's last day
 * (a part with both kinds of marks is shown when both say so). The first screen
 * ([data-credcat-runs]) shows the first run still open (its start, language, price and
 * Enrol), or [data-credcat-no-run]. The runs ([data-credcat-offerings]) list a run that is
 * over under "Past runs" ([data-credcat-past-runs]) instead of its block; when none is left
 * to come, [data-credcat-no-upcoming] says so and the heading (with its entry in the table of
 * contents) becomes data-credcat-text-past, else data-credcat-text-upcoming. The price of
 * the key facts ([data-credcat-prices]) is that of the runs still open, as the build
 * computes it on its date (credcat.render.site.credential.price_on): the build writes when it
 * changes, as [[last day, price], …, [null, text]] (the price each run's last day of
 * enrolment leaves, formatted by the build; last, that no run is open), and the first pair
 * whose day is not past is shown. time[data-credcat-today] shows today's date (also when
 * printing). Every word comes from the page; without JavaScript the build's state stays.
 */
(function () {
  "use strict";

  function pad(n) {
    return String(n).padStart(2, "0");
  }

  function isoDay(d) {
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  var PARTS = "[data-credcat-if-past], [data-credcat-if-open], [data-credcat-if-ended], " +
    "[data-credcat-if-running]";

  // true once the day (YYYY-MM-DD) is over on `today`, false before; null for no such day
  function over(day, today) {
    return typeof day === "string" && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day < today : null;
  }

  // whether a part is shown, from the marks it carries; null where none of them is decided
  function shown(part, past, ended) {
    var marks = [
      ["data-credcat-if-past", past, true],
      ["data-credcat-if-open", past, false],
      ["data-credcat-if-ended", ended, true],
      ["data-credcat-if-running", ended, false]
    ];
    var show = null;
    marks.forEach(function (mark) {
      if (!part.hasAttribute(mark[0]) || mark[1] === null) return;
      show = (show === null || show) && mark[1] === mark[2];
    });
    return show;
  }

  // Italian elides the article of il, al, dal, del, nel, sul before a day read with a vowel
  // (8, "otto"; 11, "undici"): "Aggiornata all’8 marzo", "l’11"; as the build writes it
  // (credcat.render.site.localise.elide_before_date). ``text`` ends right before the date,
  // written for some other day: an elided article is first written whole again.
  var ELIDED = /(^|[^\w\u00c0-\u024f])(l|all|dall|dell|nell|sull)\u2019$/i;
  var WHOLE = /(^|[^\w\u00c0-\u024f])(il|al|dal|del|nel|sul)[ \u00a0]$/i;
  function italianArticle(text, day) {
    var whole = text.replace(ELIDED, function (all, lead, word) {
      if (word.length === 1) return lead + (word === "L" ? "Il" : "il") + " ";
      return lead + word.slice(0, -1) + " ";
    });
    if (day !== 8 && day !== 11) return whole;
    return whole.replace(WHOLE, function (all, lead, word) {
      if (word.toLowerCase() === "il") return lead + (word.charAt(0) === "I" ? "L" : "l") + "\u2019";
      return lead + word + word.slice(-1) + "\u2019";
    });
  }

  function update() {
    var now = new Date();
    var today = isoDay(now);
    document.querySelectorAll("[data-credcat-until], [data-credcat-ends]").forEach(function (el) {
      var past = over(el.getAttribute("data-credcat-until"), today);
      var ended = over(el.getAttribute("data-credcat-ends"), today);
      if (past === null && ended === null) return; // keep the build's state
      if (past !== null) el.toggleAttribute("data-credcat-past", past);
      if (ended !== null) el.toggleAttribute("data-credcat-ended", ended);
      [el].concat(Array.prototype.slice.call(el.querySelectorAll(PARTS))).forEach(function (part) {
        var show = shown(part, past, ended);
        if (show !== null) part.hidden = !show;
      });
    });
    document.querySelectorAll("[data-credcat-offerings]").forEach(function (section) {
      var upcoming = false;
      var gone = false;
      section.querySelectorAll("[data-credcat-offering][data-credcat-ends]").forEach(function (run) {
        if (run.hasAttribute("data-credcat-ended")) gone = true;
        else upcoming = true;
      });
      var heading = section.querySelector("h2");
      var text = section.getAttribute(upcoming ? "data-credcat-text-upcoming" : "data-credcat-text-past");
      if (heading && text && heading.textContent !== text) {
        heading.textContent = text;
        // the table of contents names the section as its heading does
        if (heading.id) {
          document.querySelectorAll('.md-nav a[href="#' + heading.id + '"]').forEach(function (link) {
            (link.querySelector(".md-ellipsis") || link).textContent = text;
          });
        }
      }
      var none = section.querySelector("[data-credcat-no-upcoming]");
      if (none) none.hidden = upcoming;
      var list = section.querySelector("[data-credcat-past-runs]");
      if (list) {
        list.hidden = !gone;
        // its own heading only below the upcoming runs; alone, the section's heading says it
        var title = list.querySelector("h3");
        if (title) title.hidden = !upcoming;
      }
    });
    document.querySelectorAll("[data-credcat-runs]").forEach(function (box) {
      var runs = Array.prototype.slice.call(box.querySelectorAll("[data-credcat-run]"));
      var next = runs.find(function (run) {
        return !run.hasAttribute("data-credcat-past");
      });
      runs.forEach(function (run) {
        run.hidden = run !== next;
      });
      var none = box.querySelector("[data-credcat-no-run]");
      if (none) none.hidden = Boolean(next);
    });
    document.querySelectorAll("[data-credcat-prices]").forEach(function (el) {
      var steps;
      try {
        steps = JSON.parse(el.getAttribute("data-credcat-prices"));
      } catch (e) {
        return; // keep the build's price
      }
      if (!Array.isArray(steps)) return;
      var step = steps.find(function (pair) {
        if (!Array.isArray(pair) || typeof pair[1] !== "string") return false;
        if (pair[0] === null) return true;
        return typeof pair[0] === "string" && /^\d{4}-\d{2}-\d{2}$/.test(pair[0]) && pair[0] >= today;
      });
      if (step && el.textContent !== step[1]) el.textContent = step[1];
    });
    document.querySelectorAll("time[data-credcat-today]").forEach(function (el) {
      var locale = el.getAttribute("data-credcat-today") || document.documentElement.lang || "en";
      var text;
      try {
        text = new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric" })
          .format(now);
      } catch (e) {
        return; // keep the build's date
      }
      // French and Italian write the first of a month as an ordinal, as the build's dates do
      if (/^fr\b/.test(locale) && now.getDate() === 1) text = text.replace(/^1 /, "1er ");
      if (/^it\b/.test(locale) && now.getDate() === 1) text = text.replace(/^1 /, "1\u00ba ");
      el.setAttribute("datetime", today);
      el.textContent = text;
      // the sentence's words before the date, as written before the reader's day (Italian:
      // "all’8", "al 9"); the build wrote them for its own day
      var before = el.previousSibling;
      if (/^it\b/.test(locale) && before && before.nodeType === Node.TEXT_NODE) {
        var written = italianArticle(before.nodeValue, now.getDate());
        if (written !== before.nodeValue) before.nodeValue = written;
      }
    });
  }

  update();
  window.addEventListener("beforeprint", update);

  // The status note of a credential no longer offered ([data-credcat-note-toggle], the
  // button before it; its text data-credcat-text-show / -hide): on a phone it is folded, so
  // that the notice's title and sentence (with the successor's link) are followed by the
  // outcomes in the first screen. The stylesheet shows the button and hides a folded note
  // only on a narrow screen: on a wider one and in print the note is whole, whatever the
  // button says; without JavaScript the button stays hidden and the note whole.
  document.querySelectorAll("[data-credcat-note-toggle]").forEach(function (button) {
    var banner = button.closest("[data-credcat-banner]");
    if (!banner) return;
    function show(open) {
      button.setAttribute("aria-expanded", open ? "true" : "false");
      button.textContent = button.getAttribute(open ? "data-credcat-text-hide" : "data-credcat-text-show");
      banner.classList.toggle("credcat-banner--folded", !open);
    }
    show(false);
    button.hidden = false;
    button.addEventListener("click", function () {
      show(button.getAttribute("aria-expanded") !== "true");
    });
  });
})();
