"""The Kubernetes documentation (kubernetes/website) as a multilingual recall corpus.

Its pages link glossary terms by hand with a Hugo shortcode, in every language:
`{{< glossary_tooltip text="вузлі" term_id="node" >}}` shows "вузлі" with the tooltip of the
entry `node`; without `text` it shows the entry's title. The glossary is one file per entry,
`content/<lang>/docs/reference/glossary/<id>.md`, with `title`, `id`, `aka` (other names)
and `short_description`; Hugo falls back to the English entry for one not translated, and so
does this reader. The pages read are every `content/<lang>/docs/**/*.md`.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from mkdocs_faq_plugin.text import slug as slugify

from .corpus import _FRONT_MATTER, HAND, Corpus, Entry, Page, _commit

__all__ = ["read_kubernetes"]

_TOOLTIP = re.compile(r"\{\{<\s*glossary_tooltip\s+([^>]*?)\s*>\}\}")
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')
_SHORTCODE = re.compile(r"\{\{[%<].*?[%>]\}\}", re.S)
_GLOSSARY = Path("docs") / "reference" / "glossary"


def _entries(folder: Path) -> dict[str, Entry]:
    entries = {}
    for path in sorted(folder.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        head = _FRONT_MATTER.match(text)
        if head is None or path.stem in ("index", "_index"):
            continue
        try:
            meta = yaml.safe_load(head.group(1)) or {}
        except yaml.YAMLError:
            continue
        title, term_id = str(meta.get("title") or "").strip(), slugify(path.stem)
        if not title:
            continue
        aka = tuple(str(name).strip() for name in meta.get("aka") or () if str(name).strip())
        definition = " ".join(str(meta.get("short_description") or title).split())
        definition = _SHORTCODE.sub("", _TOOLTIP.sub(_shown_plain, definition))
        entries[term_id] = Entry(term_id, title, definition[:300],
                                 tuple(a for a in aka if a.casefold() != title.casefold()))
    return entries


def _shown_plain(match: re.Match[str]) -> str:
    return dict(_ATTRIBUTE.findall(match.group(1))).get("text", "")


def read_kubernetes(root: Path, language: str, name: str = "kubernetes") -> Corpus:
    """One language of a kubernetes/website checkout: its glossary (English entries where it
    has none) and its pages, each with the tooltips as hand links and without."""
    content = root / "content" / language
    if not (content / _GLOSSARY).is_dir():
        raise FileNotFoundError(f"{content / _GLOSSARY}: no such folder (is {root} a checkout?)")
    own = _entries(content / _GLOSSARY)
    english = _entries(root / "content" / "en" / _GLOSSARY) if language != "en" else {}
    entries = {**english, **own}
    corpus = Corpus(name, language, list(entries.values()), commit=_commit(root))
    if english:  # faq.yml in English, the language's own entries as its translation
        corpus.base = [english.get(term_id, entry) for term_id, entry in entries.items()]
        corpus.base_language = "en"

    def hand(match: re.Match[str], linked: bool) -> str:
        values = dict(_ATTRIBUTE.findall(match.group(1)))
        entry = entries.get(slugify(values.get("term_id", "")))
        if entry is None:
            return values.get("text", "")
        shown = values.get("text") or entry.title
        return f"[{shown}]({HAND}{entry.id})" if linked else shown

    docs = content / "docs"
    for path in sorted(docs.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        head = _FRONT_MATTER.match(text)
        body = text[head.end():] if head else text
        original = _SHORTCODE.sub("", _TOOLTIP.sub(lambda m: hand(m, True), body))
        stripped = _SHORTCODE.sub("", _TOOLTIP.sub(lambda m: hand(m, False), body))
        relative = path.relative_to(docs).as_posix()
        if path.name == "_index.md":  # Hugo's section page; MkDocs leaves out names with "_"
            relative = relative[: -len("_index.md")] + "index.md"
        if not stripped.strip() or relative.startswith("templates/"):
            continue  # front matter only, or a page template for contributors
        about = slugify(path.stem) if relative.startswith("reference/glossary/") else None
        about = about if about in entries else None
        corpus.pages.append(Page(relative, original, stripped, about=about))
    return corpus
