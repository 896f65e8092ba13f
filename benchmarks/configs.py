"""The configurations being compared, and whether each can run in this environment."""

from __future__ import annotations

import importlib.metadata as md
import importlib.util
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
PLUGIN_DIST = "mkdocs-faq-plugin"
PLUGIN_ENTRY_POINT = ("faq", "mkdocs_faq_plugin.plugin:FaqPlugin")
"""Mirrors `[project.entry-points."mkdocs.plugins"]` in pyproject.toml."""


@dataclass(frozen=True)
class ConfigInfo:
    name: str
    title: str
    description: str
    requires: tuple[str, ...]
    """Distributions (pip names) the configuration needs besides mkdocs."""


CONFIGS: dict[str, ConfigInfo] = {c.name: c for c in (
    ConfigInfo("plain", "plain Material site",
               "the same pages and the FAQ as one ordinary Markdown page, the glossary as a "
               "definition list; no tooltips",
               ("mkdocs-material",)),
    ConfigInfo("prebuilt", "our pages, no plugin",
               "the pages `mkdocs-faq generate` writes (FAQ index, one page per category, the "
               "glossary, our CSS and JavaScript) put into the docs folder and built without "
               "the plugin: what the generated pages cost MkDocs and Material by themselves",
               ("mkdocs-material",)),
    ConfigInfo("ours", "mkdocs-faq-plugin, default settings",
               "`plugins: [search, faq]` with every default: FAQ and glossary pages generated "
               "from faq.yml, each term annotated at its first mention on a page "
               "(`annotate: first`) with a tooltip and a link, \"Used in\" lists, JSON-LD, "
               "faq.json",
               ("mkdocs-material",)),
    ConfigInfo("ours-all", "mkdocs-faq-plugin, every mention",
               "the same as ours with `annotate: all`: every mention of a term is annotated",
               ("mkdocs-material",)),
    ConfigInfo("abbr", "Material abbr recipe",
               "`abbr` + `pymdownx.snippets` auto-appending one `*[term]: definition` per line "
               "(as documented) + `content.tooltips`; static FAQ and glossary pages",
               ("mkdocs-material", "pymdown-extensions")),
    ConfigInfo("abbr-spaced", "abbr, blank line between entries",
               "the abbr recipe with a blank line between the definitions",
               ("mkdocs-material", "pymdown-extensions")),
    ConfigInfo("ezglossary", "mkdocs-ezglossary",
               "`ezglossary` (tooltip: full) + `content.tooltips`; every mention written as "
               "`<glossary:term>` (it links only what authors mark up)",
               ("mkdocs-material", "mkdocs-ezglossary-plugin")),
    ConfigInfo("macros", "FAQ page via mkdocs-macros",
               "the FAQ page rendered by a Jinja loop over the questions; no glossary",
               ("mkdocs-material", "mkdocs-macros-plugin")),
)}
DEFAULT_CONFIGS = ("plain", "prebuilt", "ours", "ours-all", "abbr", "ezglossary")
NEEDS_PLUGIN = ("prebuilt", "ours", "ours-all")
"""Configurations that run mkdocs-faq-plugin code (`prebuilt` runs `mkdocs-faq generate`)."""
OURS = ("ours", "ours-all")
"""Configurations that build with the plugin."""


def installed_version(dist: str) -> str | None:
    try:
        return md.version(dist)
    except md.PackageNotFoundError:
        return None


def plugin_installed() -> bool:
    """Whether the `faq` MkDocs plugin entry point is registered in this interpreter."""
    return any(ep.name == PLUGIN_ENTRY_POINT[0]
               for ep in md.entry_points(group="mkdocs.plugins"))


def plugin_source_present() -> bool:
    return (REPO_ROOT / "mkdocs_faq_plugin" / "__init__.py").exists() or \
        (REPO_ROOT / "mkdocs_faq_plugin").is_dir()


def missing_requirement(name: str) -> str | None:
    """Why configuration `name` cannot run here, or None when it can."""
    info = CONFIGS[name]
    for dist in info.requires:
        if installed_version(dist) is None:
            return f"{dist} is not installed (pip install -e '.[benchmarks]')"
    if name in NEEDS_PLUGIN and not plugin_installed() and not plugin_source_present():
        return "mkdocs-faq-plugin is neither installed nor found next to benchmarks/"
    return None


def has_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False
