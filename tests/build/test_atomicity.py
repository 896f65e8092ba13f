"""A build that fails because of faq.yml or the plugin's configuration leaves the site alone.

MkDocs empties `site_dir` right after the `config` and `pre_build` events. Every problem the
plugin can know about from faq.yml and its options must therefore stop the build in
`on_config`: the previous site stays byte for byte as it was (same files, same bytes, same
modification times, nothing added), so a broken edit never takes a published site down.

Each case: build a good site, snapshot it, break one thing, build again through the real
command line, check the exit code, the message, and the snapshot.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from conftest import MINIMAL_FAQ, build_cli, write_project


def snapshot(site_dir: Path) -> dict[str, tuple[str, int] | None]:
    """Every file's digest and mtime, and every folder, under `site_dir`."""
    found: dict[str, tuple[str, int] | None] = {}
    for path in sorted(site_dir.rglob("*")):
        key = str(path.relative_to(site_dir))
        if path.is_file():
            found[key] = (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
        else:
            found[key] = None
    return found


def _set_plugin_option(root: Path, **options: object) -> None:
    config_path = root / "mkdocs.yml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    config["plugins"] = ["search", {"faq": options}]
    config_path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")


def _faq(text: str) -> Callable[[Path], None]:
    return lambda root: (root / "faq.yml").write_text(text, encoding="utf-8")


def _faq_bytes(data: bytes) -> Callable[[Path], None]:
    return lambda root: (root / "faq.yml").write_bytes(data)


def _option(**options: object) -> Callable[[Path], None]:
    return lambda root: _set_plugin_option(root, **options)


BOMB = "".join(
    ['a0: &a0 ["x","x","x","x","x","x","x","x","x","x"]\n']
    + [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 10) + "]\n" for i in range(1, 8)]
)

CASES: dict[str, tuple[Callable[[Path], None], str]] = {
    "invalid YAML": (_faq(MINIMAL_FAQ.replace("questions:", "questions: [")), "faq.yml:"),
    "duplicate id": (
        _faq(MINIMAL_FAQ.replace("id: tuning-widgets", "id: what-is-a-widget")),
        "questions[1].id 'what-is-a-widget' is used twice",
    ),
    "unknown key": (_faq(MINIMAL_FAQ.replace("    answer: Use", "    anser: Use")), "did you mean 'answer'?"),
    "dangling reference": (
        _faq(MINIMAL_FAQ.replace("related: [tuning-widgets]", "related: [tuning-widget]")),
        "questions[0].related[0] 'tuning-widget' is not a question id; did you mean 'tuning-widgets'?",
    ),
    "not UTF-8": (_faq_bytes(MINIMAL_FAQ.encode("latin-1") + "title: caf\u00e9\n".encode("latin-1")), "file is not UTF-8"),
    "empty file": (_faq(""), "faq.yml:1:1: file is empty"),
    "deleted file": (lambda root: (root / "faq.yml").unlink(), "faq.yml: file not found"),
    "alias bomb": (_faq(BOMB), "YAML expands to more than 1,000,000 values"),
    "script source": (
        _faq(MINIMAL_FAQ.replace("https://example.org/manual", "javascript:alert(1)")),
        "questions[1].sources[0].url 'javascript:alert(1)' is refused",
    ),
    "reserved category id": (
        _faq(MINIMAL_FAQ.replace("id: usage", "id: index").replace("category: usage", "category: index")),
        "categories[1].id 'index' is reserved",
    ),
    # MkDocs only warns about unknown options; `--strict` makes that fatal (before building).
    "unknown plugin option (strict)": (_option(faq_folder="help"), "Unrecognised configuration name: faq_folder"),
    "option of the wrong type": (_option(faq_dir=5), "faq_dir"),
    "invalid annotate choice": (_option(glossary={"annotate": "everything"}), "annotate"),
    "unknown label": (_option(labels={"no-such-label": "x"}), "labels"),
    "faq_dir outside docs": (_option(faq_dir="../outside"), "faq_dir '../outside' must stay inside docs_dir"),
    "glossary page outside docs": (
        _option(glossary_page="../../etc/passwd.md"),
        "glossary_page '../../etc/passwd.md' must stay inside docs_dir",
    ),
    "glossary page not Markdown": (_option(glossary_page="terms.html"), "must be a Markdown page ending in .md"),
    "glossary page on an FAQ page": (
        _option(glossary_page="faq/index.md"),
        "glossary_page 'faq/index.md' is also the path of a generated FAQ page",
    ),
    "faq file option missing": (_option(file="nowhere.yml"), "nowhere.yml: file not found"),
    "glob without match": (_option(file=["faq.d/*.yml"]), "faq.d/*.yml: no file matches this pattern"),
}

# Problems of the generated pages themselves (found while writing these tests, when the
# plugin still rendered pages in `on_files`, after MkDocs had emptied site_dir).
GENERATED_PAGE_PROBLEMS = {
    "docs page where a page is generated": (
        lambda root: (root / "docs" / "glossary.md").write_text("# Mine\n", encoding="utf-8"),
        "glossary.md exists, but the faq plugin generates that page",
    ),
    "broken template override": (
        lambda root: (
            (root / "overrides" / "faq").mkdir(parents=True),
            (root / "overrides" / "faq" / "category.md.j2").write_text("{% if %}", encoding="utf-8"),
            _set_theme(root, {"name": "mkdocs", "custom_dir": "overrides"}),
        ),
        "category.md.j2",
    ),
    "generated page excluded by exclude_docs": (
        lambda root: _set_config(root, exclude_docs="glossary.md\n"),
        "glossary.md",
    ),
}


def _set_config(root: Path, **settings: object) -> None:
    config_path = root / "mkdocs.yml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    config.update(settings)
    config_path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")


def _set_theme(root: Path, theme: dict[str, object]) -> None:
    _set_config(root, theme=theme)


def _build_good_site(root: Path):
    config = write_project(
        root,
        docs={"index.md": "# Home\n\nA foundation model has parameters and fine-tuning.\n"},
        config={"theme": {"name": "mkdocs"}},
    )
    first = build_cli(config)
    assert first.returncode == 0, first.output
    return config, first


def _check_untouched(root: Path, breaks: Callable[[Path], None], message: str, *, strict: bool = False) -> None:
    config, first = _build_good_site(root)
    before = snapshot(first.site_dir)
    assert "faq/basics/index.html" in before and "glossary/index.html" in before
    os.utime(root / "mkdocs.yml")  # the config may change below; the site may not
    breaks(root)
    second = build_cli(config, strict=strict)
    assert second.returncode == 1, second.output
    assert message in second.output, second.output
    assert "Traceback" not in second.output
    assert snapshot(first.site_dir) == before, "the failed build changed the previous site"


@pytest.mark.parametrize("case", sorted(CASES))
def test_failed_build_leaves_the_previous_site_untouched(tmp_path: Path, case: str) -> None:
    breaks, message = CASES[case]
    _check_untouched(tmp_path, breaks, message, strict="(strict)" in case)


@pytest.mark.parametrize("case", sorted(GENERATED_PAGE_PROBLEMS))
def test_generated_page_problems_leave_the_site_untouched(tmp_path: Path, case: str) -> None:
    breaks, message = GENERATED_PAGE_PROBLEMS[case]
    _check_untouched(tmp_path, breaks, message)


@pytest.mark.parametrize(
    "case",
    [
        "docs page where a page is generated",
        "broken template override",
        "generated page excluded by exclude_docs",
    ],
)
def test_generated_page_problems_stop_the_build_with_a_clear_message(tmp_path: Path, case: str) -> None:
    """Whatever happens to the old site, the message is clear and no traceback is shown."""
    breaks, message = GENERATED_PAGE_PROBLEMS[case]
    config, _ = _build_good_site(tmp_path)
    breaks(tmp_path)
    second = build_cli(config)
    assert second.returncode == 1
    assert message in second.output
    assert "Traceback" not in second.output


def test_fixing_the_error_builds_again(tmp_path: Path) -> None:
    config, _ = _build_good_site(tmp_path)
    (tmp_path / "faq.yml").write_text(MINIMAL_FAQ.replace("questions:", "questions: ["), encoding="utf-8")
    assert build_cli(config).returncode == 1
    (tmp_path / "faq.yml").write_text(MINIMAL_FAQ.replace("What is a widget?", "What is a gadget?"), encoding="utf-8")
    third = build_cli(config)
    assert third.returncode == 0, third.output
    assert "What is a gadget?" in third.html("faq/basics/index.html")
