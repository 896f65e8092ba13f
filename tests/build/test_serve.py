"""`mkdocs serve` while an author edits faq.yml: rebuilds, survives broken edits, recovers.

Every request goes to 127.0.0.1 only.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import MINIMAL_FAQ, write_project

TIMEOUT = 30.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    def __init__(self, root: Path):
        self.root = root
        self.port = _free_port()
        self.output: list[str] = []
        env = {**os.environ, "NO_COLOR": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{self.port}"],
            cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
        )
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.output.append(line)

    def get(self, path: str) -> str | None:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=5) as response:
                return response.read().decode("utf-8")
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return None

    def wait_for(self, predicate: Callable[[], bool], what: str) -> None:
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"server exited while waiting for {what}:\n{''.join(self.output)}")
            if predicate():
                return
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {what}:\n{''.join(self.output[-40:])}")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    write_project(tmp_path, config={"theme": {"name": "mkdocs"}})
    running = Server(tmp_path)
    try:
        running.wait_for(lambda: running.get("faq/basics/") is not None, "the first build")
        yield running
    finally:
        running.stop()


def _question_text(n: int) -> str:
    return f"What is widget number {n}?"


def test_serve_rebuilds_and_survives_broken_edits(server: Server, tmp_path: Path) -> None:
    faq = tmp_path / "faq.yml"
    last_good = "What is a widget?"
    edits = 0

    def good(n: int) -> None:
        nonlocal last_good
        text = _question_text(n)
        faq.write_text(MINIMAL_FAQ.replace("What is a widget?", text), encoding="utf-8")
        last_good = text
        server.wait_for(lambda: text in (server.get("faq/basics/") or ""), f"edit {n}")

    def broken(n: int, content: str | None) -> None:
        mark = len(server.output)
        if content is None:
            faq.unlink()
        else:
            faq.write_text(content, encoding="utf-8")
        server.wait_for(
            lambda: any("faq.yml" in line for line in server.output[mark:]), f"the error of edit {n}"
        )
        page = server.get("faq/basics/")
        assert page is not None and last_good in page, "the last good content must stay served"

    for n in range(50):
        kind = n % 5
        if kind == 0:
            good(n)
        elif kind == 1:
            broken(n, MINIMAL_FAQ.replace("    answer: Use fine-tuning", "    anser: Use fine-tuning"))
        elif kind == 2:
            good(n)
        elif kind == 3:
            broken(n, None)
        else:
            renamed = MINIMAL_FAQ.replace("id: basics", "id: first-steps").replace(
                "category: basics", "category: first-steps"
            )
            faq.write_text(renamed.replace("What is a widget?", _question_text(n)), encoding="utf-8")
            last_good = _question_text(n)
            server.wait_for(
                lambda: last_good in (server.get("faq/first-steps/") or ""), f"rename in edit {n}"
            )
            server.get("faq/basics/")
            good(n)
        edits += 1
    assert edits == 50
    log = "".join(server.output)
    assert "faq.yml:18:5: questions[1].anser: unknown key; did you mean 'answer'?" in log
    assert "file not found" in log
    assert "Traceback" not in log
    assert server.process.poll() is None
