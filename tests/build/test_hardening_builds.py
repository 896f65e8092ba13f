"""Issue 29, "nothing lost in silence", in real builds and command-line runs: the unit
tests are in `unit/test_hardening.py`.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import MINIMAL_FAQ, build_cli, mkdocs_faq_executable, write_project
from hardening_cases import ONE_QUESTION, VECTORS, write_files, yaml_text
from mkdocs_faq_plugin.cli import main


def test_a_numeric_id_used_twice_is_refused_in_a_build(tmp_path: Path) -> None:
    faq = ONE_QUESTION.format(id=123, question="One?", answer="First.") + (
        "  - id: 123\n    question: Two?\n    answer: Second.\n"
    )
    site = build_cli(write_project(tmp_path, faq=faq, docs={"index.md": "# Home\n"}))
    assert site.returncode != 0
    assert "faq.yml:5:9: questions[1].id 123 is used twice (first at faq.yml:2:9)" in site.output
    assert "Traceback" not in site.output


def test_setup_ci_yml_is_built_and_checked(tmp_path: Path) -> None:
    write_files(tmp_path, ["faq.d/setup.ci.yml"], ONE_QUESTION.format(id="ci-setup", question="CI?", answer="Yes."))
    write_files(tmp_path, ["faq.d/tools.go.yml"], ONE_QUESTION.format(id="go-tools", question="Go?", answer="Yes."))
    config = write_project(tmp_path, faq=None, config={"plugins": [{"faq": {"file": "faq.d/*.yml"}}]})
    site = build_cli(config, strict=True)
    assert site.returncode == 0, site.output
    page = site.html("faq/index.html")
    assert 'id="ci-setup"' in page and 'id="go-tools"' in page
    check = subprocess.run(
        [mkdocs_faq_executable(), "check", "faq.d/*.yml"], cwd=tmp_path, capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout + check.stderr


# ------------------------------------------------------------------------- --out (8, 12)

def test_out_through_a_symlink_keeps_the_link(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "faq.yml").write_text(MINIMAL_FAQ, encoding="utf-8")
    (tmp_path / "real.json").write_text("old", encoding="utf-8")
    os.symlink("real.json", tmp_path / "link.json")
    assert main(["export", "--out", "link.json"]) == 0
    assert os.path.islink(tmp_path / "link.json")
    assert '"Widget FAQ"' in (tmp_path / "real.json").read_text(encoding="utf-8")


def test_out_to_a_device_writes_to_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "faq.yml").write_text(MINIMAL_FAQ, encoding="utf-8")
    os.symlink("/dev/null", tmp_path / "null")
    assert main(["export", "--out", "null"]) == 0
    assert os.path.islink(tmp_path / "null") and os.readlink(tmp_path / "null") == "/dev/null"


def test_out_dev_stdout_writes_to_standard_output(tmp_path: Path) -> None:
    (tmp_path / "faq.yml").write_text(MINIMAL_FAQ, encoding="utf-8")
    process = subprocess.run(
        [mkdocs_faq_executable(), "export", "--out", "/dev/stdout"], cwd=tmp_path, capture_output=True, text=True
    )
    assert process.returncode == 0, process.stderr
    assert '"title": "Widget FAQ"' in process.stdout


def test_out_that_is_a_folder_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "faq.yml").write_text(MINIMAL_FAQ, encoding="utf-8")
    (tmp_path / "folder").mkdir()
    assert main(["export", "--out", "folder"]) == 1
    assert capsys.readouterr().err.startswith("error: cannot write folder: Is a directory")


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="file names are bytes on Linux only")
def test_generate_with_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path / "faq.d")
    os.mkdir(folder)
    with open(os.path.join(folder, b"caf\xe9.yml"), "w", encoding="utf-8") as stream:
        stream.write(MINIMAL_FAQ)
    process = subprocess.run(
        [mkdocs_faq_executable(), "generate", "faq.d/*.yml"], cwd=tmp_path, capture_output=True, text=True
    )
    assert process.returncode == 0, process.stderr
    assert "Traceback" not in process.stderr
    assert "faq.d/caf\\xe9.yml" in (tmp_path / "docs" / "glossary.md").read_text(encoding="utf-8")


def test_strip_removes_every_vector_from_the_built_page(tmp_path: Path) -> None:
    answers = "".join(
        f"  - id: q{i}\n    question: Question {i}?\n    answer: {yaml_text(markdown + ' Kept ' + str(i) + '.')}\n"
        for i, (markdown, _) in enumerate(VECTORS)
    )
    config = write_project(
        tmp_path, faq=f"questions:\n{answers}", docs={"index.md": "# Home\n"},
        config={"plugins": ["search", {"faq": {"active_html": "strip"}}]},
    )
    site = build_cli(config, strict=True)
    assert site.returncode == 0, site.output
    assert "removed: active_html is strip" in site.output
    from mkdocs_faq_plugin.kb import active_html

    page = site.html("faq/index.html")
    last_meta = page.index('class="faq-meta', page.index(f'id="q{len(VECTORS) - 1}"'))
    content = page[page.index('id="q0"') : page.index("</p>", last_meta)]  # the answers
    assert [content[f.start : f.end] for f in active_html.scan(content)] == []
    assert all(f"Kept {i}." in content for i in range(len(VECTORS)))
    for i in range(len(VECTORS)):
        assert f'id="q{i}"' in page


# --------------------------------------------------------- URL clashes (3, 9, 11)

@pytest.mark.parametrize(
    ("docs", "options", "message"),
    [
        ({"glossary/index.md": "# Mine\n"}, {},
         "faq: glossary/index.md and the generated page glossary.md would both be written to "
         "glossary/index.html; move glossary/index.md or set the plugin's faq_dir / glossary_page option"),
        ({"faq/basics/index.md": "# Mine\n"}, {},
         "faq: faq/basics/index.md and the generated page faq/basics.md would both be written to "
         "faq/basics/index.html; move faq/basics/index.md or set the plugin's faq_dir / glossary_page option"),
        ({}, {"glossary_page": "faq.md"},
         "faq: the generated pages faq/index.md and faq.md would both be written to faq/index.html; "
         "set the plugin's faq_dir / glossary_page option so they differ"),
        ({"faq/faq.json.md": "# Mine\n"}, {},
         "faq: faq/faq.json.md would be written into a folder faq/faq.json/, where the plugin writes "
         "the file faq/faq.json; rename it"),
        ({}, {"glossary_page": "faq/faq.json.md"},
         "faq: the generated page faq/faq.json.md would be written where the plugin writes "
         "faq/faq.json; choose another glossary_page"),
        ({"faq/faq.json": "{}\n"}, {},
         "faq: faq/faq.json would be overwritten by faq/faq.json, which the plugin writes at every "
         "build; move it or set the plugin's faq_dir option"),
    ],
)
def test_generated_and_user_files_never_share_an_output(
    tmp_path: Path, docs: dict[str, str], options: dict[str, Any], message: str
) -> None:
    config = write_project(
        tmp_path, docs={"index.md": "# Home\n", **docs}, config={"plugins": ["search", {"faq": options}]}
    )
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "published.html").write_text("old site", encoding="utf-8")
    site = build_cli(config)
    assert site.returncode == 1, site.output
    assert message in site.output
    assert "Traceback" not in site.output and "IsADirectoryError" not in site.output
    assert (tmp_path / "site" / "published.html").exists(), "refused before site_dir is emptied"


def test_the_same_names_without_directory_urls_do_not_clash(tmp_path: Path) -> None:
    config = write_project(
        tmp_path, docs={"index.md": "# Home\n", "glossary/index.md": "# Mine\n", "faq/basics/index.md": "# B\n"},
        config={"use_directory_urls": False},
    )
    site = build_cli(config, strict=True)
    assert site.returncode == 0, site.output
    assert "Mine" in site.html("glossary/index.html") and 'id="parameter"' in site.html("glossary.html")


def test_an_upper_case_scheme_links_like_a_lower_case_one(tmp_path: Path) -> None:
    faq = MINIMAL_FAQ.replace("see [tuning](faq:tuning-widgets)", "see [tuning](FAQ:tuning-widgets)")
    config = write_project(
        tmp_path, faq=faq, docs={"index.md": "# Home\n\nSee [the parameter](Glossary:parameter).\n"}
    )
    site = build_cli(config, strict=True)
    assert site.returncode == 0, site.output
    assert 'href="../usage/#tuning-widgets"' in site.html("faq/basics/index.html")
    assert 'href="glossary/#parameter"' in site.html("index.html")


def test_check_refuses_a_faq_dir_outside_the_docs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "faq.yml").write_text(MINIMAL_FAQ, encoding="utf-8")
    assert main(["check", "--faq-dir", "../x"]) == 2
    assert capsys.readouterr().err.endswith(
        "error: --faq-dir '../x' must stay inside docs_dir: no '..', '.' or empty parts\n"
    )
