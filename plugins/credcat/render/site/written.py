"""Hand-written pages (the Markdown of ``docs/``): the language of each of their parts.

MkDocs renders a hand-written page with the site's Markdown extensions; the adapter adds
:class:`WrittenParts` to them. Its tree processor runs after ``toc`` has given every heading
its id, on the page the adapter names (:meth:`WrittenParts.start`), and reads the language of
each heading: its own ``lang`` (attr_list, ``# Title {: lang="de" }``), else the language of
the element around it, else that of the page's text (:attr:`WrittenPage.text_lang`: an
English page copied into the German site is English). :func:`mark_contents` then marks the
entries of the table of contents whose language is not the page's, as credcat's own pages
mark theirs (``lang`` on an ``AnchorLink``, read by ``partials/toc-item.html``; WCAG 2.1,
3.1.2 Language of Parts).

The same walk gives the permanent link ``toc`` puts beside each heading (¶) its tooltip in
the page's language, credcat's ``permalink_title`` (``toc`` has one English title for every
page), and says that language where the heading around it is in another, and names it by
its heading (``aria-labelledby``: "Find a credential ¶"; every one was named "¶", each
going to another place); and a link to a page whose text is in another language than the
link's says so, as a reader needs to know before following it: its ``hreflang``, and in words
at the end of its text, "Wie man einen Nachweis liest (auf Englisch)"
(:attr:`WrittenPage.target_language`; a page copied in the default language into a language
that has no translation of it, or written in another language than its place, ``lang:`` in its
front matter).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from typing import Any
from xml.etree.ElementTree import Element, SubElement

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

__all__ = ["WrittenPage", "WrittenParts", "mark_contents", "same_language"]

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def same_language(a: str, b: str) -> bool:
    """Whether two language tags name one language (``en-GB`` is ``en``)."""
    return a.split("-")[0].lower() == b.split("-")[0].lower()


@dataclasses.dataclass
class WrittenPage:
    """A hand-written page as it is rendered, and what its rendering found.

    Attributes:
        lang: The language of its place in the site (``de`` under ``de/``).
        text_lang: The language its text is in: ``lang``, or the language of the text it
            shows in its stead (an untranslated page's copy; ``lang:`` in its front matter).
        permalink: The tooltip of the permanent links beside its headings, and its
            language; ``None``: ``toc``'s own, left as it is.
        permalink_class: The class of those links (``toc``'s ``permalink_class``).
        target_language: A link's ``href`` as written in the page → the language of the text
            of the hand-written page it leads to; ``None`` where it leads to no such page.
        in_language: A language → the words that say a linked page is in it, "(auf
            Englisch)", in :attr:`words`.
        words: The language of credcat's words on the page (English where its interface does
            not speak the page's language).
        headings: Found while rendering: each heading's id → the language of its text.
    """

    lang: str
    text_lang: str
    permalink: tuple[str, str] | None = None
    permalink_class: str = "headerlink"
    target_language: Callable[[str], str | None] | None = None
    in_language: Callable[[str], str] | None = None
    words: str = ""
    headings: dict[str, str] = dataclasses.field(default_factory=dict)


class WrittenParts(Extension):
    """The Markdown extension that reads the languages of a hand-written page's parts.

    One instance serves a whole build: :meth:`start` names the page about to be rendered,
    :meth:`finish` hands back what its rendering found. Any other Markdown rendered with the
    site's extensions in between (none is, in MkDocs and Material) is left as it is.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.page: WrittenPage | None = None

    def __repr__(self) -> str:  # the same in every build (part of mkdocs serve's key)
        return f"{type(self).__module__}.{type(self).__name__}()"

    def start(self, page: WrittenPage) -> None:
        """The next Markdown rendered is ``page``'s."""
        self.page = page

    def finish(self) -> WrittenPage | None:
        """The page rendered since :meth:`start`, with what its rendering found."""
        page, self.page = self.page, None
        return page

    def extendMarkdown(self, md: Markdown) -> None:  # Markdown's name
        md.registerExtension(self)
        # after toc (5), which gives the headings their ids; before MkDocs' relpath (0)
        md.treeprocessors.register(_PartsProcessor(md, self), "credcat_written_parts", 4)


class _PartsProcessor(Treeprocessor):
    def __init__(self, md: Markdown, owner: WrittenParts) -> None:
        super().__init__(md)
        self.owner = owner

    def run(self, root: Element) -> None:
        page = self.owner.page
        if page is None:
            return
        todo = [(root, page.text_lang)]  # iterative: a deep page does not reach the stack's end
        while todo:
            element, around = todo.pop()
            lang = element.get("lang") or around
            ident = element.get("id")
            if element.tag in HEADINGS and ident:
                page.headings[ident] = lang
            todo.extend((child, lang) for child in element)  # not what is added below
            if element.tag != "a":
                continue
            if _is_permalink(element, page):
                # named by its heading ("Find a credential"), not "¶" like every other one
                # beside a heading of the page, each going to another place (WCAG 2.4.4)
                heading = element.get("href", "#")[1:]
                if heading:
                    element.set("aria-labelledby", heading)
                if page.permalink is not None:
                    title, said = page.permalink
                    element.set("title", title)
                    if not same_language(said, lang):
                        element.set("lang", said)
            else:
                _say_target_language(element, page, lang)


def _say_target_language(link: Element, page: WrittenPage, lang: str) -> None:
    """A link to a page whose text is in another language than ``lang``, the link's: its
    ``hreflang``, and words at the end of its text that say the language, marked with theirs
    where that is not ``lang``."""
    href = link.get("href")
    if not href or page.target_language is None or page.in_language is None:
        return
    target = page.target_language(href)
    if target is None or same_language(target, lang):
        return
    link.set("hreflang", target)
    children = list(link)
    if children:  # a line may break before the words (never inside them: credcat.css)
        children[-1].tail = (children[-1].tail or "") + " "
    else:
        link.text = (link.text or "") + " "
    note = SubElement(link, "span", {"class": "credcat-link-lang"})
    if page.words and not same_language(page.words, lang):
        note.set("lang", page.words)
    note.text = page.in_language(target)


def _is_permalink(element: Element, page: WrittenPage) -> bool:
    """Whether ``element``, a link, is one ``toc`` put beside a heading."""
    href = element.get("href") or ""
    classes = (element.get("class") or "").split()
    return href.startswith("#") and page.permalink_class in classes


def mark_contents(items: Iterable[Any], headings: dict[str, str], lang: str) -> None:
    """Mark the entries of a page's table of contents whose heading is in another language
    than the element they show in: ``lang`` on the entry (its title, and the list of its
    sections, ``partials/toc-item.html``). ``lang`` is the page's language; a level-1 entry
    (the page's title) is not shown, Material lists its sections in its stead."""
    for item in items:
        said = headings.get(item.id, lang)
        if not same_language(said, lang):
            item.lang = said
        mark_contents(item.children, headings, lang if item.level == 1 else said)
