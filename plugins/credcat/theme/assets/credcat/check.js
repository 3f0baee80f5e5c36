/*
 * credcat — "Check a credential". Plain JavaScript, no framework, no third-party code. The
 * credential is read in the browser only: nothing is uploaded. The only requests are to this
 * site (same origin, relative URLs): catalogue.json, the elm.jsonld and edc-template.json of
 * the version the credential names (and of the current version, when it names an earlier
 * one: which of its outcomes and assessments changed since), and, for an Open Badge, that
 * version's ob3-achievement.json (and the edition in the badge's language).
 *
 * What it reads: a European Digital Credential (unsigned; the EDC Issuer's upload form
 * {"credential": {…}}; signed as JAdES/JWS in JSON serialisation {"payload", "signatures"} or
 * compact serialisation header.payload.signature; VC data model 1.1 or 2.0) or an Open Badges
 * 3.0 credential (credentialSubject.achievement), alone, as the node of a JSON-LD @graph that
 * holds one, or in a presentation (VerifiablePresentation, JSON or VP-JWT: the first credential
 * it holds; how many it holds is said). The signature is never verified here. An Open Badge
 * baked into its image is read from it (unbake): a PNG's iTXt chunk "openbadgecredential"
 * (the chunks walked within the file, from the signature to IEND; a compressed text inflated
 * with DecompressionStream 4 KiB at a time, to at most max_bytes), an SVG's
 * <openbadges:credential> (parsed as XML, never put into the page); the result says so
 * (.credcat-check__baked), and an image without one says that none is baked into it. A PDF, a photo (JPEG, GIF, WebP, HEIC, AVIF,
 * by its first bytes) or a web page is named as such (error_file_kind).
 *
 * Assessment: an EDC states how its holder was assessed in credentialSubject.hasClaim.provenBy
 * (each LearningAssessment: its specifiedBy, the holder's idVerification and grade) and how the
 * credential is assessed in the specification's provenBy; the catalogue publishes the
 * specification's in elm.jsonld and each assessment's idVerification in edc-template.json.
 * Assessments are paired by their specification's IRI (else their title, in every language,
 * else in the languages both state: a translation the catalogue lacks is a difference of the
 * title, grading or description in that language, not another assessment) and compared on type,
 * supervision and identity check, grading, description and title; an assessment the holder's
 * LearningAssessment and the specification's provenBy both state in full is compared in both.
 *
 * Open Badges: credcat writes the outcomes and the assessments into the achievement's
 * criteria.narrative (render/data/ob3.py, _criteria_narrative), in the edition's language:
 * a heading, the outcomes as a numbered list, a heading, then "- **title** (type;
 * [supervision; ]identity check; proves outcomes 1, 3): description" per assessment. The page
 * reads that structure (readNarrative; what does not read so is not stated), compares the
 * outcomes with the version's elm.jsonld, and each assessment with the narrative the catalogue
 * published in the same language (type, supervision and identity check, the outcomes it proves,
 * through the badge's own numbering, and description; a narrative states no grading).
 *
 * Outcomes are listed and numbered as every page numbers them (knowledge, skills, then
 * responsibility and autonomy: config.outcome_kinds), an Open Badge's as its narrative does.
 * An outcome is the catalogue's that is the same in every language it states, else one reworded
 * (at least half their words shared in every language both state; both texts are shown), else
 * another outcome: one not published and one not in the credential (the rule: pairOutcomes).
 * Quality assurance (the specification's accreditation) is compared on title, type, body,
 * description, expiry and report.
 *
 * What a viewer or a wallet shows is compared too: an EDC's displayParameter.title and an Open
 * Badge's own name are titles of the claim; the description (an EDC's specification's, an Open
 * Badge's achievement's); an EQF concept whose label names another level than its address.
 *
 * Matching: an EDC names the specification IRI <base_uri>credentials/<id>/<version>/#spec in
 * credentialSubject.hasClaim[*].specifiedBy (and in the claims' hasPart); an OB3 credential in
 * credentialSubject.achievement.id (…/<version>/ob3-achievement.json) or its otherIdentifier.
 *
 * Safety: input over config.max_bytes or nested deeper than config.max_depth is refused before
 * it is parsed, a text given in more than config.max_languages languages once read; every walk
 * is iterative and bounded, and linear in what it walks (words and titles made distinct through
 * a map, never a search of the list for each); every text reaches the page through
 * textContent (never innerHTML); no eval. Every word shown comes from config.strings
 * (data/ui.yaml), handed over by the page in #credcat-check-config.
 *
 * Stable hooks (used by the browser tests; keep them):
 *   #credcat-check-config            JSON: base_uri, root, files, catalogue_json, lang, words,
 *                                    viewer, verifier (where to check a seal: EDC, Open Badges),
 *                                    locale, max_bytes, max_depth, max_languages, strings,
 *                                    status, assessment
 *                                    (types and verifications: the page's words for each
 *                                    concept, by IRI), outcome_kinds, former_names (only
 *                                    where an organisation was renamed after a release:
 *                                    {<its IRI>: {<language>: [<a name it had>, …]}})
 *   #credcat-check-form              the form (hidden until this script runs)
 *   #credcat-check-file              file input; #credcat-check-drop the drop zone
 *   #credcat-check-text              paste area; #credcat-check-submit, #credcat-check-clear
 *   #credcat-check-live              the live region (role=status): the verdict line alone
 *   #credcat-check-result            the result section (hidden until a check ran); while a
 *                                    check runs #credcat-check-output[aria-busy=true] holds
 *                                    .credcat-check__reading alone (a newer check's result
 *                                    is never overwritten by an older one's)
 *   #credcat-check-output[data-credcat-verdict]  match (the same in everything the
 *                                    catalogue published; an Open Badge: in everything a
 *                                    badge can carry, .credcat-check__badge-lacks names the
 *                                    rest: workload, quality assurance, grading) | partial (the same in what it
 *                                    states; .credcat-check__unstated-fields names what it
 *                                    does not) | differences | unstated (names a
 *                                    version, states nothing to compare) | template (the
 *                                    catalogue's edc-template.json) | not-ours |
 *                                    no-credential | no-version (also a draft's version,
 *                                    which is not released) | unavailable | error
 *   [data-credcat-row=<field>][data-credcat-result=same|differs|unstated|partial]  comparison
 *                                    rows; <field> is title, eqf, credits, workload, outcomes,
 *                                    assessment, awarding, issuer (the credential's issuer,
 *                                    compared with the awarding bodies), quality (credits,
 *                                    workload and
 *                                    quality only where either side states them); partial: the
 *                                    same in what it states, which is not all (an assessment
 *                                    without its supervision)
 *                                    description: only where the credential's description
 *                                    differs from the published one;
 *                                    issued: only for a credential issued before its
 *                                    version was published (elm.jsonld's dateModified)
 *   .credcat-check__dates            the dates it states (issued, valid until), after "Read as"
 *   .credcat-check__flag[data-credcat-flag=expired|not-yet-valid|status]  on the reader's
 *                                    today; status: it names a credentialStatus, not checked
 *   .credcat-check__issuer           beside the verdict: another organisation issued it
 *   .credcat-check__origin[data-credcat-origin=signed|unsigned]  under the verdict: that the
 *                                    seal is not checked here (where to check it), or that
 *                                    an unsigned file could have been written by anyone
 *   .credcat-check__row--folded      a row whose result is "same": on a phone (under 45em,
 *                                    screen) its result comes first and its two lists are
 *                                    folded; its button.credcat-check__fold[aria-expanded]
 *                                    shows them (on a wider screen and on paper, nothing is)
 *   .credcat-check__numbered li[value]  the outcomes, numbered as the pages number them
 *   .credcat-check__foreign          not-ours: what the file states of itself (title, issuer,
 *                                    dates), .credcat-check__near[data-credcat-near=scheme|host]
 *                                    where the address it names is this catalogue's but for
 *                                    http(s):// or the host, and a link to the EDC viewer (an
 *                                    EDC: config.viewer) or an Open Badges verifier (config.verifier)
 *   .credcat-check__when[data-credcat-checked]  "Checked on <date, time> · file <name>"
 *   .credcat-check__baked[data-credcat-baked=png|svg]  the credential was read from the badge
 *                                    image it is baked into (under "Read as", or the error)
 *   .credcat-check__since li         an earlier version: each outcome added, removed or reworded
 *                                    and each assessment added, removed or changed since, in the
 *                                    current version (links: "What changed in version X", each
 *                                    later version's #what-changed)
 *   [data-credcat-status=current|earlier|superseded|retired|draft]  the status badge: earlier,
 *                                    an earlier version of a credential still offered;
 *                                    superseded, a credential replaced by another
 *
 * window.credcatCheck exposes read (text → what the credential claims), locate (IRI → id and
 * version), svgText (an SVG's text → what DOMParser is given: its DTD's plain text entities
 * expanded and the DTD taken out) and check (text → a Promise of the verdict, also shown on the
 * page) for the tests.
 */
(function () {
  "use strict";

  var root = document.getElementById("credcat-check");
  var configElement = document.getElementById("credcat-check-config");
  if (!root || !configElement) {
    return;
  }
  var config = JSON.parse(configElement.textContent || "{}");
  var S = config.strings || {};
  var MAX_BYTES = Number(config.max_bytes) || 5242880;
  var MAX_DEPTH = Number(config.max_depth) || 64;
  var MAX_LANGUAGES = Number(config.max_languages) || 100;
  var MAX_ITEMS = Number(config.max_items) || 1000;  // entries in any one list of the input
  // the claims, outcomes, assessments, … the page reads of one list: the input's lists are
  // refused beyond MAX_ITEMS (checkLists), so none is cut short
  var MAX_CLAIMS = MAX_ITEMS;
  var TEMPLATE_ID = String(config.template_id || "");  // the id of edc-template.json
  var VC1 = "https://www.w3.org/2018/credentials/v1";
  var VC2 = "https://www.w3.org/ns/credentials/v2";
  var JWS_COMPACT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;
  var SPEC_PATH = /^credentials\/([a-z0-9]+(?:-[a-z0-9]+)*)\/([0-9A-Za-z][0-9A-Za-z.-]*)\/([A-Za-z0-9._-]*)(?:[#?].*)?$/;
  var ECTS_FRAMEWORK = "http://data.europa.eu/snb/education-credit/6fcec5c5af";
  // the names organisations had when versions naming them were released, by IRI and language
  // (render/site/check.py): a credential issued then names its issuer or awarding body so
  var FORMER = config.former_names !== null && typeof config.former_names === "object" ?
    config.former_names : {};

  // --- words --------------------------------------------------------------------------------

  /** A UI string with its {name} placeholders filled, as parts: [{text, lang}], where lang
   *  is langs[name] for a value that has a language of its own (else ""). */
  function sayParts(key, values, langs) {
    var template = Object.prototype.hasOwnProperty.call(S, key) ? String(S[key]) : key;
    var parts = [];
    var last = 0;
    template.replace(/\{(\w+)\}/g, function (whole, name, offset) {
      parts.push({ text: template.slice(last, offset), lang: "" });
      last = offset + whole.length;
      var known = values && Object.prototype.hasOwnProperty.call(values, name);
      if (known && values[name] instanceof Said) {  // a message of its own, in parts
        values[name].parts.forEach(function (part) { parts.push(part); });
        return whole;
      }
      var lang = known && langs && Object.prototype.hasOwnProperty.call(langs, name) ? langs[name] : "";
      var day = known && (name === "date" || name === "today") ? /^(\d{1,2})(?!\d)/.exec(String(values[name])) : null;
      if (day && /^it\b/.test(config.locale || config.words || config.lang || "")) {
        parts[parts.length - 1].text = italianArticle(parts[parts.length - 1].text, Number(day[1]));
      }
      parts.push({ text: known ? String(values[name]) : whole, lang: lang || "" });
      return whole;
    });
    parts.push({ text: template.slice(last), lang: "" });
    return parts;
  }

  // Italian elides the article of il, al, dal, del, nel, sul before a day read with a vowel
  // (8, "otto"; 11, "undici"): "valida fino all’8 marzo", "Rilasciata l’11 marzo"; as the
  // pages write it (credcat.render.site.localise.elide_before_date; credential.js).
  var ITALIAN_ARTICLE = /(^|[^\w\u00c0-\u024f])(il|al|dal|del|nel|sul)[ \u00a0]$/i;
  function italianArticle(text, day) {
    if (day !== 8 && day !== 11) return text;
    return text.replace(ITALIAN_ARTICLE, function (all, lead, word) {
      if (word.toLowerCase() === "il") return lead + (word.charAt(0) === "I" ? "L" : "l") + "\u2019";
      return lead + word + word.slice(-1) + "\u2019";
    });
  }

  function say(key, values) {
    return sayParts(key, values).map(function (part) { return part.text; }).join("");
  }

  // A UI string with its values filled in, kept in parts so that it can be shown as nodes:
  // a value with a language of its own (langs[name]: a catalogue text in another language
  // than credcat's words around it) goes into a span that says so (WCAG 2.1, 3.1.2). As a
  // string it is the plain text.
  function Said(key, values, langs) {
    this.parts = sayParts(key, values, langs);
    this.text = this.parts.map(function (part) { return part.text; }).join("");
  }
  Said.prototype.toString = function () { return this.text; };

  function sayMarked(key, values, langs) {
    return new Said(key, values, langs);
  }

  /** Texts and messages one after the other, ``separator`` between them, as one message. */
  function joinSaid(items, separator) {
    var said = Object.create(Said.prototype);
    said.parts = [];
    items.forEach(function (item, i) {
      if (i) {
        said.parts.push({ text: separator, lang: "" });
      }
      if (item instanceof Said) {
        item.parts.forEach(function (part) { said.parts.push(part); });
      } else {
        said.parts.push({ text: String(item), lang: textLang[item] || "" });
      }
    });
    said.text = said.parts.map(function (part) { return part.text; }).join("");
    return said;
  }

  function Refusal(code, values) {
    this.code = code;
    this.values = values || {};
  }

  // --- small helpers ------------------------------------------------------------------------

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function list(value) {
    if (value === undefined || value === null) {
      return [];
    }
    return Array.isArray(value) ? value : [value];
  }

  function str(value) {
    return typeof value === "string" ? value : "";
  }

  /** The strings of ``items`` each once, in their order (in time linear in their number: a
   *  file may state hundreds of thousands of words or languages). */
  function distinct(items) {
    var seen = Object.create(null);
    return items.filter(function (item) {
      return seen[item] === true ? false : (seen[item] = true);
    });
  }

  function own(object, key) {
    return isObject(object) && Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
  }

  /** A text in every language it has: {lang: text}; "" for a plain string; null when none.
   *  A Refusal where it is given in more than MAX_LANGUAGES languages (each would be shown
   *  and compared: no credential has so many). */
  function languages(value) {
    var out = {};
    var count = 0;
    function add(lang, text) {
      if (!Object.prototype.hasOwnProperty.call(out, lang) && ++count > MAX_LANGUAGES) {
        throw new Refusal("error_too_many_languages", { n: MAX_LANGUAGES });
      }
      out[lang] = text;
    }
    list(value).forEach(function (item) {
      if (typeof item === "string") {
        add("", item);
      } else if (isObject(item) && typeof item["@value"] === "string") {
        add(str(item["@language"]), item["@value"]);
      } else if (isObject(item)) {
        Object.keys(item).forEach(function (lang) {
          if (typeof item[lang] === "string" && lang.charAt(0) !== "@") {
            add(lang, item[lang]);
          }
        });
      }
    });
    return count ? out : null;
  }

  function textsOf(value) {
    var map = languages(value);
    return map ? Object.keys(map).sort().map(function (k) { return map[k].trim(); }) : [];
  }

  // A text in another language than credcat's words around it (config.words: the page
  // language, or English where credcat's interface does not speak it) → that language, so
  // that its cell says so (lang; WCAG 2.1, 3.1.2 Language of Parts). Texts are compared as
  // strings, so the language goes beside them, not with them.
  var textLang = Object.create(null);
  var LANG_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
  var words = config.words || config.lang;

  function marked(text, lang) {
    if (text && lang && lang !== words && LANG_TAG.test(lang)) {
      textLang[text] = lang;
    }
    return text;
  }

  /** The text to show: the page language, then English, then the first language. */
  function shown(map) {
    if (!map) {
      return "";
    }
    var keys = Object.keys(map).sort();
    var pick = [config.lang, "en", ""].filter(function (k) { return keys.indexOf(k) >= 0; })[0];
    var lang = pick === undefined ? keys[0] : pick;
    return marked(map[lang], lang);
  }

  function eqfOf(value) {
    var found = null;
    list(value).forEach(function (item) {
      var iri = isObject(item) ? str(item.id) : typeof item === "string" ? item : "";
      var match = /\/eqf\/([1-8])$/.exec(iri);
      if (match && found === null) {
        found = Number(match[1]);
      }
    });
    return found;
  }

  /** The first label of an EQF concept that names another level than its address does
   *  ("Level 8" on …/eqf/6): the label, else null. */
  function eqfLabelOf(level, labels) {
    if (level === null) {
      return null;
    }
    return labels.filter(function (label) {
      var said = /(?:^|\D)([1-8])(?:\D|$)/.exec(str(label));
      return said !== null && Number(said[1]) !== level;
    })[0] || null;
  }

  function number(value) {
    var n = typeof value === "number" ? value : typeof value === "string" ? parseFloat(value) : NaN;
    return isFinite(n) ? n : null;
  }

  function ectsOf(points) {
    var found = null;
    list(points).forEach(function (point) {
      if (!isObject(point) || found !== null) {
        return;
      }
      var framework = own(point, "framework");
      var iri = isObject(framework) ? str(framework.id) : str(framework);
      if (!iri || iri === ECTS_FRAMEWORK) {
        found = number(point.point);
      }
    });
    return found;
  }

  /** Hours of an ISO 8601 duration (PT110H, P2DT4H), or null. */
  function hoursOf(value) {
    var match = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?)?$/.exec(str(value));
    if (!match || str(value) === "P" || str(value) === "PT") {
      return null;
    }
    return (Number(match[1] || 0) * 24) + Number(match[2] || 0) + (Number(match[3] || 0) / 60);
  }

  function orgsOf(value) {
    if (value === undefined || value === null) {
      return null;
    }
    var out = [];
    list(value).forEach(function (org) {
      if (typeof org === "string") {
        out.push({ id: org, name: "" });
      } else if (isObject(org)) {
        var name = shown(languages(own(org, "legalName"))) || shown(languages(own(org, "prefLabel"))) ||
          shown(languages(own(org, "name")));
        var names = languages(own(org, "legalName")) || languages(own(org, "prefLabel")) ||
          languages(own(org, "name"));
        out.push({ id: str(org.id), name: name || "", names: names || {} });
      }
    });
    return out;
  }

  /** Outcomes in the order every page of the catalogue numbers them: knowledge, then skills,
   *  then responsibility and autonomy (config.outcome_kinds: the skill-type concepts, in that
   *  order; an outcome of none of them comes after), each kind in the file's order; each
   *  numbered so (``number``). */
  function inPageOrder(outcomes) {
    return outcomes.map(function (o, i) { return { o: o, i: i }; }).sort(function (a, b) {
      return (a.o.rank - b.o.rank) || (a.i - b.i);
    }).map(function (x, n) {
      x.o.number = n + 1;
      return x.o;
    });
  }

  var OUTCOME_KINDS = list(config.outcome_kinds).map(str);

  function outcomesOf(value) {
    if (value === undefined || value === null) {
      return null;
    }
    return inPageOrder(list(value).filter(isObject).slice(0, MAX_CLAIMS).map(function (o) {
      var kind = conceptOf(own(o, "dcType"));
      var rank = kind ? OUTCOME_KINDS.indexOf(kind.id) : -1;
      return {
        id: str(o.id),
        map: languages(o.title) || {},
        texts: textsOf(o.title),
        text: shown(languages(o.title)),
        rank: rank < 0 ? OUTCOME_KINDS.length : rank
      };
    }));
  }

  /** A text of a narrative, in the language it states (``lang``, else none). */
  function textIn(text, lang) {
    var map = {};
    map[lang] = text;
    return map;
  }

  // An Open Badge's criteria.narrative, as credcat writes it (render/data/ob3.py,
  // _criteria_narrative), in Markdown: a heading line ending in ":", then a numbered list
  // "1. <outcome>" (the outcomes, numbered as the pages number them); a heading, then one
  // item per assessment "- **<title>** (<type>; [<supervision>; ]<identity check>; <proves
  // outcomes 1, 3>): <description>". A line that is none of these continues the item above.
  // (read with indexOf and anchored patterns: linear in the line, whatever it holds). Numbers
  // of up to four digits: a list of more than MAX_ITEMS (1,000) is refused, and its 1,000th
  // and 1,001st items must be read as items to be counted, not as the end of the 999th.
  var NUMBERED = /^(\d{1,4})\.[ \t]+(\S[\s\S]*)$/;

  /** "- **title** (how): description" → {title, how, text}, else null. */
  function bulletOf(line) {
    if (line.slice(0, 4) !== "- **") {
      return null;
    }
    var close = line.indexOf("** (", 4);
    if (close < 0) {
      return null;
    }
    // the first "):" that ends the line or is followed by a space
    for (var end = line.indexOf("):", close + 4); end >= 0; end = line.indexOf("):", end + 1)) {
      var next = line.charAt(end + 2);
      if (next === "" || next === " " || next === "\t") {
        return {
          title: line.slice(4, close),
          how: line.slice(close + 4, end),
          text: line.slice(end + 2).trim()
        };
      }
    }
    return null;
  }

  function isHeading(line) {
    var text = line.trimEnd();
    return text.length > 1 && text.charAt(text.length - 1) === ":" && !/^\s/.test(line);
  }

  function itemText(lines) {
    var end = lines.length;
    while (end > 0 && !lines[end - 1].trim()) {
      end--;
    }
    return lines.slice(0, end).join("\n").trim();
  }

  /** One assessment of a narrative: its title, type, supervision ("" where it states none),
   *  identity check, the numbers of the outcomes it proves and its description; what cannot be
   *  told apart is null (not stated). */
  function narrativeAssessment(item) {
    var parts = item.how.split("; ");
    var known = parts.length === 3 || parts.length === 4;
    return {
      title: item.title.trim(),
      type: known ? parts[0].trim() : null,
      supervision: known ? (parts.length === 4 ? parts[1].trim() : "") : null,
      identity: known ? parts[parts.length - 2].trim() : null,
      proves: known ? (parts[parts.length - 1].match(/\d+/g) || []).map(Number) : null,
      description: itemText(item.lines)
    };
  }

  /** What a narrative states: {outcomes: [{number, text}] | null, assessments: [...] | null};
   *  a part that does not read as credcat writes it is null: not stated. */
  function readNarrative(text) {
    var found = { outcomes: null, assessments: null };
    if (typeof text !== "string" || !text.trim()) {
      return found;
    }
    var sections = [];
    function listed(section, item) {  // a list of the narrative: refused, not cut, as the input's
      if (section.items.push(item) > MAX_ITEMS) {
        throw new Refusal("error_too_many_items", { n: MAX_ITEMS });
      }
    }
    var section = null;
    var item = null;
    var blank = true;  // a heading starts the narrative or follows an empty line
    text.replace(/\r\n?/g, "\n").split("\n").forEach(function (line) {
      var match;
      if (!line.trim()) {
        blank = true;
        if (item) {
          item.lines.push("");
        }
        return;
      }
      if (section && (match = NUMBERED.exec(line))) {
        item = { kind: "numbered", number: Number(match[1]), lines: [match[2]] };
        listed(section, item);
      } else if (section && (match = bulletOf(line))) {
        item = { kind: "bullet", title: match.title, how: match.how, lines: [match.text] };
        listed(section, item);
      } else if (blank && isHeading(line)) {
        section = { items: [] };
        sections.push(section);
        item = null;
      } else if (item) {
        item.lines.push(line);
      } else {
        section = null;  // prose of another kind: not read
      }
      blank = false;
    });
    function all(kind) {
      return sections.filter(function (s) {
        return s.items.length && s.items.length <= MAX_CLAIMS &&
          s.items.every(function (i) { return i.kind === kind; });
      })[0];
    }
    var numbered = all("numbered");
    if (numbered) {  // in the order of their numbers
      found.outcomes = numbered.items.map(function (i, n) {
        return { number: i.number, text: itemText(i.lines), n: n };
      }).sort(function (a, b) { return (a.number - b.number) || (a.n - b.n); });
    }
    var bullets = all("bullet");
    if (bullets) {
      found.assessments = bullets.items.map(narrativeAssessment);
    }
    return found;
  }

  function firstOf(value) {
    return Array.isArray(value) ? value[0] : value;
  }

  /** A concept: {id, label} (label: a language map, or null); null when there is none. */
  function conceptOf(value) {
    value = firstOf(value);
    if (typeof value === "string" && value) {
      return { id: value, label: null };
    }
    if (!isObject(value)) {
      return null;
    }
    var label = languages(own(value, "prefLabel"));
    return str(value.id) || label ? { id: str(value.id), label: label } : null;
  }

  /** One assessment: what its specification says (title, type, grading) and, where a
   *  LearningAssessment of the holder is given (``taken``), how it was supervised and the
   *  identity checked, and the grade. null where a value is not stated. */
  function assessmentOf(spec, taken) {
    var title = languages(own(taken, "title")) || languages(own(spec, "title"));
    var scheme = firstOf(own(spec, "gradingScheme"));
    var grade = firstOf(own(taken, "grade"));
    return {
      id: isObject(spec) ? str(spec.id) : "",
      title: title,
      text: shown(title),
      type: conceptOf(own(spec, "dcType")),
      grading: isObject(scheme) ?
        languages(own(scheme, "description")) || languages(own(scheme, "title")) : null,
      verification: conceptOf(own(taken, "idVerification")),
      grade: isObject(grade) ? languages(own(grade, "noteLiteral")) : languages(grade),
      description: languages(own(spec, "description"))
    };
  }

  /** The assessments a claim states: each LearningAssessment of the holder (claim.provenBy)
   *  with its specification, then each assessment of the specification (spec.provenBy) no
   *  LearningAssessment named; null when it states none. Where a LearningAssessment states
   *  its specification in full and the specification's provenBy states it too, the latter is
   *  its ``copy``: both are compared (either may have been changed). */
  function assessmentsOf(claim, spec) {
    var specs = list(own(spec, "provenBy")).slice(0, MAX_CLAIMS).map(function (s) {
      return typeof s === "string" ? { id: s } : s;
    }).filter(isObject);
    var named = [];
    var out = [];
    list(own(claim, "provenBy")).slice(0, MAX_CLAIMS).forEach(function (taken) {
      if (!isObject(taken)) {
        return;
      }
      var s = firstOf(own(taken, "specifiedBy"));
      if (typeof s === "string") {
        s = { id: s };
      }
      if (!isObject(s)) {
        s = null;
      }
      var id = s ? str(s.id) : "";
      // named by its IRI alone: the specification's own node says what it is
      var full = id ? specs.filter(function (x) { return str(x.id) === id; })[0] : null;
      var copy = null;
      if (full && own(s, "dcType") === undefined && own(s, "gradingScheme") === undefined &&
          own(s, "title") === undefined) {
        s = full;
      } else if (full && full !== s) {
        copy = assessmentOf(full, null);
      }
      if (id) {
        named.push(id);
      }
      var item = assessmentOf(s, taken);
      item.copy = copy;
      out.push(item);
    });
    specs.forEach(function (s) {
      if (!str(s.id) || named.indexOf(str(s.id)) < 0) {
        out.push(assessmentOf(s, null));
      }
    });
    return out.length ? out : null;
  }

  /** The assessments the catalogue published: the specification's (elm.jsonld), each with
   *  the idVerification its template gives the LearningAssessment an issuer issues. */
  function publishedAssessments(elm, template) {
    var taken = Object.create(null);
    var subject = own(own(template, "credential"), "credentialSubject");
    list(own(subject, "hasClaim")).forEach(function (claim) {
      list(own(claim, "provenBy")).forEach(function (a) {
        var s = firstOf(own(a, "specifiedBy"));
        var id = isObject(s) ? str(s.id) : str(s);
        if (id && isObject(a)) {
          taken[id] = a;
        }
      });
    });
    return list(own(elm, "provenBy")).filter(isObject).slice(0, MAX_CLAIMS).map(function (s) {
      return assessmentOf(s, taken[str(s.id)] || null);
    });
  }

  /** The quality assurance a specification states (its accreditations): each with its title,
   *  type, the body that carries it out, description, expiry date and report; null when it
   *  states none. */
  function qualityOf(value) {
    if (value === undefined || value === null) {
      return null;
    }
    return list(value).slice(0, MAX_CLAIMS).map(function (q) {
      return typeof q === "string" ? { id: q } : q;
    }).filter(isObject).map(function (q) {
      var title = languages(own(q, "title"));
      var report = firstOf(own(q, "report"));
      var agent = (orgsOf(firstOf(own(q, "accreditingAgent"))) || [])[0] || null;
      return {
        id: str(q.id),
        title: title,
        text: shown(title),
        type: conceptOf(own(q, "dcType")),
        agent: agent,
        description: languages(own(q, "description")),
        until: str(own(q, "expiryDate")).slice(0, 10),
        report: isObject(report) ? str(own(report, "contentURL")) : str(report)
      };
    });
  }

  // --- limits and decoding ------------------------------------------------------------------

  function byteLength(text) {
    if (text.length > MAX_BYTES) {
      return text.length;
    }
    return new TextEncoder().encode(text).length;
  }

  /** Refuse JSON nested deeper than MAX_DEPTH, before JSON.parse sees it (one linear pass). */
  function checkDepth(text) {
    var depth = 0;
    var inString = false;
    for (var i = 0; i < text.length; i++) {
      var ch = text.charCodeAt(i);
      if (inString) {
        if (ch === 92) {
          i++;
        } else if (ch === 34) {
          inString = false;
        }
      } else if (ch === 34) {
        inString = true;
      } else if (ch === 123 || ch === 91) {
        depth++;
        if (depth > MAX_DEPTH) {
          throw new Refusal("error_too_deep", { depth: MAX_DEPTH });
        }
      } else if (ch === 125 || ch === 93) {
        depth--;
      }
    }
  }

  function parseJson(text) {
    if (byteLength(text) > MAX_BYTES) {
      throw new Refusal("error_too_big", { mb: Math.round(MAX_BYTES / 1048576) });
    }
    checkDepth(text);
    var value;
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw new Refusal("error_json");
    }
    checkLists(value);
    return value;
  }

  /** Refuse JSON with a list of more than MAX_ITEMS entries anywhere (one walk of what was
   *  parsed, at most MAX_DEPTH deep): each entry of a list the page compares is laid out, and
   *  80,000 awarding bodies took ten seconds; no credential lists so many of anything. */
  function checkLists(value) {
    var stack = [value];
    while (stack.length) {
      var node = stack.pop();
      if (Array.isArray(node)) {
        if (node.length > MAX_ITEMS) {
          throw new Refusal("error_too_many_items", { n: MAX_ITEMS });
        }
        for (var i = 0; i < node.length; i++) {
          if (node[i] !== null && typeof node[i] === "object") {
            stack.push(node[i]);
          }
        }
      } else if (node !== null && typeof node === "object") {
        for (var key in node) {
          if (Object.prototype.hasOwnProperty.call(node, key) && node[key] !== null && typeof node[key] === "object") {
            stack.push(node[key]);
          }
        }
      }
    }
  }

  function base64url(part) {
    if (!/^[A-Za-z0-9_-]*={0,2}$/.test(part)) {
      throw new Refusal("error_encoding");
    }
    var b64 = part.replace(/=+$/, "").replace(/-/g, "+").replace(/_/g, "/");
    while (b64.length % 4) {
      b64 += "=";
    }
    try {
      var binary = atob(b64);
      var bytes = new Uint8Array(binary.length);
      for (var i = 0; i < binary.length; i++) {
        bytes[i] = binary.charCodeAt(i);
      }
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch (e) {
      throw new Refusal("error_encoding");
    }
  }

  /** A JWS payload: JSON as it is (JAdES with an unencoded payload) or base64url. */
  function payloadOf(payload) {
    var text = payload.trim();
    if (text.charAt(0) === "{") {
      return parseJson(text);
    }
    var decoded = base64url(text);
    if (decoded.trim().charAt(0) !== "{") {
      throw new Refusal("error_encoding");
    }
    return parseJson(decoded);
  }

  /** A date a file states (an ISO 8601 text, or a JSON-LD value {"@value": …}): {day
   *  (YYYY-MM-DD as written), time (ms since 1970)}; null when there is none. */
  function dateOf(value) {
    value = firstOf(value);
    if (isObject(value)) {
      value = own(value, "@value");
    }
    var text = str(value).trim();
    var time = /^\d{4}-\d{2}-\d{2}/.test(text) ? Date.parse(text) : NaN;
    return isFinite(time) ? { day: text.slice(0, 10), time: time } : null;
  }

  /** A JWT's NumericDate (seconds since 1970) as a date; null when it is none. */
  function epochOf(value) {
    if (typeof value !== "number" || !isFinite(value) || Math.abs(value) > 1e11) {
      return null;
    }
    var time = value * 1000;
    return { day: new Date(time).toISOString().slice(0, 10), time: time };
  }

  /** The dates a credential states: when it was issued (validFrom, issuanceDate, issued, a
   *  JWT's nbf or iat), until when it is valid (validUntil, expirationDate, a JWT's exp), and
   *  whether it names a status list (credentialStatus) through which it can be revoked. */
  function datesOf(value, jwt) {
    var claims = jwt || value;
    var number = function (key) { return epochOf(own(claims, key)); };
    return {
      issued: dateOf(own(value, "validFrom")) || dateOf(own(value, "issuanceDate")) ||
        dateOf(own(value, "issued")) || number("nbf") || number("iat"),
      until: dateOf(own(value, "validUntil")) || dateOf(own(value, "expirationDate")) || number("exp"),
      status: own(value, "credentialStatus") !== undefined
    };
  }

  var DESCRIBED = ["Qualification", "LearningAchievementSpecification", "Achievement"];

  /** A node of a file this catalogue publishes that describes a credential (elm.jsonld,
   *  ob3-achievement.json, a node of catalogue.jsonld): its type says so, and its id is one of
   *  this catalogue's. */
  function described(node) {
    if (!isObject(node)) {
      return false;
    }
    var types = list(own(node, "type")).concat(list(own(node, "@type"))).map(str);
    var base = str(config.base_uri);
    var id = str(own(node, "id")) || str(own(node, "@id"));
    return types.some(function (t) { return DESCRIBED.indexOf(t) >= 0; }) &&
      base !== "" && id.indexOf(base) === 0;
  }

  /** The kind of a file that is no credential's own (a PDF, an image, a web page), by its
   *  first bytes; "" otherwise. */
  function fileKind(text) {
    var head = text.slice(0, 512);
    if (head.slice(0, 5) === "%PDF-") {
      return "PDF";
    }
    if (/^\uFFFD?PNG\r?\n?/.test(head) && head.indexOf("PNG") <= 1) {
      return "PNG";
    }
    if (head.charAt(0) === "\uFFFD" && /JFIF|Exif/.test(head.slice(0, 16))) {
      return "JPEG";
    }
    var markup = head.replace(/^(?:<\?xml[^>]*>|<!--[\s\S]*?-->|\s)+/i, "");
    // an SVG's document type declaration, however long its internal subset: svgText reads it
    // (or refuses it, said so)
    if (/^(?:<svg[\s>]|<!DOCTYPE\s+svg[\s>\[])/i.test(markup)) {
      return "SVG";
    }
    if (/^<(?:!doctype html|html)[\s>]/i.test(markup)) {
      return "HTML";
    }
    return "";
  }

  // --- badge images -------------------------------------------------------------------------
  // An Open Badge is often handed over as its image, with the credential baked into it (Open
  // Badges 3.0, "Baking"): a PNG's iTXt chunk whose keyword is "openbadgecredential", or an
  // SVG's <openbadges:credential> element (namespace OB3_NS), its text the credential's JSON
  // (in CDATA) or its verify attribute a compact JWS. The image is never shown nor put into the
  // page: a PNG's bytes are walked chunk by chunk, an SVG is parsed as XML into a document of
  // its own (DOMParser: no script runs, nothing is fetched), and the text found goes the way a
  // pasted credential goes. An image holding none says so; Open Badges 2.0's baked assertion
  // (keyword "openbadges", <openbadges:assertion>) is named as what this page does not read.

  var PNG_SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];
  var PNG_KEYWORD = "openbadgecredential";
  var PNG_KEYWORD_OB2 = "openbadges";
  var OB3_NS = "https://purl.imsglobal.org/ob/v3p0";
  var OB2_NS = "http://openbadges.org";
  var crcTable = null;

  /** The CRC-32 of bytes[start, end) (ISO 3309, as PNG computes it over a chunk's type and
   *  data). */
  function crc32(bytes, start, end) {
    if (!crcTable) {
      crcTable = new Uint32Array(256);
      for (var n = 0; n < 256; n++) {
        var c = n;
        for (var k = 0; k < 8; k++) {
          c = c & 1 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
        }
        crcTable[n] = c >>> 0;
      }
    }
    var crc = 0xFFFFFFFF;
    for (var i = start; i < end; i++) {
      crc = crcTable[(crc ^ bytes[i]) & 255] ^ (crc >>> 8);
    }
    return (crc ^ 0xFFFFFFFF) >>> 0;
  }

  function isPng(bytes) {  // its first bytes say PNG (the signature is checked in full later)
    return bytes.length >= 4 && PNG_SIGNATURE.slice(0, 4).every(function (b, i) { return bytes[i] === b; });
  }

  /** A picture format no credential is baked into (a photo or a screenshot of one, as a phone
   *  saves it), by its first bytes: its name, else "". A JPEG by its marker alone, as many
   *  name neither JFIF nor Exif; HEIC and AVIF by their ISO box's brand. */
  function pictureKind(bytes) {
    var ascii = function (from, to) {
      return String.fromCharCode.apply(null, Array.prototype.slice.call(bytes.subarray(from, to)));
    };
    if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
      return "JPEG";
    }
    if (ascii(0, 4) === "GIF8") {
      return "GIF";
    }
    if (ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") {
      return "WebP";
    }
    if (ascii(4, 8) === "ftyp") {
      var brand = ascii(8, 12);
      if (/^(?:heic|heix|hevc|heim|heis|mif1|msf1)$/.test(brand)) {
        return "HEIC";
      }
      if (brand === "avif") {
        return "AVIF";
      }
    }
    return "";
  }

  /** Bytes as UTF-8 text; a Refusal (``refusal``) where they are not UTF-8. */
  function utf8(bytes, refusal) {
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch (e) {
      throw refusal;
    }
  }

  // compressed bytes handed to the inflater at a time: deflate inflates at most some 1,032
  // times, so at most some 4 MB come out of a slice, and a slice goes in only once what came out
  // of the one before was read (a file's stream hands over megabytes at once, each inflated
  // whole before the reader could stop it: a 4.7 MB image, gigabytes)
  var INFLATE_SLICE = 4096;

  /** Inflated zlib data (a compressed iTXt text): a Promise of its bytes, at most MAX_BYTES
   *  (a small chunk can inflate to gigabytes: reading stops past the limit). */
  function inflate(bytes, damaged) {
    var stream;
    try {
      stream = new DecompressionStream("deflate");
    } catch (e) {  // no DecompressionStream in this browser
      return Promise.reject(new Refusal("error_baked_compressed"));
    }
    var writer = stream.writable.getWriter();
    var reader = stream.readable.getReader();
    var stopped = false;
    // each slice is written once the one before is taken (the inflater's readable side holds
    // back the next write while what it made is unread)
    function feed(at) {
      if (stopped) {
        return;
      }
      if (at >= bytes.length) {
        writer.close().catch(function () {});  // a text cut short errs on the reader's side
        return;
      }
      writer.write(bytes.subarray(at, at + INFLATE_SLICE)).then(function () {
        feed(at + INFLATE_SLICE);
      }, function () {});  // not zlib: the reader says so
    }
    feed(0);
    var parts = [];
    var total = 0;
    function next() {
      return reader.read().then(function (step) {
        if (step.done) {
          var out = new Uint8Array(total);
          var at = 0;
          parts.forEach(function (part) { out.set(part, at); at += part.length; });
          return out;
        }
        total += step.value.length;
        if (total > MAX_BYTES) {
          stopped = true;
          parts = [];
          reader.cancel().catch(function () {});
          throw new Refusal("error_too_big", { mb: Math.round(MAX_BYTES / 1048576) });
        }
        parts.push(step.value);
        return next();
      });
    }
    return next().catch(function (error) {
      stopped = true;
      throw error instanceof Refusal ? error : damaged;
    });
  }

  /** The text of an iTXt chunk's data after its keyword and NUL: compression flag and method,
   *  language tag, NUL, translated keyword, NUL, text (inflated where the flag says so; the
   *  method, zlib's 0, is ignored where it is not, as PNG decoders do). */
  function itxtText(rest, damaged) {
    var end = rest.indexOf(0, 2);  // the language tag's end
    end = end < 0 ? -1 : rest.indexOf(0, end + 1);  // the translated keyword's
    if (rest.length < 4 || end < 0 || rest[0] > 1 || (rest[0] === 1 && rest[1] !== 0)) {
      throw damaged;
    }
    var text = rest.subarray(end + 1);
    if (rest[0] === 0) {
      return utf8(text, damaged);
    }
    return inflate(text, damaged).then(function (inflated) { return utf8(inflated, damaged); });
  }

  /** The credential baked into a PNG (its text, or a Promise of it, where compressed): the
   *  chunks are walked from the signature to IEND, each within the file; a chunk cut short, a
   *  length past the file's end, a type that is no chunk type, no IHDR first, no IEND, or a
   *  credential chunk whose CRC is not its own is a damaged image. */
  function pngCredential(bytes) {
    var damaged = new Refusal("error_image_damaged", { kind: "PNG" });
    if (bytes.length < 8 || PNG_SIGNATURE.some(function (b, i) { return bytes[i] !== b; })) {
      throw damaged;
    }
    var view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    var ob2 = false;
    for (var pos = 8; ; ) {
      if (bytes.length - pos < 12) {  // cut short: no room for a chunk, and no IEND came
        throw damaged;
      }
      var length = view.getUint32(pos);
      var type = String.fromCharCode(bytes[pos + 4], bytes[pos + 5], bytes[pos + 6], bytes[pos + 7]);
      if (length > bytes.length - pos - 12 || !/^[A-Za-z]{4}$/.test(type) || (pos === 8) !== (type === "IHDR")) {
        throw damaged;
      }
      var data = pos + 8;
      if (type === "IEND") {
        break;
      }
      if (type === "iTXt" || type === "tEXt") {
        var nul = bytes.subarray(data, data + Math.min(length, 80)).indexOf(0);
        var keyword = nul < 0 ? "" : String.fromCharCode.apply(null, bytes.subarray(data, data + nul));
        if (type === "iTXt" && keyword === PNG_KEYWORD) {
          if (crc32(bytes, pos + 4, data + length) !== view.getUint32(data + length)) {
            throw damaged;
          }
          return itxtText(bytes.subarray(data + nul + 1, data + length), damaged);
        }
        ob2 = ob2 || keyword === PNG_KEYWORD_OB2;
      }
      pos = data + length + 4;
    }
    throw new Refusal(ob2 ? "error_baked_ob2" : "error_not_baked", { kind: "PNG" });
  }

  // An SVG may begin with a document type declaration. Adobe Illustrator writes one whose
  // internal subset declares the namespaces the drawing uses as entities
  // (<!ENTITY ns_extend "http://ns.adobe.com/Extensibility/1.0/">, then xmlns:x="&ns_extend;").
  // A DTD is also where XML's attacks live: entities nested in each other (billion laughs: a
  // kilobyte that expands to gigabytes), parameter entities, and external ones (a file or an
  // address the parser would read). The page reads only what drawing programs write: general
  // entities whose value is plain text (no "&", "%" or "<": none refers to another, none is
  // markup), at most MAX_ENTITIES of them, the text with them expanded at most MAX_BYTES. It
  // expands them itself and takes the whole declaration out, so DOMParser never sees a DTD
  // (and a public or system identifier is never fetched); anything else is refused
  // (error_svg_doctype).

  var MAX_ENTITIES = 64;
  var XML_NAME = "[A-Za-z_:][A-Za-z0-9._:-]*";
  var DOCTYPE_START = new RegExp("<!DOCTYPE\\s+svg(?:\\s+(?:PUBLIC\\s+(?:\"[^\"]*\"|'[^']*')\\s+|SYSTEM\\s+)" +
    "(?:\"[^\"]*\"|'[^']*'))?\\s*([\\[>])", "y");
  var ENTITY_DECL = new RegExp("<!ENTITY\\s+(" + XML_NAME + ")\\s+(?:\"([^\"]*)\"|'([^']*)')\\s*>", "y");
  var ENTITY_REF = new RegExp("&(" + XML_NAME + ");", "y");
  var SUBSET_END = /\]\s*>/y;

  /** Where the comments, processing instructions and white space from ``i`` on end. */
  function skipMisc(text, i) {
    for (;;) {
      while (i < text.length && /\s/.test(text.charAt(i))) {
        i++;
      }
      var close = text.startsWith("<!--", i) ? "-->" : text.startsWith("<?", i) ? "?>" : "";
      var end = close ? text.indexOf(close, i + 2) : -1;
      if (end < 0) {
        return i;
      }
      i = end + close.length;
    }
  }

  /** The internal subset of a DTD from ``i`` (past its "["): {entities, end} (end: past the
   *  declaration's ">"); a Refusal for anything but plain text entities and comments. */
  function plainEntities(text, i, refused) {
    var entities = Object.create(null);
    var count = 0;
    for (;;) {
      while (i < text.length && /\s/.test(text.charAt(i))) {
        i++;
      }
      if (text.startsWith("<!--", i)) {
        var end = text.indexOf("-->", i + 4);
        if (end < 0) {
          throw refused;
        }
        i = end + 3;
      } else if (text.charAt(i) === "]") {
        SUBSET_END.lastIndex = i;
        if (!SUBSET_END.test(text)) {
          throw refused;
        }
        return { entities: entities, end: SUBSET_END.lastIndex };
      } else {
        ENTITY_DECL.lastIndex = i;
        var m = ENTITY_DECL.exec(text);  // "<!ENTITY % …", SYSTEM, PUBLIC, NDATA do not match
        var value = m ? (m[2] !== undefined ? m[2] : m[3]) : "";
        if (!m || /[&%<]/.test(value) || ++count > MAX_ENTITIES) {
          throw refused;
        }
        // the first declaration binds (XML 1.0, 4.2); XML's own five keep their meaning
        if (!(m[1] in entities) && !/^(?:lt|gt|amp|apos|quot)$/.test(m[1])) {
          entities[m[1]] = value.replace(/["'>]/g, function (c) {
            return c === '"' ? "&quot;" : c === "'" ? "&apos;" : "&gt;";
          });
        }
        i = ENTITY_DECL.lastIndex;
      }
    }
  }

  /** ``body`` with the references to ``entities`` expanded, outside comments, CDATA sections
   *  and processing instructions (one pass; a Refusal once longer than MAX_BYTES). */
  function expand(body, entities, refused) {
    var out = [];
    var last = 0;
    var size = body.length;
    var i = 0;
    var lt = body.indexOf("<");
    var amp = body.indexOf("&");
    while (i < body.length) {
      if (lt >= 0 && lt < i) {  // each looked for again only once passed: one pass in all
        lt = body.indexOf("<", i);
      }
      if (amp >= 0 && amp < i) {
        amp = body.indexOf("&", i);
      }
      if (amp >= 0 && (lt < 0 || amp < lt)) {
        ENTITY_REF.lastIndex = amp;
        var m = ENTITY_REF.exec(body);
        i = amp + 1;
        if (m && m[1] in entities) {
          size += entities[m[1]].length - m[0].length;
          if (size > MAX_BYTES) {
            throw refused;
          }
          out.push(body.slice(last, amp), entities[m[1]]);
          last = i = ENTITY_REF.lastIndex;
        }
      } else if (lt >= 0) {
        var close = body.startsWith("<![CDATA[", lt) ? "]]>" : body.startsWith("<!--", lt) ? "-->" :
          body.startsWith("<?", lt) ? "?>" : "";
        var end = close ? body.indexOf(close, lt + 2) : lt;
        if (end < 0) {
          break;  // not well-formed: DOMParser says so
        }
        i = end + Math.max(close.length, 1);
      } else {
        break;
      }
    }
    out.push(body.slice(last));
    return out.join("");
  }

  /** An SVG's text as DOMParser is given it: without its document type declaration, the
   *  plain text entities that declared expanded; a Refusal for any other DTD. */
  function svgText(text) {
    var refused = new Refusal("error_svg_doctype", { n: MAX_ENTITIES });
    var start = skipMisc(text, text.charCodeAt(0) === 0xFEFF ? 1 : 0);
    if (!/^<!DOCTYPE/i.test(text.slice(start, start + 9))) {
      return text;
    }
    DOCTYPE_START.lastIndex = start;
    var head = DOCTYPE_START.exec(text);  // "<!DOCTYPE svg", its identifiers, then "[" or ">"
    if (!head) {
      throw refused;
    }
    var dtd = head[1] === "[" ? plainEntities(text, DOCTYPE_START.lastIndex, refused) :
      { entities: Object.create(null), end: DOCTYPE_START.lastIndex };
    var rest = skipMisc(text, dtd.end);
    if (!/^<svg[\s>\/]/.test(text.slice(rest, rest + 5))) {
      throw refused;  // another declaration, or no SVG: nothing after it may be a DTD
    }
    return text.slice(0, start) + expand(text.slice(dtd.end), dtd.entities, refused);
  }

  /** The credential baked into an SVG's text: its <openbadges:credential>'s text, else its
   *  verify attribute. */
  function svgCredential(text) {
    var damaged = new Refusal("error_image_damaged", { kind: "SVG" });
    var markup = svgText(text);
    var doc;
    try {
      doc = new DOMParser().parseFromString(markup, "image/svg+xml");
    } catch (e) {
      throw damaged;
    }
    if (!doc || !doc.documentElement || doc.getElementsByTagName("parsererror").length) {
      throw damaged;  // not well-formed XML
    }
    var element = doc.getElementsByTagNameNS(OB3_NS, "credential")[0];
    var baked = element ? (element.textContent || "").trim() || (element.getAttribute("verify") || "").trim() : "";
    if (!baked) {
      var ob2 = doc.getElementsByTagNameNS(OB2_NS, "assertion").length > 0;
      throw new Refusal(ob2 ? "error_baked_ob2" : "error_not_baked", { kind: "SVG" });
    }
    return baked;
  }

  /** What was chosen, dropped or pasted, as text to read: a Promise of {text, baked}, where
   *  ``baked`` names the badge image (PNG, SVG) the text was baked into ("" for a credential's
   *  own file). ``input``: a file's bytes (Uint8Array) or a text. */
  function unbake(input) {
    return new Promise(function (resolve) {
      var text = input;
      if (input instanceof Uint8Array) {
        if (input.length > MAX_BYTES) {
          throw new Refusal("error_too_big", { mb: Math.round(MAX_BYTES / 1048576) });
        }
        if (isPng(input)) {
          var damaged = new Refusal("error_image_damaged", { kind: "PNG" });
          resolve(Promise.resolve().then(function () { return pngCredential(input); }).then(function (baked) {
            return { text: baked, baked: "PNG" };
          }, function (error) {
            throw error instanceof Refusal ? error : damaged;
          }));
          return;
        }
        var picture = pictureKind(input);
        if (picture) {  // a photo, not a badge image: named as such
          throw new Refusal("error_file_kind", { kind: picture });
        }
        text = new TextDecoder("utf-8").decode(input);  // as File.text() reads it
      }
      if (typeof text === "string" && byteLength(text) <= MAX_BYTES && fileKind(text.trim()) === "SVG") {
        resolve({ text: svgCredential(text), baked: "SVG" });
        return;
      }
      resolve({ text: text, baked: "" });
    });
  }

  /** What a credential claims: its format and every claim it makes (see the file's header). */
  function read(text) {
    if (typeof text !== "string") {
      throw new Refusal("error_empty");
    }
    if (byteLength(text) > MAX_BYTES) {
      throw new Refusal("error_too_big", { mb: Math.round(MAX_BYTES / 1048576) });
    }
    var trimmed = text.trim();
    if (!trimmed) {
      throw new Refusal("error_empty");
    }
    var kind = fileKind(trimmed);
    if (kind) {  // a document or an image, not a credential's own file
      throw new Refusal("error_file_kind", { kind: kind });
    }
    var form = "unsigned";
    var value;
    var jwt = null;  // a VC-JWT's claims (iss, nbf, iat, exp), around its vc
    if (JWS_COMPACT.test(trimmed)) {
      value = payloadOf(trimmed.split(".")[1]);
      form = "jws_compact";
    } else {
      value = parseJson(trimmed);
      if (typeof value === "string" && JWS_COMPACT.test(value.trim())) {
        value = payloadOf(value.trim().split(".")[1]);
        form = "jws_compact";
      }
    }
    var presented = 0;  // the credentials of a presentation it was read from
    var graphContext = null;
    for (var round = 0; round < 8 && isObject(value); round++) {
      if (own(value, "credentialSubject") !== undefined) {
        break;
      }
      var inner = own(value, "verifiableCredential");
      var graph = own(value, "@graph");
      var payload = own(value, "payload");
      if (typeof payload === "string" &&
          (Array.isArray(own(value, "signatures")) || typeof own(value, "signature") === "string")) {
        value = payloadOf(payload);
        form = "jws_json";
      } else if (isObject(own(value, "credential"))) {
        value = value.credential;
        if (form === "unsigned") {
          form = "uploadable";
        }
      } else if (isObject(own(value, "vc"))) {
        jwt = value;
        value = value.vc;
        form = "vc_jwt";
      } else if (isObject(own(value, "vp"))) {  // a VP-JWT: its presentation
        value = value.vp;
      } else if (inner !== undefined && !presented) {
        // a presentation (VerifiablePresentation): the first credential it holds, in its own
        // form (the presentation's signature is the holder's, not the issuer's)
        var held = list(inner);
        presented = held.length;
        var first = held[0];
        var enveloped = isObject(first) ? /^data:application\/vc(?:\+ld\+json)?\+jwt,(.*)$/.exec(str(first.id)) : null;
        var compact = enveloped ? enveloped[1] : typeof first === "string" ? first.trim() : "";
        jwt = null;
        if (compact && JWS_COMPACT.test(compact)) {
          value = payloadOf(compact.split(".")[1]);
          form = "jws_compact";
        } else if (isObject(first)) {
          value = first;
          form = "unsigned";
        } else {
          throw new Refusal("error_not_credential");
        }
      } else if (Array.isArray(graph)) {
        // JSON-LD with a @graph: the credential among its nodes, if it holds one
        var node = graph.slice(0, MAX_CLAIMS).filter(function (n) {
          return isObject(n) && own(n, "credentialSubject") !== undefined;
        })[0];
        if (!node) {
          break;
        }
        graphContext = own(value, "@context");
        value = node;
      } else {
        break;
      }
    }
    if (!isObject(value)) {
      throw new Refusal("error_not_credential");
    }
    // a proof embedded in the credential (Data Integrity, as Open Badges are often signed)
    if ((form === "unsigned" || form === "uploadable") && own(value, "proof") !== undefined) {
      form = "proof";
    }
    var subjects = list(own(value, "credentialSubject")).filter(isObject);
    var ob3 = subjects.some(function (s) { return isObject(own(s, "achievement")); });
    var edc = subjects.some(function (s) { return own(s, "hasClaim") !== undefined; });
    if (!ob3 && !edc) {
      // a file the catalogue publishes (elm.jsonld, ob3-achievement.json, catalogue.jsonld)
      // describes a credential; it is not one issued to someone
      if (!subjects.length && (described(value) ||
          list(own(value, "@graph")).slice(0, MAX_CLAIMS).some(described))) {
        throw new Refusal("error_specification");
      }
      throw new Refusal("error_not_credential");
    }
    var contexts = list(own(value, "@context") === undefined ? graphContext : own(value, "@context"));
    // only the specification a claim names (EDC: specifiedBy; OB3: the achievement) is matched:
    // an IRI of this catalogue found elsewhere (isPartOf, a link) names another credential
    var claims = ob3 ? ob3Claims(subjects) : edcClaims(subjects);
    // who issued it: the credential's issuer (a VC-JWT's iss where it names none)
    var issuer = (orgsOf(own(value, "issuer")) || [])[0] ||
      (orgsOf(str(own(jwt, "iss")) || null) || [])[0] || null;
    claims.forEach(function (c) { c.claimed.issuer = issuer; });
    // what a viewer or wallet shows as its title: an EDC's displayParameter.title, an Open
    // Badge's name (a plain text): one more title of the claim it is about (the first)
    var shownTitle = ob3 ? languages(own(value, "name")) :
      languages(own(own(value, "displayParameter"), "title"));
    if (shownTitle && claims.length) {
      claims[0].claimed.titles = (claims[0].claimed.titles || []).concat([shownTitle]);
    }
    return {
      kind: ob3 ? "ob3" : "edc",
      form: form,
      vc: contexts.indexOf(VC2) >= 0 ? "vc2" : contexts.indexOf(VC1) >= 0 ? "vc1" : "",
      dates: datesOf(value, jwt),
      template: TEMPLATE_ID !== "" && own(value, "id") === TEMPLATE_ID,
      issuer: issuer,
      presented: presented,
      claims: claims
    };
  }

  function edcClaims(subjects) {
    var out = [];
    var queue = [];
    // every claim, nested ones (hasPart) too: more than MAX_CLAIMS in all is refused, as a
    // list of more is (checkLists), not read in part
    function queued(claim) {
      if (queue.push(claim) > MAX_CLAIMS) {
        throw new Refusal("error_too_many_items", { n: MAX_ITEMS });
      }
    }
    subjects.forEach(function (s) {
      list(own(s, "hasClaim")).forEach(queued);
    });
    for (var i = 0; i < queue.length; i++) {
      var claim = queue[i];
      if (!isObject(claim)) {
        continue;
      }
      list(own(claim, "hasPart")).forEach(queued);
      var awarded = own(claim, "awardedBy");
      list(own(claim, "specifiedBy")).forEach(function (spec) {
        if (typeof spec === "string") {
          spec = { id: spec };
        }
        if (!isObject(spec) || typeof spec.id !== "string") {
          return;
        }
        // the claim's own title is the one a wallet shows the holder: both are compared
        var titles = [languages(own(spec, "title")), languages(own(claim, "title"))];
        var eqfNode = firstOf(own(spec, "eqfLevel"));
        var eqf = eqfOf(own(spec, "eqfLevel"));
        var eqfLabels = languages(own(eqfNode, "prefLabel")) || {};
        out.push({
          iris: [spec.id],
          claimed: {
            title: titles[0] || titles[1],
            titles: titles.filter(Boolean),
            description: languages(own(spec, "description")),
            eqf: eqf,
            eqfLabel: eqfLabelOf(eqf, Object.keys(eqfLabels).sort().map(function (k) { return eqfLabels[k]; })),
            credits: ectsOf(own(spec, "creditPoint")),
            hours: hoursOf(own(spec, "volumeOfLearning")),
            outcomes: outcomesOf(own(spec, "learningOutcome")),
            assessments: assessmentsOf(claim, spec),
            awarding: orgsOf(own(awarded, "awardingBody")),
            quality: qualityOf(own(spec, "accreditation"))
          }
        });
      });
    }
    return out;
  }

  function ob3Claims(subjects) {
    var out = [];
    subjects.forEach(function (s) {
      var a = own(s, "achievement");
      if (!isObject(a)) {
        return;
      }
      var iris = [str(a.id)];
      list(own(a, "otherIdentifier")).forEach(function (o) {
        if (isObject(o)) {
          iris.push(str(o.identifier));
        }
      });
      var eqf = null;
      var eqfLabel = null;
      list(own(a, "alignment")).forEach(function (al) {
        if (eqf === null && isObject(al)) {
          eqf = eqfOf(str(al.targetUrl));
          eqfLabel = eqfLabelOf(eqf, [str(al.targetName), str(al.targetCode)]);
        }
      });
      // a plain name is in the achievement's language (inLanguage), when it states one
      var name = languages(own(a, "name"));
      var inLanguage = str(own(a, "inLanguage"));
      if (name && Object.keys(name).join() === "" && LANG_TAG.test(inLanguage)) {
        var named = {};
        named[inLanguage] = name[""];
        name = named;
      }
      // the outcomes and assessments its criteria state, in the achievement's language
      var lang = LANG_TAG.test(inLanguage) ? inLanguage : "";
      var said = readNarrative(own(own(a, "criteria"), "narrative"));
      var description = languages(own(a, "description"));
      if (description && Object.keys(description).join() === "" && lang) {
        description = textIn(description[""], lang);
      }
      out.push({
        iris: iris.filter(Boolean),
        lang: lang,
        claimed: {
          title: name,
          titles: [name].filter(Boolean),
          description: description,
          eqf: eqf,
          eqfLabel: eqfLabel,
          credits: number(own(a, "creditsAvailable")),
          hours: null,
          outcomes: said.outcomes === null ? null : said.outcomes.map(function (o) {
            return {
              id: "",
              map: textIn(o.text, lang),
              texts: [o.text],
              text: marked(o.text, lang),
              number: o.number
            };
          }),
          // compared with the narrative the catalogue published (compareAssessments)
          assessments: said.assessments === null ? null : said.assessments.map(function (n) {
            var title = textIn(n.title, lang);
            return {
              id: "", title: title, text: marked(n.title, lang), type: null, verification: null,
              grading: null, grade: null, description: null, said: n, lang: lang
            };
          }),
          awarding: orgsOf(own(a, "creator")),
          quality: null
        }
      });
    });
    return out;
  }

  // --- matching -----------------------------------------------------------------------------

  /** {id, version, file} of an IRI under this catalogue's base_uri, or null. */
  function locate(iri) {
    var base = str(config.base_uri);
    if (typeof iri !== "string" || !base || iri.indexOf(base) !== 0) {
      return null;
    }
    var match = SPEC_PATH.exec(iri.slice(base.length));
    if (!match || match[2] === "." || match[2] === "..") {
      return null;
    }
    return { id: match[1], version: match[2], file: match[3] };
  }

  function locateAny(iris) {
    for (var i = 0; i < iris.length; i++) {
      var at = locate(iris[i]);
      if (at) {
        return at;
      }
    }
    return null;
  }

  function sameOrigin(relative) {
    var url = new URL(relative, document.baseURI);
    if (url.origin !== window.location.origin) {
      throw new Refusal("error_read");
    }
    return url.href;
  }

  /** A file of this site (a relative URL), as text: the page's only requests. */
  function load(relative) {
    return fetch(sameOrigin(relative), { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) {
        throw new Error(relative + " " + response.status);
      }
      return response.text();
    });
  }

  var catalogueData = null;

  function loadCatalogue() {
    if (!catalogueData) {
      catalogueData = load(config.catalogue_json)
        .then(function (text) { return JSON.parse(text); })
        .catch(function (error) {
          catalogueData = null;
          throw error;
        });
    }
    return catalogueData;
  }

  function pageOf(id, version) {
    return str(config.root) + "credentials/" + encodeURIComponent(id) + "/" +
      (version ? encodeURIComponent(version) + "/" : "");
  }

  /** A version's machine-readable file: at the site root in every language (config.files). */
  function fileOf(id, version, name) {
    return str(config.files) + "credentials/" + encodeURIComponent(id) + "/" +
      encodeURIComponent(version) + "/" + name;
  }

  var EDITION = /^ob3-achievement(?:\.[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)?\.json$/;

  function achievementOf(id, version, file) {
    return load(fileOf(id, version, file)).then(parseJson);
  }

  /** The narrative of the Open Badges achievement the catalogue published in the edition an
   *  Open Badge names (``file``: its achievement's file), else in its language (``lang``: the
   *  main edition, ob3-achievement.json, names every other by its language), else the main
   *  edition's; null when none can be read. */
  function loadNarrative(id, version, file, lang) {
    var MAIN = "ob3-achievement.json";
    function byLanguage() {
      return achievementOf(id, version, MAIN).then(function (achievement) {
        if (!lang || str(own(achievement, "inLanguage")) === lang) {
          return achievement;
        }
        var other = list(own(achievement, "related")).map(function (r) {
          var at = isObject(r) && str(own(r, "inLanguage")) === lang ? locate(str(r.id)) : null;
          return at && at.id === id && at.version === version && EDITION.test(at.file) ? at : null;
        }).filter(Boolean)[0];
        return other ? achievementOf(id, version, other.file) : achievement;
      });
    }
    var named = EDITION.test(file) && file !== MAIN ? achievementOf(id, version, file) : null;
    // an edition the catalogue does not publish: the one of its language, else the main one
    return (named ? named.catch(byLanguage) : byLanguage()).then(function (achievement) {
      return readNarrative(own(own(achievement, "criteria"), "narrative"));
    }).catch(function () { return null; });
  }

  /** What the catalogue published for a version: its specification (elm.jsonld) and, for how
   *  its assessments are supervised, its template for issuers (edc-template.json); null when
   *  either cannot be read. */
  function loadPublished(id, version) {
    return Promise.all([
      load(fileOf(id, version, "elm.jsonld")),
      load(fileOf(id, version, "edc-template.json"))
    ]).then(function (texts) {
      var elm = parseJson(texts[0]);
      var bodies = [];
      list(own(elm, "awardingOpportunity")).forEach(function (o) {
        (orgsOf(own(o, "awardingBody")) || []).forEach(function (org) {
          if (!bodies.some(function (b) { return b.id === org.id; })) {
            bodies.push(org);
          }
        });
      });
      return {
        title: languages(own(elm, "title")),
        eqf: eqfOf(own(elm, "eqfLevel")),
        credits: ectsOf(own(elm, "creditPoint")),
        hours: hoursOf(own(elm, "volumeOfLearning")),
        description: languages(own(elm, "description")),
        outcomes: outcomesOf(own(elm, "learningOutcome")) || [],
        assessments: publishedAssessments(elm, parseJson(texts[1])),
        awarding: bodies,
        quality: qualityOf(own(elm, "accreditation")) || [],
        // when the version was published (its dateModified, else its issued date)
        released: dateOf(own(elm, "dateModified")) || dateOf(own(elm, "issued"))
      };
    }).catch(function () { return null; });
  }

  // --- comparing ----------------------------------------------------------------------------

  /** The languages whose claimed text differs from the published one; a text in a language
   * the catalogue does not publish must be one of its texts. */
  function differing(claimed, published) {
    var values = Object.keys(published || {}).map(function (k) { return published[k].trim(); });
    return Object.keys(claimed).sort().filter(function (lang) {
      var text = claimed[lang].trim();
      if (lang && published && Object.prototype.hasOwnProperty.call(published, lang)) {
        return published[lang].trim() !== text;
      }
      return values.indexOf(text) < 0;
    });
  }

  function titleSame(claimed, published) {
    return differing(claimed, published).length === 0;
  }

  /** A language's name in the language of credcat's words (the code where the browser has
   *  none). */
  function languageName(code) {
    try {
      return new Intl.DisplayNames([words || "en"], { type: "language" }).of(code) || code;
    } catch (e) {
      return code;
    }
  }

  /** Names as a list in the language of credcat's words ("Workload, Learning outcomes"). */
  function listOf(names) {
    try {
      return new Intl.ListFormat(words || "en", { style: "short", type: "unit" }).format(names);
    } catch (e) {
      return names.join(", ");
    }
  }

  function formatNumber(n) {
    // as the pages write a number (Localiser.number, catalogue.js): no digit groups, so that
    // 1500 hours read as on the credential page ("1.500 horas" was Brazil's way, not Portugal's)
    var options = { maximumFractionDigits: 2, useGrouping: false };
    return new Intl.NumberFormat(config.lang || undefined, options).format(n);
  }

  function orgText(org) {
    return org.name || org.id;
  }

  /** A plain name of a claimed organisation (an Open Badge's creator: OB3 names have no
   *  language) is in the language in which the catalogue publishes that name for it (every
   *  edition of credcat's achievements names it in the catalogue's default language). */
  function plainNameLanguage(org, publishedOrgs) {
    if (!org.name || Object.keys(org.names || {}).join() !== "") {
      return;
    }
    var langs = [];
    publishedOrgs.forEach(function (p) {
      if (p.id === org.id) {
        Object.keys(p.names || {}).sort().forEach(function (lang) {
          if (p.names[lang] === org.name) {
            langs.push(lang);
          }
        });
      }
    });
    if (langs.length && langs.indexOf(words) < 0) {
      marked(org.name, langs[0]);
    }
  }

  /** A date as the site's pages write it (in the locale of credcat's words; French and
   *  Italian write the first of a month as an ordinal, as the build's dates and credential.js
   *  do). */
  function dateText(date, options, day) {
    var locale = config.locale || words || "en";
    var text = new Intl.DateTimeFormat(locale, options).format(date);
    if (day !== 1) return text;
    if (/^fr\b/.test(locale)) return text.replace(/^1 /, "1er ");
    return /^it\b/.test(locale) ? text.replace(/^1 /, "1\u00ba ") : text;
  }

  /** A date (YYYY-MM-DD) in the words of the page. */
  function formatDay(day) {
    var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
    if (!parts) {
      return day;
    }
    try {
      return dateText(new Date(Date.UTC(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3]))),
        { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }, Number(parts[3]));
    } catch (e) {
      return day;
    }
  }

  /** Rows of the comparison: {field, claimed: [texts] | null, published: [texts], result,
   *  notes, numbers}; a text is a string or a message (Said); ``numbers``: the outcomes'
   *  numbers in each column ({claimed, published}), as the pages number them. */
  function compare(claimed, published) {
    var rows = [];
    function row(field, claimedTexts, publishedTexts, same, notes, inPart, numbers) {
      rows.push({
        field: field,
        claimed: claimedTexts,
        published: publishedTexts,
        result: claimedTexts === null ? "unstated" : !same ? "differs" : inPart ? "partial" : "same",
        notes: notes || [],
        numbers: numbers || null
      });
    }
    var titles = published.title ? [shown(published.title)] : [];
    var claimedMaps = claimed.titles || (claimed.title ? [claimed.title] : []);
    if (claimedMaps.length) {
      var claimedTitles = [];
      claimedMaps.forEach(function (map) {
        Object.keys(map).sort().forEach(function (k) { claimedTitles.push(marked(map[k], k)); });
      });
      var unique = distinct(claimedTitles);
      // which of the titles it states (the claim's and its specification's, in every
      // language) the catalogue did not publish: among six titles, the changed ones are named
      var titleNotes = [];
      var noted = Object.create(null);
      claimedMaps.forEach(function (map) {
        differing(map, published.title).forEach(function (lang) {
          var text = map[lang];
          if (noted[text] !== true) {
            noted[text] = true;
            titleNotes.push(sayMarked("title_extra", { text: text }, { text: textLang[text] }));
          }
        });
      });
      row("title", unique, titles, titleNotes.length === 0, titleNotes);
    } else {
      row("title", null, titles, true);
    }
    function single(field, a, b, text) {
      // stated on neither side (no ECTS: a credential of hours; no hours): no row, as
      // "Not stated / — / —" says nothing
      if (a === null && b === null) {
        return;
      }
      row(
        field,
        a === null ? null : [text(a)],
        b === null ? [] : [text(b)],
        a !== null && b !== null && Math.abs(a - b) < 1e-9
      );
    }
    single("eqf", claimed.eqf, published.eqf, function (n) { return say("eqf_value", { level: n }); });
    if (claimed.eqfLabel && rows.length && rows[rows.length - 1].field === "eqf") {
      // a concept whose label names another level than its address: either may be read
      var eqfRow = rows[rows.length - 1];
      eqfRow.result = "differs";
      eqfRow.notes.push(sayMarked("eqf_label", { label: claimed.eqfLabel, level: claimed.eqf },
        { label: textLang[claimed.eqfLabel] }));
    }
    compareDescription(claimed.description || null, published.description || null, row);
    single("credits", claimed.credits, published.credits, formatNumber);
    single("workload", claimed.hours, published.hours, function (n) {
      return say("hours", { n: formatNumber(n) });
    });
    // the outcomes as the pages number them (published.outcomes: in that order, numbered);
    // ``proved``: the number a claimed outcome has → the number of the published one it is
    var numbers = function (outcomes) { return outcomes.map(function (o) { return o.number; }); };
    var proved = null;
    if (claimed.outcomes === null) {
      row("outcomes", null, published.outcomes.map(function (o) { return o.text; }), true, [], false,
        { published: numbers(published.outcomes) });
    } else {
      var notes = [];
      proved = {};
      // which published outcome each claimed one is (pairOutcomes: the same, else reworded)
      var paired = pairOutcomes(claimed.outcomes, published.outcomes);
      var matched = paired.filter(function (i) { return i >= 0; });
      claimed.outcomes.forEach(function (o, n) {
        var hit = paired[n];
        if (hit < 0) {
          var extra = distinctText(o.map, published.outcomes);
          notes.push(sayMarked("outcome_extra", { text: extra }, { text: textLang[extra] }));
          return;
        }
        proved[o.number] = published.outcomes[hit].number;
        rewordingNotes(o.map, published.outcomes[hit].map).forEach(function (note) { notes.push(note); });
      });
      published.outcomes.forEach(function (p, i) {
        if (matched.indexOf(i) < 0) {
          var missing = distinctText(p.map, claimed.outcomes);
          notes.push(sayMarked("outcome_missing", { text: missing }, { text: textLang[missing] }));
        }
      });
      row(
        "outcomes",
        claimed.outcomes.map(function (o) { return o.text; }),
        published.outcomes.map(function (o) { return o.text; }),
        notes.length === 0,
        notes,
        false,
        { claimed: numbers(claimed.outcomes), published: numbers(published.outcomes) }
      );
    }
    compareAssessments(claimed.assessments, published.assessments, row, proved);
    if (claimed.awarding === null) {
      row("awarding", null, published.awarding.map(orgText), true);
    } else {
      // each awarding body paired with the catalogue's of its id (else its name), and named
      // the same in the languages both state, as titles are compared
      claimed.awarding.forEach(function (org) { plainNameLanguage(org, published.awarding); });
      var orgNotes = [];
      // notes on a body that is the same: named as it was when versions were released, or
      // as the catalogue names it in another language than the row shows
      var thenNotes = [];
      var used = [];
      claimed.awarding.forEach(function (org) {
        var hit = -1;
        var sameId = -1;
        published.awarding.forEach(function (p, i) {
          if (used.indexOf(i) >= 0) {
            return;
          }
          if (hit < 0 && sameBody(org, p)) {
            hit = i;
          }
          if (sameId < 0 && sameOrg(org, p)) {
            sameId = i;
          }
        });
        var alike = hit >= 0;  // named as the catalogue names it (not by an earlier name)
        if (hit < 0 && sameId >= 0) {
          hit = sameId;
          var then = formerName(org, published.awarding[sameId]);
          if (then) {
            thenNotes.push(then);
          } else {
            orgNotes = orgNotes.concat(nameNotes(org, published.awarding[sameId]));
          }
        }
        if (hit < 0) {
          orgNotes.push(sayMarked("outcome_extra", { text: orgText(org) }, { text: textLang[orgText(org)] }));
        } else {
          used.push(hit);
          var inLanguage = alike ? nameInLanguage(org, published.awarding[hit]) : null;
          if (inLanguage) {
            thenNotes.push(inLanguage);
          }
        }
      });
      published.awarding.forEach(function (p, i) {
        if (used.indexOf(i) < 0) {
          orgNotes.push(sayMarked("outcome_missing", { text: orgText(p) }, { text: textLang[orgText(p)] }));
        }
      });
      row("awarding", claimed.awarding.map(orgText), published.awarding.map(orgText),
        orgNotes.length === 0, orgNotes.concat(thenNotes));
    }
    compareIssuer(claimed.issuer || null, published.awarding, row);
    compareQuality(claimed.quality, published.quality, row);
    return rows;
  }

  // --- outcomes: the same, reworded, or another -------------------------------------------
  //
  // The rule (one for every outcome): a claimed outcome is the published one that is the same
  // in every language it states. Else it is a published one reworded when, in every language
  // both state (or, where they share none, in its closest texts), the two texts share at least
  // REWORDED of their words (Dice's coefficient of their sets of words, case and punctuation
  // aside): a few words changed. A text whose words are mostly others ("Can build a rocket
  // engine from scratch" for an outcome on SQL) is another outcome, even where another
  // language's text is still the catalogue's: it is said as one not published by the
  // catalogue, and the catalogue's as one not in the credential, never as a rewording. A
  // rewording says in which languages it differs and shows both texts; a text in a language
  // the catalogue did not publish for that outcome is said as such.
  var REWORDED = 0.5;

  /** The distinct words of a text, lower case (letters and digits of any script). */
  function wordsOf(text) {
    return distinct(str(text).toLowerCase().match(/[\p{L}\p{N}]+/gu) || []);
  }

  /** How much two texts share their words: 1 the same words, 0 none (Dice's coefficient). */
  function overlap(a, b) {
    var x = wordsOf(a);
    var y = wordsOf(b);
    if (!x.length && !y.length) {
      return 1;
    }
    var inY = Object.create(null);
    y.forEach(function (w) { inY[w] = true; });
    var common = x.filter(function (w) { return inY[w] === true; }).length;
    return (2 * common) / (x.length + y.length);
  }

  /** How close a claimed outcome is to a published one: the least overlap over the languages
   *  both state (where they share none, the best over all pairs of their texts). */
  function closeness(mine, theirs) {
    var shared = Object.keys(mine).filter(function (k) {
      return k && Object.prototype.hasOwnProperty.call(theirs, k);
    });
    if (shared.length) {
      return Math.min.apply(null, shared.map(function (k) { return overlap(mine[k], theirs[k]); }));
    }
    var best = 0;
    Object.keys(mine).forEach(function (k) {
      Object.keys(theirs).forEach(function (j) { best = Math.max(best, overlap(mine[k], theirs[j])); });
    });
    return best;
  }

  /** An outcome's text in a language in which no outcome of ``others`` states it (the page's
   *  language first, then English), so that a note names what differs (an outcome whose
   *  German text alone is another's is named by its German text); else the one shown. */
  function distinctText(map, others) {
    var keys = Object.keys(map).sort(function (a, b) {
      return (b === config.lang) - (a === config.lang) || (b === "en") - (a === "en");
    });
    var lang = keys.filter(function (k) {
      return !others.some(function (o) { return o.map && typeof o.map[k] === "string" && sameWords(o.map[k], map[k]); });
    })[0];
    return lang === undefined ? shown(map) : marked(map[lang], lang);
  }

  /** For each claimed outcome, the index of the published outcome it is (-1: none): first
   *  those the same in every language they state, then the closest rewording of the rest
   *  (REWORDED at least), each published outcome paired once. */
  function pairOutcomes(claimed, published) {
    var paired = claimed.map(function () { return -1; });
    var taken = [];
    claimed.forEach(function (o, n) {
      published.forEach(function (p, i) {
        if (paired[n] < 0 && taken.indexOf(i) < 0 && titleSame(o.map, p.map)) {
          paired[n] = i;
          taken.push(i);
        }
      });
    });
    var candidates = [];
    claimed.forEach(function (o, n) {
      if (paired[n] >= 0) {
        return;
      }
      published.forEach(function (p, i) {
        if (taken.indexOf(i) < 0) {
          var score = closeness(o.map, p.map);
          if (score >= REWORDED) {
            candidates.push({ n: n, i: i, score: score });
          }
        }
      });
    });
    candidates.sort(function (a, b) { return (b.score - a.score) || (a.n - b.n) || (a.i - b.i); });
    candidates.forEach(function (c) {
      if (paired[c.n] < 0 && taken.indexOf(c.i) < 0) {
        paired[c.n] = c.i;
        taken.push(c.i);
      }
    });
    return paired;
  }

  /** The notes on a claimed text paired with a published one that differs from it: in the
   *  languages both state, "Differs in English: the credential says …; the catalogue published
   *  …" (the first such language's texts, the page's first); in a language the catalogue did
   *  not publish for it, that the credential alone states it. */
  function rewordingNotes(mine, theirs) {
    var notes = [];
    var has = function (lang) { return Object.prototype.hasOwnProperty.call(theirs, lang); };
    // [language, the credential's text]; a text without a language is taken as in the
    // language of the catalogue's text it is closest to
    var texts = differing(mine, theirs).map(function (lang) {
      if (lang) {
        return [lang, mine[lang]];
      }
      var closest = Object.keys(theirs).filter(Boolean).sort(function (a, b) {
        return overlap(mine[""], theirs[b]) - overlap(mine[""], theirs[a]);
      })[0];
      return [closest === undefined ? "" : closest, mine[""]];
    });
    var both = texts.filter(function (t) { return has(t[0]); }).sort(function (a, b) {
      return (b[0] === config.lang) - (a[0] === config.lang) || (b[0] === "en") - (a[0] === "en");
    });
    var lacked = texts.filter(function (t) { return !has(t[0]); });
    var names = function (list_) { return listOf(list_.map(function (t) { return languageName(t[0]); })); };
    if (both.length) {
      var text = marked(both[0][1], both[0][0]);
      var published = marked(theirs[both[0][0]], both[0][0]);
      notes.push(sayMarked("outcome_reworded", { languages: names(both), text: text, published: published },
        { text: textLang[text], published: textLang[published] }));
    }
    if (lacked.length) {
      var only = marked(lacked[0][1], lacked[0][0]);
      notes.push(sayMarked("outcome_lacked", { languages: names(lacked), text: only }, { text: textLang[only] }));
    }
    return notes;
  }

  /** The row "Description" of a credential whose description (an EDC's specification's, an
   *  Open Badge's achievement's) differs from the published one, in the languages both state
   *  (one the catalogue does not publish must be one of its texts): its texts in those
   *  languages beside the catalogue's. No row where it is the same or states none: a
   *  description is long, and the title row already says what the credential is. */
  function compareDescription(claimed, published, row) {
    if (!claimed || !published) {
      return;
    }
    var langs = Object.keys(claimed).sort().filter(function (lang) {
      var text = claimed[lang];
      if (lang && Object.prototype.hasOwnProperty.call(published, lang)) {
        return !sameWords(published[lang], text);
      }
      return !Object.keys(published).some(function (k) { return sameWords(published[k], text); });
    });
    if (!langs.length) {
      return;
    }
    var mine = langs.map(function (lang) { return marked(claimed[lang], lang); });
    var theirs = langs.filter(function (lang) {
      return lang && Object.prototype.hasOwnProperty.call(published, lang);
    }).map(function (lang) { return marked(published[lang], lang); });
    row("description", mine, theirs, false, [say("description_differs")]);
  }

  /** A concept in the page's words (``names``: config.assessment's, by IRI), else as the file
   *  labels it. */
  function conceptText(concept, names) {
    var known = own(names, concept.id);
    return typeof known === "string" ? known : shown(concept.label) || concept.id;
  }

  function sameConcept(a, b) {
    return a.id || b.id ? a.id === b.id : titleSame(a.label || {}, b.label || {});
  }

  /** The same words, however they are spaced or broken into lines. */
  function sameWords(a, b) {
    return a.replace(/\s+/g, " ").trim() === b.replace(/\s+/g, " ").trim();
  }

  function sameString(a, b) {
    return a === b;
  }

  function sameOrg(a, b) {
    return a.id || b.id ? a.id === b.id : a.name === b.name;
  }

  /** Whether two organisations' names agree in the languages both state (a name without a
   *  language, as an Open Badge states it, must be one of the other's names); ``common``:
   *  and whether they have any to compare at all. */
  function namesAgree(a, b, common) {
    var an = a.names || {};
    var bn = b.names || {};
    var has = function (map, k) { return Object.prototype.hasOwnProperty.call(map, k); };
    var values = function (map) { return Object.keys(map).map(function (k) { return map[k]; }); };
    var compared = false;
    var same = Object.keys(an).every(function (lang) {
      if (!lang || !has(bn, lang)) {
        if (lang) {
          return true;
        }
        compared = true;
        return values(bn).some(function (t) { return sameWords(t, an[lang]); });
      }
      compared = true;
      return sameWords(an[lang], bn[lang]);
    });
    if (same && has(bn, "") && !has(an, "")) {
      compared = true;
      same = values(an).some(function (t) { return sameWords(t, bn[""]); });
    }
    return same && (compared || !common);
  }

  /** The notes on an organisation named otherwise than the catalogue's of its id (``p``):
   *  that its name differs, and in which languages, with the name it states there. */
  function nameNotes(org, p) {
    var notes = [named("assessment_differs", orgText(p), ["name"])];
    var an = org.names || {};
    var bn = p.names || {};
    var langs = Object.keys(an).sort().filter(function (lang) {
      return lang && Object.prototype.hasOwnProperty.call(bn, lang) && !sameWords(an[lang], bn[lang]);
    });
    if (langs.length) {
      var text = marked(an[langs[0]], langs[0]);
      var theirs = marked(bn[langs[0]], langs[0]);
      notes.push(sayMarked("outcome_reworded", {
        languages: listOf(langs.map(languageName)), text: text, published: theirs
      }, { text: textLang[text], published: textLang[theirs] }));
    }
    return notes;
  }

  /** An organisation the credential names with the IRI of ``p`` (published), named in a
   *  language as ``p`` was named when versions naming it were released (config.former_names;
   *  a name without a language, as an Open Badge states it: in any language), and as ``p``
   *  is now in every other language both state: the same organisation. The note that says
   *  so, with its name now, for the page's language where it was renamed in it (else English,
   *  else the first); null where it is named otherwise (or as it is now). */
  function formerName(org, p) {
    var former = org.id && org.id === p.id ? own(FORMER, p.id) : undefined;
    if (!isObject(former)) {
      return null;
    }
    var an = org.names || {};
    var bn = p.names || {};
    var has = function (map, k) { return Object.prototype.hasOwnProperty.call(map, k); };
    var all = function (map) {
      return Object.keys(map).reduce(function (out, k) { return out.concat(list(map[k])); }, []);
    };
    var were = [];
    var same = Object.keys(an).every(function (lang) {
      var name = an[lang];
      var now = lang ? (has(bn, lang) ? [bn[lang]] : []) : all(bn);
      if (now.some(function (t) { return sameWords(str(t), name); })) {
        return true;
      }
      // the language it had that name in (a name without a language: any)
      var then = (lang ? [lang] : Object.keys(former).sort()).filter(function (k) {
        return has(former, k) && list(former[k]).some(function (t) { return sameWords(str(t), name); });
      })[0];
      if (then !== undefined) {
        were.push({ lang: then, name: name });
        return true;
      }
      return lang !== "" && !now.length;  // a language the catalogue names it in neither way
    });
    if (!same || !were.length) {
      return null;
    }
    // the note in the page's language where it was renamed in it, else English, else the
    // first (a credential lists its languages in any order: a German name on an English page
    // would name neither name the row shows)
    var rank = function (w) {
      var i = [config.lang, "en"].indexOf(w.lang);
      return i < 0 ? 2 : i;
    };
    var was = were.reduce(function (best, w) { return rank(w) < rank(best) ? w : best; });
    var nowName = has(bn, was.lang) ? marked(bn[was.lang], was.lang) : shown(bn) || orgText(p);
    var thenName = marked(was.name, was.lang);
    return sayMarked("former_name", { name: thenName, now: nowName },
      { name: textLang[thenName], now: textLang[nowName] });
  }

  /** An organisation the credential names as the catalogue names ``p`` (the same, by
   *  ``sameBody``), whose name the row shows otherwise than ``p``'s (the page's language):
   *  the note that says in which language its name is the catalogue's, with that name, so that
   *  a name in another language marked the same does not puzzle the reader (an Open Badge
   *  names its issuer in the catalogue's default language; a credential may name it in
   *  languages the page is not in). The language of the name shown where the catalogue names
   *  it so in that language, else the page's, English, the first, of those both name it the
   *  same in; null where the row shows the same name, or no language matches. */
  function nameInLanguage(org, p) {
    if (!org.name || !p.name || sameWords(str(org.name), str(p.name))) {
      return null;
    }
    var an = org.names || {};
    var bn = p.names || {};
    var has = function (map, k) { return Object.prototype.hasOwnProperty.call(map, k); };
    var matched = Object.keys(bn).sort().filter(function (lang) {
      var theirs = has(an, lang) ? an[lang] : has(an, "") ? an[""] : null;
      return lang && typeof theirs === "string" && sameWords(theirs, str(bn[lang]));
    });
    var shownLang = Object.keys(an).filter(function (k) { return an[k] === org.name; })[0];
    var rank = function (lang) {
      var i = [shownLang === "" ? null : shownLang, config.lang, "en"].indexOf(lang);
      return i < 0 ? 3 : i;
    };
    if (!matched.length) {
      return null;
    }
    var lang = matched.reduce(function (best, l) { return rank(l) < rank(best) ? l : best; });
    var name = marked(has(an, lang) ? an[lang] : an[""], lang);
    return sayMarked("name_in_language", { language: languageName(lang), name: name },
      { name: textLang[name] });
  }

  /** The same organisation: the same id (or, where neither has one, the same name), named
   *  the same in the languages both state. */
  function sameBody(a, b) {
    if (a.id || b.id) {
      return a.id === b.id && namesAgree(a, b, false);
    }
    return namesAgree(a, b, true);
  }

  /** An organisation as a line: its name and, where it has one, its id (in smaller type). */
  function orgWithId(org) {
    if (org.name && org.id) {
      var said = sayMarked("org_with_id", { name: org.name, id: org.id }, { name: textLang[org.name] });
      said.parts.forEach(function (part) {
        if (part.text === org.id) {
          part.cls = "credcat-check__id";
        }
      });
      return said;
    }
    return orgText(org);
  }

  /** The row "Issued by": the credential's issuer, its name and id, beside the awarding bodies
   *  the catalogue published for the version; another organisation, or the same one named
   *  otherwise, differs. Returns whether it did. */
  function compareIssuer(issuer, bodies, row) {
    if (!issuer) {
      row("issuer", null, bodies.map(orgWithId), true);
      return false;
    }
    plainNameLanguage(issuer, bodies);
    var body = bodies.filter(function (b) { return sameBody(issuer, b); })[0];
    var same = body !== undefined;
    var inLanguage = same ? nameInLanguage(issuer, body) : null;
    var notes = inLanguage ? [inLanguage] : [];
    if (!same) {
      var named_ = bodies.filter(function (b) { return issuer.id && b.id === issuer.id; })[0];
      var then = named_ ? formerName(issuer, named_) : null;
      if (then) {  // the same organisation, named as it was when versions were released
        same = true;
        notes = [then];
      } else {
        notes = named_ ? nameNotes(issuer, named_) : [say("issuer_other")];
      }
    }
    row("issuer", [orgWithId(issuer)], bodies.map(orgWithId), same, notes);
    return !same;
  }

  /** One assessment as a line: "Title: type · supervision and identity check · grading"
   *  (and the holder's grade, where the credential states one). */
  function assessmentLine(a) {
    var names = config.assessment || {};
    var type = a.type ? conceptText(a.type, own(names, "types")) : "";
    var details = [
      a.type ? type : say("type_unstated"),
      a.verification ? conceptText(a.verification, own(names, "verifications")) :
        say("verification_unstated"),
      a.grading ?
        sayMarked("grading_value", { text: shown(a.grading) }, { text: textLang[shown(a.grading)] }) :
        say("grading_unstated")
    ];
    if (a.grade) {
      details.push(sayMarked("grade_value", { grade: shown(a.grade) }, { grade: textLang[shown(a.grade)] }));
    }
    var title = a.text || type || say("nothing");
    return sayMarked("assessment_item", { title: title, details: joinSaid(details, " · ") },
      { title: textLang[title] });
  }

  /** The numbers of the outcomes an assessment of an Open Badge proves, as the catalogue
   *  numbers them: each through the outcome the badge gives that number (``proved``: its
   *  number → the published outcome's), as they are where its outcomes are not stated. */
  function provedAs(list_, proved) {
    return list_.map(function (n) {
      if (!proved) {
        return String(n);
      }
      return Object.prototype.hasOwnProperty.call(proved, n) ? String(proved[n]) : "?" + n;
    }).sort().join(",");
  }

  function sortedNumbers(list_) {
    return list_.map(String).sort().join(",");
  }

  /** The aspects an assessment is compared on: [aspect, the credential's, the catalogue's,
   *  same?]; null where a side does not state it. An Open Badge states its assessments in its
   *  criteria's narrative (``said``), in words of its language: they are compared with the
   *  narrative the catalogue published in that language (``p.said``), which words them so. */
  function aspectsOf(a, p, proved) {
    if (a.said) {
      var n = a.said;
      var q = p.said || {};
      var how = function (x) {
        return typeof x.identity === "string" ? x.supervision + "; " + x.identity : null;
      };
      return [
        ["type", n.type, typeof q.type === "string" ? q.type : null, sameString],
        ["verification", how(n), how(q), sameString],
        ["proves", n.proves === null ? null : provedAs(n.proves, proved),
          Array.isArray(q.proves) ? sortedNumbers(q.proves) : null, sameString],
        ["description", n.description, typeof q.description === "string" ? q.description : null, sameWords]
      ];
    }
    return [
      ["type", a.type, p.type, sameConcept],
      ["verification", a.verification, p.verification, sameConcept],
      ["grading", a.grading, p.grading, titleSame],
      ["description", a.description, p.description, titleSame]
    ];
  }

  /** An Open Badge's assessment, shown: its type and supervision in the page's words where
   *  they are the catalogue's (``same``), else in the words of the badge. */
  function resolveSaid(a, p, same) {
    if (!a.said) {
      return;
    }
    var n = a.said;
    a.type = p && same.type && p.type ? p.type :
      n.type ? { id: "", label: textIn(n.type, a.lang) } : null;
    a.verification = p && same.verification && p.verification ? p.verification :
      typeof n.identity === "string" ?
        { id: "", label: textIn(n.supervision ? n.supervision + ", " + n.identity : n.identity, a.lang) } :
        null;
  }

  /** Notes on one item compared aspect by aspect: what differs and what it does not state. */
  function named(key, text, aspects, inLanguages) {
    return sayMarked(key, {
      title: text,
      aspects: listOf(aspects.map(function (aspect) {
        var langs = inLanguages && inLanguages[aspect];
        return langs && langs.length ? say("aspect_in_languages", {
          aspect: say("aspect_" + aspect), languages: listOf(langs.map(languageName))
        }) : say("aspect_" + aspect);
      }))
    }, { title: textLang[text] });
  }

  /** The languages in which a text the credential states (a language map) is one the
   *  catalogue did not publish in that language at all (a translation the catalogue lacks):
   *  [] where it differs in a language both state too, or does not differ. */
  function lackedLanguages(mine, theirs) {
    if (!mine || !theirs) {
      return [];
    }
    var langs = differing(mine, theirs);
    var lacked = langs.filter(function (lang) {
      return lang && !Object.prototype.hasOwnProperty.call(theirs, lang);
    });
    return lacked.length === langs.length ? lacked : [];
  }

  /** The same text in every language both state (at least one): a translation one side
   *  lacks is not another text. Where they share no language, the same as titleSame. */
  function sameInShared(a, b) {
    var shared = Object.keys(a).filter(function (k) {
      return k && Object.prototype.hasOwnProperty.call(b, k);
    });
    return shared.length ? shared.every(function (k) { return sameWords(a[k], b[k]); }) : titleSame(a, b);
  }

  /** Pairs the credential's items with the catalogue's (``pair``: an index into published,
   *  or -1) and compares each pair aspect by aspect (``aspects``: [aspect, mine, theirs,
   *  same?]); ``line`` shows an item. Returns {claimed, notes, differs, inPart}. */
  function compareItems(claimed, published, pair, aspects, line, resolve) {
    var matched = [];
    var notes = [];
    var differs = false;
    var inPart = false;
    claimed.forEach(function (a) {
      var hit = pair(a, matched);
      if (hit < 0) {
        differs = true;
        if (resolve) {
          resolve(a, null, {});
        }
        notes.push(sayMarked("outcome_extra", { text: line(a) }));
        return;
      }
      matched.push(hit);
      var p = published[hit];
      var differ = [];
      var unstated = [];
      var inLanguages = {};  // an aspect that differs only by a translation the catalogue lacks
      if (a.title && p.title && !titleSame(a.title, p.title)) {
        differ.push("title");
        inLanguages.title = lackedLanguages(a.title, p.title);
      }
      aspects(a, p).forEach(function (aspect) {
        var mine = aspect[1];
        var theirs = aspect[2];
        if (mine === null || mine === undefined) {
          if (theirs !== null && theirs !== undefined) {
            unstated.push(aspect[0]);
          }
        } else if (theirs === null || theirs === undefined || !aspect[3](mine, theirs)) {
          differ.push(aspect[0]);
          if (aspect[3] === titleSame) {
            inLanguages[aspect[0]] = lackedLanguages(mine, theirs);
          }
        }
      });
      // the specification's own copy of it (an EDC states it twice): what it states differs
      // as the first copy's would (what it leaves out is said of the first)
      if (a.copy) {
        if (a.copy.title && p.title && !titleSame(a.copy.title, p.title) && differ.indexOf("title") < 0) {
          differ.push("title");
        }
        aspects(a.copy, p).forEach(function (aspect) {
          var mine = aspect[1];
          if (mine !== null && mine !== undefined && differ.indexOf(aspect[0]) < 0 &&
              (aspect[2] === null || aspect[2] === undefined || !aspect[3](mine, aspect[2]))) {
            differ.push(aspect[0]);
          }
        });
      }
      if (resolve) {
        resolve(a, p, { type: differ.indexOf("type") < 0, verification: differ.indexOf("verification") < 0 });
      }
      var text = p.text || a.text;
      if (differ.length) {
        differs = true;
        notes.push(named("assessment_differs", text, differ, inLanguages));
      }
      if (unstated.length) {
        inPart = true;
        notes.push(named("assessment_unstated", text, unstated));
      }
    });
    published.forEach(function (p, i) {
      if (matched.indexOf(i) < 0) {
        differs = true;
        notes.push(sayMarked("outcome_missing", { text: p.text }, { text: textLang[p.text] }));
      }
    });
    return { notes: notes, differs: differs, inPart: inPart };
  }

  /** The index of the published item an item is: the one of its IRI, else of its title (the
   *  same in every language it states, else in the languages both state: a translation one
   *  side lacks does not make it another item; compareItems names it as a title that differs
   *  in that language). */
  function pairer(published) {
    return function (a, matched) {
      var hit = -1;
      var free = function (i) { return hit < 0 && matched.indexOf(i) < 0; };
      published.forEach(function (p, i) {
        if (free(i) && a.id && a.id === p.id) {
          hit = i;
        }
      });
      [titleSame, sameInShared].forEach(function (same) {
        published.forEach(function (p, i) {
          if (free(i) && a.title && p.title && same(a.title, p.title)) {
            hit = i;
          }
        });
      });
      return hit;
    };
  }

  /** The row "How it was assessed": the assessments paired by their specification's IRI (else
   *  their title), each compared on title, type, supervision and identity check, grading and
   *  description (an Open Badge's: on what its narrative states, the outcomes each proves
   *  included); an assessment one side has and the other not differs, as an outcome does; an
   *  aspect the credential leaves out is named, and makes the row "the same as far as
   *  stated". */
  function compareAssessments(claimed, published, row, proved) {
    if (claimed === null) {
      if (published.length) {
        row("assessment", null, published.map(assessmentLine), true);
      }
      return;
    }
    var result = compareItems(claimed, published, pairer(published), function (a, p) {
      return aspectsOf(a, p, proved);
    }, function (a) {
      return assessmentLine(a);
    }, resolveSaid);
    row("assessment", claimed.map(assessmentLine), published.map(assessmentLine), !result.differs,
      result.notes, result.inPart);
  }

  /** One quality assurance as a line: "Title: the body that carries it out · valid until …". */
  function qualityLine(q) {
    var title = q.text || (q.type ? shown(q.type.label) : "") || say("nothing");
    var body = q.agent ? orgText(q.agent) : say("nothing");
    var line = sayMarked("quality_item", { title: title, body: body },
      { title: textLang[title], body: textLang[body] });
    return q.until ? joinSaid([line, say("valid_until", { date: formatDay(q.until) })], " · ") : line;
  }

  /** The row "Quality assurance": each accreditation the specification states, paired as
   *  assessments are, compared on title, type, the body that carries it out, description,
   *  expiry and report. No row where neither side states any. */
  function compareQuality(claimed, published, row) {
    if (claimed === null) {
      if (published.length) {
        row("quality", null, published.map(qualityLine), true);
      }
      return;
    }
    if (!claimed.length && !published.length) {
      return;
    }
    var some = function (text) { return text || null; };
    var result = compareItems(claimed, published, pairer(published), function (a, p) {
      return [
        ["quality_type", a.type, p.type, sameConcept],
        ["body", a.agent, p.agent, sameOrg],
        ["description", a.description, p.description, titleSame],
        ["valid_until", some(a.until), some(p.until), sameString],
        ["report", some(a.report), some(p.report), sameString]
      ];
    }, qualityLine, null);
    row("quality", claimed.map(qualityLine), published.map(qualityLine), !result.differs,
      result.notes, result.inPart);
  }

  /** The row "Issue date" of a credential issued before its version was published (a
   *  finding, not a match): the date it was issued, beside the date the version was. No row
   *  otherwise: the dates it states are said with how it was read. */
  function compareIssued(dates, released, version, rows) {
    if (!dates.issued || !released || dates.issued.time >= released.time) {
      return;
    }
    rows.push({
      field: "issued",
      claimed: [formatDay(dates.issued.day)],
      published: [say("version_published", { version: version, date: formatDay(released.day) })],
      result: "differs",
      label: say("issued_early"),
      notes: [say("issued_before", { version: version, date: formatDay(released.day) })],
      numbers: null
    });
  }

  /** The findings on a credential's dates on the reader's today: expired, not yet valid,
   *  and that a status it names (revocation) is not checked here. */
  function dateFlags(dates) {
    var now = Date.now();
    var d = new Date(now);  // the reader's today, in the reader's time zone
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    var today = formatDay(d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()));
    var flags = [];
    if (dates.until && dates.until.time < now) {
      flags.push(["expired", say("flag_expired", { date: formatDay(dates.until.day), today: today })]);
    }
    if (dates.issued && dates.issued.time > now) {
      flags.push(["not-yet-valid", say("flag_not_yet_valid", { date: formatDay(dates.issued.day), today: today })]);
    }
    if (dates.status) {
      flags.push(["status", say("flag_status")]);
    }
    return flags;
  }

  /** "Issued on … · valid until …": the dates a credential states. */
  function datesLine(dates) {
    return [
      dates.issued ? say("dates_issued", { date: formatDay(dates.issued.day) }) : say("dates_issued_unstated"),
      dates.until ? say("valid_until", { date: formatDay(dates.until.day) }) : say("dates_no_expiry")
    ].join(" · ");
  }

  /** The same in every language both state (a translation added or dropped is no change). */
  function sameInCommon(a, b) {
    if (!a || !b) {
      return !a && !b;
    }
    var common = Object.keys(a).filter(function (k) {
      return k && Object.prototype.hasOwnProperty.call(b, k);
    });
    return common.length ? common.every(function (k) { return sameWords(a[k], b[k]); }) : titleSame(a, b);
  }

  function sameConceptOrNone(a, b) {
    return a && b ? sameConcept(a, b) : !a && !b;
  }

  /** The part of an IRI after its "#" (``#outcome-x``: the same item in every version's file,
   *  as the version pages pair them), else "". */
  function fragmentOf(iri) {
    var at = str(iri).indexOf("#");
    return at >= 0 ? str(iri).slice(at) : "";
  }

  /** The items of two versions paired: by their IRI's fragment (the item's id in the
   *  catalogue, as each version page's list of what changed pairs them), else by ``same``.
   *  {pairs: [[older, current]], removed: [older], added: [current]}. */
  function pairAcross(older, current, same) {
    var used = [];
    var pairs = [];
    // one pass: each item of ``items`` paired with the first current item not yet used that
    // ``match``es it; the ones left unpaired are returned
    function pass(items, match) {
      return items.filter(function (a) {
        var hit = -1;
        current.forEach(function (b, i) {
          if (hit < 0 && used.indexOf(i) < 0 && match(a, b)) hit = i;
        });
        if (hit < 0) return true;
        used.push(hit);
        pairs.push([a, current[hit]]);
        return false;
      });
    }
    var left = pass(older, function (a, b) {
      return fragmentOf(a.id) && fragmentOf(a.id) === fragmentOf(b.id);
    });
    var removed = pass(left, same);
    return {
      pairs: pairs,
      removed: removed,
      added: current.filter(function (b, i) { return used.indexOf(i) < 0; })
    };
  }

  /** What changed in the outcomes and the assessments of a version by the current one, as
   *  their files tell (texts compared in the languages both have: a translation added is no
   *  change): {outcomes, assessment} (true where they changed) and ``items``, each change as a
   *  line under the status: an outcome added, removed or reworded (its current text; a removed
   *  one's earlier text), an assessment added, removed, or changed (its title, "earlier →
   *  current" where it was renamed, and the aspects that changed). */
  function changesSince(older, current) {
    var items = [];
    var outcomes = pairAcross(older.outcomes, current.outcomes, function (a, b) {
      return sameInCommon(a.map, b.map);
    });
    var mark = function (text) { return { text: text }; };
    var langs = function (text) { return { text: textLang[text] }; };
    outcomes.added.forEach(function (b) {
      items.push(sayMarked("since_outcome_added", mark(b.text), langs(b.text)));
    });
    outcomes.pairs.forEach(function (pair) {
      if (!sameInCommon(pair[0].map, pair[1].map)) {
        items.push(sayMarked("since_outcome_reworded", mark(pair[1].text), langs(pair[1].text)));
      }
    });
    outcomes.removed.forEach(function (a) {
      items.push(sayMarked("since_outcome_removed", mark(a.text), langs(a.text)));
    });
    var outcomeItems = items.length;
    var assessments = pairAcross(older.assessments, current.assessments, function (a, b) {
      return sameInCommon(a.title, b.title);
    });
    var titled = function (a) { return a.text || (a.type ? conceptText(a.type, own(config.assessment || {}, "types")) : say("nothing")); };
    assessments.added.forEach(function (b) {
      items.push(sayMarked("since_assessment_added", { title: titled(b) }, { title: textLang[titled(b)] }));
    });
    assessments.pairs.forEach(function (pair) {
      var a = pair[0];
      var b = pair[1];
      var aspects = [];
      if (!sameInCommon(a.title, b.title)) {
        aspects.push("title");
      }
      if (!sameConceptOrNone(a.type, b.type)) {
        aspects.push("type");
      }
      if (!sameConceptOrNone(a.verification, b.verification)) {
        aspects.push("verification");
      }
      if (!sameInCommon(a.grading, b.grading)) {
        aspects.push("grading");
      }
      if (!sameInCommon(a.description, b.description)) {
        aspects.push("description");
      }
      if (aspects.length) {
        var title = aspects[0] === "title" && titled(a) !== titled(b) ?
          joinSaid([titled(a), titled(b)], " → ") : titled(b);
        items.push(sayMarked("since_assessment_changed", {
          title: title,
          aspects: listOf(aspects.map(function (aspect) { return say("aspect_" + aspect); }))
        }, { title: textLang[String(title)] }));
      }
    });
    assessments.removed.forEach(function (a) {
      items.push(sayMarked("since_assessment_removed", { title: titled(a) }, { title: textLang[titled(a)] }));
    });
    return {
      outcomes: outcomeItems > 0,
      assessment: items.length > outcomeItems,
      items: items
    };
  }

  /** A catalogue.json entry (format 4, short keys; see docs/data.md) in the words used here. */
  function fromIndex(e) {
    if (!e) return e;
    return {
      id: e.i, title: str(e.t), status: str(e.st), version: str(e.v),
      // the title's language where it is not credcat's words' (catalogue.json's tl)
      titleLangs: typeof e.tl === "string" && LANG_TAG.test(e.tl) ? { title: e.tl } : {},
      // the versions published at their permanent address: without vs, the current one alone
      // (a draft's version not released has none: vs lists the others, [] if there are none)
      versions: (Array.isArray(e.vs) ? e.vs : [e.v]).map(function (v) { return { version: str(v) }; }),
      superseded_by: typeof e.sb === "string" ? e.sb : null
    };
  }

  /** What a credential not from this catalogue states of itself (nothing is compared): the
   *  title of what it claims (its first claim's, else the one a viewer shows), who issued it,
   *  the dates it states, and an address it names that is this catalogue's but for its start
   *  (http:// for https://) or its host (``near``: {iri, kind: scheme | host}). */
  function foreignOf(found) {
    var claim = found.claims[0] || null;
    var titles = claim ? claim.claimed.titles || [] : [];
    var title = claim ? shown(claim.claimed.title) || shown(titles[titles.length - 1] || null) : "";
    var near = null;
    found.claims.forEach(function (c) {
      c.iris.forEach(function (iri) {
        var kind = near ? null : nearBase(iri);
        if (kind) {
          near = { iri: iri, kind: kind };
        }
      });
    });
    return { kind: found.kind, title: title, issuer: found.issuer, dates: found.dates, near: near };
  }

  /** "scheme" where an IRI is the address of a credential's version under this catalogue's
   *  base_uri but for its scheme (http:// and https://), "host" where it has that path under
   *  another host; "" otherwise. */
  function nearBase(iri) {
    var u;
    var b;
    try {
      u = new URL(str(iri));
      b = new URL(str(config.base_uri));
    } catch (e) {
      return "";
    }
    if (!/^https?:$/.test(u.protocol) || str(iri).indexOf(str(config.base_uri)) === 0) {
      return "";
    }
    var path = u.pathname + u.search + u.hash;
    if (path.indexOf(b.pathname) !== 0 || !SPEC_PATH.test(path.slice(b.pathname.length))) {
      return "";
    }
    if (u.host === b.host) {
      return u.protocol !== b.protocol ? "scheme" : "";
    }
    return "host";
  }

  /** For a credential not from this catalogue: what it states of itself, a hint where the
   *  address it names is nearly this catalogue's, and where else to check it (the EDC viewer,
   *  an Open Badges verifier: links, left off paper). */
  function foreignBlock(foreign) {
    var box = el("div", "credcat-check__foreign");
    box.appendChild(el("p", "", say("foreign_states")));
    var facts = el("ul");
    var title = foreign.title;
    facts.appendChild(put(el("li"), title ?
      sayMarked("foreign_title", { title: title }, { title: textLang[title] }) :
      say("foreign_title", { title: say("nothing") })));
    var issuer = foreign.issuer;
    facts.appendChild(put(el("li"), sayMarked("foreign_issuer", { issuer: issuer ? orgWithId(issuer) : say("nothing") })));
    facts.appendChild(el("li", "credcat-check__dates", datesLine(foreign.dates)));
    box.appendChild(facts);
    if (foreign.near) {
      var b = new URL(str(config.base_uri));
      var u = new URL(foreign.near.iri);
      var hint = el("p", "credcat-check__near", say(foreign.near.kind === "scheme" ? "near_scheme" : "near_host", {
        iri: foreign.near.iri,
        base: config.base_uri,
        named: foreign.near.kind === "scheme" ? u.protocol + "//" : u.host,
        ours: foreign.near.kind === "scheme" ? b.protocol + "//" : b.host
      }));
      hint.setAttribute("data-credcat-near", foreign.near.kind);
      box.appendChild(hint);
    }
    var links = el("ul", "credcat-check__links");
    var item = el("li");
    item.appendChild(foreign.kind === "ob3" ?
      link(str(config.verifier), say("link_ob3_verifier")) :
      link(str(config.viewer), say("link_edc_viewer")));
    links.appendChild(item);
    box.appendChild(links);
    return box;
  }

  /** The status badge of a version: "superseded" only for a credential another replaced; an
   *  earlier version of a credential still offered is an earlier version. */
  function statusOf(entry, version) {
    var status = str(entry.status);
    if (status === "retired" || status === "draft" || status === "superseded") {
      return status;
    }
    return version !== entry.version ? "earlier" : "current";
  }

  /** What an Open Badge does not carry: no row of it makes a badge's result partial (and
   *  its assessments' grading is not compared). */
  var BADGE_LACKS = ["workload", "quality"];

  var VERDICT_WORDS = {
    match: "verdict_match",
    partial: "verdict_partial",
    differences: "verdict_differences",
    unstated: "verdict_unstated"
  };

  /** Read, match and compare: a Promise of the verdict (plain data, also shown on the page). */
  function check(text) {
    var found;
    try {
      found = read(text);
    } catch (error) {
      return Promise.resolve(refused(error));
    }
    var claim = null;
    var at = null;
    var ours = 0;  // claims naming a specification of this catalogue: the first is compared
    for (var i = 0; i < found.claims.length; i++) {
      var located = locateAny(found.claims[i].iris);
      if (located) {
        ours++;
        if (!at) {
          at = located;
          claim = found.claims[i];
        }
      }
    }
    var verdict = {
      verdict: "", kind: found.kind, form: found.form, vc: found.vc, message: "", presented: found.presented
    };
    verdict.others = Math.max(0, ours - 1);
    if (at && found.template) {  // the file an issuer starts from, not a credential of a person
      verdict.verdict = "template";
      verdict.message = say("verdict_template");
      return Promise.resolve(verdict);
    }
    if (!at) {
      verdict.verdict = "not-ours";
      verdict.message = say("verdict_not_ours", { base: config.base_uri });
      verdict.foreign = foreignOf(found);
      return Promise.resolve(verdict);
    }
    verdict.id = at.id;
    verdict.version = at.version;
    return loadCatalogue().then(function (data) {
      var entry = fromIndex(list(own(data, "credentials")).filter(function (e) { return isObject(e) && e.i === at.id; })[0]);
      if (!entry) {
        verdict.verdict = "no-credential";
        verdict.message = say("verdict_no_credential", { id: at.id });
        return verdict;
      }
      verdict.title = str(entry.title);
      var successor = entry.superseded_by === null ? null : fromIndex(list(own(data, "credentials")).filter(function (e) {
        return isObject(e) && e.i === entry.superseded_by;
      })[0]);
      entry.successor = successor && successor.title ? successor : null;
      var versions = list(entry.versions).map(function (v) { return isObject(v) ? str(v.version) : ""; });
      if (versions.indexOf(at.version) < 0) {
        // not published: unknown, or the version of a draft, which is not released
        var draft = at.version === entry.version && entry.status === "draft";
        verdict.verdict = "no-version";
        verdict.message = sayMarked(draft ? "verdict_draft_version" : "verdict_no_version",
          { version: at.version, title: entry.title }, entry.titleLangs);
        // what does exist, and where to read it (a draft has no page to link)
        if (entry.status !== "draft" && versions.indexOf(entry.version) >= 0) {
          verdict.known = { id: at.id, versions: versions, current: entry.version };
        }
        return verdict;
      }
      verdict.status = statusOf(entry, at.version);
      verdict.entry = entry;
      // an Open Badge's narrative is compared with the one the catalogue published
      var narrated = found.kind === "ob3" && claim.claimed.assessments !== null;
      // an earlier version: whether the current one has other outcomes or assessments
      var later = at.version !== entry.version && versions.indexOf(entry.version) >= 0;
      return Promise.all([
        loadPublished(at.id, at.version),
        narrated ? loadNarrative(at.id, at.version, at.file, claim.lang) : null,
        later ? loadPublished(at.id, entry.version) : null
      ]).then(function (loaded) {
        var published = loaded[0];
        if (!published) {
          verdict.verdict = "unavailable";
          verdict.message = say("published_missing", { version: at.version });
          return verdict;
        }
        var told = loaded[1];
        if (narrated && told && told.assessments &&
            told.assessments.length === published.assessments.length) {
          published.assessments.forEach(function (p, i) { p.said = told.assessments[i]; });
        } else if (narrated) {
          claim.claimed.assessments = null;  // no narrative of the catalogue's to compare with
        }
        if (loaded[2]) {
          var since = changesSince(published, loaded[2]);
          verdict.since = since.outcomes && since.assessment ? "both" :
            since.outcomes ? "outcomes" : since.assessment ? "assessment" : "same";
          verdict.sinceItems = since.items;
        }
        verdict.rows = compare(claim.claimed, published);
        compareIssued(found.dates, published.released, at.version, verdict.rows);
        verdict.dates = found.dates;
        var issuerRow = verdict.rows.filter(function (r) { return r.field === "issuer"; })[0];
        if (issuerRow && issuerRow.result === "differs") {
          verdict.issuer = sayMarked("verdict_issuer", {
            issuer: orgText(claim.claimed.issuer),
            version: at.version,
            bodies: listOf(published.awarding.map(orgText))
          }, { issuer: textLang[orgText(claim.claimed.issuer)] });
        }
        var differs = verdict.rows.some(function (r) { return r.result === "differs"; });
        var stated = verdict.rows.some(function (r) { return r.result !== "unstated"; });
        // what it does not state is never called a match: the verdict says that it matches
        // in what it states, and names the rest
        // what an Open Badge cannot carry (workload, quality assurance) is said once, and
        // is not among what it leaves out
        if (found.kind === "ob3") {
          verdict.rows.forEach(function (r) {
            if (r.result === "unstated" && BADGE_LACKS.indexOf(r.field) >= 0) {
              r.lacks = true;
            }
          });
          verdict.lacks = verdict.rows.filter(function (r) { return r.lacks; })
            .map(function (r) { return r.field; });
        }
        verdict.unstated = verdict.rows.filter(function (r) { return r.result === "unstated" && !r.lacks; })
          .map(function (r) { return r.field; });
        verdict.inPart = verdict.rows.filter(function (r) { return r.result === "partial"; })
          .map(function (r) { return r.field; });
        verdict.verdict = differs ? "differences" : !stated ? "unstated" :
          verdict.unstated.length || verdict.inPart.length ? "partial" : "match";
        var words_ = found.kind === "ob3" && verdict.verdict === "match" ? "verdict_match_badge" :
          VERDICT_WORDS[verdict.verdict];
        verdict.message = sayMarked(words_, { version: at.version, title: entry.title }, entry.titleLangs);
        return verdict;
      });
    }, function () {
      return refused(new Refusal("error_read"));
    });
  }

  function refused(error) {
    var code = error instanceof Refusal ? error.code : "error_not_credential";
    var values = error instanceof Refusal ? error.values : {};
    return { verdict: "error", code: code, message: say(code, values) };
  }

  // what a text baked into a badge image is when it reads as no JSON nor JWS (not "check that
  // you copied all of it": nobody copied it)
  var BAKED_UNREAD = ["error_empty", "error_json", "error_file_kind"];

  /** Check a file's bytes or a text (a credential, or a badge image with one baked in): a
   *  Promise of the verdict, which names the image (``baked``) a credential was read from. */
  function checkInput(input) {
    return unbake(input).then(function (got) {
      return check(got.text).then(function (verdict) {
        if (!got.baked) {
          return verdict;
        }
        if (verdict.verdict === "error" && BAKED_UNREAD.indexOf(verdict.code) >= 0) {
          verdict = refused(new Refusal("error_baked_json", { kind: got.baked }));
        }
        verdict.baked = got.baked;
        return verdict;
      });
    }, refused);
  }

  // --- showing ------------------------------------------------------------------------------

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    return node;
  }

  function link(href, text) {
    var a = el("a", "", text);
    a.setAttribute("href", href);
    return a;
  }

  /** ``node`` filled with a message: a Said as text and spans, anything else as text. */
  function put(node, said) {
    if (!(said instanceof Said)) {
      node.textContent = String(said);
      return node;
    }
    said.parts.forEach(function (part) {
      if (!part.lang && !part.cls) {
        node.appendChild(document.createTextNode(part.text));
        return;
      }
      var span = el("span", part.cls || "", part.text);
      if (part.lang) {
        span.setAttribute("lang", part.lang);
      }
      node.appendChild(span);
    });
    return node;
  }

  function langOf(node, text) {
    if (typeof text === "string" && textLang[text]) {
      node.setAttribute("lang", textLang[text]);
    }
    return node;
  }

  /** ``node`` with a text (marked with its language) or a message (in parts). */
  function fillWith(node, text) {
    return text instanceof Said ? put(node, text) : langOf(put(node, text), text);
  }

  /** A cell of texts; ``numbers``: each text's number (the outcomes, as the pages number
   *  them), a numbered list then. */
  function cellOf(texts, numbers, lacks) {
    var td = el("td");
    if (texts === null) {
      td.appendChild(el("span", "credcat-check__unstated", say(lacks ? "not_in_badge" : "not_stated")));
    } else if (texts.length === 0) {
      td.textContent = say("nothing");
    } else if (numbers && numbers.length === texts.length) {
      var ol = el("ol", "credcat-check__numbered");
      texts.forEach(function (t, i) {
        var li = fillWith(el("li"), t);
        li.setAttribute("value", String(numbers[i]));
        ol.appendChild(li);
      });
      td.appendChild(ol);
    } else if (texts.length === 1) {
      fillWith(td, texts[0]);
    } else {
      var ul = el("ul");
      texts.forEach(function (t) { ul.appendChild(fillWith(el("li"), t)); });
      td.appendChild(ul);
    }
    return td;
  }

  function statusBlock(verdict) {
    var entry = verdict.entry;
    var box = el("div", "credcat-check__status");
    box.appendChild(el("h3", "", say("status_heading")));
    var badge = el("p", "credcat-check__badge");
    badge.setAttribute("data-credcat-status", verdict.status);
    var label = verdict.status === "current" ? say("badge_current") :
      verdict.status === "earlier" ? say("badge_earlier") : str((config.status || {})[verdict.status]);
    var colour = verdict.status === "current" ? "active" : verdict.status;
    badge.appendChild(el("strong", "credcat-badge credcat-badge--" + colour, label));
    box.appendChild(badge);
    var lines = [];
    if (entry.status === "retired") {
      lines.push(say("status_retired"));
    } else if (entry.status === "superseded" && entry.successor) {
      lines.push(sayMarked("status_superseded_by", { title: entry.successor.title },
        entry.successor.titleLangs));
    } else if (entry.status === "superseded") {
      lines.push(say("status_superseded"));
    } else if (entry.status === "draft") {
      lines.push(say("status_draft"));
    }
    if (verdict.version !== entry.version) {
      // an earlier version of a credential still offered is not "replaced by another"
      lines.push(say(verdict.status === "earlier" ? "status_earlier" : "status_older",
        { version: verdict.version, current: entry.version }));
      if (verdict.since) {
        lines.push(say("since_" + verdict.since, { version: verdict.version, current: entry.version }));
      }
    } else if (entry.status === "active") {
      lines.push(say("status_current", { version: verdict.version }));
    }
    lines.forEach(function (line) { box.appendChild(put(el("p"), line)); });
    if (verdict.sinceItems && verdict.sinceItems.length) {  // what changed, item by item
      var changed = el("ul", "credcat-check__since");
      verdict.sinceItems.forEach(function (item) { changed.appendChild(put(el("li"), item)); });
      box.appendChild(changed);
    }
    var links = el("ul", "credcat-check__links");
    var item = el("li");
    item.appendChild(link(pageOf(verdict.id, verdict.version), say("link_version", { version: verdict.version })));
    links.appendChild(item);
    // what it certifies, its level, workload, assessment and awarding body, on one page
    item = el("li");
    item.appendChild(link(pageOf(verdict.id, verdict.version) + "summary/",
      say("link_summary", { version: verdict.version })));
    links.appendChild(item);
    if (verdict.version !== entry.version) {
      item = el("li");
      item.appendChild(link(pageOf(verdict.id, ""), say("link_current", { version: entry.version })));
      links.appendChild(item);
      // each later version's page lists what it changed from the one before it
      var versions = list(entry.versions).map(function (v) { return str(v.version); });
      var from = versions.indexOf(verdict.version);
      var to = versions.indexOf(entry.version);
      if (from >= 0 && to > from) {
        versions.slice(from + 1, to + 1).forEach(function (v) {
          var li = el("li");
          li.appendChild(link(pageOf(verdict.id, v) + "#what-changed", say("link_what_changed", { version: v })));
          links.appendChild(li);
        });
      }
    }
    if (entry.status === "superseded" && typeof entry.superseded_by === "string" &&
        /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(entry.superseded_by)) {
      item = el("li");
      item.appendChild(link(pageOf(entry.superseded_by, ""), say("link_successor")));
      links.appendChild(item);
    }
    box.appendChild(links);
    return box;
  }

  /** For a version the catalogue does not have: the versions it has, and the credential's page. */
  function knownBlock(known) {
    var box = el("div", "credcat-check__known");
    box.appendChild(el("p", "", say("known_versions", {
      versions: known.versions.join(", "), current: known.current
    })));
    var links = el("ul", "credcat-check__links");
    var item = el("li");
    item.appendChild(link(pageOf(known.id, ""), say("link_credential")));
    links.appendChild(item);
    box.appendChild(links);
    return box;
  }

  // a phone shows each row as a block, each cell under its column's name (data-label, the
  // stylesheet's ::before); the roles keep it a table for screen readers, whose browsers drop
  // a table's semantics once its display changes
  function role(node, name) {
    node.setAttribute("role", name);
    return node;
  }

  function labelled(td, key) {
    td.setAttribute("data-label", say(key));
    return role(td, "cell");
  }

  function table(verdict) {
    var t = role(el("table", "credcat-check__table"), "table");
    var caption = el("caption", "", say("table_caption", { version: verdict.version }));
    caption.id = "credcat-check-caption";
    t.appendChild(caption);
    t.setAttribute("aria-labelledby", caption.id);
    var head = role(el("tr"), "row");
    ["col_field", "col_claimed", "col_published", "col_result"].forEach(function (key, i) {
      var th = role(el("th", "", say(key)), "columnheader");
      th.setAttribute("scope", "col");
      th.setAttribute("aria-colindex", String(i + 1));
      head.appendChild(th);
    });
    var thead = role(el("thead"), "rowgroup");
    thead.appendChild(head);
    t.appendChild(thead);
    var body = role(el("tbody"), "rowgroup");
    verdict.rows.forEach(function (r) {
      var tr = role(el("tr", "credcat-check__row credcat-check__row--" + r.result), "row");
      tr.setAttribute("data-credcat-row", r.field);
      tr.setAttribute("data-credcat-result", r.result);
      var th = role(el("th", "", say("field_" + r.field)), "rowheader");
      th.setAttribute("scope", "row");
      th.setAttribute("aria-colindex", "1");
      tr.appendChild(th);
      var numbers = r.numbers || {};
      var cells = [
        labelled(cellOf(r.claimed, numbers.claimed, r.lacks), "col_claimed"),
        labelled(cellOf(r.published, numbers.published), "col_published")
      ];
      cells.forEach(function (td, i) {
        // each cell says its column: on a phone a folded row hides two of them
        td.setAttribute("aria-colindex", String(i + 2));
        td.id = "credcat-check-" + r.field + "-" + (i ? "published" : "claimed");
        tr.appendChild(td);
      });
      var result = labelled(el("td"), "col_result");
      result.setAttribute("aria-colindex", "4");
      // "Not stated" is a result of its own, never "Same": nothing was compared
      result.appendChild(el("strong", "", r.label || say(r.result)));
      if (r.result === "same") {
        // on a phone (the stylesheet) a row the same on both sides is folded to its result:
        // the button shows both lists; on a wider screen and on paper it is not shown
        tr.classList.add("credcat-check__row--folded");
        var fold = el("button", "credcat-check__fold", say("fold_toggle"));
        fold.type = "button";
        fold.setAttribute("aria-expanded", "false");
        fold.setAttribute("aria-controls", cells.map(function (td) { return td.id; }).join(" "));
        fold.addEventListener("click", function () {
          var folded = tr.classList.toggle("credcat-check__row--folded");
          fold.setAttribute("aria-expanded", folded ? "false" : "true");
        });
        result.appendChild(document.createTextNode(" "));
        result.appendChild(fold);
      }
      if (r.notes.length) {
        var ul = el("ul");
        r.notes.forEach(function (n) { ul.appendChild(put(el("li"), n)); });
        result.appendChild(ul);
      }
      tr.appendChild(result);
      body.appendChild(tr);
    });
    t.appendChild(body);
    // wider than a phone: a region the keyboard can scroll (focusable, named by the caption)
    var wrap = el("div", "md-typeset__scrollwrap");
    wrap.setAttribute("tabindex", "0");
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-labelledby", caption.id);
    var inner = el("div", "md-typeset__table");
    inner.appendChild(t);
    wrap.appendChild(inner);
    return wrap;
  }

  var section = document.getElementById("credcat-check-result");
  var output = document.getElementById("credcat-check-output");
  var heading = document.getElementById("credcat-check-result-heading");
  var live = document.getElementById("credcat-check-live");

  /** The live region says one line: that a check runs, then its verdict. */
  function announce(said) {
    if (!live) {
      return;
    }
    while (live.firstChild) {
      live.removeChild(live.firstChild);
    }
    if (said !== null) {
      put(live, said);
    }
  }

  /** "Checked on <date, time> · file <name>" (or "· pasted text"): when and what, on screen
   *  and on paper. */
  function checkedLine(source) {
    var now = new Date();
    var date;
    try {
      date = dateText(now, {
        day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit"
      }, now.getDate());
    } catch (e) {
      date = now.toISOString().slice(0, 16).replace("T", " ");
    }
    var name = source && typeof source.name === "string" ? source.name : "";
    var line = el("p", "credcat-check__when", name ?
      say("checked_file", { date: date, name: name }) : say("checked_text", { date: date }));
    line.setAttribute("data-credcat-checked", now.toISOString());
    return line;
  }

  function clearOutput() {
    while (output.firstChild) {
      output.removeChild(output.firstChild);
    }
    output.removeAttribute("data-credcat-verdict");
    output.removeAttribute("aria-busy");
  }

  // Each check has a token: the result of a check shown after another started (a slow file,
  // a slow network) is dropped, never shown over the newer one's.
  var latest = 0;

  /** A check starts: the previous result goes, "Reading the credential…" says so until its
   *  own result comes. Returns its token. */
  function begin() {
    latest += 1;
    if (output && section) {
      clearOutput();
      output.appendChild(el("p", "credcat-check__reading", say("reading")));
      output.setAttribute("aria-busy", "true");
      announce(say("reading"));
      section.hidden = false;
    }
    return latest;
  }

  /** "The credential was read from the badge image (PNG) it is baked into." */
  function bakedLine(kind) {
    var line = el("p", "credcat-check__baked", say("baked_read", { kind: kind }));
    line.setAttribute("data-credcat-baked", kind.toLowerCase());
    return line;
  }

  function show(verdict, source, token) {
    if (!output || !section) {
      return verdict;
    }
    if (token !== undefined && token !== latest) {  // a newer check started since
      return verdict;
    }
    clearOutput();
    output.setAttribute("data-credcat-verdict", verdict.verdict);
    output.appendChild(checkedLine(source));
    if (verdict.verdict === "error") {
      output.appendChild(el("p", "credcat-check__verdict credcat-check__verdict--error", say("error_heading")));
      output.appendChild(el("p", "credcat-check__message", verdict.message));
      if (verdict.baked) {
        output.appendChild(bakedLine(verdict.baked));
      }
      announce(say("error_heading") + ". " + verdict.message);
    } else {
      announce(verdict.message);
      var format = say(verdict.kind === "ob3" ? "format_ob3" : "format_edc") + ", " + say("form_" + verdict.form) +
        (verdict.vc ? ", " + say(verdict.vc) : "") + (verdict.presented ? ", " + say("in_presentation") : "");
      output.appendChild(put(el("p", "credcat-check__verdict credcat-check__verdict--" + verdict.verdict), verdict.message));
      if (verdict.verdict !== "template") {  // where the file comes from is not proven here
        var signed = verdict.form !== "unsigned" && verdict.form !== "uploadable";
        var origin = el("p", "credcat-check__origin", say(!signed ? "origin_unsigned" :
          verdict.kind === "ob3" ? "origin_signed_ob3" : "origin_signed_edc"));
        origin.setAttribute("data-credcat-origin", signed ? "signed" : "unsigned");
        output.appendChild(origin);
      }
      if (verdict.issuer) {  // another organisation issued it: said beside the verdict
        output.appendChild(put(el("p", "credcat-check__issuer"), verdict.issuer));
      }
      if (verdict.verdict === "partial") {  // what the match does not cover, by name
        var fields = verdict.unstated.map(function (field) { return say("field_" + field); })
          .concat(verdict.inPart.map(function (field) {
            return say("field_in_part", { field: say("field_" + field) });
          }));
        output.appendChild(el("p", "credcat-check__unstated-fields", say("unstated_fields", {
          fields: listOf(fields)
        })));
      }
      // how it was read, and the dates it states (one line, on paper too)
      var read = el("p", "credcat-check__format", say("read_as", { format: format }));
      if (verdict.dates && verdict.rows) {
        read.appendChild(document.createTextNode(" "));
        read.appendChild(el("span", "credcat-check__dates", datesLine(verdict.dates) + "."));
      }
      output.appendChild(read);
      if (verdict.baked) {
        output.appendChild(bakedLine(verdict.baked));
      }
      if (verdict.dates && verdict.rows) {
        dateFlags(verdict.dates).forEach(function (flag) {
          var line = el("p", "credcat-check__flag", flag[1]);
          line.setAttribute("data-credcat-flag", flag[0]);
          output.appendChild(line);
        });
      }
      if (verdict.kind === "ob3" && verdict.rows) {  // what a badge cannot carry, said once
        var lacking = (verdict.lacks || []).map(function (field) { return say("field_" + field); })
          .concat([say("aspect_grading")]);
        output.appendChild(el("p", "credcat-check__badge-lacks", say("badge_lacks", { fields: listOf(lacking) })));
      }
      if (verdict.presented > 1) {  // a presentation of several: the first is read
        output.appendChild(el("p", "credcat-check__presented", say("presentation_many", { n: verdict.presented })));
      }
      if (verdict.others) {  // said, not dropped: the page compares one claim at a time
        output.appendChild(el("p", "credcat-check__others", say("other_claims", { n: verdict.others })));
      }
      if (verdict.entry) {
        output.appendChild(statusBlock(verdict));
      }
      if (verdict.known) {
        output.appendChild(knownBlock(verdict.known));
      }
      if (verdict.foreign) {
        output.appendChild(foreignBlock(verdict.foreign));
      }
      if (verdict.rows) {
        // on a phone the table is wider than the screen: say so above it, as the compare
        // page does, only where it is (the results' columns were out of sight, unsaid)
        var hint = el("p", "credcat-scroll-hint", say("scroll_hint"));
        hint.setAttribute("aria-hidden", "true");
        hint.hidden = true;
        output.appendChild(hint);
        var wrap = output.appendChild(table(verdict));
        section.hidden = false;
        hint.hidden = wrap.scrollWidth <= wrap.clientWidth + 1;
      }
    }
    section.hidden = false;
    if (heading) {
      heading.focus();
    }
    return verdict;
  }

  /** Check a text or a file's bytes and show the verdict; ``source``: {name} of the file it
   *  was read from (none: pasted). */
  function run(input, source, token) {
    if (token === undefined) {
      token = begin();
    }
    return checkInput(input).then(function (verdict) { return show(verdict, source, token); });
  }

  // --- the form -----------------------------------------------------------------------------

  var form = document.getElementById("credcat-check-form");
  var fileInput = document.getElementById("credcat-check-file");
  var textArea = document.getElementById("credcat-check-text");
  var drop = document.getElementById("credcat-check-drop");

  function runFile(file) {
    var source = { name: String(file.name || "") };
    var token = begin();
    if (file.size > MAX_BYTES) {
      return Promise.resolve(show(refused(new Refusal("error_too_big", { mb: Math.round(MAX_BYTES / 1048576) })), source, token));
    }
    // its bytes: a badge image (PNG) is read as bytes, anything else as UTF-8 text
    return file.arrayBuffer().then(function (buffer) {
      return run(new Uint8Array(buffer), source, token);
    }, function () {
      return show(refused(new Refusal("error_read")), source, token);
    });
  }

  if (form) {
    form.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var file = fileInput && fileInput.files && fileInput.files[0];
      if (file) {
        runFile(file);
      } else {
        run(textArea ? textArea.value : "", null);
      }
    });
    form.addEventListener("reset", function () {
      latest += 1;  // a check still running shows nothing now
      announce(null);
      if (section) {
        section.hidden = true;
      }
      if (output) {
        clearOutput();
      }
    });
    if (textArea && fileInput) {  // typing or pasting replaces a chosen file: the newest wins
      textArea.addEventListener("input", function () {
        if (textArea.value) {
          fileInput.value = "";
        }
      });
    }
    if (fileInput) {
      fileInput.addEventListener("change", function () {
        if (fileInput.files && fileInput.files[0]) {
          if (textArea) {
            textArea.value = "";
          }
          runFile(fileInput.files[0]);
        }
      });
    }
    // a file dragged over the page outside the drop box would be opened by the browser, which
    // leaves the page: every file drag and drop on the page is cancelled; one on the paste
    // area is read as one on the drop box
    var withFiles = function (event) {
      var types = event.dataTransfer && event.dataTransfer.types;
      return !!types && Array.prototype.indexOf.call(types, "Files") >= 0;
    };
    ["dragenter", "dragover", "drop"].forEach(function (type) {
      document.addEventListener(type, function (event) {
        if (withFiles(event)) {
          event.preventDefault();
        }
      });
    });
    if (textArea) {
      textArea.addEventListener("drop", function (event) {
        var files = event.dataTransfer && event.dataTransfer.files;
        if (files && files[0]) {
          event.preventDefault();
          textArea.value = "";
          if (fileInput) {
            fileInput.value = "";
          }
          runFile(files[0]);
        }
      });
    }
    if (drop) {
      drop.addEventListener("dragover", function (event) {
        event.preventDefault();
        drop.classList.add("credcat-check__drop--over");
      });
      drop.addEventListener("dragleave", function () {
        drop.classList.remove("credcat-check__drop--over");
      });
      drop.addEventListener("drop", function (event) {
        event.preventDefault();
        drop.classList.remove("credcat-check__drop--over");
        var files = event.dataTransfer && event.dataTransfer.files;
        if (files && files[0]) {
          runFile(files[0]);
        }
      });
    }
  }

  window.credcatCheck = {
    read: read,
    locate: locate,
    svgText: function (text) {
      try {
        return svgText(text);
      } catch (e) {
        if (e instanceof Refusal) {
          return { refused: e.code };
        }
        throw e;
      }
    },
    check: function (text) { return run(text, null); }
  };
})();
