"""The machine-readable side of rendering: the catalogue model as JSON-LD dicts and file bytes.

One module per format, all built on the shared ELM nodes of :mod:`.nodes`:

* :mod:`.elm` — the ELM 3 specification (``Qualification``) of a credential version;
* :mod:`.loq` — its ``LearningOpportunity`` nodes (Europass LOQ profile);
* :mod:`.edc` — an unsigned European Digital Credential template for the EDC Issuer;
* :mod:`.ob3` — an Open Badges 3.0 ``Achievement``;
* :mod:`.schemaorg` — schema.org ``EducationalOccupationalCredential`` + ``Course`` for the page;
* :mod:`.machine` — every published file as bytes, and the page's download links.
"""
