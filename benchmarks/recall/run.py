"""One recall/precision run: build each corpus with default settings and with `check`'s
advice applied, then count recalled hand links and judge a fixed sample of marks. (Where the
default already keeps everyday-word terms to their sense, the advice is empty and both
builds are the same.)

Judgements live in `judgements.tsv` beside this file, one line per judged mark: corpus,
language, the mark's key (`page:offset:term`, an offset into the page's visible text),
the marked text, `yes` (the mark means the term) or `no`, and a note. A mark is judged by
reading it in context (`--unjudged FILE` writes the sampled marks still unjudged, with
their context, for that). Keys depend only on the corpus at its commit, so the figures can
be recomputed from a checkout of the same commits.
"""

from __future__ import annotations

import csv
import difflib
import hashlib
import math
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs_faq_plugin.kb.model import KnowledgeBase, Term
from mkdocs_faq_plugin.terms.everyday import advice_for

from .corpus import Corpus
from .measure import Mark, PageText, is_name_link, read_page, titles
from .site import build, plain_render

__all__ = ["JUDGEMENTS", "Judgements", "measure_corpus"]

JUDGEMENTS = Path(__file__).with_name("judgements.tsv")
CONFIGS = ("default", "advice")


@dataclass
class Judgements:
    verdicts: dict[tuple[str, str, str], bool] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path = JUDGEMENTS) -> Judgements:
        found = cls()
        if path.is_file():
            with path.open(encoding="utf-8", newline="") as stream:
                for row in csv.reader(stream, delimiter="\t"):
                    if row and not row[0].startswith("#") and len(row) >= 5:
                        found.verdicts[(row[0], row[1], row[2])] = row[4].strip() == "yes"
        return found


def advice_settings(corpus: Corpus) -> dict[str, dict[str, Any]]:
    """The settings `mkdocs-faq check` advises for this glossary, per term id: none for the
    everyday-word terms that the default (`annotate: auto`) already keeps to their sense."""
    kb = KnowledgeBase(glossary=tuple(Term(e.id, e.title, e.definition) for e in corpus.entries))
    return {advice.term.id: advice.setting for advice in advice_for(kb, corpus.language)
            if advice.setting}


def _aligned(built: PageText, plain: PageText) -> list[Mark]:
    """The hand links of `plain`, moved to `built`'s offsets when the texts differ."""
    if built.text == plain.text:
        return plain.hand_links
    matcher = difflib.SequenceMatcher(None, plain.text, built.text, autojunk=False)
    moved = []
    for link in plain.hand_links:
        for a, b, size in matcher.get_matching_blocks():
            if a <= link.start and link.end <= a + size:
                moved.append(Mark(link.start - a + b, link.end - a + b, link.term, link.text))
                break
    return moved


def _wilson(hits: int, total: int) -> tuple[float, float]:
    if not total:
        return (0.0, 0.0)
    z, p = 1.96, hits / total
    centre = (p + z * z / (2 * total)) / (1 + z * z / total)
    half = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / (1 + z * z / total)
    return (centre - half, centre + half)


def measure_corpus(
    corpus: Corpus, *, sample: int, judgements: Judgements, workdir: Path | None = None
) -> tuple[dict[str, Any], list[dict[str, str]]]:
    """Figures for one corpus (both configurations), and the sampled marks left unjudged."""
    names = titles(corpus)
    plain = {page.path: read_page(plain_render(page.original)) for page in corpus.pages}
    advice = advice_settings(corpus)
    result: dict[str, Any] = {
        "corpus": corpus.name, "language": corpus.language, "commit": corpus.commit,
        "terms": len(corpus.entries), "pages": len(corpus.pages), "settings": advice,
    }
    unjudged: list[dict[str, str]] = []
    with tempfile.TemporaryDirectory() as scratch:
        base = workdir or Path(scratch)
        for config in CONFIGS:
            html = build(corpus, base / f"{corpus.name}-{corpus.language}-{config}",
                         advice if config == "advice" else {})
            built = {path: read_page(text) for path, text in html.items()}
            about = {page.path: page.about for page in corpus.pages}
            figures, missed = _recall(built, plain, names, about)
            marks = [(path, m) for path, page in built.items() for m in page.marks]
            figures["marks"] = len(marks)
            figures["marked_pages"] = sum(1 for page in built.values() if page.marks)
            figures["misplaced"] = sum(len(page.misplaced) for page in built.values())
            figures["missed_name_links"] = missed[:400]
            figures["precision"], pending = _precision(
                corpus, marks, built, sample, judgements, config
            )
            unjudged += pending
            result[config] = figures
    return result, unjudged


def _recall(
    built: dict[str, PageText],
    plain: dict[str, PageText],
    names: dict[str, str],
    about: dict[str, str | None],
) -> tuple[dict[str, Any], list[str]]:
    """Hand links recalled; a link from a term's own page to itself is left out, since the
    plugin does not link a term there on purpose. `placed` also counts a link whose mention
    just before it is marked: The Turing Way writes "co-authors [def]", the link on "def"."""
    links = found = name_links = name_found = placed = 0
    missed: list[str] = []
    for path, page in built.items():
        for link in _aligned(page, plain[path]):
            if link.term not in names or link.term == about.get(path):
                continue
            hit = any(m.term == link.term and m.start < link.end and link.start < m.end
                      for m in page.marks)
            named = is_name_link(link.text, names[link.term])
            links += 1
            found += hit
            placed += hit or any(m.term == link.term and 0 <= link.start - m.end <= 3
                                 for m in page.marks)
            name_links += named
            name_found += named and hit
            if not hit:
                missed.append(f"{'name ' if named else ''}{path}: '{link.text}' → {link.term}")
    return {
        "hand_links": links, "recalled": found, "name_links": name_links,
        "name_recalled": name_found, "placed": placed,
    }, missed


def _precision(
    corpus: Corpus,
    marks: list[tuple[str, Mark]],
    built: dict[str, PageText],
    size: int,
    judgements: Judgements,
    config: str,
) -> tuple[dict[str, Any], list[dict[str, str]]]:
    # The sample is the `size` marks whose keys hash lowest: a mark that appears or vanishes
    # (after a change of the linker) changes the sample by that mark only.
    salt = f"{corpus.name}/{corpus.language}/{config}/"
    keyed = sorted(
        (f"{path}:{m.start}:{m.term}", path, m) for path, m in marks
    )
    chosen = sorted(sorted(keyed, key=lambda item: hashlib.sha256(
        (salt + item[0]).encode("utf-8")).hexdigest())[:size])
    yes = no = 0
    pending = []
    for key, path, mark in chosen:
        verdict = judgements.verdicts.get((corpus.name, corpus.language, key))
        if verdict is None:
            text = built[path].text
            pending.append({
                "corpus": corpus.name, "language": corpus.language, "key": key,
                "text": mark.text, "term": mark.term,
                "context": " ".join(
                    f"{text[max(0, mark.start - 90):mark.start]}[[{mark.text}]]"
                    f"{text[mark.end:mark.end + 90]}".split()
                ),
            })
        elif verdict:
            yes += 1
        else:
            no += 1
    low, high = _wilson(yes, yes + no)
    return {"sampled": len(chosen), "judged": yes + no, "correct": yes,
            "interval": [round(low, 3), round(high, 3)]}, pending


def write_unjudged(rows: Iterable[dict[str, str]], path: Path) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, delimiter="\t")
        writer.writerow(["corpus", "language", "key", "text", "verdict", "note", "term", "context"])
        for row in rows:
            writer.writerow([row["corpus"], row["language"], row["key"], row["text"], "", "",
                             row["term"], row["context"]])
            count += 1
    return count
