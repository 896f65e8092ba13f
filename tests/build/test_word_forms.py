"""Word forms in inflected languages, end to end: a Ukrainian MkDocs site, the Markdown
extension's `language` option, and `mkdocs-faq check --forms` in a language."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import build_in_process, write_project

EXTENSION = "mkdocs_faq_plugin.markdown"


def test_ukrainian_site_marks_inflected_mentions(tmp_path: Path) -> None:
    faq = (
        "glossary:\n"
        "  - term: модель\n    id: model\n    definition: Навчена мережа.\n"
        "  - term: промпт\n    id: prompt\n    definition: Запит до моделі.\n"
        "  - term: датасет\n    id: dataset\n    definition: Набір даних.\n    variants: false\n"
    )
    docs = {"index.md": "# Головна\n\nКеруйте моделлю промптами, а не датасетів.\n"}
    config = write_project(tmp_path, faq=faq, docs=docs, config={"theme": {"name": "mkdocs", "locale": "uk"}})
    html = build_in_process(config).html("index.html")
    marked = dict(re.findall(r'data-faq-term="([^"]+)"[^>]*>([^<]+)<', html))
    assert marked == {"model": "моделлю", "prompt": "промптами"}


def test_standalone_extension_takes_the_language(tmp_path: Path) -> None:
    """The Markdown extension (Zensical, plain Python-Markdown) has a `language` option."""
    import markdown

    from mkdocs_faq_plugin.markdown import FaqExtension

    faq = tmp_path / "faq.yml"
    faq.write_text(
        "glossary:\n  - {term: модель, id: model, definition: Мережа., annotate: true}\n", encoding="utf-8"
    )  # an everyday word of Ukrainian: `auto` would wait for a sense word
    text = "Керуйте моделлю."
    plain = markdown.markdown(text, extensions=[FaqExtension(faq_file=str(faq))])
    assert "faq-term" not in plain
    ukrainian = markdown.markdown(text, extensions=[FaqExtension(faq_file=str(faq), language="uk")])
    assert re.search(r'data-faq-term="model"[^>]*>моделлю<', ukrainian), ukrainian


def test_check_forms_lists_the_languages_forms(tmp_path: Path) -> None:
    import subprocess

    from tests.conftest import mkdocs_faq_executable

    (tmp_path / "faq.yml").write_text(
        "glossary:\n  - {term: датасет, id: dataset, definition: Набір даних.}\n", encoding="utf-8"
    )
    command = [mkdocs_faq_executable(), "check", "--forms", "датасет"]
    ukrainian = subprocess.run([*command, "--site-language", "uk"], cwd=tmp_path,
                               capture_output=True, text=True, timeout=120, check=False)
    assert ukrainian.returncode == 0, ukrainian.stderr
    assert re.search(r"^\s+датасетів\s+inflected$", ukrainian.stdout, re.M), ukrainian.stdout
    english = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=120,
                             check=False)
    assert "датасетів" not in english.stdout


GENERATED_FAQ = {
    "de": (
        "questions:\n  - id: weights\n    question: Was wird gelernt?\n"
        "    answer: Die Gewichte von Sprachmodellen werden beim Training gelernt.\n"
        "glossary:\n  - {term: Sprachmodell, definition: Ein Modell der Sprache.}\n",
        "Sprachmodellen",
    ),
    "uk": (
        "questions:\n  - id: data\n    question: Що потрібно?\n"
        "    answer: Для навчання потрібно багато датасетів.\n"
        "glossary:\n  - {term: датасет, id: dataset, definition: Набір даних.}\n",
        "датасетів",
    ),
}


@pytest.mark.parametrize(
    ("language", "settings"),
    [
        ("de", {"theme": {"name": "mkdocs", "locale": "de"},
                "markdown_extensions": ["toc", "attr_list", EXTENSION]}),
        ("uk", {"markdown_extensions": ["toc", "attr_list", {EXTENSION: {"language": "uk"}}]}),
    ],
    ids=["theme-locale-de", "extension-language-uk"],
)
def test_generated_json_ld_links_inflected_forms_in_the_sites_language(
    tmp_path: Path, language: str, settings: dict[str, object]
) -> None:
    """`mkdocs-faq generate --json-ld` renders answers with the terms of the site's language:
    the theme's, or the language the site gives the Markdown extension."""
    import subprocess

    from tests.conftest import mkdocs_faq_executable

    faq, form = GENERATED_FAQ[language]
    config = write_project(tmp_path, faq=faq, docs={"index.md": "# Start\n"},
                           config={"plugins": ["search"], **settings})
    process = subprocess.run([mkdocs_faq_executable(), "generate", "--json-ld"], cwd=tmp_path,
                             capture_output=True, text=True, encoding="utf-8", timeout=120, check=False)
    assert process.returncode == 0, process.stderr
    html = build_in_process(config, strict=True).html("faq/index.html")
    (script,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    answer = json.loads(script)["mainEntity"][0]["acceptedAnswer"]["text"]
    assert re.search(rf'class="faq-term" data-faq-term="[^"]+"[^>]*>{form}</a>', answer), answer
    # In English the same answer has no mark: the form came from the site's language.
    english = subprocess.run([mkdocs_faq_executable(), "generate", "--json-ld", "--language", "en",
                              "--out", "english"], cwd=tmp_path, capture_output=True, text=True,
                             encoding="utf-8", timeout=120, check=False)
    assert english.returncode == 0, english.stderr
    assert "faq-term" not in (tmp_path / "english/faq/index.md").read_text(encoding="utf-8")


def _owner(root: Path, faq: str, faq_options: dict[str, object], **config: object) -> Path:
    """A company glossary site and the faq.json it publishes."""
    plugins = ["search", {"faq": faq_options} if faq_options else "faq"]
    built = build_in_process(write_project(
        root, faq=faq, docs={"index.md": "# Start\n"},
        config={"site_url": "https://glossary.example.com/", "plugins": plugins, **config},
    ))  # fmt: skip
    return built.site_dir / "faq" / "faq.json"


def test_imported_terms_get_the_forms_of_the_language_their_owner_declares(tmp_path: Path) -> None:
    """An owner site in German (its `language` option: faq.json says "de") imported by an
    English site: the German forms of its terms are marked, with the owner's tooltip."""
    export = _owner(tmp_path / "owner", "glossary:\n  - {term: Sprachmodell, definition: Ein Modell der Sprache.}\n",
                    {"language": "de"})
    assert json.loads(export.read_text(encoding="utf-8"))["language"] == "de"
    page = "# Team\n\nZitat: die Gewichte von Sprachmodellen.\n"
    config = write_project(tmp_path / "team", faq=None, docs={"index.md": page},
                           config={"plugins": ["search", {"faq": {"import": [str(export)]}}]})
    html = build_in_process(config, strict=True).html("index.html")
    mark = re.search(r'<a class="faq-term"([^>]*)>Sprachmodellen</a>', html)
    assert mark, html
    assert 'data-faq-term="sprachmodell"' in mark.group(1)
    assert 'href="https://glossary.example.com/glossary/#sprachmodell"' in mark.group(1)
    assert 'data-faq-lang="de"' in mark.group(1)
    # The compiled forms are cached per language: a second build reads them back.
    cache = tmp_path / "team" / ".cache" / "mkdocs-faq" / "compiled-forms.marshal"
    assert cache.is_file()
    again = build_in_process(config, strict=True).html("index.html")
    assert re.search(r'data-faq-term="sprachmodell"[^>]*>Sprachmodellen<', again)


def test_imported_terms_of_an_undeclared_language_get_the_forms_of_the_pages(tmp_path: Path) -> None:
    """A one-language owner declares no language: its terms take that of the pages marked."""
    export = _owner(tmp_path / "owner", "glossary:\n  - {term: датасет, id: dataset, definition: Набір даних.}\n",
                    {}, theme={"name": "mkdocs", "locale": "uk"})
    assert "language" not in json.loads(export.read_text(encoding="utf-8"))
    config = write_project(
        tmp_path / "team", faq=None, docs={"index.md": "# Команда\n\nМи зібрали багато датасетів.\n"},
        config={"theme": {"name": "mkdocs", "locale": "uk"},
                "plugins": ["search", {"faq": {"import": [str(export)]}}]},
    )  # fmt: skip
    html = build_in_process(config, strict=True).html("index.html")
    assert re.search(r'data-faq-term="dataset"[^>]*>датасетів</a>', html), html
