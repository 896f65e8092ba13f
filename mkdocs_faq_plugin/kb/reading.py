"""Safe YAML reading that remembers where every value came from.

PyYAML's loaders forget positions once values are built, and silently keep the last of two
equal keys. We compose the node graph (libyaml when available) and build plain values
ourselves, recording a `Location` per path and refusing what no faq.yml needs: several
documents, duplicate keys, non-string keys, files too large, and alias graphs that expand
without bound ("billion laughs").
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.events import MappingStartEvent, ScalarEvent, SequenceStartEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.reader import ReaderError

from ..text import one_line
from .model import Location
from .problems import Path, Problem, dotted_path
from .written import NUMBER_TAGS, WrittenNumber

MAX_FILE_BYTES = 32 * 1024 * 1024
"""Ten thousand questions with long answers take about 5 MB; anything far bigger is a mistake."""

MAX_VALUES = 1_000_000
"""Values built after alias expansion; an exponential alias graph hits this in milliseconds."""

MAX_DEPTH = 100
"""A faq.yml is five levels deep; libyaml stops at 1000, the pure-Python parser recurses."""

MAX_NODES = 500_000
"""Values as written, before aliases expand. Composing costs about 400 bytes per value, so
this bounds memory for files under `MAX_FILE_BYTES` that are dense (`[a,a,a,...]`);
ten thousand questions and five thousand terms hold about 200,000."""

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_CParser: type | None = getattr(getattr(yaml, "cyaml", None), "CParser", None)  # libyaml's
_MERGE_TAG = "tag:yaml.org,2002:merge"
_STR_TAG = "tag:yaml.org,2002:str"
Position = tuple[int, int]
"""(line, column) in the document's own file, counting from 1: kept as a plain tuple because
a large file holds a hundred thousand of them and few are ever asked for. A document merged
from several files (translations) holds full `Location`s for the parts of the others."""


@dataclass
class YamlDocument:
    """Plain values plus where each came from: `values` for a path, `keys` for its key."""

    file: str
    data: Any
    values: dict[Path, Position | Location] = field(default_factory=dict)
    keys: dict[Path, Position | Location] = field(default_factory=dict)

    def location(self, path: Path) -> Location:
        """The closest known location of `path` (falls back to its parents, then line 1)."""
        while True:
            found = self.values.get(path)
            if found is not None:
                return self.located(found)
            if not path:
                return Location(self.file, 1, 1)
            path = path[:-1]

    def key_location(self, path: Path) -> Location:
        found = self.keys.get(path)
        return self.located(found) if found is not None else self.location(path)

    def located(self, found: Position | Location) -> Location:
        """A stored position as a full location (in this document's file unless it says)."""
        return found if isinstance(found, Location) else Location(self.file, *found)


class _TooLarge(Exception):
    pass


def read_yaml_file(path: str, display_name: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Read one file; every failure becomes a located problem, never an exception."""
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(path)
        if not stat.S_ISREG(info.st_mode):
            # /dev/zero never ends and a FIFO blocks until someone writes: neither is read.
            return None, [Problem(
                f"{display_name}: is not a regular file (a device, FIFO or socket); "
                "point it at a YAML file"
            )]
        size = info.st_size
        if size <= MAX_FILE_BYTES:
            with open(path, "rb") as stream:
                raw = stream.read(MAX_FILE_BYTES + 1)  # bounded, even if the file grows
            size = len(raw)
        if size > MAX_FILE_BYTES:
            return None, [
                Problem(
                    f"file is {_size(info.st_size)}; the limit is "
                    f"{MAX_FILE_BYTES // 1048576} MiB (split it into several files)",
                    Location(display_name, 1, 1),
                )
            ]
    except FileNotFoundError:
        return None, [Problem(f"{display_name}: file not found ({os.path.abspath(path)})")]
    except IsADirectoryError:
        return None, [Problem(f"{display_name}: is a directory, not a YAML file")]
    except OSError as exc:
        return None, [Problem(f"{display_name}: cannot be read ({exc.strerror or exc})")]
    return parse_yaml(raw, display_name)


def _size(st_size: int) -> str:
    """A file's size for the limit message; one that grew while read is "more than" it."""
    if st_size > MAX_FILE_BYTES:
        return f"{st_size / 1048576:.0f} MiB"
    return f"more than {MAX_FILE_BYTES // 1048576} MiB"


def parse_yaml(raw: bytes | str, display_name: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse YAML text (bytes must be UTF-8) into a `YamlDocument`."""
    if isinstance(raw, bytes):
        if len(raw) > MAX_FILE_BYTES:
            return None, [Problem("file is too large", Location(display_name, 1, 1))]
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            # Offsets are into `exc.object`: the bytes after a BOM. Columns count characters.
            data = bytes(exc.object)
            before = data[: exc.start].decode("utf-8", "replace")
            return None, [
                Problem(
                    f"file is not UTF-8 (byte 0x{data[exc.start]:02x}); save it as UTF-8",
                    _offset_location(display_name, before, len(before)),
                )
            ]
    else:
        text = raw
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        return None, [Problem("file is empty", Location(display_name, 1, 1))]
    crowded = _too_many_nodes(text, display_name)
    if crowded is not None:
        return None, [crowded]
    try:
        node = yaml.compose(text, Loader=_Loader)
    except ReaderError as exc:
        # Characters YAML refuses (NUL, other control characters): located by offset.
        char = exc.character
        # PyYAML's reader counts characters; libyaml counts bytes of the UTF-8 text.
        libyaml = _CParser is not None and issubclass(_Loader, _CParser)
        offset = _char_offset(text, exc.position) if libyaml else exc.position
        located = _offset_location(display_name, text, offset)
        code = ord(char) if isinstance(char, str) else int(char)
        what = f"character U+{code:04X}"
        return None, [Problem(f"invalid YAML: {what} is not allowed ({exc.reason})", located)]
    except yaml.composer.ComposerError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = exc.problem or "invalid YAML"
        if "expected a single document" in str(exc.context):
            message = "holds several YAML documents (---); keep one per file"
        return None, [Problem(message, _mark_location(display_name, mark))]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        detail = exc.problem or "invalid YAML"
        if exc.context and "nesting depth" not in detail:
            started = exc.context_mark
            where = f" that starts at line {started.line + 1}" if started and started is not mark else ""
            detail = f"{detail} {exc.context}{where}"
        return None, [Problem(f"invalid YAML: {detail}", _mark_location(display_name, mark))]
    except yaml.YAMLError as exc:
        return None, [Problem(f"invalid YAML: {one_line(str(exc))}", Location(display_name, 1, 1))]
    except RecursionError:
        return None, [Problem("YAML is nested too deeply", Location(display_name, 1, 1))]
    except (UnicodeError, ValueError) as exc:  # e.g. a str holding lone surrogates
        return None, [Problem(f"invalid YAML: {one_line(str(exc))}", Location(display_name, 1, 1))]
    if node is None:
        return None, [Problem("file is empty", Location(display_name, 1, 1))]
    document = YamlDocument(display_name, None)
    problems: list[Problem] = []
    try:
        document.data = _Builder(document, problems).build(node)
    except RecursionError:
        return None, [Problem("YAML is nested too deeply", Location(display_name, 1, 1))]
    except _TooLarge:
        return None, [
            Problem(
                f"YAML expands to more than {MAX_VALUES:,} values (anchors and aliases "
                "referring to each other?); refused",
                Location(display_name, 1, 1),
            )
        ]
    return (None if problems else document), problems


def _node_bound(text: str) -> int:
    """An upper bound of the nodes composing `text` yields, from characters alone.

    Every node needs an indicator: a mapping entry its `:` (or `?`, or `,` in flow style),
    a sequence item its `-` (or `[`/`,`); each indicator opens at most a collection, a key
    and a value. Prose full of commas and hyphens overestimates, which only costs an exact
    count (`_too_many_nodes`).
    """
    entries = text.count(":") + text.count("?") + text.count(",") + text.count("{")
    items = text.count("-") + text.count("[")
    return 1 + 3 * entries + 2 * items


def _too_many_nodes(text: str, file: str) -> Problem | None:
    """A problem when `text` holds more than `MAX_NODES` nodes, found before composing them.

    The exact count streams parser events (nothing is kept) and stops at the limit; syntax
    errors are left for `yaml.compose` to report.
    """
    if _node_bound(text) <= MAX_NODES:
        return None
    loader = _Loader(text)
    count = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, (ScalarEvent, SequenceStartEvent, MappingStartEvent)):
                count += 1
                if count > MAX_NODES:
                    return Problem(
                        f"file holds more than {MAX_NODES:,} YAML values; the limit keeps "
                        "memory use bounded (split it into several files)",
                        _mark_location(file, event.start_mark),
                    )
    except (yaml.YAMLError, RecursionError, ValueError, UnicodeError):
        return None
    finally:
        loader.dispose()
    return None


def _mark_location(file: str, mark: Any) -> Location:
    if mark is None:
        return Location(file, 1, 1)
    return Location(file, mark.line + 1, mark.column + 1)


_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def _offset_location(file: str, text: str, position: int | None) -> Location:
    """Line and column of a character offset, counting line breaks the way YAML does."""
    if not isinstance(position, int) or position < 0:
        return Location(file, 1, 1)
    before = text[:position]
    breaks = list(_LINE_BREAK.finditer(before))
    start = breaks[-1].end() if breaks else 0
    return Location(file, len(breaks) + 1, position - start + 1)


def _char_offset(text: str, byte_offset: int | None) -> int | None:
    if not isinstance(byte_offset, int) or byte_offset < 0:
        return None
    return len(text.encode("utf-8", "surrogatepass")[:byte_offset].decode("utf-8", "ignore"))



class _Builder:
    """Turns a composed node graph into plain values, recording locations on the way."""

    def __init__(self, document: YamlDocument, problems: list[Problem]):
        self.document = document
        self.problems = problems
        self.count = 0
        # One constructor per document: PyYAML's caches every node it constructs until
        # `construct_document` ends, so a shared one would keep every file ever read alive.
        self.constructor = SafeConstructor()
        self.merged: dict[int, list[tuple[Node, Node]]] = {}
        self.merging: set[int] = set()
        self.bad_keys: set[int] = set()
        self.open: set[int] = set()  # collections being built: an alias back to one loops

    def build(self, node: Node) -> Any:
        return self._value(node, (), 0)

    def _value(self, node: Node, path: Path, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_VALUES:
            raise _TooLarge
        if depth > MAX_DEPTH:
            self.problems.append(
                Problem("YAML is nested too deeply", self._location(node))
            )
            return None
        self.document.values[path] = self._position(node)
        if isinstance(node, ScalarNode):
            return self._scalar(node)
        if id(node) in self.open:
            self.problems.append(Problem(
                "an alias (*name) refers to a collection that contains it, an endless loop",
                self._location(node),
            ))
            return None
        self.open.add(id(node))
        try:
            if isinstance(node, SequenceNode):
                return [self._value(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
            if isinstance(node, MappingNode):
                return self._mapping(node, path, depth)
        finally:
            self.open.discard(id(node))
        return None

    def _scalar(self, node: ScalarNode) -> Any:
        if node.tag == _STR_TAG:
            return node.value  # most values; skips the constructor's bookkeeping
        if node.tag in NUMBER_TAGS:
            return WrittenNumber(node.value)
        try:
            return self.constructor.construct_object(node, deep=True)
        except Exception as exc:  # noqa: BLE001 - PyYAML constructors raise KeyError, AttributeError, ...
            problem = getattr(exc, "problem", None)
            if not isinstance(problem, str) or not problem:
                tag = node.tag.rsplit(":", 1)[-1] if node.tag.startswith("tag:yaml.org") else node.tag
                problem = f"{_shorten(node.value)} is not a valid {tag}"
                if isinstance(exc, ValueError) and str(exc):
                    # Python's own advice ("use sys.set_int_max_str_digits()") is not for authors.
                    problem = f"{problem} ({one_line(str(exc)).split(';')[0][:200]})"
            self.problems.append(Problem(f"invalid value: {one_line(problem)}", self._location(node)))
            return None
        finally:
            self.constructor.constructed_objects.clear()
            self.constructor.recursive_objects.clear()

    def _mapping(self, node: MappingNode, path: Path, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in self._merged_pairs(node, depth):
            self.count += 1
            if self.count > MAX_VALUES:
                raise _TooLarge
            if not isinstance(key_node, ScalarNode):
                if id(key_node) not in self.bad_keys:  # merged copies: report the node once
                    self.bad_keys.add(id(key_node))
                    self.problems.append(Problem("keys must be plain names", self._location(key_node)))
                continue
            # A key is the name as written: `yes:`, `1:` and `2001-13-45:` are names, never
            # booleans, numbers or dates (and never a reason to fail).
            key = key_node.value
            child = (*path, key)
            if key in result:
                first_line = self.document.key_location(child).line
                self.problems.append(
                    Problem(
                        f"{dotted_path(child)} is given twice (first at line {first_line})",
                        self._location(key_node),
                    )
                )
                continue
            self.document.keys[child] = self._position(key_node)
            result[key] = self._value(value_node, child, depth + 1)
        return result

    def _location(self, node: Node) -> Location:
        return Location(self.document.file, *self._position(node))

    @staticmethod
    def _position(node: Node) -> Position:
        mark = node.start_mark
        return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)

    def _merged_pairs(self, node: MappingNode, depth: int) -> list[tuple[Node, Node]]:
        """Key/value pairs with YAML merge keys (`<<: *defaults`) applied, explicit keys winning.

        Each mapping is merged once (aliases share the result), a mapping that merges itself
        is refused instead of recursing forever, and the pairs gathered count towards
        `MAX_VALUES`, so chains of merges cannot blow up time or memory.
        """
        key = id(node)
        done = self.merged.get(key)
        if done is not None:
            return done
        if key in self.merging:
            self.problems.append(
                Problem("merge key (<<) includes the mapping it belongs to", self._location(node))
            )
            return []
        if depth > MAX_DEPTH:
            self.problems.append(Problem("YAML is nested too deeply", self._location(node)))
            return []
        self.merging.add(key)
        try:
            pairs: list[tuple[Node, Node]] = []
            merged: list[tuple[Node, Node]] = []
            for key_node, value_node in node.value:
                if key_node.tag != _MERGE_TAG:
                    pairs.append((key_node, value_node))
                    continue
                sources = value_node.value if isinstance(value_node, SequenceNode) else [value_node]
                for source in sources:
                    if not isinstance(source, MappingNode):
                        self.problems.append(Problem(
                            "a merge key (<<) takes a mapping or a list of mappings",
                            self._location(source),
                        ))
                        continue
                    inherited = self._merged_pairs(source, depth + 1)
                    self.count += len(inherited)
                    if self.count > MAX_VALUES:
                        raise _TooLarge
                    merged.extend(inherited)
        finally:
            self.merging.discard(key)
        explicit = {k.value for k, _ in pairs if isinstance(k, ScalarNode)}
        seen: set[str] = set()
        kept = []
        for key_node, value_node in merged:
            name = key_node.value if isinstance(key_node, ScalarNode) else None
            if name in explicit or name in seen:
                continue
            if name is not None:
                seen.add(name)
            kept.append((key_node, value_node))
        result = kept + pairs
        self.merged[key] = result
        return result


def _shorten(value: str, limit: int = 60) -> str:
    text = one_line(value)
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


