"""The MkDocs plugin: configuration, errors and warnings, collisions, no partial site, serve.

Builds run in-process into tmp_path with ``load_config`` + ``mkdocs.commands.build.build``
(strict, never with -q). A failed build raises ``Abort`` after MkDocs has logged the
``PluginError``; where the exception itself matters the test calls the plugin's event directly.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

import jinja2
import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError
from mkdocs.structure.files import Files, get_files

from credcat import mkdocs_plugin
from credcat.mkdocs_plugin import CredcatPlugin
from test_site_build import BASIC, build_site, make_project


def _plugin(config: Any) -> CredcatPlugin:
    plugin = config.plugins["credcat"]
    assert isinstance(plugin, CredcatPlugin)
    return plugin


def _line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def _edit_yaml(path: Path, change: Any) -> None:
    data = yaml.safe_load(path.read_text("utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _site_is_empty(site: Path) -> bool:
    return not site.exists() or not any(site.iterdir())


# --- configuration -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "option",
    [
        "catalogue_site_name: maybe",
        "catalogue_dir: [a, b]",
        "edit_catalogue_uri: 5",
        "machine_files: sometimes",
    ],
)
def test_config_option_types_are_checked(
    tmp_path: Path, option: str, caplog: pytest.LogCaptureFixture
) -> None:
    config = make_project(tmp_path, plugin_options=option)
    with caplog.at_level(logging.ERROR), pytest.raises(Abort, match="configuration error"):
        load_config(config_file=str(config), strict=True)
    assert option.split(":")[0] in caplog.text


def test_unknown_option_fails_strict(tmp_path: Path) -> None:
    config = make_project(tmp_path, plugin_options="catalog_dir: catalogue")
    with pytest.raises((ConfigurationError, Abort)):
        load_config(config_file=str(config), strict=True)


def test_missing_catalogue_folder_is_a_config_error(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config = make_project(tmp_path, plugin_options="catalogue_dir: nowhere")
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        load_config(config_file=str(config), site_dir=str(tmp_path / "site"), strict=True)
    assert "catalogue_dir" in caplog.text
    assert f"'{tmp_path / 'nowhere'}' isn't an existing directory" in caplog.text


def test_catalogue_folder_without_catalogue_yaml_is_a_plugin_error(tmp_path: Path) -> None:
    config = make_project(tmp_path, plugin_options="catalogue_dir: nowhere")
    (tmp_path / "nowhere").mkdir()
    cfg = load_config(config_file=str(config), site_dir=str(tmp_path / "site"), strict=True)
    with pytest.raises(PluginError, match=r"nowhere: no catalogue\.yaml in nowhere"):
        cfg.plugins.on_config(cfg)


def test_use_directory_urls_is_required(tmp_path: Path) -> None:
    config = make_project(tmp_path)
    text = config.read_text("utf-8").replace(
        "use_directory_urls: true", "use_directory_urls: false"
    )
    config.write_text(text, encoding="utf-8")
    cfg = load_config(config_file=str(config), site_dir=str(tmp_path / "site"))
    with pytest.raises(PluginError, match="use_directory_urls"):
        cfg.plugins.on_config(cfg)


def test_disabled_plugin_generates_nothing(tmp_path: Path) -> None:
    config = make_project(tmp_path, plugin_options="enabled: false")
    text = config.read_text("utf-8")
    text = text[: text.index("\nnav:\n")] + "\nnav:\n  - Home: index.md\n"
    config.write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    build_site(config, site, strict=False)  # the home page links to pages that are now missing
    assert (site / "index.html").is_file()
    assert not (site / "credentials").exists()
    assert not (site / "catalogue.json").exists()
    assert not (site / "catalogue-texts.json").exists()


def test_site_name_and_language_come_from_the_catalogue(tmp_path: Path) -> None:
    config = make_project(tmp_path)
    cfg = load_config(config_file=str(config), site_dir=str(tmp_path / "site"))
    cfg.plugins.on_config(cfg)
    settings = yaml.safe_load((tmp_path / "catalogue" / "catalogue.yaml").read_text("utf-8"))
    assert cfg.site_name == settings["title"]["en"]
    assert cfg.theme["language"] == "en"


# --- errors and warnings from the catalogue ------------------------------------------------------


def test_catalogue_error_fails_with_file_and_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config = make_project(tmp_path)
    source = tmp_path / "catalogue" / "credentials" / "intro-databases.yaml"
    _edit_yaml(source, lambda d: d.update(titel="Typo"))
    line = _line_of(source, "titel:")
    cfg = load_config(config_file=str(config), site_dir=str(tmp_path / "site"), strict=True)
    with pytest.raises(PluginError) as raised:
        cfg.plugins.on_config(cfg)
    message = str(raised.value)
    assert re.search(rf"catalogue/credentials/intro-databases\.yaml:{line}:\d+: ", message)
    assert "titel" in message and "did you mean 'title'" in message

    site = tmp_path / "site"
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(config, site)
    assert f"catalogue/credentials/intro-databases.yaml:{line}:" in caplog.text
    assert _site_is_empty(site)


def test_every_error_is_reported(tmp_path: Path) -> None:
    config = make_project(tmp_path)
    creds = tmp_path / "catalogue" / "credentials"
    _edit_yaml(creds / "intro-databases.yaml", lambda d: d.update(mode="by-carrier-pigeon"))
    _edit_yaml(creds / "punch-cards.yaml", lambda d: d.update(awarding_body="nobody"))
    cfg = load_config(config_file=str(config), site_dir=str(tmp_path / "site"))
    with pytest.raises(PluginError) as raised:
        cfg.plugins.on_config(cfg)
    message = str(raised.value)
    assert re.search(r"intro-databases\.yaml:\d+:\d+: mode: ", message)
    assert re.search(r"punch-cards\.yaml:\d+:\d+: awarding_body", message)


def test_problems_are_logged_without_terminal_escapes(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # problems quote YAML values; an ESC in a value must not reach the build log raw (it can
    # clear the terminal, rewrite earlier lines or set the clipboard with OSC 52)
    config = make_project(tmp_path)
    source = tmp_path / "catalogue" / "credentials" / "intro-databases.yaml"
    _edit_yaml(source, lambda d: d.update(version="\x1b]52;c;ZXZpbA==\x07\x1b[2J1"))
    cfg = load_config(config_file=str(config), site_dir=str(tmp_path / "site"), strict=True)
    with pytest.raises(PluginError) as raised:
        cfg.plugins.on_config(cfg)
    message = str(raised.value)
    assert "\x1b" not in message and "\x07" not in message
    # the loader refuses the text and names the character instead of quoting it
    assert "version: " in message and "U+001B (ESC)" in message

    with caplog.at_level(logging.WARNING), pytest.raises(Abort):
        build_site(config, tmp_path / "site")
    assert "\x1b" not in caplog.text and "U+001B (ESC)" in caplog.text


def test_catalogue_warning_fails_strict_and_leaves_no_site(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config = make_project(tmp_path)
    source = tmp_path / "catalogue" / "credentials" / "intro-databases.yaml"
    _edit_yaml(source, lambda d: d["workload"].update(hours=300, self_study_hours=250))
    site = tmp_path / "site"
    with caplog.at_level(logging.WARNING), pytest.raises(Abort, match="strict"):
        build_site(config, site)
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    # logged at WARNING level once, without a second "warning:" in the text
    assert any(
        re.search(r"catalogue/credentials/intro-databases\.yaml:\d+:\d+: workload: ", w)
        for w in warnings
    ), warnings
    assert not any("warning:" in w for w in warnings), warnings
    assert _site_is_empty(site)

    caplog.clear()
    build_site(config, site, strict=False)
    assert (site / "credentials" / "intro-databases" / "index.html").is_file()


def test_a_catalogue_warning_under_strict_keeps_the_previous_site(tmp_path: Path) -> None:
    """A catalogue's warnings are logged while MkDocs makes the configuration, before the
    site is staged; they fail a --strict build all the same, and the site a reader is
    being served stays as it was, every file of it."""
    config = make_project(tmp_path)
    site = tmp_path / "site"
    build_site(config, site)
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert len(before) > 100
    source = tmp_path / "catalogue" / "credentials" / "intro-databases.yaml"
    _edit_yaml(source, lambda d: d["workload"].update(hours=300, self_study_hours=250))
    with pytest.raises(Abort, match="strict"):
        build_site(config, site)
    after = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site")] == []
    # a site folder in folders that did not exist: none of them is left behind
    with pytest.raises(Abort, match="strict"):
        build_site(config, tmp_path / "new" / "deep" / "site")
    assert not (tmp_path / "new").exists()


def test_site_url_different_from_base_uri_warns(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config = make_project(tmp_path, site_url="https://elsewhere.example/")
    cfg = load_config(config_file=str(config), site_dir=str(tmp_path / "site"))
    with caplog.at_level(logging.WARNING):
        cfg.plugins.on_config(cfg)
    assert "differs from base_uri" in caplog.text

    caplog.clear()
    cfg.site_url = "http://127.0.0.1:8000/"  # what mkdocs serve sets
    with caplog.at_level(logging.WARNING):
        cfg.plugins.on_config(cfg)
    assert "differs" not in caplog.text


# --- generated files -----------------------------------------------------------------------------


def test_a_site_at_its_hosts_root_tells_crawlers_where_its_sitemap_is(tmp_path: Path) -> None:
    """A crawler reads ``robots.txt`` first: it finds there that every page may be crawled and
    where the sitemap is, which lists every page with its languages."""
    site = tmp_path / "site"
    build_site(make_project(tmp_path), site)
    robots = (site / "robots.txt").read_text("utf-8")
    rules = [line for line in robots.splitlines() if line and not line.startswith("#")]
    assert rules == [
        "User-agent: *",
        "Disallow:",  # nothing is disallowed
        "Sitemap: https://fixture.test.example/sitemap.xml",
    ]
    assert "<loc>https://fixture.test.example/catalogue/</loc>" in (site / "sitemap.xml").read_text(
        "utf-8"
    )


def test_a_sites_own_robots_txt_is_published_instead(tmp_path: Path) -> None:
    own = "User-agent: *\nDisallow: /drafts/\n"
    site = tmp_path / "site"
    build_site(make_project(tmp_path, extra_docs={"robots.txt": own}), site)
    assert (site / "robots.txt").read_text("utf-8") == own


def test_a_site_under_a_path_writes_no_robots_txt(tmp_path: Path) -> None:
    """Crawlers read ``robots.txt`` at the root of a host only, which a site published under a
    path does not own: credcat writes none there (the sitemap is still written)."""
    config = make_project(tmp_path, site_url="https://fixture.test.example/credentials/")
    site = tmp_path / "site"
    build_site(config, site, strict=False)  # site_url and base_uri differ: a warning
    assert (site / "sitemap.xml").is_file()
    assert not (site / "robots.txt").exists()


@pytest.mark.parametrize(
    ("site_url", "sitemap"),
    [
        ("https://uni.example", "https://uni.example/sitemap.xml"),
        ("http://127.0.0.1:8000/", "http://127.0.0.1:8000/sitemap.xml"),  # mkdocs serve
        ("https://uni.example/credentials/", None),
        ("https://uni.example/?a=b", None),
        ("ftp://uni.example/", None),
        ("", None),
        (None, None),
    ],
)
def test_robots_txt_names_the_sitemap_only_at_the_root_of_a_web_host(
    site_url: str | None, sitemap: str | None
) -> None:
    robots = mkdocs_plugin.robots_txt(site_url)
    if sitemap is None:
        assert robots is None
    else:
        assert robots is not None and robots.endswith(f"\nSitemap: {sitemap}\n")


@pytest.mark.parametrize(
    "existing",
    [
        "catalogue/index.md",
        "catalogue.json",
        "catalogue-texts.json",
        "credentials/intro-databases/index.md",
        "credentials/intro-databases/1.0/index.md",
        "credentials/intro-databases/1.0/summary.md",
        "credentials/intro-databases.md",
        "credentials/intro-databases/1.0/elm.jsonld",
        "de/credentials/intro-databases/index.md",
        "sitemap.xml",
    ],
)
def test_path_collision_is_an_error(
    tmp_path: Path, existing: str, caplog: pytest.LogCaptureFixture
) -> None:
    config = make_project(tmp_path, extra_docs={existing: "# In the way\n"})
    site = tmp_path / "site"
    cfg = load_config(config_file=str(config), site_dir=str(site), strict=True)
    with caplog.at_level(logging.ERROR), pytest.raises(Abort, match="BuildError"):
        build(cfg)
    assert "would overwrite existing files" in caplog.text
    assert f"docs/{existing} is in the way" in caplog.text
    assert _site_is_empty(site)


def test_links_from_a_hand_written_page_to_generated_pages_and_files_resolve(
    tmp_path: Path,
) -> None:
    """credcat's own pages and data files are known to MkDocs by path only: a link to one
    passes ``--strict`` and becomes the published address."""
    links = {
        "the credential": "credentials/intro-databases/index.md",
        "its version 1.0": "credentials/intro-databases/1.0/index.md",
        "its ELM file": "credentials/intro-databases/1.0/elm.jsonld",
        "the catalogue data": "catalogue.json",
        "the catalogue": "catalogue/index.md",
    }
    page = "# Links\n\n" + "".join(f"- [{text}]({href})\n" for text, href in links.items())
    config = make_project(tmp_path, extra_docs={"maintainers.md": page})  # a page in the nav
    site = tmp_path / "site"
    build_site(config, site)  # strict: a link MkDocs cannot resolve is a warning
    # the page, and its copy in German (untranslated): the German pages of the credential,
    # the files every language shares
    for folder in (site / "maintainers", site / "de" / "maintainers"):
        html = (folder / "index.html").read_text("utf-8")
        hrefs = {text: href for href, text in re.findall(r'<a href="([^"]+)">([^<]+)</a>', html)}
        assert set(hrefs) >= set(links)
        for text in links:
            target = (folder / hrefs[text]).resolve()
            assert target.is_file() or (target / "index.html").is_file(), hrefs[text]
    german = (site / "de" / "maintainers" / "index.html").read_text("utf-8")
    assert 'href="../credentials/intro-databases/"' in german
    assert 'href="../../credentials/intro-databases/1.0/elm.jsonld"' in german


def test_generated_pages_and_files_are_told_by_their_address(tmp_path: Path) -> None:
    """MkDocs learns credcat's own pages and data files by address, without a list of them
    (nine pages and about fifteen files a version): what exists resolves, in any language's
    folder, and what does not exist does not; no credential page is held before it renders."""
    config = make_project(tmp_path)
    cfg = load_config(config_file=str(config), site_dir=str(tmp_path / "site"))
    plugin = _plugin(cfg)
    cfg.plugins.on_startup(command="build", dirty=True)  # dirty: in place, no staging folder
    cfg = cfg.plugins.on_config(cfg)
    files = cfg.plugins.on_files(get_files(cfg), config=cfg)
    found = {
        "credentials/intro-databases/index.md": "credentials/intro-databases/index.html",
        "credentials/intro-databases/1.0/index.md": "credentials/intro-databases/1.0/index.html",
        "de/credentials/intro-databases/1.0/summary/index.md": (
            "de/credentials/intro-databases/1.0/summary/index.html"
        ),
        "credentials/intro-databases/1.0/elm.jsonld": "credentials/intro-databases/1.0/elm.jsonld",
        # the files every language shares, from a language's folder
        "de/credentials/intro-databases/1.0/badge.svg": "credentials/intro-databases/1.0/badge.svg",
        "de/catalogue.json": "de/catalogue.json",
    }
    for path, dest in found.items():
        file = files.get_file_from_path(path)
        assert file is not None and file.dest_uri == dest, path
        assert path in files
    for missing in [
        "credentials/intro-databases/9.9/index.md",
        "credentials/intro-databases/9.9/elm.jsonld",
        "credentials/intro-databases/1.0/nothing.json",
        "credentials/no-such-credential/index.md",
        "de/credentials/no-such-credential/1.0/elm.jsonld",
        "xx/credentials/intro-databases/index.md",
        "credentials/../catalogue/index.md",
    ]:
        assert files.get_file_from_path(missing) is None, missing
        assert missing not in files
    # the site's own pages are listed; a credential's are made a few credentials at a time
    kinds = {spec.kind for spec in plugin._specs.values()}
    assert "catalogue" in kinds and "organisation" in kinds
    assert kinds.isdisjoint(mkdocs_plugin.OWN_KINDS)
    cfg.plugins.on_startup(command="build", dirty=False)  # the instance outlives this test


def test_a_build_leaves_no_cache_of_addresses_that_grows_with_its_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """MkDocs keeps every address it made a relative link from or to, without bound (every
    page's alternates in the language switch among them: nine pages a version, in every
    language); credcat empties those caches as it renders its own pages, so what a build
    holds does not grow with them. Here the build's own process renders them (worker
    processes end with their caches)."""
    import mkdocs.utils

    monkeypatch.setenv("CREDCAT_JOBS", "1")
    caches = [getattr(mkdocs.utils, name) for name in ("_norm_parts", "_get_norm_url")]
    config = make_project(tmp_path)
    site = tmp_path / "site"
    build_site(config, site)
    pages = [page for page in site.rglob("index.html") if "credentials" in page.parts]
    assert len(pages) > 30
    for cache in caches:
        assert cache.cache_info().currsize < 10, cache


def test_edit_uri_option_and_templates(tmp_path: Path) -> None:
    config = make_project(
        tmp_path, plugin_options="edit_links: true\nedit_catalogue_uri: blob/dev/data/"
    )
    site = tmp_path / "site"
    build_site(config, site)
    html = (site / "credentials" / "intro-databases" / "index.html").read_text("utf-8")
    assert (
        'href="https://github.com/example/credcat/blob/dev/data/credentials/intro-databases.yaml"'
    ) in html


def _edit_buttons(html: str) -> list[str]:
    return re.findall(r'<a href="([^"]*)"[^>]*class="md-content__button', html)


def test_public_pages_have_no_edit_links_by_default(tmp_path: Path) -> None:
    config = make_project(tmp_path)  # repo_url, edit_uri and content.action.edit are all set
    site = tmp_path / "site"
    build_site(config, site)
    for page in ("index.html", "credentials/intro-databases/index.html", "catalogue/index.html"):
        assert _edit_buttons((site / page).read_text("utf-8")) == [], page


def test_edit_links_option_adds_them_to_every_page(tmp_path: Path) -> None:
    config = make_project(tmp_path, plugin_options="edit_links: true")
    text = config.read_text("utf-8").replace("features: [content.action.edit]", "features: []")
    config.write_text(text, encoding="utf-8")  # credcat turns the pencil on itself
    site = tmp_path / "site"
    build_site(config, site)
    home = _edit_buttons((site / "index.html").read_text("utf-8"))
    assert home == ["https://github.com/example/credcat/edit/main/docs/index.md"]
    credential = (site / "credentials" / "intro-databases" / "index.html").read_text("utf-8")
    assert _edit_buttons(credential) == [
        "https://github.com/example/credcat/edit/main/catalogue/credentials/intro-databases.yaml"
    ]


def test_header_shows_the_publisher_when_there_is_no_repo_url(tmp_path: Path) -> None:
    config = make_project(tmp_path)
    text = config.read_text("utf-8")
    text = text.replace("repo_url: https://github.com/example/credcat\n", "")
    config.write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    build_site(config, site)
    settings = yaml.safe_load((tmp_path / "catalogue" / "catalogue.yaml").read_text("utf-8"))
    publisher = yaml.safe_load(
        (tmp_path / "catalogue" / "organisations" / f"{settings['publisher']}.yaml").read_text(
            "utf-8"
        )
    )
    name = publisher["name"]["en"] if isinstance(publisher["name"], dict) else publisher["name"]
    html = (site / "index.html").read_text("utf-8")
    source = re.search(r'<a href="([^"]*)" title="([^"]*)" class="md-source">', html)
    assert source is not None
    # named as its website: the catalogue links the publisher's own page by its name
    assert source.groups() == (publisher["homepage"], f"{name} – website")
    assert "github.com/example" not in html


def test_on_env_turns_autoescape_on_for_credcat_templates_only(tmp_path: Path) -> None:
    config = make_project(tmp_path)
    cfg = load_config(config_file=str(config), site_dir=str(tmp_path / "site"))
    plugin = _plugin(cfg)
    cfg.plugins.on_config(cfg)  # adds credcat's templates to the theme
    env = cfg.theme.get_env()
    env = plugin.on_env(env, config=cfg, files=Files([])) or env
    assert callable(env.autoescape)
    assert env.autoescape("credcat/credential.html") is True
    assert env.autoescape("main.html") is False
    assert env.autoescape("partials/header.html") is False
    rendered = env.from_string("{{ x }}").render(x="<b>")  # not a credcat template: unchanged
    assert rendered == "<b>"
    assert (
        env.get_template("credcat/macros.html")
        .module.status_badge(  # type: ignore[attr-defined]
            "draft", "<b>"
        )
        .count("&lt;b&gt;")
        == 1
    )


@pytest.mark.parametrize("undefined", [jinja2.Undefined, jinja2.StrictUndefined])
def test_attributes_of_plain_dicts_read_as_jinja_reads_them(undefined: type) -> None:
    """The shortcut for ``x.name`` on a plain dict gives what Jinja's own lookup gives: a
    key, a dict's method where the name is one (even when a key has that name), the
    attribute of anything else, and the undefined value (strict: an error) for a missing key."""
    plain, fast = jinja2.Environment(undefined=undefined), jinja2.Environment(undefined=undefined)
    mkdocs_plugin._add_filters(fast)
    mkdocs_plugin._add_filters(fast)  # twice is once

    class Box(dict[str, Any]):
        title = "attribute"

    source = (
        "{{ d.title }}|{{ d['items'] }}|{% for k, v in d.items() %}{{ k }}={{ v }};{% endfor %}"
        "|{{ d.get('title') }}|{{ box.title }}|{{ box.other }}|{{ n.real }}"
    )
    values = {"d": {"title": "key", "items": "listed"}, "box": Box(title="k", other="o"), "n": 7}
    assert fast.from_string(source).render(values) == plain.from_string(source).render(values)
    assert fast.from_string(source).render(values).startswith("key|listed|title=key;")
    missing = "[{{ d.nothing }}]"
    if undefined is jinja2.StrictUndefined:
        for env in (plain, fast):
            with pytest.raises(jinja2.UndefinedError, match="nothing"):
                env.from_string(missing).render(d={})
    else:
        assert fast.from_string(missing).render(d={}) == plain.from_string(missing).render(d={})


def test_the_plugin_brings_its_templates_and_styles(tmp_path: Path) -> None:
    config = make_project(tmp_path)
    cfg = load_config(config_file=str(config), site_dir=str(tmp_path / "site"))
    assert "custom_dir" not in config.read_text("utf-8")
    assert "credcat.css" not in config.read_text("utf-8")
    cfg.plugins.on_config(cfg)
    cfg.plugins.on_config(cfg)  # serve runs on_config again: nothing added twice
    assert cfg.extra_css.count("assets/credcat/credcat.css") == 1
    dirs = [Path(d) for d in cfg.theme.dirs]
    ours = [d for d in dirs if (d / "credcat" / "body" / "credential.html").is_file()]
    assert len(ours) == 1
    material = next(
        i for i, d in enumerate(dirs) if (d / "partials" / "header.html").is_file() and d != ours[0]
    )
    assert dirs.index(ours[0]) < material  # credcat's partial overrides win over Material's


def test_serve_watches_the_catalogue(tmp_path: Path) -> None:
    config = make_project(tmp_path)
    cfg = load_config(config_file=str(config), site_dir=str(tmp_path / "site"))

    class FakeServer:
        def __init__(self) -> None:
            self.watched: list[str] = []

        def watch(self, path: str) -> None:
            self.watched.append(path)

    server = FakeServer()
    _plugin(cfg).on_serve(server, config=cfg, builder=lambda: None)  # type: ignore[arg-type]
    assert server.watched == [str((tmp_path / "catalogue").resolve())]


def test_fixture_is_warning_free() -> None:
    from credcat.validate import load_catalogue

    assert load_catalogue(BASIC).warnings == ()


def test_a_streamed_text_is_written_in_pieces_that_join_to_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(mkdocs_plugin, "TEXT_BATCH", 10)
    texts = [f"<url>{n}</url>" * (n % 3) for n in range(40)]
    pieces = list(mkdocs_plugin._batched_texts(texts))
    assert "".join(pieces) == "".join(texts)
    assert len(pieces) > 1 and all(len(piece) >= 10 for piece in pieces[:-1])
    assert list(mkdocs_plugin._batched_texts([])) == []


# --- the theme's navigation and search box, rendered once per kind of page -----------------------


def _project_with_overrides(tmp_path: Path) -> tuple[Path, Path]:
    """The basic project with a ``custom_dir`` (``overrides/``): its ``mkdocs.yml`` and the
    folder of its partials, made empty."""
    config = make_project(tmp_path / "project", templates={})
    partials = config.parent / "overrides" / "partials"
    partials.mkdir(parents=True)
    return config, partials


def test_theme_parts_a_site_overrides_are_rendered_for_every_page(tmp_path: Path) -> None:
    """A site's own table of contents, navigation, search box, configuration block or a part
    of the footer (its copyright line; in its ``custom_dir``) may show anything of the page, so
    credcat's pages render each for themselves: here every one names its page."""
    config, partials = _project_with_overrides(tmp_path)
    for name in ("toc", "nav", "search", "copyright"):
        (partials / f"{name}.html").write_text(
            f'<p class="mine-{name}">{{{{ page.url }}}}</p>', encoding="utf-8"
        )
    (config.parent / "overrides" / "main.html").write_text(
        '{% extends "base.html" %}{% block config %}<p class="mine-config">{{ page.url }}</p>'
        "{% endblock %}",
        encoding="utf-8",
    )
    build_site(config, tmp_path / "site")
    pages = {
        url: (tmp_path / "site" / url / "index.html").read_text("utf-8")
        for url in (
            "credentials/intro-databases/",
            "credentials/intro-databases/1.0/",
            "credentials/intro-databases/1.0/summary/",
            "credentials/advanced-queries/",
        )
    }
    for url, html in pages.items():
        for name in ("toc", "nav", "search", "config", "copyright"):
            assert f'<p class="mine-{name}">{url}</p>' in html, (url, name)


def test_theme_parts_included_by_kept_ones_that_a_site_overrides_are_rendered_for_every_page(
    tmp_path: Path,
) -> None:
    """A site's own item of the navigation, item of the table of contents or logo (which the
    theme's navigation and table of contents include) may show anything of the page too: the
    navigation and table of contents that include them are rendered for each page."""
    config, partials = _project_with_overrides(tmp_path)
    for name in ("toc-item", "logo"):
        (partials / f"{name}.html").write_text(
            f'<span class="mine-{name}">{{{{ page.url }}}}</span>', encoding="utf-8"
        )
    (partials / "nav-item.html").write_text(  # the navigation imports its macro
        '{% macro render(nav_item, path, level, parent) %}<span class="mine-nav-item">'
        "{{ page.url }}</span>{% endmacro %}",
        encoding="utf-8",
    )
    build_site(config, tmp_path / "site")
    for url in (
        "credentials/intro-databases/",
        "credentials/intro-databases/1.0/",
        "credentials/advanced-queries/",
        "credentials/advanced-queries/1.0/",
    ):
        html = (tmp_path / "site" / url / "index.html").read_text("utf-8")
        for name in ("nav-item", "toc-item", "logo"):
            mine = re.findall(rf'<span class="mine-{name}">([^<]*)</span>', html)
            assert mine and set(mine) == {url}, (url, name, mine)


def _html_pages(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*.html"))}


def test_credcat_pages_reuse_the_navigation_and_search_box_and_get_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """credcat's own pages that show the same navigation (or search box, table of contents,
    configuration block) get it rendered once; every page is byte for byte what the theme
    renders for it alone. The navigation has nested sections, a logo at a relative address
    and links to one credential's pages, so the pages of that credential (and of no other)
    reach its links by shorter addresses; a credential's page and its version's page, made
    one after the other, differ in their tables of contents and in their depth."""
    nav = (
        "  - Maintainers: maintainers.md\n"
        "  - Featured:\n"
        "    - The credential: credentials/intro-databases/index.md\n"
        "    - Its version: credentials/intro-databases/1.0/index.md\n"
    )
    config = make_project(tmp_path / "project")
    text = config.read_text("utf-8").replace("  - Maintainers: maintainers.md\n", nav)
    text = text.replace("  font: false\n", "  font: false\n  logo: assets/logo.svg\n")
    config.write_text(text, encoding="utf-8")
    (config.parent / "docs" / "assets").mkdir()
    (config.parent / "docs" / "assets" / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8"
    )

    monkeypatch.setenv("CREDCAT_JOBS", "1")  # the pages are rendered where they are counted
    asked: list[bool] = []
    slot_html = mkdocs_plugin._Slot.html.fget
    assert slot_html is not None

    def html(slot: Any) -> str | None:
        found = slot_html(slot)
        asked.append(found is not None)
        return found

    monkeypatch.setattr(mkdocs_plugin._Slot, "html", property(html))
    build_site(config, tmp_path / "reused")
    reused = _html_pages(tmp_path / "reused")
    # a page that shows the same navigation as one before it takes it as rendered then
    assert asked.count(True) > 2 * asked.count(False) > 0

    monkeypatch.setattr(CredcatPlugin, "_slots", lambda self, page, context: {})
    build_site(config, tmp_path / "alone")
    assert reused == _html_pages(tmp_path / "alone")

    # what the test relies on: the featured credential's pages link to it by a shorter way
    featured = reused["credentials/intro-databases/1.0/index.html"].decode()
    other = reused["credentials/advanced-queries/1.0/index.html"].decode()
    assert 'href="../" class="md-nav__link"' in featured
    assert 'href="../../intro-databases/" class="md-nav__link"' in other
    assert 'src="../../../assets/logo.svg"' in other
    current = reused["credentials/advanced-queries/index.html"].decode()
    assert '<a href="#versions" class="md-nav__link">' in current
    assert '<a href="#versions" class="md-nav__link">' not in other
    assert '"base": "../.."' in current
    assert '"base": "../../.."' in other
