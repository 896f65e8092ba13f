"""Every option of `plugins: - faq:` in one place, each documented where it is declared.

The configuration reference in `docs/reference/configuration.md` mirrors this file.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as opt

from ..kb.review import MaxAge, parse_max_age


class ReviewAge(opt.BaseConfigOption["MaxAge | None"]):
    """An age like `180d`, `26w`, `6m` or `1y`; unset (the default) turns the check off."""

    def __init__(self) -> None:
        super().__init__()
        self.default = None

    def run_validation(self, value: Any) -> MaxAge | None:
        if value is None or value is False:
            return None
        try:
            return parse_max_age(value)
        except ValueError as exc:
            raise opt.ValidationError(str(exc)) from None


class GlossaryConfig(base.Config):
    """Options of the term linker (`glossary:` under the plugin)."""

    enabled = opt.Type(bool, default=True)
    """Annotate glossary terms in the prose of every page. `false` keeps the glossary page only."""

    link = opt.Type(bool, default=True)
    """Make each annotated term a link to its glossary entry. `false` keeps the tooltip only."""

    annotate = opt.Choice(("first", "section", "all"), default="first")
    """Which occurrences to annotate: the first on each page, the first in each section
    (the text under one heading), or every occurrence."""

    self_links = opt.Type(bool, default=False)
    """Annotate a term on the page about it too: a page whose front matter says
    `glossary_term: <id>`, and the term's own glossary entry. Off: they do not link to
    themselves."""

    used_in_limit = opt.Type(int, default=10)
    """How many pages and questions the glossary lists under "Used in" for each term; the
    rest open from a disclosure ("and 37 more"). `0` leaves the lists out."""

    exclude = opt.ListOfItems(opt.Type(str), default=[])
    """Pages (glob patterns on the source path, e.g. `changelog.md`, `api/*`) never annotated.
    A page can also opt out with `glossary: false` in its front matter. Terms mentioned
    there still count as used."""

    warn_unused = opt.Type(bool, default=False)
    """Log a WARNING (which fails `mkdocs build --strict`) for each term no page mentions.
    Off by default: a shared faq.yml may define terms one site never uses, so the build only
    counts them in one INFO line; `mkdocs-faq check --unused DOCS_DIR` lists them."""


class FaqPluginConfig(base.Config):
    """The plugin's options; none is required."""

    file = opt.Type((str, list), default="faq.yml")
    """The knowledge base: one path, a list of paths, or glob patterns (`faq.d/*.yml`),
    relative to the directory of `mkdocs.yml`. Several files merge into one."""

    faq_dir = opt.Type(str, default="faq")
    """The folder (inside `docs_dir`) of the generated FAQ pages: `<faq_dir>/index.md` and
    one `<faq_dir>/<category-id>.md` per category."""

    glossary_page = opt.Type(str, default="glossary.md")
    """The source path of the generated glossary page."""

    nav = opt.Type(bool, default=True)
    """Add an "FAQ" section and a "Glossary" page at the end of the navigation when the
    site's `nav` does not mention the generated pages. Placement in `nav` is always kept."""

    active_html = opt.Choice(("warn", "strip"), default="warn")
    """What to do with script in the HTML of answers, descriptions and term details (event
    handlers, `javascript:` links, `<script>`, `<iframe>`...; see the security reference).
    `warn` (the default) logs a WARNING per field, which fails `mkdocs build --strict`;
    `strip` removes them from the generated pages and logs INFO lines, for sites that take
    answers from many authors."""

    collapse_answers = opt.Choice(("small-screens", "always", "never"), default="small-screens")
    """Whether the answers on FAQ pages start collapsed, their questions a list to scan:
    on screens narrower than 45em (phones), on every screen, or never. A reader's own
    expanding and collapsing is remembered per page and wins; without JavaScript every
    answer is shown."""

    json_ld = opt.Type(bool, default=True)
    """Embed schema.org `FAQPage` JSON-LD in each FAQ page."""

    tooltips = opt.Type(bool, default=True)
    """Show a term's definition when a reader hovers, focuses or taps it. `false` leaves plain
    links and puts no plugin CSS or JavaScript on ordinary pages; the generated pages still
    load what their widgets need."""

    glossary = opt.SubConfig(GlossaryConfig)
    """How terms are found and marked in pages; see the options above."""

    labels = opt.Type(dict, default={})
    """Overrides for the words the plugin writes ("Related questions", "Glossary", ...),
    keyed as in `mkdocs_faq_plugin/labels.py`. Defaults follow the language of the build
    (`language`, mkdocs-static-i18n's language, else `theme.language`). Plain keys apply to
    every language; a key naming a language holds that language's own overrides
    (`fr: {related: Voir aussi}`)."""

    language = opt.Optional(opt.Type(str))
    """For a site built once per language without mkdocs-static-i18n: the language of this
    build (`fr`). Its translations (`faq.fr.yml` beside `faq.yml`, `faq.d/*.fr.yml` for globs)
    are laid over the default entries, and the plugin's words, JSON-LD and faq.json are in it.
    Unset (the default), translation files are ignored. With mkdocs-static-i18n, leave it unset:
    each language's build takes its own translations."""

    audiences = opt.ListOfItems(opt.Type(str), default=[])
    """Publish only the entries for these audiences (e.g. `[public]`). Categories, questions
    and terms without `audience:` are always published; an entry with `audience:` is
    published when one of its audiences is listed here. Empty (the default) publishes
    everything. Entries left out vanish from pages, search, JSON-LD, tooltips and faq.json."""

    review_after = ReviewAge()
    """Warn at build time about questions whose `reviewed:` date is older than this age:
    `180d` (days), `26w` (weeks), `6m` (months) or `1y` (years). Off by default; questions
    without `reviewed:` are not reported."""

    feedback = opt.Optional(opt.Type(bool))
    """Add "Was this helpful?" buttons under each answer that send Material for MkDocs'
    `feedback` analytics event. Default: on when `extra.analytics.feedback` is configured
    (Material's page feedback), off otherwise."""

    import_ = opt.ListOfItems(opt.Type(str), default=[])
    """`import:` other sites' published knowledge bases: the http(s) URL of their
    `faq/faq.json`, or a path to one relative to the directory of `mkdocs.yml`. Their terms are
    marked on this site's pages like its own, linking to the owner's pages; `glossary:` and
    `faq:` links reach their entries. This site's own entries win over imported ones."""

    import_cache = opt.Type(str, default=".cache/mkdocs-faq")
    """The folder, relative to the directory of `mkdocs.yml`, holding the last good copy of
    each imported source: used, with a note, when a source cannot be reached."""

    import_timeout = opt.Type((int, float), default=10)
    """Seconds an imported source may take to answer in full before its cached copy is used."""

    import_max_mb = opt.Type((int, float), default=20)
    """The largest imported faq.json accepted, in megabytes."""
