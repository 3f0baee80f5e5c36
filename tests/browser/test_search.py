"""Material's header search in Chromium, on its compact index of credential pages.

The search index holds, of each credential page, only the title, the summary and the outcomes
with their skills (``credcat.render.site.search``), so it stays small at 10,000 credentials.
The header search must still find a credential by an outcome's words (the catalogue's own
search does too: ``test_e2e.test_text_search_finds_a_credential_by_an_outcome_word``).
"""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

from .conftest import Site
from .test_e2e import outcome_word


def site_search(page: Page, text: str) -> Locator:
    """Type ``text`` into Material's header search; its result links once there are some.

    Material's search worker drops a query typed before it has built its index (a small
    index is built while the page still loads), so the query is typed again until the worker
    answers, for at most about 30 seconds.
    """
    box = page.locator("input.md-search__input")
    results = page.locator(".md-search-result__item a")
    box.click()
    for _ in range(10):
        box.fill("")
        box.press_sequentially(text)
        try:
            expect(results.first).to_be_visible(timeout=3000)
            break
        except AssertionError:
            continue
    expect(results.first).to_be_visible()
    return results


def test_header_search_finds_a_credential_by_an_outcome_word(page: Page, sample_site: Site) -> None:
    cat = sample_site.catalogue
    word, cid = outcome_word(cat)
    page.goto(sample_site.url())
    page.keyboard.press("/")
    page.keyboard.type(word.lower())
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible()
    links = [
        str(link.get_attribute("href")) for link in page.locator(".md-search-result__item a").all()
    ]
    assert any(f"credentials/{cid}/" in href for href in links), links
    assert all(f"credentials/{cid}/" in href for href in links), "only that credential matches"
    # the result leads to the credential's outcomes
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_load_state()
    assert f"/credentials/{cid}/" in page.url
    expect(page.locator("h1")).to_contain_text(cat.credentials[cid].title["en"])


def test_header_search_finds_a_credential_by_its_title_in_german(
    page: Page, sample_site: Site
) -> None:
    cat = sample_site.catalogue
    cred = next(c for c in cat.credentials.values() if "de" in c.title)
    page.goto(sample_site.url("de/"))
    page.keyboard.press("/")
    page.keyboard.type(cred.title["de"].split()[0])
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    links = [
        str(link.get_attribute("href")) for link in page.locator(".md-search-result__item a").all()
    ]
    assert any(f"credentials/{cred.id}/" in href for href in links), links
