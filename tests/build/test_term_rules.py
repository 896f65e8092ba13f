"""The rules that find what authors mean, and self-links, on real built sites (issue 16).

Unit tables for each rule are in test_matcher.py; here the same rules go through MkDocs,
the plugin and a theme, and the output HTML is read back.
"""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
from conftest import build_cli, build_in_process

from mkdocs_faq_plugin.markdown import FaqExtension

FAQ = """\
questions:
  - id: q
    question: Why?
    answer: Because.
glossary:
  - term: Application Programming Interface (API)
    definition: How programs talk.
  - term: Containers
    definition: Packaged processes.
    details: Each container shares the kernel.
  - term: front matter
    definition: Metadata at the top of a page.
  - term: 컨테이너 이미지 (Container Image)
    id: ko-image
    definition: 컨테이너를 실행하는 파일.
  - term: Main
    aliases: [main branch]
    annotate: aliases
    definition: The default branch.
  - term: Issues
    annotate: false
    definition: GitHub issues.
  - term: REST
    definition: An architectural style.
"""

MARK = re.compile(r'<a class="faq-term" data-faq-term="([^"]+)"[^>]*>([^<]*)</a>')


def marks(html: str) -> list[tuple[str, str]]:
    return MARK.findall(html.split('<article', 1)[-1] if "<article" in html else html)


def page(site, path: str) -> str:
    """The page's content, without the navigation (which lists page titles)."""
    html = site.html(path)
    start = html.find('<div role="main"')
    return html[start:] if start >= 0 else html


def test_the_four_rules_on_a_built_site(project) -> None:
    docs = {
        "index.md": """\
            # Home

            Call the API, then an application programming interface again. Start a container.
            Pages keep their front-matter. Take a rest, not REST. An apiary has bees.

            Each main topic, and the main branch. Open issues.
            """,
        "ko.md": "# 한국어\n\n컨테이너 이미지를 내려받는다. 컨테이너이미지는 파일이다.\n",
    }
    site = build_in_process(project(faq=FAQ, docs=docs, config={"theme": "mkdocs"}))
    index = page(site, "index.html")
    assert marks(index) == [
        ("application-programming-interface-api", "API"),
        ("containers", "container"),
        ("front-matter", "front-matter"),
        ("rest", "REST"),
        ("main", "main branch"),
    ]
    ko = page(site, "ko/index.html")
    assert marks(ko) == [("ko-image", "컨테이너 이미지")]
    # The glossary shows the title with both the name and its abbreviation.
    glossary = site.html("glossary/index.html")
    assert "Application Programming Interface (API)" in glossary
    # annotate: false is linked by hand only, and never reported as unused.
    assert not any("Issues" in line for line in site.warnings), site.warnings


def test_no_new_form_is_marked_in_code_links_headings_or_titles(project) -> None:
    docs = {
        "index.md": """\
            # The API and containers

            ## Front-matter {#fm}

            `API` and `a container` and [the API](https://example.org).

            ```
            API container front-matter
            ```

            !!! note "API containers"
                Nothing before this: the API.

            <details><summary>API</summary>containers</details>
            """,
    }
    config = {"theme": "mkdocs", "markdown_extensions": ["admonition", "toc"]}
    site = build_in_process(project(faq=FAQ, docs=docs, config=config))
    index = page(site, "index.html")
    assert marks(index) == [("application-programming-interface-api", "API")]
    assert "Nothing before this: the <a" in index


def test_a_page_about_a_term_does_not_link_it_to_itself(project) -> None:
    docs = {
        "index.md": "# Home\n\nA container and an API.\n",
        "containers.md": """\
            ---
            glossary_term: containers
            ---
            # Containers

            A container runs on an API. Containers are small.
            """,
    }
    site = build_in_process(project(faq=FAQ, docs=docs, config={"theme": "mkdocs"}))
    about = page(site, "containers/index.html")
    assert marks(about) == [("application-programming-interface-api", "API")]
    # The page still counts as using the term: the glossary lists it under "Used in".
    glossary = site.html("glossary/index.html")
    entry = glossary.split('id="containers"', 1)[1].split("<h3", 1)[0]
    assert 'href="../containers/"' in entry
    # The term's own glossary entry does not link to itself either.
    assert "Each container shares" in entry and 'href="#containers"' not in entry


def test_self_links_true_turns_self_links_back_on(project) -> None:
    docs = {"containers.md": "---\nglossary_term: Containers\n---\n# C\n\nA container.\n"}
    config = {"theme": "mkdocs", "plugins": ["search", {"faq": {"glossary": {"self_links": True}}}]}
    site = build_in_process(project(faq=FAQ, docs=docs, config=config))
    assert marks(page(site, "containers/index.html")) == [("containers", "container")]
    entry = site.html("glossary/index.html").split('id="containers"', 1)[1].split("<h3", 1)[0]
    assert 'data-faq-term="containers" href="#containers"' in entry


def test_an_unknown_glossary_term_in_front_matter_fails_a_strict_build(project) -> None:
    docs = {"index.md": "---\nglossary_term: kontainer\n---\n# Home\n\nA container.\n"}
    site = build_cli(project(faq=FAQ, docs=docs), strict=True)
    assert site.returncode == 1
    assert "index.md: glossary_term 'kontainer' is not a term of the glossary" in site.output


def test_a_page_about_a_term_another_audience_holds_passes_strict(project) -> None:
    """One faq.yml, several handbooks: the public build leaves the internal term out, and
    the page about it (shared by both handbooks) is no breakage."""
    faq = FAQ + "  - term: Kontainer\n    audience: [internal]\n    definition: Ours.\n"
    docs = {"index.md": "---\nglossary_term: kontainer\n---\n# Home\n\nA container.\n"}
    config = {"theme": "mkdocs", "plugins": ["search", {"faq": {"audiences": ["public"]}}]}
    site = build_cli(project(faq=faq, docs=docs, config=config), strict=True)
    assert site.returncode == 0, site.output
    assert "glossary_term" not in site.output


def test_the_standalone_extension_reads_glossary_term_from_the_host(tmp_path: Path) -> None:
    """Zensical hands the page's front matter to the extension; self-links follow it."""
    (tmp_path / "faq.yml").write_text(FAQ, encoding="utf-8")

    class Page:
        def __init__(self, meta: dict[str, object]) -> None:
            self.path, self.meta = "containers.md", meta

    class RenderingContext(markdown.preprocessors.Preprocessor):
        page = Page({"glossary_term": "containers"})

        def run(self, lines: list[str]) -> list[str]:
            return lines

    for self_links, expected in ((False, []), (True, [("containers", "container")])):
        extension = FaqExtension(faq_file=str(tmp_path / "faq.yml"), self_links=self_links)
        md = markdown.Markdown(extensions=[extension])
        md.preprocessors.register(RenderingContext(md), "rendering_context", 0)
        assert marks(md.convert("A container.")) == expected


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        ("variants: false", []),
        ("case_sensitive: true", []),
        ("annotate: false", []),
        ("", [("containers", "container")]),
    ],
)
def test_per_term_settings_on_a_built_site(project, setting: str, expected: list) -> None:
    faq = FAQ.replace("    definition: Packaged processes.", f"    definition: Packaged processes.\n    {setting}")
    docs = {"index.md": "# Home\n\nA container. The API.\n"}
    site = build_in_process(project(faq=faq, docs=docs, config={"theme": "mkdocs"}))
    found = [m for m in marks(page(site, "index.html")) if m[0] == "containers"]
    assert found == expected


def test_on_a_page_about_a_term_the_terms_inside_its_name_are_found(project) -> None:
    faq = FAQ + "  - term: API Gateway\n    definition: One door to many services.\n"
    docs = {"api-gateway.md": "---\nglossary_term: api-gateway\n---\n# G\n\nAn API gateway routes.\n"}
    site = build_in_process(project(faq=faq, docs=docs, config={"theme": "mkdocs"}))
    assert marks(page(site, "api-gateway/index.html")) == [
        ("application-programming-interface-api", "API")
    ]
