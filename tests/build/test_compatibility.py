"""The faq plugin beside popular third-party plugins: real `mkdocs build --strict` builds.

Each case is a small Material site (a home page, a guide, a section with an index page, an
image) plus one plugin. Every build must pass with `--strict`, contain the FAQ and glossary
pages, and carry term marks on ordinary pages; some cases check what their plugin does with
our pages too (rss lists them, print-site prints them, gen-files' page is annotated).

The sites are built by the real command line, several at a time, once per module.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import MINIMAL_FAQ

DOCS = {
    "index.md": """\
        # Home

        A foundation model has parameters. Read the [guide](guide.md) and the [FAQ](faq/index.md).

        ![A widget](img/widget.png)
        """,
    "guide.md": """\
        # Guide

        Fine-tuning adjusts each parameter a little.
        """,
    "section/index.md": "# Section\n\nAbout fine-tuning.\n",
    "section/page.md": "# Section page\n\nA foundation model again.\n",
}
# The smallest valid PNG (1×1, transparent), so glightbox and offline have an image.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000005000158bd7a0c0000000049454e44ae426082"
)
GEN_FILES_SCRIPT = """\
import mkdocs_gen_files

with mkdocs_gen_files.open("generated.md", "w") as page:
    page.write("# Generated\\n\\nThis generated page mentions fine-tuning.\\n")
"""
THEME = {"name": "material", "font": False}


@dataclass
class Case:
    plugins: list[Any]
    files: dict[str, str | bytes] | None = None
    settings: dict[str, Any] | None = None
    git: bool = False
    strict: bool = True


CASES: dict[str, Case] = {
    "awesome-pages": Case(
        ["search", "awesome-pages", "faq"],
        files={"docs/.pages": "nav:\n  - index.md\n  - guide.md\n  - ...\n"},
    ),
    "git-revision-date-localized": Case(
        ["search", "git-revision-date-localized", "faq"], git=True,
    ),
    "minify": Case(["search", {"minify": {"minify_html": True, "minify_js": True, "minify_css": True}}, "faq"]),
    "gen-files": Case(
        ["search", {"gen-files": {"scripts": ["gen_pages.py"]}}, "faq"],
        files={"gen_pages.py": GEN_FILES_SCRIPT},
    ),
    "exclude-search": Case(["search", {"exclude-search": {"exclude": ["guide.md"]}}, "faq"]),
    "glightbox": Case(["search", "glightbox", "faq"]),
    "print-site": Case(["search", "faq", "print-site"]),  # print-site must come last
    "section-index": Case(["search", "section-index", "faq"]),
    "offline": Case(["search", "offline", "faq"]),  # turns use_directory_urls off
    "blog": Case(
        ["search", "blog", "faq"],
        files={
            "docs/blog/index.md": "# Blog\n",
            "docs/blog/posts/first.md": "---\ndate: 2024-01-02\n---\n\n# First post\n\nOn fine-tuning.\n",
        },
    ),
    "meta": Case(
        ["search", "meta", "faq"],
        files={"docs/section/.meta.yml": "glossary: false\n"},
    ),
    "rss": Case(
        ["search", {"rss": {"match_path": ".*"}}, "faq"],
        settings={"site_url": "https://example.org/"},
        git=True,
    ),
    "static-i18n": Case(
        [
            "search",
            {"i18n": {"languages": [
                {"locale": "en", "default": True, "name": "English"},
                {"locale": "fr", "name": "Français"},
            ]}},
            "faq",
        ],
        files={"docs/index.fr.md": "# Accueil\n\nUn modèle de fondation.\n"},
    ),
}
I18N_LANGUAGES = CASES["static-i18n"].plugins[1]
# rss re-reads its options in each of static-i18n's language builds and warns about its own
# default time format there: `--strict` fails on rss's warning, whatever else the site holds.
# Built without --strict to show that everything else works; see docs/guide/compatibility.md.
CASES["rss+static-i18n"] = Case(
    ["search", I18N_LANGUAGES, {"rss": {"match_path": ".*"}}, "faq"],
    files=CASES["static-i18n"].files,
    settings={"site_url": "https://example.org/"},
    git=True,
    strict=False,
)
RSS_I18N_WARNING = "[RSS-plugin]: Config error: `date_from_meta.default_time`"


@dataclass
class Built:
    root: Path
    returncode: int
    output: str

    @property
    def site(self) -> Path:
        return self.root / "site"

    def page(self, url: str) -> Path:
        """The file of a page URL (`faq/basics/`), with or without directory URLs."""
        directory = self.site / url / "index.html"
        if directory.is_file() or not url:
            return directory
        return self.site / (url.rstrip("/") + ".html") if not url.endswith("index/") else directory

    def html(self, url: str) -> str:
        return self.page(url).read_text(encoding="utf-8")


def marks(html: str) -> set[str]:
    """Term ids of the `faq-term` marks of a page (minified HTML drops attribute quotes)."""
    found: set[str] = set()

    class Collect(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            values = dict(attrs)
            if "faq-term" in (values.get("class") or "").split() and values.get("data-faq-term"):
                found.add(str(values["data-faq-term"]))

    Collect().feed(html)
    return found


def write_site(root: Path, case: Case) -> None:
    for name, text in DOCS.items():
        target = root / "docs" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text), encoding="utf-8")
    (root / "docs" / "img").mkdir()
    (root / "docs" / "img" / "widget.png").write_bytes(PNG)
    for name, content in (case.files or {}).items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    (root / "faq.yml").write_text(MINIMAL_FAQ, encoding="utf-8")
    settings: dict[str, Any] = {"site_name": "Compatibility", "theme": THEME, "plugins": case.plugins}
    settings.update(case.settings or {})
    (root / "mkdocs.yml").write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    if case.git:
        _git(root, "init", "-q")
        _git(root, "add", ".")
        _git(root, "commit", "-q", "-m", "site")


def _git(root: Path, *args: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    subprocess.run(["git", *args], cwd=root, check=True, env=env, capture_output=True)


def build(root: Path, *, strict: bool = True) -> Built:
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(root / "mkdocs.yml")]
    if strict:
        command.append("--strict")
    env = {**os.environ, "NO_COLOR": "1", "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    process = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, timeout=300)
    return Built(root, process.returncode, process.stdout + process.stderr)


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Built]]:
    """Every case, built by `mkdocs build --strict`, two at a time (the machine has 2 cores)."""
    roots: dict[str, Path] = {}
    for name, case in CASES.items():
        root = tmp_path_factory.mktemp(f"compat-{name}")
        write_site(root, case)
        roots[name] = root
    with ThreadPoolExecutor(max_workers=2) as pool:
        jobs = {name: pool.submit(build, root, strict=CASES[name].strict) for name, root in roots.items()}
        done = {name: job.result() for name, job in jobs.items()}
    yield done


@pytest.mark.parametrize("name", list(CASES))
def test_strict_build_passes_with_faq_pages_and_marks(builds: dict[str, Built], name: str) -> None:
    built = builds[name]
    assert built.returncode == 0, built.output[-4000:]
    assert "Traceback" not in built.output
    for page in ("faq/", "faq/basics/", "glossary/"):
        assert built.page(page).is_file(), page
    assert "foundation-model" in marks(built.html(""))
    assert "fine-tuning" in marks(built.html("guide/"))
    assert re.search(r'id="?what-is-a-widget\b', built.html("faq/basics/"))


# ------------------------------------------------------------------ what each plugin does


def test_rss_feeds_list_our_pages_with_real_descriptions(builds: dict[str, Built]) -> None:
    feed = (builds["rss"].site / "feed_rss_created.xml").read_text(encoding="utf-8")
    for url in ("https://example.org/faq/", "https://example.org/faq/basics/", "https://example.org/glossary/"):
        assert f"<link>{url}</link>" in feed, url
    # Descriptions come from the pages' front matter, not a cut through their Markdown.
    assert "faq-tools" not in feed and "{.faq" not in feed
    assert "What is a widget?" in feed


def test_rss_with_static_i18n_fails_strict_only_on_rss_own_warning(builds: dict[str, Built]) -> None:
    built = builds["rss+static-i18n"]
    assert built.returncode == 0, built.output[-4000:]
    warnings = [line for line in built.output.splitlines() if line.startswith("WARNING")]
    assert warnings and all(RSS_I18N_WARNING in line for line in warnings), warnings
    feed = (built.site / "feed_rss_created.xml").read_text(encoding="utf-8")
    assert "https://example.org/fr/faq/" in feed and "https://example.org/faq/" in feed


def test_static_i18n_builds_each_language(builds: dict[str, Built]) -> None:
    built = builds["static-i18n"]
    assert built.page("fr/faq/basics/").is_file() and built.page("fr/glossary/").is_file()
    assert "fine-tuning" in marks(built.html("fr/guide/"))  # the English page, under /fr/
    assert '<html lang="fr"' in built.html("fr/glossary/")
    assert "Glossaire" in built.html("fr/glossary/")


def test_gen_files_page_is_annotated(builds: dict[str, Built]) -> None:
    assert "fine-tuning" in marks(builds["gen-files"].html("generated/"))


def test_print_site_prints_our_pages(builds: dict[str, Built]) -> None:
    printed = builds["print-site"].html("print_page/")
    assert "what-is-a-widget" in printed and "fine-tuning" in marks(printed)


def test_meta_files_turn_the_glossary_off_for_a_folder(builds: dict[str, Built]) -> None:
    built = builds["meta"]
    assert marks(built.html("section/page/")) == set()
    assert "foundation-model" in marks(built.html(""))


def test_exclude_search_keeps_our_questions_in_the_index(builds: dict[str, Built]) -> None:
    index = (builds["exclude-search"].site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert '"faq/basics/#what-is-a-widget"' in index
    assert '"guide/"' not in index


def test_blog_posts_are_annotated(builds: dict[str, Built]) -> None:
    built = builds["blog"]
    (post,) = [p for p in built.site.glob("blog/**/first-post/index.html")]
    assert "fine-tuning" in marks(post.read_text(encoding="utf-8"))


def test_git_dates_do_not_break_generated_pages(builds: dict[str, Built]) -> None:
    built = builds["git-revision-date-localized"]
    assert "git-revision-date-localized-plugin-date" in built.html("guide/")
    assert "git-revision-date-localized-plugin-date" in built.html("faq/basics/")
