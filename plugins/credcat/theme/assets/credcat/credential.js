/* credcat: credential and summary pages, checked against the reader's today.
 *
 * Sites are not rebuilt every day. The build marks what was past on its own date; this script
 * corrects it on the reader's: every element with data-credcat-until="YYYY-MM-DD" (a run: the
 * last day to enrol; quality assurance: the last valid day) gets data-credcat-past once that day
 * is over, its [data-credcat-if-past] parts are shown and its [data-credcat-if-open] parts
 * hidden. The first screen ([data-credcat-runs]) shows the first run still open, or
 * [data-credcat-no-run]. The price of the glance and of the key facts
 * ([data-credcat-prices]) is that of the runs still open, as the build computes it on its
 * date (credcat.render.site.credential.price_on): the build writes when it changes, as
 * [[last day, price], …, [null, price]] (the price each run's last day of enrolment leaves,
 * formatted by the build), and the first pair whose day is not past is shown.
 * time[data-credcat-today] shows today's date (also when printing).
 * Every word comes from the page; without JavaScript the build's state stays.
 */
(function () {
  "use strict";

  function pad(n) {
    return String(n).padStart(2, "0");
  }

  function isoDay(d) {
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  function update() {
    var now = new Date();
    var today = isoDay(now);
    document.querySelectorAll("[data-credcat-until]").forEach(function (el) {
      var until = el.getAttribute("data-credcat-until");
      if (!/^\d{4}-\d{2}-\d{2}$/.test(until)) return;
      var past = until < today;
      el.toggleAttribute("data-credcat-past", past);
      el.querySelectorAll("[data-credcat-if-past]").forEach(function (part) {
        part.hidden = !past;
      });
      el.querySelectorAll("[data-credcat-if-open]").forEach(function (part) {
        part.hidden = past;
      });
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
      // French writes the first of a month as an ordinal, as the build's dates do
      if (/^fr\b/.test(locale) && now.getDate() === 1) text = text.replace(/^1 /, "1er ");
      el.setAttribute("datetime", today);
      el.textContent = text;
    });
  }

  update();
  window.addEventListener("beforeprint", update);
})();
