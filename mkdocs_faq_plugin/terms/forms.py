"""Every surface form of a glossary term: what the linker looks for, and why.

A term's forms come from its title and aliases by a few rules, each one a reason a reader
would call a mention "the term":

* **"Name (ABBR)" titles** are split: "Application Programming Interface (API)" is also
  "Application Programming Interface" and "API". A title whose parenthesis is in another
  script ("컨테이너 (Containers)") is split into both names too. Any other parenthesis
  ("Open Access publishing (gratis)") is part of the name.
* **Acronyms match as written**: a name whose letters are all capitals ("API", "REST",
  "CI/CD"), and the abbreviation of a "Name (ABBR)" title ("IaC"), are case-sensitive unless
  the term says `case_sensitive: false`.
* **Number**: the last word gets its English plural, or its singular when it is a plural
  ("Containers" → "Container"), see `inflection`; both get possessives.
* **Case and number in other languages**: a term in Ukrainian, Russian, Polish, German,
  Swahili, Amharic or Finnish gets that language's forms instead, see `morphology`.
* **Separators**: hyphen and space between words are interchangeable ("front matter",
  "front-matter"); that rule lives in the matcher's index, which compares separators so.
  Korean names with spaces also match written without them ("서비스 메시", "서비스메시").

`variants: false` on a term turns every rule off: its names match exactly as listed (case
aside). `annotate: false` keeps a term out of the matcher; `annotate: aliases` keeps only
its aliases in it. `mkdocs-faq check --forms` prints what this module produces.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..kb.model import Term
from .inflection import plural_forms, singular_forms
from .morphology import LANGUAGES, base_language, name_forms, same_language

__all__ = [
    "SurfaceForm", "is_acronym", "loan_language", "page_forms", "split_title", "surface_forms",
    "term_forms",
]

# Ranks: what wins when two terms produce the same form.
WRITTEN, DERIVED, INFLECTED = 0, 1, 2

_TITLE = re.compile(r"^(?P<name>.*?\S)\s*[(（]\s*(?P<inner>[^()（）]*?\S)\s*[)）]$")
_LAST_WORD = re.compile(r"[^\W_]+$")
_HANGUL = "\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\ud7b0-\ud7ff"
_OWN_SCRIPT = frozenset({"uk", "ru", "am"})
"""Languages with rules whose script is not Latin."""
_HANGUL_SPACE = re.compile(f"(?<=[{_HANGUL}]) +(?=[{_HANGUL}])")


@dataclass(frozen=True)
class SurfaceForm:
    """One text the linker looks for, the term it stands for, and the rule that made it."""

    text: str
    term_id: str
    kind: str
    """name, alias, title part, abbreviation, plural, singular, possessive, joined, inflected"""
    case_sensitive: bool
    flexible: bool
    """Hyphen and space between its words are interchangeable."""
    annotated: bool
    """False when the term's `annotate` setting keeps this form out of the matcher."""
    rank: int = WRITTEN
    """WRITTEN, DERIVED or INFLECTED: a lower rank keeps a form two terms produce."""


def is_acronym(name: str) -> bool:
    """All letters capitals, no spaces: "API", "REST", "CI/CD", "GPT-4", "LLMs" (plural)."""
    if not name or any(char.isspace() for char in name):
        return False
    letters = [char for char in name if char.isalpha()]
    if len(letters) > 2 and letters[-1] == "s" and name.endswith("s"):
        letters.pop()  # "APIs": an acronym in the plural
    return bool(letters) and all(char.isupper() for char in letters)


def _abbreviation_like(text: str) -> bool:
    """The inside of "Name (ABBR)": one short word with capitals ("API", "IaC", "K8s")."""
    if any(char.isspace() for char in text) or len(text) > 15:
        return False
    upper = sum(char.isupper() for char in text)
    return upper >= 2 or (upper >= 1 and any(char.isdigit() for char in text)) or is_acronym(text)


def _scripts(text: str) -> frozenset[str]:
    """The scripts of the letters of `text` ("LATIN", "HANGUL", "CJK", "KATAKANA", ...)."""
    found = set()
    for char in text:
        if char.isalpha():
            name = unicodedata.name(char, "")
            found.add(name.split(" ", 1)[0] if name else "?")
    return frozenset(found)


def split_title(title: str) -> tuple[tuple[str, str], ...]:
    """The names inside a "Name (ABBR)" title, with their kind; empty for other titles.

    "Continuous Delivery (CD)" → ("Continuous Delivery", title part), ("CD", abbreviation).
    "API (Application Programming Interface)" works the other way round, and
    "클라우드 컴퓨팅 (Cloud Computing)" (two scripts) gives both names.
    """
    found = _TITLE.match(" ".join(title.split()))
    if found is None:
        return ()
    name, inner = found.group("name"), found.group("inner")
    if _abbreviation_like(inner) and not _abbreviation_like(name):
        return ((name, "title part"), (inner, "abbreviation"))
    if is_acronym(name) and not _abbreviation_like(inner):
        return ((name, "abbreviation"), (inner, "title part"))
    outer_scripts, inner_scripts = _scripts(name), _scripts(inner)
    if outer_scripts and inner_scripts and outer_scripts.isdisjoint(inner_scripts):
        return ((name, "title part"), (inner, "title part"))
    return ()


def surface_forms(name: str) -> list[tuple[str, str]]:
    """A name, the other number of its last word and the possessives: (text, kind) pairs.

    "foundation model" → foundation model, foundation models, foundation model's,
    foundation models'. "Containers" → Containers, Container, and their possessives.
    A name ending in another script or in punctuation ("C++", "语言模型") is not inflected.
    """
    name = unicodedata.normalize("NFC", " ".join(name.split()))
    if not name:
        return []
    forms = [(name, "name")]
    last = _LAST_WORD.search(name)
    if last is None or not _has_case(last.group()):
        return forms
    head, word = name[: last.start()], last.group()
    singulars = singular_forms(word)
    if singulars:  # the name is a plural
        numbers = [(name, True), *((head + s, False) for s in singulars)]
        forms += [(head + s, "singular") for s in singulars]
    else:
        plurals = [head + p for p in plural_forms(word)]
        numbers = [(name, False), *((p, True) for p in plurals)]
        forms += [(p, "plural") for p in plurals]
    for text, plural in numbers:
        if not plural:
            forms.append((text + "'s", "possessive"))
        if text.lower().endswith("s"):
            forms.append((text + "'", "possessive"))
    unique: dict[str, str] = {}
    for text, kind in forms:
        unique.setdefault(text, kind)
    return list(unique.items())


def _has_case(word: str) -> bool:
    """English inflection is only guessed for words in an alphabet with case ("GPT-4" too)."""
    return all(char.isdigit() or char.isupper() or char.islower() for char in word)


def language_forms(name: str, language: str | None) -> list[tuple[str, str]]:
    """`surface_forms` in `language`: where `morphology` has rules for it, the name's case
    and number forms ("модель" → "моделлю", "моделей"), else the English number rules."""
    forms = name_forms(name, language)
    if forms is None:
        return surface_forms(name)
    # A Latin name in a Cyrillic or Ge'ez glossary ("Pod") keeps its English plural too.
    latin = name[-1:].isascii() and base_language(language) in _OWN_SCRIPT
    found = surface_forms(name) if latin else []
    name = unicodedata.normalize("NFC", " ".join(name.split()))
    found += [(form, "inflected") for form in forms]
    return [(name, "name"), *((text, kind) for text, kind in found if text != name)]


def term_forms(term: Term, language: str | None = None) -> list[SurfaceForm]:
    """Every surface form of `term`, in the order the matcher takes them; `language` is the
    term's (see `morphology`), None for English rules only."""
    variants = term.variants
    names: list[tuple[str, str, int, bool]] = []  # text, kind, rank, from an alias?
    names.append((term.term, "name", WRITTEN, False))
    if variants:
        for text, kind in split_title(term.term):
            names.append((text, kind, DERIVED, False))
    names += [(alias, "alias", WRITTEN, True) for alias in term.aliases]

    forms: list[SurfaceForm] = []
    for text, kind, rank, is_alias in names:
        annotated = term.annotate in (True, "auto") or (term.annotate == "aliases" and is_alias)
        if term.case_sensitive is None:
            exact = kind == "abbreviation" or is_acronym(text)
        else:
            exact = term.case_sensitive
        inflected = (
            language_forms(text, language) if variants else [(" ".join(text.split()), "name")]
        )
        for index, (form_text, form_kind) in enumerate(inflected):
            forms.append(SurfaceForm(
                form_text, term.id, kind if index == 0 else form_kind, exact, variants,
                annotated, rank if index == 0 else INFLECTED,
            ))
            joined = _HANGUL_SPACE.sub("", form_text) if variants else form_text
            if joined != form_text:
                forms.append(SurfaceForm(
                    joined, term.id, "joined", exact, variants, annotated, INFLECTED
                ))
    return forms


def page_forms(term: Term, own: str | None, page: str | None) -> list[SurfaceForm]:
    """`term`'s forms on a page in `page`'s language when the term is in `own`: its own
    language's forms, and, when the page's language declines nouns, that language's endings
    on its name too. An untranslated name on such a page is a loanword, and its authors
    decline it ("Pod" on a Polish page: "pody", "podów"); the page language's rules only
    touch words in its own script, so a Latin name on a Cyrillic page keeps to its own."""
    forms = term_forms(term, own)
    loan = loan_language(own, page)
    if loan:
        known = {form.text for form in forms}
        forms += [form for form in term_forms(term, loan) if form.text not in known]
    return forms


def loan_language(own: str | None, page: str | None) -> str:
    """The language whose endings a term in `own` also takes on pages in `page`: the page's,
    when it declines nouns and is not the term's own; "" otherwise."""
    code = base_language(page)
    return code if code in LANGUAGES and not same_language(own, page) else ""
