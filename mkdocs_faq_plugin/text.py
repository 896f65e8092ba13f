"""How text from faq.yml reaches the Markdown and HTML of our pages: literally, or as Markdown.


* plain text (questions, titles, term names, definitions, source titles, tags) goes through
  `md_text`, which makes it display literally in Markdown;
* Markdown (answers, descriptions, term details) is passed through unchanged by `md_block`,
  apart from tidying blank lines and closing a fence the author left open.

Author text is always passed to templates as *data*, never as template source, so `{{ x }}`
inside an answer reaches the page verbatim.
"""

from __future__ import annotations

import re
import unicodedata
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

