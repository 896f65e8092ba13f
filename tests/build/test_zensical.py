"""The same site built twice: MkDocs with the plugin, and Zensical with the Markdown extension
and the pages `mkdocs-faq generate` wrote. Questions, anchors, search entries and term marks
must agree.

Needs the `zensical` extra (`pip install -e '.[zensical]'`); without it, or where Zensical
cannot run, every test here is skipped with the reason.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import build_in_process
from test_generate import FAQ, SITE_PAGES, _jsonld, make_site, page_facts, run

try:
    import zensical  # noqa: F401
except ImportError as exc:  # pragma: no cover - depends on the environment
    pytest.skip(
        f"zensical is not installed ({exc}); install it with: pip install -e '.[zensical]'",
        allow_module_level=True,
    )

ZENSICAL_TOML = """\
[project]
site_name = "Test site"
site_url = "https://example.org/docs/"
watch = ["faq.yml"]
extra_css = ["assets/faq/faq.css"]
extra_javascript = ["assets/faq/faq.js"]

[project.markdown_extensions.toc]
[project.markdown_extensions.attr_list]
[project.markdown_extensions."mkdocs_faq_plugin.markdown"]
faq_file = "faq.yml"
"""


def zensical_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "zensical", *args]


@pytest.fixture(scope="module")
def zensical_version() -> str:
    """Zensical's version, or a skip saying exactly why it cannot run here."""
    try:
        process = subprocess.run(
            zensical_command("--version"), capture_output=True, text=True, timeout=120,
            check=False,
        )  # fmt: skip
    except (OSError, subprocess.TimeoutExpired) as exc:  # pragma: no cover
        pytest.skip(f"zensical is installed but cannot run here: {exc}")
    if process.returncode != 0:  # pragma: no cover
        output = (process.stdout + process.stderr).strip()
        pytest.skip(f"zensical is installed but cannot run here: {output}")
    return process.stdout.strip()


def zensical_build(root: Path, *, clean: bool = True) -> subprocess.CompletedProcess[str]:
    args = ["build", "-f", str(root / "zensical.toml")]
    if clean:
        args.append("--clean")
    env = {**os.environ, "NO_COLOR": "1"}
    process = subprocess.run(
        zensical_command(*args), cwd=root, capture_output=True, text=True, env=env, timeout=300,
        check=False,
    )  # fmt: skip
    assert process.returncode == 0, process.stdout + process.stderr
    return process


def zensical_site(root: Path, *, json_ld: bool = False) -> Path:
    """The test site for Zensical: docs, faq.yml, zensical.toml, then the generated pages."""
    make_site(root, plugin=False)
    (root / "mkdocs.yml").unlink()  # Zensical would read it too; zensical.toml is the config
    (root / "zensical.toml").write_text(ZENSICAL_TOML, encoding="utf-8")
    args = ["generate", "--json-ld"] if json_ld else ["generate"]
    process = run(*args, cwd=root)
    assert process.returncode == 0, process.stderr
    assert process.stderr == ""  # no configuration warning for a correct Zensical site
    return root / "site"


def html(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


def article(page_html: str) -> str:
    """The page content: what Markdown made, without the theme around it."""
    start = page_html.index('<article class="md-content__inner md-typeset">')
    return page_html[start : page_html.index("</article>", start)]


def search_entries(entries: list[dict[str, Any]]) -> set[tuple[str, str]]:
    """(location, title) of the search entries for the generated pages' sections."""
    return {
        (entry["location"], entry["title"])
        for entry in entries
        if entry["location"].startswith(("faq/", "glossary/")) and "#" in entry["location"]
    }


def test_zensical_and_mkdocs_build_the_same_knowledge_base(
    tmp_path: Path, zensical_version: str
) -> None:
    # Material for MkDocs: the theme Zensical's own is modelled on, so pages compare alike.
    config = make_site(tmp_path / "mkdocs", plugin=True, theme={"name": "material", "font": False})
    mkdocs = build_in_process(config, strict=True)
    root = tmp_path / "zensical"
    site = zensical_site(root, json_ld=True)
    output = zensical_build(root)
    # Zensical checks the `.md` links the extension writes; all of them must resolve.
    assert "No issues found" in output.stdout + output.stderr, output.stdout + output.stderr

    for page in SITE_PAGES:
        expected = page_facts(article(mkdocs.html(page)))
        actual = page_facts(article(html(site, page)))
        assert actual.questions == expected.questions, page
        assert actual.headings == expected.headings, page
        assert actual.marks == expected.marks, page
    assert page_facts(html(site, "faq/usage/index.html")).questions == ["tuning-widgets"]
    assert page_facts(html(site, "guide/quiet/index.html")).marks == []  # glossary: false
    assert 'href="faq/usage/#tuning-widgets"' in html(site, "index.html")

    # Search: Zensical writes search.json ({"config", "items": [{location, title, text, ...}]}).
    index = json.loads(html(site, "search.json"))
    # Zensical also lists each page's h1 as a section (level 1); Material folds it into the
    # page's own entry.
    zensical_entries = search_entries([e for e in index["items"] if e.get("level") != 1])
    mkdocs_entries = search_entries(mkdocs.search_index()["docs"])
    assert ("faq/basics/#what-is-a-widget", "What is a widget?") in zensical_entries
    assert ("glossary/#fine-tuning", "fine-tuning") in zensical_entries
    assert zensical_entries == mkdocs_entries
    answers = {e["location"]: e["text"] for e in index["items"]}
    assert "fine-tuning on a foundation model" in answers["faq/usage/#tuning-widgets"]
    # JSON-LD: in the page body instead of <head>, same data, and kept out of the search text.
    for page in ("faq/basics/index.html", "faq/usage/index.html"):
        assert _jsonld(html(site, page)) == _jsonld(mkdocs.html(page)) != []
    assert not any("schema.org" in entry["text"] for entry in index["items"])
    # The assets the site lists in extra_css / extra_javascript are there.
    assert (site / "assets/faq/faq.css").is_file() and (site / "assets/faq/faq.js").is_file()
    assert '<script src="./assets/faq/faq.js">' in html(site, "index.html")


def test_zensical_rebuilds_pages_when_watched_faq_yml_changes(
    tmp_path: Path, zensical_version: str
) -> None:
    root = tmp_path / "site"
    site = zensical_site(root)
    zensical_build(root)
    assert 'data-faq-term="welcome"' not in html(site, "index.html")
    faq = root / "faq.yml"
    # An everyday word: `annotate: true` marks it wherever it is, as this test needs.
    faq.write_text(FAQ + "  - term: welcome\n    definition: A greeting.\n    annotate: true\n",
                   encoding="utf-8")
    stamp = faq.stat().st_mtime + 5  # Zensical compares whole seconds
    os.utime(faq, (stamp, stamp))
    assert run("generate", cwd=root).returncode == 0
    zensical_build(root, clean=False)  # a cached rebuild, as `zensical serve` does
    # index.md itself did not change: only `watch = ["faq.yml"]` makes Zensical render it again.
    assert 'data-faq-term="welcome"' in html(site, "index.html")


def test_check_and_generate_warn_about_a_faq_plugin_zensical_ignores(
    tmp_path: Path, zensical_version: str
) -> None:
    root = tmp_path / "site"
    make_site(root, plugin=False)
    (root / "mkdocs.yml").unlink()
    (root / "zensical.toml").write_text(
        ZENSICAL_TOML.replace('watch = ["faq.yml"]', 'watch = ["faq.yml"]\nplugins = ["faq"]'),
        encoding="utf-8",
    )
    for command in ("check", "generate"):
        process = run(command, cwd=root)
        assert process.returncode == 0
        assert "warning: zensical.toml: faq is listed under plugins, but Zensical ignores" in (
            process.stderr
        )
    # ... and Zensical indeed says nothing about it, even when strict.
    output = subprocess.run(
        zensical_command("build", "--strict", "--clean"), cwd=root, capture_output=True,
        text=True, env={**os.environ, "NO_COLOR": "1"}, timeout=300, check=False,
    )  # fmt: skip
    assert output.returncode == 0, output.stdout + output.stderr
    assert "faq" not in (output.stdout + output.stderr).lower().replace("faq.yml", "")


def test_docs_mention_the_tested_version(zensical_version: str) -> None:
    guide = Path(__file__).resolve().parent.parent.parent / "docs" / "guide" / "zensical.md"
    assert f"Zensical {zensical_version}" in guide.read_text(encoding="utf-8")
