"""The languages of one build: the language its pages are in, the language faq.yml is written
in, and what follows for what a page shows in the other one.

Three kinds of site: one language; one build per language with the plugin's `language`
option (each edition declares its language); mkdocs-static-i18n, whose default locale is
faq.yml's language. faq.yml's own `language` key says which language it is in for the first
two; with it, an entry or a definition shown untranslated can say which language it is in
(WCAG 3.1.2) and its terms take that language's word forms.
"""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from ..kb.knowledge import Knowledge
from ..kb.model import KnowledgeBase
from ..pages.render import Fallback
from ..terms.morphology import same_language
from ..text import language_tag
from .i18n import StaticI18n

__all__ = ["BuildLanguage"]


@dataclass(frozen=True)
class BuildLanguage:
    """Which language this build's pages are in, and which one faq.yml is in."""

    current: str | None = None
    """This build's language: static-i18n's, the plugin's `language` option, else the theme's."""
    source: str | None = None
    """faq.yml's language: static-i18n's default locale, else faq.yml's `language` key when it
    is not the language of the pages; None when nothing says or it is theirs."""
    source_tag: str = ""
    """`source` as a `lang` value (`pt_BR` → `pt-BR`)."""
    multilingual: bool = False
    """The site has an edition per language (static-i18n or the `language` option)."""

    @classmethod
    def of(
        cls, config: MkDocsConfig, i18n: StaticI18n | None, option: str | None, written_in: str = ""
    ) -> BuildLanguage:
        """`written_in` is faq.yml's `language` key ("" when it has none)."""
        if i18n is not None:
            default = i18n.default_language
            try:
                tag = language_tag(default)
            except ValueError:
                raise PluginError(
                    f"faq: static-i18n's default locale {default!r} is not a language tag (such "
                    "as 'en' or 'pt-BR'), which pages need for their untranslated entries"
                ) from None
            if written_in and not same_language(written_in, tag):
                raise PluginError(
                    f"faq: faq.yml says it is in {written_in!r} (its 'language' key), but "
                    f"mkdocs-static-i18n's default locale is {default!r}, whose entries faq.yml "
                    "holds: make the two agree"
                )
            return cls(i18n.current_language, default, tag, multilingual=True)
        theme = config.theme
        language = str(option or theme.get("language") or theme.get("locale") or "") or None
        if written_in and language and not same_language(written_in, language):
            return cls(language, written_in, written_in, multilingual=bool(option))
        return cls(language, multilingual=bool(option))

    @property
    def declared(self) -> str | None:
        """The language JSON-LD (`inLanguage`) and faq.json declare: on multilingual sites
        only, where readers and crawlers must tell the editions apart."""
        return self.current if self.multilingual else None

    @property
    def in_source_language(self) -> bool:
        """Are this build's pages in faq.yml's language (or is no other language known)?"""
        return self.source is None or self.current == self.source

    def fallback(self, knowledge: Knowledge | None, language: str | None) -> Fallback:
        """The entries pages written in `language` show in faq.yml's language, which they
        then declare."""
        if self.source is None or knowledge is None or not language or language == self.source:
            return Fallback()
        return Fallback(self.source_tag, knowledge.untranslated(language))

    def term_languages(
        self, knowledge: Knowledge | None, kb: KnowledgeBase, language: str | None
    ) -> dict[str, str]:
        """Term id → the language of its definition, for each definition that is not in the
        language of this build's pages (their `lang`), on pages written in `language`: all of
        them on static-i18n's fallback pages, which are in faq.yml's language."""
        if self.in_source_language:
            return {}
        if language == self.source:
            return {term.id: self.source_tag for term in kb.glossary}
        fallback = self.fallback(knowledge, language)
        return {term.id: self.source_tag for term in kb.glossary if fallback.lang("term", term.id)}
