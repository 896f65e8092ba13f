"""Deterministic synthetic MkDocs site for the glossary/FAQ benchmarks.

Everything comes from one `random.Random(seed)`: the same `SiteSpec` always produces
byte-identical files, so every configuration builds exactly the same pages.

Layout of a generated site (`ROOT`):

```
ROOT/faq.yml                 the knowledge base, in the faq plugin's schema
ROOT/macros-data.yml         the same questions under `faq:` for the mkdocs-macros peer
ROOT/manifest.json           what the verifier expects (code, inline code, mention counts)
ROOT/docs/                   pages + static faq.md / glossary.md (plain, abbr, macros)
ROOT/docs/includes/          abbreviation files auto-appended by pymdownx.snippets (abbr)
ROOT/docs_ezglossary/        the same pages with mentions in `<glossary:TERM>` syntax
ROOT/docs_ours/              the same pages, no faq.md / glossary.md: the plugin makes them
ROOT/docs_prebuilt/          the same pages; the runner adds `mkdocs-faq generate`'s output
ROOT/mkdocs.CONFIG.yml       one MkDocs configuration per benchmarked configuration
```

Made-up terms never collide with the filler vocabulary (or with each other, including
aliases), so every match in the output is a real mention.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import yamlout

DEFAULT_SEED = 20240601
PREBUILT_DOCS = "docs_prebuilt"
"""The pages of docs_ours plus what `mkdocs-faq generate` writes (the runner runs it)."""
DOCS_FOLDERS = ("docs", "docs_ezglossary", "docs_ours", PREBUILT_DOCS)
SECTION_SIZE = 50
EZ_SECTION = "glossary"

_FUNCTION = """the a of to and in for with on that this is are be by as from at
it can when your you our we""".split()
_NOUN = """data system service request user value file config node cluster
network storage memory process thread build release version update change
setting option feature report event record field table query result error
warning message state time rate limit size load path policy rule role team
project owner client server host port key token layer module package library
script test check step stage run job task queue batch stream window cycle
range level mode scope site page guide reference overview detail summary
example note issue support""".split()
_ADJ = """default custom local remote global shared primary secondary internal
external early late new old large small fast slow safe simple full partial
manual automatic""".split()
_OTHER = """quickly usually often always never first next last each every other
same different several many most before after during between under over into
through without within across""".split()
_VERB3 = """handles stores reads writes sends receives checks validates updates
creates removes starts stops keeps tracks reports uses needs supports
returns""".split()
_VERB = """configure enable disable inspect monitor deploy rotate migrate
restore""".split()
FILLER: tuple[str, ...] = tuple(_FUNCTION + _NOUN + _ADJ + _OTHER + _VERB3 + _VERB)
_CONTENT_WORDS: tuple[str, ...] = FILLER[len(_FUNCTION):]

HEAD_NOUNS = ("cache", "engine", "ledger", "shard", "daemon", "index", "bridge",
              "relay", "vault", "gateway", "beacon", "spool")
CATEGORIES = ("Installation", "Configuration", "Troubleshooting", "Performance",
              "Security", "Integration")
TAGS = ("setup", "upgrade", "cli", "api", "limits", "auth", "logging",
        "backup", "network", "storage", "latency", "plugins")
_ONSETS = ("b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z",
           "br", "dr", "kr", "pl", "tr", "st", "qu", "gl", "fl", "sn", "zh", "vr")
_VOWELS = ("a", "e", "i", "o", "u")
_CODAS = ("", "n", "r", "x", "l", "m", "k", "nd", "rt", "sk")
_ACRONYM_LETTERS = "BCDFGHJKLMNPQRSTVWXZ"


@dataclass(frozen=True)
class SiteSpec:
    """The size of a synthetic site."""

    pages: int
    terms: int
    questions: int
    seed: int = DEFAULT_SEED

    def __post_init__(self) -> None:
        if self.pages < 2 or self.terms < 1 or self.questions < 0:
            raise ValueError("a site needs pages >= 2, terms >= 1, questions >= 0")

    @property
    def slug(self) -> str:
        return f"p{self.pages}-t{self.terms}-q{self.questions}-s{self.seed}"


@dataclass(frozen=True)
class Term:
    id: str
    term: str
    aliases: tuple[str, ...]
    definition: str


@dataclass(frozen=True)
class Mention:
    """A place where prose mentions a glossary term, written as `surface`."""

    term_index: int
    surface: str


Segment = str | Mention
Block = str | list[Segment] | tuple[str, list[list[Segment]]]
"""A raw Markdown block (same in every variant), a prose paragraph, or ("list", items)."""


@dataclass
class PageRecord:
    src: str
    code: list[str]
    inline_code: list[str]
    mentions: int
    ez_links: int


@dataclass
class Manifest:
    spec: SiteSpec
    pages: list[PageRecord] = field(default_factory=list)
    faq_mentions: int = 0
    faq_ez_links: int = 0
    prose_words: int = 0

    @property
    def expected_mentions(self) -> int:
        """Prose mentions of terms written by the generator (pages + FAQ answers)."""
        return sum(p.mentions for p in self.pages) + self.faq_mentions

    @property
    def expected_ez_links(self) -> int:
        return sum(p.ez_links for p in self.pages) + self.faq_ez_links

    def to_json(self) -> dict[str, object]:
        return {
            "pages": self.spec.pages, "terms": self.spec.terms,
            "questions": self.spec.questions, "seed": self.spec.seed,
            "faq_mentions": self.faq_mentions, "faq_ez_links": self.faq_ez_links,
            "prose_words": self.prose_words,
            "page_list": [vars(p) for p in self.pages],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Manifest:
        spec = SiteSpec(int(data["pages"]), int(data["terms"]), int(data["questions"]),
                        int(data["seed"]))
        pages = [PageRecord(**p) for p in data["page_list"]]
        return cls(spec, pages, int(data["faq_mentions"]), int(data["faq_ez_links"]),
                   int(data["prose_words"]))


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def page_path(i: int) -> str:
    return f"section-{i // SECTION_SIZE + 1:02d}/page-{i + 1:04d}.md"


# ----------------------------------------------------------------------------- terms
class _Names:
    """Hands out made-up words and acronyms that collide with nothing else."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.lower: set[str] = set(FILLER) | set(HEAD_NOUNS) | {n + "s" for n in HEAD_NOUNS}
        self.upper: set[str] = set()

    def word(self) -> str:
        rng = self.rng
        while True:
            syllables = rng.choice((2, 2, 3))
            w = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(syllables))
            w += rng.choice(_CODAS)
            if (len(w) >= 5 and w not in self.lower and w + "s" not in self.lower
                    and w.upper() not in self.upper):
                self.lower.update((w, w + "s"))
                return w

    def acronym(self) -> str:
        rng = self.rng
        while True:
            a = "".join(rng.choice(_ACRONYM_LETTERS) for _ in range(rng.choice((3, 3, 4))))
            if a not in self.upper and not {a.lower(), a.lower() + "s"} & self.lower:
                self.upper.update((a, a + "s"))
                self.lower.update((a.lower(), a.lower() + "s"))
                return a


def make_terms(rng: random.Random, count: int) -> list[Term]:
    names = _Names(rng)
    terms: list[Term] = []
    for i in range(count):
        kind = rng.random()
        aliases: list[str] = []
        if kind < 0.5:
            term = names.word()
            if rng.random() < 0.7:
                aliases.append(term + "s")
        elif kind < 0.75:
            head = names.word()
            noun = HEAD_NOUNS[i % len(HEAD_NOUNS)]
            term = f"{head} {noun}"
            if rng.random() < 0.7:
                aliases.append(f"{head} {noun}s")
        else:
            term = names.acronym()
            if rng.random() < 0.5:
                aliases.append(term + "s")
        if rng.random() < 0.2:
            aliases.append(names.word())  # a legacy name
        adj = rng.choice(_ADJ)
        article = "An" if adj[0] in "aeiou" else "A"
        definition = (f"{article} {adj} {rng.choice(HEAD_NOUNS)} that {rng.choice(_VERB3)} "
                      f"{rng.choice(_NOUN)} for the {rng.choice(_NOUN)} "
                      f"{rng.choice(HEAD_NOUNS)} (entry {i + 1}).")
        terms.append(Term(slugify(term), term, tuple(aliases), definition))
    return terms


# ----------------------------------------------------------------------------- prose
class _Prose:
    def __init__(self, rng: random.Random, terms: Sequence[Term]) -> None:
        self.rng = rng
        self.terms = terms

    def mention(self, topic: Sequence[int]) -> Mention:
        rng = self.rng
        if rng.random() < 0.9:
            index = rng.choice(topic)
        else:
            index = rng.randrange(len(self.terms))
        entry = self.terms[index]
        surface = entry.term
        if entry.aliases and rng.random() < 0.25:
            surface = rng.choice(entry.aliases)
        return Mention(index, surface)

    def sentence(self, topic: Sequence[int], words: int) -> list[Segment]:
        rng = self.rng
        segs: list[Segment] = [rng.choice(_CONTENT_WORDS).capitalize()]
        for _ in range(words - 1):
            segs.append(" ")
            segs.append(self.mention(topic) if rng.random() < 0.085 else rng.choice(FILLER))
        segs.append(".")
        return segs

    def paragraph(self, topic: Sequence[int], target_words: int) -> tuple[list[Segment], int]:
        segs: list[Segment] = []
        words = 0
        while words < target_words:
            n = self.rng.randint(8, 16)
            if segs:
                segs.append(" ")
            segs.extend(self.sentence(topic, n))
            words += n
        return segs, words


def render_segments(segs: Sequence[Segment], terms: Sequence[Term], mode: str) -> tuple[str, int]:
    """Write prose. mode "bare": mentions as plain words; "ez": ezglossary link syntax.

    Returns the text and the number of mentions in it.
    """
    out: list[str] = []
    count = 0
    for seg in segs:
        if isinstance(seg, str):
            out.append(seg)
            continue
        count += 1
        if mode == "ez":
            term = terms[seg.term_index].term
            out.append(f"<{EZ_SECTION}:{term}>" if seg.surface == term
                       else f"<{EZ_SECTION}:{term}|{seg.surface}>")
        else:
            out.append(seg.surface)
    return "".join(out), count


# ----------------------------------------------------------------------------- pages
@dataclass
class _Page:
    blocks: list[Block]
    code: str
    inline_code: list[str]
    words: int


def _make_page(rng: random.Random, prose: _Prose, terms: Sequence[Term], i: int,
               n_pages: int) -> _Page:
    """~600 words: H1; three H2 sections with two paragraphs each, inline code and a fenced
    Python block in section 1, a link whose text names a term and a list in section 2.
    Headings, link text and code name terms in every variant: they must stay unannotated."""
    topic = rng.sample(range(len(terms)), min(len(terms), rng.randint(8, 14)))

    def name() -> str:
        return terms[rng.choice(topic)].term

    blocks: list[Block] = []
    words = 0

    def paragraphs(n: int) -> None:
        nonlocal words
        for _ in range(n):
            segs, w = prose.paragraph(topic, rng.randint(80, 105))
            blocks.append(segs)
            words += w

    blocks.append(f"# Page {i + 1:04d}: working with {name()}")
    blocks.append(f"## The {name()} {rng.choice(_NOUN)}")
    paragraphs(2)
    a, b, c = name(), name(), name()
    ident = f"client_{i % 97}"
    inline = [f"{a} --sync", f'{ident}.enable("{b}")']
    blocks.append(f"Run `{inline[0]}` before calling `{inline[1]}` on the "
                  f"{rng.choice(_NOUN)} {rng.choice(_NOUN)}.")
    code = (f"# {a} and {b} setup\n"
            f"import {ident}\n"
            f'conn = {ident}.connect("{a}", mode="{b}")\n'
            f'conn.enable("{c}")  # docs: <{EZ_SECTION}:{a}> and {c}\n'
            f'print(conn.status("{b}"))')
    blocks.append(f"```python\n{code}\n```")
    blocks.append(f"## The {name()} {rng.choice(_NOUN)}")
    paragraphs(2)
    rel = os.path.relpath(page_path((i + 1) % n_pages), os.path.dirname(page_path(i)))
    blocks.append(f"See [the {name()} guide]({rel.replace(os.sep, '/')}) "
                  f"for the {rng.choice(_NOUN)} details.")
    items: list[list[Segment]] = []
    for _ in range(3):
        segs = prose.sentence(topic, rng.randint(8, 12))
        items.append(segs)
        words += sum(1 for s in segs if s != " ")
    blocks.append(("list", items))
    blocks.append(f"## The {name()} {rng.choice(_NOUN)}")
    paragraphs(2)
    return _Page(blocks, code, inline, words)


def _render_page(blocks: Sequence[Block], terms: Sequence[Term], mode: str) -> tuple[str, int]:
    out: list[str] = []
    mentions = 0
    for block in blocks:
        if isinstance(block, str):
            out.append(block)
        elif isinstance(block, tuple):
            lines: list[str] = []
            for item in block[1]:
                text, n = render_segments(item, terms, mode)
                mentions += n
                lines.append(f"- {text}")
            out.append("\n".join(lines))
        else:
            text, n = render_segments(block, terms, mode)
            mentions += n
            out.append(text)
    return "\n\n".join(out) + "\n", mentions


# ----------------------------------------------------------------------------- FAQ
@dataclass
class _Question:
    id: str
    question: str
    answer_segments: list[Segment]
    category: str
    tags: list[str]
    related: list[str]


def _make_questions(rng: random.Random, prose: _Prose, terms: Sequence[Term],
                    count: int) -> list[_Question]:
    questions: list[_Question] = []
    for j in range(count):
        topic = rng.sample(range(len(terms)), min(len(terms), 4))
        term = terms[topic[0]].term
        text = f"How do I {rng.choice(_VERB)} the {term} {rng.choice(_NOUN)}?"
        first, _ = prose.paragraph(topic, rng.randint(30, 50))
        item = prose.sentence(topic, 8)
        segs: list[Segment] = [*first, f"\n\n- Run `{term} --check` first.\n- ", *item]
        questions.append(_Question(
            id=f"faq-{j + 1:04d}", question=text, answer_segments=segs,
            category=CATEGORIES[rng.randrange(len(CATEGORIES))],
            tags=sorted(set(rng.sample(TAGS, rng.randint(1, 3)))), related=[]))
    for j, q in enumerate(questions):
        if count > 1:
            picks = [x for x in rng.sample(range(count), min(count, 4)) if x != j]
            q.related = [questions[x].id for x in picks[:rng.randint(0, 3)]]
    return questions


def _static_faq_page(questions: Sequence[_Question], answers: Sequence[str]) -> str:
    """The FAQ as one ordinary Markdown page (what the plain configuration builds)."""
    out = ["# FAQ", ""]
    for category in sorted({q.category for q in questions}):
        out += [f"## {category}", ""]
        for q, answer in zip(questions, answers):
            if q.category != category:
                continue
            out += [f"### {q.question} {{ #{q.id} }}", "", answer.rstrip("\n"), "",
                    f"*Tags:* {', '.join(q.tags)}", ""]
            if q.related:
                out += ["*Related:* " + ", ".join(f"[{r}](#{r})" for r in q.related), ""]
    return "\n".join(out) + "\n"


_FAQ_MACROS_PAGE = """# FAQ

{% for cat in faq | map(attribute='category') | unique | sort %}
## {{ cat }}

{% for e in faq if e.category == cat %}
### {{ e.question }} { #{{ e.id }} }

{{ e.answer }}

*Tags:* {{ e.tags | join(', ') }}

{% if e.related %}*Related:* {% for r in e.related %}[{{ r }}](#{{ r }}){% if not loop.last %}, {% endif %}{% endfor %}
{% endif %}
{% endfor %}
{% endfor %}
"""


# ----------------------------------------------------------------------------- configs
_MARKDOWN_EXTENSIONS = """markdown_extensions:
  - toc
  - attr_list
  - def_list
  - pymdownx.highlight
  - pymdownx.superfences
"""


def _config_head(name: str, docs_dir: str, features: Sequence[str],
                 exclude: Sequence[str]) -> str:
    text = f"site_name: Glossary bench ({name})\ndocs_dir: {docs_dir}\nsite_dir: site_{name}\n"
    if exclude:
        text += "exclude_docs: |\n" + "".join(f"  {e}\n" for e in exclude)
    text += "theme:\n  name: material\n"
    if features:
        text += "  features:\n" + "".join(f"    - {f}\n" for f in features)
    return text


def mkdocs_configs() -> dict[str, str]:
    """The text of `mkdocs.NAME.yml` for every configuration the generator supports."""
    plain = (_config_head("plain", "docs", [], ["includes/", "faq-macros.md", "glossary.md"])
             + "plugins:\n  - search\n" + _MARKDOWN_EXTENSIONS)
    def ours(name: str, annotate: str) -> str:
        return (_config_head(name, "docs_ours", [], [])
                + "plugins:\n  - search\n  - faq:\n      file: faq.yml\n"
                + (f"      glossary:\n        annotate: {annotate}\n" if annotate != "first" else "")
                + _MARKDOWN_EXTENSIONS)

    prebuilt = (_config_head("prebuilt", "docs_prebuilt", [], [])
                + "extra_css:\n  - assets/faq/faq.css\nextra_javascript:\n  - assets/faq/faq.js\n"
                + "plugins:\n  - search\n" + _MARKDOWN_EXTENSIONS)

    def abbr(name: str, include: str) -> str:
        return (_config_head(name, "docs", ["content.tooltips"], ["includes/", "faq-macros.md"])
                + "plugins:\n  - search\n" + _MARKDOWN_EXTENSIONS
                + "  - abbr\n  - pymdownx.snippets:\n      base_path:\n"
                "        - !relative $docs_dir\n      check_paths: true\n"
                f"      auto_append:\n        - {include}\n")

    ezglossary = (_config_head("ezglossary", "docs_ezglossary", ["content.tooltips"],
                               ["faq-macros.md"])
                  + "plugins:\n  - search\n  - ezglossary:\n      tooltip: full\n"
                  + _MARKDOWN_EXTENSIONS)
    macros = (_config_head("macros", "docs", [], ["includes/", "faq.md", "glossary.md"])
              + "plugins:\n  - search\n  - macros:\n      include_yaml:\n"
              "        - macros-data.yml\n" + _MARKDOWN_EXTENSIONS)
    return {
        "plain": plain,
        "prebuilt": prebuilt,
        "ours": ours("ours", "first"),
        "ours-all": ours("ours-all", "all"),
        "abbr": abbr("abbr", "includes/abbreviations.md"),
        "abbr-spaced": abbr("abbr-spaced", "includes/abbreviations-spaced.md"),
        "ezglossary": ezglossary,
        "macros": macros,
    }


# ----------------------------------------------------------------------------- main
def _write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def generate(spec: SiteSpec, root: Path) -> Manifest:
    """Write the synthetic site for `spec` into `root` (docs folders are replaced)."""
    rng = random.Random(spec.seed)
    terms = make_terms(rng, spec.terms)
    prose = _Prose(rng, terms)
    for sub in DOCS_FOLDERS:
        shutil.rmtree(root / sub, ignore_errors=True)
    for sub in DOCS_FOLDERS:
        (root / sub).mkdir(parents=True)

    manifest = Manifest(spec)
    for i in range(spec.pages):
        page = _make_page(rng, prose, terms, i, spec.pages)
        bare, mentions = _render_page(page.blocks, terms, "bare")
        ez, ez_links = _render_page(page.blocks, terms, "ez")
        _write(root, f"docs/{page_path(i)}", bare)
        _write(root, f"docs_ours/{page_path(i)}", bare)
        _write(root, f"{PREBUILT_DOCS}/{page_path(i)}", bare)
        _write(root, f"docs_ezglossary/{page_path(i)}", ez)
        manifest.pages.append(PageRecord(page_path(i), [page.code], page.inline_code,
                                         mentions, ez_links))
        manifest.prose_words += page.words

    questions = _make_questions(rng, prose, terms, spec.questions)
    bare_answers: list[str] = []
    ez_answers: list[str] = []
    for q in questions:
        text, n = render_segments(q.answer_segments, terms, "bare")
        bare_answers.append(text + "\n")
        manifest.faq_mentions += n
        text, n = render_segments(q.answer_segments, terms, "ez")
        ez_answers.append(text + "\n")
        manifest.faq_ez_links += n

    categories = sorted({q.category for q in questions})
    kb: dict[str, object] = {
        "title": "Synthetic FAQ",
        "categories": [{"id": slugify(c), "title": c} for c in categories],
        "questions": [
            {"id": q.id, "question": q.question, "answer": a, "category": slugify(q.category),
             "tags": q.tags, "related": q.related}
            for q, a in zip(questions, bare_answers)
        ],
        "glossary": [
            {"term": t.term, "id": t.id, "aliases": list(t.aliases), "definition": t.definition}
            for t in terms
        ],
    }
    _write(root, "faq.yml", yamlout.dump(
        kb, f"Generated by benchmarks/sitegen.py ({spec.slug}); do not edit."))
    macros_data: dict[str, object] = {"faq": [
        {"id": q.id, "question": q.question, "answer": a, "category": q.category,
         "tags": q.tags, "related": q.related}
        for q, a in zip(questions, bare_answers)
    ]}
    _write(root, "macros-data.yml", yamlout.dump(macros_data))

    index = (f"# Glossary bench\n\nSynthetic site: {spec.pages} pages, {spec.terms} glossary "
             f"terms, {spec.questions} FAQ entries.\n")
    for docs in DOCS_FOLDERS:
        _write(root, f"{docs}/index.md", index)
    _write(root, "docs/faq.md", _static_faq_page(questions, bare_answers))
    _write(root, "docs_ezglossary/faq.md", _static_faq_page(questions, ez_answers))
    _write(root, "docs/faq-macros.md", _FAQ_MACROS_PAGE)
    _write(root, "docs/glossary.md", "# Glossary\n\n" + "".join(
        f"{t.term}\n:   {t.definition}\n\n" for t in terms))
    _write(root, "docs_ezglossary/glossary.md", "# Glossary\n\n" + "".join(
        f"{EZ_SECTION}:{t.term}\n:   {t.definition}\n\n" for t in terms))
    abbreviations = [f"*[{name}]: {t.definition}" for t in terms for name in (t.term, *t.aliases)]
    # Material's documented recipe: one definition per line (a single Markdown block).
    _write(root, "docs/includes/abbreviations.md", "\n".join(abbreviations) + "\n")
    # The same definitions one block each (a blank line between them): much cheaper to parse.
    _write(root, "docs/includes/abbreviations-spaced.md", "\n\n".join(abbreviations) + "\n")
    for name, text in mkdocs_configs().items():
        _write(root, f"mkdocs.{name}.yml", text)
    _write(root, "manifest.json", json.dumps(manifest.to_json(), indent=1) + "\n")
    return manifest


def load_manifest(root: Path) -> Manifest:
    with open(root / "manifest.json", encoding="utf-8") as f:
        return Manifest.from_json(json.load(f))
