"""Generated pages are backed by real files that any plugin may read, and removed afterwards."""

from __future__ import annotations

import json
import os
from pathlib import Path

from conftest import build_cli, build_in_process

# A hook standing in for plugins that open `abs_src_path` (rss, static-i18n, git plugins):
# it records what our pages offer while the build runs.
RECORDING_HOOK = """\
import json, os

seen = {}

def on_page_markdown(markdown, page, config, files):
    file = page.file
    if file.generated_by:
        with open(file.abs_src_path, encoding="utf-8") as stream:
            on_disk = stream.read()
        seen[file.src_uri] = {
            "abs_src_path": file.abs_src_path,
            "same_content": on_disk == file.content_string,
            "inside_docs_dir": os.path.abspath(file.abs_src_path).startswith(os.path.abspath(config.docs_dir)),
            "edit_uri": file.edit_uri,
        }
    return markdown

def on_post_build(config):
    with open(os.path.join(config.config_file_path + ".seen.json"), "w") as stream:
        json.dump(seen, stream)
"""


def _seen(config: Path) -> dict[str, dict[str, object]]:
    return json.loads(Path(f"{config}.seen.json").read_text(encoding="utf-8"))


def test_pages_have_real_source_files_removed_after_the_build(project) -> None:
    config = project(config={"plugins": ["search", "faq"], "hooks": ["record.py"]})
    (config.parent / "record.py").write_text(RECORDING_HOOK, encoding="utf-8")
    site = build_cli(config, strict=True)
    assert site.returncode == 0, site.output
    seen = _seen(config)
    assert set(seen) == {"faq/index.md", "faq/basics.md", "faq/usage.md", "glossary.md"}
    for src, facts in seen.items():
        assert facts["same_content"], src
        assert not facts["inside_docs_dir"], src  # docs_dir is never written
        assert facts["edit_uri"] == "../faq.yml"  # the edit link opens faq.yml
        assert not os.path.exists(str(facts["abs_src_path"])), f"{src} was left behind"
    assert not os.path.exists(os.path.dirname(os.path.dirname(str(seen["faq/index.md"]["abs_src_path"]))))


def test_a_rebuild_by_the_same_instance_drops_pages_no_longer_generated(project) -> None:
    """`mkdocs serve` keeps one plugin instance: a removed category's page must not linger."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config_path = project()
    config = load_config(str(config_path))
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        build(config)
        plugin = config.plugins["faq"]
        folder = Path(plugin.backing.path)
        assert sorted(p.name for p in folder.rglob("*.md")) == ["basics.md", "glossary.md", "index.md", "usage.md"]
        text = (config_path.parent / "faq.yml").read_text(encoding="utf-8")
        text = text.replace("  - id: usage\n    title: Using widgets\n", "").replace("category: usage", "category: basics")
        (config_path.parent / "faq.yml").write_text(text, encoding="utf-8")
        config = load_config(str(config_path))
        assert config.plugins["faq"] is plugin  # as in serve: plugins with on_startup are kept
        build(config)
        assert sorted(p.name for p in folder.rglob("*.md")) == ["basics.md", "glossary.md", "index.md"]
    finally:
        config.plugins.on_shutdown()
    assert not folder.exists()


def test_in_process_builds_clean_up_too(project) -> None:
    site = build_in_process(project(), strict=True)
    assert site.warnings == []
    assert (site.site_dir / "faq" / "basics" / "index.html").is_file()
