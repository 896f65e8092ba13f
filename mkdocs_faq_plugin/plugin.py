"""The MkDocs adapter: each event hands its data to one of the plugin's modules.

Order of work in one build:
`on_config` loads and validates faq.yml and registers the Markdown extension;
`on_files` adds the generated pages (and assets) as real `File`s, backed by real files;
`on_nav` places them; `on_page_markdown` tells the linker which page it converts;
`on_page_content` collects answers for JSON-LD; `on_env` (all pages rendered) fills the
glossary's "Used in" lists and warns about unused terms; `on_page_context` gives the generated
pages their widget assets; `on_post_page` embeds JSON-LD.

With mkdocs-static-i18n every event runs once per language on the same config object (see
`i18n`): faq.yml and its translations are read in the first build only, each build takes its
language's entries, words and linker context, nothing is appended to the config twice, and
our pages and navigation are placed after static-i18n has rebuilt the files and the nav.
"""

from __future__ import annotations

import datetime
import fnmatch
import os
import time
from collections import defaultdict
from typing import TYPE_CHECKING, Any

import jinja2
from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url, write_file
from mkdocs.utils.templates import TemplateContext

from . import bundles, page_safety, serve_watch, url_clashes, used_in
from . import nav as nav_placement
from .audience import links_to_dropped, select
from .backing import BackingDirectory
from .build_language import BuildLanguage
from .config import FaqPluginConfig
from .export import export_data, to_json
from .i18n import StaticI18n, content_language
from .knowledge import Knowledge, load_knowledge
from .labels import Labels, labels_for, overrides_for
from .layout import SiteLayout
from .linker import FaqExtension, LinkerContext, page_subjects
from .matcher import TermMatcher
from .model import KnowledgeBase
from .pages import Fallback, Feedback, GeneratedPage, render_pages, render_used_in
from .problems import ACTIVE_HTML, FaqError, Problem, errors, warnings
from .review import stale_questions
from .search_view import Hidden, View
from .structured_data import faq_page_jsonld, page_answers
from .template_env import template_environment
from .unused import summary as unused_summary
from .unused import unused_problems, unused_terms
from .used_in import UsedIn

if TYPE_CHECKING:  # imported when the site uses mkdocs-macros (`on_pre_build`)
    from .macros import FaqMacros

log = get_plugin_logger(__name__)

EXPORT_NAME = "faq.json"
I18N_PRIORITY = -110
"""Below mkdocs-static-i18n's -100: its `on_files` would drop our pages, its `on_nav` our nav."""


class FaqPlugin(BasePlugin[FaqPluginConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.serving = False
        self.last_good: Knowledge | None = None
        self.knowledge: Knowledge | None = None
        self.kb = KnowledgeBase()
        self.layout = SiteLayout(self.kb)
        self.linker: LinkerContext | None = None
        self.contexts: dict[str, LinkerContext] = {}
        self.extension: FaqExtension | None = None
        self.labels: Labels | None = None
        self.templates: Environment | None = None
        self.jsonld: dict[str, str] = {}
        self.timings: dict[str, float] = defaultdict(float)
        self.watched: list[str] = []
        self.full_kb = self.kb
        self.feedback: Feedback | None = None
        self.macros: FaqMacros | None = None
        self.pages: list[GeneratedPage] = []
        self.search_view: View | None = None
        self.hidden: Hidden | None = None
        self.i18n: StaticI18n | None = None
        self.build_language = BuildLanguage()
        self.fallback = Fallback()
        self.backing = BackingDirectory()
        self.reported: set[str] = set()
        self.nav_title: str | None = None

    def _patterns(self) -> list[str]:
        """The `file` option as a list of paths or globs."""
        value = self.config.file
        return [str(v) for v in value] if isinstance(value, list) else [str(value)]

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Being defined keeps this instance across `mkdocs serve` rebuilds (last good data)."""
        self.serving = command == "serve"

    def on_shutdown(self) -> None:
        self.backing.cleanup()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        started = time.perf_counter()
        self.jsonld = {}
        self.timings = defaultdict(float)
        self.i18n = i18n = StaticI18n.find(config)
        if i18n is not None and self.config.language:
            raise PluginError(
                "faq: the 'language' option is for sites built once per language; with "
                "mkdocs-static-i18n each language's build takes its own translations, so remove it"
            )
        if i18n is None or not i18n.nested or self.knowledge is None:
            self._load(config, i18n)  # static-i18n's other languages reuse what the first read
        assert self.knowledge is not None
        self.build_language = BuildLanguage.of(config, i18n, self.config.language)
        self.full_kb = kb = self.knowledge.kb(self.language)
        self.kb = kb = self._publish(kb)
        try:  # unsafe faq_dir / glossary_page: refused before anything is written
            self.layout = SiteLayout(kb, self.config.faq_dir.strip("/"), self.config.glossary_page)
        except ValueError as exc:
            raise PluginError(f"faq: {exc}") from None
        try:
            self.labels = labels_for(self.language, overrides_for(self.config.labels, self.language))
        except ValueError as exc:
            raise PluginError(f"faq: labels: {exc}") from None
        self.templates = template_environment([str(d) for d in config.theme.dirs])
        self.fallback = self.build_language.fallback(self.knowledge, self.language)
        self.linker = self._linker(kb, self.layout, self.full_kb, self.language)
        self.contexts = {self.language or "": self.linker}
        _ensure_extension(config, "attr_list")
        if self.extension is None or self.extension not in config.markdown_extensions:
            self.extension = FaqExtension(context=self.linker)
            config.markdown_extensions.append(self.extension)  # type: ignore[arg-type]
        self.extension.context = self.linker
        for name in bundles.site_assets(tooltips=self.config.tooltips):
            target = config.extra_css if name.endswith(".css") else config.extra_javascript
            _append_once(target, bundles.uri(name))
        self.feedback = _feedback(config, self.config.feedback)
        self.timings["load"] += time.perf_counter() - started
        self.pages = self._render_pages(config)
        return config

    def _load(self, config: MkDocsConfig, i18n: StaticI18n | None) -> None:
        """faq.yml (and the translations the site builds), once per site build."""
        self.reported = set()
        self.backing.clear()
        base_dir = os.path.dirname(os.path.abspath(config.config_file_path or "mkdocs.yml"))
        if i18n is not None:
            languages: tuple[str, ...] = i18n.languages
            default_language: str | None = i18n.default_language
        else:
            languages = (self.config.language,) if self.config.language else ()
            default_language = None
        result = load_knowledge(
            self._patterns(), base_dir, languages=languages, default_language=default_language
        )
        self.watched = list(result.watched) or [os.path.join(base_dir, str(self.config.file))]
        if result.knowledge is None:
            problem_list = errors(result.problems)
            if self.serving and self.last_good is not None:
                for problem in problem_list:
                    log.error("%s", problem)
                log.error("faq.yml is invalid; the site keeps the last valid version until it is fixed")
                self.knowledge = self.last_good
                return
            raise PluginError(str(FaqError(problem_list)))
        strip = self.config.active_html == "strip"
        for problem in warnings(result.problems):
            if strip and problem.kind == ACTIVE_HTML:
                log.info("%s (removed: active_html is strip)", problem)
            else:
                self._warn(problem)
        for note in result.notes:
            log.info("%s", note)
        self.knowledge = self.last_good = result.knowledge

    @property
    def language(self) -> str | None:
        """This build's language: static-i18n's, the `language` option, else the theme's."""
        return self.build_language.current

    def _warn(self, problem: Problem | str) -> None:
        """A warning once per site build, however many languages it builds."""
        text = str(problem)
        if text not in self.reported:
            self.reported.add(text)
            log.warning("%s", text)

    def _linker(
        self, kb: KnowledgeBase, layout: SiteLayout, full_kb: KnowledgeBase, language: str | None
    ) -> LinkerContext:
        glossary = self.config.glossary
        return LinkerContext(
            layout=layout,
            matcher=TermMatcher.from_terms(kb.glossary) if glossary.enabled else TermMatcher.from_terms(()),
            annotate=glossary.annotate,
            link=glossary.link,
            tooltips=self.config.tooltips,
            self_links=glossary.self_links,
            warn=log.warning,
            term_urls=True,  # `on_page_markdown` gives each page the glossary's URL
            withheld=lambda name: full_kb.find_term(name) is not None,
            term_languages=self.build_language.term_languages(self.knowledge, kb, language),
        )

    def _context_for(self, language: str) -> LinkerContext:
        """The linker context of pages written in `language` (with static-i18n, a page that
        falls back to the default language is matched against the default glossary)."""
        context = self.contexts.get(language)
        if context is None:
            assert self.knowledge is not None
            full_kb = self.knowledge.kb(language)
            kb = select(full_kb, list(self.config.audiences))[0]
            layout = SiteLayout(kb, self.layout.faq_dir, self.layout.glossary_page)
            context = self.contexts[language] = self._linker(kb, layout, full_kb, language)
        return context

    def _render_pages(self, config: MkDocsConfig) -> list[GeneratedPage]:
        """The generated pages, made here because MkDocs empties `site_dir` right after
        `on_config`: every error found now leaves the previous site untouched."""
        started = time.perf_counter()
        assert self.labels is not None
        try:
            pages = render_pages(
                self.kb, self.layout, self.labels, env=self.templates, feedback=self.feedback,
                directory_urls=config.use_directory_urls, fallback=self.fallback,
            )
        except jinja2.TemplateError as exc:
            where = f"{getattr(exc, 'filename', None) or getattr(exc, 'name', None) or 'a faq template'}"
            line = getattr(exc, "lineno", None)
            raise PluginError(f"faq: {where}{f':{line}' if line else ''}: {exc.message or exc}") from None
        excluded = config.exclude_docs
        for page in pages:
            if excluded is not None and excluded.match_file(page.src_path):
                raise PluginError(
                    f"faq: exclude_docs leaves out {page.src_path}, which the faq plugin generates "
                    "and links to; set the plugin's faq_dir / glossary_page option instead"
                )
            sources = [page.src_path, *(self.i18n.localized_sources(page.src_path) if self.i18n else ())]
            for source in sources:
                if os.path.isfile(os.path.join(config.docs_dir, *source.split("/"))):
                    what = "that page" if source == page.src_path else f"{page.src_path} in every language"
                    raise PluginError(
                        f"faq: {config.docs_dir}/{source} exists, but the faq plugin generates "
                        f"{what}; rename it or set the plugin's faq_dir / glossary_page option"
                    )
        clashes = url_clashes.docs_clashes(
            [page.src_path for page in pages], config.use_directory_urls,
            lambda name: (os.path.isdir if name.endswith("/") else os.path.isfile)(
                os.path.join(config.docs_dir, *name.split("/"))
            ),
            "/".join([*filter(None, self.layout.faq_dir.split("/")), EXPORT_NAME]),
        )
        if clashes:
            raise PluginError("\n".join(clashes))
        self.timings["pages"] += time.perf_counter() - started
        return pages

    def _publish(self, kb: KnowledgeBase) -> KnowledgeBase:
        """The entries for the selected `audiences`; warns about links to the others and
        about answers due for review (`review_after`)."""
        audiences = list(self.config.audiences)
        selected, dropped = select(kb, audiences)
        if dropped and f"audiences {dropped.count}" not in self.reported:
            self.reported.add(f"audiences {dropped.count}")
            log.info(
                "audiences %s: %d of faq.yml's entries are not published",
                ", ".join(audiences), dropped.count,
            )
        for problem in links_to_dropped(kb, selected, audiences):
            self._warn(problem)
        if self.config.review_after is not None:
            for problem in stale_questions(selected, self.config.review_after, datetime.date.today()):
                self._warn(problem)
        return selected

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Hand our macros to mkdocs-macros, when the site uses it; see how the search
        plugin may be shown our pages (`search_view`).

        Here rather than in `on_config`: every plugin's `on_config` has run by now, so
        mkdocs-macros takes them into its live environment whether it is listed before or
        after `faq` (see `macros.register`).
        """
        self.search_view = View.of(config.plugins, self)
        self.macros = None
        macros_plugin = config.plugins.get("macros")
        if macros_plugin is None or not hasattr(macros_plugin, "register_macros"):
            return
        from .macros import FaqMacros
        from .macros import register as register_macros

        base_dir = os.path.dirname(os.path.abspath(config.config_file_path or "mkdocs.yml"))
        docs = os.path.relpath(config.docs_dir, base_dir).replace(os.sep, "/")

        def current_page() -> str | None:
            try:
                page = macros_plugin.page
            except AttributeError:
                return None
            return f"{docs}/{page.file.src_uri}" if page is not None else None

        assert self.labels is not None
        self.macros = FaqMacros(
            self.kb,
            current_page=current_page,
            full_kb=self.full_kb,
            audiences=self.config.audiences,
            faq_title=self.labels.faq,
            glossary_title=self.labels.glossary,
        )
        for problem in register_macros(macros_plugin, self.macros):
            log.warning("%s", problem)

    @event_priority(-50)  # Late: after gen-files and similar generators, before literate-nav (-100).
    def _on_files_plain(self, files: Files, *, config: MkDocsConfig) -> Files:
        return files if self.i18n is not None else self._add_files(files, config)

    @event_priority(I18N_PRIORITY)
    def _on_files_i18n(self, files: Files, *, config: MkDocsConfig) -> Files:
        return self._add_files(files, config) if self.i18n is not None else files

    on_files = CombinedEvent(_on_files_plain, _on_files_i18n)

    def _add_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.labels is not None and self.knowledge is not None
        edit_uri = self._edit_uri(config)
        page_language = self.language or ""
        if self.i18n is not None and not self.knowledge.translated(self.language):
            page_language = self.i18n.default_language  # every entry falls back
        generated: list[File] = []
        for page in self.pages:
            existing = files.get_file_from_path(page.src_path)
            if existing is not None:  # docs_dir files were refused in on_config already
                raise PluginError(
                    f"faq: {existing.generated_by or 'another plugin'} also generates "
                    f"{page.src_path}; set the faq plugin's faq_dir / glossary_page option"
                )
            file = self.backing.page(config, page.src_path, page.markdown, folder=self.language or "")
            file.edit_uri = edit_uri
            if self.i18n is not None:
                self.i18n.localize(file, config, content_language=page_language)
            files.append(file)
            generated.append(file)
        self.pages = []  # the files hold the pages now; one copy of each is enough
        self._refuse_clashes(files, generated)
        if self.config.nav and isinstance(config.nav, list):
            nav_placement.extend_config_nav(
                config.nav,
                faq_pages=list(self.layout.faq_pages),
                glossary_page=self.layout.glossary_page,
                faq_title=self.labels["faq"],
            )
            self.nav_title = self.nav_title or self.labels["faq"]
        for asset in bundles.served(tooltips=self.config.tooltips, feedback=self.feedback is not None):
            files.append(File.generated(config, asset.uri, content=asset.text))
        return files

    def _refuse_clashes(self, files: Files, generated: list[File]) -> None:
        """A user file (or another generated page) where our pages or faq.json are written."""
        prefix = self.i18n.prefix(self.language or "") if self.i18n is not None else ""
        folder = [*filter(None, prefix.split("/")), *filter(None, self.layout.faq_dir.split("/"))]
        ours = {id(file) for file in generated}
        messages = url_clashes.clashes(
            [(file.src_uri, file.dest_uri) for file in generated],
            [(file.src_uri, file.dest_uri) for file in files if id(file) not in ours],
            "/".join([*folder, EXPORT_NAME]),
        )
        if messages:
            raise PluginError("\n".join(messages))

    def _edit_uri(self, config: MkDocsConfig) -> str | None:
        """The edit link of a generated page opens the file authors really edit: this
        language's translation when there is one, else faq.yml."""
        files = self.knowledge.edit_files(self.language) if self.knowledge is not None else ()
        if not files:
            return None
        return os.path.relpath(files[0], config.docs_dir).replace(os.sep, "/")

    def _on_nav_plain(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        return nav if self.i18n is not None else self._place(nav, config, files)

    @event_priority(I18N_PRIORITY)
    def _on_nav_i18n(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        return self._place(nav, config, files) if self.i18n is not None else nav

    on_nav = CombinedEvent(_on_nav_plain, _on_nav_i18n)

    def _place(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        if not self.config.nav:
            return nav
        assert self.labels is not None
        glossary = _pages(files, (self.layout.glossary_page,))  # empty if exclude_docs drops it
        faq_pages = _pages(files, self.layout.faq_pages)
        if self.nav_title is not None and self.nav_title != self.labels["faq"]:
            # The config's nav, extended once, names the section in the first language built.
            nav_placement.retitle(nav, faq_pages, self.nav_title, self.labels["faq"])
        return nav_placement.place(
            nav,
            faq_pages=faq_pages,
            glossary_page=glossary[0] if glossary else None,
            faq_title=self.labels["faq"],
            implicit=config.nav is None,
        )

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self.linker is not None and self.extension is not None
        src = page.file.src_uri
        enabled = page.meta.get("glossary", True) is not False and not any(
            fnmatch.fnmatch(src, pattern) for pattern in self.config.glossary.exclude
        )
        context = self.linker
        if self.i18n is not None and src not in self.layout.all_pages:
            language = content_language(page.file, self.i18n.current_language)
            if language != self.language:
                context = self._context_for(language)
        self.extension.context = context
        glossary = files.get_file_from_path(context.layout.glossary_page)
        glossary_url = None
        if glossary is not None:  # the URL MkDocs would write for a link to it
            glossary_url = "" if glossary is page.file else get_relative_url(glossary.url, page.file.url)
        context.begin_page(src, enabled, about=page_subjects(page.meta), glossary_url=glossary_url)
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        src = page.file.src_uri
        if src in self.layout.all_pages:
            html, lost = page_safety.checked(
                html, src, self.layout, strip=self.config.active_html == "strip"
            )
            if lost:
                raise PluginError(str(FaqError(lost)))
        if self.config.json_ld and src in self.layout.faq_pages:
            started = time.perf_counter()
            questions = [self.kb.questions_by_id[qid] for qid in self.layout.questions_on(src)]
            if questions:
                sections = page_answers(html, questions)
                fallback = self.fallback
                self.jsonld[src] = faq_page_jsonld(
                    [(q, sections.get(q.id, "")) for q in questions],
                    language=self.build_language.declared,
                    question_languages={
                        q.id: fallback.language for q in questions if fallback.lang("question", q.id)
                    },
                )
            self.timings["jsonld"] += time.perf_counter() - started
        return html

    @event_priority(100)  # Before the search plugin (0): see `search_view`.
    def _show_search(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        self.hidden = None
        if self.search_view is not None:
            generated = page.file.src_uri in self.layout.all_pages
            self.hidden = self.search_view.hide(page, generated)
        return context

    @event_priority(-100)  # Late: search and other plugins read the content without our tags.
    def _after_search(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        """The page is itself again (`search_view`), and the generated pages bring their own
        widget assets (see `bundles`)."""
        if self.search_view is not None and self.hidden is not None:
            self.search_view.restore(page, self.hidden)
            self.hidden = None
        kind = page.meta.get("faq_generated")
        names = bundles.page_assets(kind, feedback=self.feedback is not None)
        if names and page.content is not None:
            page.content = bundles.with_page_assets(page.content, names, page.url)
        return context

    on_page_context = CombinedEvent(_show_search, _after_search)

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """Every page is rendered now, so term usage is complete (search indexes after this)."""
        if self.macros is not None and self.macros.errors:
            raise PluginError("\n".join(self.macros.errors))
        started = time.perf_counter()
        assert self.linker is not None and self.labels is not None
        glossary_file = files.get_file_from_path(self.layout.glossary_page)
        usage = _merged_usage(self.contexts.values())
        limit = self.config.glossary.used_in_limit
        if glossary_file is not None and glossary_file.page is not None and limit != 0:
            glossary, labels = glossary_file.page, self.labels
            lists = UsedIn(self.kb, self.layout, lambda src: _page_link(files, src, glossary))
            glossary.content = used_in.fill(
                glossary.content or "",
                lambda term_id: render_used_in(
                    term_id, lists.entries(usage.get(term_id, {})), labels, limit=limit,
                    env=self.templates,
                ),
            )
        if self.config.glossary.enabled and self.build_language.in_source_language:  # other languages: the same terms
            self._report_unused(set().union(*(c.mentioned for c in self.contexts.values())))
        for context in self.contexts.values():
            context.release()
        self.timings["used_in"] += time.perf_counter() - started
        return env

    def _report_unused(self, mentioned: set[str]) -> None:
        """Unused terms are news, not breakage, unless the site asks (`warn_unused`)."""
        terms = unused_terms(self.kb, mentioned)
        if not terms:
            return
        if self.config.glossary.warn_unused:
            for problem in unused_problems(terms):
                log.warning("%s", problem)
            return
        for problem in unused_problems(terms):
            log.debug("%s", problem)
        log.info("%s", unused_summary(terms, len(self.kb.glossary)))

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        script = self.jsonld.get(page.file.src_uri)
        if script and "</head>" in output:
            head_end = output.index("</head>")
            output = f"{output[:head_end]}{script}\n{output[head_end:]}"
        return output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        # The published knowledge base as data, next to the FAQ pages (audiences respected).
        # With static-i18n each language's build writes its own, under its prefix (`fr/faq/`).
        prefix = self.i18n.prefix(self.language or "") if self.i18n is not None else ""
        data = export_data(
            self.kb, self.layout, base_url=f"{config.site_url or ''}{prefix}" or None,
            directory_urls=config.use_directory_urls,
            language=self.build_language.declared,
        )
        folder = [*filter(None, prefix.split("/")), *filter(None, self.layout.faq_dir.split("/"))]
        write_file(to_json(data).encode("utf-8"), os.path.join(config.site_dir, *folder, EXPORT_NAME))
        if os.environ.get("MKDOCS_FAQ_PROFILE") and self.linker is not None:
            self.timings["linking"] = sum(c.elapsed for c in self.contexts.values())
            log.info(
                "profile %s",
                " ".join(f"{k}={self.timings[k]:.4f}" for k in ("load", "pages", "linking", "jsonld", "used_in")),
            )

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        """Edits to faq.yml rebuild the site, even after the file was deleted and restored;
        other files beside it do not (see `serve_watch`)."""
        base_dir = os.path.dirname(os.path.abspath(config.config_file_path or "mkdocs.yml"))
        serve_watch.watch(server, self._patterns(), base_dir)
        return server


def _append_once(items: list[Any], item: Any) -> None:
    """static-i18n reuses one config object for every language: never add an entry twice."""
    if item not in items:
        items.append(item)


def _merged_usage(contexts: Any) -> dict[str, dict[str, set[str]]]:
    """Term id → page → sections, over every linker context of the build."""
    contexts = list(contexts)
    if len(contexts) == 1:
        return contexts[0].usage
    merged: dict[str, dict[str, set[str]]] = {}
    for context in contexts:
        for term_id, pages in context.usage.items():
            for page, sections in pages.items():
                merged.setdefault(term_id, {}).setdefault(page, set()).update(sections)
    return merged


def _feedback(config: MkDocsConfig, option: bool | None) -> Feedback | None:
    """Per-question feedback settings: `option` if given, else on when Material's page
    feedback (`extra.analytics.feedback`) is configured; its first two ratings' `data` are
    the values our "yes" and "no" buttons send."""
    analytics = config.extra.get("analytics") if config.extra else None
    material = analytics.get("feedback") if isinstance(analytics, dict) else None
    if option is False or (option is None and not material):
        return None
    ratings = material.get("ratings") if isinstance(material, dict) else None
    values = [
        str(r["data"]) for r in ratings or () if isinstance(r, dict) and r.get("data") is not None
    ]
    if len(values) >= 2:
        return Feedback(yes=values[0], no=values[1])
    return Feedback()


def _ensure_extension(config: MkDocsConfig, name: str) -> None:
    """Generated pages set heading ids with attr_list syntax; add it when the site lacks it."""
    names = {getattr(e, "__module__", e) if not isinstance(e, str) else e for e in config.markdown_extensions}
    if name not in names and f"markdown.extensions.{name}" not in names:
        config.markdown_extensions.append(name)


def _page_link(files: Files, src: str, glossary: Page) -> tuple[str, str] | None:
    """A built page's plain-text title and URL relative to the glossary, for "Used in"."""
    file = files.get_file_from_path(src)
    if file is None or file.page is None:
        return None
    url = get_relative_url(file.page.url or ".", glossary.url or ".")
    # MkDocs titles may hold markup (`Q &amp; A`); the template escapes plain text.
    return Markup(file.page.title or src).striptags(), url


def _pages(files: Files, src_paths: tuple[str, ...]) -> list[Page]:
    pages = []
    for src in src_paths:
        file = files.get_file_from_path(src)
        if file is not None and file.page is not None:
            pages.append(file.page)
    return pages
