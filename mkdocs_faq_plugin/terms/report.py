"""What the linker looks for, made visible: `mkdocs-faq check --forms [TERM]`.

Every rule of `forms` produces text an author never wrote; this lists it per term, with the
rule that made it, so "why is this marked?" and "why is that not?" have an answer. It also
finds forms that two terms produce ("CD" from "Continuous Delivery (CD)" and "Continuous
Deployment (CD)"): only one of them can link, and `check` says which. A term whose forms are
all there but that is marked only in some sentences (an everyday word, see `senses`) says so,
with the words that show its sense: otherwise "why is this not marked?" has no answer here.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..kb.model import KnowledgeBase, Term
from ..kb.problems import Problem
from .everyday import language_name
from .forms import SurfaceForm, page_forms
from .matcher import form_identity
from .senses import THIN_DEFINITION, Senses, everyday_term, everyday_words, sense_words

__all__ = ["FormOwner", "form_owners", "forms_listing", "shared_form_notes", "terms_named"]

SHOWN_SENSE_WORDS = 12

EVERYDAY_RULE = (
    "marked only where the sentence holds a sense word, next to another term, capitalised "
    "mid-sentence, or where the page links it by hand"
)
"""What `senses.Senses.select` keeps of an everyday-word term's mentions, in a reader's words."""
_JOINERS = frozenset("-\u2010\u2011")

LEGEND = (
    "Forms match in any case unless marked 'as written'; a hyphen and a space between words "
    "are interchangeable unless the term says 'variants: false'."
)


@dataclass(frozen=True)
class FormOwner:
    """One form of one term and the term the linker gives it to (itself, or another)."""

    form: SurfaceForm
    owner: str | None
    """The id of the term this text links to; None when no term annotates it."""


def form_owners(kb: KnowledgeBase, language: str | None = None) -> dict[str, list[FormOwner]]:
    """Every term's forms on pages in `language`, in the matcher's order, each with the term
    that wins it. Terms are inflected in faq.yml's own `language` when it says one (and as
    loanwords in the pages', see `page_forms`)."""
    per_term = {term.id: page_forms(term, kb.language or language, language) for term in kb.glossary}
    winners: dict[tuple[object, ...], str] = {}
    everything = [form for forms in per_term.values() for form in forms if form.annotated]
    for form in sorted(everything, key=lambda f: f.rank):  # the matcher's order
        identity = form_identity(form)
        if identity is not None:
            winners.setdefault(identity, form.term_id)
    result: dict[str, list[FormOwner]] = {}
    for term_id, forms in per_term.items():
        owned = []
        for form in forms:
            identity = form_identity(form)
            winner = winners.get(identity) if identity is not None and form.annotated else None
            owned.append(FormOwner(form, winner))
        result[term_id] = owned
    return result


def terms_named(kb: KnowledgeBase, text: str, language: str | None = None) -> list[Term]:
    """The term with this id or name, else every term one of whose forms is `text` ("CD")."""
    term = kb.find_term(text)
    if term is not None:
        return [term]
    wanted = " ".join(text.split()).casefold()
    return [
        term for term in kb.glossary
        if any(form.text.casefold() == wanted
               for form in page_forms(term, kb.language or language, language))
    ]


def forms_listing(kb: KnowledgeBase, terms: list[Term], language: str | None = None) -> str:
    """The text of `check --forms`: a block per term, one line per form (in `language`)."""
    owners = form_owners(kb, language)
    senses = Senses.of(kb.glossary, language)  # a thin definition borrows the whole glossary's
    lines = [LEGEND, ""]
    for term in terms:
        lines.append(f"{term.id}: {term.term}{_setting(term, language, senses, kb.language)}")
        if term.id in senses.words:
            lines.append(f"  sense words: {_sense_words(term, senses)}")
        entries = owners.get(term.id, [])
        width = max((len(entry.form.text) for entry in entries), default=0)
        for entry in entries:
            notes = [entry.form.kind]
            if entry.form.case_sensitive:
                notes.append("as written")
            if not entry.form.annotated:
                notes.append("not annotated")
            elif entry.owner is None:
                notes.append("nothing to match")
            elif entry.owner != term.id:
                notes.append(f"links to '{entry.owner}', which claims it first")
            lines.append(f"  {entry.form.text.ljust(width)}  {', '.join(notes)}")
        lines.append("")
    return "\n".join(lines)


def _setting(term: Term, language: str | None, senses: Senses, written_in: str = "") -> str:
    """What the term's `annotate` setting does, after its name: nothing for the plain default.
    `written_in` is faq.yml's own language, when it says one: its terms' forms are its."""
    everyday = everyday_words(language)
    word = everyday_term(term, everyday) if everyday is not None and term.annotate is not False else None
    where = f"'{word}' is an everyday word in {language_name(language or 'en')}"
    if term.id in senses.words:
        # In a language with word forms, a form that is no everyday word is the term's alone.
        held = [
            form.text for form in page_forms(term, written_in or language, language)
            if form.annotated and form.text.casefold() in senses.everyday
            and not any(char.isspace() or char in _JOINERS for char in form.text)
        ] if senses.inflected else []  # fmt: skip
        if not held:
            return f"  [annotate: auto: {where}: its one-word forms are {EVERYDAY_RULE}]"
        shown = ", ".join(f"'{text}'" for text in held)
        forms = f"forms {shown} are" if len(held) > 1 else f"form {shown} is"
        return f"  [annotate: auto: {where}: its {forms} {EVERYDAY_RULE}, the others everywhere]"
    if term.annotate is True:
        return f"  [annotate: true: marked everywhere, though {where}]" if word else "  [annotate: true]"
    return {False: "  [annotate: false: linked by hand only]",
            "aliases": "  [annotate: aliases]"}.get(term.annotate, "")  # type: ignore[call-overload]


def _sense_words(term: Term, senses: Senses) -> str:
    """The sense words, sorted, at most `SHOWN_SENSE_WORDS` of them, and where they come from."""
    words = sorted(senses.words[term.id])
    if not words:
        return "none (no word of the glossary's definitions shows a sense)"
    rest = len(words) - SHOWN_SENSE_WORDS
    shown = ", ".join(words[:SHOWN_SENSE_WORDS]) + (f" and {rest} more" if rest > 0 else "")
    if len(sense_words(term, senses.everyday)) < THIN_DEFINITION:
        return f"those of the whole glossary, its definition gives too few: {shown}"
    return shown


def shared_form_notes(kb: KnowledgeBase, language: str | None = None) -> list[Problem]:
    """A note for each written name or title part that links to another term.

    Generated forms (plurals, possessives) that collide are left out: the term that wrote
    the text wins them, which is what authors expect. Names shared outright are errors of
    the schema already.
    """
    notes = []
    by_id = kb.terms_by_id
    for term_id, entries in form_owners(kb, language).items():
        term = by_id[term_id]
        for entry in entries:
            form = entry.form
            if form.kind not in ("title part", "abbreviation") or entry.owner in (None, term_id):
                continue
            winner = by_id[entry.owner] if entry.owner else None
            notes.append(Problem(
                f"glossary term '{term.term}': '{form.text}' also names term "
                f"'{winner.term if winner else entry.owner}', so it links there; add an alias "
                "that tells them apart, or give one of them 'variants: false'",
                term.location, "note",
            ))
    return notes
