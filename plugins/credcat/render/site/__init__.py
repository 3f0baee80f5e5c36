"""The human side of rendering: the context of every generated page, localised and typed.

* :mod:`.localise` — the :class:`~.localise.Localiser`: catalogue texts, UI strings, vocabulary
  labels, dates, numbers, prices, durations, lists and plurals in the page language (Babel);
* :mod:`.context` — the typed contract with the templates (``TypedDict`` per context);
* :mod:`.common` — what every page shares: links, organisation and credential references;
* :mod:`.credential`, :mod:`.organisation`, :mod:`.catalogue`, :mod:`.pathways` — one module
  per page kind;
* :mod:`.index` — ``catalogue.json``, the data behind the catalogue page's filters;
* :mod:`.pages` — :class:`~.pages.Pages`, the list of pages and the dispatch to their builders;
* :mod:`.problems` — what ``mkdocs serve`` shows of a catalogue with errors (the panel above
  every page, or a page of the problems).
"""
