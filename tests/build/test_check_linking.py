"""`mkdocs-faq check` on linking: `--forms [TERM]`, everyday words, forms two terms share."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import mkdocs_faq_executable

from mkdocs_faq_plugin.terms import everyday
from mkdocs_faq_plugin.terms.everyday import advice_for
from mkdocs_faq_plugin.kb.loading import load

FAQ = """\
questions:
  - id: q
    question: Q?
    answer: A.
glossary:
  - term: Main
    aliases: [main branch]
    definition: The default branch of a repository.
  - term: Build
    definition: A group of jobs.
  - term: Issues
    annotate: false
    definition: Reports of bugs.
  - term: Helm
    case_sensitive: true
    definition: A package manager.
  - term: Continuous Delivery (CD)
    definition: Shipping often.
  - term: Continuous Deployment (CD)
    definition: Shipping always.
  - term: Containers
    definition: Packaged processes.
  - term: containerization
    definition: Packing into containers.
"""


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [mkdocs_faq_executable(), *args], cwd=cwd, capture_output=True, text=True,
        encoding="utf-8", env=env, timeout=120,
    )  # fmt: skip


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "faq.yml").write_text(FAQ, encoding="utf-8")
    return tmp_path


def test_forms_lists_every_rule_of_a_term(folder: Path) -> None:
    process = run("check", "--forms", "Containers", cwd=folder)
    assert process.returncode == 0, process.stdout
    block = process.stdout.split("containers: Containers\n", 1)[1].split("\n\n", 1)[0]
    assert [line.split()[0] for line in block.splitlines()] == [
        "Containers", "Container", "Containers'", "Container's",
    ]
    assert "  Container    singular" in block


def test_forms_of_an_abbreviation_shows_both_terms_and_who_wins(folder: Path) -> None:
    process = run("check", "--forms", "CD", cwd=folder)
    assert process.returncode == 0
    assert "continuous-delivery-cd: Continuous Delivery (CD)" in process.stdout
    assert "  CD                        abbreviation, as written\n" in process.stdout
    assert (
        "  CD                          abbreviation, as written, links to "
        "'continuous-delivery-cd', which claims it first"
    ) in process.stdout


def test_forms_without_a_term_lists_all_and_marks_what_is_not_annotated(folder: Path) -> None:
    process = run("check", "--forms", cwd=folder)
    assert process.returncode == 0
    for term_id in ("main", "build", "issues", "helm", "containers", "containerization"):
        assert f"\n{term_id}: " in process.stdout
    assert "issues: Issues  [annotate: false: linked by hand only]" in process.stdout
    issues = process.stdout.split("linked by hand only]\n", 1)[1].split("\n\n", 1)[0]
    assert issues.splitlines()[:2] == ["  Issues   name, not annotated", "  Issue    singular, not annotated"]
    helm = process.stdout.split("helm: Helm\n", 1)[1].split("\n\n", 1)[0]
    assert helm.splitlines()[0] == "  Helm    name, as written"


def test_unknown_term_for_forms_is_a_usage_error(folder: Path) -> None:
    process = run("check", "--forms", "nothing-like-it", cwd=folder)
    assert process.returncode == 2
    assert "--forms: no glossary term 'nothing-like-it'" in process.stderr


def test_check_names_everyday_words_and_the_setting_for_each(folder: Path) -> None:
    process = run("check", "--strict", cwd=folder)
    assert process.returncode == 0, process.stdout  # notes are advice: --strict passes
    lines = process.stdout.splitlines()
    # "A group of jobs.": no word of the definition shows which "build" is meant.
    build = next(line for line in lines if "'Build'" in line)
    assert build.startswith("faq.yml:9:5: note: glossary term 'Build': 'build' is an everyday word")
    assert "no word of its definition shows its sense" in build
    assert "set 'annotate: false'" in build and "[build](glossary:build)" in build
    # The default already keeps Main to its sense: the note says how, and advises nothing.
    main = next(line for line in lines if "'Main'" in line)
    assert "marked only where its sentence shows the sense meant" in main
    assert "'default'" in main and "'annotate: true' marks every 'main'" in main
    assert "set 'annotate" not in main
    # Handled already, too rare, or case-sensitive: no note.
    for quiet in ("'Issues'", "'Helm'", "'Containers'", "'containerization'"):
        assert not any(quiet in line for line in lines), quiet
    shared = next(line for line in lines if "also names term" in line)
    assert shared.startswith("faq.yml:19:5: note: glossary term 'Continuous Deployment (CD)'")
    assert lines[-1] == "faq.yml: OK (1 question, 0 categories, 8 glossary terms); 3 notes"


def test_the_language_of_the_site_picks_the_word_list(folder: Path) -> None:
    (folder / "faq.yml").write_text(
        FAQ + "  - term: Haus\n    definition: Ein Gebäude.\n", encoding="utf-8"
    )
    english = run("check", cwd=folder).stdout
    assert "'Haus'" not in english
    (folder / "mkdocs.yml").write_text("site_name: x\ntheme:\n  name: mkdocs\n  language: de\n")
    german = run("check", cwd=folder).stdout
    assert "glossary term 'Haus': 'haus' is an everyday word in German" in german
    unknown = run("check", "--site-language", "xx", cwd=folder).stdout
    assert "note: no word frequencies for language 'xx'" in unknown


@pytest.mark.parametrize("language", ["en", "xx"])
def test_without_wordfreq_the_shipped_lists_still_give_the_notes(folder: Path, language: str) -> None:
    script = (
        "import sys; sys.modules['wordfreq'] = None\n"
        "from mkdocs_faq_plugin.cli import main\n"
        f"sys.exit(main(['check', '--site-language', '{language}']))\n"
    )
    process = subprocess.run(
        [sys.executable, "-c", script], cwd=folder, capture_output=True, text=True, timeout=120
    )
    assert process.returncode == 0
    if language == "en":
        assert "glossary term 'Main': 'main' is an everyday word in English" in process.stdout
        assert "install mkdocs-faq-plugin[wordfreq]" not in process.stdout
    else:
        assert "note: no list of everyday words for language 'xx' (there are lists for de, en," \
            in process.stdout
        assert "install mkdocs-faq-plugin[wordfreq]" in process.stdout
        assert "everyday word in" not in process.stdout


def test_advice_is_data_the_benchmark_can_apply(folder: Path) -> None:
    kb = load(["faq.yml"], base_dir=str(folder)).kb
    assert kb is not None
    settings = {a.term.id: a.setting for a in advice_for(kb, "en")}
    assert settings == {"main": {}, "build": {"annotate": False}}
    # Without a list for the language nothing is gated, so wordfreq's advice is the old one.
    zipf = everyday.frequencies("en")
    assert zipf is not None
    settings = {a.term.id: a.setting for a in everyday.frequency_advice(kb, zipf)}
    assert settings == {"main": {"annotate": "aliases"}, "build": {"annotate": False}}


def test_forms_says_which_everyday_terms_wait_for_their_sense(tmp_path: Path) -> None:
    (tmp_path / "faq.yml").write_text(FAQ + (
        "  - term: Review\n    annotate: true\n    definition: A check of a pull request.\n"
    ), encoding="utf-8")
    process = run("check", "--forms", cwd=tmp_path)
    assert process.returncode == 0, process.stdout
    lines = process.stdout.splitlines()
    main = lines.index(
        "main: Main  [annotate: auto: 'main' is an everyday word in English: its one-word forms are "
        "marked only where the sentence holds a sense word, next to another term, capitalised "
        "mid-sentence, or where the page links it by hand]"
    )
    assert lines[main + 1] == "  sense words: default, repository"
    assert lines[main + 2].split() == ["Main", "name"]
    build = next(i for i, line in enumerate(lines) if line.startswith("build: Build  [annotate: auto: 'build'"))
    # "A group of jobs." shows no sense: the words of the whole glossary stand in, even when
    # only this term is listed.
    borrowed = "  sense words: those of the whole glossary, its definition gives too few: "
    assert lines[build + 1].startswith(borrowed) and "repository" in lines[build + 1]
    alone = run("check", "--forms", "Build", cwd=tmp_path).stdout.splitlines()
    assert alone[alone.index(lines[build]) + 1] == lines[build + 1]
    assert "review: Review  [annotate: true: marked everywhere, though 'review' is an everyday word in English]" in lines
    assert "issues: Issues  [annotate: false: linked by hand only]" in lines
    # Not everyday words: nothing said, no sense words.
    assert "containers: Containers" in lines and "helm: Helm" in lines
    assert sum(line.startswith("  sense words:") for line in lines) == 2


def test_forms_lists_sense_words_in_the_sites_language_sorted_and_capped(tmp_path: Path) -> None:
    (tmp_path / "faq.yml").write_text(
        "glossary:\n  - term: Modell\n    definition: >-\n      Ein trainiertes neuronales Netz mit "
        "Gewichten, Schichten, Aktivierungsfunktionen, Verlustfunktion, Optimierer, Trainingsdaten, "
        "Validierung, Tokenisierung, Einbettungen, Inferenz, Quantisierung, Feinabstimmung und "
        "Destillation.\n",
        encoding="utf-8",
    )
    german = run("check", "--forms", "Modell", "--site-language", "de", cwd=tmp_path).stdout
    assert "[annotate: auto: 'modell' is an everyday word in German: " in german
    assert german.split("\n  sense words: ", 1)[0].endswith(", the others everywhere]")
    words = german.split("  sense words: ", 1)[1].split("\n", 1)[0]
    shown, more = words.split(" and ")
    assert shown.split(", ") == sorted(shown.split(", ")) and len(shown.split(", ")) == 12
    assert "aktivierungsfunktionen" in shown and more.endswith(" more") and int(more.split()[0]) >= 2
    assert "its form 'Modell' is marked only where" in german  # "Modells" is no everyday word
    # In English "Modell" is no everyday word: marked everywhere, nothing to say.
    english = run("check", "--forms", "Modell", cwd=tmp_path).stdout
    assert "modell: Modell\n" in english and "sense words" not in english


def test_forms_names_the_forms_held_back_in_a_language_with_word_forms(tmp_path: Path) -> None:
    """Ukrainian: "моделлю" is no everyday word, so only "модель" and "моделі" wait for a sign."""
    (tmp_path / "faq.yml").write_text(
        "glossary:\n  - {term: модель, id: model, definition: \"Навчена нейронна мережа, що передбачає токени.\"}\n",
        encoding="utf-8",
    )
    process = run("check", "--forms", "модель", "--site-language", "uk", cwd=tmp_path)
    assert process.returncode == 0, process.stdout
    assert (
        "model: модель  [annotate: auto: 'модель' is an everyday word in Ukrainian: its forms "
        "'модель', 'моделі' are marked only where the sentence holds a sense word"
    ) in process.stdout
    assert "\n  sense words: навчена, нейронна, токени\n" in process.stdout
