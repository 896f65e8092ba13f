"""Word forms in inflected languages, end to end: a Ukrainian MkDocs site, the Markdown
extension's `language` option, and `mkdocs-faq check --forms` in a language."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import build_in_process, write_project


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
    faq.write_text("glossary:\n  - {term: модель, id: model, definition: Мережа.}\n", encoding="utf-8")
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
