"""Which pages a catalogue generates, and the builder of each page's context.

Owns :class:`Pages`: the list of generated pages of one language (:class:`~.context.PageSpec`,
in a stable order) and the dispatch from a page to the module that builds its context. A site
has one :class:`Pages` per catalogue language; each lists its pages under the language's folder
(``""`` for the default language, ``<lang>/`` for the others), so a new page kind added to
:meth:`Pages.pages` exists in every language without further work. It is the only module
of :mod:`credcat.render.site` that knows every page kind; no page module imports it.
"""

from __future__ import annotations

from ...catalogue import Catalogue
from ...urls import Urls
from ...versions import credential_at, succession
from .catalogue import catalogue_context, list_page, list_pages
from .check import check_context
from .common import Site
from .compare import compare_context
from .context import PageContext, PageSpec
from .credential import credential_context, summary_context
from .organisation import (
    organisation_context,
    organisation_page,
    organisation_pages,
    organisations_context,
)
from .pathways import pathways_context

__all__ = ["Pages"]


class Pages:
    """The pages of one catalogue in one language, and their contexts."""

    def __init__(
        self,
        catalogue: Catalogue,
        urls: Urls,
        lang: str | None = None,
        *,
        machine_files: bool = True,
    ) -> None:
        """Args:
        catalogue: The validated catalogue.
        urls: Its URL scheme.
        lang: Language of the pages (default: the catalogue's default language).
        machine_files: Whether the machine-readable files are published (downloads block).
        """
        self.lang = lang or catalogue.settings.default_language
        self.site = Site(
            catalogue, urls.for_language(self.lang), self.lang, machine_files=machine_files
        )

    def pages(self) -> list[PageSpec]:
        """Every page to generate, in a stable order: the site's pages (:meth:`site_pages`)
        with every credential's (:meth:`credential_pages`) after the fixed ones."""
        fixed, organisations = self._fixed_pages(), self._organisation_pages()
        credentials = [spec for cid in self.site.cat.briefs for spec in self.credential_pages(cid)]
        return [*fixed, *credentials, *organisations]

    def site_pages(self) -> list[PageSpec]:
        """The pages that are not a credential's: the list pages, the pathways, check and
        compare pages, and the organisations' pages (one per organisation and per
        :data:`~credcat.render.site.organisation.ROWS_PER_PAGE` credentials it has a role
        for)."""
        return [*self._fixed_pages(), *self._organisation_pages()]

    def _fixed_pages(self) -> list[PageSpec]:
        site = self.site
        urls = site.urls
        ui = site.loc.ui
        return [
            PageSpec(
                "catalogue",
                urls.catalogue_page(),
                urls.catalogue_page() + "index.md",
                str(ui["catalogue_title"]),
            ),
            *(
                # the further pages of the no-JavaScript list of a large catalogue
                PageSpec(
                    "catalogue",
                    list_page(site, n),
                    list_page(site, n) + "index.md",
                    site.loc.ui_text(
                        "catalogue_page_title",
                        title=str(ui["catalogue_title"]),
                        n=n,
                        total=list_pages(site),
                    ),
                    number=n,
                )
                for n in range(2, list_pages(site) + 1)
            ),
            PageSpec(
                "pathways",
                urls.pathways_page(),
                urls.pathways_page() + "index.md",
                str(ui["pathways_title"]),
            ),
            PageSpec(
                "organisations",
                urls.organisations_page(),
                urls.organisations_page() + "index.md",
                str(ui["organisations_title"]),
            ),
            PageSpec(
                "check",
                urls.check_page(),
                urls.check_page() + "index.md",
                str(ui["check"]["title"]),
            ),
            PageSpec(
                "compare",
                urls.compare_page(),
                urls.compare_page() + "index.md",
                str(ui["compare"]["title"]),
            ),
        ]

    def _organisation_pages(self) -> list[PageSpec]:
        site = self.site
        cat = site.cat
        specs = []
        for oid, org in cat.organisations.items():
            name, total = site.loc.text(org.name), organisation_pages(site, oid)
            for n in range(1, total + 1):
                path = organisation_page(site, oid, n)
                specs.append(
                    PageSpec(
                        "organisation",
                        path,
                        path + "index.md",
                        name
                        if n == 1
                        else site.loc.ui_text("catalogue_page_title", title=name, n=n, total=total),
                        oid,
                        False,
                        cat.source_of("organisation", oid),
                        number=n,
                    )
                )
        return specs

    def credential_pages(self, cid: str, *, titled: bool = True) -> list[PageSpec]:
        """The pages of one credential: its current page, and every version's permanent page
        and employers' summary (of every version published at its permanent address: a
        draft's version not released has neither, :attr:`credcat.versions.Succession.published`).

        A site of 10,000 credentials has 90,000 of them, so a build asks for them a few
        credentials at a time and does not keep them.

        Args:
            cid: The credential's id.
            titled: Whether to give each page its title; without (``""``), no older
                version's model is read: enough for the pages' addresses.
        """
        site = self.site
        cat = site.cat
        urls = site.urls
        loc = site.loc
        source = cat.source_of("credential", cid)
        current = urls.credential(cid)
        title = loc.text(cat.briefs[cid].title) if titled else ""
        specs = [PageSpec("credential", current, current + "index.md", title, cid, False, source)]
        for info in succession(cat, cid).published:
            # every version keeps its permanent page, titled as it was released
            if titled:
                title = loc.text(credential_at(cat, cid, info.version).title)
            version = urls.credential_version(cid, info.version)
            specs.append(
                PageSpec(
                    "credential",
                    version,
                    version + "index.md",
                    title,
                    cid,
                    True,
                    source,
                    info.version,
                )
            )
            summary = urls.credential_summary(cid, info.version)
            specs.append(
                PageSpec(
                    "summary",
                    summary,
                    summary + "index.md",
                    loc.ui_text("summary_title", title=title) if titled else "",
                    cid,
                    True,
                    source,
                    info.version,
                )
            )
        return specs

    def context(self, spec: PageSpec) -> PageContext:
        """The template context of one page."""
        site = self.site
        if spec.kind == "credential":
            return credential_context(
                site,
                site.cat.credentials[spec.entity],
                version_page=spec.version_page,
                version=spec.version or None,
            )
        if spec.kind == "summary":
            return summary_context(site, site.cat.credentials[spec.entity], spec.version)
        if spec.kind == "organisation":
            return organisation_context(site, site.cat.organisations[spec.entity], spec.number)
        if spec.kind == "organisations":
            return organisations_context(site)
        if spec.kind == "catalogue":
            return catalogue_context(site, spec.number)
        if spec.kind == "compare":
            return compare_context(site)
        if spec.kind == "check":
            return check_context(site)
        return pathways_context(site)
