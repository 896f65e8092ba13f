"""A shared faq.yml defines terms one site never uses: news at INFO, a warning only on request."""

from __future__ import annotations

import subprocess
from pathlib import Path

from conftest import MINIMAL_FAQ, build_cli, build_in_process, mkdocs_faq_executable

ZEPPELIN = "  - term: zeppelin\n    definition: An airship.\n"
UNUSED_LINE = "faq.yml:31:5: glossary term 'zeppelin' is not used on any page"


def test_unused_term_does_not_fail_a_strict_build(project) -> None:
    site = build_cli(project(faq=MINIMAL_FAQ + ZEPPELIN), strict=True)
    assert site.returncode == 0, site.output
    assert not [line for line in site.logs if "WARNING" in line], site.output
    summary = [line for line in site.logs if "glossary terms are not used" in line]
    assert len(summary) == 1 and summary[0].startswith("INFO")
    assert "1 of 4 glossary terms are not used on any page ('zeppelin')" in summary[0]


def test_each_unused_term_is_logged_at_debug_with_its_location(project) -> None:
    import logging

    records: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(f"{record.levelname}: {record.getMessage()}")

    handler = Collect(level=logging.DEBUG)
    logger = logging.getLogger("mkdocs.plugins.mkdocs_faq_plugin.plugin")
    logger.addHandler(handler)
    previous, logger.level = logger.level, logging.DEBUG
    try:
        build_in_process(project(faq=MINIMAL_FAQ + ZEPPELIN), strict=True)
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)
    assert f"DEBUG: mkdocs_faq_plugin: {UNUSED_LINE}" in records


def test_warn_unused_makes_each_term_a_located_warning(project) -> None:
    config = {"plugins": ["search", {"faq": {"glossary": {"warn_unused": True}}}]}
    site = build_cli(project(faq=MINIMAL_FAQ + ZEPPELIN, config=config), strict=True)
    assert site.returncode == 1
    assert [line for line in site.logs if line.startswith("WARNING") and UNUSED_LINE in line]


def test_a_site_using_none_of_a_shared_faq_yml_passes_strict(project) -> None:
    """The handbook case: the MkDocs docs said 'front-matter', the glossary 'front matter'."""
    faq = (
        "glossary:\n"
        "  - term: front matter\n    definition: YAML at the top of a page.\n"
        "  - term: zeppelin\n    definition: An airship.\n"
    )
    docs = {"index.md": "# Home\n\nNothing from the glossary here.\n"}
    site = build_cli(project(faq=faq, docs=docs), strict=True)
    assert site.returncode == 0, site.output
    assert "2 of 2 glossary terms are not used on any page" in site.output


def test_mentions_on_excluded_pages_count_as_usage(project) -> None:
    faq = MINIMAL_FAQ + ZEPPELIN + "  - term: gadget\n    definition: A device.\n"
    docs = {
        "index.md": "# Home\n\nA foundation model.\n",
        "changelog.md": "# Changes\n\nThe zeppelin landed.\n",
        "quiet.md": "---\nglossary: false\n---\n# Quiet\n\nA gadget.\n",
    }
    config = {
        "plugins": [
            "search",
            {"faq": {"glossary": {"exclude": ["changelog.md"], "warn_unused": True}}},
        ]
    }
    site = build_in_process(project(faq=faq, docs=docs, config=config), strict=True)
    assert not [line for line in site.logs if "not used" in line], site.logs
    # Excluded pages are still not annotated, and not listed under "Used in".
    assert 'data-faq-term="zeppelin"' not in site.html("changelog/index.html")
    assert 'data-faq-term="gadget"' not in site.html("quiet/index.html")
    glossary = site.html("glossary/index.html")
    zeppelin = glossary.split('id="zeppelin"', 1)[1].split("<h3", 1)[0]
    assert "changelog" not in zeppelin


def test_mentions_only_in_code_or_on_the_glossary_do_not_count(project) -> None:
    faq = MINIMAL_FAQ + ZEPPELIN + "  - term: blimp\n    definition: Not a zeppelin.\n"
    docs = {"index.md": "# Home\n\nA foundation model. `zeppelin`\n\n    zeppelin\n"}
    config = {"plugins": ["search", {"faq": {"glossary": {"warn_unused": True}}}]}
    site = build_in_process(project(faq=faq, docs=docs, config=config))
    unused = [line for line in site.logs if "is not used on any page" in line]
    assert [line.split("glossary term ", 1)[1] for line in unused] == [
        "'zeppelin' is not used on any page",
        "'blimp' is not used on any page",
    ]


# ------------------------------------------------------------------ mkdocs-faq check --unused


def _check(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [mkdocs_faq_executable(), "check", *args], cwd=cwd, capture_output=True, text=True
    )


def _write(root: Path, faq: str, docs: dict[str, str]) -> None:
    (root / "faq.yml").write_text(faq, encoding="utf-8")
    for name, text in docs.items():
        (root / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / name).write_text(text, encoding="utf-8")


def test_check_unused_lists_terms_no_page_mentions(tmp_path: Path) -> None:
    faq = MINIMAL_FAQ + ZEPPELIN + "  - term: gadget\n    definition: A device.\n"
    _write(tmp_path, faq, {
        "index.md": "# Home\n\nNothing.\n\n```\nzeppelin\n```\n",
        "guide/quiet.md": "---\nglossary: false\n---\n# Quiet\n\nA gadget.\n",
    })
    result = _check(tmp_path, "--unused", "docs")
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "faq.yml:31:5: warning: glossary term 'zeppelin' is not used on any page",
        "faq.yml: OK (2 questions, 2 categories, 5 glossary terms); 1 warning",
    ]
    strict = _check(tmp_path, "--strict", "--unused", "docs")
    assert strict.returncode == 1
    assert "failed, 1 warning (--strict: warnings fail too)" in strict.stdout


def test_check_unused_counts_faq_answers_but_not_definitions(tmp_path: Path) -> None:
    # 'parameter' and 'fine-tuning' occur in answers; 'zeppelin' only in another definition.
    faq = MINIMAL_FAQ + ZEPPELIN + "  - term: blimp\n    definition: Like a zeppelin.\n"
    _write(tmp_path, faq, {"index.md": "# Home\n"})
    result = _check(tmp_path, "--unused", "docs")
    warned = [line for line in result.stdout.splitlines() if "not used" in line]
    assert [line.split("term ", 1)[1] for line in warned] == [
        "'zeppelin' is not used on any page",
        "'blimp' is not used on any page",
    ]


def test_check_unused_refuses_a_missing_folder(tmp_path: Path) -> None:
    _write(tmp_path, MINIMAL_FAQ, {})
    result = _check(tmp_path, "--unused", "nowhere")
    assert result.returncode == 2
    assert "--unused: nowhere is not a folder" in result.stderr
    assert "Traceback" not in result.stderr
