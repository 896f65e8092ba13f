"""How text from faq.yml reaches the Markdown and HTML of our pages: literally, or as Markdown.

* plain text (questions, titles, term names, definitions, source titles, tags) goes through
  `md_text`, which makes it display literally in Markdown;
* Markdown (answers, descriptions, term details) is passed through unchanged by `md_block`,
  apart from tidying blank lines and closing a fence the author left open.

Author text is always passed to templates as *data*, never as template source, so `{{ x }}`
inside an answer reaches the page verbatim.

And back: `markdown_to_text` gives an answer's readable text (search, faq.json, CSV,
descriptions), `plain_text` a definition as one line of tooltip text; `slug`, `one_line` and
`close_match` are the small text rules the knowledge base and the pages share.
"""

from __future__ import annotations

import difflib
import html
import re
import unicodedata
from collections.abc import Iterable
from urllib.parse import urlsplit

import markupsafe

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


def attrs(anchor: str | None = None, *classes: str, lang: str | None = None) -> str:
    """An attr_list block `{#anchor .class lang="xx"}` for a heading or paragraph.

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
    if lang:
        parts.append(f'lang="{language_tag(lang)}"')
    return "{" + " ".join(parts) + "}" if parts else ""


_LANGUAGE_TAG_RE = re.compile(r"[A-Za-z]{1,8}(?:[-_][A-Za-z0-9]{1,8})*")


def language_tag(code: str) -> str:
    """A locale as a BCP 47 tag for a `lang` attribute (`pt_BR` → `pt-BR`); anything else is
    refused rather than written into a broken attribute."""
    if not _LANGUAGE_TAG_RE.fullmatch(code):
        raise ValueError(f"{code!r} is not a language tag")
    return code.replace("_", "-")


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


def html_text(value: object) -> str:
    """Plain text for HTML we write ourselves: one line, escaped."""
    return str(markupsafe.escape(" ".join(str(value).split())))


def one_line(text: str) -> str:
    """`text` with every run of white space (line breaks included) as one space, trimmed."""
    return " ".join(text.split())


def slug(text: str, *, any_script: bool = False) -> str:
    """Lowercase words joined by `-`: a term's default id (ASCII: accents folded, other
    letters dropped), or with `any_script` an anchor that keeps letters of every script."""
    if any_script:
        return re.sub(r"[\W_]+", "-", fold(text)).strip("-")
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


def close_match(word: str, candidates: Iterable[str]) -> str | None:
    """The closest candidate to a misspelt `word`, for "did you mean" hints."""
    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return matches[0] if matches else None


def plain_text(markdown: str) -> str:
    """A definition as tooltip text: one line, Markdown syntax dropped, HTML kept as text."""
    return one_line(markdown_to_text(markdown, keep_html=True))


# Markdown → plain text

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s+|$)")
_HEADING_END = re.compile(r"\s+#+\s*$")
_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?")
_RULE = re.compile(r"^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_REF_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")
_ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s*[\w-]+(?:\s+[\w-]+)*\s*(?:\"(.*)\")?\s*$")
_ATTR_LIST = re.compile(r"\{:?\s*[#.][^{}\n]*\}|\{:\s*[^{}\n]*\}")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.S)
_IMAGE = re.compile(r"!\[([^\[\]]*)\]\([^()]*\)")
_LINK = re.compile(
    r"\[([^\[\]]*)\]"  # [text]
    r"\((?:<[^>]*>|[^()\s]*(?:\([^()]*\)[^()\s]*)*)"  # (url, <url> or url(with parens)
    r"(?:\s+\"[^\"]*\")?\s*\)"  # "title")
)
_REF_LINK = re.compile(r"\[([^\[\]]+)\]\[[^\[\]]*\]")
_FOOTNOTE = re.compile(r"\[\^[^\[\]]+\]")
_AUTOLINK = re.compile(r"<((?:https?|mailto|ftp):[^>\s]+)>")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
# Emphasis delimiters are dropped where they can open or close emphasis (touching text on one
# side; `_` not inside a word), without pairing them: linear time on any input, and
# `2 * 3`, `snake_case` and `a == b` keep their characters.
_DOUBLE_DELIMITER = re.compile(r"(?:\*\*|__|~~|==)+(?=\S)|(?<=\S)(?:\*\*|__|~~|==)+")
_STAR = re.compile(r"(?<![\w*])\*(?=[^\s*])|(?<=[^\s*])\*(?![\w*])")
_UNDERSCORE = re.compile(r"(?<!\w)_(?=[^\s_])|(?<=[^\s_])_(?!\w)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<\"'])")
_SPACE = re.compile(r"\s+")
_FENCE_START = frozenset("`~")
_BLOCK_START = frozenset("*-_|:[+0123456789")
"""First characters of rules, table rules, reference definitions and list items."""
_PLACEHOLDER = "\x00{}\x00"
_RESTORE = re.compile(r"\x00(\d+)\x00")


def markdown_to_text(markdown: str, *, keep_html: bool = False) -> str:
    """Readable plain text of a Markdown answer: for search indexes, spreadsheets, chat bots.

    Markup is dropped, content kept: link and image texts, code, list items, table cells,
    admonition titles. Paragraphs are separated by a blank line; lines inside a paragraph
    are joined. This is an approximation (no full Markdown parser) tuned for answers.
    `keep_html` keeps HTML tags as text (for tooltips, where an attribute escapes them).
    """
    paragraphs: list[str] = []
    current: list[str] = []
    in_fence: str | None = None

    def flush() -> None:
        if current:
            text = _inline(" ".join(current), keep_html)
            if text:
                paragraphs.append(text)
            current.clear()

    markdown = markdown.replace("\x00", "").replace("\x01", "")
    for line in _strip_comments(markdown).splitlines():
        # Every block rule starts with one of a few characters: most lines skip them all.
        first = line.lstrip()[:1]
        fence = _FENCE.match(line) if first in _FENCE_START else None
        if in_fence is not None:
            if fence and fence.group(1)[0] == in_fence[0] and len(fence.group(1)) >= len(in_fence):
                in_fence = None
                flush()
            else:
                current.append(_protect_code(line))
            continue
        if fence:
            flush()
            in_fence = fence.group(1)
            continue
        if not first:
            flush()
            continue
        if first in _BLOCK_START and (
            _RULE.match(line) or _TABLE_RULE.match(line) or _REF_DEFINITION.match(line)
        ):
            continue
        admonition = _ADMONITION.match(line) if first in "!?" else None
        if admonition:
            flush()
            if admonition.group(1):
                current.append(admonition.group(1))
                flush()
            continue
        if first == ">":
            line = _QUOTE.sub("", line)
            if not line.strip():
                flush()
                continue
            first = line.lstrip()[:1]
        if first in _BLOCK_START and _LIST_MARK.match(line):
            flush()
            line = _LIST_MARK.sub("", line)
        if first == "#" and _HEADING.match(line):
            flush()
            current.append(_HEADING_END.sub("", _HEADING.sub("", line)).strip())
            flush()
            continue
        if "|" in line and line.strip().startswith("|"):
            line = " ".join(cell.strip() for cell in line.strip().strip("|").split("|"))
        current.append(line.strip())
    flush()
    return "\n\n".join(paragraphs)


def _strip_comments(markdown: str) -> str:
    """Drop `<!-- … -->` comments (an unclosed one runs to the end, as in HTML)."""
    parts: list[str] = []
    position = 0
    while True:
        start = markdown.find("<!--", position)
        if start < 0:
            parts.append(markdown[position:])
            break
        parts.append(markdown[position:start])
        end = markdown.find("-->", start + 4)
        if end < 0:
            break
        position = end + 3
    return "".join(parts)


def _protect_code(line: str) -> str:
    """Code block lines are kept verbatim: marked so inline rules leave them alone."""
    return f"\x01{line.strip()}\x01"


def _inline(text: str, keep_html: bool = False) -> str:
    kept: list[str] = []

    def keep(value: str) -> str:
        kept.append(value)
        return _PLACEHOLDER.format(len(kept) - 1)

    # Each rule only runs when its characters occur: most answers hold few of them.
    if "\x01" in text:
        text = re.sub(r"\x01(.*?)\x01", lambda m: keep(m.group(1)), text)
    if "`" in text:
        text = _CODE_SPAN.sub(lambda m: keep(m.group(2).strip()), text)
    if "\\" in text:
        text = _ESCAPE.sub(lambda m: keep(m.group(1)), text)
    if "<" in text:
        text = _AUTOLINK.sub(lambda m: keep(m.group(1)), text)
    if "[" in text:
        text = _IMAGE.sub(r"\1", text)
        for _ in range(3):  # links inside link texts ([![img](a)](b)) and emphasis in links
            text = _LINK.sub(r"\1", text)
        text = _REF_LINK.sub(r"\1", text)
        text = _FOOTNOTE.sub("", text)
    if "{" in text:
        text = _ATTR_LIST.sub("", text)
    if "<" in text and not keep_html:
        text = _TAG.sub("", text)
    if "**" in text or "__" in text or "~~" in text or "==" in text:
        text = _DOUBLE_DELIMITER.sub("", text)
    if "*" in text:
        text = _STAR.sub("", text)
    if "_" in text:
        text = _UNDERSCORE.sub("", text)
    text = " ".join(html.unescape(text).split())
    return _RESTORE.sub(lambda m: kept[int(m.group(1))], text) if kept else text
