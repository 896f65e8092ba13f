"""The `import:` option wired into builds: other sites' faq.json read once per site build, and
what each linker context takes from them. The work is done in `kb.imports` (fetching, cache),
`kb.shared` (local entries win) and `terms.form_cache` (compiled forms kept between builds).

One `Imports` lives on the plugin, so `mkdocs serve` keeps its fetch times and compiled forms
across rebuilds.
"""

from __future__ import annotations

from collections.abc import Callable

from mkdocs.exceptions import PluginError

from ..kb.exported import SiteExport
from ..kb.imports import REFETCH_AFTER, Importer
from ..kb.model import KnowledgeBase
from ..kb.shared import SharedEntries, combine, imported_languages
from ..terms.form_cache import FormCache
from ..terms.matcher import CompiledForm
from .config import FaqPluginConfig


class Imports:
    """The imported sites of the current site build."""

    def __init__(self) -> None:
        self.exports: list[SiteExport] = []
        self.importer: Importer | None = None
        self.form_cache: FormCache | None = None

    def load(
        self,
        options: FaqPluginConfig,
        base_dir: str,
        *,
        serving: bool,
        warn: Callable[[str], None],
        info: Callable[[str], None],
    ) -> None:
        """Fetch (or take from the cache) every source; an unusable one stops the build."""
        sources = [str(source) for source in options.import_]
        self.exports = []
        if not sources:
            return
        cache, timeout, max_mb = options.import_cache, options.import_timeout, options.import_max_mb
        refetch_after = REFETCH_AFTER if serving else None
        importer = self.importer
        if importer is None or importer.settings != (base_dir, cache, timeout, max_mb, refetch_after):
            importer = self.importer = Importer(
                base_dir, cache_dir=cache, timeout=timeout, max_mb=max_mb, refetch_after=refetch_after
            )
            self.form_cache = FormCache(importer.cache_dir)
        outcome = importer.load(sources)
        for note in outcome.notes:
            info(note)
        for warning in outcome.warnings:
            warn(warning)
        if outcome.errors:
            raise PluginError("\n".join(f"faq: {error}" for error in outcome.errors))
        self.exports = outcome.exports

    def shared(self, kb: KnowledgeBase, info: Callable[[str], None]) -> SharedEntries:
        """The imported entries beside `kb` (its own win); `info` hears what gave way."""
        shared, notes = combine(kb, self.exports)
        for note in notes:
            info(note)
        return shared

    def forms(self, shared: SharedEntries, page_language: str | None) -> list[CompiledForm]:
        """The compiled forms of the imported terms, kept between builds: each with the word
        forms of the language its owner declares, else of the pages it is marked on."""
        if not shared.terms or self.form_cache is None:
            return []
        return self.form_cache.forms(shared.terms, shared.term_languages, page_language)

    @staticmethod
    def languages(shared: SharedEntries, page_language: str | None) -> dict[str, str]:
        return imported_languages(shared, page_language)
