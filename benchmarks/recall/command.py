"""`python -m benchmarks recall`: the recall/precision benchmark in one command.

    python -m benchmarks recall                                  # the shipped mini corpus
    python -m benchmarks recall --cncf ~/src/glossary --turing-way ~/src/the-turing-way

With checkouts, the figures go to `benchmarks/recall/results.json` and to the recall section
of `docs/benchmarks.md`; the mini corpus (our own text under `tests/data/recall/`, in the
same two layouts) only checks that everything runs, and writes to `benchmarks/out/`.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from ..configs import REPO_ROOT
from .corpus import Corpus, read_hugo, read_myst
from .kubernetes import read_kubernetes
from .report import write_section
from .run import JUDGEMENTS, Judgements, measure_corpus, write_unjudged

__all__ = ["add_parser", "main"]

MINI = REPO_ROOT / "tests" / "data" / "recall"
RESULTS = Path(__file__).with_name("results.json")
SAMPLES = {"turing-way": 120, "cncf": 60}


def add_parser(sub: Any) -> None:
    rec = sub.add_parser("recall", help="recall and precision of annotation on real glossaries")
    rec.add_argument("--cncf", type=Path, metavar="DIR",
                     help="a checkout of the CNCF Cloud Native Glossary (cncf/glossary)")
    rec.add_argument("--turing-way", type=Path, metavar="DIR",
                     help="a checkout of The Turing Way (the-turing-way/the-turing-way)")
    rec.add_argument("--kubernetes", type=Path, metavar="DIR",
                     help="a checkout of the Kubernetes documentation (kubernetes/website)")
    rec.add_argument("--languages", default="en,ko,ja,zh-cn,ru,de",
                     help="languages of the CNCF glossary to measure "
                     "(default en,ko,ja,zh-cn,ru,de)")
    rec.add_argument("--kubernetes-languages", default="uk,ru,de,pl",
                     help="languages of the Kubernetes documentation to measure "
                     "(default uk,ru,de,pl)")
    rec.add_argument("--sample", type=int, metavar="N",
                     help="marks to judge per corpus and setting (default: 120 for The "
                     "Turing Way, 60 per language of the CNCF glossary)")
    rec.add_argument("--results", type=Path, help=f"where to write the figures (default "
                     f"{RESULTS.relative_to(REPO_ROOT)} with checkouts, benchmarks/out otherwise)")
    rec.add_argument("--report", type=Path, default=REPO_ROOT / "docs" / "benchmarks.md",
                     help="page whose recall section is rewritten (with checkouts only)")
    rec.add_argument("--judgements", type=Path, default=JUDGEMENTS)
    rec.add_argument("--unjudged", type=Path, metavar="FILE",
                     help="write the sampled marks that have no judgement yet, with context")
    rec.add_argument("--workdir", type=Path, help="keep the built sites here")


def _corpora(args: argparse.Namespace) -> tuple[list[Corpus], bool]:
    languages = [code.strip() for code in args.languages.split(",") if code.strip()]
    real = args.cncf is not None or args.turing_way is not None or args.kubernetes is not None
    cncf, turing = (args.cncf, args.turing_way) if real else (MINI / "hugo", MINI / "myst")
    corpora: list[Corpus] = []
    if cncf is not None:
        corpora += [read_hugo(cncf, language, "cncf" if real else "mini-hugo")
                    for language in languages if real or (cncf / "content" / language).is_dir()]
    if turing is not None:
        corpora.append(read_myst(turing, "turing-way" if real else "mini-myst"))
    if args.kubernetes is not None:
        corpora += [read_kubernetes(args.kubernetes, code.strip())
                    for code in args.kubernetes_languages.split(",") if code.strip()]
    return corpora, real


def main(args: argparse.Namespace) -> int:
    try:
        corpora, real = _corpora(args)
    except FileNotFoundError as exc:
        print(f"error: {exc}")
        return 2
    judgements = Judgements.load(args.judgements)
    results: list[dict[str, Any]] = []
    pending: list[dict[str, str]] = []
    for corpus in corpora:
        size = args.sample if args.sample is not None else SAMPLES.get(corpus.name, 60)
        workdir = args.workdir / corpus.name if args.workdir else None
        figures, unjudged = measure_corpus(corpus, sample=size, judgements=judgements,
                                           workdir=workdir)
        results.append(figures)
        pending += unjudged
        print(_summary(figures), flush=True)
    path = args.results or (RESULTS if real else REPO_ROOT / "benchmarks" / "out" / "recall.json")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"figures: {path}")
    if real:
        write_section(results, args.report)
        print(f"wrote the recall section of {args.report}")
    if args.unjudged:
        count = write_unjudged(pending, args.unjudged)
        print(f"{count} sampled marks without a judgement: {args.unjudged}")
    elif pending:
        print(f"{len(pending)} sampled marks have no judgement (see --unjudged)")
    misplaced = sum(r[c]["misplaced"] for r in results for c in ("default", "advice"))
    return 1 if misplaced else 0


def _summary(figures: dict[str, Any]) -> str:
    parts = [f"{figures['corpus']} {figures['language']}:"]
    for config in ("default", "advice"):
        f = figures[config]
        precision = f["precision"]
        judged = (f"{precision['correct']}/{precision['judged']}" if precision["judged"]
                  else "unjudged")
        parts.append(
            f"{config}: name links {f['name_recalled']}/{f['name_links']}, all links "
            f"{f['recalled']}/{f['hand_links']} (with the mention before: {f['placed']}), "
            f"{f['marks']} marks, precision {judged}, "
            f"misplaced {f['misplaced']}"
        )
    return " ".join(parts[:1]) + "\n  " + "\n  ".join(parts[1:])
