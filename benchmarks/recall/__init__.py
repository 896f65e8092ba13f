"""Recall and precision of term annotation on real, hand-linked glossaries (issue 16).

`python -m benchmarks recall` — see `benchmarks/README.md` and `docs/benchmarks.md`.
"""
