"""`BuildLanguage`: which language a build's pages are in, which one faq.yml is in, and what
an untranslated entry then declares. Site builds in tests/test_multilingual.py."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from mkdocs.exceptions import PluginError

from mkdocs_faq_plugin.plugin.languages import BuildLanguage
from mkdocs_faq_plugin.kb.knowledge import Knowledge
from mkdocs_faq_plugin.kb.model import KnowledgeBase, Question, Term


def _config(**theme: str) -> Any:
    return SimpleNamespace(theme=theme)


def _i18n(current: str, default: str = "en") -> Any:
    return SimpleNamespace(current_language=current, default_language=default)


KB = KnowledgeBase(
    title="Widget FAQ",
    questions=(Question(id="q", question="Q?", answer="A."),),
    glossary=(Term(id="t", term="widget", definition="A tool."),),
)


def test_a_site_in_one_language_declares_nothing() -> None:
    build = BuildLanguage.of(_config(language="de"), None, None)
    assert build.current == "de" and build.declared is None and build.in_source_language
    assert build.fallback(Knowledge(KB), "de").lang("question", "q") is None
    assert build.term_languages(Knowledge(KB), KB, "de") == {}


def test_the_language_option_declares_the_edition_but_not_faq_ymls_language() -> None:
    build = BuildLanguage.of(_config(language="en"), None, "fr")
    assert build.current == "fr" and build.declared == "fr" and build.in_source_language
    assert build.fallback(Knowledge(KB), "fr").lang("question", "q") is None


def test_with_static_i18n_untranslated_entries_declare_the_default_locale() -> None:
    knowledge = Knowledge(KB)  # no translation at all: everything falls back
    french = BuildLanguage.of(_config(), _i18n("fr", "pt_BR"), None)
    assert french.declared == "fr" and not french.in_source_language
    fallback = french.fallback(knowledge, "fr")
    assert fallback.lang("question", "q") == "pt-BR" and fallback.lang("faq", "title") == "pt-BR"
    assert french.term_languages(knowledge, KB, "fr") == {"t": "pt-BR"}
    # A page written in the default language (static-i18n's fallback page) under /fr/.
    assert french.fallback(knowledge, "pt_BR").lang("question", "q") is None
    assert french.term_languages(knowledge, KB, "pt_BR") == {"t": "pt-BR"}
    default = BuildLanguage.of(_config(), _i18n("pt_BR", "pt_BR"), None)
    assert default.in_source_language and default.term_languages(knowledge, KB, "pt_BR") == {}


def test_a_default_locale_that_is_no_language_tag_is_a_one_line_error() -> None:
    with pytest.raises(PluginError, match=r"static-i18n's default locale 'en us' is not a language tag"):
        BuildLanguage.of(_config(), _i18n("fr", "en us"), None)
