"""`mkdocs-faq schema --translation`: the JSON Schema of faq.<locale>.yml agrees with what
the plugin accepts as a translation (`translations.language_view`), on the files we ship
and on every kind of entry, valid or not."""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

jsonschema = pytest.importorskip("jsonschema")  # in the `test` extra

from conftest import MINIMAL_FAQ, ROOT  # noqa: E402
from test_multilingual import BASICS, BASICS_ES, FAQ_FR  # noqa: E402

from mkdocs_faq_plugin.cli import main  # noqa: E402
from mkdocs_faq_plugin.cli.files import schema_text, translation_schema  # noqa: E402
from mkdocs_faq_plugin.kb.problems import errors  # noqa: E402
from mkdocs_faq_plugin.kb.translations import language_view  # noqa: E402
from mkdocs_faq_plugin.kb.reading import parse_yaml  # noqa: E402

Validator = jsonschema.Draft202012Validator
SCHEMA = translation_schema(json.loads(schema_text()))
CHECKER = Validator(SCHEMA, format_checker=Validator.FORMAT_CHECKER)


def schema_accepts(text: str) -> bool:
    return not list(CHECKER.iter_errors(yaml.safe_load(text) or {}))


def plugin_accepts(text: str, base: str = MINIMAL_FAQ) -> bool:
    base_doc, problems = parse_yaml(base, "faq.yml")
    assert base_doc is not None and not problems
    doc, problems = parse_yaml(text, "faq.fr.yml")
    if doc is None or errors(problems):
        return False
    language, problems = language_view("fr", [base_doc], [doc])
    return language is not None and not errors(problems)


def test_the_schema_is_valid_draft_2020_12() -> None:
    Validator.check_schema(SCHEMA)


@pytest.mark.parametrize(
    ("name", "text", "base"),
    [
        ("faq.fr.yml (this site)", (ROOT / "faq.fr.yml").read_text(encoding="utf-8"),
         (ROOT / "faq.yml").read_text(encoding="utf-8")),
        ("tests' French", FAQ_FR, MINIMAL_FAQ),
        ("tests' Spanish", BASICS_ES, BASICS),
    ],
)
def test_the_translations_we_ship_and_test_pass_both(name: str, text: str, base: str) -> None:
    assert plugin_accepts(text, base), name
    errors_found = [e.message for e in CHECKER.iter_errors(yaml.safe_load(text))]
    assert errors_found == [], name


CASES = {
    # an entry needs only what names the entry it translates
    "question, id only": ("questions:\n  - id: tuning-widgets\n", True),
    "question, new wording": ("questions:\n  - id: tuning-widgets\n    question: Comment ?\n", True),
    "category, id only": ("categories:\n  - id: basics\n", True),
    "term, id only": ("glossary:\n  - id: parameter\n    definition: Un nombre.\n", True),
    "term named by its unchanged term": ("glossary:\n  - term: parameter\n    definition: Un nombre.\n", True),
    "title only": ("title: FAQ des gadgets\n", True),
    "empty file": ("{}\n", True),
    # what is refused by both
    "question without id": ("questions:\n  - question: Comment ?\n", False),
    "category without id": ("categories:\n  - title: Les bases\n", False),
    "term with neither id nor term": ("glossary:\n  - definition: Un nombre.\n", False),
    "unknown key in an entry": ("questions:\n  - id: tuning-widgets\n    answr: x\n", False),
    "unknown top-level key": ("faq: {}\n", False),
    "a single tag without a list": ("questions:\n  - id: tuning-widgets\n    tags: intro\n", True),
    "tags a mapping": ("questions:\n  - id: tuning-widgets\n    tags: {a: b}\n", False),
    "empty question text": ("questions:\n  - id: tuning-widgets\n    question: ''\n", False),
    "questions not a list": ("questions:\n  id: tuning-widgets\n", False),
    "entry not a mapping": ("glossary:\n  - parameter\n", False),
    "bad id": ("questions:\n  - id: Tuning Widgets\n", False),
    "wrong version": ("version: 2\n", False),
    # names of tags in this language
    "tag names": ("tags: {intro: Introduction, advanced: Avancé}\n", True),
    "tag names not a mapping": ("tags: [intro]\n", False),
    "empty tag name": ("tags: {intro: ''}\n", False),
    "blank tag name": ("tags: {intro: '  '}\n", False),
    "tag name not text": ("tags: {intro: [a, b]}\n", False),
}


@pytest.mark.parametrize("case", CASES)
def test_schema_and_plugin_judge_each_case_alike(case: str) -> None:
    text, valid = CASES[case]
    assert plugin_accepts(text) is valid, case
    assert schema_accepts(text) is valid, case


def test_what_only_the_plugin_can_check() -> None:
    """Ids that faq.yml lacks and a changed category need faq.yml: the schema sees one file."""
    for text in (
        "questions:\n  - id: no-such-question\n",
        "questions:\n  - id: tuning-widgets\n    category: basics\n",
        "tags: {no-such-tag: Étiquette}\n",
    ):
        assert schema_accepts(text) and not plugin_accepts(text), text


_QUESTION_KEYS = {
    "question": st.sampled_from(["Comment régler un gadget ?", "", 3]),
    "answer": st.sampled_from(["Avec **soin**.", None, ["x"]]),
    "tags": st.sampled_from([["intro"], "intro", [], {"a": 1}, [""]]),
    "owner": st.sampled_from(["Équipe", 7]),
}


@settings(max_examples=80, deadline=None)
@given(st.fixed_dictionaries({}, optional=_QUESTION_KEYS), st.booleans())
def test_any_translated_question_is_judged_alike(keys: dict[str, Any], with_id: bool) -> None:
    entry = {"id": "tuning-widgets", **keys} if with_id else keys
    text = yaml.safe_dump({"questions": [entry]}, allow_unicode=True)
    assert schema_accepts(text) is plugin_accepts(text), text


def test_the_command_prints_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--translation"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == SCHEMA
    assert printed["$defs"]["question"]["required"] == ["id"]
    assert json.loads(schema_text())["$defs"]["question"]["required"] == ["id", "question", "answer"]
    assert printed["title"].startswith("faq.<locale>.yml")
