"""Inputs shared by the unit and build tests of issue 29 (`unit/test_hardening.py`,
`build/test_hardening_builds.py`)."""

from __future__ import annotations

import json
from pathlib import Path

ONE_QUESTION = "questions:\n  - id: {id}\n    question: {question}\n    answer: {answer}\n"


def write_files(root: Path, names: list[str], text: str = "questions: []\n") -> None:
    for name in names:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


def yaml_text(text: str) -> str:
    return json.dumps(text)  # JSON strings are YAML double-quoted strings


VECTORS = [
    ('A paragraph.\n{: onclick="alert(1)" }', "an event handler attribute (onclick=)"),
    ('[link](https://x.org){: onclick="alert(1)" }', "an event handler attribute (onclick=)"),
    ('## Heading {: onclick="alert(1)" }', "an event handler attribute (onclick=)"),
    ("<img src=x ONERROR=alert(1)>", "an event handler attribute (onerror=)"),
    ('<a title="a>b" onclick="alert(1)">x</a>', "an event handler attribute (onclick=)"),
    ("``not code`` <img src=x onerror=alert(1)>", "an event handler attribute (onerror=)"),
    ("> [x][r]\n>\n> [r]: javascript:alert(1)", "a javascript: link"),
    ("- [x][r]\n\n    [r]: javascript:alert(1)", "a javascript: link"),
    ('<base href="https://evil.example/">', "a <base> tag"),
    ('<meta http-equiv="refresh" content="0;url=https://evil.example">', "a <meta http-equiv> tag"),
    ('<form action="https://evil.example"><input name=q></form>', "a <form> with an action"),
    ('<object data="x.swf"></object>', "a <object> tag"),
    ('<embed src="x.swf">', "a <embed> tag"),
    ('<style>.md-content { display: none }</style>', "a <style> tag"),
    ('<a href="data:text/html,<script>alert(1)</script>">x</a>', "a data: link"),
    ('<svg><a xlink:href="javascript:alert(1)">x</a></svg>', "a javascript: link"),
    ('<button formaction="vbscript:x">x</button>', "a vbscript: link"),
]
