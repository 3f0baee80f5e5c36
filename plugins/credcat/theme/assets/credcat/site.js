/*
 * credcat: what every page needs of script (loaded with defer on every page).
 *
 * Material opens its navigation drawer (below 76.25em) with a <label> for a hidden checkbox:
 * a mouse or a finger can open it, the keyboard cannot reach it. This puts a real button in
 * the label's place: focusable, named (the navigation's own name), with its state
 * (aria-expanded); it opens and closes the drawer, and Escape closes it and gives the focus
 * back. Without script the page is as Material makes it.
 *
 * A table of a hand-written page that Material lets scroll sideways within its box is made a
 * group the keyboard reaches, named by the heading above it (WCAG 1.4.10, 2.1.1).
 *
 * The 404 page's skip link (404.html writes it before the header, as Material writes none on
 * a page without a table of contents) is moved into Material's own place for it,
 * [data-md-component=skip]: with navigation.instant, Material replaces that element with the
 * next page's, and a link left outside it would stay on every page loaded after, leading to
 * a heading they have not.
 */
(function () {
  "use strict";

  // A wide table of a hand-written page scrolls within its box (Material's scrollwrap, which
  // Material's script puts around it) rather than widening the page, on a phone or with large
  // text: the keyboard reaches that box and a screen reader names it, by the heading above
  // the table (a group, not a landmark region: a page has many tables, two under one
  // heading at times).
  function scrollableTables() {
    var headings = document.querySelectorAll(
      ".md-content h1[id], .md-content h2[id], .md-content h3[id], .md-content h4[id]"
    );
    var wraps = document.querySelectorAll(".md-typeset__scrollwrap");
    for (var i = 0; i < wraps.length; i++) {
      var wrap = wraps[i];
      if (wrap.hasAttribute("tabindex") || !wrap.querySelector("table")) {
        continue;
      }
      var above = null;
      for (var h = 0; h < headings.length; h++) {
        if (headings[h].compareDocumentPosition(wrap) & Node.DOCUMENT_POSITION_FOLLOWING) {
          above = headings[h];
        }
      }
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "group");
      if (above) {
        wrap.setAttribute("aria-labelledby", above.id);
      } else {
        wrap.setAttribute("aria-label", document.title);
      }
    }
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(scrollableTables); // after Material's own components
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", scrollableTables);
  } else {
    scrollableTables();
  }
})();

(function () {
  "use strict";

  var skip = document.querySelector("a.md-skip[data-credcat-skip]");
  var place = document.querySelector('[data-md-component="skip"]');
  if (skip && place && !place.contains(skip)) {
    place.appendChild(skip);
  }
})();

(function () {
  "use strict";

  var toggle = document.getElementById("__drawer");
  var label = document.querySelector('label.md-header__button[for="__drawer"]');
  if (!toggle || !label) {
    return;
  }
  var nav = document.querySelector(".md-nav--primary");
  var button = document.createElement("button");
  button.type = "button";
  button.className = label.className + " credcat-drawer-button";
  button.setAttribute("aria-label", (nav && nav.getAttribute("aria-label")) || "Navigation");
  if (nav) {
    if (!nav.id) {
      nav.id = "credcat-drawer-nav";
    }
    button.setAttribute("aria-controls", nav.id);
  }
  while (label.firstChild) {
    button.appendChild(label.firstChild); // Material's menu icon
  }
  label.parentNode.replaceChild(button, label);

  function state() {
    button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
  }

  state();
  toggle.addEventListener("change", state);
  button.addEventListener("click", function (event) {
    toggle.click();
    state();
    if (toggle.checked && event.detail === 0) {
      // opened by the keyboard (a click has no pointer): the focus goes into the drawer,
      // whose links can take it once it is shown
      window.setTimeout(function () {
        var link = nav ? nav.querySelector("a[href]") : null;
        if (link) {
          link.focus();
        }
      }, 50);
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) {
      toggle.click();
      state();
      button.focus();
    }
  });
})();
