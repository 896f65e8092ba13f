"""One knowledge base in several languages, built with mkdocs-static-i18n (both docs
structures) and, without it, with the plugin's `language` option.

The sites are built once per module by the real `mkdocs build --strict`, side by side:

* `suffix`: Material, `docs_structure: suffix`, English (default), French (partly
  translated in faq.fr.yml) and German (no translation: everything falls back);
* `folder`: the mkdocs theme, `docs_structure: folder`, English and Spanish, an explicit nav,
  a glob of knowledge-base files (`faq.d/*.yml` with `faq.d/*.es.yml`) and per-language labels.
"""

from __future__ import annotations

import json
import re
import subprocess
import textwrap
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import MINIMAL_FAQ, build_cli, build_in_process

FAQ_FR = """\
title: FAQ des gadgets
categories:
  - id: basics
    title: Les bases
questions:
  - id: what-is-a-widget
    question: Qu'est-ce qu'un gadget ?
    answer: |
      Un gadget est un petit outil. Il a beaucoup de paramètres ; voir [le réglage](faq:tuning-widgets)
      et [l'entrée du glossaire](glossary:paramètre).
glossary:
  - id: foundation-model
    term: modèle de fondation
    aliases: [FM]
    definition: Un grand modèle entraîné sur des données variées.
  - id: parameter
    term: paramètre
    aliases: [paramètres]
    definition: Un nombre que le modèle apprend.
"""

SUFFIX_DOCS = {
    "index.md": "# Home\n\nA foundation model has parameters. Read the [FAQ](faq/index.md).\n",
    "index.fr.md": "# Accueil\n\nUn modèle de fondation a des paramètres. Lisez la [FAQ](faq/index.md).\n",
    "index.de.md": "# Startseite\n\nEin foundation model hat Parameter.\n",
    "topic.md": "# Topic\n\nFine-tuning changes each parameter.\n",
}

SUFFIX_CONFIG: dict[str, Any] = {
    "site_name": "Widgets",
    "site_url": "https://example.org/",
    "repo_url": "https://example.org/repo",
    "edit_uri": "edit/main/docs/",
    "theme": {"name": "material", "font": False, "features": ["content.action.edit"]},
    "plugins": [
        "search",
        {"i18n": {"docs_structure": "suffix", "languages": [
            {"locale": "en", "default": True, "name": "English"},
            {"locale": "fr", "name": "Français"},
            {"locale": "de", "name": "Deutsch"},
        ]}},
        "faq",
    ],
}

BASICS = """\
title: Widget FAQ
categories:
  - id: basics
    title: The basics
questions:
  - id: what-is-a-widget
    question: What is a widget?
    answer: A widget is a small tool with many parameters.
    category: basics
glossary:
  - term: parameter
    definition: A number the model learns.
"""
MORE = """\
questions:
  - id: cleaning
    question: How do I clean a widget?
    answer: With a dry cloth, never with fine-tuning.
    category: basics
glossary:
  - term: fine-tuning
    definition: Further training.
"""
BASICS_ES = """\
categories:
  - id: basics
    title: Lo básico
questions:
  - id: what-is-a-widget
    question: ¿Qué es un widget?
    answer: Un widget es una pequeña herramienta con muchos parámetros.
glossary:
  - id: parameter
    term: parámetro
    aliases: [parámetros]
    definition: Un número que el modelo aprende.
"""
FOLDER_DOCS = {
    "en/index.md": "# Home\n\nEach parameter matters.\n",
    "es/index.md": "# Inicio\n\nCada parámetro importa.\n",
    "en/topic.md": "# Topic\n\nFine-tuning changes each parameter.\n",
}
FOLDER_CONFIG: dict[str, Any] = {
    "site_name": "Widgets",
    "theme": {"name": "mkdocs", "highlightjs": False},
    "nav": ["index.md", "topic.md"],
    "plugins": [
        "search",
        {"i18n": {"docs_structure": "folder", "languages": [
            {"locale": "en", "default": True, "name": "English"},
            {"locale": "es", "name": "Español"},
        ]}},
        {"faq": {"file": "faq.d/*.yml", "labels": {"es": {"glossary": "Vocabulario"}}}},
    ],
}


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text), encoding="utf-8")


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    suffix = tmp_path_factory.mktemp("suffix")
    _write(suffix, {"faq.yml": MINIMAL_FAQ, "faq.fr.yml": FAQ_FR, **{f"docs/{k}": v for k, v in SUFFIX_DOCS.items()}})
    (suffix / "mkdocs.yml").write_text(yaml.safe_dump(SUFFIX_CONFIG, sort_keys=False), encoding="utf-8")
    folder = tmp_path_factory.mktemp("folder")
    _write(folder, {
        "faq.d/basics.yml": BASICS, "faq.d/basics.es.yml": BASICS_ES, "faq.d/more.yml": MORE,
        **{f"docs/{k}": v for k, v in FOLDER_DOCS.items()},
    })
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(FOLDER_CONFIG, sort_keys=False), encoding="utf-8")
    roots = {"suffix": suffix, "folder": folder}
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = dict(zip(roots, pool.map(lambda r: build_cli(r / "mkdocs.yml", strict=True), roots.values())))
    for name, result in results.items():
        assert result.returncode == 0, f"{name}:\n{result.output[-4000:]}"
        assert "Traceback" not in result.output
    yield {name: root / "site" for name, root in roots.items()}


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def marks(html: str) -> dict[str, str]:
    """Term id → tooltip of each term mark on a page."""
    return {
        m.group(1): m.group(2)
        for m in re.finditer(
            r'<a class="faq-term" (?:data-faq-lang="[^"]+" )?data-faq-term="([^"]+)" href="[^"]*" title="([^"]*)"', html
        )
    }


def h1(html: str) -> str:
    match = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    assert match
    return re.sub(r"<[^>]+>|¶", "", match.group(1)).strip()


# --------------------------------------------------------------------------- pages


@pytest.mark.parametrize("url", ["fr/faq/", "fr/faq/basics/", "fr/faq/usage/", "fr/glossary/", "de/faq/", "de/glossary/"])
def test_each_language_gets_its_pages_at_its_url(sites: dict[str, Path], url: str) -> None:
    html = page(sites["suffix"], url)
    assert f'<html lang="{url[:2]}"' in html


def test_pages_are_in_the_language_with_fallbacks(sites: dict[str, Path]) -> None:
    site = sites["suffix"]
    assert h1(page(site, "fr/faq/")) == "FAQ des gadgets"
    assert h1(page(site, "fr/faq/basics/")) == "Les bases"
    assert h1(page(site, "fr/faq/usage/")) == "Using widgets"  # not translated: falls back
    assert h1(page(site, "fr/glossary/")) == "Glossaire"
    assert h1(page(site, "de/glossary/")) == "Glossar"  # labels follow the language ...
    assert h1(page(site, "de/faq/")) == "Widget FAQ"  # ... entries fall back
    assert h1(page(site, "glossary/")) == "Glossary"
    basics = page(site, "fr/faq/basics/")
    assert "Qu&rsquo;est-ce qu&rsquo;un gadget ?" in basics or "Qu'est-ce qu'un gadget ?" in basics
    assert "Questions liées" in basics  # a French label on a French page


def test_folder_structure_pages_and_per_language_labels(sites: dict[str, Path]) -> None:
    site = sites["folder"]
    assert h1(page(site, "es/glossary/")) == "Vocabulario"  # labels: {es: {glossary: ...}}
    assert h1(page(site, "glossary/")) == "Glossary"
    assert h1(page(site, "es/faq/basics/")) == "Lo básico"
    basics = page(site, "es/faq/basics/")
    assert "¿Qué es un widget?" in basics and "How do I clean a widget?" in basics  # fallback
    assert '<html lang="es"' in basics
    # The nav is the explicit one, our section renamed in the language of each build.
    assert re.search(r'dropdown-toggle[^>]*>\s*Preguntas frecuentes', basics)
    assert re.search(r'dropdown-toggle[^>]*>\s*FAQ', page(site, "faq/basics/"))
    assert marks(page(site, "es/")) == {"parameter": "Un número que el modelo aprende."}


# ----------------------------------------------------------------------- language switcher


def test_language_switcher_leads_to_the_same_page_in_each_language(sites: dict[str, Path]) -> None:
    site = sites["suffix"]
    links = dict(re.findall(r'<a href="([^"]+)" hreflang="([a-z]+)" class="md-select__link"', page(site, "fr/faq/basics/")))
    assert {lang: href for href, lang in links.items()} == {
        "en": "../../../faq/basics/", "fr": "./", "de": "../../../de/faq/basics/",
    }
    english = dict(re.findall(r'<a href="([^"]+)" hreflang="([a-z]+)"', page(site, "glossary/")))
    assert {lang: href for href, lang in english.items()}["fr"] == "../fr/glossary/"


def test_sitemap_lists_our_pages_with_their_alternates(sites: dict[str, Path]) -> None:
    sitemap = (sites["suffix"] / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://example.org/fr/faq/basics/</loc>" in sitemap
    assert 'hreflang="de" href="https://example.org/de/glossary/"' in sitemap


# -------------------------------------------------------------------------- glossary


def test_each_language_is_annotated_from_its_glossary(sites: dict[str, Path]) -> None:
    site = sites["suffix"]
    english, french = marks(page(site, "")), marks(page(site, "fr/"))
    assert english["foundation-model"].startswith("A large model")
    assert french == {
        "foundation-model": "Un grand modèle entraîné sur des données variées.",
        "parameter": "Un nombre que le modèle apprend.",
    }
    assert 'href="glossary/#parameter"' in page(site, "fr/")  # the French glossary, same anchor
    # An English page shown under /fr/ (no topic.fr.md) is matched against English terms.
    assert marks(page(site, "fr/topic/")) == {
        "fine-tuning": "Further training of a pre-trained model.",
        "parameter": "A number the model learns.",
    }


def test_used_in_is_per_language(sites: dict[str, Path]) -> None:
    site = sites["suffix"]

    def used_in(url: str, term: str) -> str:
        match = re.search(rf'data-faq-used-in="{term}">(.*?)</div>', page(site, url), re.S)
        return match.group(1) if match else ""

    assert "Accueil" in used_in("fr/glossary/", "parameter")
    assert "Home" not in used_in("fr/glossary/", "parameter")
    assert "Home" in used_in("glossary/", "parameter") and "Accueil" not in used_in("glossary/", "parameter")
    # German has no translation: its pages are matched against the (English) fallback terms.
    assert "Startseite" in used_in("de/glossary/", "foundation-model")
    assert 'href="../topic/"' in used_in("fr/glossary/", "parameter")


# --------------------------------------------------------------- search, data, structure


def test_search_finds_each_language_questions(sites: dict[str, Path]) -> None:
    index = json.loads((sites["suffix"] / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = {doc["location"]: doc["title"] for doc in index["docs"]}
    assert titles["faq/basics/#what-is-a-widget"] == "What is a widget?"
    assert titles["fr/faq/basics/#what-is-a-widget"] == "Qu'est-ce qu'un gadget ?"


def test_faq_json_per_language(sites: dict[str, Path]) -> None:
    site = sites["suffix"]
    english = json.loads((site / "faq" / "faq.json").read_text(encoding="utf-8"))
    french = json.loads((site / "fr" / "faq" / "faq.json").read_text(encoding="utf-8"))
    assert english["language"] == "en" and french["language"] == "fr"
    question = {q["id"]: q for q in french["questions"]}["what-is-a-widget"]
    assert question["question"] == "Qu'est-ce qu'un gadget ?"
    assert question["url"] == "https://example.org/fr/faq/basics/#what-is-a-widget"
    assert {q["id"]: q for q in english["questions"]}["what-is-a-widget"]["question"] == "What is a widget?"
    assert (site / "de" / "faq" / "faq.json").is_file()


def jsonld(html: str) -> dict[str, Any]:
    payload = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    return json.loads(payload)


def test_json_ld_names_the_language(sites: dict[str, Path]) -> None:
    site = sites["suffix"]
    french = jsonld(page(site, "fr/faq/basics/"))
    assert french["inLanguage"] == "fr"
    assert "inLanguage" not in french["mainEntity"][0]
    fallback = jsonld(page(site, "fr/faq/usage/"))
    assert fallback["inLanguage"] == "fr" and fallback["mainEntity"][0]["inLanguage"] == "en"
    assert jsonld(page(site, "faq/basics/"))["inLanguage"] == "en"


def marked_english(html: str) -> list[str]:
    """The start tags that declare English, in page order (not `<html>`, not `hreflang`)."""
    return [tag for tag in re.findall(r"<(?!html\b)[a-z0-9]+\b[^>]*>", html) if re.search(r'\slang="en"', tag)]


def test_entries_nobody_translated_declare_their_language(sites: dict[str, Path]) -> None:
    """WCAG 3.1.2 (language of parts): French pages show untranslated entries in English."""
    site = sites["suffix"]
    usage = page(site, "fr/faq/usage/")  # neither the category nor its question is translated
    heading = '<h2 class="faq-question" id="tuning-widgets" lang="en">'
    assert marked_english(usage) == [
        '<h1 class="faq-category-title" id="using-widgets" lang="en">',
        heading,
        '<p lang="en">',
    ]
    # The tooltip of the English term in the English answer is English, too.
    assert '<a class="faq-term" data-faq-lang="en" data-faq-term="fine-tuning"' in usage
    answer = usage.split(heading, 1)[1]
    assert answer.index('<p lang="en">Use ') < answer.index('<p class="faq-meta no-glossary">')
    assert "Étiquettes" in answer.split('<p class="faq-meta no-glossary">', 1)[1][:200]  # our French labels
    # A translated question: only the link to the untranslated one it is related to.
    assert marked_english(page(site, "fr/faq/basics/")) == ['<a href="../usage/#tuning-widgets" lang="en">']
    index = marked_english(page(site, "fr/faq/"))
    assert index[0] == '<h2 class="faq-category" id="usage" lang="en">'
    assert set(index[1:]) == {'<a href="usage/#tuning-widgets" lang="en">'}
    glossary = marked_english(page(site, "fr/glossary/"))
    assert glossary == [
        '<h3 class="faq-term-entry" id="fine-tuning" lang="en">',
        '<p class="faq-term-definition" lang="en">',
    ]


def test_a_language_nobody_translated_is_english_throughout(sites: dict[str, Path]) -> None:
    site = sites["suffix"]
    basics = page(site, "de/faq/basics/")
    assert marked_english(basics)[:3] == [
        '<h1 class="faq-category-title" id="the-basics" lang="en">',
        '<h2 class="faq-question" id="what-is-a-widget" lang="en">',
        '<p lang="en">',
    ]
    assert '<p class="faq-meta no-glossary">' in basics  # German labels, no lang
    assert marked_english(page(site, "de/faq/"))[0] == '<h1 class="faq-index-title" id="widget-faq" lang="en">'
    assert all(entity["inLanguage"] == "en" for entity in jsonld(basics)["mainEntity"])
    # The German home page is German; its tooltips hold English definitions, and say so.
    assert re.findall(r'<a class="faq-term" (data-faq-lang="en" )?data-faq-term="parameter"', page(site, "de/")) == [
        'data-faq-lang="en" '
    ]


def test_the_default_language_declares_nothing(sites: dict[str, Path]) -> None:
    site = sites["suffix"]
    for url in ("", "faq/", "faq/basics/", "faq/usage/", "glossary/", "topic/"):
        assert marked_english(page(site, url)) == [], url
        assert "data-faq-lang" not in page(site, url)
    # Nor a French page about French terms.
    assert "data-faq-lang" not in page(site, "fr/")


def test_no_language_build_adds_assets_twice(sites: dict[str, Path]) -> None:
    site = sites["suffix"]
    for url in ("faq/", "fr/faq/", "de/faq/", "de/", "fr/glossary/"):
        html = page(site, url)
        widgets = "/faq/" in f"/{url}" or url.endswith("glossary/")
        for name in ("faq-tooltips.css", "faq-tooltips.js", "faq-pages.css", "faq-pages.js"):
            expected = 0 if name.startswith("faq-pages") and not widgets else 1
            assert html.count(f"assets/faq/{name}") == expected, (url, name)
        # Every language's pages find the files the build wrote.
        for ref in re.findall(r'(?:src|href)="([^"]*assets/faq/[^"]+)"', html):
            assert (site / url / ref).resolve().is_file(), (url, ref)


def test_edit_links_open_the_language_file(sites: dict[str, Path]) -> None:
    site = sites["suffix"]
    assert 'href="https://example.org/repo/edit/main/faq.fr.yml"' in page(site, "fr/faq/basics/")
    assert 'href="https://example.org/repo/edit/main/faq.yml"' in page(site, "faq/basics/")
    assert 'href="https://example.org/repo/edit/main/faq.yml"' in page(site, "de/faq/basics/")


# ------------------------------------------------------------ without mkdocs-static-i18n


def test_translations_are_ignored_without_static_i18n_or_language(project) -> None:
    config = project(faq=MINIMAL_FAQ, config={"plugins": ["search", "faq"]})
    (config.parent / "faq.fr.yml").write_text("questions: [{id: nope, question: x, answer: y}]\n", encoding="utf-8")
    site = build_in_process(config, strict=True)
    assert site.warnings == []
    assert "What is a widget?" in site.html("faq/basics/index.html")
    assert not (site.site_dir / "fr").exists()
    assert "language" not in json.loads(site.html("faq/faq.json"))


def test_language_option_builds_the_site_in_that_language(project) -> None:
    config = project(
        faq=MINIMAL_FAQ,
        docs={"index.md": "# Accueil\n\nUn modèle de fondation a des paramètres.\n"},
        config={"plugins": ["search", {"faq": {"language": "fr"}}]},
    )
    (config.parent / "faq.fr.yml").write_text(FAQ_FR, encoding="utf-8")
    site = build_in_process(config, strict=True)
    assert site.warnings == []
    assert h1(site.html("glossary/index.html")) == "Glossaire"
    assert h1(site.html("faq/basics/index.html")) == "Les bases"
    assert marks(site.html("index.html"))["parameter"] == "Un nombre que le modèle apprend."
    data = json.loads(site.html("faq/faq.json"))
    assert data["language"] == "fr"
    assert {q["id"]: q["url"] for q in data["questions"]}["what-is-a-widget"] == "faq/basics/#what-is-a-widget"
    assert jsonld(site.html("faq/usage/index.html"))["inLanguage"] == "fr"


# ------------------------------------------------------------------------ bad input


def _i18n_project(root: Path, files: dict[str, str], faq_option: Any = "faq") -> Path:
    config = dict(SUFFIX_CONFIG)
    config["plugins"] = [*SUFFIX_CONFIG["plugins"][:2], faq_option]
    _write(root, {"docs/index.md": "# Home\n", **files})
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return root / "mkdocs.yml"


def _fails_cleanly(config: Path, *expected: str) -> str:
    site = build_cli(config, strict=True)
    assert site.returncode == 1, site.output
    assert "Traceback" not in site.output
    for text in expected:
        assert text in site.output, site.output
    assert not (config.parent / "site").exists()  # nothing written
    return site.output


BAD_TRANSLATIONS: dict[str, tuple[dict[str, str], Any, str]] = {
    "unknown id": (
        {"faq.yml": MINIMAL_FAQ, "faq.fr.yml": "questions:\n  - id: what-is-a-gadget\n    question: Quoi ?\n"},
        "faq",
        "faq.fr.yml:2:9: questions[0].id 'what-is-a-gadget' is not the id of a question of the "
        "default language (faq.yml); did you mean 'what-is-a-widget'?",
    ),
    "renamed term without id": (
        {"faq.yml": MINIMAL_FAQ, "faq.fr.yml": "glossary:\n  - term: réglage fin\n    definition: Un entraînement.\n"},
        "faq",
        "faq.fr.yml:2:11: glossary[0]: term 'réglage fin' has the id 'reglage-fin', which no term of the "
        "default language (faq.yml) has; add 'id:' with the id of the term it translates",
    ),
    "one id in two files of a language": (
        {
            "faq.d/a.yml": MINIMAL_FAQ,
            "faq.d/a.fr.yml": "questions:\n  - id: tuning-widgets\n    question: Régler ?\n",
            "faq.d/b.fr.yml": "glossary: []\nquestions:\n  - id: tuning-widgets\n    question: Comment régler ?\n",
        },
        {"faq": {"file": "faq.d/*.yml"}},
        "faq.d/b.fr.yml:3:9: questions[0].id 'tuning-widgets': this question is translated twice "
        "in 'fr' (first at faq.d/a.fr.yml:2:9)",
    ),
    "another category": (
        {"faq.yml": MINIMAL_FAQ, "faq.fr.yml": "questions:\n  - id: tuning-widgets\n    category: basics\n"},
        "faq",
        "faq.fr.yml:3:15: questions[0].category 'basics' differs from the default language's 'usage' (at faq.yml:",
    ),
    "bad value, located as written": (  # questions[1] in faq.yml, questions[0] in faq.fr.yml
        {"faq.yml": MINIMAL_FAQ, "faq.fr.yml": "questions:\n  - id: tuning-widgets\n    tags: {a: 1}\n"},
        "faq",
        "faq.fr.yml:3:11: questions[0].tags: expected a list, got a mapping",
    ),
    "a file for the default language": (
        {"faq.yml": MINIMAL_FAQ, "faq.en.yml": "questions: []\n"},
        "faq",
        "faq.en.yml:1:1: 'en' is the default language, whose entries live in faq.yml",
    ),
}


@pytest.mark.parametrize("case", list(BAD_TRANSLATIONS))
def test_bad_translations_are_located_errors(tmp_path: Path, case: str) -> None:
    files, option, expected = BAD_TRANSLATIONS[case]
    _fails_cleanly(_i18n_project(tmp_path, files, option), expected)


def test_the_language_option_is_refused_with_static_i18n(tmp_path: Path) -> None:
    config = _i18n_project(tmp_path, {"faq.yml": MINIMAL_FAQ}, {"faq": {"language": "fr"}})
    output = _fails_cleanly(config, "faq: the 'language' option is for sites built once per language")
    assert len([line for line in output.splitlines() if "faq:" in line]) == 1


def test_a_translation_of_a_language_not_built_is_only_noted(tmp_path: Path) -> None:
    config = _i18n_project(tmp_path, {"faq.yml": MINIMAL_FAQ, "faq.it.yml": "questions: []\n"})
    site = build_cli(config, strict=True)
    assert site.returncode == 0, site.output
    assert "faq.it.yml: language 'it' is not built, so this translation is not used" in site.output


def test_a_bad_language_label_block_is_a_one_line_error(project) -> None:
    config = project(config={"plugins": ["search", {"faq": {"labels": {"fr": {"nope": "x"}}}}]})
    site = build_cli(config, strict=True)
    assert site.returncode == 1 and "Traceback" not in site.output
    assert "faq: labels: labels.fr: unknown label 'nope'; valid label keys are:" in site.output


def test_static_i18n_before_version_1_is_refused_in_one_line() -> None:
    from mkdocs.exceptions import PluginError

    from mkdocs_faq_plugin.plugin.i18n import StaticI18n

    class OldI18n:  # what 0.x offers: languages, but no per-language builds
        languages: dict[str, Any] = {}

    OldI18n.__module__ = "mkdocs_static_i18n.plugin"

    class Config:
        plugins = {"i18n": OldI18n()}

    with pytest.raises(PluginError, match=r"^faq: this mkdocs-static-i18n \(.*\) is not supported: .*install mkdocs-static-i18n 1\.0 or later$"):
        StaticI18n.find(Config())  # type: ignore[arg-type]


def test_check_lists_missing_translations(tmp_path: Path) -> None:
    from conftest import mkdocs_faq_executable

    _write(tmp_path, {"faq.yml": MINIMAL_FAQ, "faq.fr.yml": FAQ_FR})
    run = subprocess.run(
        [mkdocs_faq_executable(), "check", "--languages", "fr,de"],
        cwd=tmp_path, capture_output=True, text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    lines = run.stdout.splitlines()
    assert "faq.yml:16:5: note: question 'tuning-widgets' has no 'fr' translation" in lines
    assert "fr (faq.fr.yml): 4 of 7 entries translated, 3 fall back to the default language" in lines
    assert "de (no translation file): 0 of 7 entries translated, 7 fall back to the default language" in lines
    assert lines[-1] == "faq.yml, faq.fr.yml: OK (2 questions, 2 categories, 3 glossary terms)"
    broken = tmp_path / "faq.fr.yml"
    broken.write_text("questions:\n  - id: nope\n", encoding="utf-8")
    run = subprocess.run([mkdocs_faq_executable(), "check"], cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 1
    assert "faq.fr.yml:2:9: error: questions[0].id 'nope' is not the id of a question" in run.stdout
