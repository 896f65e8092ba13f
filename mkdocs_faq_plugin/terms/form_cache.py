"""The compiled surface forms of imported terms, kept between builds.

Compiling the forms of a 5,000-term company glossary (`forms`, `matcher`) costs more than
everything else an import does; the terms rarely change between two builds. So the forms of
each imported term are kept in memory (across `mkdocs serve` rebuilds) and in one file in the
import cache folder, keyed by what decides them: the term's id, names and settings, and the
language whose word forms it gets (`morphology`; every language without rules of its own
shares the English ones). A term whose key is not found is compiled again. A file written by
another plugin version, another Python, or other form rules (the stamp holds a digest of the
modules that make forms, so an edited rule counts even within one version), or a damaged
one, counts as empty. `marshal` reads plain tuples fast; the file is the site's own, like its
mkdocs.yml.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from collections.abc import Mapping, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

from .. import __version__
from ..kb.model import Term
from .forms import loan_language
from .matcher import CompiledForm, compile_term
from .morphology import LANGUAGES, base_language

FILE_NAME = "compiled-forms.marshal"
_RULES = ("forms.py", "inflection.py", "matcher.py", "writing.py")
"""The modules of this package whose code decides a term's compiled forms (with `morphology`)."""

TermKey = tuple[Any, ...]


def term_key(term: Term, language: str | None = None, page: str | None = None) -> TermKey:
    """Everything `forms.page_forms` reads of a term, with the rules of `language` (its own)
    and of `page` (the pages', for loanwords) it uses."""
    rules = base_language(language)
    return (term.id, term.term, term.aliases, term.case_sensitive, term.annotate, term.variants,
            (rules if rules in LANGUAGES else "", loan_language(language, page)))  # fmt: skip


def path(folder: str) -> str:
    return os.path.join(folder, FILE_NAME)


@lru_cache(maxsize=1)
def stamp() -> tuple[object, ...]:
    """What a cache file must have been written with to be read: format, versions, rules."""
    package = resources.files(__package__)
    digest = hashlib.sha256()
    morphology = package.joinpath("morphology")
    modules = [package.joinpath(name) for name in _RULES]
    modules += sorted((m for m in morphology.iterdir() if m.name.endswith(".py")), key=lambda m: m.name)
    for module in modules:
        digest.update(module.name.encode())
        digest.update(module.read_bytes())
    return ("mkdocs-faq compiled forms", 2, __version__, tuple(sys.version_info[:2]), digest.hexdigest())


class FormCache:
    """Compiled forms by term key: in memory, and in `folder`/compiled-forms.marshal."""

    def __init__(self, folder: str) -> None:
        self.path = path(folder)
        self._forms: dict[TermKey, list[CompiledForm]] | None = None

    def forms(
        self,
        terms: Sequence[Term],
        languages: Mapping[str, str] | None = None,
        language: str | None = None,
    ) -> list[CompiledForm]:
        """The compiled forms of `terms`, in order, each in its language (`languages[id]`, else
        `language`); the file is rewritten when any was new.

        The file keeps the forms of these terms as they are now, in every language compiled
        (the editions of a translated site ask in turn), and drops the rest: terms the
        glossary no longer has, or had otherwise."""
        languages = languages or {}
        known = self._load()
        compiled: list[CompiledForm] = []
        keys: list[TermKey] = []
        fresh = False
        for term in terms:
            term_language = languages.get(term.id, language)
            key = term_key(term, term_language, language)
            keys.append(key)
            forms = known.get(key)
            if forms is None:
                forms = known[key] = compile_term(term, term_language, language)
                fresh = True
            compiled.extend(forms)
        if fresh:
            current = {key[:-1] for key in keys}
            self._save({key: forms for key, forms in known.items() if key[:-1] in current})
        return compiled

    def _load(self) -> dict[TermKey, list[CompiledForm]]:
        if self._forms is None:
            self._forms = {}
            try:
                with open(self.path, "rb") as stream:
                    written, forms = marshal.load(stream)
                if written == stamp() and isinstance(forms, dict):
                    self._forms = forms
            except (OSError, EOFError, ValueError, TypeError):
                pass
        return self._forms

    def _save(self, forms: dict[TermKey, list[CompiledForm]]) -> None:
        self._forms = forms
        temporary = f"{self.path}.{os.getpid()}.tmp"
        try:
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
            with open(temporary, "wb") as stream:
                marshal.dump((stamp(), forms), stream)
            os.replace(temporary, self.path)
        except OSError:
            pass  # a read-only checkout: the forms are compiled again next time
