"""Which host builds the site, and what `check` and `generate` read from its configuration
file (zensical.toml, mkdocs.yml): the plugin's options and whether our extension is listed."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

HOST_ENV = "MKDOCS_FAQ_HOST"
"""Environment variable giving the default of `--host` (`auto`, `mkdocs` or `zensical`)."""

HOSTS: tuple[str, ...] = ("auto", "mkdocs", "zensical")
EXTENSION_NAME = "mkdocs_faq_plugin.markdown"
ZENSICAL_WARNING = (
    "faq is listed under plugins, but Zensical ignores MkDocs plugins: use "
    "`mkdocs-faq generate` and the `mkdocs_faq_plugin.markdown` extension "
    "(see docs/guide/zensical.md)"
)
CONFIG_NAMES = ("zensical.toml", "mkdocs.yml", "mkdocs.yaml")


@dataclass(frozen=True)
class SiteConfig:
    """What `check` and `generate` read from the site's configuration file.

    The host is Zensical for a `zensical.toml`, or for a `mkdocs.yml` when the user says so
    (`--host zensical`, or `MKDOCS_FAQ_HOST=zensical`); an `mkdocs.yml` alone means MkDocs,
    since both hosts read that file and only the user knows which one builds the site.
    """

    path: str
    host: Literal["mkdocs", "zensical"]
    plugins: tuple[str, ...] = ()
    extension: dict[str, object] | None = None
    """Our extension's options, when `markdown_extensions` lists it."""
    docs_dir: str = "docs"
    language: str | None = None
    use_directory_urls: bool = True

    @property
    def folder(self) -> str:
        return os.path.dirname(os.path.abspath(self.path))

    @property
    def lists_faq_plugin(self) -> bool:
        return "faq" in self.plugins

    def warnings(self) -> list[str]:
        """Mistakes in the configuration that no host would report."""
        name = os.path.basename(self.path)
        if self.host == "zensical" and self.lists_faq_plugin:
            return [f"{name}: {ZENSICAL_WARNING}"]
        return []


def find_site_config(folders: Iterable[str], host: str = "auto") -> SiteConfig | None:
    """The first site configuration found in `folders`, read for `host`; None if none is.

    `auto` prefers `zensical.toml` over `mkdocs.yml`, as `zensical build` does; `mkdocs` only
    looks at `mkdocs.yml`. Unreadable files are skipped: they are the host's to report.
    """
    seen: set[str] = set()
    for folder in folders:
        folder = os.path.abspath(folder)
        if folder in seen:
            continue
        seen.add(folder)
        for name in CONFIG_NAMES:
            path = os.path.join(folder, name)
            if not os.path.isfile(path):
                continue
            if name == "zensical.toml":
                if host == "mkdocs":
                    continue
                data = _read_toml(path)
                if data is None:
                    continue
                return _site_config(path, "zensical", data.get("project", data))
            data = _read_yaml(path)
            if data is None:
                continue
            return _site_config(path, "zensical" if host == "zensical" else "mkdocs", data)
    return None


def _site_config(path: str, host: Literal["mkdocs", "zensical"], data: object) -> SiteConfig:
    if not isinstance(data, dict):
        data = {}
    theme = data.get("theme")
    # mkdocs' own themes name it `locale`, Material and Zensical `language`, as the plugin reads it.
    language = (theme.get("language") or theme.get("locale")) if isinstance(theme, dict) else None
    docs_dir = data.get("docs_dir")
    directory_urls = data.get("use_directory_urls")
    return SiteConfig(
        path=path,
        host=host,
        plugins=tuple(_names(data.get("plugins"))),
        extension=_options_of(data.get("markdown_extensions"), EXTENSION_NAME),
        docs_dir=docs_dir if isinstance(docs_dir, str) and docs_dir else "docs",
        language=language if isinstance(language, str) else None,
        use_directory_urls=directory_urls if isinstance(directory_urls, bool) else True,
    )


def _names(value: object) -> Iterable[str]:
    """Names listed in a `plugins` / `markdown_extensions` setting, in any of its forms."""
    if isinstance(value, dict):
        yield from (str(key) for key in value)
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, str):
                yield item
            elif isinstance(item, dict):
                yield from (str(key) for key in item)


def _options_of(value: object, name: str) -> dict[str, object] | None:
    """The options of extension `name` in a `markdown_extensions` setting, None if absent."""
    if isinstance(value, dict):
        if name in value:
            options = value[name]
            return dict(options) if isinstance(options, dict) else {}
        # TOML without quotes: `[project.markdown_extensions.mkdocs_faq_plugin.markdown]`
        head, _, tail = name.partition(".")
        inner = value.get(head)
        if isinstance(inner, dict) and tail in inner:
            options = inner[tail]
            return dict(options) if isinstance(options, dict) else {}
        return None
    if isinstance(value, list):
        for item in value:
            if item == name:
                return {}
            if isinstance(item, dict) and name in item:
                options = item[name]
                return dict(options) if isinstance(options, dict) else {}
    return None


def _read_toml(path: str) -> dict[str, object] | None:
    try:
        import tomllib  # Python 3.11+
    except ImportError:  # pragma: no cover - Python 3.10
        try:
            import tomli as tomllib  # type: ignore[no-redef]
        except ImportError:
            return _toml_fallback(path)
    try:
        with open(path, "rb") as stream:
            return tomllib.load(stream)
    except (OSError, ValueError):
        return None


def _toml_fallback(path: str) -> dict[str, object] | None:  # pragma: no cover - Python 3.10
    """Without a TOML parser: only whether `faq` is listed under plugins, by pattern."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    listed = re.search(
        r"""^\s*plugins\s*=\s*\[[^\]]*["']faq["']""", text, re.MULTILINE
    ) or re.search(r"^\s*\[\s*project\.plugins\.faq\s*\]", text, re.MULTILINE)
    return {"plugins": ["faq"] if listed else []}


def _read_yaml(path: str) -> dict[str, object] | None:
    """mkdocs.yml, with tags such as `!!python/name:` and `!ENV` read as plain values."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    def untagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> object:
        if isinstance(node, yaml.MappingNode):
            return loader.construct_mapping(node)
        if isinstance(node, yaml.SequenceNode):
            return loader.construct_sequence(node)
        return loader.construct_scalar(node)  # type: ignore[arg-type]

    Loader.add_multi_constructor("", untagged)
    try:
        with open(path, encoding="utf-8") as stream:
            data = yaml.load(stream, Loader=Loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    return data if isinstance(data, dict) else None
