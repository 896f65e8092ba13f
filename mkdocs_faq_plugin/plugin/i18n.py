"""mkdocs-static-i18n: our generated pages in each language's build.

static-i18n runs one complete build per language on the same config object: the default
language through MkDocs' own `build()`, then each other language from inside its
`on_post_build`. In each build its `on_files` (priority -100) rebuilds every `File` from
`docs_dir`, which no generated page survives, so with static-i18n the plugin adds its pages
after it (below -100) and gives them what static-i18n would have: the language's URL prefix
(`fr/faq/`), `locale`, `alternates` for the language switcher and the sitemap, and a place in
its per-language page list. Source paths stay unlocalised (`faq/index.md`): static-i18n's
`Files.get_file_from_path` resolves a plain `faq.md` link to the current language, so links
to our pages from any page, in either docs structure, land on the right language.

Everything static-i18n offers is read through its plugin object's public attributes; this
module is the only one that knows them.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

MODULE = "mkdocs_static_i18n"
NULL_LOCALE = "null"  # static-i18n's switcher-only pseudo language, never built
REQUIRED = (
    "current_language", "default_language", "build_languages", "building",
    "i18n_files_per_language",
)
"""What static-i18n 1.x offers and we rely on; 0.x builds languages another way."""


class StaticI18n:
    """The mkdocs-static-i18n plugin of a site, as this plugin needs it."""

    def __init__(self, plugin: Any) -> None:
        self.plugin = plugin

    @classmethod
    def find(cls, config: MkDocsConfig) -> StaticI18n | None:
        """The site's static-i18n plugin, or None (then nothing here is ever called)."""
        for plugin in config.plugins.values():
            if type(plugin).__module__.split(".", 1)[0] == MODULE:
                missing = [name for name in REQUIRED if not hasattr(plugin, name)]
                if missing:
                    raise PluginError(
                        f"faq: this mkdocs-static-i18n ({_version()}) is not supported: it does "
                        "not build one site per language the way version 1 does; install "
                        "mkdocs-static-i18n 1.0 or later"
                    )
                return cls(plugin)
        return None

    @property
    def default_language(self) -> str:
        return str(self.plugin.default_language)

    @property
    def current_language(self) -> str:
        """The language being built: right at any priority, even before static-i18n's own
        `on_config` (unlike `theme.language`, which still holds the previous language)."""
        return str(self.plugin.current_language or self.default_language)

    @property
    def languages(self) -> tuple[str, ...]:
        """Every language built, the default first."""
        built = [str(code) for code in self.plugin.build_languages if code != NULL_LOCALE]
        default = self.default_language
        return (default, *(code for code in built if code != default))

    @property
    def nested(self) -> bool:
        """True inside the builds static-i18n starts for the non-default languages."""
        return bool(self.plugin.building)

    @property
    def docs_structure(self) -> str:
        return str(self.plugin.config.docs_structure)

    def prefix(self, language: str) -> str:
        """Where a language's pages live below `site_dir`: the root for the default one."""
        return "" if language == self.default_language else f"{language}/"

    def localized_sources(self, src_path: str) -> list[str]:
        """The docs_dir paths of hand-written translations of `src_path` that would clash with
        our page in some language (`glossary.fr.md`, or `fr/glossary.md` in folder mode)."""
        stem, dot, extension = src_path.rpartition(".")
        paths = []
        for language in self.languages:
            if self.docs_structure == "folder":
                paths.append(f"{language}/{src_path}")
            else:
                paths.append(f"{stem}.{language}{dot}{extension}")
        return paths

    def localize(self, file: File, config: MkDocsConfig, *, content_language: str) -> File:
        """Make a generated page of the current build a page of its language, as static-i18n
        does for the pages it rebuilds. Must run before anything reads `file.url`."""
        current = self.current_language
        plain_dest = file.dest_uri
        file.dest_uri = self.prefix(current) + plain_dest
        file.locale = content_language  # type: ignore[attr-defined]
        file.localization = None  # type: ignore[attr-defined]
        file.norm_src_uri = file.src_uri  # type: ignore[attr-defined]
        file.locale_alternate_of = current  # type: ignore[attr-defined]
        alternates: dict[str, File] = {}
        for language in sorted(self.languages):
            if language == current:
                alternates[language] = file
            else:
                alternates[language] = File(
                    file.src_uri,
                    None,
                    config.site_dir,
                    config.use_directory_urls,
                    dest_uri=self.prefix(language) + plain_dest,
                )
        file.alternates = alternates  # type: ignore[attr-defined]
        pages = self.plugin.i18n_files_per_language.get(current)
        if isinstance(pages, list):  # feeds static-i18n's sitemap.xml with hreflang links
            pages.append(file)
        return file


def content_language(file: File, build_language: str) -> str:
    """The language a page is written in: static-i18n's `locale` of the file (a page that
    falls back to the default language keeps the default's), else the build's language."""
    return str(getattr(file, "locale", None) or build_language)


def _version() -> str:
    from importlib import metadata

    try:
        return f"version {metadata.version('mkdocs-static-i18n')}"
    except metadata.PackageNotFoundError:
        return "unknown version"
