"""Benchmarks of mkdocs-faq-plugin against a plain site and its peers.

Run `python -m benchmarks run --help`. Only the standard library is needed (matplotlib,
optional, draws the charts); the peers are the `benchmarks` extra of pyproject.toml.
"""
