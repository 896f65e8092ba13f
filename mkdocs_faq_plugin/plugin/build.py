"""One build's state, made whole in `on_config` (`SiteBuild.start`), so that no event handler
meets a half-made build: the knowledge base of this build's language, its layout, words,
templates, generated pages and linker contexts.

With mkdocs-static-i18n each language's build gets its own `SiteBuild`; what lasts across
builds (faq.yml as read once, the last valid version while serving, the one registered
Markdown extension) stays on the plugin.
"""

from __future__ import annotations

import datetime
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import jinja2
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from ..kb.audience import links_to_dropped, select
from ..kb.knowledge import Knowledge
from ..kb.model import KnowledgeBase
from ..kb.problems import Problem
from ..kb.review import stale_questions
from ..layout import SiteLayout
from ..linker import LinkerContext
from ..pages.environment import template_environment
from ..pages.labels import Labels, labels_for, overrides_for
from ..pages.render import Fallback, Feedback, GeneratedPage, render_pages
from ..terms.matcher import TermMatcher
from . import site, url_clashes
from .config import FaqPluginConfig
from .i18n import StaticI18n
from .imported import Imports
from .languages import BuildLanguage
from .search_view import Hidden, View

if TYPE_CHECKING:
    from ..macros import FaqMacros


@dataclass
class SiteBuild:
    """Everything one build works from; the fields after `contexts` fill in as events run."""

    options: FaqPluginConfig
    knowledge: Knowledge
    language: BuildLanguage
    full_kb: KnowledgeBase
    """This language's entries before the site's `audiences` select from them."""
    kb: KnowledgeBase
    """The published entries."""
    layout: SiteLayout
    labels: Labels
    templates: Environment
    fallback: Fallback
    feedback: Feedback | None
    i18n: StaticI18n | None
    warn: Callable[[str], None]
    info: Callable[[str], None]
    imports: Imports = field(default_factory=Imports)
    """Other sites' entries (`import:`), read once per site build."""
    linker: LinkerContext = field(init=False)
    contexts: dict[str, LinkerContext] = field(default_factory=dict)
    """Linker context per language of the pages (static-i18n's fallback pages keep theirs)."""
    pages: list[GeneratedPage] = field(default_factory=list)
    jsonld: dict[str, str] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    search_view: View | None = None
    hidden: Hidden | None = None
    hidden_tags: object = None
    """A generated page's `tags`, out of its meta while search reads it (`events._show_search`)."""
    search_start: int | None = None
    """How many entries Material's search index held before the current generated page."""
    macros: FaqMacros | None = None

    def __post_init__(self) -> None:
        self.linker = self.make_linker(self.kb, self.layout, self.full_kb, self.language.current)
        self.contexts[self.language.current or ""] = self.linker

    @classmethod
    def start(
        cls,
        options: FaqPluginConfig,
        config: MkDocsConfig,
        knowledge: Knowledge,
        i18n: StaticI18n | None,
        *,
        warn: Callable[[str], None],
        info: Callable[[str], None],
        imports: Imports | None = None,
    ) -> SiteBuild:
        """The build of `config`'s language, its pages rendered: MkDocs empties `site_dir`
        right after `on_config`, so every error found here leaves the previous site untouched."""
        started = time.perf_counter()
        language = BuildLanguage.of(config, i18n, options.language, knowledge.default.language)
        full_kb = knowledge.kb(language.current)
        kb = publish(full_kb, options, warn=warn, info=info)
        try:  # unsafe faq_dir / glossary_page: refused before anything is written
            layout = SiteLayout(kb, options.faq_dir.strip("/"), options.glossary_page)
        except ValueError as exc:
            raise PluginError(f"faq: {exc}") from None
        try:
            labels = labels_for(language.current, overrides_for(options.labels, language.current))
        except ValueError as exc:
            raise PluginError(f"faq: labels: {exc}") from None
        build = cls(
            options=options,
            knowledge=knowledge,
            language=language,
            full_kb=full_kb,
            kb=kb,
            layout=layout,
            labels=labels,
            templates=template_environment([str(d) for d in config.theme.dirs]),
            fallback=language.fallback(knowledge, language.current),
            feedback=site.feedback_settings(config, options.feedback),
            i18n=i18n,
            warn=warn,
            info=info,
            imports=imports or Imports(),
        )
        build.timings["load"] += time.perf_counter() - started
        build.pages = build.render(config)
        return build

    @property
    def publishes(self) -> bool:
        """Has the site entries of its own? One that only imports gets no FAQ or glossary pages."""
        return bool(self.knowledge.files or self.kb.questions or self.kb.glossary or self.kb.categories)

    def render(self, config: MkDocsConfig) -> list[GeneratedPage]:
        if not self.publishes:
            return []
        started = time.perf_counter()
        try:
            pages = render_pages(
                self.kb, self.layout, self.labels, env=self.templates, feedback=self.feedback,
                directory_urls=config.use_directory_urls, fallback=self.fallback,
                collapse=self.options.collapse_answers,
            )
        except jinja2.TemplateError as exc:
            raise site.template_error(exc) from None
        site.refuse_conflicts(pages, config, self.i18n)
        url_clashes.refuse_before_build([page.src_path for page in pages], config, self.layout.faq_dir)
        self.timings["pages"] += time.perf_counter() - started
        return pages

    def make_linker(
        self, kb: KnowledgeBase, layout: SiteLayout, full_kb: KnowledgeBase, language: str | None
    ) -> LinkerContext:
        glossary = self.options.glossary
        shared = self.imports.shared(kb, self.info)
        term_languages = self.language.term_languages(self.knowledge, kb, language)
        if shared.term_languages:  # an imported definition in another language says so
            page_language = language or self.language.current
            term_languages = {**self.imports.languages(shared, page_language), **term_languages}
        return LinkerContext(
            layout=layout,
            matcher=TermMatcher.from_terms(
                kb.glossary if glossary.enabled else (),
                language,
                term_languages,
                self.imports.forms(shared, language) if glossary.enabled else (),
            ),
            annotate=glossary.annotate,
            link=glossary.link,
            tooltips=self.options.tooltips,
            self_links=glossary.self_links,
            warn=self.warn,
            term_urls=True,  # `on_page_markdown` gives each page the glossary's URL
            withheld=lambda name: full_kb.find_term(name) is not None,
            term_languages=term_languages,
            language=language,
            shared=shared,
        )

    def context_for(self, language: str) -> LinkerContext:
        """The linker context of pages written in `language` (with static-i18n, a page that
        falls back to the default language is matched against the default glossary)."""
        context = self.contexts.get(language)
        if context is None:
            full_kb = self.knowledge.kb(language)
            kb = select(full_kb, list(self.options.audiences))[0]
            layout = SiteLayout(kb, self.layout.faq_dir, self.layout.glossary_page)
            context = self.contexts[language] = self.make_linker(kb, layout, full_kb, language)
        return context

    @property
    def mentioned(self) -> set[str]:
        """Ids of the terms some page of this build mentions, in any language's context."""
        return set().union(*(c.mentioned for c in self.contexts.values()))

    def usage(self) -> dict[str, dict[str, set[str]]]:
        """Term id → page → sections, over every linker context of the build."""
        return merged_usage(self.contexts.values())


def publish(
    kb: KnowledgeBase,
    options: FaqPluginConfig,
    *,
    warn: Callable[[str], None],
    info: Callable[[str], None],
) -> KnowledgeBase:
    """The entries for the selected `audiences`; warns about links to the others and about
    answers due for review (`review_after`)."""
    audiences = list(options.audiences)
    selected, dropped = select(kb, audiences)
    if dropped:
        info(f"audiences {', '.join(audiences)}: {dropped.count} of faq.yml's entries are not published")
    problems: list[Problem] = list(links_to_dropped(kb, selected, audiences))
    if options.review_after is not None:
        problems += stale_questions(selected, options.review_after, datetime.date.today())
    for problem in problems:
        warn(str(problem))
    return selected


def merged_usage(contexts: Iterable[LinkerContext]) -> dict[str, dict[str, set[str]]]:
    """Term id → page → sections, merged over `contexts`."""
    contexts = list(contexts)
    if len(contexts) == 1:
        return contexts[0].usage
    merged: dict[str, dict[str, set[str]]] = {}
    for context in contexts:
        for term_id, pages in context.usage.items():
            for page, sections in pages.items():
                merged.setdefault(term_id, {}).setdefault(page, set()).update(sections)
    return merged
