"""The compiled surface forms of imported terms, kept between builds.

Compiling the forms of a 5,000-term company glossary (`forms`, `matcher`) costs more than
everything else an import does; the terms rarely change between two builds. So the forms of
each imported term are kept in memory (across `mkdocs serve` rebuilds) and in one file in the
import cache folder, keyed by what decides them (id, names, settings). A term whose key is
not found is compiled again; a file of another plugin or Python version, or damaged, counts as
empty. `marshal` reads plain tuples fast; the file is the site's own, like its mkdocs.yml.
"""

from __future__ import annotations

import marshal
import os
import sys
from collections.abc import Sequence
from typing import Any

from .. import __version__
from ..kb.model import Term
from .matcher import CompiledForm, compile_term

FILE_NAME = "compiled-forms.marshal"
_STAMP = ("mkdocs-faq compiled forms", 1, __version__, tuple(sys.version_info[:2]))

TermKey = tuple[Any, ...]


def term_key(term: Term) -> TermKey:
    """Everything `forms.term_forms` reads of a term."""
    return (term.id, term.term, term.aliases, term.case_sensitive, term.annotate, term.variants)


def path(folder: str) -> str:
    return os.path.join(folder, FILE_NAME)


class FormCache:
    """Compiled forms by term key: in memory, and in `folder`/compiled-forms.marshal."""

    def __init__(self, folder: str) -> None:
        self.path = path(folder)
        self._forms: dict[TermKey, list[CompiledForm]] | None = None

    def forms(self, terms: Sequence[Term]) -> list[CompiledForm]:
        """The compiled forms of `terms`, in order; the file is rewritten when any was new."""
        known = self._load()
        compiled: list[CompiledForm] = []
        fresh: dict[TermKey, list[CompiledForm]] = {}
        for term in terms:
            key = term_key(term)
            forms = known.get(key)
            if forms is None:
                forms = compile_term(term)
                fresh[key] = forms
            compiled.extend(forms)
        if fresh:
            known.update(fresh)
            self._save({term_key(t): known[term_key(t)] for t in terms})
        return compiled

    def _load(self) -> dict[TermKey, list[CompiledForm]]:
        if self._forms is None:
            self._forms = {}
            try:
                with open(self.path, "rb") as stream:
                    stamp, forms = marshal.load(stream)
                if stamp == _STAMP and isinstance(forms, dict):
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
                marshal.dump((_STAMP, forms), stream)
            os.replace(temporary, self.path)
        except OSError:
            pass  # a read-only checkout: the forms are compiled again next time
