"""`mkdocs-faq check --aliases DOCS_DIR`: hand links whose words no form of the term matches
are each noted once, as an alias to add; what the linker already finds is not."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from conftest import mkdocs_faq_executable

FAQ = """\
language: en
glossary:
  - term: Node
    definition: A worker machine.
  - term: Scalability
    definition: How a system grows with its load.
  - term: Pod
    definition: A group of containers.
  - term: Secret
    definition: Linked by hand only.
    annotate: false
"""

POLISH = """\
# Start

Uruchom na [węźle](glossary:node) i [węzłach](glossary:node) trzy [pody](glossary:pod).

See [scale](glossary:scalability), [Nodes](glossary:node) and [hasło](glossary:secret).

```
[w kodzie](glossary:node)
```
"""

ENGLISH = "# B\n\nThe [scale](glossary:Scalability) again, `[inline](glossary:node)`, [x](glossary:nope).\n"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [mkdocs_faq_executable(), *args], cwd=cwd, capture_output=True, text=True,
        encoding="utf-8", env={**os.environ, "PYTHONIOENCODING": "utf-8"}, timeout=120,
    )  # fmt: skip


def project(root: Path) -> Path:
    (root / "docs").mkdir()
    (root / "faq.yml").write_text(FAQ, encoding="utf-8")
    (root / "docs" / "index.pl.md").write_text(POLISH, encoding="utf-8")
    (root / "docs" / "b.md").write_text(ENGLISH, encoding="utf-8")
    return root


def test_each_word_no_form_matches_is_one_note_at_its_first_link(tmp_path: Path) -> None:
    process = run("check", "--strict", "--aliases", "docs", cwd=project(tmp_path))
    assert process.returncode == 0, process.stdout  # notes are advice
    notes = [line for line in process.stdout.splitlines() if ": note: " in line]
    assert notes == [
        "docs/b.md:3:5: note: glossary term 'Scalability': the pages link 'scale' to it by hand "
        "(2 links on 2 pages), and no form of its names matches it; add 'scale' to its aliases "
        "to have it marked on every page",
        "docs/index.pl.md:3:12: note: glossary term 'Node': the pages link 'węźle' to it by hand "
        "(1 link), and no form of its names matches it; add 'węźle' to its aliases in "
        "faq.pl.yml (the pages are in 'pl') to have it marked on every page",
        "docs/index.pl.md:3:37: note: glossary term 'Node': the pages link 'węzłach' to it by "
        "hand (1 link), and no form of its names matches it; add 'węzłach' to its aliases in "
        "faq.pl.yml (the pages are in 'pl') to have it marked on every page",
    ]
    # "pody" is a Polish form of the borrowed "Pod", "Nodes" an English one; code is not read,
    # an unknown target is the build's error, and `annotate: false` means linked by hand.
    assert "'pody'" not in process.stdout and "'Nodes'" not in process.stdout
    assert "w kodzie" not in process.stdout and "inline" not in process.stdout
    assert "hasło" not in process.stdout and "'x'" not in process.stdout


def test_aliases_needs_a_folder(tmp_path: Path) -> None:
    process = run("check", "--aliases", "nowhere", cwd=project(tmp_path))
    assert process.returncode == 2
    assert "--aliases: nowhere is not a folder" in process.stderr
