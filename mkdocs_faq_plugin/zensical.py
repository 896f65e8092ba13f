"""Our macros in Zensical builds, through Zensical's own `macros` extension.

Zensical runs no MkDocs plugins, but its built-in `macros` extension imports each module
listed under `modules` and calls its `define_env(env)`, as mkdocs-macros does::

    [project.plugins.macros]
    modules = ["mkdocs_faq_plugin.zensical"]

Pages can then write `{{ faq_entry("id") }}`, `{{ faq_list(category="basics") }}`,
`{{ glossary_term("FM") }}` and the other macros of `mkdocs_faq_plugin.macros`, and read the
knowledge base as `faq`. The macros write `faq:` / `glossary:` links, which the
`mkdocs_faq_plugin.markdown` extension (required alongside) resolves as for any page.

faq.yml is the one the extension is configured with (`faq_file`, `faq_dir`,
`glossary_page` under `mdx_configs`), read once per version of the files: Zensical calls
`define_env` for every page it renders. An unknown id raises an error naming the page and
the id; Zensical shows it in place of the page, and fails the build with `on_error_fail`.

Nothing here imports MkDocs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .linker.host import load_site
from .macros import VARIABLE_NAME, FaqMacros

EXTENSION = "mkdocs_faq_plugin.markdown"
DEFAULTS = {"faq_file": "faq.yml", "faq_dir": "faq", "glossary_page": "glossary.md"}


class UnknownEntry(ValueError):
    """A macro named a question, category, tag or term that faq.yml does not have."""


def extension_options(conf: dict[str, Any]) -> dict[str, Any]:
    """The options the site gives our Markdown extension, over its defaults."""
    configured = (conf.get("mdx_configs") or {}).get(EXTENSION) or {}
    return {**DEFAULTS, **{key: configured[key] for key in DEFAULTS if key in configured}}


def define_env(env: Any) -> None:
    """Register the macros and the `faq` variable in Zensical's macro environment `env`."""
    conf = getattr(env, "conf", None) or {}
    options = extension_options(conf)
    files = options["faq_file"]
    paths = (files,) if isinstance(files, str) else tuple(str(f) for f in files)
    base_dir = str(getattr(env, "project_dir", None) or conf.get("root_dir") or ".")
    site = load_site(paths, base_dir, str(options["faq_dir"]), str(options["glossary_page"]))
    page = getattr(env, "page", None)
    macros = FaqMacros(site.layout.kb, current_page=lambda: getattr(page, "path", None))
    for name, function in macros.macros().items():
        env.macro(_raising(function, macros), name)
    env.variables[VARIABLE_NAME] = site.layout.kb


def _raising(function: Callable[..., str], macros: FaqMacros) -> Callable[..., str]:
    """`function`, raising the error it recorded instead of leaving an empty place."""

    def macro(*args: Any, **kwargs: Any) -> str:
        before = len(macros.errors)
        text = function(*args, **kwargs)
        if len(macros.errors) > before:
            raise UnknownEntry(macros.errors[-1])
        return text

    macro.__name__ = function.__name__
    macro.__doc__ = function.__doc__
    return macro
