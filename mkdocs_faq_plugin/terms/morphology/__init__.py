"""Word forms of a glossary name in languages whose words change with case and number.

An author writing Ukrainian links "моделлю" and "моделей" to the entry "модель"; one writing
Amharic writes ሞዴሎች (models) for ሞዴል, with the plural fused into the last syllable. The
matcher indexes surface forms, so this module *generates* the forms a name takes, from rules
per language: cheaper than lemmatizing every page, and no dictionary is loaded.

Guard rails, because a wrong form marks the wrong word:

* rules run only for a term in their own language (the site's, or the translation's), and
  only on words in that language's script: a Latin "Kubernetes" in a Ukrainian glossary
  keeps the English rules;
* a stem shorter than `MIN_STEM` letters is not inflected;
* a guess that is not a word ("вузлу" next to "вузлові") costs nothing, as it never occurs;
* `variants: false` on a term turns all of this off (see `forms`).

| language | what changes | module |
|---|---|---|
| uk, ru, pl | case and number endings of the head noun and the adjectives agreeing with it | `slavic` |
| de | case and plural endings of the last word, adjective endings before it | `german` |
| sw | noun-class prefixes (singular ↔ plural), locative -ni | `swahili` |
| am | plural and article fused into the last syllable, prefixed prepositions | `amharic` |
| fi | the commonest case endings, with vowel harmony | `finnish` |
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["LANGUAGES", "MIN_STEM", "base_language", "name_forms", "same_language"]

MIN_STEM = 3
"""Letters a stem keeps, at least, for endings to be added to it."""

Rules = Callable[[str], list[str]]


def base_language(code: str | None) -> str:
    """"pt-BR", "uk_UA", "DE" → "pt", "uk", "de"; "" for none."""
    return (code or "").replace("_", "-").split("-", 1)[0].lower()


def same_language(one: str | None, other: str | None) -> bool:
    """"en" and "en-GB", "pt_BR" and "pt": one language as far as word forms and `lang` go."""
    return base_language(one) == base_language(other)


def _rules(language: str) -> Rules | None:
    if language in ("uk", "ru", "pl"):
        from . import slavic

        return lambda name: slavic.forms(name, language)
    if language == "de":
        from .german import forms as german

        return german
    if language == "sw":
        from .swahili import forms as swahili

        return swahili
    if language == "am":
        from .amharic import forms as amharic

        return amharic
    if language == "fi":
        from .finnish import forms as finnish

        return finnish
    return None


LANGUAGES = ("uk", "ru", "pl", "de", "sw", "am", "fi")
"""Languages with rules of their own (other languages get the English number rules)."""


def name_forms(name: str, language: str | None) -> list[str] | None:
    """The other forms of `name` in `language`, without `name` itself; None when the language
    has no rules here or the name has no word they apply to (then English rules apply)."""
    code = base_language(language)
    if code not in LANGUAGES:
        return None
    rules = _rules(code)
    if rules is None:
        return None
    found = rules(name)
    if not found:
        return None
    unique = dict.fromkeys(form for form in found if form != name)
    return list(unique)
