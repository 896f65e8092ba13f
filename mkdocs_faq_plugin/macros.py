"""Macros for mkdocs-macros-plugin: reuse questions and terms inside any page.

When the site also uses mkdocs-macros, pages can write::

    {{ faq_entry("what-is-a-widget") }}          question and answer, in place
    {{ faq_link("what-is-a-widget") }}           a link to the question (or a category)
    {{ faq_list(category="basics", tag="intro") }}   a linked list of questions
    {{ glossary_term("FM") }}                    a term's definition
    {{ glossary_link("fine-tuning", "tuning") }} a link to a glossary entry

and read the knowledge base itself as the variable `faq`.

Every macro writes plain Markdown with `faq:ID` / `glossary:ID` links; the plugin's Markdown
extension resolves those relative to the page being converted, exactly like links an author
types by hand. An unknown id is recorded (macros' own error handling would otherwise turn
it into a warning and replace the whole page) and the plugin stops the build once every page
is rendered, naming each page and id.

mkdocs-macros is optional: nothing here imports it. `register` only uses its documented
hooks (`register_macros`, `register_variables`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from .kb.ids import FAQ_SCHEME, GLOSSARY_SCHEME
from .kb.model import KnowledgeBase, Question, Term
from .text import close_match, md_block, md_text

__all__ = ["MACRO_NAMES", "VARIABLE_NAME", "FaqMacros", "register"]

MACRO_NAMES = ("faq_entry", "faq_link", "faq_list", "glossary_term", "glossary_link")
VARIABLE_NAME = "faq"
_MARKER = "__faq_plugin_macro__"


class FaqMacros:
    """The macros for one build: bound to one knowledge base, collecting unknown-id errors.

    `current_page` returns the source path of the page mkdocs-macros is rendering (or None);
    `full_kb` is the knowledge base before audience selection, used only to explain why an
    id is unknown.
    """

    def __init__(
        self,
        kb: KnowledgeBase,
        *,
        current_page: Callable[[], str | None] = lambda: None,
        full_kb: KnowledgeBase | None = None,
        audiences: Iterable[str] = (),
        faq_title: str = "FAQ",
        glossary_title: str = "Glossary",
    ) -> None:
        self.kb = kb
        self.full_kb = full_kb or kb
        self.audiences = tuple(audiences)
        self.current_page = current_page
        self.faq_title = faq_title
        self.glossary_title = glossary_title
        self.errors: list[str] = []

    # ------------------------------------------------------------------ registration data

    def macros(self) -> dict[str, Callable[..., str]]:
        functions: dict[str, Callable[..., str]] = {
            "faq_entry": self.faq_entry,
            "faq_link": self.faq_link,
            "faq_list": self.faq_list,
            "glossary_term": self.glossary_term,
            "glossary_link": self.glossary_link,
        }
        return {name: _mark(name, function) for name, function in functions.items()}

    def variables(self) -> dict[str, Any]:
        return {VARIABLE_NAME: self.kb}

    # ------------------------------------------------------------------ the macros

    def faq_entry(self, id: str) -> str:
        """The question (linking to its FAQ entry) and its answer, as Markdown blocks."""
        question = self._question("faq_entry", id)
        if question is None:
            return ""
        heading = f"**[{md_text(question.question)}]({FAQ_SCHEME}{question.id})**\n{{: .faq-entry-question }}"
        answer = md_block(question.answer)
        return f"{heading}\n\n{answer}\n" if answer else f"{heading}\n"

    def faq_link(self, id: str = "", text: str | None = None) -> str:
        """`[text](faq:ID)` to a question or a category; `faq_link("")` links the FAQ index."""
        target = str(id).strip()
        if not target:
            return f"[{text or md_text(self.faq_title)}]({FAQ_SCHEME})"
        category = self.kb.categories_by_id.get(target)
        if category is not None:
            return f"[{text or md_text(category.title)}]({FAQ_SCHEME}{category.id})"
        question = self._question("faq_link", target, categories_too=True)
        if question is None:
            return text or ""
        return f"[{text or md_text(question.question)}]({FAQ_SCHEME}{question.id})"

    def faq_list(self, category: str | None = None, tag: str | None = None) -> str:
        """A bullet list of links to the questions of a category and/or with a tag."""
        questions: Iterable[Question] = self.kb.questions
        if category is not None:
            if category not in self.kb.categories_by_id:
                self._unknown("faq_list", "category id", category,
                              [c.id for c in self.kb.categories], self._dropped_category(category))
                return ""
            questions = [q for q in questions if q.category == category]
        if tag is not None:
            if tag not in self.kb.tags:
                dropped = tag in self.full_kb.tags
                self._unknown("faq_list", "tag", tag, list(self.kb.tags), dropped)
                return ""
            questions = [q for q in questions if tag in q.tags]
        lines = [f"- [{md_text(q.question)}]({FAQ_SCHEME}{q.id})" for q in questions]
        return "\n".join(lines) + "\n" if lines else ""

    def glossary_term(self, id_or_term: str) -> str:
        """A term's definition, as plain text (Markdown-escaped)."""
        term = self._term("glossary_term", id_or_term)
        return md_text(term.definition) if term is not None else ""

    def glossary_link(self, id_or_term: str = "", text: str | None = None) -> str:
        """`[text](glossary:ID)`; the text defaults to the name given, or the term for an id."""
        wanted = str(id_or_term).strip()
        if not wanted:
            return f"[{text or md_text(self.glossary_title)}]({GLOSSARY_SCHEME})"
        term = self._term("glossary_link", wanted)
        if term is None:
            return text or md_text(wanted)
        label = text or md_text(term.term if wanted == term.id else wanted)
        return f"[{label}]({GLOSSARY_SCHEME}{term.id})"

    # ------------------------------------------------------------------ lookups and errors

    def _question(self, macro: str, qid: str, *, categories_too: bool = False) -> Question | None:
        question = self.kb.questions_by_id.get(str(qid))
        if question is None:
            known = list(self.kb.questions_by_id)
            if categories_too:
                known += list(self.kb.categories_by_id)
            dropped = str(qid) in self.full_kb.questions_by_id or (
                categories_too and self._dropped_category(str(qid))
            )
            self._unknown(macro, "question id", str(qid), known, dropped)
        return question

    def _term(self, macro: str, id_or_term: str) -> Term | None:
        term = self.kb.find_term(str(id_or_term))
        if term is None:
            known = [name for t in self.kb.glossary for name in (t.id, *t.names)]
            dropped = self.full_kb.find_term(str(id_or_term)) is not None
            self._unknown(macro, "glossary term", str(id_or_term), known, dropped)
        return term

    def _dropped_category(self, cid: str) -> bool:
        return cid in self.full_kb.categories_by_id and cid not in self.kb.categories_by_id

    def _unknown(self, macro: str, what: str, value: str, known: list[str], dropped: bool) -> None:
        page = self.current_page()
        where = f"{page}: " if page else ""
        if dropped:
            audiences = ", ".join(self.audiences)
            hint = f" (it is not published for audiences {audiences})" if audiences else ""
        else:
            close = close_match(value, known)
            hint = f"; did you mean '{close}'?" if close else ""
        self.errors.append(f"{where}{macro}: unknown {what} '{value}'{hint}")


def _mark(name: str, function: Callable[..., str]) -> Callable[..., str]:
    """A plain function wrapping the bound method, tagged so a re-registration recognises it."""

    def macro(*args: Any, **kwargs: Any) -> str:
        return function(*args, **kwargs)

    macro.__name__ = name
    macro.__doc__ = function.__doc__
    setattr(macro, _MARKER, True)
    return macro


def _ours(value: Any) -> bool:
    return bool(getattr(value, _MARKER, False)) or isinstance(value, KnowledgeBase)


def register(macros_plugin: Any, faq_macros: FaqMacros) -> list[str]:
    """Give mkdocs-macros our macros and the `faq` variable; returns problems to warn about.

    Call it once every plugin's `on_config` has run (the plugin does so in `on_pre_build`):
    mkdocs-macros then adds the items to its live environment, whichever order the two
    plugins have in `mkdocs.yml`. (Registering earlier would park them in dictionaries that
    mkdocs-macros shares between all its instances in a process.) A name the site already
    defines (in `main.py` or `extra`) keeps its meaning and is reported.
    """
    problems: list[str] = []
    macros, variables = faq_macros.macros(), faq_macros.variables()
    try:  # the usual case, in one go (one log line from mkdocs-macros)
        macros_plugin.register_macros(macros)
        macros_plugin.register_variables(variables)
        return problems
    except KeyError:
        pass  # a name is taken: mkdocs-macros stopped there; go one by one
    for name, function in macros.items():
        if not _add(macros_plugin, "macro", name, function):
            problems.append(
                f"mkdocs-macros already defines a macro '{name}'; the faq plugin's '{name}' "
                "is not available"
            )
    for name, value in variables.items():
        if not _add(macros_plugin, "variable", name, value):
            problems.append(
                f"mkdocs-macros already defines a variable '{name}'; the faq plugin's "
                f"'{name}' variable is not available"
            )
    return problems


def _add(macros_plugin: Any, kind: str, name: str, value: Any) -> bool:
    """Register one item; replace our own from an earlier build, refuse anybody else's."""
    hook = macros_plugin.register_macros if kind == "macro" else macros_plugin.register_variables
    try:
        hook({name: value})
        return True
    except KeyError:
        pass
    table = macros_plugin.macros if kind == "macro" else macros_plugin.variables
    if not _ours(table.get(name)):
        return False
    table[name] = value
    if kind == "macro":
        macros_plugin.variables["macros"][name] = value
        macros_plugin.env.globals[name] = value
    return True
