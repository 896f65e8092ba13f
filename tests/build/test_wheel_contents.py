"""The wheel and the sdist hold every module and data file of the package.

`python -m build` makes both from this checkout (the wheel from the sdist, as for a release);
scripts/wheel_contents.py compares them with the source tree. The checker itself is tested on
wheels with a file left out, a stray package and a lost entry point. scripts/wheel-check then
installs such a wheel and runs it.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
_spec = importlib.util.spec_from_file_location("wheel_contents", ROOT / "scripts" / "wheel_contents.py")
assert _spec is not None and _spec.loader is not None
wheel_contents = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(wheel_contents)

INFO = "mkdocs_faq_plugin-0.1.0.dist-info"
GOOD_ENTRY_POINTS = """\
[console_scripts]
mkdocs-faq = mkdocs_faq_plugin.cli:main

[mkdocs.plugins]
faq = mkdocs_faq_plugin.plugin:FaqPlugin

[properdocs.plugins]
faq = mkdocs_faq_plugin.plugin:FaqPlugin
"""


def fake_wheel(path: Path, files: list[str], entry_points: str = GOOD_ENTRY_POINTS) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name in files:
            archive.writestr(name, "")
        archive.writestr(f"{INFO}/entry_points.txt", entry_points)
        archive.writestr(f"{INFO}/METADATA", "Name: mkdocs-faq-plugin\nRequires-Dist: mkdocs<2,>=1.6\n")
        record = [*files, f"{INFO}/entry_points.txt", f"{INFO}/METADATA", f"{INFO}/RECORD"]
        archive.writestr(f"{INFO}/RECORD", "".join(f"{name},,\n" for name in record))
    return path


def test_source_files_cover_subpackages_and_data() -> None:
    files = wheel_contents.source_files()
    for expected in (
        "mkdocs_faq_plugin/cli/__init__.py",
        "mkdocs_faq_plugin/linker/__init__.py",
        "mkdocs_faq_plugin/py.typed",
        "mkdocs_faq_plugin/faq.schema.json",
        "mkdocs_faq_plugin/templates/starter-faq.yml",
    ):
        assert expected in files
    assert not [f for f in files if "__pycache__" in f or f.endswith(".pyc")]


def test_the_checker_names_a_left_out_module(tmp_path: Path) -> None:
    expected = {"mkdocs_faq_plugin/__init__.py", "mkdocs_faq_plugin/cli/__init__.py"}
    wheel = fake_wheel(tmp_path / "w.whl", ["mkdocs_faq_plugin/__init__.py"])
    assert wheel_contents.wheel_problems(wheel, expected) == [
        "wheel: mkdocs_faq_plugin/cli/__init__.py is missing"
    ]


def test_the_checker_refuses_stray_packages_and_lost_entry_points(tmp_path: Path) -> None:
    expected = {"mkdocs_faq_plugin/__init__.py"}
    wheel = fake_wheel(
        tmp_path / "w.whl",
        ["mkdocs_faq_plugin/__init__.py", "tests/conftest.py"],
        entry_points=GOOD_ENTRY_POINTS.replace("[properdocs.plugins]", "[other]"),
    )
    assert wheel_contents.wheel_problems(wheel, expected) == [
        "wheel: tests/conftest.py is not part of the package",
        "wheel: entry point [properdocs.plugins] faq = mkdocs_faq_plugin.plugin:FaqPlugin is missing",
    ]


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if importlib.util.find_spec("build") is None:
        pytest.fail("the test extra's `build` package is missing: pip install -e '.[test]'")
    out = tmp_path_factory.mktemp("dist")
    process = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert process.returncode == 0, process.stdout[-3000:] + process.stderr[-3000:]
    return out


def test_the_built_wheel_and_sdist_hold_the_whole_package(dist: Path) -> None:
    (wheel,) = dist.glob("*.whl")
    (sdist,) = dist.glob("*.tar.gz")
    expected = wheel_contents.source_files()
    assert wheel_contents.wheel_problems(wheel, expected) == []
    assert wheel_contents.sdist_problems(sdist, expected) == []


def test_the_wheel_carries_the_version_of_the_package(dist: Path) -> None:
    import mkdocs_faq_plugin

    (wheel,) = dist.glob("*.whl")
    assert wheel.name.split("-")[1] == mkdocs_faq_plugin.__version__
