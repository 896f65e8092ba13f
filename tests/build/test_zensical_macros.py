"""Our macros inside Zensical builds: `mkdocs_faq_plugin.zensical` for Zensical's own
`macros` extension (`modules = [...]`, which calls `define_env(env)`).

The module is tested with a stand-in for Zensical's `MacroEnv` (its documented surface:
`conf`, `project_dir`, `page`, `macro`, `variables`), then in a real `zensical build` when
Zensical is installed (the `zensical` extra; scripts/host-check also runs this file in a
venv holding the wheel and Zensical 0.0.73).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from conftest import MINIMAL_FAQ

from mkdocs_faq_plugin import zensical as faq_zensical


class FakeEnv:
    def __init__(self, root: Path, conf: dict[str, Any] | None = None, page: str = "index.md") -> None:
        self.conf = {"root_dir": str(root), **(conf or {})}
        self.project_dir = str(root)
        self.page = SimpleNamespace(path=page)
        self.macros: dict[str, Any] = {}
        self.variables: dict[str, Any] = {}

    def macro(self, function: Any, name: str | None = None) -> Any:
        self.macros[name or function.__name__] = function
        return function


def test_define_env_gives_every_macro_and_the_knowledge_base(tmp_path: Path) -> None:
    (tmp_path / "faq.yml").write_text(MINIMAL_FAQ, encoding="utf-8")
    env = FakeEnv(tmp_path)
    faq_zensical.define_env(env)
    assert set(env.macros) == {"faq_entry", "faq_link", "faq_list", "glossary_term", "glossary_link"}
    assert [q.id for q in env.variables["faq"].questions] == ["what-is-a-widget", "tuning-widgets"]
    assert env.macros["glossary_term"]("FM") == "A large model trained on broad data\\."  # Markdown-escaped
    assert env.macros["faq_link"]("tuning-widgets") == "[How do I tune a widget?](faq:tuning-widgets)"


def test_the_extension_options_name_the_file(tmp_path: Path) -> None:
    (tmp_path / "kb").mkdir()
    (tmp_path / "kb" / "answers.yml").write_text(MINIMAL_FAQ, encoding="utf-8")
    conf = {"mdx_configs": {"mkdocs_faq_plugin.markdown": {"faq_file": "kb/answers.yml"}}}
    env = FakeEnv(tmp_path, conf)
    faq_zensical.define_env(env)
    assert env.macros["faq_list"](category="usage") == "- [How do I tune a widget?](faq:tuning-widgets)\n"


def test_an_unknown_id_is_an_error_naming_page_and_id(tmp_path: Path) -> None:
    (tmp_path / "faq.yml").write_text(MINIMAL_FAQ, encoding="utf-8")
    env = FakeEnv(tmp_path, page="guide/setup.md")
    faq_zensical.define_env(env)
    with pytest.raises(faq_zensical.UnknownEntry) as raised:
        env.macros["faq_entry"]("what-is-a-widgte")
    assert str(raised.value) == (
        "guide/setup.md: faq_entry: unknown question id 'what-is-a-widgte'; "
        "did you mean 'what-is-a-widget'?"
    )


def test_the_module_does_not_import_mkdocs() -> None:
    code = (
        "import sys, mkdocs_faq_plugin.zensical\n"
        "loaded = [m for m in sys.modules if m == 'mkdocs' or m.startswith('mkdocs.')]\n"
        "sys.exit(str(loaded) if loaded else 0)\n"
    )
    process = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert process.returncode == 0, process.stdout + process.stderr


ZENSICAL_TOML = """\
[project]
site_name = "Macros"
[project.markdown_extensions.toc]
[project.markdown_extensions.attr_list]
[project.markdown_extensions."mkdocs_faq_plugin.markdown"]
faq_file = "faq.yml"
[project.plugins.macros]
modules = ["mkdocs_faq_plugin.zensical"]
on_error_fail = true
"""

PAGE = """\
# Home

{{ faq_entry("what-is-a-widget") }}

{{ faq_list(category="usage") }}

FM means: {{ glossary_term("FM") }} ({{ faq.glossary | length }} terms).
"""


def _zensical_site(root: Path, page: str) -> subprocess.CompletedProcess[str]:
    pytest.importorskip("zensical", reason="needs the zensical extra: pip install -e '.[zensical]'")
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text(page, encoding="utf-8")
    (root / "faq.yml").write_text(MINIMAL_FAQ, encoding="utf-8")
    (root / "zensical.toml").write_text(ZENSICAL_TOML, encoding="utf-8")
    bindir = Path(sys.executable).parent
    env = {**os.environ, "NO_COLOR": "1", "PATH": f"{bindir}{os.pathsep}{os.environ['PATH']}"}
    generate = subprocess.run(
        [str(bindir / "mkdocs-faq"), "generate"], cwd=root, capture_output=True, text=True, env=env,
        check=False,
    )  # fmt: skip
    assert generate.returncode == 0, generate.stderr
    return subprocess.run(
        [sys.executable, "-m", "zensical", "build", "--clean"], cwd=root, capture_output=True,
        text=True, env=env, timeout=300, check=False,
    )  # fmt: skip


def test_a_zensical_build_runs_the_macros(tmp_path: Path) -> None:
    build = _zensical_site(tmp_path, PAGE)
    assert build.returncode == 0, build.stdout + build.stderr
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert '<a href="faq/basics/#what-is-a-widget">What is a widget?</a>' in html
    assert '<a href="faq/usage/#tuning-widgets">How do I tune a widget?</a>' in html
    assert "</a> means: A large model trained on broad data. (3 terms).</p>" in html
    assert 'data-faq-term="parameter"' in html  # the entry's answer is annotated like any text


def test_a_zensical_build_fails_on_an_unknown_id(tmp_path: Path) -> None:
    build = _zensical_site(tmp_path, '# Home\n\n{{ faq_entry("no-such-question") }}\n')
    output = build.stdout + build.stderr
    assert build.returncode != 0, output
    assert "unknown question id 'no-such-question'" in output
