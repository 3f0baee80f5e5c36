/* credcat: Material's search worker, unchanged, searching without regard to accents.
 *
 * Material's search runs in a web worker whose address each page names (the "search" of its
 * __config, Material's way to give a site a search of its own); credcat names this one
 * (credcat.render.site.search.with_own_worker), which loads Material's worker, given as
 * ?material=search.<hash>.min.js, from this folder, and changes nothing of it but three
 * things, so that "ecole" finds "école", "Zurich" "Zürich", and "école" "ecole":
 *
 * - the words indexed: lunr's pipeline of every index gets a last step that drops their
 *   accents (fold: NFD, combining diacritical marks U+0300–U+036F dropped, NFC, as the
 *   catalogue page's own search folds its texts); a word keeps its place in the text, so the
 *   results still mark the word as written ("<mark>école</mark>");
 * - the query (Material's message QUERY): folded the same way before Material reads it
 *   (Material adds a wildcard to every word, which keeps it out of lunr's pipeline);
 * - the words of each result (Material's message RESULT, the "terms" that its link's ?h=
 *   highlights on the page and that "Missing:" lists): a word found is said as typed and as
 *   the result marks it where that has accents ("ecole école", so that the page marks
 *   "école"), a word missing as it was typed; a query without accents finding words without
 *   accents gets Material's words unchanged.
 *
 * Anything else (another message, a worker that is not Material's) passes untouched; where
 * lunr is not what this expects, the index is Material's as it is.
 */
(function () {
  "use strict";

  var QUERY = 2, RESULT = 3;  // Material's SearchMessageType
  var MARKS = /[\u0300-\u036f]/g;
  var MARKED = /<mark>([^<]*)<\/mark>/g;
  var WORDS = /[\s\-*+:~^"]+/;

  function fold(text) {
    text = String(text);
    return text.normalize ? text.normalize("NFD").replace(MARKS, "").normalize("NFC") : text;
  }

  // the words of the last query as typed, by their folded form (lower case)
  var typed = Object.create(null);

  function remember(query) {
    typed = Object.create(null);
    String(query).toLowerCase().split(WORDS).forEach(function (word) {
      var folded = fold(word);
      if (word && folded !== word) typed[folded] = word;
    });
  }

  function markedWords(item) {
    var words = [];
    [item.title, item.text].forEach(function (value) {
      String(value || "").replace(MARKED, function (all, word) {
        word = word.toLowerCase();
        if (words.indexOf(word) === -1) words.push(word);
        return all;
      });
    });
    return words;
  }

  function relabel(item) {
    if (!item || !item.terms || typeof item.terms !== "object") return;
    var words = null;
    // no prototype: a word such as "constructor" or "__proto__" is a key like any other (in a
    // plain object the first was found already, as Object, which postMessage cannot clone,
    // and the second was no key at all)
    var terms = Object.create(null);
    Object.keys(item.terms).forEach(function (term) {
      var found = !!item.terms[term];
      var label = [typed[term] || term];
      if (found) {
        words = words || markedWords(item);
        words.forEach(function (word) {
          var folded = fold(word);  // a word with accents, found by its folded form
          if (folded !== word && folded.indexOf(term) === 0 && label.indexOf(word) === -1) {
            label.push(word);
          }
        });
        if (label.indexOf(term) === -1) label.push(term);
      }
      var key = label.join(" ");
      terms[key] = terms[key] || found;
    });
    item.terms = terms;
  }

  self.addEventListener("message", function (event) {
    var message = event.data;
    if (message && message.type === QUERY && typeof message.data === "string") {
      remember(message.data);
      message.data = fold(message.data);  // the same object Material's listener reads next
    }
  });

  var post = self.postMessage;
  self.postMessage = function (message) {
    try {
      if (message && message.type === RESULT && message.data && Array.isArray(message.data.items)) {
        message.data.items.forEach(function (group) {
          if (Array.isArray(group)) group.forEach(relabel);
        });
      }
    } catch (e) { /* the results as Material made them */ }
    return post.apply(self, arguments);
  };

  var material = new URL(self.location.href).searchParams.get("material") || "";
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(material)) {
    throw new Error("credcat-search.js: no worker of Material's named: " + material);
  }
  importScripts(material);

  var lunr = self.lunr;
  if (!lunr || !lunr.Builder || !lunr.Pipeline || !lunr.Token) return;
  function credcatFold(token) {
    return token.update(function (text) { return fold(text); });
  }
  lunr.Pipeline.registerFunction(credcatFold, "credcatFold");
  var add = lunr.Builder.prototype.add;
  lunr.Builder.prototype.add = function () {
    if (!this.credcatFolds) {
      this.credcatFolds = true;  // once per index, after Material has set up its pipeline
      this.pipeline.add(credcatFold);
      this.searchPipeline.add(credcatFold);
    }
    return add.apply(this, arguments);
  };
})();
