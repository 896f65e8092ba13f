"""Helpers for the host tests: a small site, built by the real command line of the venv that
runs the tests (scripts/host-check makes one venv per host, holding the built wheel).

These tests run only when FAQ_HOST names the host (tests/conftest.py leaves tests/hosts/
out otherwise), since each needs its host's exact versions, which the main test venv does
not have.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import yaml
from conftest import MINIMAL_FAQ  # tests/conftest.py: the sample faq.yml every test shares

BIN = Path(sys.executable).parent
INDEX = """\
# Home

A foundation model has parameters.

This paragraph is left out of the search index; fine-tuning is mentioned here.
{ data-search-exclude }

The end.
"""
QUESTIONS = {"what-is-a-widget": "faq/basics/", "tuning-widgets": "faq/usage/"}


def assert_installed_from_wheel() -> None:
    """The package under test is the installed wheel, not this checkout."""
    import mkdocs_faq_plugin

    assert "site-packages" in mkdocs_faq_plugin.__file__, mkdocs_faq_plugin.__file__


def version(distribution: str) -> str:
    return metadata.version(distribution)


@dataclass
class Built:
    root: Path
    returncode: int
    output: str

    def html(self, path: str) -> str:
        return (self.root / "site" / path).read_text(encoding="utf-8")

    def json(self, path: str) -> Any:
        return json.loads(self.html(path))


def write_site(root: Path, config: dict[str, Any], *, name: str = "mkdocs.yml",
               docs: dict[str, str] | None = None) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "faq.yml").write_text(MINIMAL_FAQ, encoding="utf-8")
    for path, text in (docs or {"index.md": INDEX}).items():
        target = root / "docs" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text), encoding="utf-8")
    settings = {"site_name": "Host test", "site_url": "https://example.org/handbook/", **config}
    path = root / name
    path.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    return path


def build(config: Path, *, tool: str = "mkdocs", args: tuple[str, ...] = ("--strict",)) -> Built:
    env = {**os.environ, "NO_COLOR": "1", "NO_MKDOCS_2_WARNING": "1"}
    command = [str(BIN / tool), "build", "-f", str(config), *args]
    process = subprocess.run(
        command, cwd=config.parent, capture_output=True, text=True, env=env, timeout=600, check=False,
    )  # fmt: skip
    return Built(config.parent, process.returncode, process.stdout + process.stderr)


def assert_faq_site(site: Built) -> None:
    """What every host must give: the pages, marks with their definitions, no traceback."""
    assert site.returncode == 0, site.output
    assert "Traceback" not in site.output
    for qid, page in QUESTIONS.items():
        assert f'id="{qid}"' in site.html(f"{page}index.html")
    glossary = site.html("glossary/index.html")
    assert 'id="foundation-model"' in glossary
    index = site.html("index.html")
    assert 'class="faq-term" data-faq-term="foundation-model" href="glossary/#foundation-model" ' \
           'title="A large model trained on broad data."' in index
    assert 'data-faq-term="parameter"' in index
