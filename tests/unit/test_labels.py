"""The plugin's words: every language complete, overrides applied, mistakes reported."""

from __future__ import annotations

import dataclasses
import re
import string

import pytest

from mkdocs_faq_plugin.pages.labels import LABEL_KEYS, LANGUAGES, Labels, labels_for, normalize_language, punctuate


def test_supported_languages() -> None:
    assert set(LANGUAGES) == {"en", "de", "fr", "es"}


PLACEHOLDERS = {"filter_count": ("shown", "total"), "more": ("count",)}


@pytest.mark.parametrize("language", ["en", "de", "fr", "es"])
def test_every_language_has_every_key(language: str) -> None:
    labels = labels_for(language, {})
    assert labels.language == language
    for key in LABEL_KEYS:
        value = getattr(labels, key)
        assert isinstance(value, str) and value.strip(), f"{language}.{key} is empty"
        # Only format labels may contain placeholders; a stray brace would show up literally.
        if key in PLACEHOLDERS:
            assert value.format(**{name: 7 for name in PLACEHOLDERS[key]}), f"{language}.{key}"
        else:
            assert "{" not in value and "}" not in value, f"{language}.{key}"


@pytest.mark.parametrize("language", ["de", "fr", "es"])
def test_translations_are_not_english(language: str) -> None:
    english, other = labels_for("en", {}), labels_for(language, {})
    for key in ("glossary", "related", "see_also", "expand_all", "no_results", "last_reviewed"):
        assert getattr(other, key) != getattr(english, key), f"{language}.{key} is untranslated"


def test_expected_words() -> None:
    assert labels_for("en", {}).related == "Related questions"
    assert labels_for("de", {}).glossary == "Glossar"
    assert labels_for("fr", {}).see_also == "Voir aussi"
    assert labels_for("es", {}).glossary == "Glosario"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (None, "en"),
        ("", "en"),
        ("en", "en"),
        ("de", "de"),
        ("de_CH", "de"),
        ("fr-CA", "fr"),
        ("ES", "es"),
        (" es-419 ", "es"),
        ("ja", "en"),
        ("pt_BR", "en"),
    ],
)
def test_language_tags_are_normalised(given: str | None, expected: str) -> None:
    assert normalize_language(given) == expected
    assert labels_for(given, {}).language == expected


def test_unknown_language_falls_back_to_english() -> None:
    assert labels_for("tlh", {}) == labels_for("en", {})


def test_overrides_replace_single_words() -> None:
    labels = labels_for("de", {"related": "Siehe ebenfalls", "faq": "Hilfe"})
    assert labels.related == "Siehe ebenfalls"
    assert labels.faq == "Hilfe"
    assert labels.glossary == "Glossar"  # untouched keys keep the language's word


def test_overrides_do_not_leak_between_calls() -> None:
    labels_for("en", {"glossary": "Terms"})
    assert labels_for("en", {}).glossary == "Glossary"


def test_unknown_override_key_names_the_valid_keys() -> None:
    with pytest.raises(ValueError) as info:
        labels_for("en", {"relatd": "x"})
    message = str(info.value)
    assert "'relatd'" in message
    for key in LABEL_KEYS:
        assert key in message


def test_language_is_not_an_override_key() -> None:
    with pytest.raises(ValueError):
        labels_for("en", {"language": "de"})


def test_non_string_override_is_rejected() -> None:
    with pytest.raises(ValueError, match="must be a string"):
        labels_for("en", {"faq": 3})  # type: ignore[dict-item]


def test_filter_count_override_is_checked() -> None:
    assert labels_for("en", {"filter_count": "{shown}/{total}"}).filter_count_text(2, 5) == "2/5"
    with pytest.raises(ValueError, match="placeholder"):
        labels_for("en", {"filter_count": "{shown} of {all}"})
    with pytest.raises(ValueError):
        labels_for("en", {"filter_count": "{shown"})


@pytest.mark.parametrize("language", ["en", "de", "fr", "es"])
def test_filter_count_uses_both_numbers(language: str) -> None:
    labels = labels_for(language, {})
    fields = {f for _, f, _, _ in string.Formatter().parse(labels.filter_count) if f}
    assert fields == {"shown", "total"}
    text = labels.filter_count_text(3, 17)
    assert "3" in text and "17" in text


def test_as_dict_lists_every_key() -> None:
    data = labels_for("fr", {}).as_dict()
    assert set(data) == {*LABEL_KEYS, "language", "colon"}
    assert data["glossary"] == "Glossaire"


def test_labels_are_immutable() -> None:
    labels = labels_for("en", {})
    with pytest.raises(dataclasses.FrozenInstanceError):
        labels.faq = "x"  # type: ignore[misc]
    assert isinstance(labels, Labels)


def test_required_keys_exist() -> None:
    required = {
        "faq", "glossary", "questions", "categories", "tags", "related", "sources", "permalink",
        "aliases", "see_also", "used_in", "mentioned_in", "last_reviewed", "owner", "expand_all",
        "collapse_all", "filter_label", "filter_placeholder", "filter_count", "no_results",
        "letters", "all_tags",
    }
    assert required <= set(LABEL_KEYS)


def test_item_access_by_key() -> None:
    labels = labels_for("de", {"owner": "Zuständig"})
    assert labels["glossary"] == "Glossar"
    assert labels["owner"] == "Zuständig"
    with pytest.raises(KeyError):
        labels["nope"]
    with pytest.raises(KeyError):
        labels["language"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Aidé ?", "Aidé\u202f?"),
        ("Aidé?", "Aidé\u202f?"),
        ("Merci !", "Merci\u202f!"),
        ("un ; deux", "un\u202f; deux"),
        ("Étiquettes :", "Étiquettes\u00a0:"),
        ("Étiquettes\u00a0:", "Étiquettes\u00a0:"),
        ("12:30 et https://example.org", "12:30 et https://example.org"),
        ("{shown} sur {total}", "{shown} sur {total}"),
    ],
)
def test_french_punctuation(text: str, expected: str) -> None:
    assert punctuate("fr", text) == expected
    assert punctuate("en", text) == text


@pytest.mark.parametrize("language", ["en", "de", "fr", "es"])
def test_labels_colon(language: str) -> None:
    labels = labels_for(language)
    assert labels.colon == ("\u00a0:" if language == "fr" else ":")
    assert labels.as_dict()["colon"] == labels.colon
    if language == "fr":
        for key in LABEL_KEYS:
            assert not re.search(r" [;:?!]", labels[key]), key
