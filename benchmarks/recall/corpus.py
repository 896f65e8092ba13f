"""Real glossaries as test material: their terms, their pages, and the links people made.

Two layouts are read, each from a local checkout (nothing is fetched):

* `hugo` — one page per term, as in the CNCF Cloud Native Glossary: `content/<lang>/<id>.md`,
  the term in the front matter's `title`, hand links `[text](/<id>/)` or `[text](/<lang>/<id>/)`
  to other terms' pages.
* `myst` — a Jupyter Book with one `{glossary}` page, as in The Turing Way:
  `book/website/afterword/glossary.md`, the pages around it in MyST Markdown.

Every page is kept twice: `original`, where each hand link to a glossary term is rewritten
to `[text](#hand-<term-id>)` so that a plain render shows where people linked, and
`stripped`, where those links are plain text again, as an author would write the page for the
plugin to annotate. Nothing else in a page differs between the two.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs_faq_plugin.text import slug as slugify

__all__ = ["Corpus", "Entry", "Page", "read_hugo", "read_myst"]

HAND = "#hand-"
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
_LINK = re.compile(r"(?<!!)\[([^\]\n]+)\]\(([^)\s]+)\)")
_SHORTCODE = re.compile(r"\{\{[%<].*?[%>]\}\}")
_TITLE = re.compile(r"^title:\s*(.*?)\s*$", re.M)


@dataclass
class Entry:
    id: str
    title: str
    definition: str
    aliases: tuple[str, ...] = ()
    """Other names the source itself gives (the Kubernetes glossary's `aka`)."""


@dataclass
class Page:
    path: str
    """Source path of the page in the built site, e.g. `container.md`."""
    original: str
    stripped: str
    about: str | None = None
    """The id of the term the page is about, if any (front matter `glossary_term`)."""


@dataclass
class Corpus:
    name: str
    language: str
    entries: list[Entry]
    pages: list[Page] = field(default_factory=list)
    commit: str | None = None
    base: list[Entry] = field(default_factory=list)
    """The default language's entries, for a translated glossary whose untranslated entries
    fall back to them (the Kubernetes glossary): then `entries` are those shown, and the site
    is built from faq.yml in `base_language` with a translation, as a real one would be."""
    base_language: str = ""


def _commit(root: Path) -> str | None:
    """The checkout's commit, when `root` is the top of a git work tree."""
    try:
        out = subprocess.run(["git", "-C", str(root), "rev-parse", "--show-toplevel", "HEAD"],
                             capture_output=True, text=True, check=False, timeout=30)
    except OSError:
        return None
    lines = out.stdout.split()
    if len(lines) != 2 or Path(lines[0]).resolve() != root.resolve():
        return None
    return lines[1]


def _first_sentence(markdown: str) -> str:
    for block in re.split(r"\n\s*\n", markdown):
        block = block.strip()
        if not block or block.startswith(("#", "{{", "|", "```", "!", "<")):
            continue
        text = " ".join(_LINK.sub(r"\1", block).split())
        sentence = re.split(r"(?<=[.!?。])\s", text, maxsplit=1)[0]
        return sentence[:300]
    return "(no definition)"


def _relink(markdown: str, target_of: dict[str, str]) -> tuple[str, str]:
    """(original with hand links to known terms as `#hand-<id>`, stripped) of one page."""

    def original(match: re.Match[str]) -> str:
        term = target_of.get(match.group(2))
        return f"[{match.group(1)}]({HAND}{term})" if term else match.group(0)

    def stripped(match: re.Match[str]) -> str:
        return match.group(1) if match.group(2) in target_of else match.group(0)

    return _LINK.sub(original, markdown), _LINK.sub(stripped, markdown)


# ------------------------------------------------------------------------------- hugo


def read_hugo(root: Path, language: str, name: str = "cncf") -> Corpus:
    """One language of a Hugo glossary checkout (`root/content/<language>/*.md`)."""
    folder = root / "content" / language
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder}: no such folder (is {root} a checkout?)")
    texts: dict[str, tuple[str, str]] = {}
    for path in sorted(folder.glob("*.md")):
        if path.name.startswith("_") or path.stem == "search":
            continue
        text = path.read_text(encoding="utf-8")
        head = _FRONT_MATTER.match(text)
        title = _TITLE.search(head.group(1)) if head else None
        if head is None or title is None or not title.group(1).strip("'\""):
            continue
        body = _SHORTCODE.sub("", text[head.end():])
        texts[path.stem] = (title.group(1).strip("'\" "), body)
    entries = [Entry(tid, title, _first_sentence(body)) for tid, (title, body) in texts.items()]
    known = {entry.id for entry in entries}
    corpus = Corpus(name, language, entries, commit=_commit(root))
    for tid, (_title, body) in texts.items():
        targets = {}
        for match in _LINK.finditer(body):
            url = match.group(2)
            slug = url.split("#", 1)[0].strip("/").split("/")
            if url.startswith("/") and slug and slug[-1] in known and len(slug) <= 2:
                targets[url] = slug[-1]
        original, stripped = _relink(body, targets)
        corpus.pages.append(Page(f"{tid}.md", original, stripped, about=tid))
    return corpus


# ------------------------------------------------------------------------------- myst

_GLOSSARY_BLOCK = re.compile(r"^```\{glossary\}\s*\n(.*?)^```", re.S | re.M)
_LABEL = re.compile(r"^\(([^)\n]+)\)=\s*$", re.M)
_DIRECTIVE = re.compile(r"^(`{3,})\{([a-z-]+)\}[^\n]*\n(.*?)^\1\s*$", re.S | re.M)
_OPTIONS = re.compile(r"\A(?:---\n.*?\n---\n|(?::[\w-]+:[^\n]*\n)+)", re.S)
_ROLE = re.compile(r"\{([a-z:-]+)\}`([^`]*)`")
_ROLE_TARGET = re.compile(r"^(.*?)\s*<([^<>]+)>\s*$", re.S)
_ADMONITIONS = frozenset({"note", "warning", "important", "attention", "tip", "caution",
                          "hint", "danger", "error", "seealso", "admonition"})


def read_myst(root: Path, name: str = "turing-way") -> Corpus:
    """A Jupyter Book checkout with `book/website/afterword/glossary.md` (English)."""
    book = root / "book" / "website"
    glossary = book / "afterword" / "glossary.md"
    if not glossary.is_file():
        raise FileNotFoundError(f"{glossary}: no such file (is {root} a checkout?)")
    entries = _myst_entries(glossary.read_text(encoding="utf-8"))
    by_name = {entry.title.casefold(): entry.id for entry in entries}
    corpus = Corpus(name, "en", entries, commit=_commit(root))
    for path in sorted(book.rglob("*.md")):
        relative = path.relative_to(book).as_posix()
        if path == glossary or relative.startswith(("_", "figures/")):
            continue
        markdown = _myst_to_markdown(path.read_text(encoding="utf-8"))
        original, stripped = _myst_terms(markdown, by_name)
        corpus.pages.append(Page(relative, original, stripped))
    return corpus


def _myst_entries(text: str) -> list[Entry]:
    entries: list[Entry] = []
    for block in _GLOSSARY_BLOCK.finditer(text):
        term: str | None = None
        lines: list[str] = []
        for line in [*block.group(1).splitlines(), ""]:
            if line and not line[0].isspace():
                if term:
                    entries.append(Entry(slugify(term), term, " ".join(" ".join(lines).split())))
                term, lines = line.strip(), []
            elif line.strip():
                lines.append(line.strip())
        if term:
            entries.append(Entry(slugify(term), term, " ".join(" ".join(lines).split())))
    return entries


def _myst_to_markdown(text: str) -> str:
    """MyST as plain Markdown: labels dropped, directives unwrapped, roles reduced to text."""
    text = _FRONT_MATTER.sub("", text, count=1)
    text = _LABEL.sub("", text)

    def directive(match: re.Match[str]) -> str:
        kind, body = match.group(2), _OPTIONS.sub("", match.group(3))
        if kind in ("code", "code-block", "code-cell"):
            return f"```\n{body}```\n"
        if kind in ("bibliography", "tableofcontents", "toctree"):
            return ""
        if kind in _ADMONITIONS:
            indented = "".join(f"    {line}\n" for line in body.splitlines())
            return f"!!! {kind if kind != 'admonition' else 'note'}\n{indented}"
        return body  # a figure's caption, a margin note: prose (the image path is on the fence)

    previous = None
    while previous != text:  # nested directives use longer fences
        previous, text = text, _DIRECTIVE.sub(directive, text)
    return text


def _myst_terms(markdown: str, by_name: dict[str, str]) -> tuple[str, str]:
    """Roles as text; `{term}` roles become hand links (original) or their text (stripped)."""

    def replace(match: re.Match[str], linked: bool) -> str:
        role, content = match.group(1), match.group(2)
        if role.startswith("cite"):
            return ""
        target = _ROLE_TARGET.match(content)
        shown, name = (target.group(1), target.group(2)) if target else (content, content)
        term = by_name.get(name.casefold()) if role == "term" else None
        if term and linked:
            return f"[{shown}]({HAND}{term})"
        return shown

    original = _ROLE.sub(lambda m: replace(m, True), markdown)
    stripped = _ROLE.sub(lambda m: replace(m, False), markdown)
    return original, stripped
