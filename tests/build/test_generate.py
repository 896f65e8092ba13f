"""`mkdocs-faq generate`, run through the installed console script, and the pages it writes.

The generated pages must give the same headings, anchors and term marks as the plugin's pages
when a site renders them with the `mkdocs_faq_plugin.markdown` extension and no plugin.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import textwrap
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml
from conftest import MINIMAL_FAQ, build_cli, build_in_process, write_project, mkdocs_faq_executable

from mkdocs_faq_plugin.cli.prebuilt import HEADER_MARK, is_generated
from mkdocs_faq_plugin.cli.site_config import ZENSICAL_WARNING
from mkdocs_faq_plugin.pages.labels import labels_for
from mkdocs_faq_plugin.layout import SiteLayout
from mkdocs_faq_plugin.kb.loading import load_knowledge_base
from mkdocs_faq_plugin.pages.render import render_pages

PAGES = ["faq/index.md", "faq/basics.md", "faq/usage.md", "glossary.md"]
ASSETS = ["assets/faq/faq.css", "assets/faq/faq.js"]
EXTENSION = "mkdocs_faq_plugin.markdown"

# The test FAQ plus a definition that mentions other terms (marks on the glossary page).
FAQ = MINIMAL_FAQ.replace(
    "definition: Further training of a pre-trained model.",
    "definition: Further training of a foundation model's parameters.",
)

DOCS = {
    "index.md": """\
        # Home

        Welcome. A foundation model has parameters; see [the FAQ](faq:) and
        [tuning](faq:tuning-widgets).
        """,
    "guide/deep/page.md": """\
        # Deep

        ## Training

        Fine-tuning adjusts each parameter of an FM. See [the term](glossary:fine-tuning).
        """,
    "guide/quiet.md": """\
        ---
        glossary: false
        ---
        # Quiet

        A foundation model, unmarked here.
        """,
}


_executable = mkdocs_faq_executable


def run(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "MKDOCS_FAQ_HOST"}
    environment.update({"PYTHONIOENCODING": "utf-8", **(env or {})})
    process = subprocess.run(
        [_executable(), *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8",
        env=environment, timeout=120, check=False,
    )  # fmt: skip
    assert "Traceback" not in process.stdout + process.stderr
    return process


def make_site(root: Path, *, faq: str = FAQ, plugin: bool, **config: Any) -> Path:
    """A site using the plugin, or (plugin=False) the extension on generated pages."""
    settings: dict[str, Any] = {"markdown_extensions": ["toc", "attr_list"]}
    if plugin:
        settings["plugins"] = ["search", "faq"]
    else:
        settings["plugins"] = ["search"]
        settings["markdown_extensions"] = ["toc", "attr_list", {EXTENSION: {"faq_file": "faq.yml"}}]
        settings["extra_css"] = [ASSETS[0]]
        settings["extra_javascript"] = [ASSETS[1]]
    settings.update(config)
    return write_project(root, faq=faq, docs=DOCS, config=settings)


def snapshot(root: Path) -> dict[str, tuple[int, str]]:
    """Every file under docs/: modification time and text."""
    return {
        path.relative_to(root / "docs").as_posix(): (
            path.stat().st_mtime_ns,
            path.read_text("utf-8"),
        )
        for path in sorted((root / "docs").rglob("*"))
        if path.is_file()
    }


# -- what is written -------------------------------------------------------------------


def test_generate_writes_the_plugin_pages_and_assets(tmp_path: Path) -> None:
    make_site(tmp_path, plugin=False)
    process = run("generate", cwd=tmp_path)
    assert process.returncode == 0, process.stderr
    for path in PAGES + ASSETS:
        assert f"wrote docs/{path}\n" in process.stdout
    assert process.stdout.endswith("docs: 6 written, 0 up to date\n")

    kb = load_knowledge_base("faq.yml", str(tmp_path))
    expected = {p.src_path: p.markdown for p in render_pages(kb, SiteLayout(kb), labels_for("en"))}
    header = f"<!-- {HEADER_MARK} from faq.yml; edit faq.yml, not this file. -->"
    for path in PAGES:
        text = (tmp_path / "docs" / path).read_text(encoding="utf-8")
        front, body = expected[path].split("---\n\n", 1)
        # The plugin's page, with our header right after the front matter and the glossary's
        # "Used in" placeholders (which only a build can fill) left out.
        assert text.startswith(f"{front}---\n\n{header}\n\n")
        body = re.sub(r'<div class="faq-used-in" data-faq-used-in="[^"]+"></div>\n\n?', "", body)
        assert text == f"{front}---\n\n{header}\n\n{body}".rstrip("\n") + "\n"
        assert is_generated(text)
    css = (tmp_path / "docs" / ASSETS[0]).read_text(encoding="utf-8")
    assert css.startswith(f"/* {HEADER_MARK}") and ".faq-term" in css


def test_second_run_writes_nothing(tmp_path: Path) -> None:
    make_site(tmp_path, plugin=False)
    assert run("generate", cwd=tmp_path).returncode == 0
    before = snapshot(tmp_path)
    process = run("generate", cwd=tmp_path)
    assert process.returncode == 0
    assert process.stdout == "docs: all 6 generated files are up to date\n"
    assert snapshot(tmp_path) == before


def test_check_passes_when_fresh_and_fails_when_stale_or_missing(tmp_path: Path) -> None:
    make_site(tmp_path, plugin=False)
    missing = run("generate", "--check", cwd=tmp_path)
    assert missing.returncode == 1
    assert "docs/faq/index.md is missing" in missing.stderr
    assert not (tmp_path / "docs" / "faq").exists()  # --check writes nothing

    assert run("generate", cwd=tmp_path).returncode == 0
    fresh = run("generate", "--check", cwd=tmp_path)
    assert (fresh.returncode, fresh.stdout) == (0, "docs: all 6 generated files are up to date\n")

    faq = tmp_path / "faq.yml"
    faq.write_text(FAQ.replace("How do I tune a widget?", "How do I tune it?"), encoding="utf-8")
    (tmp_path / "docs" / "glossary.md").unlink()
    before = snapshot(tmp_path)
    stale = run("generate", "--check", cwd=tmp_path)
    assert stale.returncode == 1
    lines = stale.stderr.splitlines()
    # The index lists the question, its category page holds it; basics links to it as related.
    assert "docs/faq/index.md is out of date" in lines
    assert "docs/faq/usage.md is out of date" in lines
    assert "docs/glossary.md is missing" in lines
    assert "docs/assets/faq/faq.css is out of date" not in stale.stderr
    assert lines[-1] == "4 generated files need updating; run the same command without --check"
    assert snapshot(tmp_path) == before


def test_refuses_to_overwrite_a_file_it_did_not_write(tmp_path: Path) -> None:
    make_site(tmp_path, plugin=False)
    mine = tmp_path / "docs" / "glossary.md"
    mine.write_text("# My own glossary\n", encoding="utf-8")
    process = run("generate", cwd=tmp_path)
    assert process.returncode == 1
    assert process.stderr.startswith(
        "error: docs/glossary.md exists and was not written by mkdocs-faq generate"
    )
    assert "--force" in process.stderr
    assert process.stderr.endswith("mkdocs-faq generate: nothing written\n")
    assert mine.read_text(encoding="utf-8") == "# My own glossary\n"
    assert not (tmp_path / "docs" / "faq").exists()  # all or nothing

    check = run("generate", "--check", cwd=tmp_path)
    assert check.returncode == 1
    assert "docs/glossary.md exists but was not written by mkdocs-faq generate" in check.stderr

    forced = run("generate", "--force", cwd=tmp_path)
    assert forced.returncode == 0
    assert is_generated(mine.read_text(encoding="utf-8"))


def test_never_deletes_other_files_but_drops_its_own_stale_pages(tmp_path: Path) -> None:
    make_site(tmp_path, plugin=False)
    notes = tmp_path / "docs" / "faq" / "notes.md"
    notes.parent.mkdir(parents=True)
    notes.write_text("# Notes\n\nfaq_generated: no, by hand\n", encoding="utf-8")
    assert run("generate", cwd=tmp_path).returncode == 0
    # The "usage" category goes away: its page is ours, so it goes too; notes.md stays.
    without_usage = FAQ.replace("  - id: usage\n    title: Using widgets\n", "").replace(
        "category: usage", "category: basics"
    )
    (tmp_path / "faq.yml").write_text(without_usage, encoding="utf-8")
    check = run("generate", "--check", cwd=tmp_path)
    assert check.returncode == 1
    assert "docs/faq/usage.md was generated for an entry faq.yml no longer has" in check.stderr
    process = run("generate", cwd=tmp_path)
    assert process.returncode == 0, process.stderr
    assert "removed docs/faq/usage.md\n" in process.stdout
    assert not (tmp_path / "docs" / "faq" / "usage.md").exists()
    assert notes.read_text(encoding="utf-8") == "# Notes\n\nfaq_generated: no, by hand\n"
    assert (tmp_path / "docs" / "index.md").exists()


def test_errors_in_faq_yml_write_nothing(tmp_path: Path) -> None:
    make_site(tmp_path, plugin=False, faq="questions:\n  - id: Bad Id\n    question: Q?\n")
    process = run("generate", cwd=tmp_path)
    assert process.returncode == 1
    assert re.search(r"^faq\.yml:2:\d+: error: ", process.stderr, re.MULTILINE)
    assert process.stderr.endswith(
        "mkdocs-faq generate: nothing written, fix the errors above first\n"
    )
    assert not (tmp_path / "docs" / "faq").exists()


def test_options_out_faq_dir_glossary_page_language(tmp_path: Path) -> None:
    (tmp_path / "faq.yml").write_text(FAQ, encoding="utf-8")
    process = run(
        "generate", "--out", "site-docs", "--faq-dir", "help", "--glossary-page",
        "reference/terms.md", "--language", "de", "--no-assets", "faq.yml", cwd=tmp_path,
    )  # fmt: skip
    assert process.returncode == 0, process.stderr
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.*"))
    assert written == [
        "faq.yml", "site-docs/help/basics.md", "site-docs/help/index.md", "site-docs/help/usage.md",
        "site-docs/reference/terms.md",
    ]  # fmt: skip
    assert "title: Glossar" in (tmp_path / "site-docs/reference/terms.md").read_text("utf-8")
    bad = run("generate", "--faq-dir", "../outside", cwd=tmp_path)
    assert bad.returncode == 2 and "faq_dir '../outside'" in bad.stderr


def test_defaults_come_from_the_site_config(tmp_path: Path) -> None:
    (tmp_path / "knowledge").mkdir()
    (tmp_path / "knowledge" / "kb.yml").write_text(FAQ, encoding="utf-8")
    (tmp_path / "content").mkdir()
    (tmp_path / "zensical.toml").write_text(
        textwrap.dedent(
            """\
            [project]
            site_name = "Test"
            docs_dir = "content"

            [project.theme]
            language = "fr"

            [project.markdown_extensions.attr_list]
            [project.markdown_extensions."mkdocs_faq_plugin.markdown"]
            faq_file = "knowledge/kb.yml"
            faq_dir = "aide"
            """
        ),
        encoding="utf-8",
    )
    process = run("generate", cwd=tmp_path)
    assert process.returncode == 0, process.stderr
    assert process.stderr == ""
    assert (tmp_path / "content/aide/basics.md").exists()
    glossary = (tmp_path / "content/glossary.md").read_text("utf-8")
    assert "title: Glossaire" in glossary
    assert f"<!-- {HEADER_MARK} from knowledge/kb.yml; edit knowledge/kb.yml" in glossary
    # Pages generated for another faq_dir than the extension's would be linked nowhere.
    mismatch = run("generate", "--faq-dir", "faq", "--check", cwd=tmp_path)
    assert "the extension's faq_dir is 'aide' but the pages are generated for 'faq'" in (
        mismatch.stderr
    )


def test_help(tmp_path: Path) -> None:
    process = run("generate", "--help", cwd=tmp_path)
    assert process.returncode == 0
    assert process.stdout.startswith("usage: mkdocs-faq generate")
    for option in ("--out", "--check", "--force", "--json-ld", "--host"):
        assert option in process.stdout
    assert re.search(r"^\s+generate\s", run("--help", cwd=tmp_path).stdout, re.MULTILINE)


# -- the same site as the plugin's ------------------------------------------------------


class _Marks(HTMLParser):
    """Question anchors and term marks of a page, in document order."""

    def __init__(self) -> None:
        super().__init__()
        self.questions: list[str] = []
        self.headings: list[str] = []
        self.marks: list[tuple[str, str | None, str]] = []
        self._mark: list[Any] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        classes = (values.get("class") or "").split()
        if re.fullmatch(r"h[1-6]", tag) and values.get("id"):
            self.headings.append(str(values["id"]))
            if "faq-question" in classes:
                self.questions.append(str(values["id"]))
        if "faq-term" in classes and values.get("data-faq-term"):
            self._mark = [values["data-faq-term"], values.get("href"), ""]

    def handle_endtag(self, tag: str) -> None:
        if self._mark is not None and tag in ("a", "span"):
            self.marks.append((self._mark[0], self._mark[1], self._mark[2]))
            self._mark = None

    def handle_data(self, data: str) -> None:
        if self._mark is not None:
            self._mark[2] += data


def page_facts(html: str) -> _Marks:
    parser = _Marks()
    parser.feed(html)
    return parser


SITE_PAGES = [
    "index.html", "faq/index.html", "faq/basics/index.html", "faq/usage/index.html",
    "glossary/index.html", "guide/deep/page/index.html", "guide/quiet/index.html",
]  # fmt: skip


def _jsonld(html: str) -> list[Any]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    return [json.loads(block) for block in blocks]


def test_mkdocs_build_of_generated_pages_matches_the_plugin_build(tmp_path: Path) -> None:
    with_plugin = build_in_process(make_site(tmp_path / "plugin", plugin=True), strict=True)
    root = tmp_path / "extension"
    config = make_site(root, plugin=False)
    assert run("generate", "--json-ld", cwd=root).returncode == 0
    without = build_in_process(config, strict=True)
    assert without.warnings == []  # every generated link resolves; MkDocs checked them all

    for page in SITE_PAGES:
        expected, actual = page_facts(with_plugin.html(page)), page_facts(without.html(page))
        assert actual.questions == expected.questions, page
        assert actual.headings == expected.headings, page
        assert actual.marks == expected.marks, page
    assert page_facts(without.html("faq/basics/index.html")).questions == ["what-is-a-widget"]
    deep = page_facts(without.html("guide/deep/page/index.html")).marks
    assert deep[:2] == [
        ("fine-tuning", "../../../glossary/#fine-tuning", "Fine-tuning"),
        ("parameter", "../../../glossary/#parameter", "parameter"),
    ]
    assert page_facts(without.html("guide/quiet/index.html")).marks == []
    assert 'href="faq/usage/#tuning-widgets"' in without.html("index.html")
    # The plugin's JSON-LD sits in <head>; ours in the page body, with the same data.
    for page in ("faq/basics/index.html", "faq/usage/index.html"):
        assert _jsonld(without.html(page)) == _jsonld(with_plugin.html(page)) != []
    assert _jsonld(without.html("faq/index.html")) == []  # no question lives on the index
    assert (without.site_dir / "assets/faq/faq.js").is_file()
    # What only a build can do is missing: the glossary's "Used in" lists.
    assert 'class="faq-used-in' in with_plugin.html("glossary/index.html")
    assert 'class="faq-used-in' not in without.html("glossary/index.html")


def test_properdocs_renders_the_generated_pages_too(tmp_path: Path) -> None:
    config = make_site(tmp_path, plugin=False, theme={"name": "material", "font": False})
    assert run("generate", cwd=tmp_path).returncode == 0
    site = build_cli(config, tool="properdocs", strict=True)
    assert site.returncode == 0, site.output
    basics = page_facts(site.html("faq/basics/index.html"))
    assert basics.questions == ["what-is-a-widget"]
    assert ("parameter", "../../glossary/#parameter", "parameters") in basics.marks
    deep = page_facts(site.html("guide/deep/page/index.html"))
    assert deep.marks[0] == ("fine-tuning", "../../../glossary/#fine-tuning", "Fine-tuning")


def test_json_ld_passes_python_markdown_unchanged_and_cannot_end_the_script(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hostile = FAQ.replace(
        "answer: Use fine-tuning on a foundation model.",
        'answer: "Use <b>fine-tuning</b></script><script>alert(1)</script><!-- x"',
    )
    make_site(tmp_path, faq=hostile, plugin=False)
    process = run("generate", "--json-ld", cwd=tmp_path)
    assert process.returncode == 0, process.stderr
    source = (tmp_path / "docs/faq/usage.md").read_text(encoding="utf-8")
    (script,) = [line for line in source.splitlines() if "application/ld+json" in line]
    assert source.rstrip("\n").endswith(script)  # the last block of the page
    assert script.startswith('<script type="application/ld+json">{')
    assert script.count("</script") == 1 and script.endswith("}</script>")
    assert "<!--" not in script and "<b>" not in script
    (data,) = _jsonld(script)
    assert "</script><script>alert(1)</script>" in data["mainEntity"][0]["acceptedAnswer"]["text"]

    monkeypatch.chdir(tmp_path)
    html = markdown.markdown(
        source.split("---\n", 2)[2],
        extensions=["toc", "attr_list", "tables", EXTENSION],
        extension_configs={EXTENSION: {"current_page": "faq/usage.md"}},
    )
    assert script in html.splitlines()


# -- the Zensical warning --------------------------------------------------------------


@pytest.mark.parametrize("command", ["check", "generate"])
@pytest.mark.parametrize(
    ("files", "env", "warned"),
    [
        ({"zensical.toml": '[project]\nsite_name = "x"\nplugins = ["search", "faq"]\n'}, {}, True),
        ({"zensical.toml": '[project]\nsite_name = "x"\n[project.plugins.faq]\n'}, {}, True),
        ({"zensical.toml": '[project]\nsite_name = "x"\nplugins = ["search"]\n'}, {}, False),
        ({"mkdocs.yml": "site_name: x\nplugins: [search, faq]\n"}, {}, False),
        ({"mkdocs.yml": "site_name: x\nplugins: [search, {faq: {}}]\n"},
         {"MKDOCS_FAQ_HOST": "zensical"}, True),
        ({"mkdocs.yml": "site_name: x\nplugins:\n  - faq\nx: !!python/name:os.sep\n"},
         {"MKDOCS_FAQ_HOST": "zensical"}, True),
    ],
)  # fmt: skip
def test_zensical_warning(
    tmp_path: Path, command: str, files: dict[str, str], env: dict[str, str], warned: bool
) -> None:
    (tmp_path / "faq.yml").write_text(FAQ, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    process = run(command, cwd=tmp_path, env=env)
    assert process.returncode == 0, process.stderr
    name = next(iter(files))
    assert (f"warning: {name}: {ZENSICAL_WARNING}" in process.stderr) is warned


def test_host_flag_says_who_builds_an_mkdocs_yml(tmp_path: Path) -> None:
    (tmp_path / "faq.yml").write_text(FAQ, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump({"plugins": ["faq"]}), encoding="utf-8")
    plain = run("check", cwd=tmp_path)
    assert "Zensical" not in plain.stderr
    zensical = run("check", "--host", "zensical", cwd=tmp_path)
    assert zensical.returncode == 0
    assert zensical.stderr == f"warning: mkdocs.yml: {ZENSICAL_WARNING}\n"
    # On MkDocs, the plugin and generated copies of its pages cannot go together.
    generate = run("generate", "--check", cwd=tmp_path)
    assert "the faq plugin is listed under plugins" in generate.stderr
