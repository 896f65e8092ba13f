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

import fnmatch
import os
import time
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url, write_file
from mkdocs.utils.templates import TemplateContext

from ..kb.knowledge import Knowledge, load_knowledge
from ..kb.model import KnowledgeBase
from ..kb.problems import ACTIVE_HTML, FaqError, errors, warnings
from ..kb.shared import without_imported_links
from ..linker import FaqExtension, page_subjects
from ..pages import bundles, safety, used_in
from ..pages.export import export_data, to_json
from ..pages.jsonld import faq_page_jsonld, page_answers
from ..pages.render import render_used_in
from ..pages.used_in import UsedIn
from ..terms.unused import summary as unused_summary
from ..terms.unused import unused_problems, unused_terms
from . import edit_links, serve_watch, site, url_clashes
from . import nav as nav_placement
from .backing import BackingDirectory
from .build import SiteBuild
from .config import FaqPluginConfig
from .i18n import StaticI18n, content_language
from .imported import Imports
from .search_view import View, lighten_page_entry, material_entries
from .url_clashes import EXPORT_NAME

log = get_plugin_logger(__name__)

I18N_PRIORITY = -110
"""Below mkdocs-static-i18n's -100: its `on_files` would drop our pages, its `on_nav` our nav."""


class FaqPlugin(BasePlugin[FaqPluginConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.serving = False
        self.knowledge: Knowledge | None = None
        """faq.yml and its translations as read for this site build (static-i18n's
        languages reuse it); while serving, the last valid version."""
        self.extension: FaqExtension | None = None
        self.backing = BackingDirectory()
        self.reported: set[str] = set()
        self.nav_title: str | None = None
        self._build: SiteBuild | None = None
        self.imports = Imports()

    @property
    def build(self) -> SiteBuild:
        """This build's state; every event after `on_config` has one."""
        if self._build is None:
            raise PluginError("faq: the plugin's on_config did not run before this event")
        return self._build

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
        i18n = StaticI18n.find(config)
        if i18n is not None and self.config.language:
            raise PluginError(
                "faq: the 'language' option is for sites built once per language; with "
                "mkdocs-static-i18n each language's build takes its own translations, so remove it"
            )
        if i18n is None or not i18n.nested or self.knowledge is None:
            self.imports.load(  # first: faq.yml may link to imported entries
                self.config, site.base_dir(config), serving=self.serving, warn=self._warn, info=self._info
            )
            self.knowledge = self._load(config, i18n)  # static-i18n's other languages reuse it
        self._build = build = SiteBuild.start(
            self.config, config, self.knowledge, i18n, warn=self._warn, info=self._info,
            imports=self.imports,
        )
        site.ensure_extension(config, "attr_list")
        if self.extension is None or self.extension not in config.markdown_extensions:
            self.extension = FaqExtension(context=build.linker)
            config.markdown_extensions.append(self.extension)  # type: ignore[arg-type]
        self.extension.context = build.linker
        for name in bundles.site_assets(tooltips=self.config.tooltips):
            target = config.extra_css if name.endswith(".css") else config.extra_javascript
            site.append_once(target, bundles.uri(name))
        return config

    def _load(self, config: MkDocsConfig, i18n: StaticI18n | None) -> Knowledge:
        """faq.yml (and the translations the site builds), once per site build; while
        serving, an invalid file keeps the last valid version on the site."""
        self.reported = set()
        self.backing.clear()
        if i18n is not None:
            languages: tuple[str, ...] = i18n.languages
            default_language: str | None = i18n.default_language
        else:
            languages = (self.config.language,) if self.config.language else ()
            default_language = None
        if self.imports.exports and site.imports_only(self.config.file, site.base_dir(config)):
            self._info(f"faq: no {self.config.file} here: pages are marked from the imported glossaries only")
            return Knowledge(KnowledgeBase())
        result = load_knowledge(
            self._patterns(), site.base_dir(config), languages=languages, default_language=default_language
        )
        if result.knowledge is None:
            problem_list = errors(result.problems)
            if self.serving and self.knowledge is not None:
                for problem in problem_list:
                    log.error("%s", problem)
                log.error("faq.yml is invalid; the site keeps the last valid version until it is fixed")
                return self.knowledge
            raise PluginError(str(FaqError(problem_list)))
        strip = self.config.active_html == "strip"
        for problem in without_imported_links(warnings(result.problems), self.imports.exports):
            if strip and problem.kind == ACTIVE_HTML:
                self._info(f"{problem} (removed: active_html is strip)")
            else:
                self._warn(str(problem))
        for note in result.notes:
            log.info("%s", note)
        return result.knowledge

    @property
    def language(self) -> str | None:
        """This build's language: static-i18n's, the `language` option, else the theme's."""
        return self.build.language.current

    def _warn(self, text: str) -> None:
        """A warning once per site build, however many languages it builds."""
        if text not in self.reported:
            self.reported.add(text)
            log.warning("%s", text)

    def _info(self, text: str) -> None:
        """An INFO line once per site build."""
        if text not in self.reported:
            self.reported.add(text)
            log.info("%s", text)

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Hand our macros to mkdocs-macros, when the site uses it; see how the search
        plugin may be shown our pages (`search_view`).

        Here rather than in `on_config`: every plugin's `on_config` has run by now, so
        mkdocs-macros takes them into its live environment whether it is listed before or
        after `faq` (see `macros.register`).
        """
        build = self.build
        build.search_view = View.of(config.plugins, self)
        build.macros = None
        macros_plugin = config.plugins.get("macros")
        if macros_plugin is None or not hasattr(macros_plugin, "register_macros"):
            return
        from ..macros import FaqMacros
        from ..macros import register as register_macros

        docs = os.path.relpath(config.docs_dir, site.base_dir(config)).replace(os.sep, "/")

        def current_page() -> str | None:
            try:
                page = macros_plugin.page
            except AttributeError:
                return None
            return f"{docs}/{page.file.src_uri}" if page is not None else None

        build.macros = FaqMacros(
            build.kb,
            current_page=current_page,
            full_kb=build.full_kb,
            audiences=self.config.audiences,
            faq_title=build.labels.faq,
            glossary_title=build.labels.glossary,
        )
        for problem in register_macros(macros_plugin, build.macros):
            log.warning("%s", problem)

    @event_priority(-50)  # Late: after gen-files and similar generators, before literate-nav (-100).
    def _on_files_plain(self, files: Files, *, config: MkDocsConfig) -> Files:
        return files if self.build.i18n is not None else self._add_files(files, config)

    @event_priority(I18N_PRIORITY)
    def _on_files_i18n(self, files: Files, *, config: MkDocsConfig) -> Files:
        return self._add_files(files, config) if self.build.i18n is not None else files

    on_files = CombinedEvent(_on_files_plain, _on_files_i18n)

    def _add_files(self, files: Files, config: MkDocsConfig) -> Files:
        build = self.build
        edit_uri = self._edit_uri(config)
        page_language = self.language or ""
        if build.i18n is not None and not build.knowledge.translated(self.language):
            page_language = build.i18n.default_language  # every entry falls back
        generated: list[File] = []
        for page in build.pages:
            existing = files.get_file_from_path(page.src_path)
            if existing is not None:  # docs_dir files were refused in on_config already
                raise PluginError(
                    f"faq: {existing.generated_by or 'another plugin'} also generates "
                    f"{page.src_path}; set the faq plugin's faq_dir / glossary_page option"
                )
            file = self.backing.page(config, page.src_path, page.markdown, folder=self.language or "")
            file.edit_uri = edit_uri
            if build.i18n is not None:
                build.i18n.localize(file, config, content_language=page_language)
            files.append(file)
            generated.append(file)
        build.pages = []  # the files hold the pages now; one copy of each is enough
        prefix = build.i18n.prefix(self.language or "") if build.i18n is not None else ""
        if build.publishes:
            url_clashes.refuse_in_files(files, generated, build.layout.faq_dir, prefix)
        if self.config.nav and isinstance(config.nav, list) and build.publishes:
            nav_placement.extend_config_nav(
                config.nav,
                faq_pages=list(build.layout.faq_pages),
                glossary_page=build.layout.glossary_page,
                faq_title=build.labels["faq"],
            )
            self.nav_title = self.nav_title or build.labels["faq"]
        for asset in bundles.served(tooltips=self.config.tooltips, feedback=build.feedback is not None):
            files.append(File.generated(config, asset.uri, content=asset.text))
        return files

    def _edit_uri(self, config: MkDocsConfig) -> str | None:
        """The edit link of a generated page opens the file authors really edit: this
        language's translation when there is one, else faq.yml."""
        files = self.build.knowledge.edit_files(self.language)
        if not files:
            return None
        return edit_links.edit_path(files[0], edit_links.source_docs_dir(config.docs_dir, config.plugins))

    def _on_nav_plain(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        return nav if self.build.i18n is not None else self._place(nav, config, files)

    @event_priority(I18N_PRIORITY)
    def _on_nav_i18n(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        return self._place(nav, config, files) if self.build.i18n is not None else nav

    on_nav = CombinedEvent(_on_nav_plain, _on_nav_i18n)

    def _place(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        if not self.config.nav:
            return nav
        layout, title = self.build.layout, self.build.labels["faq"]
        glossary = site.built_pages(files, (layout.glossary_page,))  # empty if exclude_docs drops it
        faq_pages = site.built_pages(files, layout.faq_pages)
        if self.nav_title is not None and self.nav_title != title:
            # The config's nav, extended once, names the section in the first language built.
            nav_placement.retitle(nav, faq_pages, self.nav_title, title)
        return nav_placement.place(
            nav,
            faq_pages=faq_pages,
            glossary_page=glossary[0] if glossary else None,
            faq_title=title,
            implicit=config.nav is None,
        )

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        build, extension = self.build, self.extension
        src = page.file.src_uri
        if page.edit_url and src in build.layout.all_pages:
            page.edit_url = edit_links.without_dot_segments(page.edit_url)
        enabled = page.meta.get("glossary", True) is not False and not any(
            fnmatch.fnmatch(src, pattern) for pattern in self.config.glossary.exclude
        )
        context = build.linker
        if build.i18n is not None and src not in build.layout.all_pages:
            language = content_language(page.file, build.i18n.current_language)
            if language != self.language:
                context = build.context_for(language)
        if extension is not None:
            extension.context = context
        glossary = files.get_file_from_path(context.layout.glossary_page)
        glossary_url = None
        if glossary is not None:  # the URL MkDocs would write for a link to it
            glossary_url = "" if glossary is page.file else get_relative_url(glossary.url, page.file.url)
        context.begin_page(src, enabled, about=page_subjects(page.meta), glossary_url=glossary_url)
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        build = self.build
        src = page.file.src_uri
        if src in build.layout.all_pages:
            html, lost = safety.checked(html, src, build.layout, strip=self.config.active_html == "strip")
            if lost:
                raise PluginError(str(FaqError(lost)))
        if self.config.json_ld and src in build.layout.faq_pages:
            started = time.perf_counter()
            questions = [build.kb.questions_by_id[qid] for qid in build.layout.questions_on(src)]
            if questions:
                sections = page_answers(html, questions)
                fallback = build.fallback
                build.jsonld[src] = faq_page_jsonld(
                    [(q, sections.get(q.id, "")) for q in questions],
                    language=build.language.declared,
                    question_languages={
                        q.id: fallback.language for q in questions if fallback.lang("question", q.id)
                    },
                )
            build.timings["jsonld"] += time.perf_counter() - started
        return html

    @event_priority(100)  # Before the search plugin (0): see `search_view`.
    def _show_search(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        build = self.build
        build.hidden = None
        generated = page.file.src_uri in build.layout.all_pages
        if build.search_view is not None:
            build.hidden = build.search_view.hide(page, generated)
        # A generated page's `tags` are the union of its questions' tags; Material's search
        # would give every section of the page all of them, at a weight (1e6) that ranks the
        # whole page above the exact answer. The tags plugin read them in on_page_markdown.
        build.hidden_tags = page.meta.pop("tags", None) if generated else None
        entries = material_entries(config.plugins) if generated else None
        build.search_start = len(entries) if entries is not None else None
        return context

    @event_priority(-100)  # Late: search and other plugins read the content without our tags.
    def _after_search(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        """The page is itself again (`search_view`), and the generated pages bring their own
        widget assets (see `bundles`)."""
        build = self.build
        if build.search_view is not None and build.hidden is not None:
            build.search_view.restore(page, build.hidden)
            build.hidden = None
        if build.hidden_tags is not None:
            page.meta["tags"] = build.hidden_tags
            build.hidden_tags = None
        entries = material_entries(config.plugins) if build.search_start is not None else None
        if entries is not None and build.search_start is not None:
            lighten_page_entry(entries, build.search_start, page.url)
            build.search_start = None
        kind = page.meta.get("faq_generated")
        names = bundles.page_assets(kind, feedback=build.feedback is not None)
        if names and page.content is not None:
            page.content = bundles.with_page_assets(page.content, names, page.url)
        return context

    on_page_context = CombinedEvent(_show_search, _after_search)

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        """Every page is rendered now, so term usage is complete (search indexes after this)."""
        build = self.build
        if build.macros is not None and build.macros.errors:
            raise PluginError("\n".join(build.macros.errors))
        started = time.perf_counter()
        glossary_file = files.get_file_from_path(build.layout.glossary_page)
        limit = self.config.glossary.used_in_limit
        if glossary_file is not None and glossary_file.page is not None and limit != 0:
            glossary, usage = glossary_file.page, build.usage()
            lists = UsedIn(build.kb, build.layout, lambda src: site.page_link(files, src, glossary))
            glossary.content = used_in.fill(
                glossary.content or "",
                lambda term_id: render_used_in(
                    term_id, lists.entries(usage.get(term_id, {})), build.labels, limit=limit,
                    env=build.templates,
                ),
            )
        if self.config.glossary.enabled and (build.i18n is None or build.language.in_source_language):
            self._report_unused(build.mentioned)
        for context in build.contexts.values():
            context.release()
        build.timings["used_in"] += time.perf_counter() - started
        return env

    def _report_unused(self, mentioned: set[str]) -> None:
        """Unused terms are news, not breakage, unless the site asks (`warn_unused`)."""
        kb = self.build.kb
        terms = unused_terms(kb, mentioned)
        if not terms:
            return
        if self.config.glossary.warn_unused:
            for problem in unused_problems(terms):
                log.warning("%s", problem)
            return
        for problem in unused_problems(terms):
            log.debug("%s", problem)
        log.info("%s", unused_summary(terms, len(kb.glossary)))

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        script = self.build.jsonld.get(page.file.src_uri)
        if script and "</head>" in output:
            head_end = output.index("</head>")
            output = f"{output[:head_end]}{script}\n{output[head_end:]}"
        return output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        # The published knowledge base as data, next to the FAQ pages (audiences respected).
        # With static-i18n each language's build writes its own, under its prefix (`fr/faq/`).
        build = self.build
        prefix = build.i18n.prefix(self.language or "") if build.i18n is not None else ""
        folder = [*filter(None, prefix.split("/")), *filter(None, build.layout.faq_dir.split("/"))]
        if build.publishes:  # a site that only imports has nothing of its own to export
            data = export_data(
                build.kb, build.layout, base_url=f"{config.site_url or ''}{prefix}" or None,
                directory_urls=config.use_directory_urls,
                language=build.language.declared or build.knowledge.default.language or None,
                site_root="../" * len(folder),
            )
            write_file(to_json(data).encode("utf-8"), os.path.join(config.site_dir, *folder, EXPORT_NAME))
        if os.environ.get("MKDOCS_FAQ_PROFILE"):
            timings = build.timings
            timings["linking"] = sum(c.elapsed for c in build.contexts.values())
            log.info(
                "profile %s",
                " ".join(f"{k}={timings[k]:.4f}" for k in ("load", "pages", "linking", "jsonld", "used_in")),
            )

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        """Edits to faq.yml rebuild the site, other files beside it do not (`serve_watch`)."""
        serve_watch.watch(server, self._patterns(), site.base_dir(config))
        return server
