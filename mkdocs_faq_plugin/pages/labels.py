"""The words the plugin writes into pages, per language, with author overrides.

Generated pages, the glossary and the JavaScript widgets all take their visible text from one
`Labels` object, so a site in German gets German headings and a site can rename any single
word (`labels: {related: "See also"}`) without touching templates.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields


@dataclass(frozen=True)
class Labels:
    """Every visible word of the plugin; one attribute per key (templates read `labels.faq`)."""

    language: str
    faq: str
    glossary: str
    questions: str
    categories: str
    other_questions: str
    tags: str
    all_tags: str
    related: str
    sources: str
    permalink: str
    aliases: str
    definition: str
    see_also: str
    used_in: str
    mentioned_in: str
    last_reviewed: str
    owner: str
    expand_all: str
    collapse_all: str
    filter_label: str
    filter_placeholder: str
    filter_count: str
    no_results: str
    letters: str
    other_letter: str
    close: str
    glossary_filter_label: str
    glossary_filter_placeholder: str
    glossary_no_results: str
    remove_tag: str
    more: str
    feedback_title: str
    feedback_yes: str
    feedback_no: str
    feedback_thanks: str
    search_site: str
    copy_link: str
    link_copied: str
    copy_link_manual: str

    def __getitem__(self, key: str) -> str:
        """`labels["faq"]`, for callers that hold the key as a string (config, JavaScript)."""
        if key not in LABEL_KEYS:
            raise KeyError(key)
        return getattr(self, key)

    def as_dict(self) -> dict[str, str]:
        """Plain mapping of every key, for handing the words to JavaScript as JSON (with the
        language's `colon`)."""
        return {**asdict(self), "colon": self.colon}

    @property
    def colon(self) -> str:
        """What follows a label naming a field ("Tags:"): French puts a no-break space first."""
        return punctuate(self.language, ":")

    def filter_count_text(self, shown: int, total: int) -> str:
        return self.filter_count.format(shown=shown, total=total)


LABEL_KEYS: tuple[str, ...] = tuple(f.name for f in fields(Labels) if f.name != "language")
"""The keys accepted in the `labels:` option (everything except `language`)."""

# Labels that are `str.format` templates, with the placeholders each may use. An override
# with an unknown placeholder would raise KeyError at render time; we reject it up front.
_PLACEHOLDERS: dict[str, frozenset[str]] = {
    "filter_count": frozenset({"shown", "total"}),
    "more": frozenset({"count"}),
}

_BUILTIN: dict[str, dict[str, str]] = {
    "en": {
        "faq": "FAQ",
        "glossary": "Glossary",
        "questions": "Questions",
        "categories": "Categories",
        "other_questions": "Other questions",
        "tags": "Tags",
        "all_tags": "All tags",
        "related": "Related questions",
        "sources": "Sources",
        "permalink": "Permanent link",
        "aliases": "Also known as",
        "definition": "Definition",
        "see_also": "See also",
        "used_in": "Used in",
        "mentioned_in": "Mentioned in",
        "last_reviewed": "Last reviewed",
        "owner": "Owner",
        "expand_all": "Expand all",
        "collapse_all": "Collapse all",
        "filter_label": "Filter questions",
        "filter_placeholder": "Type to filter questions…",
        "filter_count": "{shown} of {total}",
        "no_results": "No question matches your filter.",
        "letters": "Letters",
        "other_letter": "Other",
        "close": "Close",
        "glossary_filter_label": "Filter terms",
        "glossary_filter_placeholder": "Type to filter terms…",
        "glossary_no_results": "No term matches your filter.",
        "remove_tag": "Remove tag filter",
        "more": "and {count} more",
        "feedback_title": "Was this helpful?",
        "feedback_yes": "Yes",
        "feedback_no": "No",
        "feedback_thanks": "Thank you for your feedback!",
        "search_site": "Search the whole site",
        "copy_link": "Copy link",
        "link_copied": "Link copied",
        "copy_link_manual": "Copy this link:",
    },
    "de": {
        "faq": "FAQ",
        "glossary": "Glossar",
        "questions": "Fragen",
        "categories": "Kategorien",
        "other_questions": "Weitere Fragen",
        "tags": "Schlagwörter",
        "all_tags": "Alle Schlagwörter",
        "related": "Verwandte Fragen",
        "sources": "Quellen",
        "permalink": "Permanenter Link",
        "aliases": "Auch bekannt als",
        "definition": "Definition",
        "see_also": "Siehe auch",
        "used_in": "Verwendet in",
        "mentioned_in": "Erwähnt in",
        "last_reviewed": "Zuletzt geprüft",
        "owner": "Verantwortlich",
        "expand_all": "Alle aufklappen",
        "collapse_all": "Alle zuklappen",
        "filter_label": "Fragen filtern",
        "filter_placeholder": "Zum Filtern tippen…",
        "filter_count": "{shown} von {total}",
        "no_results": "Keine Frage passt zum Filter.",
        "letters": "Buchstaben",
        "other_letter": "Sonstige",
        "close": "Schließen",
        "glossary_filter_label": "Begriffe filtern",
        "glossary_filter_placeholder": "Zum Filtern tippen…",
        "glossary_no_results": "Kein Begriff passt zum Filter.",
        "remove_tag": "Schlagwort-Filter entfernen",
        "more": "und {count} weitere",
        "feedback_title": "War das hilfreich?",
        "feedback_yes": "Ja",
        "feedback_no": "Nein",
        "feedback_thanks": "Danke für Ihr Feedback!",
        "search_site": "Die ganze Website durchsuchen",
        "copy_link": "Link kopieren",
        "link_copied": "Link kopiert",
        "copy_link_manual": "Diesen Link kopieren:",
    },
    "fr": {
        "faq": "FAQ",
        "glossary": "Glossaire",
        "questions": "Questions",
        "categories": "Catégories",
        "other_questions": "Autres questions",
        "tags": "Étiquettes",
        "all_tags": "Toutes les étiquettes",
        "related": "Questions liées",
        "sources": "Sources",
        "permalink": "Lien permanent",
        "aliases": "Aussi appelé",
        "definition": "Définition",
        "see_also": "Voir aussi",
        "used_in": "Utilisé dans",
        "mentioned_in": "Mentionné dans",
        "last_reviewed": "Dernière relecture",
        "owner": "Responsable",
        "expand_all": "Tout déplier",
        "collapse_all": "Tout replier",
        "filter_label": "Filtrer les questions",
        "filter_placeholder": "Tapez pour filtrer…",
        "filter_count": "{shown} sur {total}",
        "no_results": "Aucune question ne correspond au filtre.",
        "letters": "Lettres",
        "other_letter": "Autres",
        "close": "Fermer",
        "glossary_filter_label": "Filtrer les termes",
        "glossary_filter_placeholder": "Tapez pour filtrer les termes…",
        "glossary_no_results": "Aucun terme ne correspond au filtre.",
        "remove_tag": "Retirer le filtre de mot-clé",
        "more": "et {count} autres",
        "feedback_title": "Cette réponse vous a-t-elle aidé ?",
        "feedback_yes": "Oui",
        "feedback_no": "Non",
        "feedback_thanks": "Merci pour votre retour !",
        "search_site": "Chercher dans tout le site",
        "copy_link": "Copier le lien",
        "link_copied": "Lien copié",
        "copy_link_manual": "Copiez ce lien :",
    },
    "es": {
        "faq": "Preguntas frecuentes",
        "glossary": "Glosario",
        "questions": "Preguntas",
        "categories": "Categorías",
        "other_questions": "Otras preguntas",
        "tags": "Etiquetas",
        "all_tags": "Todas las etiquetas",
        "related": "Preguntas relacionadas",
        "sources": "Fuentes",
        "permalink": "Enlace permanente",
        "aliases": "También conocido como",
        "definition": "Definición",
        "see_also": "Véase también",
        "used_in": "Usado en",
        "mentioned_in": "Mencionado en",
        "last_reviewed": "Última revisión",
        "owner": "Responsable",
        "expand_all": "Expandir todo",
        "collapse_all": "Contraer todo",
        "filter_label": "Filtrar preguntas",
        "filter_placeholder": "Escriba para filtrar…",
        "filter_count": "{shown} de {total}",
        "no_results": "Ninguna pregunta coincide con el filtro.",
        "letters": "Letras",
        "other_letter": "Otros",
        "close": "Cerrar",
        "glossary_filter_label": "Filtrar términos",
        "glossary_filter_placeholder": "Escribe para filtrar términos…",
        "glossary_no_results": "Ningún término coincide con el filtro.",
        "remove_tag": "Quitar el filtro de etiqueta",
        "more": "y {count} más",
        "feedback_title": "¿Le ha resultado útil?",
        "feedback_yes": "Sí",
        "feedback_no": "No",
        "feedback_thanks": "¡Gracias por su opinión!",
        "search_site": "Buscar en todo el sitio",
        "copy_link": "Copiar enlace",
        "link_copied": "Enlace copiado",
        "copy_link_manual": "Copie este enlace:",
    },
}

LANGUAGES: tuple[str, ...] = tuple(_BUILTIN)
DEFAULT_LANGUAGE = "en"


def normalize_language(language: str | None) -> str:
    """The built-in language for a theme's language tag (`de_CH`, `fr-CA`, `ES` ...); English
    when we have no words for it, so an unsupported `theme.language` never breaks a build."""
    if not language:
        return DEFAULT_LANGUAGE
    primary = language.strip().replace("_", "-").split("-", 1)[0].casefold()
    return primary if primary in _BUILTIN else DEFAULT_LANGUAGE


def labels_for(language: str | None, overrides: Mapping[str, str] | None = None) -> Labels:
    """The labels for `language` with the author's `overrides` applied on top.

    Raises ValueError for an unknown key, a non-string value, or a format label using a
    placeholder we never fill, so the plugin can report the mistake at config time.
    """
    lang = normalize_language(language)
    words = dict(_BUILTIN[lang])
    for key, value in (overrides or {}).items():
        _check_override(key, value)
        words[key] = value
    return Labels(language=lang, **{key: punctuate(lang, value) for key, value in words.items()})


# French sets a thin no-break space (U+202F) before ; ? ! and a no-break space (U+00A0)
# before : (Imprimerie nationale's rules), so the mark never starts a line of its own.
_FRENCH_SPACE = re.compile(r"[ \u00a0\u202f]*([;?!:])(?=\s|$)")


def punctuate(language: str, text: str) -> str:
    """`text` with the spacing `language` wants before punctuation: French "aidé ?" gets a
    no-break space (typed or not); other languages are left as written."""
    if language != "fr":
        return text
    return _FRENCH_SPACE.sub(lambda m: ("\u00a0" if m.group(1) == ":" else "\u202f") + m.group(1), text)


def _check_override(key: str, value: object, where: str = "") -> None:
    if key not in LABEL_KEYS:
        raise ValueError(
            f"{where}unknown label {key!r}; valid label keys are: {', '.join(LABEL_KEYS)}"
        )
    if not isinstance(value, str):
        raise ValueError(f"{where}label {key!r} must be a string, not {type(value).__name__}")
    _check_placeholders(key, value)


def overrides_for(option: Mapping[str, object], language: str | None) -> dict[str, str]:
    """The `labels:` option's overrides that apply to `language`.

    Plain keys (`related: See also`) apply to every language; a key naming a language holds
    that language's own overrides (`fr: {related: Voir aussi}`), which win. A language block
    matches the exact tag (`pt-BR`) or, failing that, its primary language (`pt`). Values are
    checked by `labels_for`; a block that is not a mapping raises ValueError.
    """
    common: dict[str, str] = {}
    blocks: dict[str, Mapping[str, object]] = {}
    for key, value in option.items():
        if isinstance(value, Mapping):
            for inner, words in value.items():  # every block is checked, built or not
                _check_override(str(inner), words, f"labels.{key}: ")
            blocks[str(key)] = value
        elif key in LABEL_KEYS or not _looks_like_language(str(key)):
            common[str(key)] = value  # type: ignore[assignment]  # labels_for checks values
        else:
            raise ValueError(
                f"labels for language {key!r} must be a mapping of label keys to words, "
                f"e.g. {key}: {{related: ...}}"
            )
    chosen: Mapping[str, object] = {}
    if language:
        tag = language.strip().replace("_", "-")
        primary = tag.split("-", 1)[0]
        by_tag = {k.replace("_", "-").casefold(): v for k, v in blocks.items()}
        chosen = by_tag.get(tag.casefold()) or by_tag.get(primary.casefold()) or {}
    return {**common, **chosen}  # type: ignore[dict-item]


def _looks_like_language(key: str) -> bool:
    primary = key.replace("_", "-").split("-", 1)[0]
    return 2 <= len(primary) <= 3 and primary.isalpha() and primary.islower()


def _check_placeholders(key: str, value: str) -> None:
    allowed = _PLACEHOLDERS.get(key)
    if allowed is None:
        return
    try:
        used = {name for _, name, _, _ in string.Formatter().parse(value) if name is not None}
    except ValueError as exc:  # unbalanced braces
        raise ValueError(f"label {key!r} is not a valid template: {exc}") from None
    unknown = used - allowed
    if unknown:
        raise ValueError(
            f"label {key!r} uses unknown placeholder(s) {', '.join(sorted(unknown))}; "
            f"it may use {', '.join('{' + p + '}' for p in sorted(allowed))}"
        )
