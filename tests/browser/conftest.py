"""Real sites in a real headless Chromium: build with `mkdocs build`, serve on 127.0.0.1, drive.

Every site is built once per session by the real command line into a temporary folder and
served by a `ThreadingHTTPServer` on 127.0.0.1 (port 0) in a background thread. Pages are opened
with Playwright's sync API in Debian's Chromium (`/usr/bin/chromium`); no browser is downloaded.

Each test's page records every request and console message. A request to any host other than
127.0.0.1/localhost is aborted and fails the test, and so does any console error or uncaught
exception (checked when the `page` fixture is torn down).
"""

from __future__ import annotations

import functools
import http.server
import importlib.util
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
TESTS = Path(__file__).resolve().parent.parent
ROOT = TESTS.parent


def _load_shared_fixtures() -> Any:
    """tests/conftest.py (write_project, MINIMAL_FAQ) under its own name, whatever sys.path is."""
    spec = importlib.util.spec_from_file_location("faq_tests_shared", TESTS / "conftest.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


shared = _load_shared_fixtures()


def skip_without_browser() -> None:
    """Call at the top of every browser test module."""
    if not os.path.exists(CHROMIUM):
        pytest.skip(
            f"browser tests need Debian's chromium at {CHROMIUM} (apt-get install chromium); "
            "they never download a browser",
            allow_module_level=True,
        )
    if importlib.util.find_spec("playwright") is None:
        pytest.skip("browser tests need the playwright Python package", allow_module_level=True)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


# --------------------------------------------------------------------------- the fixture site

# A bigger knowledge base than MINIMAL_FAQ: two categories with three questions each, tags
# shared across categories, aliases, and words that occur in one question only.
FIXTURE_FAQ = """\
title: Widget FAQ
description: Everything people ask about widgets.
categories:
  - id: basics
    title: The basics
    description: What widgets are and where they come from.
  - id: usage
    title: Using widgets
questions:
""" + shared.WIDGET_QUESTION + """\
  - id: widget-history
    question: Who invented the widget?
    answer: |
      Nobody knows for sure. The oldest surviving widget was found next to a brass sprocket
      in a workshop near Lyon.
    category: basics
    tags: [history]
  - id: widget-colours
    question: Which colours do widgets come in?
    answer: |
      Red, green and a rare ultramarine. The colour does not change how the widget works.
    category: basics
    tags: [intro, design]
  - id: tuning-widgets
    question: How do I tune a widget?
    answer: |
      Use fine-tuning on a foundation model, then check every parameter twice.
    category: usage
    tags: [intro, advanced]
    sources:
      - {title: Widget manual, url: "https://example.org/manual"}
  - id: cleaning-widgets
    question: How do I clean a widget?
    answer: |
      Wipe it with a dry cloth. Never put a widget in the dishwasher.
    category: usage
    tags: [maintenance]
  - id: storing-widgets
    question: Where should I store my widgets over winter?
    answer: |
      Somewhere dry and cool, away from magnets.
    category: usage
    tags: [maintenance, advanced]
glossary:
  - term: foundation model
    aliases: [FM]
    definition: A large model trained on broad data that many applications are built on.
  - term: parameter
    definition: A number the model learns during training.
  - term: fine-tuning
    definition: Further training of a pre-trained model on a smaller, task-specific data set.
  - term: sprocket
    definition: A toothed wheel that engages a chain.
  - term: widget
    definition: A small tool with many parameters.
"""

FIXTURE_DOCS = {
    "index.md": """\
        # Home

        Start with the [guide](guide.md). A foundation model has billions of values.

        Some filler text so that the page has a little body.
        """,
    "guide.md": """\
        # Guide

        Read [the FAQ](faq:) first. Then learn about fine-tuning, which adjusts each
        parameter a little.

        A sprocket is not needed here.
        """,
}


@dataclass
class Served:
    """A built site served over HTTP on 127.0.0.1."""

    name: str
    site_dir: Path
    base_url: str = ""
    build_output: str = ""
    server: http.server.ThreadingHTTPServer | None = field(default=None, repr=False)

    def url(self, path: str = "") -> str:
        return self.base_url + path.lstrip("/")

    def html_pages(self) -> list[str]:
        """Every page of the site as a URL path (`faq/basics/`), 404 and search pages excepted."""
        pages = []
        for file in sorted(self.site_dir.rglob("index.html")):
            rel = file.parent.relative_to(self.site_dir).as_posix()
            pages.append("" if rel == "." else rel + "/")
        return pages


# Material's light (default) and dark (slate) schemes, chosen by the reader's system setting
# (Playwright's `color_scheme`), as on this repository's own site.
MATERIAL_PALETTE = [
    {
        "media": "(prefers-color-scheme: light)",
        "scheme": "default",
        "toggle": {"icon": "material/weather-night", "name": "Switch to dark mode"},
    },
    {
        "media": "(prefers-color-scheme: dark)",
        "scheme": "slate",
        "toggle": {"icon": "material/weather-sunny", "name": "Switch to light mode"},
    },
]

# The mkdocs theme's darkmode.js switches highlight.js styles that `highlightjs: false` leaves
# out, and throws on every page that is not light (a theme bug; the page is dark all the same).
MKDOCS_DARKMODE_ERROR = "Cannot set properties of null (setting 'disabled')"

# name -> (theme config, extra mkdocs.yml settings)
FIXTURE_SITES: dict[str, dict[str, Any]] = {
    "material": {"theme": {"name": "material", "font": False, "palette": MATERIAL_PALETTE}},
    "material-instant": {
        "theme": {"name": "material", "font": False, "features": ["navigation.instant"]},
    },
    "material-tooltips": {
        "theme": {
            "name": "material",
            "font": False,
            "palette": MATERIAL_PALETTE,
            "features": ["navigation.instant", "content.tooltips"],
        },
    },
    # Instant navigation with no plugin file on ordinary pages: the generated pages bring theirs.
    "material-plain": {
        "theme": {"name": "material", "font": False, "features": ["navigation.instant"]},
        "plugins": ["search", {"faq": {"tooltips": False}}],
    },
    # Both built-in themes load highlight.js from a CDN unless told not to.
    "mkdocs": {"theme": {"name": "mkdocs", "highlightjs": False}},
    "mkdocs-dark": {"theme": {"name": "mkdocs", "highlightjs": False, "color_mode": "dark"}},
    # Terms as focusable <span>s (glossary.link: false) on one theme.
    "readthedocs": {
        "theme": {"name": "readthedocs", "highlightjs": False},
        "plugins": ["search", {"faq": {"glossary": {"link": False}}}],
    },
}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass


def _bind(site: Served) -> None:
    """Open the site's server socket first: the build needs its URL (see `site_url` below)."""
    handler = functools.partial(_QuietHandler, directory=str(site.site_dir))
    site.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    site.server.daemon_threads = True
    site.base_url = f"http://127.0.0.1:{site.server.server_address[1]}/"


def _serve(site: Served) -> None:
    assert site.server is not None
    thread = threading.Thread(target=site.server.serve_forever, name=f"serve-{site.name}", daemon=True)
    thread.start()


def _start_build(config: Path, site_dir: Path) -> subprocess.Popen[str]:
    """`python -m mkdocs build -f CONFIG -d SITE_DIR`, running in the background."""
    env = {**os.environ, "NO_COLOR": "1", "DISABLE_MKDOCS_2_WARNING": "true", "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site_dir)],
        cwd=config.parent,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


@pytest.fixture(scope="session")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Served]]:
    """Every site of the suite, built in parallel by the real `mkdocs build`, then served.

    `repo` is this repository's own documentation site (its mkdocs.yml, built into a temporary
    site_dir with `-d`).
    """
    base = tmp_path_factory.mktemp("browser-sites")
    jobs: dict[str, tuple[subprocess.Popen[str], Served, Path]] = {}
    for name, settings in FIXTURE_SITES.items():
        root = base / name
        root.mkdir()
        site = Served(name, root / "site")
        _bind(site)
        config = shared.write_project(
            root,
            faq=FIXTURE_FAQ,
            docs=FIXTURE_DOCS,
            # Material's instant navigation only intercepts links to URLs of sitemap.xml, which
            # is empty without a site_url and must name the port the site is served on.
            config={"site_name": f"Widgets ({name})", "site_url": site.base_url, **settings},
        )
        jobs[name] = (_start_build(config, site.site_dir), site, config)
    repo = Served("repo", base / "repo-site")
    _bind(repo)
    jobs["repo"] = (_start_build(ROOT / "mkdocs.yml", repo.site_dir), repo, ROOT / "mkdocs.yml")

    built: dict[str, Served] = {}
    failures: dict[str, str] = {}
    for name, (process, site, config) in jobs.items():
        output, _ = process.communicate(timeout=300)
        site.build_output = output
        if process.returncode != 0:
            failures[name] = f"`mkdocs build -f {config}` failed ({process.returncode}):\n{output[-3000:]}"
            assert site.server is not None
            site.server.server_close()
            continue
        _serve(site)
        built[name] = site
    built_sites = _Sites(built, failures)
    try:
        yield built_sites
    finally:
        for site in built.values():
            if site.server is not None:
                site.server.shutdown()
                site.server.server_close()


class _Sites(dict):
    """`sites["mkdocs"]`; a site whose build failed fails the test that asks for it."""

    def __init__(self, built: dict[str, Served], failures: dict[str, str]):
        super().__init__(built)
        self.failures = failures

    def __missing__(self, name: str) -> Served:
        if name in self.failures:
            pytest.fail(self.failures[name], pytrace=False)
        raise KeyError(name)


# --------------------------------------------------------------------------- the browser


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@dataclass
class Watch:
    """What one browser context did: requests made, requests blocked, errors logged."""

    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    allowed_errors: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    """URLs answered with 404."""

    def check(self) -> None:
        assert not self.blocked, f"requests left 127.0.0.1: {self.blocked}"
        errors = [e for e in self.errors if not any(a in e for a in self.allowed_errors)]
        if self.missing and all(url.endswith("/sitemap.xml") for url in self.missing):
            # Material's language selector fetches `<alternate link>/sitemap.xml`; with
            # mkdocs-static-i18n each alternate link is the same page in another language
            # (our own site), so those probes miss on every page. Any other 404 still fails.
            errors = [e for e in errors if MISSING_RESOURCE not in e]
        assert not errors, "console errors:\n" + "\n".join(errors)


MISSING_RESOURCE = "Failed to load resource: the server responded with a status of 404"


def open_context(browser: Any, watch: Watch, **options: Any) -> Any:
    """A fresh context whose every request and console error lands in `watch`."""
    options.setdefault("viewport", {"width": 1280, "height": 800})
    options.setdefault("reduced_motion", "reduce")
    context = browser.new_context(service_workers="block", **options)
    context.set_default_timeout(5_000)

    def route(route: Any) -> None:
        url = route.request.url
        host = urlsplit(url).hostname or ""
        if url.startswith(("data:", "blob:", "about:")) or host in LOCAL_HOSTS:
            route.continue_()
        else:
            watch.blocked.append(url)
            route.abort()

    context.route("**/*", route)
    context.on("request", lambda request: watch.requests.append(request.url))
    context.on("response", lambda response: watch.missing.append(response.url) if response.status == 404 else None)

    def on_page(page: Any) -> None:
        page.on(
            "console",
            lambda message: watch.errors.append(f"{page.url}: {message.text}")
            if message.type == "error"
            else None,
        )
        page.on("pageerror", lambda error: watch.errors.append(f"{page.url}: uncaught {error}"))

    context.on("page", on_page)
    return context


@pytest.fixture
def watch() -> Watch:
    return Watch()


@pytest.fixture
def page(browser: Any, watch: Watch) -> Iterator[Any]:
    """A desktop-sized page (1280×800); fails the test on console errors or external requests."""
    context = open_context(browser, watch)
    page = context.new_page()
    yield page
    context.close()
    watch.check()


@pytest.fixture
def touch_page(browser: Any, watch: Watch) -> Iterator[Any]:
    """A phone-sized touch page (375×740)."""
    context = open_context(
        browser, watch, viewport={"width": 375, "height": 740}, has_touch=True, is_mobile=True
    )
    page = context.new_page()
    yield page
    context.close()
    watch.check()


MAX_TABS = 80  # more than any fixture page needs before the element a test walks to


def tab_to(page: Any, locator: Any) -> None:
    """Press Tab from where the focus is until `locator` has it, as a keyboard user would."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if locator.evaluate("node => node === document.activeElement"):
            return
    raise AssertionError(f"{locator} is not reached with Tab")
