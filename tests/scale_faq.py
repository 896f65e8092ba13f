"""A large, realistic faq.yml for scale tests: 10,000 questions and 5,000 glossary terms.

Deterministic (seeded), valid against schema version 1, and shaped like a real knowledge
base: categories, multi-paragraph answers with lists, code, `faq:`/`glossary:` links, tags,
related questions, sources, aliases, `see` references, reviewed dates and owners.

    python tests/scale_faq.py out.yml [QUESTIONS] [TERMS]
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import yaml

SYLLABLES = (
    "ka", "lo", "mi", "nu", "pe", "ra", "si", "to", "va", "ze", "bri", "dal", "fen", "gor",
    "hul", "jin", "kev", "lum", "mor", "nix", "pra", "quo", "rin", "sul", "tav", "ulm", "vex",
    "wor", "yst", "zan",
)  # fmt: skip
FILLER = (
    "the", "model", "data", "a", "of", "when", "training", "is", "uses", "with", "for", "each",
    "answer", "question", "page", "output", "input", "more", "than", "only", "how", "why",
    "memory", "large", "small", "fast", "layer", "weights", "prompt", "context", "and", "or",
)  # fmt: skip


def term_name(index: int) -> str:
    """A unique, pronounceable word per index: base-30 digits spelled as syllables."""
    word, n = "", index + 30 * 30  # at least three syllables, so no term is a common word
    while n:
        n, digit = divmod(n, len(SYLLABLES))
        word += SYLLABLES[digit]
    return word


def _sentence(rng: random.Random, terms: list[str], words: int) -> str:
    out = [rng.choice(FILLER) for _ in range(words)]
    for _ in range(rng.randint(0, 2)):
        out.insert(rng.randrange(len(out) + 1), rng.choice(terms))
    text = " ".join(out)
    return text[0].upper() + text[1:] + "."


def _answer(rng: random.Random, index: int, questions: int, terms: list[str]) -> str:
    paragraphs = [
        " ".join(_sentence(rng, terms, rng.randint(6, 16)) for _ in range(rng.randint(2, 4)))
        for _ in range(rng.randint(1, 3))
    ]
    if index % 5 == 0:
        paragraphs.append("\n".join(f"- {_sentence(rng, terms, 5)}" for _ in range(3)))
    if index % 7 == 0:
        paragraphs.append("```python\nmodel = load('x')  # a foundation model here stays code\n```")
    if index % 3 == 0:
        other = rng.randrange(questions)
        paragraphs.append(
            f"See [the related answer](faq:q-{other}) and "
            f"[{terms[index % len(terms)]}](glossary:{terms[index % len(terms)]})."
        )
    return "\n\n".join(paragraphs) + "\n"


def generate(questions: int = 10_000, terms: int = 5_000, *, seed: int = 2026) -> dict:
    """The knowledge base as plain data (dump it with `yaml.safe_dump`)."""
    rng = random.Random(seed)
    names = [term_name(i) for i in range(terms)]
    categories = [
        {"id": f"cat-{i}", "title": f"Category {i}: {names[i % terms].title()}",
         "description": _sentence(rng, names, 12)}
        for i in range(max(1, questions // 200))
    ]  # fmt: skip
    tags = [f"tag-{i}" for i in range(40)]
    entries = []
    for i in range(questions):
        entry: dict = {
            "id": f"q-{i}",
            "question": f"How does {names[i % terms]} work in case {i}?",
            "answer": _answer(rng, i, questions, names),
            "category": categories[i % len(categories)]["id"],
            "tags": rng.sample(tags, rng.randint(0, 3)),
        }
        if i % 4 == 0 and i:
            entry["related"] = [f"q-{rng.randrange(i)}" for _ in range(rng.randint(1, 3))]
        if i % 6 == 0:
            entry["sources"] = [{"title": f"Paper {i}", "url": f"https://example.org/papers/{i}"}]
        if i % 10 == 0:
            entry["reviewed"] = "2026-01-15"
            entry["owner"] = f"team-{i % 9}"
        entries.append(entry)
    glossary = []
    for i, name in enumerate(names):
        term: dict = {"term": name, "definition": _sentence(rng, names[:50], rng.randint(8, 20))}
        if i % 3 == 0:
            term["aliases"] = [name.upper() + "X"]
        if i % 5 == 0:
            term["details"] = _sentence(rng, names, 25)
        if i % 4 == 0 and i:
            term["see"] = [names[rng.randrange(i)]]
        glossary.append(term)
    return {
        "version": 1,
        "title": "Scale test FAQ",
        "description": "A generated knowledge base for scale tests.",
        "categories": categories,
        "questions": entries,
        "glossary": glossary,
    }


def write(path: Path, questions: int = 10_000, terms: int = 5_000, *, seed: int = 2026) -> Path:
    data = generate(questions, terms, seed=seed)
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    text = yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=100)
    path.write_text(text, encoding="utf-8")
    return path


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "scale-faq.yml")
    counts = [int(a) for a in sys.argv[2:4]]
    write(target, *counts)
    print(f"{target}: {target.stat().st_size / 1e6:.1f} MB")
