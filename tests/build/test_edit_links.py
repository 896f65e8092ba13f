"""The edit link of every generated page opens faq.yml in the repository, whatever form of
`edit_uri` the site uses: relative to `repo_url` or absolute, with or without the trailing
slash, or `edit_uri_template`; also when the docs folder is nested, and when a plugin moves
`docs_dir` (mkdocs-monorepo-plugin does, for Backstage TechDocs: tests/hosts/test_host_techdocs.py).
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
from conftest import build_in_process
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_faq_plugin.plugin.edit_links import edit_path, source_docs_dir, without_dot_segments

REPO = "https://github.com/ORG/REPO"
GENERATED = ("faq/index.html", "faq/basics/index.html", "glossary/index.html")

FORMS: dict[str, tuple[dict[str, Any], str]] = {
    "relative": ({"repo_url": REPO, "edit_uri": "edit/main/docs/"}, f"{REPO}/edit/main/faq.yml"),
    "relative, no slash": ({"repo_url": REPO, "edit_uri": "edit/main/docs"}, f"{REPO}/edit/main/faq.yml"),
    "absolute": ({"edit_uri": f"{REPO}/edit/main/docs/"}, f"{REPO}/edit/main/faq.yml"),
    # What the techdocs-cli generator writes into mkdocs.yml.
    "absolute, no slash": ({"edit_uri": f"{REPO}/edit/main/docs"}, f"{REPO}/edit/main/faq.yml"),
    "repo_url only (MkDocs' default edit_uri)": ({"repo_url": REPO}, f"{REPO}/edit/master/faq.yml"),
    "template": (
        {"repo_url": REPO, "edit_uri_template": "blob/main/docs/{path}?plain=1"},
        f"{REPO}/blob/main/faq.yml?plain=1",
    ),
    "absolute template": (
        {"edit_uri_template": "https://gitlab.com/ORG/REPO/-/edit/main/docs/{path}"},
        "https://gitlab.com/ORG/REPO/-/edit/main/faq.yml",
    ),
    "nested docs_dir": (
        {"repo_url": REPO, "edit_uri": "edit/main/handbook/src/", "docs_dir": "handbook/src"},
        f"{REPO}/edit/main/faq.yml",
    ),
}


@pytest.mark.parametrize("form", list(FORMS))
def test_every_edit_uri_form_links_generated_pages_to_faq_yml(project, form: str) -> None:
    settings, expected = FORMS[form]
    docs_dir = settings.get("docs_dir")
    docs = {"index.md": "# Home\n\nA foundation model.\n"}
    config = project(config={**settings, "theme": {"name": "mkdocs"}}, docs=docs)
    if docs_dir:  # write_project writes docs/; this site keeps its pages elsewhere
        target = config.parent / docs_dir
        target.mkdir(parents=True)
        (config.parent / "docs" / "index.md").rename(target / "index.md")
    site = build_in_process(config, strict=True)
    for page in GENERATED:
        html = site.html(page)
        assert f'href="{expected}"' in html, (page, [line for line in html.splitlines() if "edit" in line.lower()][:5])
    assert "../faq.yml" not in site.html("faq/index.html")
    # An ordinary page keeps MkDocs' own link, to its own file.
    own = re.findall(r'href="([^"]*)"', site.html("index.html"))
    assert [url for url in own if url.split("?")[0].endswith("/index.md")], form


class _Moved:
    originalDocsDir = "/repo/docs"


def test_source_docs_dir_is_where_monorepo_copied_the_docs_from() -> None:
    assert source_docs_dir("/tmp/xyz", {"monorepo": _Moved()}) == "/repo/docs"
    assert source_docs_dir("/repo/docs", {"monorepo": object()}) == "/repo/docs"
    assert source_docs_dir("/repo/docs", {}) == "/repo/docs"
    assert edit_path("/repo/faq.yml", source_docs_dir("/tmp/xyz", {"monorepo": _Moved()})) == "../faq.yml"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (f"{REPO}/edit/main/docs/../faq.yml", f"{REPO}/edit/main/faq.yml"),
        (f"{REPO}/edit/main/docs/./faq.yml", f"{REPO}/edit/main/docs/faq.yml"),
        ("https://h/a/b/..", "https://h/a/"),
        ("https://h/a/../../../b?x=../y#../z", "https://h/b?x=../y#../z"),
        ("../faq.yml", "../faq.yml"),  # nothing to resolve it against
        (f"{REPO}/edit/main/faq.yml", f"{REPO}/edit/main/faq.yml"),
    ],
)
def test_without_dot_segments(url: str, expected: str) -> None:
    assert without_dot_segments(url) == expected


segment = st.sampled_from(["a", "b", "docs", ".", "..", "faq.yml"])


@given(st.lists(segment, max_size=8))
def test_without_dot_segments_resolves_like_a_browser(segments: list[str]) -> None:
    url = "https://example.org/" + "/".join(segments)
    path = urlsplit(url).path
    assert without_dot_segments(url) == urljoin("https://example.org/", path)
