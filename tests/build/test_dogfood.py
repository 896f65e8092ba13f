"""Our own site: it builds with --strict, and every question of the seed post is answered."""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

# Each question of the source post (shared/seed) and the question of our FAQ that answers it.
SEED_QUESTIONS = {
    "What are respective foundation models based on different types of content?": "models-by-content-type",
    "Is a large language model like GPT 3.5 a foundation model?": "llm-as-foundation-model",
    "Can a non-language model be a foundation model?": "non-language-foundation-models",
    "Can every language model be a foundation model, but not every foundation model an LLM?": "language-models-vs-foundation-models",
    "Are foundation models pre-trained, and on what data?": "are-foundation-models-pre-trained",
    "How do image or video models understand prompts?": "how-image-models-read-prompts",
    "Why use a foundation model for business rather than an LLM?": "foundation-model-or-llm-for-business",
    "Can we fine-tune an LLM for a business use case?": "fine-tune-llm-for-business",
    "What do 175B parameters mean?": "what-are-parameters",
    "Where do I get a foundation model for my business?": "where-to-get-foundation-models",
    "Can we have an empty foundation model?": "untrained-foundation-model",
    "Is an untrained foundation model like a child's brain?": "child-brain-analogy",
    "Is a foundation model like building a brain for one skill (the Matrix)?": "skills-and-the-matrix",
    "Does training create the connections of the neural network?": "what-training-changes",
    "What is the size of an untrained foundation model?": "untrained-model-size",
    "How much memory do 175 billion parameters take?": "memory-for-175b-parameters",
    "In which format is a foundation model saved on disk?": "model-file-formats",
    "Does training an untrained model create a separate copy?": "does-training-copy-the-model",
    "What are the differences among training, prompting and fine-tuning?": "training-vs-fine-tuning-vs-prompting",
}


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("dogfood") / "site"
    process = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site)],
        capture_output=True, text=True, cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert process.returncode == 0, process.stdout + process.stderr
    assert "WARNING" not in process.stderr
    return site


def test_every_seed_question_is_a_heading_of_the_faq(built_site: Path) -> None:
    assert len(SEED_QUESTIONS) == 19
    pages = "\n".join(p.read_text(encoding="utf-8") for p in (built_site / "faq").rglob("index.html"))
    for seed, question_id in SEED_QUESTIONS.items():
        assert re.search(rf'<h2[^>]*\bid="{question_id}"', pages), f"{seed} → {question_id}"


def test_the_three_named_terms_get_tooltips_on_the_user_guide(built_site: Path) -> None:
    guide = "\n".join(p.read_text(encoding="utf-8") for p in (built_site / "guide").rglob("index.html"))
    home = (built_site / "index.html").read_text(encoding="utf-8")
    for term in ("foundation-model", "parameter", "fine-tuning"):
        assert f'data-faq-term="{term}"' in guide + home, term


def test_site_needs_nothing_from_the_internet(built_site: Path) -> None:
    """Handbooks are often served offline: no web fonts, CDNs or remote scripts."""
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        scripts = re.findall(r'<script[^>]+src="(https?://[^"]+)"', html)
        links = [
            tag for tag in re.findall(r"<link\b[^>]*>", html)
            if 'href="http' in tag and not re.search(r'rel="(canonical|alternate)"', tag)
        ]
        remote = scripts + links
        assert remote == [], f"{page}: {remote}"


def test_corrections_cite_their_sources(built_site: Path) -> None:
    faq = "\n".join(p.read_text(encoding="utf-8") for p in (built_site / "faq").rglob("index.html"))
    assert "https://arxiv.org/abs/2108.07258" in faq  # Bommasani et al.: who coined the term
    assert "https://arxiv.org/abs/1907.11692" in faq  # RoBERTa keeps BERT's architecture



# ---------------------------------------------------------------- the French edition

FRENCH_QUESTIONS = {
    "what-is-a-foundation-model": "Qu'est-ce qu'un modèle de fondation ?",
    "are-foundation-models-pre-trained": "Les modèles de fondation sont-ils pré-entraînés, et sur quelles données ?",
    "untrained-foundation-model": "Peut-il exister un modèle de fondation vide, non entraîné ?",
}


def _text(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html).replace("&rsquo;", "'").replace("&#39;", "'")


def test_french_edition_has_translated_and_fallback_questions(built_site: Path) -> None:
    french = "\n".join(p.read_text(encoding="utf-8") for p in (built_site / "fr" / "faq").rglob("index.html"))
    for question_id, question in FRENCH_QUESTIONS.items():
        heading = re.search(rf'<h2[^>]*\bid="{question_id}"[^>]*>(.*?)</h2>', french, re.S)
        assert heading and question in _text(heading.group(1)), question_id
    # Every seed question is there in French too, untranslated ones in English.
    for question_id in SEED_QUESTIONS.values():
        assert re.search(rf'<h2[^>]*\bid="{question_id}"', french), question_id
    assert "How much memory (GB) do 175 billion parameters need?" in _text(french)
    assert '<html lang="fr"' in (built_site / "fr" / "faq" / "index.html").read_text(encoding="utf-8")


def test_french_pages_are_annotated_from_the_french_glossary(built_site: Path) -> None:
    home = (built_site / "fr" / "index.html").read_text(encoding="utf-8")
    marks = dict(re.findall(r'data-faq-term="([^"]+)" href="[^"]*" title="([^"]*)"', home))
    assert marks["foundation-model"].startswith("Un grand modèle entraîné")
    assert html.unescape(marks["fine-tuning"]).startswith("La poursuite de l'entraînement")
    glossary = (built_site / "fr" / "glossary" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<h3[^>]*id="parameter"[^>]*>paramètre', glossary)
    assert re.search(r'<h3[^>]*id="transformer"', glossary)  # untranslated: in English


def test_french_edition_has_its_own_data_and_switcher(built_site: Path) -> None:
    data = json.loads((built_site / "fr" / "faq" / "faq.json").read_text(encoding="utf-8"))
    assert data["language"] == "fr" and data["title"] == "FAQ des modèles de fondation"
    english = json.loads((built_site / "faq" / "faq.json").read_text(encoding="utf-8"))
    assert english["language"] == "en" and english["title"] == "Foundation models FAQ"
    page = (built_site / "fr" / "faq" / "basics" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../../faq/basics/" hreflang="en"' in page
