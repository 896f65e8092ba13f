"""faq.yml's own `language` key: which language its entries are in, on sites whose pages are
in another (one build per language with the `language` option, or one language throughout)."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import build_cli, build_in_process

FAQ = """\
language: en
glossary:
  - term: Deployment
    definition: An object that keeps replicas of a pod running.
  - term: Node
    definition: A worker machine that runs pods.
"""

FAQ_PL = """\
glossary:
  - id: node
    term: węzeł
    definition: Maszyna robocza, na której działają pody.
"""

PAGE = "# Start\n\nUtwórz dwa Deploymenty. Jeden węzeł; nodes in English.\n"


def marks(html: str) -> list[tuple[str, str, str]]:
    """(term id, language it declares or "", text) of each term mark."""
    return [
        (term, lang, text) for lang, term, text in re.findall(
            r'<a class="faq-term" (?:data-faq-lang="([^"]+)" )?data-faq-term="([^"]+)"[^>]*>([^<]+)</a>',
            html)
    ]  # fmt: skip


def write(root: Path, faq: str, plugin: dict, locale: str = "pl", extra: dict | None = None) -> Path:
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "docs" / "index.md").write_text(PAGE, encoding="utf-8")
    (root / "faq.yml").write_text(faq, encoding="utf-8")
    for name, text in (extra or {}).items():
        (root / name).write_text(text, encoding="utf-8")
    config = {"site_name": "Węzły", "theme": {"name": "mkdocs", "locale": locale},
              "plugins": ["search", {"faq": plugin}]}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return root / "mkdocs.yml"


def test_an_english_faq_on_a_polish_site_declares_its_language(tmp_path: Path) -> None:
    site = build_in_process(write(tmp_path, FAQ, {"glossary": {"annotate": "all"}}), strict=True)
    # English forms ("nodes"), and Polish endings on the English name, a loanword there
    assert marks(site.html("index.html")) == [("deployment", "en", "Deploymenty"), ("node", "en", "nodes")]
    glossary = site.html("glossary/index.html")
    assert re.search(r'<h3 class="faq-term-entry"[^>]* id="node" lang="en">', glossary)
    # sites that import this knowledge base learn its language from faq.json
    assert json.loads(site.html("faq/faq.json"))["language"] == "en"


def test_without_the_key_the_entries_are_taken_for_the_sites_language(tmp_path: Path) -> None:
    site = build_in_process(write(tmp_path, FAQ.replace("language: en\n", ""),
                                  {"glossary": {"annotate": "all"}}), strict=True)
    assert marks(site.html("index.html")) == [("deployment", "", "Deploymenty"), ("node", "", "nodes")]
    assert 'lang="en"' not in site.html("glossary/index.html")
    assert "language" not in json.loads(site.html("faq/faq.json"))


GERMAN = "language: de\nglossary:\n  - term: Sprachmodell\n    definition: Ein Modell der Sprache.\n"


def test_terms_keep_their_own_languages_forms_on_pages_in_english(tmp_path: Path) -> None:
    def built(faq: str, root: Path) -> list[tuple[str, str, str]]:
        root.mkdir()
        config = write(root, faq, {"glossary": {"annotate": "all"}}, locale="en")
        (root / "docs" / "index.md").write_text("# Home\n\nWe quote two Sprachmodelle.\n", encoding="utf-8")
        return marks(build_in_process(config, strict=True).html("index.html"))

    assert built(GERMAN, tmp_path / "de") == [("sprachmodell", "de", "Sprachmodelle")]
    assert built(GERMAN.replace("language: de\n", ""), tmp_path / "none") == []  # English rules


def test_a_polish_build_of_an_english_faq_declares_what_is_untranslated(tmp_path: Path) -> None:
    config = write(tmp_path, FAQ, {"language": "pl", "glossary": {"annotate": "all"}},
                   extra={"faq.pl.yml": FAQ_PL})
    site = build_in_process(config, strict=True)
    # the untranslated Deployment says it is English; the Polish entry is found as Polish
    assert marks(site.html("index.html")) == [("deployment", "en", "Deploymenty"), ("node", "", "węzeł")]
    glossary = site.html("glossary/index.html")
    assert re.search(r'<h3 class="faq-term-entry"[^>]* id="deployment" lang="en">', glossary)
    assert re.search(r'<h3 class="faq-term-entry"[^>]* id="node">', glossary)


def test_a_language_that_is_no_tag_is_a_located_error(tmp_path: Path) -> None:
    config = write(tmp_path, FAQ.replace("language: en", "language: English!"), {})
    result = build_cli(config, strict=True)
    assert result.returncode == 1
    assert "faq.yml:1:11: language 'English!' is not a language tag such as 'en' or 'pt-BR'" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "site").exists()


def test_files_of_one_knowledge_base_in_two_languages_are_an_error(tmp_path: Path) -> None:
    config = write(tmp_path, FAQ, {"file": ["faq.yml", "more.yml"]},
                   extra={"more.yml": "language: de\nglossary:\n  - term: Haus\n    definition: Ein Bau.\n"})
    result = build_cli(config, strict=True)
    assert result.returncode == 1
    assert ("more.yml:1:11: language 'de' differs from faq.yml's 'en': the files of one knowledge "
            "base share one language; entries in 'de' go in a translation file (more.de.yml)") in result.output


def test_a_translation_file_does_not_name_its_language(tmp_path: Path) -> None:
    config = write(tmp_path, FAQ, {"language": "pl"}, extra={"faq.pl.yml": "language: pl\n" + FAQ_PL})
    result = build_cli(config, strict=True)
    assert result.returncode == 1
    assert "faq.pl.yml:1:1: language: unknown key" in result.output


@pytest.mark.parametrize("language", ["de", "fr-CA"])
def test_a_language_other_than_static_i18ns_default_is_a_one_line_error(
    tmp_path: Path, language: str
) -> None:
    config = write(tmp_path, FAQ.replace("language: en", f"language: {language}"), {})
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    data["plugins"] = ["search", {"i18n": {"docs_structure": "suffix", "languages": [
        {"locale": "en", "default": True, "name": "English"}, {"locale": "pl", "name": "Polski"}]}},
        "faq"]  # fmt: skip
    config.write_text(yaml.safe_dump(data), encoding="utf-8")
    result = build_cli(config, strict=True)
    assert result.returncode == 1, result.output
    assert (f"faq: faq.yml says it is in '{language}' (its 'language' key), but "
            "mkdocs-static-i18n's default locale is 'en'") in result.output
    assert "Traceback" not in result.output


def test_the_standalone_extension_and_check_inflect_in_faq_ymls_language(tmp_path: Path) -> None:
    import markdown

    from conftest import mkdocs_faq_executable
    from mkdocs_faq_plugin.markdown import FaqExtension

    (tmp_path / "faq.yml").write_text(GERMAN, encoding="utf-8")
    extension = FaqExtension(faq_file=str(tmp_path / "faq.yml"), language="en")
    html = markdown.markdown("We quote two Sprachmodelle.", extensions=[extension])
    assert re.findall(r'data-faq-term="sprachmodell"[^>]*>([^<]+)<', html) == ["Sprachmodelle"]
    listing = subprocess.run(
        [mkdocs_faq_executable(), "check", "--forms", "Sprachmodell", "--site-language", "en"],
        cwd=tmp_path, capture_output=True, text=True, encoding="utf-8", timeout=120, check=False,
    )  # fmt: skip
    assert listing.returncode == 0, listing.stdout + listing.stderr
    assert "Sprachmodelle " in listing.stdout and "Sprachmodells'" not in listing.stdout


def test_unused_terms_are_still_reported_when_faq_yml_is_in_another_language(tmp_path: Path) -> None:
    config = write(tmp_path, FAQ + "  - term: Kubelet\n    definition: An agent on each node.\n",
                   {"glossary": {"warn_unused": True}})
    site = build_in_process(config)
    unused = [line for line in site.logs if "is not used on any page" in line]
    assert len(unused) == 1 and "Kubelet" in unused[0]
