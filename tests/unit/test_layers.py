"""The layers of ARCHITECTURE.md hold: the core runs without MkDocs, and import-linter's
contracts (pyproject.toml) are kept."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap

from conftest import ROOT

# Modules a host-free user (Zensical, plain Python-Markdown, the CLI) imports.
CORE = (
    "mkdocs_faq_plugin.kb.knowledge",
    "mkdocs_faq_plugin.kb.loading",
    "mkdocs_faq_plugin.terms.matcher",
    "mkdocs_faq_plugin.terms.report",
    "mkdocs_faq_plugin.pages.render",
    "mkdocs_faq_plugin.pages.export",
    "mkdocs_faq_plugin.pages.jsonld",
    "mkdocs_faq_plugin.linker",
    "mkdocs_faq_plugin.markdown",
    "mkdocs_faq_plugin.macros",
    "mkdocs_faq_plugin.cli",
    "mkdocs_faq_plugin.cli.prebuilt",
    "mkdocs_faq_plugin.cli.scan",
)

# A meta-path finder that refuses MkDocs and ProperDocs, as on a machine without them.
_BLOCK = textwrap.dedent(
    """
    import importlib.abc, sys

    class NoMkDocs(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("mkdocs", "properdocs", "material"):
                raise ModuleNotFoundError(f"No module named {name!r}", name=name)
            return None

    sys.meta_path.insert(0, NoMkDocs())
    """
)


def test_the_core_imports_and_works_where_mkdocs_cannot_be_imported(tmp_path) -> None:
    (tmp_path / "faq.yml").write_text(
        "questions:\n"
        "  - id: what\n"
        "    question: What is a widget?\n"
        "    answer: A small [tool](glossary:tool).\n"
        "glossary:\n"
        "  - term: tool\n"
        "    definition: Something that helps.\n"
        "    annotate: true\n",  # an everyday word, marked below in "Use a tool."
        encoding="utf-8",
    )
    script = _BLOCK + textwrap.dedent(
        f"""
        import importlib
        for name in {CORE!r}:
            importlib.import_module(name)
        try:
            import mkdocs
        except ModuleNotFoundError:
            pass
        else:
            raise SystemExit("mkdocs was importable: the block did not work")
        import markdown
        from mkdocs_faq_plugin.kb.loading import load_knowledge_base
        from mkdocs_faq_plugin.layout import SiteLayout
        from mkdocs_faq_plugin.pages.labels import labels_for
        from mkdocs_faq_plugin.pages.render import render_pages
        from mkdocs_faq_plugin.markdown import FaqExtension
        kb = load_knowledge_base("faq.yml", {str(tmp_path)!r})
        pages = render_pages(kb, SiteLayout(kb), labels_for(None))
        assert any(p.src_path == "glossary.md" for p in pages), pages
        html = markdown.markdown("Use a tool.", extensions=[FaqExtension(faq_file={str(tmp_path / "faq.yml")!r})])
        assert 'class="faq-term"' in html, html
        leaked = sorted(m for m in sys.modules if m.split(".")[0] in ("mkdocs", "properdocs"))
        assert not leaked, leaked
        print("core ok")
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "core ok" in result.stdout


def test_the_import_contracts_are_kept() -> None:
    """`lint-imports` reads `[tool.importlinter]`: layers, MkDocs only in the adapter, no cycles."""
    executable = shutil.which("lint-imports", path=os.path.dirname(sys.executable)) or shutil.which("lint-imports")
    assert executable, "import-linter is part of the test extra"
    result = subprocess.run(
        [executable, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_the_package_root_stays_small() -> None:
    """One package per concept: the root holds the shared ground floor and public shims only."""
    package = ROOT / "mkdocs_faq_plugin"
    modules = sorted(p.name for p in package.glob("*.py"))
    assert len(modules) <= 8, modules
    too_long = {
        str(p.relative_to(package)): n
        for p in package.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 450
    }
    assert not too_long, too_long
