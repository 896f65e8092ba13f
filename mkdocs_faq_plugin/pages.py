"""The Markdown of every generated page, as a pure function of the validated model.

Pages are rendered from Jinja2 templates (`templates/faq/*.md.j2`) that a theme can override,
then handed to MkDocs as ordinary Markdown files, so every Markdown extension, the search index
and link validation treat them like hand-written pages. Nothing here touches the file system
beyond reading templates, and the same input always yields byte-identical output.

Two kinds of author text reach the templates and are treated differently:

* plain text (questions, titles, term names, definitions, source titles, tags) goes through
  `md_text`, which makes it display literally in Markdown;
* Markdown (answers, descriptions, term details) is passed through unchanged by `md_block`,
  apart from tidying blank lines and closing a fence the author left open.

Author text is always passed to templates as *data*, never as template source, so `{{ x }}`
inside an answer reaches the page verbatim.
"""

from __future__ import annotations

import functools
import itertools
import html
import json
import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

import jinja2
import markupsafe
import yaml

from .anchors import ALL_TAGS, TAG_PREFIX, letter_anchor
from .export import markdown_to_text
from .labels import Labels
from .layout import SiteLayout, page_href, relative_link
from .model import Category, KnowledgeBase, Question, Term

PageKind = Literal["index", "category", "glossary"]

TEMPLATES_DIR = Path(__file__).parent / "templates"

INDEX_TEMPLATE = "faq/index.md.j2"
CATEGORY_TEMPLATE = "faq/category.md.j2"
GLOSSARY_TEMPLATE = "faq/glossary.md.j2"
QUESTION_TEMPLATE = "faq/_question.md.j2"
TERM_TEMPLATE = "faq/_term.md.j2"
USED_IN_TEMPLATE = "faq/used_in.html.j2"


@dataclass(frozen=True)
class GeneratedPage:
    """One page to add to the site. `title` is plain text; `markdown` includes front matter."""

    src_path: str
    title: str
    markdown: str
    kind: PageKind


# --------------------------------------------------------------------------- escaping

# Characters Python-Markdown unescapes after a backslash on every site (its ESCAPED_CHARS).
# `>` is not here: it becomes `&gt;` like the other HTML specials.
_BACKSLASHED = frozenset("\\`*_{}[]()#+-.!")
# Characters that only *some* extensions treat specially (tables `|`, pymdownx tilde `~`,
# caret `^`, mark `==`, arithmatex `$`) and whose backslash escape is not understood
# everywhere; a numeric character reference is inert for all of them.
_ENTITIES = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    "|": "&#124;",
    "~": "&#126;",
    "^": "&#94;",
    "=": "&#61;",
    "$": "&#36;",
}


_MD_TEXT = str.maketrans({**{c: "\\" + c for c in _BACKSLASHED}, **_ENTITIES})


def md_text(value: object) -> str:
    """Plain text → Markdown inline text that renders exactly as written.

    Used for questions, titles, term names, definitions and link texts, so that
    "What is `x` <b>?" shows the backticks and the tag instead of code and bold markup.
    Line breaks become spaces: the text often lands in a heading or a link.
    """
    return " ".join(str(value).split()).translate(_MD_TEXT)


def md_attr(value: object) -> str:
    """A value for a double-quoted attribute of raw HTML written into the Markdown."""
    return str(markupsafe.escape(str(value)))


_FENCE_RE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<rest>.*)$")


def md_block(value: object) -> str:
    """Author Markdown, unchanged except for edges that would leak into our own markup.

    Leading/trailing blank lines go (templates add their own spacing) and a code fence left
    open is closed, so the next question heading is not swallowed into a code block.
    """
    lines = str(value).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    if not lines:
        return ""
    lines[-1] = lines[-1].rstrip()
    open_fence: tuple[str, str] | None = None  # (indent, fence)
    for line in lines:
        match = _FENCE_RE.match(line)
        if match is None:
            continue
        fence, rest = match["fence"], match["rest"]
        if open_fence is None:
            if not (fence[0] == "`" and "`" in rest):
                open_fence = (match["indent"], fence)
        elif fence[0] == open_fence[1][0] and len(fence) >= len(open_fence[1]) and not rest.strip():
            open_fence = None
    if open_fence is not None:
        lines.append(open_fence[0] + open_fence[1])
    return "\n".join(lines)


_ATTR_ID_RE = re.compile(r"^\w[\w.:-]*$")
_ATTR_CLASS_RE = re.compile(r"^-?[A-Za-z_][\w-]*$")


def attrs(anchor: str | None = None, *classes: str) -> str:
    """An attr_list block `{#anchor .class ...}` for a heading or paragraph.

    A helper rather than template text because `{#` opens a Jinja comment. Refuses values
    that attr_list would misparse instead of emitting a broken anchor.
    """
    parts: list[str] = []
    if anchor:
        if not _ATTR_ID_RE.match(anchor):
            raise ValueError(f"{anchor!r} cannot be used as an HTML id in attr_list syntax")
        parts.append("#" + anchor)
    for cls in classes:
        if not _ATTR_CLASS_RE.match(cls):
            raise ValueError(f"{cls!r} is not a valid class name")
        parts.append("." + cls)
    return "{" + " ".join(parts) + "}" if parts else ""


_SAFE_SCHEMES = frozenset({"http", "https", "mailto", "ftp", "ftps"})
# Characters that would end or reshape a Markdown link destination, or be processed as
# inline markup before the link pattern runs (backticks, backslashes). Python-Markdown reads
# a quoted run at the end of a destination as a title even without a space before it.
_URL_QUOTE = {c: f"%{ord(c):02X}" for c in ' <>"\'`\\()[]{}|^'}


def safe_url(url: str) -> str | None:
    """A source URL ready for `[title](url)`, or None when it must not become a link.

    Only web/mail schemes and scheme-less (relative) URLs are linked: a `javascript:` source
    would otherwise become a clickable script on the docs site.
    """
    url = url.strip()
    if not url or any(ord(c) < 32 or ord(c) == 127 for c in url):
        return None
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    if scheme and scheme not in _SAFE_SCHEMES:
        return None
    return "".join(_URL_QUOTE.get(c, c) for c in url)


def fold(text: str) -> str:
    """Case- and accent-insensitive sort key: "Émile" sorts with "emile", "ß" with "ss"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _slug(text: str) -> str:
    return re.sub(r"[\W_]+", "-", fold(text)).strip("-")


def tag_anchors(kb: KnowledgeBase) -> dict[str, str]:
    """Each tag's anchor on the FAQ index (`faq-tag-<slug>`), unique even when slugs collide.

    Assigned in first-use order so that adding a question never renames older anchors.
    """
    anchors: dict[str, str] = {}
    used: set[str] = set()
    for tag in kb.tags:
        base = TAG_PREFIX + (_slug(tag) or "tag")
        anchor, n = base, 2
        while anchor in used:
            anchor, n = f"{base}-{n}", n + 1
        used.add(anchor)
        anchors[tag] = anchor
    return anchors


def used_in_placeholder(term_id: str) -> str:
    """The raw HTML marker on the glossary page that the plugin replaces via `render_used_in`."""
    return f'<div class="faq-used-in" data-faq-used-in="{md_attr(term_id)}"></div>'


# --------------------------------------------------------------------------- environment


def template_environment(extra_dirs: Iterable[str] = ()) -> jinja2.Environment:
    """The Jinja2 environment for our templates; `extra_dirs` (theme dirs) are searched first.

    A theme's `custom_dir/faq/category.md.j2` therefore replaces ours. Autoescaping is on only
    for `.html.j2` templates: the `.md.j2` ones emit Markdown and escape with `md_text`.
    Compiling the templates is most of the cost of a small site's pages, so `mkdocs serve`
    rebuilds reuse the environment until a template in one of the folders changes.
    """
    dirs = tuple(str(d) for d in extra_dirs)
    return _environment(dirs, _template_stamp((*dirs, str(TEMPLATES_DIR))))


def _template_stamp(dirs: tuple[str, ...]) -> tuple[tuple[str, int, int], ...]:
    """Name, modification time and size of every template a theme folder could supply."""
    stamp: list[tuple[str, int, int]] = []
    for folder in dirs:
        try:
            entries = list(os.scandir(os.path.join(folder, "faq")))
        except OSError:
            continue
        for entry in entries:
            if entry.name.endswith(".j2"):
                try:
                    info = entry.stat()
                except OSError:
                    continue
                stamp.append((entry.path, info.st_mtime_ns, info.st_size))
    return tuple(sorted(stamp))


@functools.lru_cache(maxsize=8)
def _environment(dirs: tuple[str, ...], stamp: tuple[tuple[str, int, int], ...]) -> jinja2.Environment:
    del stamp  # part of the cache key only
    loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader(d) for d in dirs]
    loaders.append(jinja2.FileSystemLoader(str(TEMPLATES_DIR)))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=jinja2.select_autoescape(
            enabled_extensions=("html", "htm", "xml", "html.j2"),
            disabled_extensions=("md.j2",),
            default_for_string=False,
            default=False,
        ),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(
        md_text=md_text, md_attr=md_attr, md_block=md_block, fold=fold, html_text=html_text
    )
    env.globals.update(attrs=attrs, safe_url=safe_url, toolbar=toolbar)
    return env


def toolbar(labels: Labels) -> str:
    """The empty element the widget script (`widgets.js`) turns into the filter toolbar, carrying the page's words.

    A raw HTML block (the template surrounds it with blank lines); hidden while empty, so
    readers without JavaScript see nothing.
    """
    # ASCII (`\u2026` for "…"): one character outside Latin-1 would make Python store the
    # whole page, and its HTML, at two or four bytes a character.
    words = json.dumps(labels.as_dict(), ensure_ascii=True, sort_keys=True)
    return f'<div class="faq-tools" data-faq-labels="{md_attr(words)}"></div>'


def _default_environment() -> jinja2.Environment:
    return template_environment(())


# --------------------------------------------------------------------------- rendering


@dataclass(frozen=True)
class Feedback:
    """Per-question "Was this helpful?" buttons: the analytics value each button sends.

    Material for MkDocs' page feedback uses the `data` of its ratings (1 and 0 in its docs);
    the plugin passes the site's own values so both kinds of feedback read alike in reports.
    """

    yes: str = "1"
    no: str = "0"


@dataclass(frozen=True)
class Letter:
    """One group of the glossary: a heading letter, its anchor and its terms."""

    label: str
    anchor: str
    terms: tuple[Term, ...]


@dataclass(frozen=True)
class TagEntry:
    """One line of the FAQ index's tag list: the tag, its anchor and the questions using it."""

    tag: str
    anchor: str
    questions: tuple[Question, ...]


def render_pages(
    kb: KnowledgeBase,
    layout: SiteLayout,
    labels: Labels,
    *,
    env: jinja2.Environment | None = None,
    feedback: Feedback | None = None,
    directory_urls: bool = True,
) -> list[GeneratedPage]:
    """Every page of `layout.all_pages`, in that order: FAQ index, categories, glossary.

    With `feedback`, each question gets a placeholder for "Was this helpful?" buttons.
    `directory_urls` is the site's `use_directory_urls`: the lists of links between our own
    pages (question metadata, the FAQ index) are written as HTML with their final URLs, so
    Markdown and the host need not parse and check thousands of links they cannot get wrong.
    """
    env = env or _default_environment()
    site = _Site(kb, layout, labels, env, tag_anchors(kb), directory_urls)
    pages = [_render_index(site, feedback)]
    for category in kb.categories:
        pages.append(_render_category(site, category, feedback))
    pages.append(_render_glossary(site))
    return pages


@dataclass(frozen=True)
class _Site:
    """What every page of one rendering shares."""

    kb: KnowledgeBase
    layout: SiteLayout
    labels: Labels
    env: jinja2.Environment
    anchors: dict[str, str]
    directory_urls: bool


def render_used_in(
    term_id: str,
    pages: Sequence[tuple[str, str]],
    labels: Labels,
    *,
    limit: int | None = None,
    env: jinja2.Environment | None = None,
) -> str:
    """HTML replacing `used_in_placeholder(term_id)`: links to the pages using the term.

    `pages` are (title, relative URL) pairs in the order to show them; repeated URLs are
    listed once, and past `limit` only counted ("and 37 more"): on a large site a common
    term is used on hundreds of pages. Returns "" when the term is used nowhere (or the
    limit is 0), so the placeholder disappears.
    """
    unique: dict[str, str] = {}
    for title, url in pages:
        unique.setdefault(url, title)
    if not unique or limit == 0:
        return ""
    shown = [(title, url) for url, title in unique.items()]
    hidden = 0
    if limit is not None and len(shown) > limit:
        hidden = len(shown) - limit
        shown = shown[:limit]
    env = env or _default_environment()
    template = env.get_template(USED_IN_TEMPLATE)
    rendered = template.render(
        term_id=term_id,
        pages=shown,
        more=labels.more.format(count=hidden) if hidden else "",
        labels=labels,
    )
    return str(markupsafe.Markup(rendered.strip()))


def _context(site: _Site, page: str) -> dict[str, Any]:
    """What every template sees: the model, the labels and link helpers bound to `page`.

    `*_link` helpers give relative `.md` links, for Markdown (the host turns them into URLs
    and checks them); `*_href` helpers give final URLs, for links written as HTML.
    """
    kb, layout, anchors = site.kb, site.layout, site.anchors

    def link(target_page: str, anchor: str = "") -> str:
        return relative_link(target_page, page, anchor)

    def question_page(question_id: str) -> str:
        target = layout.question_page(question_id)
        if target is None:
            raise ValueError(f"unknown question {question_id!r}")
        return target

    def question_link(question_id: str) -> str:
        return relative_link(question_page(question_id), page, question_id)

    def tag_link(tag: str) -> str:
        return relative_link(layout.index_page, page, anchors[tag])

    def term_link(term_id: str) -> str:
        return relative_link(layout.glossary_page, page, term_id)

    def href(target_page: str, anchor: str = "") -> str:
        return page_href(target_page, page, anchor, directory_urls=site.directory_urls)

    def question_href(question_id: str) -> str:
        return href(question_page(question_id), question_id)

    def tag_href(tag: str) -> str:
        return href(layout.index_page, anchors[tag])

    return {
        "kb": kb,
        "layout": layout,
        "labels": site.labels,
        "page": page,
        "tag_anchors": anchors,
        "link": link,
        "question_link": question_link,
        "tag_link": tag_link,
        "term_link": term_link,
        "href": href,
        "question_href": question_href,
        "tag_href": tag_href,
        "html_meta": html_meta,
        "related_to": kb.related_to,
        "see_also": kb.see_also,
        "used_in_placeholder": used_in_placeholder,
        "all_tags_anchor": ALL_TAGS,
        "feedback": None,
    }


def html_meta(question: Question) -> bool:
    """Can the question's metadata be written as HTML? Not when a source links a relative
    path: the host must resolve and check that link, so it stays Markdown."""
    for source in question.sources:
        url = safe_url(source.url)
        if url is not None and not (url.startswith("#") or urlsplit(url).scheme):
            return False
    return True


def html_text(value: object) -> str:
    """Plain text for HTML we write ourselves: one line, escaped."""
    return str(markupsafe.escape(" ".join(str(value).split())))


_FRONT_MATTER_END = re.compile(r"^(?:-{3}|\.{3})[ \t]*$", re.MULTILINE)


def _front_matter(data: dict[str, Any]) -> str:
    # Strings reaching here are single-line (see `_one_line`) and the width is unbounded, so
    # every scalar stays on its line and no line can read `---`/`...`, which MkDocs would
    # take for the end of the front matter.
    dumped = yaml.safe_dump(
        data, sort_keys=False, allow_unicode=True, default_flow_style=False, width=1_000_000
    )
    if _FRONT_MATTER_END.search(dumped):  # pragma: no cover - defended by _one_line
        raise ValueError("front matter would end early")
    return f"---\n{dumped}---\n\n"


def _one_line(text: str) -> str:
    return " ".join(text.split())


DESCRIPTION_LIMIT = 300


def _description(markdown: str, *fallback: str) -> str:
    """The page's `description` front matter: the author's description as plain text, else
    the names of what the page holds. Themes put it in `<meta name="description">`, feeds
    (mkdocs-rss-plugin) in their items, instead of a cut through our Markdown. Escaped
    like titles: themes and feeds treat it as HTML."""
    text = _one_line(markdown_to_text(markdown)) or _one_line(" · ".join(f for f in fallback if f))
    if len(text) > DESCRIPTION_LIMIT:
        text = text[: DESCRIPTION_LIMIT - 1].rsplit(" ", 1)[0] + "…"
    # Themes write it into an attribute without escaping (`content="{{ ... }}"`), as HTML.
    return html.escape(text, quote=True)


def _without_empty_description(front: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in front.items() if k != "description" or v}


def _finish(front: dict[str, Any], body: str) -> str:
    return _front_matter(front) + body.strip("\n") + "\n"


def _page_title_html(title: str) -> str:
    # MkDocs and themes treat page titles as HTML (titles taken from headings are HTML), so
    # a title like "Q&A <beta>" must be escaped to display as written.
    return html.escape(_one_line(title), quote=False)


def _tags_of(questions: Iterable[Question]) -> list[str]:
    seen: dict[str, None] = {}
    for q in questions:
        for tag in q.tags:
            seen.setdefault(_one_line(tag), None)
    return list(seen)


def _render_index(site: _Site, feedback: Feedback | None = None) -> GeneratedPage:
    kb, layout, labels, anchors = site.kb, site.layout, site.labels, site.anchors
    page = layout.index_page
    title = _one_line(kb.title) or labels.faq
    sections = [(c, kb.questions_in(c.id)) for c in kb.categories]
    # Questions without a (known) category live on the index; without categories, all do.
    on_index = tuple(q for q in kb.questions if layout.question_page(q.id) == page)
    tags = sorted(
        (TagEntry(tag, anchors[tag], questions) for tag, questions in kb.questions_by_tag.items()),
        key=lambda e: (fold(e.tag), e.tag),
    )
    body = site.env.get_template(INDEX_TEMPLATE).render(
        _context(site, page),
        title=title,
        sections=sections,
        questions=on_index,
        tags=tags,
        feedback=feedback,
    )
    front: dict[str, Any] = {
        "title": _page_title_html(title),
        "description": _description(kb.description, *(c.title for c in kb.categories), *(q.question for q in on_index)),
        "faq_generated": "index",
        "render_macros": False,
        "search": {"boost": 2},
    }
    if page_tags := _tags_of(on_index):
        front["tags"] = page_tags
    return GeneratedPage(page, title, _finish(_without_empty_description(front), body), "index")


def _render_category(site: _Site, category: Category, feedback: Feedback | None = None) -> GeneratedPage:
    page = site.layout.category_page(category.id)
    questions = site.kb.questions_in(category.id)
    body = site.env.get_template(CATEGORY_TEMPLATE).render(
        _context(site, page),
        title=category.title,
        category=category,
        questions=questions,
        feedback=feedback,
    )
    front: dict[str, Any] = {
        "title": _page_title_html(category.title),
        "description": _description(category.description, *(q.question for q in questions)),
        "faq_generated": "category",
        "render_macros": False,
        "search": {"boost": 2},
    }
    if page_tags := _tags_of(questions):
        front["tags"] = page_tags
    return GeneratedPage(page, _one_line(category.title), _finish(_without_empty_description(front), body), "category")


def glossary_letters(terms: Iterable[Term], other_label: str = "#") -> list[Letter]:
    """Terms sorted case- and accent-insensitively, grouped by initial letter.

    Terms starting with a digit or symbol share one group (anchor `faq-letter-other`, heading
    `other_label`) that sorts where their first character does, i.e. before "A" for digits.
    """
    ordered = sorted(terms, key=lambda t: (fold(t.term), t.term.casefold(), t.term, t.id))
    groups: dict[str, list[Term]] = {}
    for term in ordered:
        first = fold(term.term.strip())[:1]
        key = first if first.isalpha() else ""
        groups.setdefault(key, []).append(term)
    return [
        Letter(
            label=key.upper() or other_label,
            anchor=letter_anchor(key),
            terms=tuple(group),
        )
        for key, group in groups.items()
    ]


def _render_glossary(site: _Site) -> GeneratedPage:
    page = site.layout.glossary_page
    title = site.labels.glossary
    letters = glossary_letters(site.kb.glossary, site.labels.other_letter)
    body = site.env.get_template(GLOSSARY_TEMPLATE).render(
        _context(site, page),
        title=title,
        letters=letters,
    )
    # The first terms are plenty: the description is cut at DESCRIPTION_LIMIT characters.
    first_terms = itertools.islice((t.term for g in letters for t in g.terms), DESCRIPTION_LIMIT)
    front = {
        "title": _page_title_html(title),
        "description": _description("", *first_terms),
        "faq_generated": "glossary",
        "render_macros": False,
    }
    return GeneratedPage(page, title, _finish(_without_empty_description(front), body), "glossary")


__all__: list[str] = [
    "Feedback",
    "GeneratedPage",
    "Letter",
    "PageKind",
    "TagEntry",
    "attrs",
    "fold",
    "glossary_letters",
    "md_attr",
    "md_block",
    "md_text",
    "render_pages",
    "render_used_in",
    "safe_url",
    "tag_anchors",
    "template_environment",
    "used_in_placeholder",
]
