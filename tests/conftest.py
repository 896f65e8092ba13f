"""Fixtures that build real sites with the real MkDocs (and ProperDocs) in `tmp_path`."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import _hypothesis_profile  # noqa: F401 - one hypothesis profile ("ci") for every test module
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent

WIDGET_QUESTION = """\
  - id: what-is-a-widget
    question: What is a widget?
    answer: |
      A widget is a small tool. It has many parameters; see [tuning](faq:tuning-widgets)
      and [the glossary entry](glossary:parameter).
    category: basics
    tags: [intro]
    related: [tuning-widgets]
"""
"""The first question of every sample faq.yml (here and in tests/browser/conftest.py)."""

MINIMAL_FAQ = """\
title: Widget FAQ
categories:
  - id: basics
    title: The basics
  - id: usage
    title: Using widgets
questions:
""" + WIDGET_QUESTION + """\
  - id: tuning-widgets
    question: How do I tune a widget?
    answer: Use fine-tuning on a foundation model.
    category: usage
    tags: [intro, advanced]
    sources:
      - {title: Widget manual, url: "https://example.org/manual"}
glossary:
  - term: foundation model
    aliases: [FM]
    definition: A large model trained on broad data.
  - term: parameter
    definition: A number the model learns.
  - term: fine-tuning
    definition: Further training of a pre-trained model.
"""


@dataclass
class Site:
    """A built site and what the build logged."""

    root: Path
    site_dir: Path
    logs: list[str] = field(default_factory=list)
    returncode: int = 0
    output: str = ""

    def html(self, path: str) -> str:
        return (self.site_dir / path).read_text(encoding="utf-8")

    def search_index(self) -> dict[str, Any]:
        return json.loads(self.html("search/search_index.json"))

    @property
    def warnings(self) -> list[str]:
        return [line for line in self.logs if line.startswith("WARNING")]


def write_project(
    root: Path,
    *,
    faq: str | None = MINIMAL_FAQ,
    docs: dict[str, str] | None = None,
    config: dict[str, Any] | None = None,
) -> Path:
    """Write mkdocs.yml, docs/ and faq.yml; return the mkdocs.yml path."""
    docs = {"index.md": "# Home\n\nWelcome. A foundation model has parameters.\n"} if docs is None else docs
    for name, text in docs.items():
        target = root / "docs" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text), encoding="utf-8")
    (root / "docs").mkdir(exist_ok=True)
    if faq is not None:
        (root / "faq.yml").write_text(faq, encoding="utf-8")
    settings: dict[str, Any] = {"site_name": "Test site", "plugins": ["search", "faq"]}
    settings.update(config or {})
    config_path = root / "mkdocs.yml"
    config_path.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    return config_path


def build_in_process(config_path: Path, *, strict: bool = False) -> Site:
    """Build with mkdocs' own functions, capturing its log records."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    records: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(f"{record.levelname}: {record.getMessage()}")

    handler = Collect(level=logging.DEBUG)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    previous = logger.level
    logger.setLevel(logging.INFO)
    try:
        config = load_config(str(config_path), strict=strict)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)
    return Site(config_path.parent, Path(config["site_dir"]), records)


def build_cli(config_path: Path, *, tool: str = "mkdocs", strict: bool = False) -> Site:
    """Build through the real command line (`mkdocs build` / `properdocs build`)."""
    command = [sys.executable, "-m", tool, "build", "-f", str(config_path)]
    if strict:
        command.append("--strict")
    env = {**os.environ, "NO_COLOR": "1", "NO_MKDOCS_2_WARNING": "1"}
    process = subprocess.run(command, capture_output=True, text=True, env=env, cwd=config_path.parent)
    output = process.stdout + process.stderr
    site_dir = config_path.parent / "site"
    return Site(config_path.parent, site_dir, output.splitlines(), process.returncode, output)


@pytest.fixture
def project(tmp_path: Path):
    """`project(faq=..., docs=..., config=...)` writes a site and returns its mkdocs.yml."""

    def make(**kwargs: Any) -> Path:
        return write_project(tmp_path, **kwargs)

    return make


def mkdocs_faq_executable() -> str:
    """The `mkdocs-faq` console script of this environment (next to its python), else PATH's."""
    import shutil

    beside = Path(sys.executable).parent / ("mkdocs-faq.exe" if os.name == "nt" else "mkdocs-faq")
    found = str(beside) if beside.exists() else shutil.which("mkdocs-faq")
    if found is None:
        pytest.fail("the mkdocs-faq console script is not installed (pip install -e .)")
    return found
