"""The Markdown of every generated page, as a pure function of the validated model.

Pages are rendered from Jinja2 templates (`templates/faq/*.md.j2`) that a theme can override,
then handed to MkDocs as ordinary Markdown files, so every Markdown extension, the search index
and link validation treat them like hand-written pages. Nothing here touches the file system
beyond reading templates, and the same input always yields byte-identical output.

Author text is escaped or passed as Markdown by `author_text`, and always reaches the
templates as *data*, never as template source.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import urlsplit

import jinja2
import markupsafe

from ..kb.alias_anchors import alias_anchors
from ..kb.ids import ALL_TAGS, TAG_PREFIX, letter_anchor
from ..kb.model import Category, KnowledgeBase, Question, Term
from ..layout import SiteLayout, page_href, relative_link
from ..text import (
    attrs,
    fold,
    language_tag,
    markdown_to_text,
    md_attr,
    md_block,
    md_text,
    one_line,
    safe_url,
    slug,
)
from .environment import template_environment
from .front_matter import DESCRIPTION_LIMIT, description, page_text, title_html
from .labels import Labels

PageKind = Literal["index", "category", "glossary"]

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



def tag_anchors(kb: KnowledgeBase) -> dict[str, str]:
    """Each tag's anchor on the FAQ index (`faq-tag-<slug>`), unique even when slugs collide.

    Assigned in first-use order so that adding a question never renames older anchors.
    """
    anchors: dict[str, str] = {}
    used: set[str] = set()
    for tag in kb.tags:
        base = TAG_PREFIX + (slug(tag, any_script=True) or "tag")
        anchor, n = base, 2
        while anchor in used:
            anchor, n = f"{base}-{n}", n + 1
        used.add(anchor)
        anchors[tag] = anchor
    return anchors


def used_in_placeholder(term_id: str) -> str:
    """The raw HTML marker on the glossary page that the plugin replaces via `render_used_in`."""
    return f'<div class="faq-used-in" data-faq-used-in="{md_attr(term_id)}"></div>'


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
    fallback: Fallback | None = None,
    collapse: str = "small-screens",
) -> list[GeneratedPage]:
    """Every page of `layout.all_pages`, in that order: FAQ index, categories, glossary.

    With `feedback`, each question gets a placeholder for "Was this helpful?" buttons.
    `directory_urls` is the site's `use_directory_urls`: the lists of links between our own
    pages (question metadata, the FAQ index) are written as HTML with their final URLs, so
    Markdown and the host need not parse and check thousands of links they cannot get wrong.
    `fallback` names the entries shown in another language than the page's, which then
    carry its `lang` (WCAG 3.1.2, see `linker.language`). `collapse` is the
    `collapse_answers` option, handed to the FAQ pages' script.
    """
    env = env or template_environment()
    site = _Site(kb, layout, labels, env, tag_anchors(kb), directory_urls, fallback or Fallback(), collapse)
    pages = [_render_index(site, feedback)]
    for category in kb.categories:
        pages.append(_render_category(site, category, feedback))
    pages.append(_render_glossary(site))
    return pages


@dataclass(frozen=True)
class Fallback:
    """Entries of a translated site shown in faq.yml's language, as (kind, id) pairs
    (`Knowledge.untranslated`), and that language's tag."""

    language: str = ""
    entries: frozenset[tuple[str, str]] = frozenset()

    def lang(self, kind: str, entry_id: str) -> str | None:
        """The `lang` an entry needs on this page, None when it is in the page's language."""
        return self.language if self.language and (kind, entry_id) in self.entries else None


@dataclass(frozen=True)
class _Site:
    """What every page of one rendering shares."""

    kb: KnowledgeBase
    layout: SiteLayout
    labels: Labels
    env: jinja2.Environment
    anchors: dict[str, str]
    directory_urls: bool
    fallback: Fallback
    collapse: str = "small-screens"


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
    listed once. Past `limit` the rest sit in a disclosure ("and 37 more", a `<details>`):
    on a large site a common term is used on hundreds of pages. Returns "" when the term is
    used nowhere (or the limit is 0), so the placeholder disappears.
    """
    unique: dict[str, str] = {}
    for title, url in pages:
        unique.setdefault(url, title)
    if not unique or limit == 0:
        return ""
    shown = [(title, url) for url, title in unique.items()]
    rest: list[tuple[str, str]] = []
    if limit is not None and len(shown) > limit:
        shown, rest = shown[:limit], shown[limit:]
    env = env or template_environment()
    template = env.get_template(USED_IN_TEMPLATE)
    rendered = template.render(
        term_id=term_id,
        pages=shown,
        rest=rest,
        more=labels.more.format(count=len(rest)) if rest else "",
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

    def html_lang(kind: str, entry_id: str) -> markupsafe.Markup:
        """` lang="en"` for an HTML tag naming an entry shown in faq.yml's language, else ""."""
        lang = site.fallback.lang(kind, entry_id)
        return markupsafe.Markup(f' lang="{language_tag(lang)}"' if lang else "")

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
        "lang_of": site.fallback.lang,
        "html_lang": html_lang,
        "html_meta": html_meta,
        "answer_text": answer_text,
        "tag_name": kb.tag_name,
        "related_to": kb.related_to,
        "see_also": kb.see_also,
        "used_in_placeholder": used_in_placeholder,
        "all_tags_anchor": ALL_TAGS,
        "feedback": None,
        "collapse": site.collapse,
    }


def answer_text(question: Question) -> str:
    """A question's answer as one line of plain text, for the FAQ index's filter."""
    return one_line(markdown_to_text(question.answer))


def html_meta(question: Question) -> bool:
    """Can the question's metadata be written as HTML? Not when a source links a relative
    path: the host must resolve and check that link, so it stays Markdown."""
    for source in question.sources:
        url = safe_url(source.url)
        if url is not None and not (url.startswith("#") or urlsplit(url).scheme):
            return False
    return True


def _tags_of(questions: Iterable[Question]) -> list[str]:
    seen: dict[str, None] = {}
    for q in questions:
        for tag in q.tags:
            seen.setdefault(one_line(tag), None)
    return list(seen)


def _render_index(site: _Site, feedback: Feedback | None = None) -> GeneratedPage:
    kb, layout, labels, anchors = site.kb, site.layout, site.labels, site.anchors
    page = layout.index_page
    title = one_line(kb.title) or labels.faq
    sections = [(c, kb.questions_in(c.id)) for c in kb.categories]
    # Questions without a (known) category live on the index; without categories, all do.
    on_index = tuple(q for q in kb.questions if layout.question_page(q.id) == page)
    tags = sorted(
        (TagEntry(kb.tag_name(tag), anchors[tag], questions) for tag, questions in kb.questions_by_tag.items()),
        key=lambda e: (fold(e.tag), e.tag),
    )
    fallback = site.fallback
    # The heading's language also covers the description under it: marked only when both are.
    title_lang = fallback.lang("faq", "title") if kb.title.strip() else None
    if kb.description.strip() and not fallback.lang("faq", "description"):
        title_lang = None
    body = site.env.get_template(INDEX_TEMPLATE).render(
        _context(site, page),
        title=title,
        title_lang=title_lang,
        sections=sections,
        questions=on_index,
        tags=tags,
        feedback=feedback,
    )
    front: dict[str, Any] = {
        "title": title_html(title),
        "description": description(kb.description, *(c.title for c in kb.categories), *(q.question for q in on_index)),
        "faq_generated": "index",
        "render_macros": False,
        "search": {"boost": 2},
    }
    if page_tags := _tags_of(on_index):
        front["tags"] = page_tags
    return GeneratedPage(page, title, page_text(front, body), "index")


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
        "title": title_html(category.title),
        "description": description(category.description, *(q.question for q in questions)),
        "faq_generated": "category",
        "render_macros": False,
        "search": {"boost": 2},
    }
    if page_tags := _tags_of(questions):
        front["tags"] = page_tags
    return GeneratedPage(page, one_line(category.title), page_text(front, body), "category")


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
        alias_anchors=alias_anchors(site.kb),
    )
    # The first terms are plenty: the description is cut at DESCRIPTION_LIMIT characters.
    first_terms = itertools.islice((t.term for g in letters for t in g.terms), DESCRIPTION_LIMIT)
    front = {
        "title": title_html(title),
        "description": description("", *first_terms),
        "faq_generated": "glossary",
        "render_macros": False,
    }
    return GeneratedPage(page, title, page_text(front, body), "glossary")


__all__: list[str] = [
    "Fallback",
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
