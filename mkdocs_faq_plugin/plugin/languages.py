"""The languages of one build: the language its pages are in, the language faq.yml is written
in, and what follows for what a page shows in the other one.

Three kinds of site: one language (nothing to declare); one build per language with the
plugin's `language` option (each edition declares its language, but nothing says which language
faq.yml itself is in); mkdocs-static-i18n, whose default locale is faq.yml's language, so that
an entry or a definition shown untranslated can say which language it is in (WCAG 3.1.2).
"""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from ..kb.knowledge import Knowledge
from ..kb.model import KnowledgeBase
from ..pages.render import Fallback
from ..text import language_tag
from .i18n import StaticI18n

__all__ = ["BuildLanguage"]


@dataclass(frozen=True)
class BuildLanguage:
    """Which language this build's pages are in, and which one faq.yml is in."""

    current: str | None = None
    """This build's language: static-i18n's, the plugin's `language` option, else the theme's."""
    source: str | None = None
    """faq.yml's language as static-i18n names it (its default locale); None without it."""
    source_tag: str = ""
    """`source` as a `lang` value (`pt_BR` → `pt-BR`)."""
    multilingual: bool = False
    """The site has an edition per language (static-i18n or the `language` option)."""

    @classmethod
    def of(cls, config: MkDocsConfig, i18n: StaticI18n | None, option: str | None) -> BuildLanguage:
        if i18n is not None:
            default = i18n.default_language
            try:
                tag = language_tag(default)
            except ValueError:
                raise PluginError(
                    f"faq: static-i18n's default locale {default!r} is not a language tag (such "
                    "as 'en' or 'pt-BR'), which pages need for their untranslated entries"
                ) from None
            return cls(i18n.current_language, default, tag, multilingual=True)
        if option:
            return cls(str(option), multilingual=True)
        theme = config.theme
        language = theme.get("language") or theme.get("locale")
        return cls(str(language) if language else None)

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
