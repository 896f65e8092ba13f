"""faq.<locale>.yml over faq.yml: matching by id, inheritance, fallbacks, located errors."""

from __future__ import annotations

import textwrap

from hypothesis import given
from hypothesis import strategies as st

from conftest import MINIMAL_FAQ
from mkdocs_faq_plugin.kb.loading import load, load_languages, translation_paths
from mkdocs_faq_plugin.kb.loading import locale_of
from mkdocs_faq_plugin.kb.translations import language_view
from mkdocs_faq_plugin.kb.reading import parse_yaml


def _docs(text: str, name: str):
    doc, problems = parse_yaml(textwrap.dedent(text), name)
    assert doc is not None and not problems
    return doc


BASE = _docs(MINIMAL_FAQ, "faq.yml")


def test_locale_of_names() -> None:
    assert locale_of("faq.fr.yml") == "fr"
    assert locale_of("faq.d/basics.pt-BR.yaml") == "pt-BR"
    assert locale_of("faq.d/basics.zh-Hant.yml") == "zh-Hant"
    assert locale_of("x.en_US.yml") == "en_US"
    for name in ("faq.yml", "fr.yml", "faq.d/v1.yml", "faq.FR.yml", "faq.fr.md", "faq.francais.yml"):
        assert locale_of(name) is None, name


def test_translated_keys_replace_and_the_rest_is_inherited() -> None:
    french = _docs("""\
        questions:
          - id: tuning-widgets
            question: Comment régler un gadget ?
        glossary:
          - id: parameter
            term: paramètre
            definition: Un nombre.
        """, "faq.fr.yml")
    language, problems = language_view("fr", [BASE], [french])
    assert problems == [] and language is not None
    question = language.kb.questions_by_id["tuning-widgets"]
    assert question.question == "Comment régler un gadget ?"
    assert question.answer == "Use fine-tuning on a foundation model."  # inherited
    assert question.category == "usage" and question.sources[0].title == "Widget manual"
    assert question.location is not None and question.location.file == "faq.fr.yml"
    term = language.kb.terms_by_id["parameter"]
    assert (term.term, term.definition) == ("paramètre", "Un nombre.")
    assert language.kb.terms_by_id["fine-tuning"].term == "fine-tuning"  # falls back
    assert language.is_translated("question", "tuning-widgets")
    assert not language.is_translated("question", "what-is-a-widget")
    missing = {(kind, entry_id) for kind, entry_id, _ in language.missing(language.kb)}
    assert ("question", "what-is-a-widget") in missing and ("term", "parameter") not in missing


def test_a_term_keeping_its_name_is_matched_by_its_slug() -> None:
    german = _docs("glossary:\n  - term: Parameter\n    definition: Eine Zahl.\n", "faq.de.yml")
    language, problems = language_view("de", [BASE], [german])
    assert problems == [] and language is not None
    assert language.kb.terms_by_id["parameter"].definition == "Eine Zahl."


def test_problems_in_translated_text_are_located_in_the_translation() -> None:
    french = _docs("questions:\n  - id: tuning-widgets\n    answer: Voir [ça](faq:nowhere).\n", "faq.fr.yml")
    language, problems = language_view("fr", [BASE], [french])
    assert language is not None
    assert [str(p) for p in problems] == [
        "faq.fr.yml:3:13: questions[0].answer: link target 'faq:nowhere' does not exist"
    ]


def test_known_problems_of_the_default_language_are_not_repeated() -> None:
    base = _docs(MINIMAL_FAQ.replace("Use fine-tuning", "Use [x](faq:gone) fine-tuning"), "faq.yml")
    french = _docs("questions:\n  - id: what-is-a-widget\n    question: Quoi ?\n", "faq.fr.yml")
    _, default_problems = language_view("en", [base], [])
    assert default_problems  # the dead link, found in the default language
    _, problems = language_view("fr", [base], [french], known_problems=default_problems)
    assert problems == []


def test_files_are_found_beside_each_file_and_in_globs(tmp_path) -> None:
    for name in ("faq.yml", "faq.fr.yml", "faq.de.yml", "faq.old.yml", "faq.d/a.yml", "faq.d/a.fr.yml", "faq.d/b.es.yml"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("questions: []\n", encoding="utf-8")
    found = translation_paths(["faq.yml", "faq.d/*.yml"], str(tmp_path))
    names = {code: [p[len(str(tmp_path)) + 1:] for p in paths] for code, paths in found.items()}
    assert names == {"fr": ["faq.fr.yml", "faq.d/a.fr.yml"], "de": ["faq.de.yml"], "es": ["faq.d/b.es.yml"]}


def test_a_translation_named_explicitly_is_not_read_as_more_entries(tmp_path) -> None:
    (tmp_path / "faq.yml").write_text(MINIMAL_FAQ, encoding="utf-8")
    (tmp_path / "faq.fr.yml").write_text("questions:\n  - id: tuning-widgets\n    question: Régler ?\n", encoding="utf-8")
    default = load(["faq.yml", "faq.fr.yml"], str(tmp_path))
    assert default.kb is not None and default.problems == ()
    languages = load_languages(["faq.yml", "faq.fr.yml"], str(tmp_path), default)
    assert languages.languages["fr"].kb.questions_by_id["tuning-widgets"].question == "Régler ?"


ENTRIES = [("question", "what-is-a-widget"), ("question", "tuning-widgets"), ("term", "parameter"),
           ("term", "fine-tuning"), ("term", "foundation-model"), ("category", "basics")]


@given(st.sets(st.sampled_from(ENTRIES)))
def test_every_language_has_the_default_entries_in_the_default_order(translated) -> None:
    lines = {"questions": [], "glossary": [], "categories": []}
    for kind, entry_id in sorted(translated):
        if kind == "question":
            lines["questions"].append(f"  - id: {entry_id}\n    question: Q {entry_id} ?\n")
        elif kind == "term":
            lines["glossary"].append(f"  - id: {entry_id}\n    term: t-{entry_id}\n    definition: d.\n")
        else:
            lines["categories"].append(f"  - id: {entry_id}\n    title: T\n")
    text = "".join(f"{section}:\n{''.join(items)}" for section, items in lines.items() if items) or "{}\n"
    language, problems = language_view("xx", [BASE], [_docs(text, "faq.xx.yml")])
    assert problems == [] and language is not None
    default, _ = language_view("en", [BASE], [])
    assert default is not None
    for attribute in ("categories", "questions", "glossary"):
        assert [e.id for e in getattr(language.kb, attribute)] == [e.id for e in getattr(default.kb, attribute)]
    assert language.translated == frozenset(translated)
