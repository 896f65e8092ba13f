"""A tiny, deterministic YAML writer for the data the generator produces.

Only what the generated `faq.yml` needs: mappings with string keys, lists, strings, numbers,
booleans and None. Strings are written as JSON strings (a JSON string is a valid YAML
double-quoted scalar), multi-line text as a literal block (`|`) so the file stays readable.
Keeps the benchmarks free of third-party dependencies.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

Value = str | int | float | bool | None | Sequence["Value"] | Mapping[str, "Value"]


def _scalar(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=True)
    raise TypeError(f"cannot write {type(value).__name__} as YAML")


def _literal_ok(text: str) -> bool:
    """Whether `text` round-trips unchanged through a `|` block scalar."""
    if "\n" not in text.rstrip("\n") or not text.endswith("\n") or text.endswith("\n\n"):
        return False
    lines = text[:-1].split("\n")
    if lines[0][:1] in (" ", "\t", ""):
        return False
    return all(line == line.rstrip() and "\t" not in line for line in lines) and all(
        ch == "\n" or " " <= ch <= "~" for ch in text
    )


def _write(value: object, indent: int, out: list[str]) -> None:
    pad = " " * indent
    if isinstance(value, Mapping):
        if not value:
            out[-1] += " {}"
            return
        for key, item in value.items():
            out.append(f"{pad}{_scalar(str(key)) if not str(key).isidentifier() else key}:")
            _write_item(item, indent, out)
    elif isinstance(value, (list, tuple)):
        if not value:
            out[-1] += " []"
            return
        for item in value:
            if isinstance(item, Mapping) and item:
                first = True
                for key, sub in item.items():
                    prefix = f"{pad}- " if first else f"{pad}  "
                    out.append(f"{prefix}{key}:")
                    _write_item(sub, indent + 2, out)
                    first = False
            else:
                out.append(f"{pad}-")
                _write_item(item, indent, out)
    else:
        raise TypeError("top level must be a mapping or a list")


def _write_item(item: object, indent: int, out: list[str]) -> None:
    """Append `item` as the value of the key (or list dash) that ends the last line."""
    if isinstance(item, Mapping) and item:
        _write(item, indent + 2, out)
    elif isinstance(item, (list, tuple)) and item:
        if all(not isinstance(x, (Mapping, list, tuple)) for x in item) and len(item) <= 8:
            out[-1] += " [" + ", ".join(_scalar(x) for x in item) + "]"
        else:
            _write(item, indent + 2, out)
    elif isinstance(item, (Mapping, list, tuple)):
        out[-1] += " {}" if isinstance(item, Mapping) else " []"
    elif isinstance(item, str) and _literal_ok(item):
        out[-1] += " |"
        pad = " " * (indent + 2)
        out.extend(f"{pad}{line}" if line else "" for line in item[:-1].split("\n"))
    else:
        out[-1] += " " + _scalar(item)


def dump(data: Mapping[str, object], header: str = "") -> str:
    """`data` as a YAML document; `header` lines are written as comments first."""
    out: list[str] = [f"# {line}" if line else "#" for line in header.splitlines()]
    body: list[str] = [""]
    _write(data, 0, body)
    out.extend(body[1:])
    return "\n".join(out) + "\n"
