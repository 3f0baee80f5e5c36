"""Rendering: pure functions from the validated model to page contexts, JSON-LD dicts and bytes.

Split by audience:

* :mod:`.site` — what people read: a localiser for texts, labels, dates, numbers, prices,
  lists and plurals (:mod:`.site.localise`, built on Babel), one module per page kind, the typed
  page contexts the templates in ``credcat/theme/credcat/`` render, and ``catalogue.json``
  (the data behind the catalogue page's filters);
* :mod:`.data` — what machines read: the ELM nodes shared by every format (:mod:`.data.nodes`),
  the ELM specification, LOQ, the EDC template, Open Badges 3.0, schema.org and every published
  file as bytes;
* :mod:`.language` — what both share: the one language fallback and credcat's own sentences;
* :mod:`.safe` — escaping and sanitising of everything that reaches HTML;
* :mod:`.pathways` — the stackability graph and its routes (the page itself is
  :mod:`.site.pathways`).

* :mod:`.qr` — QR codes of permanent addresses as SVG; :mod:`.logos` — the organisations'
  logos as published files.

Imports run one way: ``site`` may import ``data`` (schema.org, download links), ``data`` never
imports ``site``; both import ``language``. Nothing here reads the network; the file system
only for the packaged data files (``credcat/data/*.yaml``) and the organisations' logos (through
:mod:`credcat.fs`); the clock only through :func:`credcat.clock.today`, once per
:class:`~.site.common.Site` (runs and quality assurance marked past on the build's date).
"""
