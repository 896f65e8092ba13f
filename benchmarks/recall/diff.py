"""`python -m benchmarks recall-diff BEFORE AFTER`: the marks one build makes that another did not.

The sample behind the precision figures only sees a change of the linker through the few
marks it adds to the sample. To claim that a change makes no new wrong marks, every mark it
adds must be judged: run `python -m benchmarks recall --workdir BEFORE` with the old plugin and
`--workdir AFTER` with the new one, then this command lists each mark of AFTER missing from
BEFORE (same corpus, language and setting), with its judgement from `judgements.tsv` if any.
Unjudged ones are written in the `--unjudged` format, to judge and append.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path
from typing import Any

from .measure import read_page
from .run import JUDGEMENTS, Judgements

__all__ = ["add_parser", "main"]


def add_parser(sub: Any) -> None:
    diff = sub.add_parser("recall-diff", help="marks a recall build adds over an earlier one")
    diff.add_argument("before", type=Path, help="--workdir of the earlier `recall` run")
    diff.add_argument("after", type=Path, help="--workdir of the later `recall` run")
    diff.add_argument("--judgements", type=Path, default=JUDGEMENTS)


def site_marks(site: Path) -> dict[str, tuple[str, str, str]]:
    """Key (`page.md:offset:term`, as in judgements.tsv) → (marked text, term, context), on
    the corpus's pages (those in the build's docs/), not on the FAQ and glossary we made."""
    found = {}
    docs = site.parent / "docs"
    for source in sorted(docs.rglob("*.md")):
        relative = source.relative_to(docs).with_suffix(".html").as_posix()
        page = read_page((site / relative).read_text(encoding="utf-8"))
        for mark in page.marks:
            text = page.text
            context = " ".join(f"{text[max(0, mark.start - 90):mark.start]}[[{mark.text}]]"
                               f"{text[mark.end:mark.end + 90]}".split())
            found[f"{relative[:-len('.html')]}.md:{mark.start}:{mark.term}"] = (
                mark.text, mark.term, context)
    return found


def main(args: argparse.Namespace) -> int:
    judgements = Judgements.load(args.judgements)
    writer = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    writer.writerow(["corpus", "language", "key", "text", "verdict", "note", "term", "context"])
    totals = {"yes": 0, "no": 0, "": 0}
    for after_site in sorted(args.after.glob("*/*/site")):
        build = after_site.parent.relative_to(args.after)
        before_site = args.before / build / "site"
        if not before_site.is_dir():
            print(f"{build}: not in {args.before}", file=sys.stderr)
            continue
        corpus, name = build.parts[0], build.parts[1]
        language = name[len(corpus) + 1:].rsplit("-", 1)[0]
        before, after = site_marks(before_site), site_marks(after_site)
        added = sorted(set(after) - set(before))
        print(f"{build}: {len(before)} marks before, {len(after)} after, {len(added)} added",
              file=sys.stderr)
        for key in added:
            text, term, context = after[key]
            verdict = judgements.verdicts.get((corpus, language, key))
            shown = "" if verdict is None else "yes" if verdict else "no"
            totals[shown] += 1
            writer.writerow([corpus, language, key, text, shown, "", term, context])
    print(f"added marks: {totals['yes']} judged right, {totals['no']} judged wrong, "
          f"{totals['']} not judged", file=sys.stderr)
    return 1 if totals["no"] or totals[""] else 0
