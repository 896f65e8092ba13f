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
               "the same pages and the FAQ as one ordinary Markdown page; no glossary",
               ("mkdocs-material",)),
    ConfigInfo("ours", "mkdocs-faq-plugin",
               "`plugins: [search, faq]`, every feature on: FAQ and glossary pages generated "
               "from faq.yml, every mention annotated (`annotate: all`) with a tooltip and a "
               "link, JSON-LD",
               ("mkdocs-material",)),
    ConfigInfo("ours-first", "mkdocs-faq-plugin, default settings",
               "the same as ours with the default `annotate: first`: each term is annotated at "
               "its first mention on a page",
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
DEFAULT_CONFIGS = ("plain", "ours", "ours-first", "abbr", "ezglossary")


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
    if name.startswith("ours") and not plugin_installed() and not plugin_source_present():
        return "mkdocs-faq-plugin is neither installed nor found next to benchmarks/"
    return None


def has_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False
