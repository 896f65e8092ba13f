"""`mkdocs-faq generate --watch`: pages written again after every change to faq.yml, its
translations or templates, until Ctrl-C; the poll loop itself, then the real command."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest
from conftest import MINIMAL_FAQ, mkdocs_faq_executable

from mkdocs_faq_plugin.cli.watch import stamps, watch


def test_stamps_see_edits_new_siblings_templates_and_deletions(tmp_path: Path) -> None:
    faq = tmp_path / "faq.yml"
    faq.write_text("a")
    templates = tmp_path / "templates" / "faq"
    templates.mkdir(parents=True)
    (templates / "index.md.j2").write_text("x")

    def now() -> dict[str, tuple[int, int]]:
        return stamps([str(faq)], [str(tmp_path)], [str(tmp_path / "templates")])

    first = now()
    assert set(first) == {str(faq), str(templates / "index.md.j2")}
    (tmp_path / "faq.fr.yml").write_text("b")  # a translation appears beside it
    second = now()
    assert str(tmp_path / "faq.fr.yml") in second
    (tmp_path / "notes.txt").write_text("not YAML")
    assert now() == second
    (templates / "index.md.j2").write_text("longer")
    third = now()
    assert third != second
    faq.unlink()
    assert str(faq) not in now()


def test_generates_at_start_and_after_each_change_only() -> None:
    state = {"version": 0}
    runs: list[int] = []
    changes = iter([False, True, False, True])

    def sleep(_: float) -> None:
        if next(changes):
            state["version"] += 1

    status = watch(
        lambda: runs.append(state["version"]) or 0,
        lambda: {"faq.yml": (state["version"], 1)},
        rounds=4,
        sleep=sleep,
    )
    assert status == 0
    assert runs == [0, 1, 2]


def test_ctrl_c_ends_the_watch_cleanly(capsys: pytest.CaptureFixture[str]) -> None:
    def sleep(_: float) -> None:
        raise KeyboardInterrupt

    assert watch(lambda: 0, lambda: {}, sleep=sleep) == 0
    assert "stopped watching" in capsys.readouterr().err


def _wait_for(condition, what: str, limit: float = 60.0) -> None:
    """Wait for something the watcher does (not a timing assertion: only a bound on a hang)."""
    deadline = time.monotonic() + limit
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting: {what}")
        time.sleep(0.1)


@pytest.mark.skipif(os.name == "nt", reason="SIGINT to a child process is POSIX")
def test_the_command_regenerates_on_edit_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    (tmp_path / "faq.yml").write_text(MINIMAL_FAQ, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    process = subprocess.Popen(
        [mkdocs_faq_executable(), "generate", "--watch", "--interval", "0.2"],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    errors: list[str] = []
    reader = threading.Thread(target=lambda: errors.extend(process.stderr), daemon=True)
    reader.start()
    try:
        page = tmp_path / "docs" / "faq" / "usage.md"
        _wait_for(page.exists, "the first generation")
        edited = MINIMAL_FAQ.replace("How do I tune a widget?", "How do I tune a gadget?")
        (tmp_path / "faq.yml").write_text(edited, encoding="utf-8")
        _wait_for(lambda: "tune a gadget" in page.read_text(encoding="utf-8"), "the regeneration")
        broken = edited.replace("id: tuning-widgets", "id: what-is-a-widget")
        (tmp_path / "faq.yml").write_text(broken, encoding="utf-8")
        _wait_for(lambda: any("is used twice" in line for line in errors), "the error report")
        (tmp_path / "faq.yml").write_text(MINIMAL_FAQ, encoding="utf-8")
        _wait_for(lambda: "tune a widget" in page.read_text(encoding="utf-8"), "the repair")
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=60)
        reader.join(timeout=60)
    err = "".join(errors)
    assert process.returncode == 0, err
    assert "stopped watching" in err
    assert "Traceback" not in err
