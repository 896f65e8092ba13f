"""Backstage TechDocs: mkdocs-techdocs-core 1.7.1 (which pins Material 9.7.7), from the wheel.

* `faq` listed before and after `techdocs-core`, `mkdocs build --strict`;
* the techdocs-cli generator flow: mkdocs.yml lists `faq`, the generator appends
  `techdocs-core` and sets `edit_uri` without a trailing slash, then runs a non-strict
  `mkdocs build -v`; techdocs_metadata.json must stay valid JSON and the edit links of the
  generated pages must open faq.yml (techdocs-core's monorepo plugin moves docs_dir when
  `nav` is set);
* `use_material_search: true` with a `{ data-search-exclude }` paragraph keeps every mark;
* the page as Backstage's reader shows it (no script, no stylesheet of ours or the theme's)
  in Chromium with JavaScript off: marks are plain links with the definition in `title`,
  every answer is visible, and no control is shown that would need JavaScript.
"""

from __future__ import annotations

import functools
import http.server
import importlib.util
import os
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from hostsite import (
    QUESTIONS,
    assert_faq_site,
    assert_installed_from_wheel,
    build,
    version,
    write_site,
)

EDIT_URI = "https://github.com/ORG/REPO/edit/main/docs"  # as the generator writes it
FAQ_YML = "https://github.com/ORG/REPO/edit/main/faq.yml"
NAV = [{"Home": "index.md"}]
CHROMIUM = "/usr/bin/chromium"


def test_versions() -> None:
    assert_installed_from_wheel()
    assert version("mkdocs-techdocs-core") == "1.7.1"
    assert version("mkdocs-material") == "9.7.7"


def _edit_links(html: str) -> list[str]:
    return re.findall(r'<a href="([^"]+)" title="Edit this page"', html)


@pytest.mark.parametrize("plugins", [["faq", "techdocs-core"], ["techdocs-core", "faq"]])
def test_strict_build_either_order(tmp_path: Path, plugins: list[str]) -> None:
    config = write_site(tmp_path, {
        "repo_url": "https://github.com/ORG/REPO", "edit_uri": "edit/main/docs/",
        "nav": NAV, "plugins": plugins,
    })  # fmt: skip
    site = build(config)
    assert_faq_site(site)
    for page in ("faq/index.html", "faq/basics/index.html", "glossary/index.html"):
        assert _edit_links(site.html(page)) == [FAQ_YML], page
    assert _edit_links(site.html("index.html")) == ["https://github.com/ORG/REPO/edit/main/docs/index.md"]


def test_generator_flow(tmp_path: Path) -> None:
    """What `techdocs-cli generate` does to an mkdocs.yml that lists only `faq`."""
    config = write_site(tmp_path, {"site_description": 'Says "hi"', "nav": NAV, "plugins": ["faq"]})
    import yaml

    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    settings["plugins"].append("techdocs-core")
    settings["edit_uri"] = EDIT_URI
    config.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    site = build(config, args=("-v",))
    assert site.returncode == 0, site.output
    assert "Traceback" not in site.output
    assert not [line for line in site.output.splitlines() if line.startswith("WARNING") and "faq" in line]
    metadata = site.json("techdocs_metadata.json")
    assert metadata["site_name"] == "Host test" and metadata["site_description"] == 'Says "hi"'
    for page in ("faq/index.html", "faq/usage/index.html", "glossary/index.html"):
        assert _edit_links(site.html(page)) == [FAQ_YML], page
    assert _edit_links(site.html("index.html")) == [f"{EDIT_URI}/index.md"]


def test_material_search_keeps_every_mark(tmp_path: Path) -> None:
    config = write_site(tmp_path, {
        "markdown_extensions": ["attr_list"],
        "plugins": [{"techdocs-core": {"use_material_search": True}}, "faq"],
    })  # fmt: skip
    site = build(config)
    assert_faq_site(site)
    index = site.html("index.html")
    assert 'data-faq-term="fine-tuning"' in index  # in the excluded paragraph
    docs = site.json("search/search_index.json")["docs"]
    assert not [doc for doc in docs if "left out of the search index" in doc["text"]]
    assert any(doc["location"] == "faq/basics/#what-is-a-widget" for doc in docs)


# ------------------------------------------------------------------ as Backstage shows it

_STRIPPED = re.compile(
    r"<script\b[^>]*>.*?</script>|<link\b[^>]*rel=\"?stylesheet\"?[^>]*>", re.DOTALL | re.IGNORECASE
)


@pytest.fixture(scope="module")
def backstage_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A TechDocs build with every script and stylesheet removed, served on 127.0.0.1."""
    if not os.path.exists(CHROMIUM) or importlib.util.find_spec("playwright") is None:
        pytest.fail(f"this test needs {CHROMIUM} and playwright (scripts/host-check installs it)")
    root = tmp_path_factory.mktemp("backstage")
    config = write_site(root, {"plugins": ["techdocs-core", "faq"]})
    site = build(config)
    assert site.returncode == 0, site.output
    for page in (root / "site").rglob("*.html"):
        page.write_text(_STRIPPED.sub("", page.read_text(encoding="utf-8")), encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root / "site"))
    handler.log_message = lambda *args: None  # type: ignore[method-assign]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="module")
def no_script_page(backstage_site: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        context = browser.new_context(java_script_enabled=False)
        yield context.new_page()
        browser.close()


def test_backstage_page_has_no_script_or_stylesheet(no_script_page, backstage_site: str) -> None:
    page = no_script_page
    page.goto(backstage_site)
    assert page.locator("script, link[rel=stylesheet]").count() == 0


def test_marks_are_plain_links_with_their_definition(no_script_page, backstage_site: str) -> None:
    page = no_script_page
    page.goto(backstage_site)
    marks = page.locator("article .faq-term")
    assert marks.count() >= 2
    for index in range(marks.count()):
        mark = marks.nth(index)
        assert mark.evaluate("e => e.tagName") == "A"
        assert mark.get_attribute("title")
        assert mark.is_visible()
    first = page.locator('article a.faq-term[data-faq-term="foundation-model"]').first
    assert first.get_attribute("title") == "A large model trained on broad data."
    first.click()
    page.wait_for_url(re.compile(r"/glossary/#foundation-model$"))
    assert page.locator("#foundation-model").is_visible()


@pytest.mark.parametrize("category", sorted(set(QUESTIONS.values())))
def test_every_answer_is_visible_and_no_dead_control(no_script_page, backstage_site: str, category: str) -> None:
    page = no_script_page
    page.goto(backstage_site + category)
    for qid, where in QUESTIONS.items():
        if where == category:
            assert page.locator(f"#{qid}").is_visible()
    answers = {"faq/basics/": "A widget is a small tool", "faq/usage/": "Use fine-tuning on a"}
    assert page.get_by_text(answers[category]).is_visible()
    _assert_no_dead_controls(page)


def test_glossary_without_script(no_script_page, backstage_site: str) -> None:
    page = no_script_page
    page.goto(backstage_site + "glossary/")
    for term in ("foundation-model", "parameter", "fine-tuning"):
        assert page.locator(f"#{term}").is_visible()
    assert page.get_by_text("Further training of a pre-trained model.").first.is_visible()
    _assert_no_dead_controls(page)


def _assert_no_dead_controls(page) -> None:
    """Inside the article, every visible interactive element is a link that goes somewhere or
    the summary of a native `<details>` disclosure (which works without script)."""
    controls = page.locator(
        "article button, article input, article select, article textarea, "
        "article [role=button], article [tabindex]:not(a):not(summary):not([tabindex='-1']), "
        "article summary:not(details > summary)"
    )
    visible = [controls.nth(i).evaluate("e => e.outerHTML") for i in range(controls.count())
               if controls.nth(i).is_visible()]
    assert visible == []
    for link in page.locator("article a[href]").all():
        href = link.get_attribute("href") or ""
        assert href and href != "#" and not href.startswith("javascript:"), link.evaluate("e => e.outerHTML")
