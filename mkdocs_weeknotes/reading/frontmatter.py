"""Front matter read with a line for every key.

MkDocs' own meta parser swallows YAML errors and keeps no positions, so we read
the block ourselves: `yaml.compose` on a SafeLoader gives nodes with marks, and
each value is constructed on its own so that one bad value (an impossible date)
does not hide the others.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from ..problems import Problem, quote, shorten
from ..text import without_controls

FENCE_OPEN = "---"
FENCES_CLOSE = ("---", "...")


class Invalid:
    """Marks a value that YAML could not construct (e.g. `2019-06-31`).

    `refused` marks a value that was never built because it is too large; its
    problem is reported already, and the rules treat it as not there.
    """

    __slots__ = ("reason", "refused")

    def __init__(self, reason: str, refused: bool = False) -> None:
        self.reason = reason
        self.refused = refused

    def __repr__(self) -> str:
        return f"Invalid({self.reason!r})"


@dataclass(frozen=True)
class Field:
    """One top-level key of the front matter and where it stands in the file."""

    key: str
    value: Any
    line: int
    # The text as written, for scalars; lets messages quote what the author typed.
    raw: str | None = None
    # One line per item when the value is a sequence (block lists span lines).
    item_lines: tuple[int, ...] = ()


@dataclass(frozen=True)
class FrontMatter:
    """What a Markdown file holds: its fields, its body and the problems found."""

    fields: Mapping[str, Field]
    body: str
    # 1-based line of the file on which `body` starts.
    body_line: int
    problems: tuple[Problem, ...] = ()
    # True when the file opens with a closed `---` block, even one YAML rejected.
    has_block: bool = False
    # Whether the YAML parsed; False means `fields` is empty because of a problem.
    parsed: bool = True

    def get(self, key: str) -> Field | None:
        return self.fields.get(key)

    def values(self) -> dict[str, Any]:
        """The keys and values YAML could construct, as MkDocs' `page.meta` holds them."""
        return {k: f.value for k, f in self.fields.items() if not isinstance(f.value, Invalid)}


@dataclass
class _Reader:
    path: str
    problems: list[Problem] = field(default_factory=list)

    def problem(self, line: int, code: str, message: str, hint: str = "") -> None:
        self.problems.append(Problem(self.path, max(line, 1), code, message, hint))


def _without_controls_all(value: Any) -> Any:
    """Every text in a constructed value made printable, keys and items too."""
    if isinstance(value, str):
        return without_controls(value)
    if isinstance(value, list):
        return [_without_controls_all(item) for item in value]
    if isinstance(value, dict):
        return {_without_controls_all(k): _without_controls_all(v) for k, v in value.items()}
    return value


def decode(data: bytes, path: str) -> tuple[str, list[Problem]]:
    """Bytes to text with universal newlines; bad UTF-8 is a problem, never a crash."""
    problems: list[Problem] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        problems.append(
            Problem(
                path,
                line,
                "WN001",
                f"the file is not valid UTF-8 (byte 0x{data[err.start]:02x})",
                "save the file as UTF-8; the bad bytes are shown as \ufffd",
            )
        )
        text = data.decode("utf-8", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n"), problems


def read(source: str | bytes, path: str) -> FrontMatter:
    """Split `source` into front matter and body and read the front matter.

    `path` is only used to name the file in problems.
    """
    if isinstance(source, bytes):
        text, decode_problems = decode(source, path)
    else:
        text = source.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
        decode_problems = []
    reader = _Reader(path, list(decode_problems))
    lines = text.split("\n")
    if not lines or lines[0].rstrip(" \t") != FENCE_OPEN:
        return FrontMatter({}, text, 1, tuple(reader.problems))
    close = next((i for i in range(1, len(lines)) if lines[i].rstrip(" \t") in FENCES_CLOSE), None)
    if close is None:
        reader.problem(
            1,
            "WN004",
            "the front matter opens with '---' but is never closed",
            "add a line '---' after the last key",
        )
        return FrontMatter({}, text, 1, tuple(reader.problems), parsed=False)
    yaml_text = "\n".join(lines[1:close])
    body = "\n".join(lines[close + 1 :])
    fields, parsed = _read_yaml(yaml_text, reader)
    return FrontMatter(fields, body, close + 2, tuple(reader.problems), True, parsed)


# Aliases (`*a`) let a few lines of YAML stand for billions of items: nine lists of
# nine aliases each is 9**9. No front matter or authors entry needs this many, so a
# value that would expand past it is refused before anything is built or walked.
MAX_ITEMS = 10_000


def expanded_size(node: yaml.Node, limit: int = MAX_ITEMS) -> int:
    """How many nodes `node` stands for with every alias expanded, counted to `limit + 1`.

    An alias is the very node its anchor names, so each node is counted once and
    reused: the time is that of reading the text. A node that holds itself counts
    as past the limit, since it never ends. The walk keeps its own stack, so
    deep nesting cannot overflow Python's.
    """
    over = limit + 1
    sizes: dict[int, int] = {}
    stack: list[tuple[yaml.Node, bool]] = [(node, False)]
    while stack:
        current, counted = stack.pop()
        children = _children(current)
        if counted:
            total = 1
            for child in children:
                total += sizes[id(child)]
                if total > limit:
                    break
            sizes[id(current)] = min(total, over)
        elif id(current) not in sizes:
            sizes[id(current)] = over  # until its children are counted
            stack.append((current, True))
            stack.extend((child, False) for child in children if id(child) not in sizes)
    return sizes[id(node)]


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def too_large(what: str) -> str:
    """The message for a value refused by `expanded_size`."""
    return f"{what} holds more than {MAX_ITEMS:,} items once its aliases are expanded"


TOO_LARGE_HINT = "write the value out without '&' anchors and '*' aliases"


# The front matter starts on line 2 of the file: YAML line 0 is file line 2.
_OFFSET = 2


# libyaml's parser, where PyYAML has it, composes many times faster than PyYAML's own.
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def compose(text: str) -> yaml.Node | None:
    """The YAML node tree of `text`, each node marked with its line as editors
    count lines (see `_YAML_ONLY_BREAKS`).

    Parsed with libyaml for speed; any error is raised again by PyYAML's own
    parser, whose messages and marks the problems are written from.
    """
    try:
        root = yaml.compose(text, Loader=_FAST_LOADER)
    except (yaml.YAMLError, RecursionError):
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    if root is not None and _breaks_only_yaml_counts(text):
        recount = _recounter(text)
        for node in _distinct_nodes(root):
            node.start_mark = recount(node.start_mark)
            node.end_mark = recount(node.end_mark)
    return root


# YAML also breaks lines at NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR, which
# editors, and the file's lines everywhere else here, do not: with one of them in
# the text, YAML's line numbers are counted again from each mark's place.
_YAML_ONLY_BREAKS = ("\x85", "\u2028", "\u2029")


def _breaks_only_yaml_counts(text: str) -> bool:
    return any(brk in text for brk in _YAML_ONLY_BREAKS)


def _recounter(text: str) -> Callable[[Any], yaml.Mark]:
    """A mark of `text` on the line and column an editor gives its place."""
    starts = [0] + [i + 1 for i, char in enumerate(text) if char == "\n"]

    def recount(mark: Any) -> yaml.Mark:
        line = bisect.bisect_right(starts, mark.index) - 1
        return yaml.Mark(mark.name, mark.index, line, mark.index - starts[line], None, 0)

    return recount


def _distinct_nodes(root: yaml.Node) -> Iterator[yaml.Node]:
    """Every node under `root` once, however many aliases name it."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) not in seen:
            seen.add(id(node))
            yield node
            stack.extend(_children(node))


def _read_yaml(text: str, reader: _Reader) -> tuple[dict[str, Field], bool]:
    try:
        root = compose(text)
    except yaml.MarkedYAMLError as err:
        line, message, hint = describe_yaml_error(err, _OFFSET, text)
        reader.problem(line, "WN002", message, hint)
        return {}, False
    except yaml.YAMLError as err:  # ReaderError: a control character, no mark
        position = getattr(err, "position", 0)
        character = getattr(err, "character", "")
        if isinstance(character, str) and len(character) == 1:
            character = ord(character)
        code = f"#x{character:04x}" if isinstance(character, int) else ""
        line = text[:position].count("\n") + _OFFSET
        reader.problem(
            line,
            "WN002",
            f"YAML error: a control character {code} is not allowed".replace("  ", " "),
            "remove the control character",
        )
        return {}, False
    except RecursionError:
        reader.problem(_OFFSET, "WN002", "YAML error: the front matter is nested too deeply")
        return {}, False
    if root is None:
        return {}, True
    if not isinstance(root, yaml.MappingNode):
        kind = "a list" if isinstance(root, yaml.SequenceNode) else "plain text"
        reader.problem(
            root.start_mark.line + _OFFSET,
            "WN003",
            f"the front matter is {kind}, not 'key: value' lines",
            "write one 'key: value' per line, e.g. 'date: 2019-06-28'",
        )
        return {}, False
    fields: dict[str, Field] = {}
    constructor = SafeConstructor()
    # Without an alias, each node is written out, and a short block has few nodes:
    # only a block with a `*` or a long one can stand for too many.
    bounded = "*" not in text and len(text) < MAX_ITEMS // 2
    for key_node, value_node in root.value:
        line = key_node.start_mark.line + _OFFSET
        if (
            not bounded
            and not isinstance(key_node, yaml.ScalarNode)
            and expanded_size(key_node) > MAX_ITEMS
        ):
            reader.problem(line, "WN008", too_large("a key"), TOO_LARGE_HINT)
            continue
        key = _construct(constructor, key_node)
        if not isinstance(key, str):
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key)
        refused = (
            not bounded
            and not isinstance(value_node, yaml.ScalarNode)
            and expanded_size(value_node) > MAX_ITEMS
        )
        if refused:
            reader.problem(line, "WN008", too_large(quote(key)), TOO_LARGE_HINT)
        if key == "<<":  # a YAML merge key: not a field of ours
            continue
        if key in fields:
            reader.problem(
                line,
                "WN005",
                f"key {quote(key)} appears twice (first on line {fields[key].line})",
                "keep one; the last one wins",
            )
        if refused:
            fields[key] = Field(key, Invalid("too large", refused=True), line)
            continue
        raw = (
            without_controls(value_node.value) if isinstance(value_node, yaml.ScalarNode) else None
        )
        item_lines: tuple[int, ...] = ()
        if isinstance(value_node, yaml.SequenceNode):
            item_lines = tuple(n.start_mark.line + _OFFSET for n in value_node.value)
        fields[key] = Field(key, _construct(constructor, value_node), line, raw, item_lines)
    return fields, True


_STR = "tag:yaml.org,2002:str"


def _construct(constructor: SafeConstructor, node: yaml.Node) -> Any:
    # Most values are plain text, or lists of it, which the constructor would
    # give back unchanged: skip its machinery, run for every key of every note.
    if isinstance(node, yaml.ScalarNode):
        if node.tag == _STR:
            return without_controls(node.value)
    elif isinstance(node, yaml.SequenceNode):
        items = node.value
        if all(isinstance(item, yaml.ScalarNode) and item.tag == _STR for item in items):
            return [without_controls(item.value) for item in items]
    try:
        return _without_controls_all(constructor.construct_object(node, deep=True))
    except (yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError) as err:
        return Invalid(str(err).strip() or type(err).__name__)


def describe_yaml_error(
    err: yaml.MarkedYAMLError, offset: int, text: str | None = None
) -> tuple[int, str, str]:
    """The line, message and hint for a YAML syntax error.

    `offset` turns PyYAML's 0-based line into the file's line; given the `text`
    that was parsed, the line is the one editors count (see `compose`).

    For an unclosed bracket or quote PyYAML's problem mark is wherever it gave
    up, often the end of the block; the context mark is where the bracket or
    quote opened, which is the line the author must fix.
    """
    context = (err.context or "").strip()
    problem = (err.problem or "").strip()
    mark = err.problem_mark
    hint = "check the YAML syntax on this line"
    opened = ("flow sequence", "flow mapping", "quoted scalar")
    if err.context_mark is not None and any(word in context for word in opened):
        mark = err.context_mark
        if "flow sequence" in context:
            hint = "close the list with ']'"
        elif "flow mapping" in context:
            hint = "close the mapping with '}'"
        else:
            hint = "close the quote"
    elif "mapping values are not allowed" in problem:
        hint = "put the value in quotes if it contains ': '"
    elif "found character '\\t'" in problem or "tab" in problem:
        hint = "indent with spaces, not tabs"
    elif "found undefined alias" in problem or "found unhashable key" in problem:
        hint = "quote values that start with '*' or '&'"
    elif "expected <block end>" in problem or "expected <document start>" in problem:
        hint = "check the indentation of this line"
    line = (mark.line if mark is not None else 0) + offset
    if mark is not None and text is not None and _breaks_only_yaml_counts(text):
        line = _recounter(text)(mark).line + offset
    where = {
        "flow sequence": " in the list that starts on this line",
        "flow mapping": " in the mapping that starts on this line",
        "quoted scalar": " in the quoted text that starts on this line",
    }
    message = "YAML syntax error"
    if mark is err.context_mark:
        message += next((text for word, text in where.items() if word in context), "")
    elif context and problem:
        message += f" {context}"
    # An alias or tag is quoted in full by PyYAML, and may be as long as the file.
    detail = shorten(problem or context or "cannot parse the front matter", 200)
    message += ": " + detail.replace("'<stream end>'", "the end of the block").replace(
        "end of stream", "end of the block"
    )
    return line, message, hint
